#include "fuzz_support.h"

#include "command_context.h"

#include <myodesk/db/errors.h>

#include <cstdio>
#include <cstdlib>

namespace myodesk::fuzz {

std::string_view Text(const std::uint8_t* data, std::size_t size) {
    return size == 0 ? std::string_view()
                     : std::string_view(reinterpret_cast<const char*>(data), size);
}

std::vector<std::string> Words(std::string_view text) {
    std::vector<std::string> words;
    if (text.empty()) {
        return words;
    }
    std::size_t start = 0;
    for (;;) {
        const std::size_t end = text.find('\0', start);
        words.emplace_back(text.substr(start, end - start));
        if (end == std::string_view::npos) {
            return words;
        }
        start = end + 1;
    }
}

std::optional<nlohmann::json> ParseDocument(std::string_view text) {
    try {
        return app::CommandContext::ParseJson(std::string(text), "fuzz-input.json");
    } catch (const app::InvalidInput&) {
        return std::nullopt;  // not JSON
    } catch (const db::ValidationError& refused) {
        // The strict reader's refusals (a number out of range, a duplicate key, a limit) each
        // name the field.
        for (const auto& problem : refused.Problems()) {
            FUZZ_CHECK(!problem.field.empty());
        }
        return std::nullopt;
    }
}

void InvariantBroken(const char* condition, const char* file, int line) {
    std::fprintf(stderr, "fuzz invariant broken at %s:%d: %s\n", file, line, condition);
    std::abort();
}

}  // namespace myodesk::fuzz
