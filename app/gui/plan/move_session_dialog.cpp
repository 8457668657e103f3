#include "plan/move_session_dialog.h"

#include "common/code_names.h"
#include "common/date_field.h"
#include "common/error_message.h"
#include "common/wx_conversions.h"
#include "intake/intake_html.h"
#include "plan/plan_text.h"
#include "sessions/session_note_text.h"

#include <myodesk/db/errors.h>

#include <wx/button.h>
#include <wx/html/htmlwin.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <utility>

namespace myodesk::app {

MoveSessionDialog::MoveSessionDialog(wxWindow* parent, const core::PlannedSession& session,
                                     const core::Plan& plan, PreviewFunction preview)
    : FormDialog(parent, _("Move session"), "MoveSessionDialog"),
      m_session(session),
      m_units(plan.units),
      m_preview(std::move(preview)),
      m_plan_from(plan.from),
      m_plan_to(plan.to) {
    // TRANSLATORS: the heading of the dialog that moves a planned session, e.g. "Move the
    // session of Tue 3 Dec 2026".
    auto* heading = new wxStaticText(
        this, wxID_ANY, wxString::Format(_("Move the session of %s"), DayText(session.date)));
    heading->SetFont(heading->GetFont().Scaled(1.2f).Bold());

    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(this, wxID_ANY, _("&To")),
             wxSizerFlags().CentreVertical().Border(wxRIGHT, FromDIP(8)));
    m_date = new DateField(this, "move.date");
    m_date->SetDate(session.date);
    m_date->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { UpdatePreview(); });
    row->Add(m_date, wxSizerFlags().CentreVertical());
    auto* range = new wxStaticText(
        this, wxID_ANY,
        wxString::Format(_("a day of the plan, %s – %s"), FormatReadableDate(plan.from),
                         FormatReadableDate(plan.to)));
    range->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    row->Add(range, wxSizerFlags().CentreVertical().Border(wxLEFT, FromDIP(10)));

    m_view = new wxHtmlWindow(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(480, 220)),
                              wxHW_SCROLLBAR_AUTO | wxBORDER_THEME);
    m_view->SetName("move.preview");
    const wxFont font = wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT);
    m_view->SetStandardFonts(font.GetPointSize(), font.GetFaceName());

    wxStdDialogButtonSizer* buttons = CreateFormButtons(wxID_OK, _("&Move"));
    m_move = buttons->GetAffirmativeButton();

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(heading, wxSizerFlags().Border(wxALL, FromDIP(16)));
    top->Add(row, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(16)));
    top->Add(m_view, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(16)));
    top->Add(buttons, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    SetSizerAndFit(top);
    RestoreGeometry();
    UpdatePreview();
    m_date->SetFocus();
}

void MoveSessionDialog::SetDate(const core::Date& day) {
    m_date->SetDate(day);  // ChangeValue: no text event
    UpdatePreview();
}

wxString MoveSessionDialog::PreviewText() const {
    return m_view->ToText();
}

void MoveSessionDialog::UpdatePreview() {
    const std::optional<core::Date> day = m_date->GetDate();
    m_result.reset();
    wxString instead;
    if (m_date->IsUnreadable()) {
        instead = m_date->UnreadableMessage(_("To"));
    } else if (!day || *day == m_session.date) {
        instead = _("Type the day the session should move to.");
    } else if (*day < m_plan_from || *day > m_plan_to) {
        instead =
            wxString::Format(_("%s is not a day of the plan (%s – %s)."), FormatReadableDate(*day),
                             FormatReadableDate(m_plan_from), FormatReadableDate(m_plan_to));
    }
    if (!instead.empty()) {
        m_view->SetPage("<html><body><p>" + EscapeHtml(instead) + "</p></body></html>");
        m_move->Enable(false);
        return;
    }
    try {
        m_result = m_preview(*day);
    } catch (const db::DatabaseError& error) {
        // Shown in the preview, not in a box: the user is only choosing a day.
        m_view->SetPage("<html><body><p>" +
                        EscapeHtml(_("The plan's rules could not be read: ") +
                                   FailureAdvice(FailureOf(error))) +
                        "</p><p><small>" + EscapeHtml(ToWx(error.what())) +
                        "</small></p></body></html>");
        m_move->Enable(false);
        return;
    }
    wxString html = "<html><body>\n";
    std::vector<wxString> warnings;
    for (const core::PlanWarning& warning : m_result->warnings) {
        warnings.push_back(PlanWarningText(warning, m_units));
    }
    if (!m_result->allowed) {
        html << "<p><font color=\"#b00020\"><b>"
             << EscapeHtml(wxString::Format(_("The session cannot move to %s:"), DayText(*day)))
             << "</b></font></p>\n<ul>";
        for (const wxString& warning : warnings) {
            html << "<li>" << EscapeHtml(warning) << "</li>\n";
        }
        html << "</ul><p>" << EscapeHtml(_("It stays where it is. Choose another day."))
             << "</p>\n";
    } else {
        const core::PlannedSession& moved = m_result->session;
        if (!warnings.empty()) {
            html << "<p><font color=\"#8a4b00\"><b>" << EscapeHtml(_("Check before moving:"))
                 << "</b></font></p>\n<ul>";
            for (const wxString& warning : warnings) {
                html << "<li>" << EscapeHtml(warning) << "</li>\n";
            }
            html << "</ul>\n";
        }
        // TRANSLATORS: what the session would be on its new day, e.g. "On Wed 4 Dec 2026:
        // Swedish · 45 min · pressure up to 5/10".
        html << "<p><b>" << EscapeHtml(wxString::Format(_("On %s:"), DayText(moved.date)))
             << "</b> "
             << EscapeHtml(wxString::Format(_("%s · %d min · pressure up to %s"),
                                            TechniquesSummary(moved.techniques), moved.duration_min,
                                            PlanPressureText(moved.pressure_max)))
             << "</p>\n";
        if (!moved.cautions.empty()) {
            html << "<ul>";
            for (const core::PlanCaution& caution : moved.cautions) {
                html << "<li>" << EscapeHtml(PlanCautionText(caution, m_units)) << "</li>\n";
            }
            html << "</ul>\n";
        }
    }
    html << "</body></html>";
    m_view->SetPage(html);
    m_move->Enable(m_result->allowed);
}

}  // namespace myodesk::app
