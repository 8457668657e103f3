#include "content_hash.h"

#include <myodesk/db/errors.h>
#include <myodesk/db/sha256.h>

#include <fmt/format.h>

#include <array>
#include <fstream>
#include <sodium.h>
#include <vector>

namespace myodesk::db::detail {

void StartSodium() {
    if (sodium_init() < 0) {
        throw DatabaseError("The cryptography library (libsodium) could not start.");
    }
}

namespace {

using Digest = std::array<unsigned char, crypto_hash_sha256_BYTES>;

std::string Hex(const Digest& digest) {
    std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return std::string(hex.data());
}

}  // namespace

std::string Sha256Hex(std::string_view bytes) {
    StartSodium();
    Digest digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                       bytes.size());
    return Hex(digest);
}

std::string Sha256HexOfFile(const std::filesystem::path& path) {
    StartSodium();
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw DatabaseError(fmt::format("Cannot read {}", path.string()));
    }
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    std::vector<char> buffer(1 << 20);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        if (const auto got = in.gcount(); got > 0) {
            crypto_hash_sha256_update(&state, reinterpret_cast<const unsigned char*>(buffer.data()),
                                      static_cast<unsigned long long>(got));
        }
    }
    if (in.bad()) {
        throw DatabaseError(fmt::format("Cannot read {}", path.string()));
    }
    Digest digest{};
    crypto_hash_sha256_final(&state, digest.data());
    return Hex(digest);
}

}  // namespace myodesk::db::detail

namespace myodesk::db {

struct Sha256::State {
    crypto_hash_sha256_state state;
};

Sha256::Sha256() : m_state(std::make_unique<State>()) {
    detail::StartSodium();
    crypto_hash_sha256_init(&m_state->state);
}

Sha256::~Sha256() = default;

void Sha256::Add(std::string_view bytes) {
    crypto_hash_sha256_update(&m_state->state, reinterpret_cast<const unsigned char*>(bytes.data()),
                              bytes.size());
}

std::string Sha256::HexDigest() {
    detail::Digest digest{};
    crypto_hash_sha256_final(&m_state->state, digest.data());
    return detail::Hex(digest);
}

}  // namespace myodesk::db
