#include "backend_connections.h"
#include "content_hash.h"

#include <myodesk/db/encrypted_backup.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <optional>
#include <sodium.h>
#include <vector>

namespace myodesk::db {

namespace {

namespace fs = std::filesystem;

// The file: magic, version, Argon2id's limits and salt, the secretstream header, then a keyed
// hash of all that (the passphrase check); then the sealed chunks of: the manifest's length
// (4 bytes, little-endian), the manifest, the backup.
constexpr std::array<unsigned char, 8> kMagic = {'M', 'Y', 'O', 'D', 'E', 'S', 'K', 'E'};
constexpr unsigned char kVersion = 1;
constexpr std::size_t kChunk = 64 * 1024;
constexpr std::size_t kHeaderBytes = kMagic.size() + 1 + 8 + 8 + crypto_pwhash_SALTBYTES +
                                     crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr std::size_t kCheckBytes = 32;
constexpr std::uint32_t kManifestLimit = 64 * 1024;

using Key = std::array<unsigned char, crypto_secretstream_xchacha20poly1305_KEYBYTES>;

// The key, wiped when done.
struct SecretKey {
    Key bytes{};
    ~SecretKey() { sodium_memzero(bytes.data(), bytes.size()); }
};

void PutU64(std::vector<unsigned char>& out, std::uint64_t value) {
    for (int i = 0; i < 8; ++i) {
        out.push_back(static_cast<unsigned char>(value >> (8 * i)));
    }
}

std::uint64_t GetU64(const unsigned char* in) {
    std::uint64_t value = 0;
    for (int i = 7; i >= 0; --i) {
        value = (value << 8) | in[i];
    }
    return value;
}

void Derive(SecretKey& key, std::string_view passphrase, const unsigned char* salt,
            std::uint64_t ops, std::uint64_t mem) {
    if (crypto_pwhash(key.bytes.data(), key.bytes.size(), passphrase.data(), passphrase.size(),
                      salt, ops, static_cast<std::size_t>(mem),
                      crypto_pwhash_ALG_ARGON2ID13) != 0) {
        throw DatabaseError("Not enough memory to derive the key of the encrypted backup.");
    }
}

std::array<unsigned char, kCheckBytes> Check(const SecretKey& key,
                                             const std::vector<unsigned char>& header) {
    std::array<unsigned char, kCheckBytes> check{};
    crypto_generichash(check.data(), check.size(), header.data(), header.size(), key.bytes.data(),
                       key.bytes.size());
    return check;
}

// A small file whole (a manifest); empty when it cannot be read or is over kManifestLimit.
std::string ReadSmallFile(const fs::path& path) {
    std::error_code error;
    const auto size = fs::file_size(path, error);
    if (error || size > kManifestLimit) {
        return {};
    }
    std::ifstream in(path, std::ios::binary);
    std::string text(static_cast<std::size_t>(size), '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    return in ? text : std::string();
}

// Files removed unless kept.
class Partials {
  public:
    explicit Partials(std::vector<fs::path> paths) : m_paths(std::move(paths)) {}
    ~Partials() {
        if (!m_kept) {
            std::error_code ignored;
            for (const fs::path& path : m_paths) {
                fs::remove(path, ignored);
            }
        }
    }
    Partials(const Partials&) = delete;
    Partials& operator=(const Partials&) = delete;
    void Keep() { m_kept = true; }

  private:
    std::vector<fs::path> m_paths;
    bool m_kept = false;
};

fs::path PartialOf(const fs::path& path) {
    const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    return folder / ("." + path.filename().string() + ".partial");
}

// Seals `plain` chunk by chunk into `out`; `last` marks the stream's end.
class Sealer {
  public:
    Sealer(crypto_secretstream_xchacha20poly1305_state& state, std::ofstream& out)
        : m_state(state), m_out(out) {}
    void Add(const unsigned char* data, std::size_t size) {
        while (size > 0) {
            const std::size_t take = std::min(size, kChunk - m_pending.size());
            m_pending.insert(m_pending.end(), data, data + take);
            data += take;
            size -= take;
            if (m_pending.size() == kChunk) {
                Flush(0);
            }
        }
    }
    void Finish() { Flush(crypto_secretstream_xchacha20poly1305_TAG_FINAL); }

  private:
    void Flush(unsigned char tag) {
        std::vector<unsigned char> sealed(m_pending.size() +
                                          crypto_secretstream_xchacha20poly1305_ABYTES);
        unsigned long long sealed_size = 0;
        crypto_secretstream_xchacha20poly1305_push(&m_state, sealed.data(), &sealed_size,
                                                   m_pending.data(), m_pending.size(), nullptr, 0,
                                                   tag);
        m_out.write(reinterpret_cast<const char*>(sealed.data()),
                    static_cast<std::streamsize>(sealed_size));
        m_pending.clear();
    }

    crypto_secretstream_xchacha20poly1305_state& m_state;
    std::ofstream& m_out;
    std::vector<unsigned char> m_pending;
};

}  // namespace

bool IsEncryptedBackup(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::array<char, kMagic.size()> start{};
    in.read(start.data(), static_cast<std::streamsize>(start.size()));
    return in && std::memcmp(start.data(), kMagic.data(), kMagic.size()) == 0;
}

void EncryptBackup(const fs::path& backup, const fs::path& target, std::string_view passphrase) {
    detail::StartSodium();
    const std::string manifest = ReadSmallFile(backup.string() + std::string(kManifestExtension));
    if (manifest.empty()) {
        throw DatabaseError(fmt::format("{} has no manifest to encrypt.", backup.string()));
    }
    if (fs::exists(target)) {
        throw DatabaseError(
            fmt::format("{} already exists; it was not replaced.", target.string()));
    }
    const fs::path partial = PartialOf(target);
    Partials cleanup({partial});
    detail::CreatePrivateFile(partial.string());
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);

    std::vector<unsigned char> header(kMagic.begin(), kMagic.end());
    header.push_back(kVersion);
    const std::uint64_t ops = crypto_pwhash_OPSLIMIT_MODERATE;
    const std::uint64_t mem = crypto_pwhash_MEMLIMIT_MODERATE;
    PutU64(header, ops);
    PutU64(header, mem);
    std::array<unsigned char, crypto_pwhash_SALTBYTES> salt{};
    randombytes_buf(salt.data(), salt.size());
    header.insert(header.end(), salt.begin(), salt.end());
    SecretKey key;
    Derive(key, passphrase, salt.data(), ops, mem);
    crypto_secretstream_xchacha20poly1305_state state;
    std::array<unsigned char, crypto_secretstream_xchacha20poly1305_HEADERBYTES> stream_header{};
    crypto_secretstream_xchacha20poly1305_init_push(&state, stream_header.data(), key.bytes.data());
    header.insert(header.end(), stream_header.begin(), stream_header.end());
    const auto check = Check(key, header);
    out.write(reinterpret_cast<const char*>(header.data()),
              static_cast<std::streamsize>(header.size()));
    out.write(reinterpret_cast<const char*>(check.data()),
              static_cast<std::streamsize>(check.size()));

    Sealer sealer(state, out);
    std::array<unsigned char, 4> length{};
    for (std::size_t i = 0; i < 4; ++i) {
        length[i] = static_cast<unsigned char>(manifest.size() >> (8 * i));
    }
    sealer.Add(length.data(), length.size());
    sealer.Add(reinterpret_cast<const unsigned char*>(manifest.data()), manifest.size());
    std::ifstream in(backup, std::ios::binary);
    std::vector<char> buffer(1 << 20);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        if (const auto got = in.gcount(); got > 0) {
            sealer.Add(reinterpret_cast<const unsigned char*>(buffer.data()),
                       static_cast<std::size_t>(got));
        }
    }
    if (in.bad()) {
        throw DatabaseError(fmt::format("Cannot read {}", backup.string()));
    }
    sealer.Finish();
    out.close();
    if (!out) {
        throw DatabaseError(fmt::format("Cannot write {}", partial.string()));
    }
    detail::SyncToDisk(partial.string());
    fs::rename(partial, target);
    cleanup.Keep();
    detail::SyncToDisk(target.parent_path().empty() ? "." : target.parent_path().string());
}

BackupManifest DecryptBackup(const fs::path& encrypted, std::string_view passphrase,
                             const fs::path& target) {
    detail::StartSodium();
    const auto damaged = [&encrypted](const std::string& why) {
        return BackupDamagedError(fmt::format("{} {}", encrypted.string(), why));
    };
    std::ifstream in(encrypted, std::ios::binary);
    if (!in) {
        throw damaged("cannot be read.");
    }
    std::vector<unsigned char> header(kHeaderBytes);
    std::array<unsigned char, kCheckBytes> check{};
    in.read(reinterpret_cast<char*>(header.data()), static_cast<std::streamsize>(header.size()));
    in.read(reinterpret_cast<char*>(check.data()), static_cast<std::streamsize>(check.size()));
    if (!in || !std::equal(kMagic.begin(), kMagic.end(), header.begin())) {
        throw damaged("is not an encrypted MyoDesk backup.");
    }
    if (header[kMagic.size()] != kVersion) {
        throw damaged("was encrypted by a newer MyoDesk.");
    }
    const unsigned char* at = header.data() + kMagic.size() + 1;
    const std::uint64_t ops = GetU64(at);
    const std::uint64_t mem = GetU64(at + 8);
    // Limits from the file are outside input: never more than libsodium's "sensitive" cost.
    if (ops < crypto_pwhash_OPSLIMIT_MIN || ops > crypto_pwhash_OPSLIMIT_SENSITIVE ||
        mem < crypto_pwhash_MEMLIMIT_MIN || mem > crypto_pwhash_MEMLIMIT_SENSITIVE) {
        throw damaged("has a key setting MyoDesk does not write: it was changed.");
    }
    const unsigned char* salt = at + 16;
    const unsigned char* stream_header = salt + crypto_pwhash_SALTBYTES;
    SecretKey key;
    Derive(key, passphrase, salt, ops, mem);
    const auto expected = Check(key, header);
    if (sodium_memcmp(expected.data(), check.data(), check.size()) != 0) {
        throw WrongPassphraseError(fmt::format(
            "The passphrase does not open {} (or its first bytes were changed). Nothing was "
            "written.",
            encrypted.string()));
    }
    crypto_secretstream_xchacha20poly1305_state state;
    if (crypto_secretstream_xchacha20poly1305_init_pull(&state, stream_header, key.bytes.data()) !=
        0) {
        throw damaged("has a damaged header.");
    }

    const fs::path manifest_path = target.string() + std::string(kManifestExtension);
    const fs::path partial = PartialOf(target);
    const fs::path partial_manifest = PartialOf(manifest_path);
    Partials cleanup({partial, partial_manifest});
    detail::CreatePrivateFile(partial.string());
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);

    std::vector<unsigned char> sealed(kChunk + crypto_secretstream_xchacha20poly1305_ABYTES);
    std::vector<unsigned char> plain(kChunk);
    std::string prefix;  // the manifest's length and the manifest, until read whole
    std::optional<std::uint32_t> manifest_size;
    bool final = false;
    while (!final) {
        in.read(reinterpret_cast<char*>(sealed.data()),
                static_cast<std::streamsize>(sealed.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        unsigned long long plain_size = 0;
        unsigned char tag = 0;
        if (got < crypto_secretstream_xchacha20poly1305_ABYTES ||
            crypto_secretstream_xchacha20poly1305_pull(&state, plain.data(), &plain_size, &tag,
                                                       sealed.data(), got, nullptr, 0) != 0) {
            throw damaged(
                "has changed since it was written (or was cut short). Nothing was "
                "written.");
        }
        final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
        if (!final && got < sealed.size()) {
            throw damaged("was cut short. Nothing was written.");
        }
        std::size_t used = 0;
        while (used < plain_size && (!manifest_size || prefix.size() < 4 + *manifest_size)) {
            prefix.push_back(static_cast<char>(plain[used++]));
            if (!manifest_size && prefix.size() == 4) {
                std::uint32_t size = 0;
                for (int i = 3; i >= 0; --i) {
                    size = (size << 8) |
                           static_cast<unsigned char>(prefix[static_cast<std::size_t>(i)]);
                }
                if (size == 0 || size > kManifestLimit) {
                    throw damaged("holds no manifest MyoDesk can read.");
                }
                manifest_size = size;
            }
        }
        out.write(reinterpret_cast<const char*>(plain.data() + used),
                  static_cast<std::streamsize>(plain_size - used));
    }
    in.peek();
    if (!in.eof()) {
        throw damaged("has bytes after its end: it was changed. Nothing was written.");
    }
    out.close();
    if (!out) {
        throw DatabaseError(fmt::format("Cannot write {}", partial.string()));
    }
    if (!manifest_size || prefix.size() != 4 + *manifest_size) {
        throw damaged("holds no manifest MyoDesk can read.");
    }
    const std::string manifest_text = prefix.substr(4);
    const std::optional<BackupManifest> manifest = ParseBackupManifest(manifest_text);
    if (!manifest) {
        throw damaged("holds no manifest MyoDesk can read.");
    }
    detail::CreatePrivateFile(partial_manifest.string());
    {
        std::ofstream manifest_out(partial_manifest, std::ios::binary | std::ios::trunc);
        manifest_out << manifest_text;
        if (!manifest_out) {
            throw DatabaseError(fmt::format("Cannot write {}", partial_manifest.string()));
        }
    }
    detail::SyncToDisk(partial.string());
    fs::rename(partial_manifest, manifest_path);
    fs::rename(partial, target);
    cleanup.Keep();
    return *manifest;
}

}  // namespace myodesk::db
