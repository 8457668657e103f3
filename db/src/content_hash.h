#pragma once

// SHA-256 (libsodium) as lower-case hex: the audit log's chain and a signed note's content.

#include <filesystem>
#include <string>
#include <string_view>

namespace myodesk::db::detail {

// libsodium set up (once; any thread); DatabaseError when it cannot start.
void StartSodium();

std::string Sha256Hex(std::string_view bytes);
// The same of a whole file, read a megabyte at a time (a backup); DatabaseError when it cannot
// be read.
std::string Sha256HexOfFile(const std::filesystem::path& path);

}  // namespace myodesk::db::detail
