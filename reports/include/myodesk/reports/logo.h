#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace myodesk::reports {

// The clinic logo's limits (README, "Clinic details"): a regular PNG file (a symbolic link to
// one is fine) of at most 2 MiB, at most 2000 pixels wide and 2000 high. A logo prints 18 mm
// high, about 210 pixels at 300 dpi, so the limits leave room for any real logo while a
// report never decodes more than 2000×2000 pixels (16 MB) for it.
inline constexpr std::uintmax_t kMaxLogoBytes = 2U * 1024U * 1024U;
inline constexpr std::uint32_t kMaxLogoPixels = 2000;

enum class LogoProblem {
    kUnreadable,    // missing, or cannot be opened or read (`error` says why)
    kNotAFile,      // a folder, device, pipe or socket
    kTooLarge,      // more than kMaxLogoBytes (`bytes`)
    kNotPng,        // not a PNG image, or a damaged one
    kTooManyPixels  // wider or higher than kMaxLogoPixels (`width`, `height`)
};

// What ReadLogo found: the PNG's bytes and size, or the problem.
struct LogoFile {
    std::optional<LogoProblem> problem;
    int error = 0;             // kUnreadable: the errno
    std::uintmax_t bytes = 0;  // the file's size
    std::uint32_t width = 0;   // from the PNG header
    std::uint32_t height = 0;
    std::vector<unsigned char> png;  // empty when there is a problem

    bool Ok() const { return !problem; }
};

// Reads the logo at `path`, checking the limits in this order and stopping at the first
// problem: the kind of file (stat first, and opened without blocking, so a FIFO never hangs),
// its size, the PNG signature and the width and height in its header (before any decoding),
// then that the whole image decodes. The one check for the clinic settings (when a logo is
// set) and the renderers (when a report is made).
LogoFile ReadLogo(const std::string& path);

// Why the logo cannot be used, as a sentence part for people: "it is not a PNG image".
std::string DescribeLogoProblem(const LogoFile& logo);

}  // namespace myodesk::reports
