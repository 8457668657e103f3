#pragma once

#include <myodesk/db/database.h>
#include <myodesk/services/context.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace myodesk::services {

// Opens the database `location` names (see db::OpenDatabase), or the app's own default one
// (its folder made on the first start) when none is given. On a server, as `login` when given
// (db::LoginRefusedError when the server refuses it).
db::Database OpenDatabase(const std::optional<std::string>& location,
                          const std::optional<db::ServerLogin>& login = std::nullopt);
// Whether `location` names a database server (PostgreSQL), where signing in is logging in.
bool IsDatabaseServer(const std::optional<std::string>& location);

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

// The files an export or a report must never replace: the open SQLite database and its
// -wal, -shm and -journal (none for PostgreSQL or an in-memory database). Every writer of a
// path the user chose (CLI and GUI) gives them to reports::AtomicOutputFile, which refuses
// them and any other database, folder, device or pipe.
std::vector<std::filesystem::path> ProtectedOutputFiles(const db::Database& database);

}  // namespace myodesk::services
