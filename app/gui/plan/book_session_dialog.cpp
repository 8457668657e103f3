#include "plan/book_session_dialog.h"

#include "common/code_names.h"
#include "common/error_message.h"
#include "common/problem_message.h"
#include "common/problem_panel.h"
#include "common/wx_conversions.h"
#include "plan/plan_text.h"
#include "sessions/clash_message.h"
#include "sessions/session_note_text.h"

#include <myodesk/db/errors.h>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <utility>

namespace myodesk::app {

namespace {

constexpr int kQuickDurations[] = {30, 45, 60, 90};

}  // namespace

BookSessionDialog::BookSessionDialog(wxWindow* parent, const core::PlannedSession& session,
                                     core::Appointment appointment,
                                     std::vector<core::Staff> therapists, const core::Date& today,
                                     SaveFunction save)
    : FormDialog(parent, _("Book session"), "BookSessionDialog", wxDEFAULT_DIALOG_STYLE),
      m_session(session),
      m_appointment(std::move(appointment)),
      m_therapists(std::move(therapists)),
      m_today(today),
      m_save(std::move(save)) {
    auto* heading = new wxStaticText(this, wxID_ANY, DayText(m_session.date));
    heading->SetFont(heading->GetFont().Scaled(1.2f).Bold());
    // TRANSLATORS: what the plan says about the session being booked, e.g. "Build · Sports,
    // Swedish · pressure up to 5/10".
    auto* what =
        new wxStaticText(this, wxID_ANY,
                         wxString::Format(_("%s · %s · pressure up to %s"), NameOf(m_session.phase),
                                          TechniquesSummary(m_session.techniques),
                                          PlanPressureText(m_session.pressure_max)));
    what->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));

    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(12, 8)));
    const auto label = [&](const wxString& text) {
        grid->Add(new wxStaticText(this, wxID_ANY, text), wxSizerFlags().CentreVertical());
    };

    label(_("&Start"));
    m_time = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                            wxDefaultValidator, "start_time");
    m_time->SetMaxLength(5);
    m_time->SetInitialSize(m_time->GetSizeFromTextSize(m_time->GetTextExtent("00:00").x));
    m_time->SetToolTip(_("The time the session starts, e.g. 09:30 (930 and 9.30 work too)"));
    m_controls.emplace("start_time", m_time);
    grid->Add(m_time, wxSizerFlags().CentreVertical());

    label(_("&Therapist"));
    m_therapist = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0,
                               wxDefaultValidator, "therapist_id");
    for (const core::Staff& staff : m_therapists) {
        m_therapist->Append(ToWx(staff.name));
    }
    m_therapist->SetMinSize(wxSize(FromDIP(220), -1));
    m_controls.emplace("therapist_id", m_therapist);
    grid->Add(m_therapist, wxSizerFlags().Expand().CentreVertical());

    label(_("&Duration"));
    wxArrayString durations;
    for (const int minutes : kQuickDurations) {
        durations.Add(wxString::Format("%d", minutes));
    }
    m_duration = new wxComboBox(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                durations, 0, wxDefaultValidator, "duration_min");
    m_duration->SetInitialSize(m_duration->GetSizeFromTextSize(m_duration->GetTextExtent("000").x));
    m_duration->SetToolTip(_("Minutes: choose 30, 45, 60 or 90, or type any length"));
    m_controls.emplace("duration_min", m_duration);
    auto* duration_row = new wxBoxSizer(wxHORIZONTAL);
    duration_row->Add(m_duration, wxSizerFlags().CentreVertical());
    duration_row->Add(new wxStaticText(this, wxID_ANY, _("min")),
                      wxSizerFlags().CentreVertical().Border(wxLEFT, FromDIP(4)));
    grid->Add(duration_row);

    auto* note = new wxStaticText(
        this, wxID_ANY, _("The day is the plan's. To book another day, move the session first."));
    note->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    note->Wrap(FromDIP(360));

    m_problem_panel = new ProblemPanel(this, ProblemPanel::Style::kPlain);

    wxSizer* buttons = CreateFormButtons(wxID_OK, _("&Book"));

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(heading, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(16)));
    top->AddSpacer(FromDIP(2));
    top->Add(what, wxSizerFlags().Border(wxLEFT | wxRIGHT, FromDIP(16)));
    top->Add(grid, wxSizerFlags().Expand().Border(wxALL, FromDIP(16)));
    top->Add(note, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(16)));
    top->Add(m_problem_panel,
             wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(16)));
    top->Add(buttons, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    SetSizerAndFit(top);
    RestoreGeometry();
    m_time->SetFocus();
}

bool BookSessionDialog::TransferDataToWindow() {
    m_time->ChangeValue(ToWx(core::FormatClockTime(m_appointment.start_minute)));
    m_duration->ChangeValue(wxString::Format("%d", m_appointment.duration_min));
    const auto found = std::find_if(
        m_therapists.begin(), m_therapists.end(),
        [&](const core::Staff& staff) { return staff.id == m_appointment.therapist_id; });
    if (found != m_therapists.end()) {
        m_therapist->SetSelection(static_cast<int>(found - m_therapists.begin()));
    } else if (m_therapists.size() == 1) {
        m_therapist->SetSelection(0);
    }
    m_time->SelectAll();
    return true;
}

bool BookSessionDialog::TransferDataFromWindow() {
    core::Appointment appointment = m_appointment;
    m_problems.clear();
    if (const std::optional<int> minute = ParseTypedClockTime(m_time->GetValue())) {
        appointment.start_minute = *minute;
        m_time->ChangeValue(ToWx(core::FormatClockTime(*minute)));
    } else {
        m_problems.push_back({"start_time", core::ProblemCode::kWrongType});
    }
    long minutes = 0;
    if (m_duration->GetValue().Trim(true).Trim(false).ToLong(&minutes)) {
        appointment.duration_min = static_cast<int>(std::clamp(minutes, -1L, 100000L));
    } else {
        m_problems.push_back({"duration_min", core::ProblemCode::kWrongType});
    }
    const int chosen = m_therapist->GetSelection();
    appointment.therapist_id = chosen >= 0 && static_cast<std::size_t>(chosen) < m_therapists.size()
                                   ? m_therapists[static_cast<std::size_t>(chosen)].id
                                   : 0;
    for (core::ValidationProblem& problem : core::ValidateAppointment(appointment, m_today)) {
        const bool known = std::any_of(
            m_problems.begin(), m_problems.end(),
            [&](const core::ValidationProblem& seen) { return seen.field == problem.field; });
        if (!known) {
            m_problems.push_back(std::move(problem));
        }
    }
    ShowProblems();
    if (!m_problems.empty()) {
        return false;
    }
    m_appointment = std::move(appointment);
    return true;
}

wxString BookSessionDialog::ProblemText() const {
    return m_problem_panel->Text();
}

wxWindow* BookSessionDialog::ControlFor(std::string_view field) const {
    const auto found = m_controls.find(field);
    return found == m_controls.end() ? nullptr : found->second;
}

wxString BookSessionDialog::MessageFor(const core::ValidationProblem& problem) const {
    const wxString label = FieldLabel(problem.field);
    if (problem.code == core::ProblemCode::kOverlaps && m_clash) {
        return ClashMessage(label, *m_clash);
    }
    if (problem.code == core::ProblemCode::kWrongType && problem.field == "start_time") {
        return wxString::Format(_("%s: enter the time as hours and minutes, for example 09:30."),
                                label);
    }
    if (problem.code == core::ProblemCode::kWrongType && problem.field == "duration_min") {
        return wxString::Format(_("%s: enter the length in minutes, for example 60."), label);
    }
    if (problem.field == "date" && (problem.code == core::ProblemCode::kTooFarInPast ||
                                    problem.code == core::ProblemCode::kInvalidDate)) {
        return wxString::Format(
            _("%s: the day has passed. Move the session to a day ahead, then book it."), label);
    }
    if (problem.code == core::ProblemCode::kRequired && problem.field == "therapist_id") {
        return wxString::Format(_("%s: choose who gives the session."), label);
    }
    if (problem.field == "start_time" && problem.code == core::ProblemCode::kContradicts) {
        return _("Not booked: the time is outside the opening or working hours.");
    }
    if (problem.code == core::ProblemCode::kLocked) {
        return _("This session is booked or skipped already: only a planned session is booked.");
    }
    if (problem.code == core::ProblemCode::kOutOfRange && problem.field == "duration_min") {
        return wxString::Format(_("%s: enter from %s to %s minutes."), label,
                                wxString::FromDouble(problem.minimum),
                                wxString::FromDouble(problem.maximum));
    }
    return ProblemMessage(problem, label);
}

void BookSessionDialog::ShowProblems() {
    ProblemDisplay display;
    display.heading_one = _("This session cannot be booked yet:");
    display.heading_many = _("This session cannot be booked yet. Please check:");
    display.message = [this](const core::ValidationProblem& problem) {
        return MessageFor(problem);
    };
    display.control_for = [this](std::string_view field) { return ControlFor(field); };
    display.wrap_width = FromDIP(360);
    FormDialog::ShowProblems(*m_problem_panel, m_problems, display);
}

bool BookSessionDialog::Save() {
    if (!m_save) {
        return true;
    }
    core::Appointment appointment = m_appointment;
    try {
        m_save(appointment);
    } catch (const db::ClashError& error) {
        m_problems = error.Problems();
        m_clash = error.Other();
        ShowProblems();
        return false;
    } catch (const db::ValidationError& error) {
        m_problems = error.Problems();
        m_clash.reset();
        ShowProblems();
        return false;
    } catch (const db::DatabaseError& error) {
        ShowErrorMessage(this, _("The session could not be booked."), error, _("Book session"));
        return false;
    }
    m_appointment = std::move(appointment);
    return true;
}

}  // namespace myodesk::app
