#include "sessions/session_note_view_dialog.h"

#include "common/error_message.h"
#include "common/problem_message.h"
#include "common/wx_conversions.h"
#include "sessions/amendment_dialog.h"
#include "sessions/body_chart_ctrl.h"
#include "sessions/session_note_text.h"

#include <myodesk/db/errors.h>

#include <wx/button.h>
#include <wx/display.h>
#include <wx/html/htmlwin.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/settings.h>
#include <wx/sizer.h>

#include <utility>

namespace myodesk::app {

SessionNoteViewDialog::SessionNoteViewDialog(wxWindow* parent, const core::Client& client,
                                             core::SessionNote note, StaffNameFunction staff_name,
                                             AmendFunction amend, CorrectFunction correct)
    : FormDialog(parent, wxString::Format(_("Session note: %s"), ToWx(core::DisplayName(client))),
                 "SessionNoteViewDialog"),
      m_note(std::move(note)),
      m_staff_name(std::move(staff_name)),
      m_amend(std::move(amend)),
      m_correct(std::move(correct)) {
    m_view = new wxHtmlWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                              wxHW_SCROLLBAR_AUTO | wxBORDER_THEME);
    m_view->SetName("note.view");
    const wxFont font = wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT);
    m_view->SetStandardFonts(font.GetPointSize(), font.GetFaceName());
    m_chart = new BodyChartCtrl(this);
    m_chart->SetReadOnly(true);
    m_chart->SetMinSize(FromDIP(wxSize(300, 360)));

    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    columns->Add(m_view, wxSizerFlags(3).Expand());
    columns->AddSpacer(FromDIP(12));
    columns->Add(m_chart, wxSizerFlags(2).Expand());

    m_amend_button = new wxButton(this, wxID_ANY, _("&Amend…"));
    m_amend_button->SetToolTip(
        _("Add a correction to this signed note; the original stays as it is"));
    m_amend_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Amend(); });
    m_amend_button->Enable(static_cast<bool>(m_amend));
    m_correct_button = new wxButton(this, wxID_ANY, _("&Correct every field…"));
    m_correct_button->SetToolTip(
        _("Correct the pain scores, regions and sides, techniques, times or any text of this "
          "signed note; the original stays as it is"));
    m_correct_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { CorrectEveryField(); });
    m_correct_button->Enable(static_cast<bool>(m_correct));
    wxSizer* close_sizer = CreateCloseButton();
    auto* close = dynamic_cast<wxButton*>(FindWindow(wxID_CLOSE));
    close->SetDefault();
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(m_amend_button, wxSizerFlags().CentreVertical());
    buttons->Add(m_correct_button, wxSizerFlags().CentreVertical().Border(wxLEFT, FromDIP(8)));
    buttons->AddStretchSpacer();
    buttons->Add(close_sizer, wxSizerFlags().CentreVertical());

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(columns, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(12)));
    top->Add(buttons, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    SetSizer(top);

    ShowNote();
    SetMinSize(FromDIP(wxSize(700, 460)));
    RestoreGeometry(FromDIP(wxSize(1000, 720)));
    close->SetFocus();
}

void SessionNoteViewDialog::ShowNote() {
    m_view->SetPage(SessionNoteToHtml(m_note, m_staff_name));
    m_chart->SetRegions(core::AsCorrected(m_note).regions);  // as the note reads now
}

wxString SessionNoteViewDialog::Text() const {
    return m_view->ToText();
}

bool SessionNoteViewDialog::Amend() {
    if (!m_amend) {
        return false;
    }
    AmendmentDialog dialog(this, m_note);
    while (dialog.ShowModal() == wxID_OK) {
        try {
            std::optional<core::SessionNote> amended = m_amend(dialog.GetAmendment());
            if (!amended) {
                return false;
            }
            m_note = std::move(*amended);
        } catch (const db::ValidationError& error) {
            wxString text;
            for (const core::ValidationProblem& problem : error.Problems()) {
                text << ProblemMessage(problem) << '\n';
            }
            wxMessageDialog message(this, _("The amendment could not be added."), _("Amend note"),
                                    wxOK | wxICON_ERROR);
            message.SetExtendedMessage(text);
            message.ShowModal();
            continue;
        } catch (const db::DatabaseError& error) {
            ShowErrorMessage(this, _("The amendment could not be saved. Try again."), error,
                             _("Amend note"));
            continue;
        }
        m_amended = true;
        ShowNote();
        // The new amendment is at the end: show it.
        m_view->Scroll(0, m_view->GetVirtualSize().y);
        return true;
    }
    return false;
}

bool SessionNoteViewDialog::CorrectEveryField() {
    if (!m_correct) {
        return false;
    }
    std::optional<core::SessionNote> corrected = m_correct();
    if (!corrected) {
        return false;
    }
    m_note = std::move(*corrected);
    m_amended = true;
    ShowNote();
    m_view->Scroll(0, m_view->GetVirtualSize().y);
    return true;
}

}  // namespace myodesk::app
