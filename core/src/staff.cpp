#include <myodesk/core/staff.h>
#include <myodesk/core/text.h>

#include <algorithm>

namespace myodesk::core {

std::string_view ToCode(StaffRole role) {
    return role == StaffRole::kManager ? "manager" : "therapist";
}

std::optional<StaffRole> StaffRoleFromCode(std::string_view code) {
    if (code == "therapist") {
        return StaffRole::kTherapist;
    }
    if (code == "manager") {
        return StaffRole::kManager;
    }
    return std::nullopt;
}

ValidationProblems ValidateStaff(const Staff& staff) {
    constexpr std::size_t kMaxName = 100;
    ValidationProblems problems;
    const bool control = std::any_of(staff.name.begin(), staff.name.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
    });
    if (Trim(staff.name).empty()) {
        problems.push_back({"name", ProblemCode::kRequired});
    } else if (!IsValidUtf8(staff.name) || control) {
        problems.push_back({"name", ProblemCode::kInvalidText});
    } else if (Utf8Length(staff.name) > kMaxName) {
        problems.push_back({"name", ProblemCode::kTooLong, kMaxName});
    }
    return problems;
}

}  // namespace myodesk::core
