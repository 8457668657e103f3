#pragma once

// What the SQLite backups and the PostgreSQL dumps share (internal to db): a backup's partial
// files, removed unless kept, and its manifest written beside it.

#include <myodesk/db/sqlite_backup.h>

#include <filesystem>
#include <map>
#include <string>

namespace myodesk::db::detail {

namespace fs = std::filesystem;

// A backup being written, as ".<name>.partial" and its manifest's ".<name>.json.partial":
// removed when the object goes unless Keep() was called.
class PartialFiles {
  public:
    PartialFiles(fs::path copy, fs::path manifest)
        : m_copy(std::move(copy)), m_manifest(std::move(manifest)) {}
    ~PartialFiles() {
        if (!m_kept) {
            std::error_code ignored;
            fs::remove(m_copy, ignored);
            fs::remove(m_manifest, ignored);
            fs::remove(m_copy.string() + "-journal", ignored);
        }
    }
    PartialFiles(const PartialFiles&) = delete;
    PartialFiles& operator=(const PartialFiles&) = delete;
    void Keep() { m_kept = true; }
    const fs::path& Copy() const { return m_copy; }
    const fs::path& Manifest() const { return m_manifest; }

  private:
    fs::path m_copy;
    fs::path m_manifest;
    bool m_kept = false;
};

// The first table whose count differs, as a sentence; empty when all agree.
std::string CountDifference(const std::map<std::string, std::int64_t>& expected,
                            const std::map<std::string, std::int64_t>& found);

// The manifest's text in a new private file (0600), synced.
void WriteManifestFile(const fs::path& path, const BackupManifest& manifest);

}  // namespace myodesk::db::detail
