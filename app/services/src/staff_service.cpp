#include <myodesk/db/errors.h>
#include <myodesk/db/server_accounts.h>
#include <myodesk/services/account_service.h>
#include <myodesk/services/staff_service.h>

#include <fmt/format.h>

#include <utility>

namespace myodesk::services {

StaffService::StaffService(Context& context)
    : m_context(context), m_staff(context.Database(), context.GetClock().Storage()) {}

core::Staff StaffService::Add(core::Staff staff) {
    m_context.Require(core::Right::kManageStaff);
    if (!staff.username.empty()) {
        // An account comes with its password: AccountService::AddStaff.
        throw db::ValidationError({{"password", core::ProblemCode::kRequired}});
    }
    db::Transaction transaction(m_context.Database());
    m_staff.Add(staff);
    m_context.Audit("staff.add", std::nullopt, "staff", staff.id);
    transaction.Commit();
    return staff;
}

void StaffService::Update(const core::Staff& staff) {
    m_context.Require(core::Right::kManageStaff);
    const core::Staff stored = Get(staff.id);
    db::Transaction transaction(m_context.Database());
    core::Staff renamed = stored;
    renamed.name = staff.name;
    renamed.active = stored.active || staff.active;  // deactivating is AccountService's
    m_staff.Update(renamed);  // the username stays: accounts change through AccountService
    if (renamed.name != stored.name || (staff.active && !stored.active)) {
        m_context.Audit("staff.update", std::nullopt, "staff", staff.id);
    }
    db::ServerAccounts server(m_context.Database());
    if (staff.active && !stored.active && !stored.username.empty() && server.Enforced()) {
        server.Enable(stored.username);  // back: their server login works again
    }
    AccountService accounts(m_context);
    if (staff.role != stored.role) {
        accounts.SetRole(staff.id, staff.role);  // the last owner stays the owner; audited
    }
    if (!staff.active && stored.active) {
        accounts.Deactivate(staff.id);
    }
    transaction.Commit();
}

core::Staff StaffService::Get(core::StaffId id) {
    auto staff = m_staff.Get(id);
    if (!staff) {
        throw db::NotFoundError(fmt::format("There is no staff member with id {}.", id));
    }
    return std::move(*staff);
}

std::optional<core::Staff> StaffService::Find(core::StaffId id) {
    return m_staff.Get(id);
}

std::vector<core::Staff> StaffService::List(bool include_inactive) {
    m_context.RequireSignedIn();
    return m_staff.List(include_inactive);
}

std::map<core::StaffId, std::string> StaffService::Names() {
    std::map<core::StaffId, std::string> names;
    for (const core::Staff& staff : m_staff.List(true)) {
        names.emplace(staff.id, staff.name);
    }
    return names;
}

}  // namespace myodesk::services
