#pragma once

// What every fuzz target shares (docs/fuzzing.md): the input as text or words, the JSON parse
// the CLI uses for a document, a fixed "today", and FUZZ_CHECK for the targets' invariants.

#include <myodesk/core/date.h>

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// The entry point libFuzzer calls, and replay_main.cpp in ordinary test builds.
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace myodesk::fuzz {

// The input as text (any bytes, NUL included).
std::string_view Text(const std::uint8_t* data, std::size_t size);

// The input split on NUL bytes: a command line's words.
std::vector<std::string> Words(std::string_view text);

// The text read as JSON exactly as the CLI reads a document file (app::CommandContext::ParseJson);
// nullopt when the CLI refuses it as invalid input. Anything else it throws is a crash.
std::optional<nlohmann::json> ParseDocument(std::string_view text);

// The day validation is run against.
inline constexpr core::Date kToday{std::chrono::year{2025}, std::chrono::month{6},
                                   std::chrono::day{15}};

// Prints the broken invariant and aborts, so libFuzzer (or the replay) reports the input.
[[noreturn]] void InvariantBroken(const char* condition, const char* file, int line);

}  // namespace myodesk::fuzz

#define FUZZ_CHECK(condition)                                                 \
    do {                                                                      \
        if (!(condition)) {                                                   \
            ::myodesk::fuzz::InvariantBroken(#condition, __FILE__, __LINE__); \
        }                                                                     \
    } while (false)
