#include <myodesk/core/staff.h>
#include <myodesk/core/text.h>

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
    if (Trim(staff.name).empty()) {
        problems.push_back({"name", ProblemCode::kRequired});
    } else {
        CheckText(problems, "name", staff.name, kMaxName, TextLines::kOne);
    }
    return problems;
}

}  // namespace myodesk::core
