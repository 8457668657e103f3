#pragma once

#include "clients/client_dialog.h"
#include "gui_test_support.h"
#include "intake/flag_override_dialog.h"
#include "intake/intake_dialog.h"
#include "plan/book_session_dialog.h"
#include "plan/move_session_dialog.h"
#include "plan/training_day_dialog.h"
#include "sessions/amendment_dialog.h"
#include "sessions/session_note_dialog.h"
#include "sessions/session_note_view_dialog.h"
#include "staff/staff_member_dialog.h"
#include "staff/staff_picker_dialog.h"

#include <boost/core/demangle.hpp>
#include <boost/test/unit_test.hpp>
#include <wx/event.h>
#include <wx/timer.h>
#include <wx/toplevel.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <typeinfo>
#include <utility>
#include <vector>

namespace myodesk::app::test {

// The dialog of that type on screen, or nullptr.
template <typename Dialog>
Dialog* FindShownDialog() {
    for (wxWindow* window : wxTopLevelWindows) {
        if (auto* dialog = dynamic_cast<Dialog*>(window);
            dialog != nullptr && dialog->IsShownOnScreen()) {
            return dialog;
        }
    }
    return nullptr;
}

// Our dialogs are modal: while one runs, the test's own code is blocked inside ShowModal().
// A script watches from a timer (which the dialog's event loop keeps running) and runs one
// step on each dialog of its type that comes on screen, in order (a step usually ends with
// EndModal or a click on Save). A step runs only once its dialog is shown, laid out with a
// non-zero size and the event loop has gone idle since (so that what the step measures or
// clicks is where it will stay). A step's dialog still open `bound` after the step began, or
// no dialog within `bound` of the script's start or the last step, is an error naming the
// script: the dialog is cancelled, so that a test fails instead of hanging.
template <typename Dialog>
class DialogScript : public wxEvtHandler {
  public:
    using Step = std::function<void(Dialog&)>;

    explicit DialogScript(std::vector<Step> steps, std::chrono::milliseconds bound = kWaitBound)
        : m_steps(std::move(steps)),
          m_bound(bound),
          m_deadline(std::chrono::steady_clock::now() + bound),
          m_timer(this) {
        Bind(wxEVT_TIMER, &DialogScript::OnTimer, this);
        m_timer.Start(50);
    }
    explicit DialogScript(Step step, std::chrono::milliseconds bound = kWaitBound)
        : DialogScript(std::vector<Step>{std::move(step)}, bound) {}
    ~DialogScript() override { m_timer.Stop(); }

    // True when every step ran.
    bool Ran() const { return m_next == m_steps.size(); }
    std::size_t StepsRun() const { return m_next; }
    bool TimedOut() const { return m_timed_out; }

  private:
    void OnTimer(wxTimerEvent&) {
        if (m_busy) {
            return;  // a step is yielding to the event loop; this is a nested tick
        }
        Dialog* dialog = FindShownDialog<Dialog>();
        if (std::chrono::steady_clock::now() > m_deadline) {
            OnDeadline(dialog);
            return;
        }
        if (dialog == nullptr) {
            m_last_dialog = nullptr;  // the previous one closed
            m_arriving = nullptr;
            return;
        }
        if (dialog == m_last_dialog || Ran() || !dialog->IsModal() || !IsSettled(*dialog)) {
            return;
        }
        m_busy = true;
        m_last_dialog = dialog;
        m_arriving = nullptr;
        m_deadline = std::chrono::steady_clock::now() + m_bound;
        m_steps[m_next++](*dialog);
        if (!dialog->IsModal()) {
            // Ended by the step: the next dialog may well be built at the same address.
            m_last_dialog = nullptr;
        }
        m_busy = false;
    }

    // Whether the dialog has been laid out and the event loop has gone idle since it was
    // first seen on screen.
    bool IsSettled(Dialog& dialog) {
        if (&dialog != m_arriving) {
            m_arriving = &dialog;
            m_idle_mark = IdlePasses();
            wxWakeUpIdle();
            return false;
        }
        const wxSize size = dialog.GetClientSize();
        if (IdlePasses() <= m_idle_mark || size.x <= 0 || size.y <= 0) {
            wxWakeUpIdle();
            return false;
        }
        return true;
    }

    void OnDeadline(Dialog* dialog) {
        m_timer.Stop();
        const std::string name = boost::core::demangle(typeid(Dialog).name());
        const std::string seconds =
            std::to_string(std::chrono::duration_cast<std::chrono::seconds>(m_bound).count());
        if (dialog != nullptr && dialog->IsModal()) {
            m_timed_out = true;
            BOOST_ERROR("the " + name + " script: the dialog was still open " + seconds +
                        " s after step " + std::to_string(m_next) + " began; cancelled");
            dialog->EndModal(wxID_CANCEL);
        } else if (!Ran()) {
            m_timed_out = true;
            BOOST_ERROR("the " + name + " script: no dialog came for step " +
                        std::to_string(m_next + 1) + " within " + seconds + " s");
        }
    }

    std::vector<Step> m_steps;
    std::size_t m_next = 0;
    Dialog* m_last_dialog = nullptr;  // the dialog the last step ran on, while shown
    Dialog* m_arriving = nullptr;     // the dialog seen on screen, before its step ran
    std::uint64_t m_idle_mark = 0;
    std::chrono::milliseconds m_bound;
    std::chrono::steady_clock::time_point m_deadline;
    wxTimer m_timer;
    bool m_busy = false;
    bool m_timed_out = false;
};

using ClientDialogScript = DialogScript<ClientDialog>;
using IntakeDialogScript = DialogScript<IntakeDialog>;
using SessionNoteDialogScript = DialogScript<SessionNoteDialog>;
using SessionNoteViewDialogScript = DialogScript<SessionNoteViewDialog>;
using AmendmentDialogScript = DialogScript<AmendmentDialog>;
using FlagOverrideDialogScript = DialogScript<FlagOverrideDialog>;
using StaffPickerDialogScript = DialogScript<StaffPickerDialog>;
using StaffMemberDialogScript = DialogScript<StaffMemberDialog>;
using PlanBookDialogScript = DialogScript<BookSessionDialog>;
using PlanMoveDialogScript = DialogScript<MoveSessionDialog>;
using TrainingEntryDialogScript = DialogScript<TrainingDayDialog>;

inline ClientDialog* FindShownClientDialog() {
    return FindShownDialog<ClientDialog>();
}

}  // namespace myodesk::app::test
