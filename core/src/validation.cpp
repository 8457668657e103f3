#include <myodesk/core/validation.h>

namespace myodesk::core {

void CheckText(ValidationProblems& problems, std::string_view field, std::string_view value,
               std::size_t limit, TextLines lines) {
    if (!IsAcceptableText(value, lines)) {
        problems.push_back({std::string(field), ProblemCode::kInvalidText});
    } else if (Utf8Length(value) > limit) {
        problems.push_back({std::string(field), ProblemCode::kTooLong, limit});
    }
}

void CheckDateRange(ValidationProblems& problems, std::string_view field, const Date& date) {
    if (date < DateLimits::kEarliest) {
        problems.push_back({std::string(field), ProblemCode::kTooFarInPast});
    } else if (date > DateLimits::kLatest) {
        problems.push_back({std::string(field), ProblemCode::kTooFarInFuture});
    }
}

void CheckPastDate(ValidationProblems& problems, std::string_view field, const Date& date,
                   const Date& today) {
    if (date > today) {
        problems.push_back({std::string(field), ProblemCode::kInFuture});
    } else if (date < DateLimits::kEarliest) {
        problems.push_back({std::string(field), ProblemCode::kTooFarInPast});
    }
}

void CheckCount(ValidationProblems& problems, std::string_view field, std::size_t count,
                std::size_t maximum) {
    if (count > maximum) {
        problems.push_back({std::string(field), ProblemCode::kTooMany, maximum});
    }
}

std::string_view ProblemCodeName(ProblemCode code) {
    switch (code) {
        case ProblemCode::kRequired:
            return "required";
        case ProblemCode::kTooLong:
            return "too_long";
        case ProblemCode::kInFuture:
            return "in_future";
        case ProblemCode::kTooFarInPast:
            return "too_far_in_past";
        case ProblemCode::kInvalidEmail:
            return "invalid_email";
        case ProblemCode::kInvalidPhone:
            return "invalid_phone";
        case ProblemCode::kInvalidText:
            return "invalid_text";
        case ProblemCode::kOutOfRange:
            return "out_of_range";
        case ProblemCode::kUnknownCode:
            return "unknown_code";
        case ProblemCode::kInvalidDate:
            return "invalid_date";
        case ProblemCode::kWrongType:
            return "wrong_type";
        case ProblemCode::kNotAccepted:
            return "not_accepted";
        case ProblemCode::kOverlaps:
            return "overlaps";
        case ProblemCode::kLocked:
            return "locked";
        case ProblemCode::kDuplicate:
            return "duplicate";
        case ProblemCode::kTooMany:
            return "too_many";
        case ProblemCode::kTooDeep:
            return "too_deep";
        case ProblemCode::kDuplicateKey:
            return "duplicate_key";
        case ProblemCode::kInvalidNumber:
            return "invalid_number";
        case ProblemCode::kInvalidJson:
            return "invalid_json";
        case ProblemCode::kTooFarInFuture:
            return "too_far_in_future";
        case ProblemCode::kContradicts:
            return "contradicts";
    }
    return "unknown";
}

}  // namespace myodesk::core
