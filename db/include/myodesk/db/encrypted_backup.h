#pragma once

#include <myodesk/db/sqlite_backup.h>

#include <filesystem>
#include <string_view>

namespace myodesk::db {

// Passphrase-encrypted backups for a USB stick or a cloud folder (docs/backups.md): the
// backup and its manifest in one file that shows no readable text. Argon2id derives the key
// from the passphrase and a random salt; XChaCha20-Poly1305 (libsodium's secretstream) seals
// it in 64 KiB chunks, the last one marked final, so a changed, cut or lengthened file is
// found. A keyed hash of the header tells a wrong passphrase from a changed file.
inline constexpr std::string_view kEncryptedExtension = ".sqlite.encrypted";

// The passphrase does not open the file (or its header was changed).
class WrongPassphraseError : public BackupDamagedError {
  public:
    using BackupDamagedError::BackupDamagedError;
};

// Encrypts a backup written by WriteSqliteBackup (its manifest beside it) into `target`,
// written as ".<name>.partial" (0600) and renamed when complete.
void EncryptBackup(const std::filesystem::path& backup, const std::filesystem::path& target,
                   std::string_view passphrase);

// Decrypts `encrypted` into `target` and its manifest beside it (0600, under partial names,
// renamed only when every chunk opened and the last was final). WrongPassphraseError, or
// BackupDamagedError for a file that is not one or was changed; nothing is left behind. The
// backup is not verified here (VerifySqliteBackup does that).
BackupManifest DecryptBackup(const std::filesystem::path& encrypted, std::string_view passphrase,
                             const std::filesystem::path& target);

// Whether the file starts as an encrypted backup does (its name aside).
bool IsEncryptedBackup(const std::filesystem::path& file);

// The shortest passphrase accepted for a new encrypted backup.
inline constexpr std::size_t kMinPassphraseLength = 8;

}  // namespace myodesk::db
