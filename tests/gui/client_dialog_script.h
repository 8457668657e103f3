#pragma once

#include <wx/event.h>
#include <wx/timer.h>

#include <chrono>
#include <cstddef>
#include <functional>
#include <vector>

namespace myodesk::app {
class ClientDialog;
}

namespace myodesk::app::test {

// The client dialog is modal: while it runs, the test's own code is blocked inside
// ShowModal(). This script watches from a timer (which the dialog's event loop keeps
// running) and runs one step on each client dialog that comes on screen, in order (a step
// usually ends with EndModal or a click on Save). A dialog still open at the deadline is
// cancelled, so that a test fails instead of hanging.
class ClientDialogScript : public wxEvtHandler {
  public:
    using Step = std::function<void(ClientDialog&)>;

    explicit ClientDialogScript(std::vector<Step> steps,
                                std::chrono::milliseconds timeout = std::chrono::seconds(15));
    explicit ClientDialogScript(Step step,
                                std::chrono::milliseconds timeout = std::chrono::seconds(15));
    ~ClientDialogScript() override;

    // True when every step ran.
    bool Ran() const { return m_next == m_steps.size(); }
    std::size_t StepsRun() const { return m_next; }
    bool TimedOut() const { return m_timed_out; }

  private:
    void OnTimer(wxTimerEvent& event);

    std::vector<Step> m_steps;
    std::size_t m_next = 0;
    ClientDialog* m_last_dialog = nullptr;  // the dialog the last step ran on, while shown
    std::chrono::steady_clock::time_point m_deadline;
    wxTimer m_timer;
    bool m_busy = false;
    bool m_timed_out = false;
};

// The client dialog on screen, or nullptr.
ClientDialog* FindShownClientDialog();

}  // namespace myodesk::app::test
