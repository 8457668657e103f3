#include "json_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <utility>

namespace myodesk::core::detail {

void JsonReader::Problem(std::string path, ProblemCode code) {
    m_problems.push_back({std::move(path), code});
}

std::string JsonReader::Path(const std::string& parent, std::string_view key) {
    // An empty key is named "" so a message still points at a field (found by the fuzzer).
    const std::string_view shown = key.empty() ? std::string_view(R"("")") : key;
    return parent.empty() ? std::string(shown) : fmt::format("{}.{}", parent, shown);
}

std::string JsonReader::ElementPath(const std::string& list, std::size_t index) {
    return fmt::format("{}[{}]", list, index);
}

const JsonReader::json* JsonReader::Object(const json& value, const std::string& path) {
    if (!value.is_object()) {
        Problem(path.empty() ? "document" : path, ProblemCode::kWrongType);
        return nullptr;
    }
    return &value;
}

void JsonReader::OnlyKeys(const json& object, const std::string& path,
                          std::initializer_list<std::string_view> known) {
    for (const auto& item : object.items()) {
        if (std::find(known.begin(), known.end(), item.key()) == known.end()) {
            Problem(Path(path, item.key()), ProblemCode::kUnknownCode);
        }
    }
}

const JsonReader::json* JsonReader::Member(const json& object, std::string_view key,
                                           const std::string& path, bool required) {
    if (!object.is_object()) {
        Problem(path, ProblemCode::kWrongType);
        return nullptr;
    }
    const auto found = object.find(std::string(key));
    if (found == object.end() || found->is_null()) {
        if (required) {
            Problem(Path(path, key), ProblemCode::kRequired);
        }
        return nullptr;
    }
    return &*found;
}

template <typename T>
std::optional<T> JsonReader::Typed(const json& object, std::string_view key,
                                   const std::string& path, bool required,
                                   bool (json::*is_type)() const noexcept) {
    const json* value = Member(object, key, path, required);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (!(value->*is_type)()) {
        Problem(Path(path, key), ProblemCode::kWrongType);
        return std::nullopt;
    }
    return value->get<T>();
}

std::optional<std::string> JsonReader::String(const json& object, std::string_view key,
                                              const std::string& path, bool required) {
    return Typed<std::string>(object, key, path, required, &json::is_string);
}

std::optional<double> JsonReader::Number(const json& object, std::string_view key,
                                         const std::string& path, bool required) {
    return Typed<double>(object, key, path, required, &json::is_number);
}

std::optional<int> JsonReader::Integer(const json& object, std::string_view key,
                                       const std::string& path, bool required) {
    const auto number = Number(object, key, path, required);
    if (!number) {
        return std::nullopt;
    }
    if (std::trunc(*number) != *number || std::abs(*number) > 1e9) {
        Problem(Path(path, key), ProblemCode::kWrongType);
        return std::nullopt;
    }
    return static_cast<int>(*number);
}

std::optional<bool> JsonReader::Bool(const json& object, std::string_view key,
                                     const std::string& path, bool required) {
    return Typed<bool>(object, key, path, required, &json::is_boolean);
}

std::optional<std::int64_t> JsonReader::Id(const json& object, std::string_view key,
                                           const std::string& path, bool required) {
    constexpr double kLargestExact = 9007199254740992.0;  // 2^53
    const auto number = Number(object, key, path, required);
    if (!number) {
        return std::nullopt;
    }
    if (std::trunc(*number) != *number || *number < 0 || *number > kLargestExact) {
        Problem(Path(path, key), ProblemCode::kWrongType);
        return std::nullopt;
    }
    return static_cast<std::int64_t>(*number);
}

std::optional<Date> JsonReader::DateValue(const json& object, std::string_view key,
                                          const std::string& path, bool required) {
    const auto date = Parsed(object, key, path, ParseIsoDate, ProblemCode::kInvalidDate, required);
    if (date && (*date < DateLimits::kEarliest || *date > DateLimits::kLatest)) {
        CheckDateRange(m_problems, Path(path, key), *date);
        return std::nullopt;
    }
    return date;
}

}  // namespace myodesk::core::detail
