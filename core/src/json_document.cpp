#include "json_reader.h"

#include <myodesk/core/json_document.h>
#include <myodesk/core/text.h>

#include <set>
#include <utility>
#include <vector>

namespace myodesk::core {

namespace {

using json = nlohmann::json;
using Limits = JsonDocumentLimits;
using detail::JsonReader;

// nlohmann's error id for a number outside a double's range ("number overflow parsing").
constexpr int kNumberOverflow = 406;

// Builds the value from nlohmann's SAX events, as its own DOM builder does, and checks what
// that builder lets through: duplicate keys, control characters, sizes, depth. A false return
// stops the parser.
class StrictBuilder {
  public:
    using number_integer_t = json::number_integer_t;
    using number_unsigned_t = json::number_unsigned_t;
    using number_float_t = json::number_float_t;
    using string_t = json::string_t;
    using binary_t = json::binary_t;

    explicit StrictBuilder(ValidationProblems& problems) : m_problems(problems) {}

    bool null() { return Add(json()); }
    bool boolean(bool value) { return Add(json(value)); }
    bool number_integer(number_integer_t value) { return Add(json(value)); }
    bool number_unsigned(number_unsigned_t value) { return Add(json(value)); }
    bool number_float(number_float_t value, const string_t&) { return Add(json(value)); }
    bool binary(binary_t&) { return Problem(NextPath(), ProblemCode::kWrongType, 0); }

    bool string(string_t& value) {
        if (!IsAcceptableText(value, TextLines::kMany)) {
            m_problems.push_back({NextPath(), ProblemCode::kInvalidText});
        } else if (Utf8Length(value) > Limits::kMaxTextCharacters) {
            m_problems.push_back({NextPath(), ProblemCode::kTooLong, Limits::kMaxTextCharacters});
        }
        return Add(json(std::move(value)));
    }

    bool start_object(std::size_t) { return Open(json::object()); }
    bool start_array(std::size_t) { return Open(json::array()); }
    bool end_object() { return Close(); }
    bool end_array() { return Close(); }

    bool key(string_t& name) {
        Level& object = m_levels.back();
        if (Utf8Length(name) > Limits::kMaxKeyCharacters) {
            return Problem(Shown(object.path), ProblemCode::kTooLong, Limits::kMaxKeyCharacters);
        }
        object.key = std::move(name);
        const std::string path = JsonReader::Path(object.path, object.key);
        if (!IsAcceptableText(object.key, TextLines::kOne)) {
            m_problems.push_back({Shown(object.path), ProblemCode::kInvalidText});
        } else if (!object.keys.insert(object.key).second) {
            m_problems.push_back({path, ProblemCode::kDuplicateKey});
        }
        if (object.keys.size() > Limits::kMaxObjectMembers) {
            return Problem(Shown(object.path), ProblemCode::kTooMany, Limits::kMaxObjectMembers);
        }
        return true;
    }

    bool parse_error(std::size_t position, const std::string&,
                     const nlohmann::detail::exception& error) {
        if (error.id == kNumberOverflow) {
            m_problems.push_back({NextPath(), ProblemCode::kInvalidNumber});
        } else {
            m_problems.push_back({"document", ProblemCode::kInvalidJson, position});
            m_syntax_error = error.what();
        }
        return false;
    }

    json Take() { return std::move(m_root); }
    std::string SyntaxError() const { return m_syntax_error; }

  private:
    struct Level {
        json* value = nullptr;  // the object or array being filled
        std::string path;       // its path ("" for the document itself)
        std::string key;        // an object's key whose value comes next
        std::set<std::string, std::less<>> keys;
        std::size_t entries = 0;  // an array's elements so far
    };

    // "document" for the document itself, the path otherwise.
    static std::string Shown(const std::string& path) { return path.empty() ? "document" : path; }

    // The path of the value that comes next.
    std::string NextPath() const {
        if (m_levels.empty()) {
            return "document";
        }
        const Level& level = m_levels.back();
        return level.value->is_array() ? JsonReader::ElementPath(level.path, level.entries)
                                       : JsonReader::Path(level.path, level.key);
    }

    bool Problem(std::string path, ProblemCode code, std::size_t limit) {
        m_problems.push_back({std::move(path), code, limit});
        return false;
    }

    // Puts the value where the next one goes; nullptr when a limit stops the reading.
    json* Place(json value) {
        if (m_levels.empty()) {
            m_root = std::move(value);
            return &m_root;
        }
        Level& level = m_levels.back();
        if (level.value->is_object()) {
            json& member = (*level.value)[level.key];
            member = std::move(value);  // a duplicate key was reported; the document is refused
            return &member;
        }
        if (++level.entries > Limits::kMaxListEntries) {
            Problem(Shown(level.path), ProblemCode::kTooMany, Limits::kMaxListEntries);
            return nullptr;
        }
        level.value->push_back(std::move(value));
        return &level.value->back();
    }

    bool Add(json value) { return Place(std::move(value)) != nullptr; }

    bool Open(json empty) {
        if (m_levels.size() >= Limits::kMaxDepth) {
            return Problem(NextPath(), ProblemCode::kTooDeep, Limits::kMaxDepth);
        }
        std::string path = m_levels.empty() ? std::string() : NextPath();
        json* placed = Place(std::move(empty));
        if (placed == nullptr) {
            return false;
        }
        m_levels.push_back({placed, std::move(path), {}, {}, 0});
        return true;
    }

    bool Close() {
        m_levels.pop_back();
        return true;
    }

    ValidationProblems& m_problems;
    json m_root;
    std::vector<Level> m_levels;
    std::string m_syntax_error;
};

}  // namespace

JsonDocumentResult ReadJsonDocument(std::string_view text) {
    JsonDocumentResult result;
    if (text.size() > Limits::kMaxBytes) {
        result.problems.push_back({"document", ProblemCode::kTooLong, Limits::kMaxBytes});
        return result;
    }
    if (!IsValidUtf8(text)) {
        // Refused before parsing, so that bytes outside strings are named for what they are.
        result.problems.push_back({"document", ProblemCode::kInvalidText});
        return result;
    }
    StrictBuilder builder(result.problems);
    json::sax_parse(text, &builder);
    result.syntax_error = builder.SyntaxError();
    if (result.problems.empty()) {
        result.document = builder.Take();
    }
    return result;
}

}  // namespace myodesk::core
