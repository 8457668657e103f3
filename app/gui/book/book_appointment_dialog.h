#pragma once

#include "common/form_dialog.h"

#include <myodesk/core/appointment.h>
#include <myodesk/core/client.h>
#include <myodesk/core/clinic_resources.h>
#include <myodesk/core/staff.h>
#include <myodesk/core/validation.h>
#include <myodesk/db/session_clash.h>
#include <myodesk/services/context.h>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

class wxChoice;
class wxListBox;
class wxSearchCtrl;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace myodesk::app {

class DateField;
class ProblemPanel;

// Books an appointment (or moves one, with the client fixed): the client found as you type
// inside the dialog, the therapist, the day and start, the service (which sets the length),
// the length, the room and the desk's notes. The save function books it with every check;
// what it refuses is named with its field and the dialog stays open.
class BookAppointmentDialog : public FormDialog {
  public:
    // The choices the dialog offers.
    struct Choices {
        std::vector<core::Staff> therapists;
        std::vector<core::Room> rooms;
        std::vector<core::Service> services;
    };
    // Books (or saves) the appointment, as a series when `repeat` is set; throws
    // db::ValidationError (db::ClashError), db::NotFoundError or db::DatabaseError having saved
    // nothing.
    using SaveFunction = std::function<void(core::Appointment& appointment,
                                            const std::optional<core::Recurrence>& repeat)>;

    // `client_name` given: the client is fixed (a move, or a booking from the client's
    // workspace); otherwise the dialog searches.
    BookAppointmentDialog(wxWindow* parent, services::Context& context,
                          core::Appointment appointment, const wxString& client_name,
                          Choices choices, SaveFunction save);

    const core::Appointment& GetAppointment() const { return m_appointment; }
    // The series asked for (a new booking only): every N weeks, so many times.
    const std::optional<core::Recurrence>& Repeat() const { return m_repeat_rule; }

    wxSearchCtrl* ClientSearch() const { return m_search; }
    wxListBox* ClientMatches() const { return m_matches; }
    wxChoice* TherapistChoice() const { return m_therapist; }
    wxChoice* ServiceChoice() const { return m_service; }
    wxChoice* RoomChoice() const { return m_room; }
    wxTextCtrl* TimeCtrl() const { return m_time; }
    wxSpinCtrl* DurationCtrl() const { return m_duration; }
    DateField* DateCtrl() const { return m_date; }
    // nullptr when moving: a series is made when booking.
    wxChoice* RepeatChoice() const { return m_repeat; }
    wxSpinCtrl* RepeatCountCtrl() const { return m_repeat_count; }
    // The problems shown, or empty.
    wxString ProblemText() const;
    // Runs the client search now (instead of as the typing pauses).
    void SearchClients();

    bool TransferDataToWindow() override;
    bool TransferDataFromWindow() override;

  protected:
    bool Save() override;

  private:
    wxString MessageFor(const core::ValidationProblem& problem) const;
    wxWindow* ControlFor(std::string_view field) const;
    void ShowProblems();
    void OnServiceChosen();

    services::Context& m_context;
    core::Appointment m_appointment;
    Choices m_choices;
    SaveFunction m_save;
    std::vector<core::ClientSummary> m_found;
    core::ValidationProblems m_problems;
    std::optional<db::BookedSession> m_clash;
    core::ClashReason m_clash_reason = core::ClashReason::kTherapist;
    std::optional<core::Recurrence> m_repeat_rule;

    wxSearchCtrl* m_search = nullptr;
    wxListBox* m_matches = nullptr;
    wxStaticText* m_client_label = nullptr;
    wxChoice* m_therapist = nullptr;
    DateField* m_date = nullptr;
    wxTextCtrl* m_time = nullptr;
    wxChoice* m_service = nullptr;
    wxSpinCtrl* m_duration = nullptr;
    wxChoice* m_room = nullptr;
    wxTextCtrl* m_notes = nullptr;
    wxChoice* m_repeat = nullptr;
    wxSpinCtrl* m_repeat_count = nullptr;
    ProblemPanel* m_problem_panel = nullptr;
    std::map<std::string, wxWindow*, std::less<>> m_controls;
};

}  // namespace myodesk::app
