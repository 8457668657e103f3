#pragma once

#include <myodesk/db/database.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace myodesk::db {

// One numbered, append-only schema step. A step never changes once released: a later
// change to the schema is a new step.
struct Migration {
    int version;
    std::string_view description;
    std::function<void(soci::session&, const Dialect&)> apply;
};

// Every step this MyoDesk knows, in order (versions 1, 2, 3, ... without gaps).
const std::vector<Migration>& AllMigrations();

// The newest schema version this MyoDesk knows.
int LatestSchemaVersion();

// The version recorded in the database; 0 for a database MyoDesk has not set up yet.
int SchemaVersion(Database& database);

struct MigrationResult {
    int from_version = 0;
    int to_version = 0;
    std::string backup_path;  // the SQLite copy written before an upgrade, or empty
};

// Brings the database to LatestSchemaVersion().
MigrationResult Migrate(Database& database);

// Brings the database to `target_version` with the given steps. Each step and the record of
// its version commit in one transaction, so a failed step leaves the database at the
// version before it. A database newer than the newest step is refused with
// SchemaTooNewError. An existing SQLite file (version 1 or later) is copied to a backup
// beside it before the first step runs.
MigrationResult MigrateTo(Database& database, int target_version,
                          const std::vector<Migration>& migrations = AllMigrations());

}  // namespace myodesk::db
