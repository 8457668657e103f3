#pragma once

#include <myodesk/db/database.h>
#include <myodesk/services/context.h>

#include <cstdint>
#include <optional>
#include <string>

namespace myodesk::services {

// Opens the database `location` names (see db::OpenDatabase), or the app's own default one
// (its folder made on the first start) when none is given.
db::Database OpenDatabase(const std::optional<std::string>& location);

// What `db info` shows.
struct DatabaseInfo {
    std::string location;  // safe to show (no password)
    std::string backend;   // "SQLite", "PostgreSQL"
    int schema_version = 0;
    int app_schema_version = 0;
    std::int64_t active_clients = 0;
    std::int64_t archived_clients = 0;
};

DatabaseInfo ReadDatabaseInfo(Context& context);

}  // namespace myodesk::services
