// An encrypted backup (docs/backups.md) as `backup verify` and `backup restore` open it from a
// stick or a cloud folder, through db::DecryptBackup with a passphrase. Whatever the bytes, it
// either opens (then the manifest it holds is one MyoDesk could have written) or is refused
// with BackupDamagedError (WrongPassphraseError among them), leaving no file behind.

#include "fuzz_support.h"

#include <myodesk/db/encrypted_backup.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

// One private folder for the process's inputs.
const fs::path& Folder() {
    static const fs::path folder = [] {
        // mkdtemp's template: it replaces the six X with a unique name.
        std::string pattern = (fs::temp_directory_path() / "myodesk-fuzz-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            std::abort();
        }
        return fs::path(pattern);
    }();
    return folder;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace myodesk;
    const fs::path input = Folder() / "input.sqlite.encrypted";
    const fs::path output = Folder() / "output.sqlite";
    {
        std::ofstream out(input, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    try {
        const db::BackupManifest manifest = db::DecryptBackup(input, "fuzzing passphrase", output);
        FUZZ_CHECK(fs::exists(output));
        FUZZ_CHECK(manifest.sha256.size() == 64U);
        FUZZ_CHECK(manifest.bytes >= 0);
    } catch (const db::BackupDamagedError&) {
        FUZZ_CHECK(!fs::exists(output));
        FUZZ_CHECK(!fs::exists(output.string() + ".json"));
    }
    std::error_code ignored;
    fs::remove(output, ignored);
    fs::remove(output.string() + ".json", ignored);
    return 0;
}
