#include "common/form_dialog.h"

#include "common/discard_confirmation.h"
#include "common/problem_message.h"
#include "common/problem_panel.h"

#include <wx/button.h>
#include <wx/display.h>
#include <wx/intl.h>
#include <wx/persist/toplevel.h>
#include <wx/richtooltip.h>
#include <wx/sizer.h>
#include <wx/textctrl.h>

#include <algorithm>

namespace myodesk::app {

FormDialog::FormDialog(wxWindow* parent, const wxString& title, const wxString& name, long style)
    : wxDialog(parent, wxID_ANY, title, wxDefaultPosition, wxDefaultSize, style, name) {
    Bind(wxEVT_CHAR_HOOK, &FormDialog::OnCharHook, this);
}

wxStdDialogButtonSizer* FormDialog::CreateFormButtons(int affirmative_id, const wxString& label,
                                                      const wxString& tooltip,
                                                      const wxString& cancel_label,
                                                      bool enter_affirms) {
    auto* buttons = new wxStdDialogButtonSizer();
    if (affirmative_id != wxID_NONE) {
        auto* affirmative = new wxButton(this, affirmative_id, label);
        if (!tooltip.empty()) {
            affirmative->SetToolTip(tooltip);
        }
        if (enter_affirms) {
            affirmative->SetDefault();
        }
        buttons->AddButton(affirmative);
        SetAffirmativeId(affirmative_id);
        Bind(
            wxEVT_BUTTON, [this](wxCommandEvent&) { Affirm(); }, affirmative_id);
    }
    buttons->AddButton(new wxButton(this, wxID_CANCEL, cancel_label));
    buttons->Realize();
    SetEscapeId(wxID_CANCEL);
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { Dismiss(); }, wxID_CANCEL);
    return buttons;
}

wxStdDialogButtonSizer* FormDialog::CreateCloseButton() {
    auto* buttons = new wxStdDialogButtonSizer();
    auto* close = new wxButton(this, wxID_CLOSE);
    buttons->AddButton(close);
    buttons->Realize();
    SetEscapeId(wxID_CLOSE);
    SetAffirmativeId(wxID_CLOSE);
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { Dismiss(); }, wxID_CLOSE);
    return buttons;
}

void FormDialog::EnableSaveShortcut() {
    m_save_shortcut = true;
}

void FormDialog::SetDiscardQuestion(const wxString& question, const wxString& title) {
    m_discard_question = question;
    m_discard_title = title;
}

bool FormDialog::Affirm() {
    if (!Validate() || !TransferDataFromWindow() || !Save()) {
        return false;
    }
    // wxID_OK whatever the button's id (wxID_SAVE...): callers ask ShowModal() == wxID_OK.
    EndDialog(wxID_OK);
    return true;
}

bool FormDialog::Dismiss() {
    if (!m_discard_question.empty() && IsDirty() &&
        !ConfirmThrowAway(this, m_discard_question,
                          m_discard_title.empty() ? GetTitle() : m_discard_title)) {
        return false;
    }
    const int escape = GetEscapeId();
    EndDialog(escape == wxID_ANY || escape == wxID_NONE ? wxID_CANCEL : escape);
    return true;
}

bool FormDialog::HandleKey(wxKeyEvent&) {
    return false;
}

void FormDialog::RevealField(wxWindow*) {}

void FormDialog::OnCharHook(wxKeyEvent& event) {
    if (HandleKey(event)) {
        return;
    }
    if (m_save_shortcut && event.GetModifiers() == wxMOD_CONTROL && event.GetKeyCode() == 'S') {
        Affirm();
        return;
    }
    // Escape presses Cancel (or Close), which asks first: wxDialog's own handling.
    event.Skip();
}

void FormDialog::ShowProblems(ProblemPanel& panel, const core::ValidationProblems& problems,
                              const ProblemDisplay& display, const std::vector<wxString>& extra) {
    panel.Clear();
    if (problems.empty() && extra.empty()) {
        Layout();
        return;
    }
    const auto control_for = [&](std::string_view field) {
        return display.control_for ? display.control_for(field) : nullptr;
    };
    wxString text =
        problems.size() + extra.size() == 1 ? display.heading_one : display.heading_many;
    for (const core::ValidationProblem& problem : problems) {
        text << (text.empty() ? "" : "\n")
             << (display.message ? display.message(problem) : ProblemMessage(problem));
        if (display.marked) {
            for (wxWindow* field : display.marked(problem)) {
                panel.MarkField(field);
            }
        } else {
            // Text fields are tinted; a tinted choice or date picker looks broken in GTK.
            panel.MarkField(dynamic_cast<wxTextCtrl*>(control_for(problem.field)));
        }
    }
    for (const wxString& line : extra) {
        text << (text.empty() ? "" : "\n") << line;
    }
    const int wrap = display.wrap_width > 0
                         ? display.wrap_width
                         : std::max(FromDIP(360), GetClientSize().x - FromDIP(90));
    panel.ShowText(text, wrap);
    // Grows the dialog when the sentences do not fit.
    Layout();
    const wxSize needed = ClientToWindowSize(GetSizer()->GetMinSize());
    if (GetSize().y < needed.y || GetSize().x < needed.x) {
        wxSize grown = GetSize();
        grown.IncTo(needed);
        SetSize(grown);
        Layout();
    }
    if (!problems.empty()) {
        wxWindow* first = control_for(problems.front().field);
        RevealField(first);
        FocusProblemField(first);
    }
    wxBell();
}

void FormDialog::RestoreGeometry(const wxSize& initial) {
    const int display = wxDisplay::GetFromWindow(GetParent() != nullptr ? GetParent() : this);
    const wxRect area =
        wxDisplay(display == wxNOT_FOUND ? 0u : static_cast<unsigned>(display)).GetClientArea();
    wxSize size = initial.IsFullySpecified() ? initial : GetSize();
    size.x = std::min(size.x, area.width - FromDIP(20));
    size.y = std::min(size.y, area.height - FromDIP(20));
    size.IncTo(GetMinSize());
    SetSize(size);
    CentreOnParent();
    // A remembered size and place replace the first ones (the window's name is the key). A
    // dialog that cannot be resized keeps the size that fits it: only its place is kept.
    const wxSize fitted = GetSize();
    const bool remembered = wxPersistentRegisterAndRestore(this, GetName());
    FitOnceShown(remembered);
    if (!remembered) {
        return;
    }
    if (!HasFlag(wxRESIZE_BORDER)) {
        SetSize(fitted);
    }
    // Wholly on the screen, whatever the screen was when the place was remembered (its
    // buttons must never be out of reach).
    wxRect rect = GetRect();
    rect.width = std::min(rect.width, area.width);
    rect.height = std::min(rect.height, area.height);
    rect.x = std::clamp(rect.x, area.x, area.GetRight() - rect.width + 1);
    rect.y = std::clamp(rect.y, area.y, area.GetBottom() - rect.height + 1);
    SetSize(rect);
}

void FormDialog::SayWhenFull(wxTextCtrl* text, const wxString& label, std::size_t limit) {
    text->SetMaxLength(static_cast<unsigned long>(limit));
    text->Bind(wxEVT_TEXT_MAXLEN, [this, text, label, limit](wxCommandEvent&) {
        m_full_notice = wxString::Format(_("%s: at most %lu characters; the rest was not taken."),
                                         label, static_cast<unsigned long>(limit));
        wxRichToolTip tip(_("This field is full"), m_full_notice);
        tip.SetIcon(wxICON_INFORMATION);
        // Light, as the tip's text is dark: the theme's tooltip colour can be dark too.
        tip.SetBackgroundColour(wxColour(255, 250, 225));
        tip.SetTimeout(8000);
        tip.ShowFor(text);
    });
}

void FormDialog::FitOnceShown(bool place_remembered) {
    // Before GTK shows a window its buttons have no size yet, so what fitted then can be too
    // small: "Who is at the desk?" after Start empty came up with its buttons squashed and in
    // the screen's corner under a window manager.
    Bind(wxEVT_SHOW, [this, place_remembered, done = false](wxShowEvent& event) mutable {
        event.Skip();
        if (done || !event.IsShown()) {
            return;
        }
        done = true;
        CallAfter([this, place_remembered] {
            const wxSize needed = GetBestSize();
            if (GetSize().x >= needed.x && GetSize().y >= needed.y) {
                return;
            }
            SetMinSize(needed);
            wxSize size = GetSize();
            size.IncTo(needed);
            SetSize(size);
            if (!place_remembered) {
                CentreOnParent();
            }
        });
    });
}

}  // namespace myodesk::app
