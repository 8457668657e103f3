#include "book/book_appointment_dialog.h"

#include "common/date_field.h"
#include "common/error_message.h"
#include "common/problem_message.h"
#include "common/problem_panel.h"
#include "common/wx_conversions.h"
#include "sessions/clash_message.h"
#include "sessions/session_note_text.h"

#include <myodesk/db/errors.h>
#include <myodesk/services/client_service.h>

#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/listbox.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <utility>

namespace myodesk::app {

namespace {

constexpr int kMatchesShown = 8;

// A booking to make, not one to move (a day of a series not stored yet is moved, too).
bool IsNewBooking(const core::Appointment& appointment) {
    return appointment.id == 0 && !appointment.series_id;
}
// The repeat choice: does not repeat, then every 1..kRepeatWeeks weeks.
constexpr int kRepeatWeeks = 4;
constexpr int kDefaultRepeatCount = 8;

}  // namespace

BookAppointmentDialog::BookAppointmentDialog(wxWindow* parent, services::Context& context,
                                             core::Appointment appointment,
                                             const wxString& client_name, Choices choices,
                                             SaveFunction save)
    : FormDialog(parent, IsNewBooking(appointment) ? _("Book appointment") : _("Move appointment"),
                 "BookAppointmentDialog"),
      m_context(context),
      m_appointment(std::move(appointment)),
      m_choices(std::move(choices)),
      m_save(std::move(save)) {
    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(12, 8)));
    grid->AddGrowableCol(1);
    const auto label = [&](const wxString& text) {
        grid->Add(new wxStaticText(this, wxID_ANY, text), wxSizerFlags().Top().Border(wxTOP, 4));
    };

    label(_("C&lient"));
    auto* client_column = new wxBoxSizer(wxVERTICAL);
    m_client_label = new wxStaticText(this, wxID_ANY, client_name);
    m_client_label->SetFont(m_client_label->GetFont().Bold());
    client_column->Add(m_client_label);
    if (client_name.empty()) {
        m_search = new wxSearchCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                                    wxDefaultValidator, "client_search");
        m_search->SetDescriptiveText(_("Type a name, email or phone"));
        m_matches =
            new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(FromDIP(300), FromDIP(120)), 0,
                          nullptr, wxLB_SINGLE, wxDefaultValidator, "client_id");
        m_controls.emplace("client_id", m_search);
        client_column->Add(m_search, wxSizerFlags().Expand());
        client_column->Add(m_matches, wxSizerFlags().Expand().Border(wxTOP, FromDIP(4)));
        m_search->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { SearchClients(); });
        m_matches->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) {
            const int chosen = m_matches->GetSelection();
            if (chosen >= 0 && static_cast<std::size_t>(chosen) < m_found.size()) {
                m_appointment.client_id = m_found[static_cast<std::size_t>(chosen)].id;
                m_client_label->SetLabel(
                    ToWx(core::DisplayName(m_found[static_cast<std::size_t>(chosen)])));
                Layout();
            }
        });
    }
    grid->Add(client_column, wxSizerFlags().Expand());

    label(_("&Therapist"));
    m_therapist = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0,
                               wxDefaultValidator, "therapist_id");
    for (const core::Staff& staff : m_choices.therapists) {
        m_therapist->Append(ToWx(staff.name));
    }
    m_controls.emplace("therapist_id", m_therapist);
    grid->Add(m_therapist, wxSizerFlags().Expand());

    label(_("&Day"));
    m_date = new DateField(this, "date");
    m_controls.emplace("date", m_date);
    grid->Add(m_date);

    label(_("&Start"));
    m_time = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                            wxDefaultValidator, "start_time");
    m_time->SetMaxLength(5);
    m_time->SetInitialSize(m_time->GetSizeFromTextSize(m_time->GetTextExtent("00:00").x));
    m_time->SetToolTip(_("The time it starts, e.g. 09:30 (930 and 9.30 work too)"));
    m_controls.emplace("start_time", m_time);
    grid->Add(m_time);

    label(_("Ser&vice"));
    m_service = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0,
                             wxDefaultValidator, "service_id");
    m_service->Append(_("None"));
    for (const core::Service& service : m_choices.services) {
        m_service->Append(
            wxString::Format(_("%s (%d min)"), ToWx(service.name), service.duration_min));
    }
    m_service->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { OnServiceChosen(); });
    m_controls.emplace("service_id", m_service);
    grid->Add(m_service, wxSizerFlags().Expand());

    label(_("&Length"));
    m_duration = new wxSpinCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                wxSP_ARROW_KEYS, core::AppointmentLimits::kMinDuration,
                                core::AppointmentLimits::kMaxDuration, 60, "duration_min");
    m_duration->SetIncrement(15);
    m_controls.emplace("duration_min", m_duration);
    auto* duration_row = new wxBoxSizer(wxHORIZONTAL);
    duration_row->Add(m_duration, wxSizerFlags().CentreVertical());
    duration_row->Add(new wxStaticText(this, wxID_ANY, _("min")),
                      wxSizerFlags().CentreVertical().Border(wxLEFT, FromDIP(4)));
    grid->Add(duration_row);

    label(_("&Room"));
    m_room = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0,
                          wxDefaultValidator, "room_id");
    m_room->Append(_("None"));
    for (const core::Room& room : m_choices.rooms) {
        m_room->Append(ToWx(room.name));
    }
    m_controls.emplace("room_id", m_room);
    grid->Add(m_room, wxSizerFlags().Expand());

    label(_("&Notes"));
    m_notes = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxSize(-1, FromDIP(50)),
                             wxTE_MULTILINE, wxDefaultValidator, "notes");
    m_notes->SetHint(
        _("For the desk, e.g. prefers the late slot (clinical notes go in the "
          "session note)"));
    m_controls.emplace("notes", m_notes);
    grid->Add(m_notes, wxSizerFlags().Expand());

    if (IsNewBooking(m_appointment)) {
        label(_("Re&peat"));
        auto* repeat_row = new wxBoxSizer(wxHORIZONTAL);
        m_repeat = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0,
                                wxDefaultValidator, "every_weeks");
        m_repeat->Append(_("Does not repeat"));
        m_repeat->Append(_("Every week"));
        for (int weeks = 2; weeks <= kRepeatWeeks; ++weeks) {
            m_repeat->Append(wxString::Format(_("Every %d weeks"), weeks));
        }
        m_repeat->SetSelection(0);
        m_repeat_count = new wxSpinCtrl(
            this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxSP_ARROW_KEYS, 2,
            core::RecurrenceLimits::kMaxCount, kDefaultRepeatCount, "count");
        m_repeat_count->Disable();
        m_repeat->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
            m_repeat_count->Enable(m_repeat->GetSelection() > 0);
        });
        m_controls.emplace("every_weeks", m_repeat);
        m_controls.emplace("count", m_repeat_count);
        m_controls.emplace("until", m_repeat_count);
        repeat_row->Add(m_repeat, wxSizerFlags().CentreVertical());
        // TRANSLATORS: "Every week [8] times"
        repeat_row->Add(new wxStaticText(this, wxID_ANY, _("for")),
                        wxSizerFlags().CentreVertical().Border(wxLEFT | wxRIGHT, FromDIP(6)));
        repeat_row->Add(m_repeat_count, wxSizerFlags().CentreVertical());
        repeat_row->Add(new wxStaticText(this, wxID_ANY, _("appointments")),
                        wxSizerFlags().CentreVertical().Border(wxLEFT, FromDIP(4)));
        grid->Add(repeat_row);
    }

    m_problem_panel = new ProblemPanel(this, ProblemPanel::Style::kPlain);
    const bool new_booking = IsNewBooking(m_appointment);
    wxSizer* buttons = CreateFormButtons(wxID_OK, new_booking ? _("&Book") : _("&Move"));
    SetDiscardQuestion(new_booking ? _("Close without booking?") : _("Close without moving it?"));

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(grid, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(16)));
    top->Add(m_problem_panel,
             wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(16)));
    top->Add(buttons, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    SetSizerAndFit(top);
    RestoreGeometry();
    if (m_search != nullptr) {
        m_search->SetFocus();
    } else {
        m_time->SetFocus();
    }
}

void BookAppointmentDialog::SearchClients() {
    if (m_search == nullptr) {
        return;
    }
    db::ClientQuery query;
    query.text = ToUtf8(m_search->GetValue());
    try {
        m_found =
            services::ClientService(m_context).SearchPage(query, std::nullopt, kMatchesShown).rows;
    } catch (const db::DatabaseError& error) {
        ShowErrorMessage(this, _("The clients could not be searched."), error);
        return;
    }
    m_matches->Clear();
    for (const core::ClientSummary& client : m_found) {
        wxString line = ToWx(core::DisplayName(client));
        if (!client.phone.empty()) {
            line += wxString::FromUTF8(" · ") + ToWx(client.phone);
        }
        m_matches->Append(line);
    }
    if (m_found.size() == 1) {
        m_matches->SetSelection(0);
        m_appointment.client_id = m_found.front().id;
        m_client_label->SetLabel(ToWx(core::DisplayName(m_found.front())));
        Layout();
    }
}

void BookAppointmentDialog::OnServiceChosen() {
    const int chosen = m_service->GetSelection();
    if (chosen > 0 && static_cast<std::size_t>(chosen) <= m_choices.services.size()) {
        m_duration->SetValue(m_choices.services[static_cast<std::size_t>(chosen - 1)].duration_min);
    }
}

bool BookAppointmentDialog::TransferDataToWindow() {
    m_date->SetDate(m_appointment.date);
    m_time->ChangeValue(ToWx(core::FormatClockTime(m_appointment.start_minute)));
    m_duration->SetValue(m_appointment.duration_min);
    const auto index_of = [](const auto& list, auto id) {
        const auto found =
            std::find_if(list.begin(), list.end(), [&](const auto& each) { return each.id == id; });
        return found == list.end() ? -1 : static_cast<int>(found - list.begin());
    };
    m_therapist->SetSelection(index_of(m_choices.therapists, m_appointment.therapist_id));
    m_service->SetSelection(
        m_appointment.service_id ? index_of(m_choices.services, *m_appointment.service_id) + 1 : 0);
    m_room->SetSelection(
        m_appointment.room_id ? index_of(m_choices.rooms, *m_appointment.room_id) + 1 : 0);
    m_notes->ChangeValue(ToWx(m_appointment.notes));
    return true;
}

bool BookAppointmentDialog::TransferDataFromWindow() {
    core::Appointment appointment = m_appointment;
    m_problems.clear();
    m_clash.reset();
    if (appointment.client_id == 0) {
        m_problems.push_back({"client_id", core::ProblemCode::kRequired});
    }
    if (const auto date = m_date->GetDate()) {
        appointment.date = *date;
    } else {
        m_problems.push_back({"date", core::ProblemCode::kInvalidDate});
    }
    if (const std::optional<int> minute = ParseTypedClockTime(m_time->GetValue())) {
        appointment.start_minute = *minute;
        m_time->ChangeValue(ToWx(core::FormatClockTime(*minute)));
    } else {
        m_problems.push_back({"start_time", core::ProblemCode::kWrongType});
    }
    appointment.duration_min = m_duration->GetValue();
    const int therapist = m_therapist->GetSelection();
    appointment.therapist_id =
        therapist >= 0 ? m_choices.therapists[static_cast<std::size_t>(therapist)].id : 0;
    const int service = m_service->GetSelection();
    appointment.service_id = service > 0
                                 ? std::optional<core::ServiceId>(
                                       m_choices.services[static_cast<std::size_t>(service - 1)].id)
                                 : std::nullopt;
    const int room = m_room->GetSelection();
    appointment.room_id =
        room > 0
            ? std::optional<core::RoomId>(m_choices.rooms[static_cast<std::size_t>(room - 1)].id)
            : std::nullopt;
    appointment.notes = ToUtf8(m_notes->GetValue());
    m_repeat_rule.reset();
    if (m_repeat != nullptr && m_repeat->GetSelection() > 0) {
        core::Recurrence rule;
        rule.every_weeks = m_repeat->GetSelection();
        rule.count = m_repeat_count->GetValue();
        m_repeat_rule = rule;
    }
    for (core::ValidationProblem& problem :
         core::ValidateAppointment(appointment, m_context.Today())) {
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

wxString BookAppointmentDialog::ProblemText() const {
    return m_problem_panel->Text();
}

wxWindow* BookAppointmentDialog::ControlFor(std::string_view field) const {
    const auto found = m_controls.find(field);
    return found == m_controls.end() ? nullptr : found->second;
}

wxString BookAppointmentDialog::MessageFor(const core::ValidationProblem& problem) const {
    const wxString label = FieldLabel(problem.field);
    if (problem.code == core::ProblemCode::kOverlaps && m_clash) {
        return ClashMessage(label, *m_clash, m_clash_reason);
    }
    if (problem.field == "client_id" && problem.code == core::ProblemCode::kRequired) {
        return _("Client: type part of the name and choose the client from the list.");
    }
    if (problem.field == "date" && problem.code == core::ProblemCode::kInvalidDate) {
        return m_date->UnreadableMessage(_("Day"));
    }
    if (problem.code == core::ProblemCode::kWrongType && problem.field == "start_time") {
        return wxString::Format(_("%s: enter the time as hours and minutes, for example 09:30."),
                                label);
    }
    if (problem.code == core::ProblemCode::kRequired && problem.field == "therapist_id") {
        return wxString::Format(_("%s: choose who gives the session."), label);
    }
    if (problem.field == "start_time" && problem.code == core::ProblemCode::kContradicts) {
        return _("Not booked: the time is outside the opening or working hours.");
    }
    if (problem.field == "start_time" && problem.code == core::ProblemCode::kTooFarInPast) {
        return _("Not booked: that time has already begun.");
    }
    if (problem.code == core::ProblemCode::kRequired && problem.field == "flag_override") {
        return _(
            "Not booked: an absolute contraindication applies on that day, and no reason "
            "to go ahead was given.");
    }
    return ProblemMessage(problem, label);
}

void BookAppointmentDialog::ShowProblems() {
    ProblemDisplay display;
    display.heading_one = _("This appointment cannot be booked yet:");
    display.heading_many = _("This appointment cannot be booked yet. Please check:");
    display.message = [this](const core::ValidationProblem& problem) {
        return MessageFor(problem);
    };
    display.control_for = [this](std::string_view field) { return ControlFor(field); };
    display.wrap_width = FromDIP(380);
    FormDialog::ShowProblems(*m_problem_panel, m_problems, display);
}

bool BookAppointmentDialog::Save() {
    if (!m_save) {
        return true;
    }
    core::Appointment appointment = m_appointment;
    try {
        m_save(appointment, m_repeat_rule);
    } catch (const db::ClashError& error) {
        m_problems = error.Problems();
        m_clash = error.Other();
        m_clash_reason = error.Reason();
        ShowProblems();
        return false;
    } catch (const db::ValidationError& error) {
        m_problems = error.Problems();
        m_clash.reset();
        ShowProblems();
        return false;
    } catch (const db::DatabaseError& error) {
        ShowErrorMessage(this, _("The appointment could not be saved."), error,
                         _("Book appointment"));
        return false;
    }
    m_appointment = appointment;
    return true;
}

}  // namespace myodesk::app
