#include "render_support.h"
#include "report_text.h"

#include <myodesk/reports/logo.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>

namespace myodesk::reports {

namespace {

constexpr std::array<unsigned char, 8> kPngSignature{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
// Signature, the IHDR chunk's length and type, its width and height.
constexpr std::size_t kHeaderBytes = 24;

std::uint32_t BigEndian(const std::vector<unsigned char>& bytes, std::size_t at) {
    return (std::uint32_t{bytes[at]} << 24U) | (std::uint32_t{bytes[at + 1]} << 16U) |
           (std::uint32_t{bytes[at + 2]} << 8U) | std::uint32_t{bytes[at + 3]};
}

LogoFile Refused(LogoFile logo, LogoProblem problem, int error = 0) {
    logo.problem = problem;
    logo.error = error;
    logo.png.clear();
    return logo;
}

// Up to kMaxLogoBytes + 1 bytes of the open file (one more tells it grew past the limit).
bool ReadAll(int fd, std::vector<unsigned char>& bytes, int& error) {
    bytes.resize(kMaxLogoBytes + 1);
    std::size_t got = 0;
    while (got < bytes.size()) {
        const ssize_t read = ::read(fd, bytes.data() + got, bytes.size() - got);
        if (read < 0 && errno == EINTR) {
            continue;
        }
        if (read < 0) {
            error = errno;
            return false;
        }
        if (read == 0) {
            break;
        }
        got += static_cast<std::size_t>(read);
    }
    bytes.resize(got);
    return true;
}

// The PNG's signature and header, then its pixels.
LogoFile CheckPng(LogoFile logo) {
    const auto& png = logo.png;
    if (png.size() < kHeaderBytes ||
        !std::equal(kPngSignature.begin(), kPngSignature.end(), png.begin()) ||
        std::string_view(reinterpret_cast<const char*>(png.data()) + 12, 4) != "IHDR") {
        return Refused(std::move(logo), LogoProblem::kNotPng);
    }
    logo.width = BigEndian(png, 16);
    logo.height = BigEndian(png, 20);
    if (logo.width == 0 || logo.height == 0) {
        return Refused(std::move(logo), LogoProblem::kNotPng);
    }
    if (logo.width > kMaxLogoPixels || logo.height > kMaxLogoPixels) {
        return Refused(std::move(logo), LogoProblem::kTooManyPixels);
    }
    if (!detail::DecodePng(png)) {
        return Refused(std::move(logo), LogoProblem::kNotPng);
    }
    return logo;
}

}  // namespace

LogoFile ReadLogo(const std::string& path) {
    LogoFile logo;
    struct stat status {};
    if (::stat(path.c_str(), &status) != 0) {
        return Refused(std::move(logo), LogoProblem::kUnreadable, errno);
    }
    if (!S_ISREG(status.st_mode)) {
        return Refused(std::move(logo), LogoProblem::kNotAFile);
    }
    logo.bytes = static_cast<std::uintmax_t>(status.st_size);
    if (logo.bytes > kMaxLogoBytes) {
        return Refused(std::move(logo), LogoProblem::kTooLarge);
    }
    // O_NONBLOCK: should the file have been swapped for a FIFO since stat, open returns at once.
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        return Refused(std::move(logo), LogoProblem::kUnreadable, errno);
    }
    int error = 0;
    const bool regular = ::fstat(fd, &status) == 0 && S_ISREG(status.st_mode);
    const bool read = regular && ReadAll(fd, logo.png, error);
    ::close(fd);
    if (!regular) {
        return Refused(std::move(logo), LogoProblem::kNotAFile);
    }
    if (!read) {
        return Refused(std::move(logo), LogoProblem::kUnreadable, error);
    }
    if (logo.png.size() > kMaxLogoBytes) {
        logo.bytes = logo.png.size();
        return Refused(std::move(logo), LogoProblem::kTooLarge);
    }
    logo.bytes = logo.png.size();
    return CheckPng(std::move(logo));
}

std::string DescribeLogoProblem(const LogoFile& logo) {
    if (!logo.problem) {
        return {};
    }
    switch (*logo.problem) {
        case LogoProblem::kUnreadable:
            return Format(Tr("it cannot be read ({})"),
                          std::strerror(logo.error != 0 ? logo.error : EIO));
        case LogoProblem::kNotAFile:
            return Tr("it is not a file (a folder, a device or a pipe)");
        case LogoProblem::kTooLarge:
            return Format(Tr("the file is {0} bytes; a logo may be at most {1} bytes (2 MiB)"),
                          logo.bytes, kMaxLogoBytes);
        case LogoProblem::kNotPng:
            return Tr("it is not a PNG image (or a damaged one)");
        case LogoProblem::kTooManyPixels:
            return Format(Tr("the image is {0}×{1} pixels; a logo may be at most {2}×{2} pixels"),
                          logo.width, logo.height, kMaxLogoPixels);
    }
    return {};
}

}  // namespace myodesk::reports
