#pragma once

// What the SQLite backups and the PostgreSQL dumps share (internal to db): a backup's partial
// files, removed unless kept, and its manifest written beside it.

#include <myodesk/db/clock.h>
#include <myodesk/db/database.h>
#include <myodesk/db/sqlite_backup.h>

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

namespace myodesk::db::detail {

namespace fs = std::filesystem;

// A backup being written to `target`, as ".<name>.partial" beside it and its manifest as
// ".<name>.json.partial": both removed when the object goes, unless Finish() put them in place.
class PartialFiles {
  public:
    // Refuses a target (or its manifest) that exists (DatabaseError), removes the partial files
    // a backup killed half way left, and makes the partial copy, private (0600) and empty.
    explicit PartialFiles(const fs::path& target);
    ~PartialFiles();
    PartialFiles(const PartialFiles&) = delete;
    PartialFiles& operator=(const PartialFiles&) = delete;
    const fs::path& Copy() const { return m_copy; }

    // Writes the manifest, then renames it and the copy to their names (the manifest first: a
    // copy is only ever seen with the manifest that vouches for it), and syncs the folder.
    void Finish(const BackupManifest& manifest);

  private:
    fs::path m_target;
    fs::path m_copy;
    fs::path m_manifest;
    bool m_kept = false;
};

// A new backup's manifest: its times from the caller's clock (the thinning goes by the local
// one, `backup list` by UTC) and the database's schema version; rows, size and hash to come.
BackupManifest StartManifest(Database& database, TimePoint created);

// A table's name as an SQL identifier, in double quotes (a name read from the database's own
// catalog, never from outside).
inline std::string QuotedIdentifier(std::string_view name) {
    std::string quoted = "\"";
    for (const char c : name) {
        quoted += c;
        if (c == '"') {
            quoted += '"';
        }
    }
    return quoted + "\"";
}

// The first table whose count differs, as a sentence; empty when all agree.
std::string CountDifference(const std::map<std::string, std::int64_t>& expected,
                            const std::map<std::string, std::int64_t>& found);

// The manifest's text in a new private file (0600), synced.
void WriteManifestFile(const fs::path& path, const BackupManifest& manifest);

}  // namespace myodesk::db::detail
