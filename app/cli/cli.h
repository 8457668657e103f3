#pragma once

#include <myodesk/services/context.h>

#include <iosfwd>
#include <string>
#include <vector>

namespace myodesk::app {

// myodesk-cli's exit codes, documented in the README.
enum class ExitCode : int {
    kOk = 0,
    kUsage = 2,         // the command line is wrong
    kInvalidInput = 3,  // a value is invalid (the message names the field)
    kNotFound = 4,      // no record with that id
    kDatabase = 5,      // the database could not be opened or could not do it
    kNotAllowed = 6,    // not signed in, wrong password, or the role lacks the right
};

// Runs one myodesk-cli command line (the words after the program name), writing results to
// `out` and messages to `err`, with "now" from `clock`. Returns the exit code.
int RunCli(const std::vector<std::string>& words, std::istream& in, std::ostream& out,
           std::ostream& err, services::Clock clock);
// The same on the wall clock (what main passes; the tests' in-process entry).
int RunCli(const std::vector<std::string>& words, std::istream& in, std::ostream& out,
           std::ostream& err);
// The same, with standard input as the program's.
int RunCli(const std::vector<std::string>& words, std::ostream& out, std::ostream& err);

// For the fuzzer (tests/fuzz/cli_args.cpp): reads `words` with the real declarations and answers
// --help, --version and usage errors as RunCli does (0 or 2), but runs no command's handler, so
// no database is opened and no file is read or written. The command line is declared once per
// process and cleared before each call.
int ParseCliOnly(const std::vector<std::string>& words, std::ostream& out, std::ostream& err);

}  // namespace myodesk::app
