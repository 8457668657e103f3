#pragma once

#include "common/form_dialog.h"

#include <myodesk/core/appointment.h>
#include <myodesk/core/plan.h>
#include <myodesk/core/staff.h>
#include <myodesk/core/validation.h>
#include <myodesk/db/session_clash.h>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

class wxChoice;
class wxComboBox;
class wxTextCtrl;

namespace myodesk::app {

class ProblemPanel;

// Books a planned session: the day is the plan's (to book another day, move the session
// first); the start time (typed, "09:30"), the therapist (the one at the desk first) and the
// length (the plan's by default). Book validates (core::ValidateAppointment) and saves through
// the save function; a problem, also one storage finds (the therapist already has a session
// then), is named with its field and the dialog stays open.
class BookSessionDialog : public FormDialog {
  public:
    // Saves the appointment; sets its id. Throws db::ValidationError, db::NotFoundError or
    // db::DatabaseError, having saved nothing.
    using SaveFunction = std::function<void(core::Appointment& appointment)>;

    BookSessionDialog(wxWindow* parent, const core::PlannedSession& session,
                      core::Appointment appointment, std::vector<core::Staff> therapists,
                      const core::Date& today, SaveFunction save);

    const core::Appointment& GetAppointment() const { return m_appointment; }

    wxTextCtrl* TimeCtrl() const { return m_time; }
    wxChoice* TherapistChoice() const { return m_therapist; }
    wxComboBox* DurationCtrl() const { return m_duration; }
    // The problems shown, or empty.
    wxString ProblemText() const;
    wxWindow* ControlFor(std::string_view field) const;

    bool TransferDataToWindow() override;
    bool TransferDataFromWindow() override;

  protected:
    // Books through the save function.
    bool Save() override;

  private:
    wxString MessageFor(const core::ValidationProblem& problem) const;
    void ShowProblems();

    core::PlannedSession m_session;
    core::Appointment m_appointment;
    std::vector<core::Staff> m_therapists;
    core::Date m_today;
    SaveFunction m_save;
    core::ValidationProblems m_problems;
    std::optional<db::BookedSession> m_clash;  // what the start time clashes with, if it does

    wxTextCtrl* m_time = nullptr;
    wxChoice* m_therapist = nullptr;
    wxComboBox* m_duration = nullptr;
    ProblemPanel* m_problem_panel = nullptr;
    std::map<std::string, wxWindow*, std::less<>> m_controls;
};

}  // namespace myodesk::app
