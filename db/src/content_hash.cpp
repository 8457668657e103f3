#include "content_hash.h"

#include <myodesk/db/errors.h>

#include <array>
#include <sodium.h>

namespace myodesk::db::detail {

std::string Sha256Hex(std::string_view bytes) {
    if (sodium_init() < 0) {
        throw DatabaseError("The cryptography library (libsodium) could not start.");
    }
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                       bytes.size());
    std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return std::string(hex.data());
}

}  // namespace myodesk::db::detail
