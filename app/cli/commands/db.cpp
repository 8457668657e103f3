// db info
#include "command_declaration.h"

#include <myodesk/services/database_service.h>

#include <fmt/format.h>
#include <fmt/ostream.h>

namespace myodesk::app {

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
}

}  // namespace myodesk::app
