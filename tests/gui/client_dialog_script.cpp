#include "client_dialog_script.h"

#include "client_dialog.h"

#include <wx/toplevel.h>

#include <utility>

namespace myodesk::app::test {

ClientDialogScript::ClientDialogScript(std::vector<Step> steps, std::chrono::milliseconds timeout)
    : m_steps(std::move(steps)),
      m_deadline(std::chrono::steady_clock::now() + timeout),
      m_timer(this) {
    Bind(wxEVT_TIMER, &ClientDialogScript::OnTimer, this);
    m_timer.Start(50);
}

ClientDialogScript::ClientDialogScript(Step step, std::chrono::milliseconds timeout)
    : ClientDialogScript(std::vector<Step>{std::move(step)}, timeout) {}

ClientDialogScript::~ClientDialogScript() {
    m_timer.Stop();
}

void ClientDialogScript::OnTimer(wxTimerEvent&) {
    if (m_busy) {
        return;  // a step is yielding to the event loop; this is a nested tick
    }
    ClientDialog* dialog = FindShownClientDialog();
    if (std::chrono::steady_clock::now() > m_deadline) {
        m_timer.Stop();
        if (dialog != nullptr && dialog->IsModal()) {
            m_timed_out = true;
            dialog->EndModal(wxID_CANCEL);
        } else if (!Ran()) {
            m_timed_out = true;
        }
        return;
    }
    if (dialog == nullptr) {
        m_last_dialog = nullptr;  // the previous one closed
        return;
    }
    if (dialog == m_last_dialog || Ran() || !dialog->IsModal()) {
        return;
    }
    m_busy = true;
    m_last_dialog = dialog;
    m_steps[m_next++](*dialog);
    if (!dialog->IsModal()) {
        // Ended by the step: the next dialog may well be built at the same address.
        m_last_dialog = nullptr;
    }
    m_busy = false;
}

ClientDialog* FindShownClientDialog() {
    for (wxWindow* window : wxTopLevelWindows) {
        if (auto* dialog = dynamic_cast<ClientDialog*>(window);
            dialog != nullptr && dialog->IsShownOnScreen()) {
            return dialog;
        }
    }
    return nullptr;
}

}  // namespace myodesk::app::test
