#pragma once

#include <myodesk/db/clock.h>
#include <myodesk/db/database.h>
#include <myodesk/db/sqlite_backup.h>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace myodesk::db {

// Backups of a practice on a PostgreSQL server (docs/backups.md), made with the server's own
// client programs (Debian's postgresql-client): pg_dump's custom format, and a manifest beside
// it as a SQLite backup has (the same BackupManifest: row counts per table, size, SHA-256).
inline constexpr std::string_view kDumpExtension = ".pgdump";

// pg_dump or pg_restore is not installed: the message says what to install, or to use
// `export all` instead.
class ServerToolsMissingError : public DatabaseError {
  public:
    using DatabaseError::DatabaseError;
};

// The database a backup was to be restored into holds tables already; nothing was written.
class DatabaseNotEmptyError : public DatabaseError {
  public:
    using DatabaseError::DatabaseError;
};

// Whether pg_dump and pg_restore are on PATH.
bool ServerToolsInstalled();

// Whether the file starts as pg_dump's custom format does ("PGDMP"), its name aside.
bool IsPostgresqlDump(const std::filesystem::path& file);

// Dumps the practice's schema of the open PostgreSQL `database` to `target` with pg_dump
// (custom format), as the login the database is open as. The row counts of the manifest are
// read in the very snapshot pg_dump dumps (pg_export_snapshot), so they vouch for the dump.
// The dump is written as ".<name>.partial" (0600), checked (pg_restore reads its table of
// contents, every table's data is in it), then renamed with its manifest. `progress` is told
// the tables dumped of all and may cancel (BackupCancelledError); any failure leaves nothing
// behind (DatabaseError with pg_dump's own words). ServerToolsMissingError without pg_dump.
BackupManifest WritePostgresqlDump(Database& database, const std::filesystem::path& target,
                                   TimePoint created, const BackupProgress& progress = {});

// Checks a dump against its manifest: size and SHA-256, pg_restore can read it, and it holds
// the data of every table the manifest counts. BackupDamagedError naming what is wrong.
BackupManifest VerifyPostgresqlDump(const std::filesystem::path& dump);

// The username of the dump's first active owner with an account (by id), nullopt when the
// practice has no accounts. Passwords are the server's logins', never in a dump: a restore on
// another server needs the owner's new one.
std::optional<std::string> DumpOwnerUsername(const std::filesystem::path& dump);

// The name of the open PostgreSQL database (current_database()): backups are named after it.
std::string ServerDatabaseName(Database& database);

// Restores a verified dump with pg_restore into the PostgreSQL database at `location`, which
// must hold no tables (DatabaseNotEmptyError otherwise, nothing written): in one transaction,
// without the old server's owners and grants (the practice's own are given again by
// ServerAccounts::Install). Then checks every table's rows against the manifest, before any
// migration of an older dump runs. Returns the dump's manifest.
BackupManifest RestorePostgresqlDump(const std::filesystem::path& dump,
                                     const std::string& location);

}  // namespace myodesk::db
