#pragma once

#include <filesystem>
#include <fstream>
#include <ostream>
#include <stdexcept>

namespace myodesk::reports {

// A file that cannot be created, written or put in place. The message names the path the
// user gave and says why.
class OutputFileError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// An export written to a temporary file beside `path` and renamed onto it by Commit(), so a
// reader never sees half a file and a failed export leaves nothing behind: without Commit()
// (an error half way) the temporary file is removed. An existing file at `path` is replaced
// only when the new one is complete.
class AtomicOutputFile {
  public:
    // Creates the temporary file; OutputFileError when the folder is missing or not writable.
    explicit AtomicOutputFile(std::filesystem::path path);
    ~AtomicOutputFile();
    AtomicOutputFile(const AtomicOutputFile&) = delete;
    AtomicOutputFile& operator=(const AtomicOutputFile&) = delete;

    std::ostream& Stream() { return m_stream; }

    // Flushes, closes and renames the file into place; OutputFileError when any step fails
    // (the temporary file is removed then too).
    void Commit();

  private:
    std::filesystem::path m_path;
    std::filesystem::path m_temporary_path;
    std::ofstream m_stream;
    bool m_committed = false;
};

}  // namespace myodesk::reports
