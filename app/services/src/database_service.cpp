#include <myodesk/db/client_repository.h>
#include <myodesk/db/connection_string.h>
#include <myodesk/db/default_location.h>
#include <myodesk/db/migrations.h>
#include <myodesk/services/database_service.h>

#include <stdexcept>

namespace myodesk::services {

db::Database OpenDatabase(const std::optional<std::string>& location,
                          const std::optional<db::ServerLogin>& login) {
    db::OpenOptions options;
    options.login = login;
    if (location) {
        return db::OpenDatabase(*location, options);
    }
    db::EnsureDefaultDatabaseFolder();
    return db::OpenDatabase(db::DefaultDatabasePath(), options);
}

bool IsDatabaseServer(const std::optional<std::string>& location) {
    try {
        return location && db::ParseConnectionString(*location).backend == db::Backend::kPostgresql;
    } catch (const std::invalid_argument&) {
        return false;  // OpenDatabase says what is wrong with it
    }
}

DatabaseInfo ReadDatabaseInfo(Context& context) {
    auto& database = context.Database();
    DatabaseInfo info;
    info.location = database.Location();
    info.backend = database.GetDialect().name;
    info.schema_version = db::SchemaVersion(database);
    info.app_schema_version = db::LatestSchemaVersion();
    db::ClientRepository clients(database);
    info.active_clients = clients.Count(db::ArchiveFilter::kActive);
    info.archived_clients = clients.Count(db::ArchiveFilter::kAll) - info.active_clients;
    return info;
}

std::vector<std::filesystem::path> ProtectedOutputFiles(const db::Database& database) {
    const auto& target = database.Target();
    if (target.backend != db::Backend::kSqlite || target.sqlite_path.empty() ||
        target.sqlite_path == ":memory:") {
        return {};
    }
    const std::string& path = target.sqlite_path;
    return {path, path + "-wal", path + "-shm", path + "-journal"};
}

}  // namespace myodesk::services
