#pragma once

#include <myodesk/db/database.h>

#include <string>

namespace myodesk::db {

// The schema is built by numbered, append-only steps (db/src/migration_steps.h lists them).

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

// Brings the database to `target_version`. All the steps and the record of their versions
// commit in one transaction, so a failed step leaves the database at the version it had. A
// database newer than the newest step is refused with SchemaTooNewError, before anything is
// written to it. An existing SQLite file (version 1 or later) is copied to a backup beside it
// (0600, one per version) before the steps run.
MigrationResult MigrateTo(Database& database, int target_version);

}  // namespace myodesk::db
