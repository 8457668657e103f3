#pragma once

#include <optional>
#include <string>
#include <vector>

namespace myodesk::app {

// What the command line asks for. It is read before wxWidgets starts, so --help and
// --version work without a display.
struct CommandLine {
    enum class Action { kRun, kShowVersion, kShowHelp, kError };

    Action action = Action::kRun;
    std::optional<std::string> database;  // the value of --db, when given
    // --bench-startup (hidden, for `./dev.sh bench`): see startup_benchmark.h.
    bool bench_startup = false;
    std::string error;  // for kError: what was wrong, for people
};

// Accepts --db URL (or --db=URL), --help (-h), --version and the hidden --bench-startup;
// anything else is an error.
CommandLine ParseCommandLine(const std::vector<std::string>& arguments);

// "myodesk 0.1.0"
std::string VersionText();

// The --help text, naming the default database path.
std::string UsageText();

// What is printed for a kError command line: the error and where to find help.
std::string ErrorText(const CommandLine& command_line);

}  // namespace myodesk::app
