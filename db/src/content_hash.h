#pragma once

// SHA-256 (libsodium) as lower-case hex: the audit log's chain and a signed note's content.

#include <string>
#include <string_view>

namespace myodesk::db::detail {

std::string Sha256Hex(std::string_view bytes);

}  // namespace myodesk::db::detail
