#pragma once

#include <filesystem>
#include <memory>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace myodesk::reports {

// A file that cannot be created, written or put in place. The message names the path the
// user gave and says why.
class OutputFileError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// What an output path may not be: writing there would destroy something that is not an
// export, or would block.
enum class OutputRefusal {
    kProtectedFile,  // the open database or one of its files (-wal, -shm, -journal)
    kDatabaseFile,   // any SQLite database (its first bytes are "SQLite format 3\0")
    kFolder,
    kDevice,  // a character or block device
    kPipe,    // a FIFO or a socket
};

// The path is one an export must never replace; nothing was written.
class OutputRefusedError : public OutputFileError {
  public:
    OutputRefusedError(const std::string& message, OutputRefusal refusal)
        : OutputFileError(message), m_refusal(refusal) {}
    OutputRefusal Refusal() const { return m_refusal; }

  private:
    OutputRefusal m_refusal;
};

namespace detail {
class FileDescriptorBuffer;
}

// An export written to a temporary file and renamed onto the target by Commit(), so a reader
// never sees half a file and a failed export leaves nothing behind: without Commit() (an
// error half way) the temporary file is removed and an older file is unchanged.
//
// The target is `path`, or what a symbolic link there points to (followed to the end): the
// link stays and its target is replaced. The temporary file is made beside the target (so the
// rename is atomic) with O_EXCL and mode 0600; the new file gets 0600, or the old file's mode
// if that is stricter (the permissions both allow). Refused (OutputRefusedError, before
// anything is written): one of `protected_files` (compared by device and inode, so another
// name or a hard link is caught too; by path when it does not exist yet), a SQLite database,
// a folder, a device, a FIFO or a socket.
class AtomicOutputFile {
  public:
    // Checks the target and creates the temporary file; OutputFileError when the folder is
    // missing or not writable, OutputRefusedError for a refused target.
    explicit AtomicOutputFile(std::filesystem::path path,
                              const std::vector<std::filesystem::path>& protected_files = {});
    ~AtomicOutputFile();
    AtomicOutputFile(const AtomicOutputFile&) = delete;
    AtomicOutputFile& operator=(const AtomicOutputFile&) = delete;

    std::ostream& Stream() { return m_stream; }

    // Flushes and syncs the file, checks the target again and renames the file onto it;
    // OutputFileError when any step fails (the temporary file is removed then too).
    void Commit();

  private:
    void Discard();

    std::filesystem::path m_path;    // as the user gave it (for messages)
    std::filesystem::path m_target;  // symbolic links followed
    std::filesystem::path m_temporary_path;
    std::vector<std::filesystem::path> m_protected;
    unsigned m_mode = 0600;
    int m_fd = -1;
    std::unique_ptr<detail::FileDescriptorBuffer> m_buffer;
    std::ostream m_stream;
    bool m_committed = false;
};

}  // namespace myodesk::reports
