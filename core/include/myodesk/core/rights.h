#pragma once

#include <myodesk/core/staff.h>

#include <optional>
#include <string_view>

namespace myodesk::core {

// What a signed-in staff member may do. A practice without accounts (no owner yet) is open:
// whoever is at the computer may do everything, and the front ends say so.
enum class Right {
    kManageStaff,      // add staff, give them accounts and roles, deactivate them
    kChangeSettings,   // clinic details, hours, rooms, services, settings
    kSchedule,         // book, move, cancel appointments; the appointment book
    kEditClients,      // add clients, change their contact details, archive them
    kReadClinical,     // intakes, health history, session notes, training, plans
    kWriteClinical,    // write intakes, notes, training and plans
    kSignNotes,        // sign and amend one's own session notes
    kClinicalReports,  // a client's progress report, session exports
    kPracticeReports,  // the clinic summary, client and appointment exports
    kReadAudit,        // the audit log and clients' access reports
    kBackUp,           // back up, verify and restore the practice's data
};

// Every right, in the order of the table (docs/roles.md is the same table in words).
inline constexpr Right kAllRights[] = {
    Right::kManageStaff,     Right::kChangeSettings, Right::kSchedule,  Right::kEditClients,
    Right::kReadClinical,    Right::kWriteClinical,  Right::kSignNotes, Right::kClinicalReports,
    Right::kPracticeReports, Right::kReadAudit,      Right::kBackUp,
};

// The one table of rights: whether `role` has `right`.
bool HasRight(StaffRole role, Right right);

// "manage_staff", "read_clinical" ... (messages, the audit log, the docs).
std::string_view ToCode(Right right);
std::optional<Right> RightFromCode(std::string_view code);

}  // namespace myodesk::core
