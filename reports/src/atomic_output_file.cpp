#include <myodesk/reports/atomic_output_file.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <random>
#include <string>
#include <system_error>

namespace myodesk::reports {

namespace {

// A hidden name beside the target, random so two exports to one folder never share it.
std::filesystem::path TemporaryPathFor(const std::filesystem::path& path) {
    std::random_device random;
    const auto suffix = fmt::format("{:08x}", random());
    return path.parent_path() / fmt::format(".{}.{}.partial", path.filename().string(), suffix);
}

}  // namespace

AtomicOutputFile::AtomicOutputFile(std::filesystem::path path)
    : m_path(std::move(path)), m_temporary_path(TemporaryPathFor(m_path)) {
    if (m_path.filename().empty()) {
        throw OutputFileError(fmt::format("cannot write {}: not a file name", m_path.string()));
    }
    errno = 0;
    m_stream.open(m_temporary_path, std::ios::binary | std::ios::trunc);
    if (!m_stream) {
        // The user named the target, not our temporary file: name it in the message.
        throw OutputFileError(fmt::format("cannot write {}: {}", m_path.string(),
                                          std::strerror(errno != 0 ? errno : EIO)));
    }
}

AtomicOutputFile::~AtomicOutputFile() {
    if (!m_committed) {
        m_stream.close();
        std::error_code ignored;
        std::filesystem::remove(m_temporary_path, ignored);
    }
}

void AtomicOutputFile::Commit() {
    errno = 0;
    m_stream.flush();
    m_stream.close();
    if (!m_stream) {
        const int error = errno != 0 ? errno : EIO;
        std::error_code ignored;
        std::filesystem::remove(m_temporary_path, ignored);
        throw OutputFileError(
            fmt::format("cannot write {}: {}", m_path.string(), std::strerror(error)));
    }
    std::error_code error;
    std::filesystem::rename(m_temporary_path, m_path, error);
    if (error) {
        std::error_code ignored;
        std::filesystem::remove(m_temporary_path, ignored);
        throw OutputFileError(fmt::format("cannot write {}: {}", m_path.string(), error.message()));
    }
    m_committed = true;
}

}  // namespace myodesk::reports
