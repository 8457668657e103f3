#pragma once

#include <myodesk/db/errors.h>
#include <myodesk/db/sqlite_backup.h>

#include <filesystem>

namespace myodesk::db {

// Another program (a desk, a script) has the SQLite database open: a restore over it is
// refused until it is closed there.
class DatabaseInUseError : public DatabaseError {
  public:
    using DatabaseError::DatabaseError;
};

// Whether another process has `database` open: every SQLite connection in WAL mode holds a
// shared lock on the file while it is open. This process's own connections are not seen
// (POSIX locks belong to a process).
bool OpenElsewhere(const std::filesystem::path& database);

// Copies a backup, verified first (VerifySqliteBackup), to `target`: a new database file
// (refused when one exists). Written as ".<name>.partial" (0600), synced and renamed when
// whole; anything that fails leaves no file. Returns the backup's manifest.
BackupManifest RestoreSqliteBackupTo(const std::filesystem::path& backup,
                                     const std::filesystem::path& target);

// Replaces `database` by a backup, verified first. Nothing in this process may have it open.
// Refused with DatabaseInUseError while another process has it open, and SQLite's locks on it
// are held while the files change, so no desk opens it half way. The database as it was (its
// file and any -wal or -journal, byte for byte, damaged or not) is first copied to
// `safety_copy` (0600; the folder must exist), which DescribeAsBackup then gives a manifest
// when it is whole. A backup made by a newer MyoDesk is refused (SchemaTooNewError). Anything
// that fails before the swap leaves the database as it was.
BackupManifest RestoreSqliteBackupOver(const std::filesystem::path& backup,
                                       const std::filesystem::path& database,
                                       const std::filesystem::path& safety_copy, TimePoint now);

}  // namespace myodesk::db
