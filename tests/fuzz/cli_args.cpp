// The CLI's command line: the input split on NUL bytes into words, read with the real
// declarations by app::ParseCliOnly (app/cli/cli.h), which runs no command's handler, so no
// database or file is touched. Every line ends in 0 (a command, --help, --version) or 2 (a
// usage error, with a message); anything thrown past the parser is a crash. The handlers'
// own reading of values (dates, documents) is fuzzed by the other targets.

#include "cli.h"
#include "fuzz_support.h"

#include <sstream>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace myodesk;
    std::ostringstream out;
    std::ostringstream err;
    const int code = app::ParseCliOnly(fuzz::Words(fuzz::Text(data, size)), out, err);
    FUZZ_CHECK(code == 0 || code == 2);
    FUZZ_CHECK(code == 0 || !err.str().empty());
    return 0;
}
