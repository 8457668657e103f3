#pragma once

// fmt for the vocabulary's translated patterns (private to core/vocabulary).

#include <fmt/format.h>

#include <string>
#include <string_view>

namespace myodesk::vocabulary {

// Formats a translated pattern ("{} sessions") with fmt. A translation whose pattern does not
// match its arguments must not stop a report or a window: the pattern is then returned as it
// is, which shows the mistake without losing the rest.
template <typename... Args>
std::string Format(std::string_view pattern, const Args&... args) {
    try {
        return fmt::vformat(pattern, fmt::make_format_args(args...));
    } catch (const fmt::format_error&) {
        return std::string(pattern);
    }
}

}  // namespace myodesk::vocabulary
