#pragma once

// What the backup tests look at in the files a backup or a restore leaves: modes, names and
// a changed byte.

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <vector>

namespace myodesk::test {

// The permission bits (0600, 0700).
inline unsigned ModeOf(const std::filesystem::path& path) {
    struct stat status {};
    BOOST_TEST_REQUIRE(::stat(path.c_str(), &status) == 0);
    return status.st_mode & 0777U;
}

// Every name in `folder`, hidden ones too, sorted; none when it does not exist.
inline std::vector<std::string> NamesIn(const std::filesystem::path& folder) {
    std::vector<std::string> names;
    if (std::filesystem::exists(folder)) {
        for (const auto& entry : std::filesystem::directory_iterator(folder)) {
            names.push_back(entry.path().filename().string());
        }
    }
    std::sort(names.begin(), names.end());
    return names;
}

// Flips the lowest bit of the byte at `at`: a file changed by one bit.
inline void FlipByteAt(const std::filesystem::path& path, std::streamoff at) {
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekg(at);
    char byte = 0;
    file.get(byte);
    file.seekp(at);
    file.put(static_cast<char>(byte ^ 0x01));
}

}  // namespace myodesk::test
