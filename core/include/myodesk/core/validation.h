#pragma once

#include <myodesk/core/date.h>
#include <myodesk/core/text.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace myodesk::core {

// What is wrong with one field. Core returns codes; the GUI and CLI turn them into sentences.
enum class ProblemCode {
    kRequired,        // must not be empty
    kTooLong,         // more characters than the field allows
    kInFuture,        // a date after today
    kTooFarInPast,    // a date implausibly long ago
    kInvalidEmail,    // not shaped like name@domain.tld
    kInvalidPhone,    // not a plausible telephone number
    kInvalidText,     // not valid UTF-8, or control characters in a one-line field
    kOutOfRange,      // a number outside [minimum, maximum]
    kUnknownCode,     // not one of the codes the field accepts (region, side, condition, ...)
    kInvalidDate,     // not a YYYY-MM-DD date that exists
    kWrongType,       // JSON: a string where a number belongs, and the like
    kNotAccepted,     // consent was not given
    kOverlaps,        // the therapist already has a session at that time
    kLocked,          // the note is signed: correct it with an amendment
    kDuplicate,       // the same item twice in a list (a region and side, a technique)
    kTooMany,         // a list with more entries than it allows (limit: the maximum)
    kTooDeep,         // a document nested deeper than it allows (limit: the maximum depth)
    kDuplicateKey,    // JSON: the same key twice in one object
    kInvalidNumber,   // JSON: a number too large for a double (1e400)
    kInvalidJson,     // not JSON at all (limit: the byte offset where reading stopped)
    kTooFarInFuture,  // a date implausibly far ahead (after core::DateLimits::kLatest)
    kContradicts,     // disagrees with another field (pregnancy_weeks without pregnant)
};

struct ValidationProblem {
    std::string field;  // the model's field name in snake_case, e.g. "date_of_birth"
    ProblemCode code;
    std::size_t limit = 0;  // kTooLong: the most characters; kTooMany: the most entries;
                            // kTooDeep: the deepest nesting; kInvalidJson: the byte offset
    double minimum = 0;     // for kOutOfRange: the accepted range
    double maximum = 0;

    friend bool operator==(const ValidationProblem&, const ValidationProblem&) = default;
};

using ValidationProblems = std::vector<ValidationProblem>;

// Adds kInvalidText when `value` is not acceptable text for a field of that kind
// (IsAcceptableText: invalid UTF-8, control or bidirectional control characters), else
// kTooLong when it has more than `limit` characters. The one check of every text field.
void CheckText(ValidationProblems& problems, std::string_view field, std::string_view value,
               std::size_t limit, TextLines lines);

// Adds kTooFarInPast before DateLimits::kEarliest, kTooFarInFuture after DateLimits::kLatest.
void CheckDateRange(ValidationProblems& problems, std::string_view field, const Date& date);
// For a date that cannot lie ahead: kInFuture after `today`, kTooFarInPast before kEarliest.
void CheckPastDate(ValidationProblems& problems, std::string_view field, const Date& date,
                   const Date& today);

// Adds kTooMany (limit `maximum`) at `field` when a list has more than `maximum` entries.
void CheckCount(ValidationProblems& problems, std::string_view field, std::size_t count,
                std::size_t maximum);

// Stable snake_case name of a code ("too_long"), used in JSON output and logs.
std::string_view ProblemCodeName(ProblemCode code);

}  // namespace myodesk::core
