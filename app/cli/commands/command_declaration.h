#pragma once

#include "command_context.h"

#include <myodesk/db/client_repository.h>
#include <myodesk/db/errors.h>

#include <CLI/CLI.hpp>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>

namespace myodesk::app {

// Helpers for declaring a command in one place: its words, options, help and handler.

// A whole number not below 0 (a usage error otherwise).
CLI::Validator NotNegative();

// A command group ("clients"): a subcommand that needs one of its own.
CLI::App& AddGroup(CLI::App& app, const std::string& name, const std::string& description);

// A command of a group, running `handler` once its command line has been read and checked.
CLI::App& AddCommand(CLI::App& group, const std::string& name, const std::string& description,
                     std::function<void()> handler);

// A positional id ("CLIENT_ID"): a whole number above 0, else a usage error naming `what`
// ("a client id").
CLI::Option* AddIdArgument(CLI::App& command, const std::string& name, std::int64_t& id,
                           const std::string& what, const std::string& description);
// An option that names a record by id ("--therapist STAFF_ID").
CLI::Option* AddIdOption(CLI::App& command, const std::string& name,
                         std::optional<std::int64_t>& id, const std::string& what,
                         const std::string& description);

// --limit N and --offset N: pages of a long list.
struct Paging {
    std::int64_t limit = std::numeric_limits<std::int64_t>::max();
    std::int64_t offset = 0;
};
void AddPaging(CLI::App& command, Paging& paging);

// --archived or --all (active clients without either).
struct ArchiveChoice {
    bool archived = false;
    bool all = false;
    db::ArchiveFilter Filter() const {
        return all        ? db::ArchiveFilter::kAll
               : archived ? db::ArchiveFilter::kArchived
                          : db::ArchiveFilter::kActive;
    }
};
void AddArchiveChoice(CLI::App& command, ArchiveChoice& choice, const std::string& what);

// --from and --to (YYYY-MM-DD, as text: a date that does not parse is invalid input).
struct PeriodText {
    std::string from;
    std::string to;
};
void AddRequiredPeriod(CLI::App& command, PeriodText& period, const std::string& what);

// The help's last lines for every command: the global options it also takes.
inline constexpr const char* kCommandFooter =
    "Global options: --db LOCATION, --json (see myodesk-cli --help).";

// The groups, each in its file under commands/.
void AddClientCommands(CLI::App& app, CommandContext& context);
void AddIntakeCommands(CLI::App& app, CommandContext& context);
void AddStaffCommands(CLI::App& app, CommandContext& context);
void AddNoteCommands(CLI::App& app, CommandContext& context);
void AddTrainingCommands(CLI::App& app, CommandContext& context);
void AddPlanCommands(CLI::App& app, CommandContext& context);
void AddAppointmentCommands(CLI::App& app, CommandContext& context);
void AddPracticeSetupCommands(CLI::App& app, CommandContext& context);
void AddSettingsCommands(CLI::App& app, CommandContext& context);
void AddReportCommands(CLI::App& app, CommandContext& context);
void AddExportCommands(CLI::App& app, CommandContext& context);
void AddDemoCommand(CLI::App& app, CommandContext& context);
void AddDatabaseCommands(CLI::App& app, CommandContext& context);
void AddAccountCommands(CLI::App& app, CommandContext& context);
void AddAuditCommands(CLI::App& app, CommandContext& context);
void AddBackupCommands(CLI::App& app, CommandContext& context);
void AddImportCommands(CLI::App& app, CommandContext& context);

}  // namespace myodesk::app
