#pragma once

// Typed reads out of the JSON exchange documents (intake, session note, plan, training
// calendar), shared so that every format names its problems the same way: by JSON path
// ("sessions[2].regions[0].side"), with the same ProblemCode for the same kind of mistake.
// Reading goes on after a problem, so a document's problems are all reported at once.

#include <myodesk/core/codes.h>
#include <myodesk/core/date.h>
#include <myodesk/core/json_document.h>
#include <myodesk/core/validation.h>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace myodesk::core::detail {

class JsonReader {
  public:
    using json = nlohmann::json;

    explicit JsonReader(ValidationProblems& problems) : m_problems(problems) {}

    void Problem(std::string path, ProblemCode code);

    // "parent.key", or "key" at the top level (parent "").
    static std::string Path(const std::string& parent, std::string_view key);

    // The value as an object, or nullptr: a non-object is reported (the top level as
    // "document").
    const json* Object(const json& value, const std::string& path);

    // Reports every key the format does not have.
    void OnlyKeys(const json& object, const std::string& path,
                  std::initializer_list<std::string_view> known);

    // The member, or nullptr when absent or null; `required` reports an absent one. A
    // non-object `object` is reported at `path`, once per member asked for.
    const json* Member(const json& object, std::string_view key, const std::string& path,
                       bool required = false);

    std::optional<std::string> String(const json& object, std::string_view key,
                                      const std::string& path, bool required = false);
    std::optional<double> Number(const json& object, std::string_view key, const std::string& path,
                                 bool required = false);
    // A whole number within +-1e9 (a fraction or a larger number is the wrong type).
    std::optional<int> Integer(const json& object, std::string_view key, const std::string& path,
                               bool required = false);
    std::optional<bool> Bool(const json& object, std::string_view key, const std::string& path,
                             bool required = false);
    // A whole number from 0 to 2^53 (a row id).
    std::optional<std::int64_t> Id(const json& object, std::string_view key,
                                   const std::string& path, bool required = false);
    // A YYYY-MM-DD date within DateLimits (kTooFarInPast, kTooFarInFuture otherwise).
    std::optional<Date> DateValue(const json& object, std::string_view key, const std::string& path,
                                  bool required = false);

    // A string member read with `parse` (text -> optional value); text it refuses is reported
    // as `refused`.
    template <typename Parse>
    auto Parsed(const json& object, std::string_view key, const std::string& path, Parse parse,
                ProblemCode refused, bool required = false) -> decltype(parse(std::string_view())) {
        const auto text = String(object, key, path, required);
        if (!text) {
            return std::nullopt;
        }
        const auto value = parse(*text);
        if (!value) {
            Problem(Path(path, key), refused);
        }
        return value;
    }

    // A code read with `parse` (one of the XFromCode functions); an unknown code is reported.
    template <typename Parse>
    auto Code(const json& object, std::string_view key, const std::string& path, Parse parse,
              bool required = false) -> decltype(parse(std::string_view())) {
        return Parsed(object, key, path, parse, ProblemCode::kUnknownCode, required);
    }

    // A code of one of the enumerations of core/codes.h.
    template <typename Enum>
    std::optional<Enum> Code(const json& object, std::string_view key, const std::string& path,
                             bool required = false) {
        return Code(object, key, path, FromCode<Enum>, required);
    }

    // Calls read(element, element_path) for each element of the array member `key` (absent or
    // null: none; not an array: reported). A list of more than `maximum` elements is reported
    // (kTooMany) and none of them read.
    template <typename Read>
    void Each(const json& object, std::string_view key, const std::string& path, Read read,
              std::size_t maximum = JsonDocumentLimits::kMaxListEntries) {
        const json* value = Member(object, key, path);
        if (value == nullptr) {
            return;
        }
        const std::string list_path = Path(path, key);
        if (!value->is_array()) {
            Problem(list_path, ProblemCode::kWrongType);
            return;
        }
        if (value->size() > maximum) {
            m_problems.push_back({list_path, ProblemCode::kTooMany, maximum});
            return;
        }
        for (std::size_t i = 0; i < value->size(); ++i) {
            read((*value)[i], ElementPath(list_path, i));
        }
    }

    // As Each, for a list of objects: an element that is not an object is reported and skipped.
    template <typename Read>
    void EachObject(const json& object, std::string_view key, const std::string& path, Read read,
                    std::size_t maximum = JsonDocumentLimits::kMaxListEntries) {
        Each(
            object, key, path,
            [&](const json& element, const std::string& element_path) {
                if (Object(element, element_path) != nullptr) {
                    read(element, element_path);
                }
            },
            maximum);
    }

    // "list[i]"; "[i]" for a document that is a bare array (list "").
    static std::string ElementPath(const std::string& list, std::size_t index);

  private:
    // The member when `is_type` (json::is_string, ...) holds for it; another type is reported.
    template <typename T>
    std::optional<T> Typed(const json& object, std::string_view key, const std::string& path,
                           bool required, bool (json::*is_type)() const noexcept);

    ValidationProblems& m_problems;
};

}  // namespace myodesk::core::detail
