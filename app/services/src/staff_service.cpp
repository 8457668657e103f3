#include <myodesk/db/errors.h>
#include <myodesk/services/staff_service.h>

#include <fmt/format.h>

#include <utility>

namespace myodesk::services {

StaffService::StaffService(Context& context)
    : m_staff(context.Database(), context.GetClock().Storage()) {}

core::Staff StaffService::Add(core::Staff staff) {
    m_staff.Add(staff);
    return staff;
}

void StaffService::Update(const core::Staff& staff) {
    m_staff.Update(staff);
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
