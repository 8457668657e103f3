#include "cli.h"

#include "command_context.h"
#include "commands/command_declaration.h"
#include "overview_help.h"
#include "problem_text.h"
#include "terminal_output.h"

#include <myodesk/core/version.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/sqlite_backup.h>
#include <myodesk/services/errors.h>
#include <myodesk/services/practice_export_service.h>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>
#include <sstream>
#include <utility>

namespace myodesk::app {

namespace {

constexpr const char* kOverview =
    "myodesk-cli: the practice's records from a terminal or a script. Each command's own help: "
    "myodesk-cli COMMAND --help, myodesk-cli GROUP SUBCOMMAND --help.";

constexpr const char* kFooter =
    R"(Document formats: docs/intake-format.md (intakes), docs/session-format.md (session notes),
docs/training-format.md (training calendars), docs/plan-format.md (plans).

Reports carry the clinic details of the settings (clinic.name, clinic.address, clinic.phone,
clinic.email, clinic.logo: a PNG file) and are laid out for report.paper (a4 or letter)
unless --paper is given. Their dates follow the locale (LC_ALL, LC_TIME, LANG: the form the
app's lists and profile show) unless report.date_format is iso or a pattern (%d/%m/%Y).

CSV exports are UTF-8 with a byte order mark, RFC 4180 quoting and CRLF line ends; a cell
that begins with = + - @, a tab or a carriage return gets a leading ' so a spreadsheet never
runs it as a formula. Reports and exports appear only when complete.

Signing in: a practice with accounts (myodesk-cli setup) needs --user USER or MYODESK_USER,
with the password in MYODESK_PASSWORD or typed at the terminal. New passwords (setup, staff
add --username, staff password) come from MYODESK_NEW_PASSWORD or the terminal.

Exit codes: 0 ok, 2 usage, 3 invalid input (also a file that cannot be read or written),
4 not found, 5 database error, 6 not signed in, wrong password or not allowed (the message
names the missing right).)";

// --version was given: nothing else runs.
struct VersionRequested {};
// `help` as a command: the overview.
struct OverviewRequested {};
// The line was read by ParseCliOnly, which runs no handler.
struct HandlersNotRun {};

void DeclareCommandLine(CLI::App& app, CommandContext& context) {
    app.footer(kFooter);
    app.fallthrough();
    app.add_option("--db", context.DatabaseOption(),
                   "a SQLite file (PATH or sqlite:PATH), postgresql://user@host/dbname or a libpq "
                   "string \"host=... dbname=...\"; default: the app's own database")
        ->type_name("LOCATION");
    app.add_option("--user", context.UserOption(),
                   "sign in as USER (else MYODESK_USER); the password from MYODESK_PASSWORD or "
                   "the terminal")
        ->type_name("USER");
    app.add_flag("--json", context.JsonOption(),
                 "print JSON (field names as in the model, snake_case)");
    app.add_flag_callback(
        "--version", [] { throw VersionRequested{}; }, "print the version");
    app.add_subcommand("help", "print this help")->group("")->callback([] {
        throw OverviewRequested{};
    });
    AddClientCommands(app, context);
    AddIntakeCommands(app, context);
    AddStaffCommands(app, context);
    AddNoteCommands(app, context);
    AddTrainingCommands(app, context);
    AddPlanCommands(app, context);
    AddAppointmentCommands(app, context);
    AddPracticeSetupCommands(app, context);
    AddSettingsCommands(app, context);
    AddReportCommands(app, context);
    AddExportCommands(app, context);
    AddDemoCommand(app, context);
    AddDatabaseCommands(app, context);
    AddAccountCommands(app, context);
    AddAuditCommands(app, context);
    AddBackupCommands(app, context);
    AddImportCommands(app, context);
    // Only the overview lists every command; each command's help is CLI11's own.
    app.formatter(std::make_shared<OverviewFormatter>());
}

// "myodesk-cli clients show": the command a usage error is about, for its --help.
std::string SelectedCommand(const CLI::App& app) {
    std::string words = app.get_name();
    for (const CLI::App* at = &app; !at->get_subcommands().empty();) {
        at = at->get_subcommands().front();
        words += " " + at->get_name();
    }
    return words;
}

int UsageFailure(std::ostream& err, const CLI::App& app, std::string_view message) {
    fmt::print(err, "myodesk-cli: {}\n(see {} --help)\n", message, SelectedCommand(app));
    return static_cast<int>(ExitCode::kUsage);
}

void PrintHelp(std::ostream& out, const std::string& help) {
    out << help;
    if (!help.empty() && help.back() != '\n') {
        out << '\n';
    }
}

// Parses the words and runs the command they name (its handler runs once the whole line has
// been read and checked).
// True when `word` is typed before `group` on the command line.
bool ComesBefore(const std::vector<std::string>& words, const std::string& word,
                 const std::string& group) {
    const auto word_at = std::find(words.begin(), words.end(), word);
    return word_at < std::find(words.begin(), words.end(), group);
}

int Run(CLI::App& app, const std::vector<std::string>& words, CommandContext& context) {
    try {
        std::vector<std::string> reversed(words.rbegin(), words.rend());
        app.parse(reversed);
    } catch (const VersionRequested&) {
        fmt::print(context.Out(), "myodesk-cli {}\n", core::Version());
        return 0;
    } catch (const OverviewRequested&) {
        app.clear();
        PrintHelp(context.Out(), app.help());
        return 0;
    } catch (const CLI::CallForHelp&) {
        PrintHelp(context.Out(), app.help());
        return 0;
    } catch (const CLI::CallForAllHelp&) {
        PrintHelp(context.Out(), app.help("", CLI::AppFormatMode::All));
        return 0;
    } catch (const CLI::RequiredError& error) {
        // A group's subcommand that is not one of its commands ("plan frobnicate").
        // (Only when a group was chosen: `"" -- db` leaves none, and its name is then no prefix.)
        const auto remaining = app.remaining(true);
        if (!app.get_subcommands().empty() && !remaining.empty() &&
            remaining.front().rfind('-', 0) != 0) {
            if (ComesBefore(words, remaining.front(), app.get_subcommands().front()->get_name())) {
                // "myodesk-cli x clients list": the unknown word is the command, not the group's.
                return UsageFailure(context.Err(), app,
                                    fmt::format("unknown command '{}'", remaining.front()));
            }
            return UsageFailure(context.Err(), app,
                                fmt::format("unknown command '{} {}'",
                                            SelectedCommand(app).substr(app.get_name().size() + 1),
                                            remaining.front()));
        }
        return UsageFailure(context.Err(), app, error.what());
    } catch (const CLI::ExtrasError& error) {
        const auto remaining = app.remaining(true);
        if (!remaining.empty() && remaining.front().rfind('-', 0) != 0 &&
            (app.get_subcommands().empty() ||
             ComesBefore(words, remaining.front(), app.get_subcommands().front()->get_name()))) {
            return UsageFailure(context.Err(), app,
                                fmt::format("unknown command '{}'", remaining.front()));
        }
        return UsageFailure(context.Err(), app, error.what());
    } catch (const CLI::ParseError& error) {
        return UsageFailure(context.Err(), app, error.what());
    } catch (const UsageError& error) {
        return UsageFailure(context.Err(), app, error.what());
    } catch (const HandlersNotRun&) {
        // ParseCliOnly: the line was read and checked, and no handler ran.
    }
    if (app.get_subcommands().empty()) {
        return UsageFailure(context.Err(), app, "no command given");
    }
    return 0;
}

// ParseCliOnly's application: once the whole line has been read and checked, CLI11 calls
// pre_callback before any command's handler; throwing there leaves every handler unrun (the
// handlers stay in place: they own their options' storage).
class ParseOnlyApp : public CLI::App {
  public:
    using CLI::App::App;
    void pre_callback() override { throw HandlersNotRun{}; }
};

}  // namespace

int RunCli(const std::vector<std::string>& words, std::istream& in, std::ostream& raw_out,
           std::ostream& raw_err, services::Clock clock) {
    // Everything printed passes through the terminal-safe buffers (terminal_output.h).
    TerminalSafeBuffer out_buffer(raw_out);
    TerminalSafeBuffer err_buffer(raw_err);
    std::ostream out(&out_buffer);
    std::ostream err(&err_buffer);
    const auto fail = [&](ExitCode code, std::string_view message) {
        fmt::print(err, "myodesk-cli: {}\n", message);
        return static_cast<int>(code);
    };
    CommandContext context(in, out, err, std::move(clock));
    out_buffer.FollowJsonFlag(context.JsonOption());
    CLI::App app(kOverview, "myodesk-cli");
    DeclareCommandLine(app, context);
    try {
        return Run(app, words, context);
    } catch (const InvalidInput& error) {
        return fail(ExitCode::kInvalidInput, fmt::format("invalid input: {}", error.what()));
    } catch (const services::AccessError& error) {
        return fail(ExitCode::kNotAllowed, error.what());
    } catch (const services::AbsoluteFlagError& error) {
        return fail(ExitCode::kInvalidInput,
                    fmt::format("invalid input; nothing was saved: {} (--override-flag \"REASON\")",
                                error.what()));
    } catch (const services::ExportFileRefusedError& error) {
        fmt::print(err, "myodesk-cli: invalid input: {}\n", error.what());
        for (const auto& problem : error.Problems()) {
            fmt::print(err, "  {}\n", ProblemText(problem));
        }
        return static_cast<int>(ExitCode::kInvalidInput);
    } catch (const services::RuleError& error) {
        return fail(ExitCode::kInvalidInput, fmt::format("invalid input: {}", error.what()));
    } catch (const db::ClashError& error) {
        fmt::print(err, "myodesk-cli: invalid input; nothing was saved:\n  {}\n",
                   ClashText(error.Other(), error.Reason()));
        return static_cast<int>(ExitCode::kInvalidInput);
    } catch (const db::ValidationError& error) {
        fmt::print(err, "myodesk-cli: invalid input; nothing was saved:\n");
        for (const auto& problem : error.Problems()) {
            fmt::print(err, "  {}\n", ProblemText(problem));
        }
        return static_cast<int>(ExitCode::kInvalidInput);
    } catch (const db::NotFoundError& error) {
        return fail(ExitCode::kNotFound, error.what());
    } catch (const db::BackupDamagedError& error) {
        return fail(ExitCode::kInvalidInput, error.what());
    } catch (const db::DatabaseError& error) {
        return fail(ExitCode::kDatabase, error.what());
    }
}

int RunCli(const std::vector<std::string>& words, std::istream& in, std::ostream& out,
           std::ostream& err) {
    return RunCli(words, in, out, err, services::Clock::System());
}

int RunCli(const std::vector<std::string>& words, std::ostream& out, std::ostream& err) {
    return RunCli(words, std::cin, out, err);
}

int ParseCliOnly(const std::vector<std::string>& words, std::ostream& out, std::ostream& err) {
    // Declared once per process and cleared before each line: declaring the command line costs
    // far more than reading one, and the fuzzer reads millions.
    struct Declared {
        std::istringstream in;
        std::ostringstream out;
        std::ostringstream err;
        CommandContext context{in, out, err, services::Clock::System()};
        ParseOnlyApp app{kOverview, "myodesk-cli"};
        Declared() { DeclareCommandLine(app, context); }
    };
    static Declared declared;
    declared.app.clear();
    declared.context.DatabaseOption().reset();
    declared.context.JsonOption() = false;
    declared.out.str("");
    declared.err.str("");
    const int code = Run(declared.app, words, declared.context);
    out << declared.out.str();
    err << declared.err.str();
    return code;
}

}  // namespace myodesk::app
