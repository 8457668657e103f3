#include "shell/startup_benchmark.h"

#include "clients/client_list_ctrl.h"
#include "clients/client_list_model.h"

#include <wx/app.h>
#include <wx/dialog.h>
#include <wx/modalhook.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <unistd.h>

namespace myodesk::app {

namespace {

bool g_enabled = false;
std::chrono::steady_clock::time_point g_main_started;

// Skips every modal dialog as if Cancel was chosen: nobody is there to answer it.
class CancelEveryDialog : public wxModalDialogHook {
  protected:
    int Enter(wxDialog*) override { return wxID_CANCEL; }
    void Exit(wxDialog*) override {}
};

// Milliseconds since the kernel started this process (/proc/self/stat field 22, in clock
// ticks since boot), so loading the libraries counts too; -1 when unknown.
double MillisecondsSinceProcessStart() {
    std::ifstream file("/proc/self/stat");
    std::string stat;
    std::getline(file, stat);
    const auto comm_end = stat.rfind(')');
    if (comm_end == std::string::npos) {
        return -1;
    }
    std::istringstream fields(stat.substr(comm_end + 2));
    std::string field;
    unsigned long long start_ticks = 0;
    for (int number = 3; fields >> field; ++number) {  // the state is field 3
        if (number == 22) {
            start_ticks = std::stoull(field);
            break;
        }
    }
    timespec now{};
    if (start_ticks == 0 || clock_gettime(CLOCK_BOOTTIME, &now) != 0) {
        return -1;
    }
    const double ticks_per_second = static_cast<double>(sysconf(_SC_CLK_TCK));
    const double now_seconds =
        static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
    return (now_seconds - static_cast<double>(start_ticks) / ticks_per_second) * 1e3;
}

void Report(const char* what, const ClientListModel& model) {
    const double since_main =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - g_main_started)
            .count();
    std::printf(
        "myodesk-bench-startup %s ms=%.1f since_main_ms=%.1f rows=%lld rows_fetched=%lld "
        "pages_fetched=%lld\n",
        what, MillisecondsSinceProcessStart(), since_main, static_cast<long long>(model.RowCount()),
        static_cast<long long>(model.RowsFetched()), static_cast<long long>(model.PagesFetched()));
    std::fflush(stdout);
}

}  // namespace

void EnableStartupBenchmark() {
    g_enabled = true;
    g_main_started = std::chrono::steady_clock::now();
    static CancelEveryDialog hook;
    hook.Register();
}

bool StartupBenchmarkEnabled() {
    return g_enabled;
}

void WatchClientListStartup(ClientListCtrl& list, ClientListModel& model) {
    enum class Phase { kWaitingForRows, kScrolling, kDone };
    struct State {
        Phase phase = Phase::kWaitingForRows;
        std::int64_t pages_before_scroll = 0;
        std::chrono::steady_clock::time_point scroll_started;
    };
    auto state = std::make_shared<State>();
    list.Bind(wxEVT_IDLE, [&list, &model, state](wxIdleEvent& event) {
        event.Skip();
        switch (state->phase) {
            case Phase::kWaitingForRows: {
                const bool painted = model.PagesFetched() > 0;
                const bool empty = model.RowCount() == 0 && list.IsShownOnScreen();
                if (!painted && !empty) {
                    return;  // the first paint has not happened yet
                }
                Report("first_rows", model);
                const long last = list.GetItemCount() - 1;
                state->pages_before_scroll = model.PagesFetched();
                state->scroll_started = std::chrono::steady_clock::now();
                state->phase = Phase::kScrolling;
                if (last >= 0) {
                    list.EnsureVisible(last);
                    list.Update();
                }
                event.RequestMore();
                return;
            }
            case Phase::kScrolling: {
                // Done once the last row's page has been read (or was read with the first), or
                // after ten seconds whatever happened.
                const bool read_end = model.PagesFetched() > state->pages_before_scroll ||
                                      model.RowsFetched() >= model.RowCount();
                const bool waited_too_long =
                    std::chrono::steady_clock::now() - state->scroll_started >
                    std::chrono::seconds(10);
                if (!read_end && !waited_too_long) {
                    list.Update();
                    event.RequestMore();
                    return;
                }
                Report(read_end ? "scrolled" : "scroll_timeout", model);
                state->phase = Phase::kDone;
                wxTheApp->ExitMainLoop();
                return;
            }
            case Phase::kDone:
                return;
        }
    });
}

}  // namespace myodesk::app
