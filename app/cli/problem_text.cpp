#include "problem_text.h"

#include <myodesk/core/session_note.h>

#include <fmt/format.h>

namespace myodesk::app {

namespace {

bool EndsWith(std::string_view text, std::string_view end) {
    return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}

// A training calendar's field: a CSV line ("line 4.type") or an entry ("entries[2].type",
// "[2].type" in a bare JSON list).
bool IsTrainingField(std::string_view field) {
    return field.rfind("line ", 0) == 0 || field.rfind("entries", 0) == 0 ||
           field.rfind('[', 0) == 0;
}

}  // namespace

std::string ClashText(const db::BookedSession& other, core::ClashReason reason) {
    const core::SessionSlot& slot = other.slot;
    std::string why;
    switch (reason) {
        case core::ClashReason::kTherapist:
            why = "the same therapist";
            break;
        case core::ClashReason::kClient:
            why = "the same client";
            break;
        case core::ClashReason::kRoom:
            why = fmt::format(
                "the same room, {}, free again at {}", other.room_name,
                core::FormatClockTime((slot.EndMinute() + slot.room_changeover_min) % (24 * 60)));
            break;
    }
    // An occurrence of a series not stored yet is named as the commands take it (ID@DAY).
    const std::string which =
        other.occurrence ? core::FormatAppointmentRef(*other.occurrence) : std::to_string(slot.id);
    return fmt::format("start_time: clashes with {} {}: {} with {} on {}, {}-{} ({})",
                       slot.kind == core::SessionKind::kNote ? "session note" : "appointment",
                       which, other.client_name, other.therapist_name,
                       core::FormatIsoDate(slot.date), core::FormatClockTime(slot.start_minute),
                       core::FormatClockTime(slot.EndMinute() % (24 * 60)), why);
}

std::string ProblemText(const core::ValidationProblem& problem) {
    using core::ProblemCode;
    std::string reason;
    switch (problem.code) {
        case ProblemCode::kRequired:
            if (problem.field == "given_name" || problem.field == "client.given_name") {
                reason = "a given name or a family name is required";
            } else if (problem.field == "signed_at") {
                reason = "the note is not signed yet: change the note itself, or sign it first";
            } else if (problem.field == "line 1") {
                reason = "the file is empty: a header row (date,type,distance_km) comes first";
            } else if (problem.field.rfind("line 1.", 0) == 0) {
                reason = problem.field == "line 1.distance_km"
                             ? "the header row needs a distance_km or a distance_mi column"
                             : "the header row needs this column";
            } else {
                reason = "a value is required";
            }
            break;
        case ProblemCode::kTooLong:
            reason = problem.field == "document"
                         ? fmt::format("the file is too large (at most {} bytes)", problem.limit)
                         : fmt::format("too long (at most {} characters)", problem.limit);
            break;
        case ProblemCode::kInFuture:
            reason = "the date is in the future";
            break;
        case ProblemCode::kTooFarInPast:
            reason = problem.field == "date_of_birth" || problem.field == "client.date_of_birth"
                         ? "the date is too long ago"
                         : "the date is too long ago (the earliest is 1900-01-01)";
            break;
        case ProblemCode::kTooFarInFuture:
            reason = "the date is too far ahead (the latest is 2100-12-31)";
            break;
        case ProblemCode::kInvalidEmail:
            reason = "not an email address (name@example.com)";
            break;
        case ProblemCode::kInvalidPhone:
            reason = "not a phone number (digits, spaces, + - ( ) and an optional extension)";
            break;
        case ProblemCode::kInvalidText:
            reason = problem.field == "clinic.address"
                         ? "contains control characters (line breaks are fine) or invalid UTF-8"
                         : "contains line breaks, control characters, direction controls or "
                           "invalid UTF-8";
            break;
        case ProblemCode::kOutOfRange:
            if (IsTrainingField(problem.field) || problem.field == "distance_km" ||
                problem.field == "distance_mi") {
                const bool miles = EndsWith(problem.field, "distance_mi");
                reason = problem.maximum == 0
                             ? std::string("a rest day has no distance (leave it empty)")
                             : fmt::format("must be more than 0 and at most {} {}", problem.maximum,
                                           miles ? "mi" : "km");
                break;
            }
            reason =
                problem.field == "techniques"
                    ? fmt::format(
                          "the techniques' minutes add up to more than the {} "
                          "minutes of the session",
                          problem.maximum)
                    : fmt::format("must be between {} and {}", problem.minimum, problem.maximum);
            break;
        case ProblemCode::kUnknownCode:
            if (problem.field == "report.paper") {
                reason = "not a paper size; use a4 or letter";
                break;
            }
            if (problem.field == "report.date_format") {
                reason =
                    "not a date format; use locale, iso or a pattern with a day, a month and a "
                    "year (%d or %-d, %m, %-m, %b or %B, %Y or %y), such as %d/%m/%Y";
                break;
            }
            if (problem.field == "book.time_zone") {
                reason =
                    "not a time zone name; use an IANA name such as Europe/London or "
                    "America/New_York, or nothing for this computer's zone";
                break;
            }
            if (problem.field == "calendar.client_names") {
                reason = "use initials, first_name or none";
                break;
            }
            if (IsTrainingField(problem.field)) {
                reason =
                    "not a known code, column or field name (see docs/training-format.md; run "
                    "types: easy, long, tempo, intervals, race, rest, cross)";
                break;
            }
            reason =
                "not a known code or field name (see docs/intake-format.md and "
                "docs/session-format.md)";
            break;
        case ProblemCode::kInvalidDate:
            reason = problem.field == "start_time" ? "not a time; use the form HH:MM (00:00-23:59)"
                                                   : "not a date; use the form YYYY-MM-DD";
            break;
        case ProblemCode::kWrongType:
            if (problem.field.rfind("line ", 0) == 0) {
                reason = problem.field.find('.') == std::string::npos
                             ? "not a row of the header's columns (comma-separated values, as "
                               "many as the header has; a quoted value must close its quote)"
                             : "not a number (use a decimal point: 12.5)";
                break;
            }
            reason = "has the wrong type (a number, text, true/false, list or object is expected)";
            break;
        case ProblemCode::kNotAccepted:
            reason = "consent must be given (accepted, typed name and date)";
            break;
        case ProblemCode::kOverlaps:
            reason = "clashes with another session of the same therapist or client";
            break;
        case ProblemCode::kLocked:
            reason = problem.field == "status"
                         ? "the session is already booked or skipped"
                         : "the note is signed and locked; record a correction with notes amend";
            break;
        case ProblemCode::kDuplicate:
            if (EndsWith(problem.field, "distance_mi")) {
                reason = "give distance_km or distance_mi, not both";
            } else if (IsTrainingField(problem.field) && EndsWith(problem.field, ".date")) {
                reason = problem.field.rfind("line 1.", 0) == 0
                             ? "the column is named twice"
                             : "a second entry for the same day (one entry per day)";
            } else if (problem.field == "date") {
                reason = "another session of the plan is on that day";
            } else if (problem.field.rfind("line 1.", 0) == 0) {
                reason = "the column is named twice";
            } else {
                reason = "listed twice";
            }
            break;
        case ProblemCode::kTooMany:
            reason = fmt::format("too many entries (at most {})", problem.limit);
            break;
        case ProblemCode::kTooDeep:
            reason = fmt::format("nested too deeply (at most {} levels)", problem.limit);
            break;
        case ProblemCode::kDuplicateKey:
            reason = "the key is given twice in the same object";
            break;
        case ProblemCode::kInvalidNumber:
            reason = "the number is too large to be read";
            break;
        case ProblemCode::kInvalidJson:
            reason = fmt::format("not valid JSON (reading stopped at byte {})", problem.limit);
            break;
        case ProblemCode::kContradicts:
            reason = problem.field == "health.pregnancy_weeks"
                         ? "pregnancy weeks are given but pregnant is not true"
                         : "contradicts another field (a side without a region)";
            break;
    }
    return fmt::format("{}: {}", problem.field, reason);
}

}  // namespace myodesk::app
