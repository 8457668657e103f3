#include "backend_connections.h"

#include <myodesk/db/migrations.h>
#include <myodesk/db/sqlite_restore.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#include <vector>

namespace myodesk::db {

namespace {

namespace fs = std::filesystem;

// SQLite's lock bytes on a database file (os_unix.c): the pending, reserved and shared bytes
// from 1 GiB, and the -shm file's "someone has it mapped" byte.
constexpr off_t kSqliteLockStart = 0x40000000;
constexpr off_t kSqliteLockLength = 2 + 510;
constexpr off_t kShmDeadManSwitch = 128;

// A file descriptor, closed when done.
class FileHandle {
  public:
    explicit FileHandle(const fs::path& path, int flags) : m_fd(::open(path.c_str(), flags)) {}
    ~FileHandle() {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
    }
    FileHandle(const FileHandle&) = delete;
    FileHandle& operator=(const FileHandle&) = delete;
    int Fd() const { return m_fd; }
    bool IsOpen() const { return m_fd >= 0; }

  private:
    int m_fd;
};

// Whether another process holds a lock on [start, start + length) of the open file.
bool LockedByOther(int fd, off_t start, off_t length) {
    struct flock lock {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    lock.l_start = start;
    lock.l_len = length;
    return ::fcntl(fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
}

bool ShmInUse(const fs::path& database) {
    const FileHandle shm(database.string() + "-shm", O_RDONLY | O_CLOEXEC);
    return shm.IsOpen() && LockedByOther(shm.Fd(), kShmDeadManSwitch, 1);
}

std::string InUseMessage(const fs::path& database) {
    return fmt::format(
        "{} is open at another desk (or in another program): close MyoDesk there, then "
        "restore again. Nothing was changed.",
        database.string());
}

// A whole file copied to `to` (made 0600 first), synced; throws DatabaseError.
void CopyPrivately(const fs::path& from, const fs::path& to) {
    fs::remove(to);
    detail::CreatePrivateFile(to.string());
    fs::copy_file(from, to, fs::copy_options::overwrite_existing);
    fs::permissions(to, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
    detail::SyncToDisk(to.string());
}

fs::path FolderOf(const fs::path& file) {
    return file.parent_path().empty() ? fs::path(".") : file.parent_path();
}

fs::path PartialBeside(const fs::path& target) {
    return FolderOf(target) / ("." + target.filename().string() + ".partial");
}

// A partial file removed unless kept.
class PartialFile {
  public:
    explicit PartialFile(fs::path path) : m_path(std::move(path)) {}
    ~PartialFile() {
        if (!m_kept) {
            std::error_code ignored;
            fs::remove(m_path, ignored);
        }
    }
    PartialFile(const PartialFile&) = delete;
    PartialFile& operator=(const PartialFile&) = delete;
    const fs::path& Path() const { return m_path; }
    void Keep() { m_kept = true; }

  private:
    fs::path m_path;
    bool m_kept = false;
};

BackupManifest VerifiedForThisApp(const fs::path& backup) {
    BackupManifest manifest = VerifySqliteBackup(backup);
    if (manifest.schema_version > LatestSchemaVersion()) {
        throw SchemaTooNewError(manifest.schema_version, LatestSchemaVersion(), backup.string());
    }
    return manifest;
}

BackupManifest RestoreTo(const fs::path& backup, const fs::path& target) {
    for (const char* suffix : {"", "-wal", "-journal"}) {
        if (fs::exists(target.string() + suffix)) {
            throw DatabaseError(fmt::format(
                "{} already exists; a backup is restored to a new file only.", target.string()));
        }
    }
    BackupManifest manifest = VerifiedForThisApp(backup);
    PartialFile partial(PartialBeside(target));
    CopyPrivately(backup, partial.Path());
    fs::rename(partial.Path(), target);
    partial.Keep();
    detail::SyncToDisk(FolderOf(target).string());
    return manifest;
}

BackupManifest RestoreOver(const fs::path& backup, const fs::path& database,
                           const fs::path& safety_copy, TimePoint now) {
    BackupManifest manifest = VerifiedForThisApp(backup);
    if (fs::exists(safety_copy)) {
        throw DatabaseError(fmt::format("{} already exists.", safety_copy.string()));
    }
    PartialFile partial(PartialBeside(database));
    CopyPrivately(backup, partial.Path());

    // SQLite's own locks, taken for writing: no desk reads or opens the database until the
    // files are swapped, and a desk that has it open already is found here.
    const FileHandle held(database, O_RDWR | O_CLOEXEC);
    if (held.IsOpen()) {
        struct flock lock {};
        lock.l_type = F_WRLCK;
        lock.l_whence = SEEK_SET;
        lock.l_start = kSqliteLockStart;
        lock.l_len = kSqliteLockLength;
        if (::fcntl(held.Fd(), F_SETLK, &lock) != 0 || ShmInUse(database)) {
            throw DatabaseInUseError(InUseMessage(database));
        }
        // The database as it was, whatever state it is in, with the -wal and -journal that
        // belong to it.
        std::vector<fs::path> copied;
        try {
            for (const char* suffix : {"", "-wal", "-journal"}) {
                const fs::path from = database.string() + suffix;
                if (fs::exists(from)) {
                    CopyPrivately(from, safety_copy.string() + suffix);
                    copied.push_back(safety_copy.string() + suffix);
                }
            }
        } catch (...) {
            std::error_code ignored;
            for (const fs::path& path : copied) {
                fs::remove(path, ignored);
            }
            throw;
        }
        detail::SyncToDisk(FolderOf(safety_copy).string());
        // Nobody has it open (the lock above): its -wal and -shm go with the old file.
        for (const char* suffix : {"-wal", "-shm", "-journal"}) {
            fs::remove(database.string() + suffix);
        }
    } else if (errno != ENOENT) {
        throw DatabaseError(
            fmt::format("Cannot open {}: {}", database.string(), std::strerror(errno)));
    }
    fs::rename(partial.Path(), database);
    partial.Keep();
    detail::SyncToDisk(FolderOf(database).string());
    if (fs::exists(safety_copy)) {
        DescribeAsBackup(safety_copy, now);
    }
    return manifest;
}

}  // namespace

bool OpenElsewhere(const fs::path& database) {
    const FileHandle file(database, O_RDONLY | O_CLOEXEC);
    return file.IsOpen() &&
           (LockedByOther(file.Fd(), kSqliteLockStart, kSqliteLockLength) || ShmInUse(database));
}

BackupManifest RestoreSqliteBackupTo(const fs::path& backup, const fs::path& target) {
    try {
        return RestoreTo(backup, target);
    } catch (const fs::filesystem_error& error) {
        throw DatabaseError(fmt::format("The backup could not be restored to {}: {}",
                                        target.string(), error.code().message()));
    }
}

BackupManifest RestoreSqliteBackupOver(const fs::path& backup, const fs::path& database,
                                       const fs::path& safety_copy, TimePoint now) {
    try {
        return RestoreOver(backup, database, safety_copy, now);
    } catch (const fs::filesystem_error& error) {
        throw DatabaseError(fmt::format("The backup could not be restored over {}: {}",
                                        database.string(), error.code().message()));
    }
}

}  // namespace myodesk::db
