#include "report_text.h"

#include <myodesk/reports/atomic_output_file.h>

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace myodesk::reports {

namespace detail {

// The temporary file's bytes go straight to its descriptor (opened with O_EXCL and 0600,
// which std::ofstream cannot do); the first write error is kept for the message.
class FileDescriptorBuffer : public std::streambuf {
  public:
    explicit FileDescriptorBuffer(int fd) : m_fd(fd) { Reset(); }
    int Error() const { return m_error; }

  protected:
    int_type overflow(int_type c) override {
        if (!Drain()) {
            return traits_type::eof();
        }
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }
    int sync() override { return Drain() ? 0 : -1; }

  private:
    void Reset() { setp(m_bytes.data(), m_bytes.data() + m_bytes.size()); }
    bool Drain() {
        const char* data = pbase();
        auto left = static_cast<std::size_t>(pptr() - pbase());
        while (left > 0 && m_error == 0) {
            const ssize_t written = ::write(m_fd, data, left);
            if (written < 0) {
                if (errno != EINTR) {
                    m_error = errno;
                }
                continue;
            }
            data += written;
            left -= static_cast<std::size_t>(written);
        }
        Reset();
        return m_error == 0;
    }

    int m_fd;
    int m_error = 0;
    std::array<char, 64 * 1024> m_bytes{};
};

}  // namespace detail

namespace {

namespace fs = std::filesystem;

constexpr std::string_view kSqliteHeader{"SQLite format 3\0", 16};
constexpr int kMaxLinks = 40;  // as the kernel's ELOOP limit

OutputFileError ErrnoError(const fs::path& shown, int error) {
    return OutputFileError(
        fmt::format("cannot write {}: {}", shown.string(), std::strerror(error)));
}

// `path` with every symbolic link at its end followed (a dangling one to the file it names).
fs::path FollowLinks(const fs::path& path) {
    fs::path current = path;
    for (int hop = 0; hop < kMaxLinks; ++hop) {
        struct stat status {};
        if (::lstat(current.c_str(), &status) != 0 || !S_ISLNK(status.st_mode)) {
            return current;
        }
        std::error_code error;
        const fs::path link = fs::read_symlink(current, error);
        if (error) {
            throw ErrnoError(path, error.value());
        }
        current = link.is_absolute() ? link : current.parent_path() / link;
    }
    throw ErrnoError(path, ELOOP);
}

// The same file: by device and inode when both exist, else by their absolute paths.
bool SameFile(const fs::path& target, const std::optional<struct stat>& target_status,
              const fs::path& other) {
    struct stat other_status {};
    if (::stat(other.c_str(), &other_status) == 0) {
        return target_status && target_status->st_dev == other_status.st_dev &&
               target_status->st_ino == other_status.st_ino;
    }
    std::error_code ignored;
    return fs::weakly_canonical(fs::absolute(target, ignored), ignored) ==
           fs::weakly_canonical(fs::absolute(other, ignored), ignored);
}

// Whether the regular file starts as a SQLite database does. Opened without blocking and
// without following a link (the target was resolved already); unreadable: not known to be.
bool IsSqliteFile(const fs::path& target) {
    const int fd = ::open(target.c_str(), O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        return false;
    }
    std::array<char, kSqliteHeader.size()> header{};
    const ssize_t got = ::read(fd, header.data(), header.size());
    ::close(fd);
    return got == static_cast<ssize_t>(header.size()) &&
           std::string_view(header.data(), header.size()) == kSqliteHeader;
}

[[noreturn]] void Refuse(const fs::path& shown, OutputRefusal refusal) {
    std::string why;
    switch (refusal) {
        case OutputRefusal::kProtectedFile:
            why = Tr("it is the open database (or one of its files); choose another file name");
            break;
        case OutputRefusal::kDatabaseFile:
            why = Tr("it is a database; choose another file name");
            break;
        case OutputRefusal::kFolder:
            why = Tr("it is a folder; give a file name");
            break;
        case OutputRefusal::kDevice:
            why = Tr("it is a device, not a file");
            break;
        case OutputRefusal::kPipe:
            why = Tr("it is a pipe or a socket, not a file");
            break;
    }
    throw OutputRefusedError(Format(Tr("cannot write {0}: {1}"), shown.string(), why), refusal);
}

// Refuses what an export may not replace; returns the existing file's status (nullopt: none).
std::optional<struct stat> CheckTarget(const fs::path& shown, const fs::path& target,
                                       const std::vector<fs::path>& protected_files) {
    std::optional<struct stat> existing;
    struct stat status {};
    if (::lstat(target.c_str(), &status) == 0) {
        existing = status;
    } else if (errno != ENOENT) {
        throw ErrnoError(shown, errno);
    }
    for (const fs::path& file : protected_files) {
        if (SameFile(target, existing, file)) {
            Refuse(shown, OutputRefusal::kProtectedFile);
        }
    }
    if (!existing) {
        return existing;
    }
    const mode_t kind = existing->st_mode & S_IFMT;
    if (kind == S_IFDIR) {
        Refuse(shown, OutputRefusal::kFolder);
    }
    if (kind == S_IFCHR || kind == S_IFBLK) {
        Refuse(shown, OutputRefusal::kDevice);
    }
    if (kind != S_IFREG) {
        Refuse(shown, OutputRefusal::kPipe);
    }
    if (IsSqliteFile(target)) {
        Refuse(shown, OutputRefusal::kDatabaseFile);
    }
    return existing;
}

// A hidden name beside the target, random so two exports to one folder never share it.
fs::path TemporaryPathFor(const fs::path& target) {
    std::random_device random;
    const auto suffix = fmt::format("{:08x}", random());
    return target.parent_path() / fmt::format(".{}.{}.partial", target.filename().string(), suffix);
}

// Makes the folder's entry for the renamed file durable too (best effort).
void SyncFolder(const fs::path& folder) {
    const int fd =
        ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

}  // namespace

AtomicOutputFile::AtomicOutputFile(std::filesystem::path path,
                                   const std::vector<std::filesystem::path>& protected_files)
    : m_path(std::move(path)), m_protected(protected_files), m_stream(nullptr) {
    if (m_path.filename().empty()) {
        throw OutputFileError(fmt::format("cannot write {}: not a file name", m_path.string()));
    }
    m_target = FollowLinks(m_path);
    if (const auto existing = CheckTarget(m_path, m_target, m_protected)) {
        // 0600, or fewer rights when the old file had them.
        m_mode = 0600U & static_cast<unsigned>(existing->st_mode & 0777U);
    }
    m_temporary_path = TemporaryPathFor(m_target);
    m_fd = ::open(m_temporary_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
                  0600);
    if (m_fd < 0) {
        // The user named the target, not our temporary file: name it in the message.
        throw ErrnoError(m_path, errno);
    }
    m_buffer = std::make_unique<detail::FileDescriptorBuffer>(m_fd);
    m_stream.rdbuf(m_buffer.get());
}

AtomicOutputFile::~AtomicOutputFile() {
    if (!m_committed) {
        Discard();
    }
}

void AtomicOutputFile::Discard() {
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    ::unlink(m_temporary_path.c_str());
}

void AtomicOutputFile::Commit() {
    int error = 0;
    m_stream.flush();
    if (!m_stream || m_buffer->Error() != 0) {
        error = m_buffer->Error() != 0 ? m_buffer->Error() : EIO;
    } else if (::fchmod(m_fd, static_cast<mode_t>(m_mode)) != 0 || ::fsync(m_fd) != 0) {
        error = errno;
    }
    if (error == 0) {
        const int fd = m_fd;
        m_fd = -1;
        if (::close(fd) != 0) {
            error = errno;
        }
    }
    if (error != 0) {
        Discard();
        throw ErrnoError(m_path, error);
    }
    try {
        // The target may have changed while the export was made.
        CheckTarget(m_path, m_target, m_protected);
    } catch (...) {
        Discard();
        throw;
    }
    if (::rename(m_temporary_path.c_str(), m_target.c_str()) != 0) {
        error = errno;
        Discard();
        throw ErrnoError(m_path, error);
    }
    m_committed = true;
    SyncFolder(m_target.parent_path());
}

}  // namespace myodesk::reports
