// The main of fuzz_replay_<target> (ordinary test builds, no libFuzzer): feeds every file of the
// folders (or files) given to LLVMFuzzerTestOneInput, in name order. A crash or a broken
// invariant aborts; finding no input at all fails too, so a wrong path cannot pass.

#include "fuzz_support.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::vector<std::filesystem::path> InputsUnder(const std::filesystem::path& where) {
    std::vector<std::filesystem::path> inputs;
    if (std::filesystem::is_regular_file(where)) {
        inputs.push_back(where);
    } else if (std::filesystem::is_directory(where)) {
        for (const auto& entry : std::filesystem::directory_iterator(where)) {
            if (entry.is_regular_file() && entry.path().filename().string().front() != '.') {
                inputs.push_back(entry.path());
            }
        }
    }
    std::sort(inputs.begin(), inputs.end());
    return inputs;
}

std::string Contents(const std::filesystem::path& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t replayed = 0;
    for (int i = 1; i < argc; ++i) {
        for (const auto& path : InputsUnder(argv[i])) {
            const std::string input = Contents(path);
            std::printf("replaying %s\n", path.c_str());
            std::fflush(stdout);
            LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(input.data()),
                                   input.size());
            ++replayed;
        }
    }
    if (replayed == 0) {
        std::fprintf(stderr, "no input found in the folders given\n");
        return 1;
    }
    std::printf("%zu inputs replayed without a crash\n", replayed);
    return 0;
}
