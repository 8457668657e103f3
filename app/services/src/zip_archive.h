#pragma once

// ZIP files through libzip: written whole from files and texts, read an entry at a time with
// limits, so a hostile archive (a ZIP bomb, thousands of entries) is refused while reading.

#include <cstddef>
#include <cstdint>
#include <ctime>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

struct zip;
struct zip_file;

namespace myodesk::services::detail {

// Raised for an archive that cannot be read as a ZIP or breaks a limit (the message says
// which); the caller turns it into its own error.
class ZipError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A new ZIP at `path`, written by Close() (libzip writes a temporary file and renames it).
// Entries are deflated and dated `modified`.
class ZipWriter {
  public:
    ZipWriter(const std::filesystem::path& path, std::time_t modified);
    ~ZipWriter();
    ZipWriter(const ZipWriter&) = delete;
    ZipWriter& operator=(const ZipWriter&) = delete;

    // The file's bytes as the entry `name` (read when Close() writes the archive).
    void AddFile(const std::string& name, const std::filesystem::path& file);
    void AddText(const std::string& name, std::string text);
    void Close();

  private:
    void Added(long long index, const std::string& name);

    zip* m_archive = nullptr;
    std::time_t m_modified;
    std::vector<std::unique_ptr<std::string>> m_texts;  // alive until Close()
};

struct ZipEntry {
    std::string name;
    std::uint64_t size = 0;  // as the archive says (checked again while reading)
};

// A ZIP opened to read: its entries, each readable once in pieces.
class ZipReader {
  public:
    static constexpr std::size_t kMaxEntries = 1000;

    explicit ZipReader(const std::filesystem::path& path);
    ~ZipReader();
    ZipReader(const ZipReader&) = delete;
    ZipReader& operator=(const ZipReader&) = delete;

    const std::vector<ZipEntry>& Entries() const { return m_entries; }
    bool Has(std::string_view name) const;
    // The entry's bytes, given to `take` a piece at a time; ZipError when the entry is damaged
    // or holds more than `max_bytes`.
    void Read(const std::string& name, std::uint64_t max_bytes,
              const std::function<void(std::string_view)>& take);
    // The whole entry as text (small entries: a manifest).
    std::string ReadText(const std::string& name, std::uint64_t max_bytes);

  private:
    zip* m_archive = nullptr;
    std::vector<ZipEntry> m_entries;
};

}  // namespace myodesk::services::detail
