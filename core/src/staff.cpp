#include <myodesk/core/staff.h>
#include <myodesk/core/text.h>

#include <utility>

namespace myodesk::core {

namespace {

constexpr std::pair<StaffRole, std::string_view> kRoleCodes[] = {
    {StaffRole::kTherapist, "therapist"},
    {StaffRole::kManager, "manager"},
    {StaffRole::kOwner, "owner"},
    {StaffRole::kFrontDesk, "front_desk"},
};

}  // namespace

std::string_view ToCode(StaffRole role) {
    for (const auto& [known, code] : kRoleCodes) {
        if (known == role) {
            return code;
        }
    }
    return "therapist";
}

std::optional<StaffRole> StaffRoleFromCode(std::string_view code) {
    for (const auto& [role, known] : kRoleCodes) {
        if (known == code) {
            return role;
        }
    }
    return std::nullopt;
}

bool IsValidUsername(std::string_view username) {
    constexpr std::size_t kMaxUsername = 32;
    if (username.empty() || username.size() > kMaxUsername || username[0] < 'a' ||
        username[0] > 'z') {
        return false;
    }
    for (const char c : username) {
        const bool allowed =
            (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
        if (!allowed) {
            return false;
        }
    }
    return true;
}

ValidationProblems ValidateStaff(const Staff& staff) {
    constexpr std::size_t kMaxName = 100;
    ValidationProblems problems;
    if (Trim(staff.name).empty()) {
        problems.push_back({"name", ProblemCode::kRequired});
    } else {
        CheckText(problems, "name", staff.name, kMaxName, TextLines::kOne);
    }
    if (!staff.username.empty() && !IsValidUsername(staff.username)) {
        problems.push_back({"username", ProblemCode::kInvalidText});
    }
    return problems;
}

}  // namespace myodesk::core
