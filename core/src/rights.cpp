#include <myodesk/core/rights.h>

namespace myodesk::core {

namespace {

struct RightRow {
    Right right;
    std::string_view code;
    bool owner;
    bool manager;
    bool therapist;
    bool front_desk;
};

// The rights of each role. A therapist signs and amends only their own notes, and a private
// note is read only by its author and the owner: those are checked on the note itself.
constexpr RightRow kRights[] = {
    // right                   code                owner  manager therapist front desk
    {Right::kManageStaff, "manage_staff", true, false, false, false},
    {Right::kChangeSettings, "change_settings", true, true, false, false},
    {Right::kSchedule, "schedule", true, true, true, true},
    {Right::kEditClients, "edit_clients", true, true, true, true},
    {Right::kReadClinical, "read_clinical", true, true, true, false},
    {Right::kWriteClinical, "write_clinical", true, false, true, false},
    {Right::kSignNotes, "sign_notes", true, false, true, false},
    {Right::kClinicalReports, "clinical_reports", true, true, true, false},
    {Right::kPracticeReports, "practice_reports", true, true, false, false},
    {Right::kReadAudit, "read_audit", true, true, false, false},
    {Right::kBackUp, "back_up", true, true, false, false},
};

const RightRow& RowOf(Right right) {
    for (const RightRow& row : kRights) {
        if (row.right == right) {
            return row;
        }
    }
    return kRights[0];
}

}  // namespace

bool HasRight(StaffRole role, Right right) {
    const RightRow& row = RowOf(right);
    switch (role) {
        case StaffRole::kOwner:
            return row.owner;
        case StaffRole::kManager:
            return row.manager;
        case StaffRole::kTherapist:
            return row.therapist;
        case StaffRole::kFrontDesk:
            return row.front_desk;
    }
    return false;
}

std::string_view ToCode(Right right) {
    return RowOf(right).code;
}

std::optional<Right> RightFromCode(std::string_view code) {
    for (const RightRow& row : kRights) {
        if (row.code == code) {
            return row.right;
        }
    }
    return std::nullopt;
}

}  // namespace myodesk::core
