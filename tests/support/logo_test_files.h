#pragma once

// PNG files for the clinic logo tests (reports, services, CLI): a small real one, and headers
// that claim what the logo limits refuse, written byte by byte (nothing here decodes them).

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

namespace myodesk::test {

// A PNG signature and IHDR chunk claiming `width` × `height` RGBA pixels, then a few bytes of
// an IDAT chunk and no end: what a check must refuse from the header alone.
inline std::string PngHeaderClaiming(std::uint32_t width, std::uint32_t height) {
    std::string png("\x89PNG\r\n\x1a\n", 8);
    const auto append32 = [&png](std::uint32_t value) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            png += static_cast<char>((value >> static_cast<unsigned>(shift)) & 0xFFU);
        }
    };
    append32(13);
    png += "IHDR";
    append32(width);
    append32(height);
    png += std::string("\x08\x06\x00\x00\x00", 5);  // 8 bits, RGBA, deflate, filter 0, no interlace
    append32(0);                                    // the CRC: never checked before refusing
    append32(4);
    png += "IDATjunk";
    return png;
}

// A real PNG of 2 × 1 pixels (the report's teal), 71 bytes.
inline std::string SmallPng() {
    return std::string(
        "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x02"
        "\x00\x00\x00\x01\x08\x06\x00\x00\x00\xf4\x22\x7f\x8a\x00\x00\x00\x0e\x49\x44\x41"
        "\x54\x78\x9c\x63\x90\xaf\x6a\xf8\x0f\xc2\x00\x10\x3b\x04\x31\x04\x7f\xd9\x37\x00"
        "\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82",
        71);
}

inline void WriteFileBytes(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

}  // namespace myodesk::test
