#pragma once

#include <myodesk/core/backup_retention.h>
#include <myodesk/db/sqlite_backup.h>
#include <myodesk/services/context.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

namespace myodesk::services {

// A backup found in a folder, with its manifest when it has one that can be read.
struct BackupFile {
    std::filesystem::path path;
    std::uintmax_t bytes = 0;
    std::optional<db::BackupManifest> manifest;
};

struct BackupMade {
    std::filesystem::path path;
    db::BackupManifest manifest;
    std::vector<std::filesystem::path> thinned;  // older backups the policy let go
};

// Backups of the practice (docs/backups.md), for the owner and the manager
// (core::Right::kBackUp): the same for `backup create` and the app's Back up now….
class BackupService {
  public:
    explicit BackupService(Context& context);

    // "backups" beside the database file.
    std::filesystem::path PracticeFolder() const;

    // Copies the practice into `folder` (the practice's folder when not given; made 0700 when
    // missing) as "<database name>-<local date>-<time>.sqlite" and its manifest, verified before
    // it is named (db::WriteSqliteBackup). In the practice's folder, older backups are then
    // thinned by `policy`. Recorded in the audit log ("backup.create").
    BackupMade Create(const std::optional<std::filesystem::path>& folder,
                      const db::BackupProgress& progress = {},
                      const core::RetentionPolicy& policy = {});

    // The backups in `folder` (the practice's when not given), newest first; a partial copy
    // left by a backup that was stopped is never listed.
    std::vector<BackupFile> List(const std::optional<std::filesystem::path>& folder) const;

    // Checks a backup against its manifest (db::VerifySqliteBackup).
    db::BackupManifest Verify(const std::filesystem::path& backup) const;

    // Removes the backups in the practice's folder that `policy` does not keep; returns them.
    std::vector<std::filesystem::path> Thin(const core::RetentionPolicy& policy);

  private:
    void RequireSqlite() const;
    // Thin, never removing `just_made` (two backups in one second share their stamp).
    std::vector<std::filesystem::path> ThinKeeping(const core::RetentionPolicy& policy,
                                                   const std::filesystem::path& just_made);

    Context& m_context;
};

}  // namespace myodesk::services
