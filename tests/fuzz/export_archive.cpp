// A practice export's ZIP (docs/export-format.md) as `import all` opens it before anything is
// written: libzip reads the archive, and the manifest is read strictly against the format's
// list of files (services::PracticeExportService::HasAccounts). Anything but a readable export
// is ExportFileRefusedError; any other exception or a crash is a bug.

#include "fuzz_support.h"

#include <myodesk/services/practice_export_service.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <unistd.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace myodesk;
    // libzip reads files: the input goes to one private temporary file per process.
    static const std::string path = [] {
        std::string pattern = "/tmp/myodesk-fuzz-export-XXXXXX";
        const int fd = ::mkstemp(pattern.data());
        FUZZ_CHECK(fd >= 0);
        ::close(fd);
        return pattern;
    }();
    {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    }
    try {
        services::PracticeExportService::HasAccounts(path);
    } catch (const services::ExportFileRefusedError&) {
        // Refused with a message: what a hostile file should get.
    }
    return 0;
}
