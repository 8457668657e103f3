#pragma once

// The tables behind ToCode / XFromCode / AllX for the enumerations of core/codes.h,
// core/session_note.h and core/plan.h: one (value, code) list per enumeration, in declaration
// order, looked up the same way everywhere.

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace myodesk::core::detail {

template <typename Enum, std::size_t N>
using CodeTable = std::array<std::pair<Enum, std::string_view>, N>;

// The value's code; "unknown" for a value the table does not list.
template <typename Enum, std::size_t N>
std::string_view CodeIn(const CodeTable<Enum, N>& table, Enum value) {
    for (const auto& [entry, code] : table) {
        if (entry == value) {
            return code;
        }
    }
    return "unknown";
}

// The code's value; nullopt for a code the table does not list.
template <typename Enum, std::size_t N>
std::optional<Enum> ValueIn(const CodeTable<Enum, N>& table, std::string_view code) {
    for (const auto& [value, entry] : table) {
        if (entry == code) {
            return value;
        }
    }
    return std::nullopt;
}

// Every value the table lists, in its order.
template <typename Enum, std::size_t N>
std::vector<Enum> ValuesIn(const CodeTable<Enum, N>& table) {
    std::vector<Enum> values;
    for (const auto& entry : table) {
        values.push_back(entry.first);
    }
    return values;
}

}  // namespace myodesk::core::detail
