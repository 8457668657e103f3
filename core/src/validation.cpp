#include <myodesk/core/validation.h>

namespace myodesk::core {

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
    }
    return "unknown";
}

}  // namespace myodesk::core
