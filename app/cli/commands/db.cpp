// db info|copy
#include "command_declaration.h"
#include "report_output.h"

#include <myodesk/services/database_service.h>
#include <myodesk/services/practice_export_service.h>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <memory>
#include <optional>
#include <string>

namespace myodesk::app {

namespace {

void AddCopy(CLI::App& group, CommandContext& context) {
    auto location = std::make_shared<std::string>();
    auto& command = AddCommand(
        group, "copy",
        "Copy the practice into a new, empty database (SQLite to PostgreSQL, or back) in one "
        "transaction, checked by counts and SHA-256 of every kind of record. Passwords are not "
        "copied: with accounts, the owner's new one comes from MYODESK_NEW_PASSWORD or is typed "
        "twice.",
        [&context, location] {
            services::Context& services = context.Services();
            std::optional<std::string> owner_password;
            if (services.AccountsOn()) {
                owner_password = context.NewPassword();
            }
            const auto summary =
                services::PracticeExportService(services).CopyTo(*location, owner_password);
            if (context.Json()) {
                context.PrintJson({{"to", summary.path.string()},
                                   {"records", summary.records},
                                   {"kinds", KindCountsJson(summary.kinds)},
                                   {"owners", summary.owners}});
                return;
            }
            fmt::print(context.Out(),
                       "Copied the practice ({} {}) to {}; counts and SHA-256 of every kind "
                       "checked\n",
                       summary.records, summary.records == 1 ? "record" : "records",
                       summary.path.string());
            for (const auto& owner : summary.owners) {
                fmt::print(context.Out(),
                           "The owner {} signs in there with the new password and sets the other "
                           "staff's.\n",
                           owner);
            }
        });
    command.add_option("--to", *location, "the new database: a file or a postgresql:// URL")
        ->type_name("LOCATION")
        ->required();
}

}  // namespace

void AddDatabaseCommands(CLI::App& app, CommandContext& context) {
    auto& group = AddGroup(app, "db", "The database itself.");
    AddCommand(group, "info", "Where the database is and its schema version.", [&context] {
        const auto info = services::ReadDatabaseInfo(context.Services());
        if (context.Json()) {
            context.PrintJson({{"location", info.location},
                               {"backend", info.backend},
                               {"schema_version", info.schema_version},
                               {"app_schema_version", info.app_schema_version},
                               {"clients", info.active_clients},
                               {"archived_clients", info.archived_clients}});
            return;
        }
        fmt::print(context.Out(),
                   "Location:        {}\nBackend:         {}\nSchema version:  {}\n"
                   "Clients:         {} ({} archived)\n",
                   info.location, info.backend, info.schema_version, info.active_clients,
                   info.archived_clients);
    });
    AddCopy(group, context);
}

}  // namespace myodesk::app
