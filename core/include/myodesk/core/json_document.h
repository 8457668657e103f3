#pragma once

#include <myodesk/core/validation.h>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace myodesk::core {

// The one strict reading step of every JSON document that comes from outside (an intake, a
// session note, a training calendar, a stored plan, a client): text -> nlohmann::json, or
// the problems that refuse it, each at the JSON path where it was found. The typed readers
// (IntakeFromJson, SessionNoteFromJson, PlanFromJson, ClientFromJson) then read the value;
// the *FromText functions of each format do both.
//
// Refused, beyond what JSON itself refuses:
// - a number outside a double's range (1e400, -1e309): kInvalidNumber;
// - the same key twice in one object: kDuplicateKey (the later one would silently win);
// - a string or key with a control character other than tab, line feed and carriage return,
//   or a bidirectional control (IsAcceptableText with TextLines::kMany): kInvalidText; each
//   field then checks its own rules (a one-line field refuses line breaks too);
// - text that is not UTF-8: kInvalidText;
// - more than JsonDocumentLimits allow: kTooLong (the document's bytes, at "document"; a
//   string's characters; a key's characters, at the object), kTooDeep, kTooMany.
// Text that is not JSON at all is kInvalidJson at "document" (limit: the byte offset) with
// the parser's message in `syntax_error`. Reading stops at the first problem that leaves the
// rest unreadable (a syntax or number error, a limit on size, depth or count); the others are
// all collected.
struct JsonDocumentLimits {
    static constexpr std::size_t kMaxBytes = 8 * 1024 * 1024;
    static constexpr std::size_t kMaxDepth = 32;
    static constexpr std::size_t kMaxTextCharacters = 100000;
    static constexpr std::size_t kMaxKeyCharacters = 100;
    static constexpr std::size_t kMaxListEntries = 10000;
    static constexpr std::size_t kMaxObjectMembers = 1000;
};

struct JsonDocumentResult {
    nlohmann::json document;  // null (discarded) unless `problems` is empty
    ValidationProblems problems;
    std::string syntax_error;  // the parser's message when the text is not JSON
};

// Never throws for any input text (other than std::bad_alloc).
JsonDocumentResult ReadJsonDocument(std::string_view text);

}  // namespace myodesk::core
