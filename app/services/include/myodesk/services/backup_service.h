#pragma once

#include <myodesk/core/backup_retention.h>
#include <myodesk/db/encrypted_backup.h>
#include <myodesk/db/sqlite_backup.h>
#include <myodesk/db/sqlite_restore.h>
#include <myodesk/services/context.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace myodesk::services {

// A backup found in a folder, with its manifest when it has one that can be read.
struct BackupFile {
    std::filesystem::path path;
    std::uintmax_t bytes = 0;
    std::optional<db::BackupManifest> manifest;  // none for an encrypted one (it is inside)
    bool encrypted = false;
    // When it was made, by the desk's clock ("2026-12-07T18:30:05"): from the manifest, or
    // for an encrypted backup from its name; empty when neither says.
    std::string made_local;
};

// An encrypted backup's passphrase, when the backup is one (db::IsEncryptedBackup).
using Passphrase = std::optional<std::string>;

struct BackupMade {
    std::filesystem::path path;
    db::BackupManifest manifest;
    std::vector<std::filesystem::path> thinned;  // older backups the policy let go
};

struct RestoreDone {
    std::filesystem::path backup;    // the backup restored
    std::filesystem::path database;  // the file that now holds the backup
    // Over the practice: the database as it was, kept in the practice's backups folder as
    // "<name>-before-restore-<stamp>.sqlite" (empty for a new file).
    std::filesystem::path safety_copy;
    // The safety copy passed the check and has a manifest (a damaged database has none).
    bool safety_copy_whole = false;
    db::BackupManifest manifest;  // of the backup restored
};

// What the status bar says of the automatic backups.
struct BackupStatus {
    bool automatic = false;                    // a SQLite practice with backup.automatic on
    std::optional<db::BackupManifest> newest;  // in the automatic backups' folder
    // No backup at all, or the newest older than backup.warn_after_days.
    bool overdue = false;
};

// Backups of the practice (docs/backups.md), for the owner and the manager
// (core::Right::kBackUp): the same for `backup create` and the app's Back up now….
class BackupService {
  public:
    explicit BackupService(Context& context);

    // "backups" beside the database file; for a practice on a PostgreSQL server, which has no
    // file, "server-backups/<database name>" in the desk's data folder.
    std::filesystem::path PracticeFolder() const;

    // On a PostgreSQL server the backup is pg_dump's (db::WritePostgresqlDump, ".pgdump"),
    // made by the owner (a manager's login does not read the others' private notes:
    // NotAllowedError), and db::ServerToolsMissingError without PostgreSQL's client programs.
    // Copies the practice into `folder` (the practice's folder when not given; made 0700 when
    // missing) as "<database name>-<local date>-<time>.sqlite" and its manifest, verified before
    // it is named (db::WriteSqliteBackup). In the practice's folder, older backups are then
    // thinned by `policy`. Recorded in the audit log ("backup.create").
    // With a passphrase (at least db::kMinPassphraseLength characters, else RuleError), the
    // backup is written encrypted ("….sqlite.encrypted", db::EncryptBackup); its plain copy is
    // made in a private folder beside the database and removed. Encrypted backups are never
    // thinned.
    BackupMade Create(const std::optional<std::filesystem::path>& folder,
                      const db::BackupProgress& progress = {},
                      const core::RetentionPolicy& policy = {}, const Passphrase& passphrase = {});

    // Automatic backups (the "backup.*" settings): the practice's rule, made whoever is at the
    // desk, when the app closes and at most daily while it is open, into backup.folder (the
    // practice's folder when empty), which is then thinned by the settings' keep counts.
    // nullopt, and nothing done, when they are off or the practice is on a server. Recorded
    // as "backup.create" with "automatic".
    std::optional<BackupMade> CreateAutomatic(const db::BackupProgress& progress = {});
    // Whether the daily one is due: automatic backups on and none in the last 24 hours.
    bool DailyDue() const;
    BackupStatus Status() const;
    std::filesystem::path AutomaticFolder() const;

    // The backups in `folder` (the practice's when not given), newest first; a partial copy
    // left by a backup that was stopped is never listed.
    std::vector<BackupFile> List(const std::optional<std::filesystem::path>& folder) const;

    // The same for a practice that cannot be opened (its rights cannot be read): the app offers
    // its backups when its database is damaged.
    static std::vector<BackupFile> ListIn(const std::filesystem::path& folder);
    // "backups" beside a SQLite database file.
    static std::filesystem::path FolderBeside(const std::filesystem::path& database);

    // Checks a backup against its manifest (db::VerifySqliteBackup).
    // An encrypted one is opened with `passphrase` first (RuleError without one;
    // db::WrongPassphraseError when it does not open it), into a private folder beside the
    // database that is removed after; the same for the restores below.
    db::BackupManifest Verify(const std::filesystem::path& backup,
                              const Passphrase& passphrase = {}) const;

    // Copies a backup, verified first, into a new SQLite database file (never over one);
    // recorded in this practice's audit log ("backup.restore").
    RestoreDone RestoreToNewFile(const std::filesystem::path& backup,
                                 const std::filesystem::path& new_database,
                                 const Passphrase& passphrase = {});

    // Whether the backup is a PostgreSQL practice's (pg_dump; by its name or its content).
    static bool IsServerBackup(const std::filesystem::path& backup);

    // A PostgreSQL practice's backup restored into the empty PostgreSQL database at `location`
    // (db::RestorePostgresqlDump), checked first: never over a practice, and a SQLite backup is
    // refused (RuleError: it goes to a file, then `db copy`). The practice's server groups are
    // set up for the new database; accounts whose logins the server has (the same server) keep
    // their passwords; the owner's login, when the server has none, is made with
    // `owner_password` (RuleError without one, before anything is written). The desk restoring
    // needs no rights in the empty database: whoever may create its tables may restore.
    static RestoreDone RestoreDumpInto(const std::filesystem::path& backup,
                                       const std::string& location,
                                       const Passphrase& passphrase = {},
                                       const std::optional<std::string>& owner_password = {});
    // The same from an open practice (the right to back up), recorded in its audit log.
    RestoreDone RestoreToServer(const std::filesystem::path& backup, const std::string& location,
                                const Passphrase& passphrase = {},
                                const std::optional<std::string>& owner_password = {});
    // The owner's username when restoring `backup` into `location` makes their login (the
    // server has none): the owner's new password is then needed.
    static std::optional<std::string> OwnerLoginNeeded(const std::filesystem::path& backup,
                                                       const std::string& location,
                                                       const Passphrase& passphrase = {});

    // A restore over the practice has three steps, as the practice must be closed for the
    // middle one: CheckRestoreOver with it open (the right, SQLite, the backup whole, no other
    // desk on it: db::DatabaseInUseError), then, with every connection to it in this program
    // closed, RestoreOverPractice, then RecordRestore in the practice opened again.
    db::BackupManifest CheckRestoreOver(const std::filesystem::path& backup,
                                        const Passphrase& passphrase = {}) const;
    // Replaces the SQLite `database` by the backup (db::RestoreSqliteBackupOver), keeping the
    // database as it was in the backups folder beside it (never thinned). Also what the
    // command line does when the practice cannot be opened at all (its rights cannot be read
    // then: whoever may write the file may replace it).
    static RestoreDone RestoreOverPractice(const std::filesystem::path& backup,
                                           const std::filesystem::path& database, TimePoint now,
                                           const Passphrase& passphrase = {});
    // "backup.restore" in the restored practice's audit log, naming the desk (of `restored`).
    static void RecordRestore(Context& restored, const RestoreDone& done);

    // Removes the backups in the practice's folder that `policy` does not keep; returns them.
    std::vector<std::filesystem::path> Thin(const core::RetentionPolicy& policy);

  private:
    core::BackupSettings Settings() const;
    BackupMade CreateIn(const std::filesystem::path& into, const db::BackupProgress& progress,
                        bool automatic, const Passphrase& passphrase = {});
    // Where an encrypted backup is opened: beside the database, or the desk's data folder.
    std::filesystem::path WorkBeside() const;
    void RequireWholeDump() const;
    // Thins `folder`, never removing `just_made` (two backups in one second share their
    // stamp) nor a copy a restore kept.
    static std::vector<std::filesystem::path> ThinKeeping(const std::filesystem::path& folder,
                                                          const core::RetentionPolicy& policy,
                                                          const std::filesystem::path& just_made);

    Context& m_context;
};

}  // namespace myodesk::services
