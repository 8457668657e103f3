#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace myodesk::core {

// What is wrong with one field. Core returns codes; the GUI and CLI turn them into sentences.
enum class ProblemCode {
    kRequired,      // must not be empty
    kTooLong,       // more characters than the field allows
    kInFuture,      // a date after today
    kTooFarInPast,  // a date implausibly long ago
    kInvalidEmail,  // not shaped like name@domain.tld
    kInvalidPhone,  // not a plausible telephone number
    kInvalidText,   // not valid UTF-8, or control characters in a one-line field
    kOutOfRange,    // a number outside [minimum, maximum]
    kUnknownCode,   // not one of the codes the field accepts (region, side, condition, ...)
    kInvalidDate,   // not a YYYY-MM-DD date that exists
    kWrongType,     // JSON: a string where a number belongs, and the like
    kNotAccepted,   // consent was not given
    kOverlaps,      // the therapist already has a session at that time
    kLocked,        // the note is signed: correct it with an amendment
    kDuplicate,     // the same item twice in a list (a region and side, a technique)
};

struct ValidationProblem {
    std::string field;  // the model's field name in snake_case, e.g. "date_of_birth"
    ProblemCode code;
    std::size_t limit = 0;  // for kTooLong: the maximum number of characters
    double minimum = 0;     // for kOutOfRange: the accepted range
    double maximum = 0;

    friend bool operator==(const ValidationProblem&, const ValidationProblem&) = default;
};

using ValidationProblems = std::vector<ValidationProblem>;

// Stable snake_case name of a code ("too_long"), used in JSON output and logs.
std::string_view ProblemCodeName(ProblemCode code);

}  // namespace myodesk::core
