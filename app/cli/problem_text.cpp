#include "problem_text.h"

#include <fmt/format.h>

namespace myodesk::app {

std::string ProblemText(const core::ValidationProblem& problem) {
    using core::ProblemCode;
    std::string reason;
    switch (problem.code) {
        case ProblemCode::kRequired:
            if (problem.field == "given_name" || problem.field == "client.given_name") {
                reason = "a given name or a family name is required";
            } else if (problem.field == "signed_at") {
                reason = "the note is not signed yet: change the note itself, or sign it first";
            } else {
                reason = "a value is required";
            }
            break;
        case ProblemCode::kTooLong:
            reason = fmt::format("too long (at most {} characters)", problem.limit);
            break;
        case ProblemCode::kInFuture:
            reason = "the date is in the future";
            break;
        case ProblemCode::kTooFarInPast:
            reason = "the date is too long ago";
            break;
        case ProblemCode::kInvalidEmail:
            reason = "not an email address (name@example.com)";
            break;
        case ProblemCode::kInvalidPhone:
            reason = "not a phone number (digits, spaces, + - ( ) and an optional extension)";
            break;
        case ProblemCode::kInvalidText:
            reason = "contains line breaks, control characters or invalid UTF-8";
            break;
        case ProblemCode::kOutOfRange:
            reason =
                problem.field == "techniques"
                    ? fmt::format(
                          "the techniques' minutes add up to more than the {} "
                          "minutes of the session",
                          problem.maximum)
                    : fmt::format("must be between {} and {}", problem.minimum, problem.maximum);
            break;
        case ProblemCode::kUnknownCode:
            reason =
                "not a known code or field name (see docs/intake-format.md and "
                "docs/session-format.md)";
            break;
        case ProblemCode::kInvalidDate:
            reason = problem.field == "start_time" ? "not a time; use the form HH:MM (00:00-23:59)"
                                                   : "not a date; use the form YYYY-MM-DD";
            break;
        case ProblemCode::kWrongType:
            reason = "has the wrong type (a number, text, true/false, list or object is expected)";
            break;
        case ProblemCode::kNotAccepted:
            reason = "consent must be given (accepted, typed name and date)";
            break;
        case ProblemCode::kOverlaps:
            reason = "overlaps another session of the same therapist";
            break;
        case ProblemCode::kLocked:
            reason = "the note is signed and locked; record a correction with notes amend";
            break;
        case ProblemCode::kDuplicate:
            reason = "listed twice";
            break;
    }
    return fmt::format("{}: {}", problem.field, reason);
}

}  // namespace myodesk::app
