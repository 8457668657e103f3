// The myodesk executable: reads the command line before wxWidgets starts (so --help and
// --version work without a display), then runs the GUI.
#include "common/wx_conversions.h"
#include "shell/app.h"
#include "shell/command_line.h"
#include "shell/startup_benchmark.h"

#include <wx/init.h>

#include <clocale>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace {

std::optional<std::string> g_database;

wxAppConsole* CreateApp() {
    return new myodesk::app::App(g_database);
}

}  // namespace

int main(int argc, char** argv) {
    std::setlocale(LC_ALL, "");
    myodesk::app::UseUtf8ForNarrowStrings();

    using myodesk::app::CommandLine;
    const CommandLine command_line =
        myodesk::app::ParseCommandLine(std::vector<std::string>(argv + 1, argv + argc));
    switch (command_line.action) {
        case CommandLine::Action::kShowVersion:
            std::printf("%s\n", myodesk::app::VersionText().c_str());
            return 0;
        case CommandLine::Action::kShowHelp:
            std::fputs(myodesk::app::UsageText().c_str(), stdout);
            return 0;
        case CommandLine::Action::kError:
            std::fputs(myodesk::app::ErrorText(command_line).c_str(), stderr);
            return 2;
        case CommandLine::Action::kRun:
            break;
    }

    g_database = command_line.database;
    if (command_line.bench_startup) {
        myodesk::app::EnableStartupBenchmark();
    }
    wxApp::SetInitializerFunction(CreateApp);
    const int result = wxEntry(argc, argv);
    return result < 0 ? 1 : result;
}
