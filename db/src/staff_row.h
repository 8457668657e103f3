#pragma once

// The `staff` row as SOCI binds it, shared by StaffRepository and the demo practice writer.

#include "row_binding.h"

#include <myodesk/core/staff.h>
#include <myodesk/core/text.h>

#include <optional>
#include <string>

namespace myodesk::db::detail {

// sort_name is core::FoldForSearch(name): the list is in the same order on both backends.
struct StaffRow {
    long long id = 0;
    std::string name;
    std::string sort_name;
    std::string role;
    int active = 1;
    std::string created_at;
    Nullable<std::string> username;  // NULL: no account

    static StaffRow From(const core::Staff& staff) {
        StaffRow row;
        row.id = staff.id;
        row.name = staff.name;
        row.sort_name = core::FoldForSearch(staff.name);
        row.role = Code(staff.role);
        row.active = staff.active ? 1 : 0;
        row.username.Set(staff.username.empty() ? std::nullopt
                                                : std::optional<std::string>(staff.username));
        return row;
    }

    core::Staff ToStaff() const {
        constexpr StoredValues kStored{"staff member"};
        return core::Staff{
            id, name, kStored.Code<core::StaffRole>(role, "staff.role", core::StaffRoleFromCode),
            active != 0, username.Get().value_or("")};
    }
};

// Every column of `staff` but id, in one fixed order.
template <typename Visit>
void VisitColumns(StaffRow& row, Visit&& visit) {
    visit("name", row.name);
    visit("sort_name", row.sort_name);
    visit("role", row.role);
    visit("active", row.active);
    visit("created_at", row.created_at);
    visit("username", row.username);
}

}  // namespace myodesk::db::detail
