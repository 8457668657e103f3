#include "common/name_cache.h"

#include "common/wx_conversions.h"

#include <myodesk/db/errors.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/staff_service.h>

#include <utility>

namespace myodesk::app {

NameCache::NameCache(ReadFunction read) : m_read(std::move(read)) {}

wxString NameCache::Name(std::int64_t id) {
    if (const auto found = m_names.find(id); found != m_names.end()) {
        return found->second;
    }
    wxString name = wxString::Format("#%lld", static_cast<long long>(id));
    try {
        if (const std::optional<wxString> read = m_read(id)) {
            name = *read;
        }
    } catch (const db::DatabaseError&) {
        return name;  // not remembered: read again next time
    }
    m_names.emplace(id, name);
    return name;
}

NameCache StaffNameCache(services::StaffService& staff) {
    return NameCache([&staff](std::int64_t id) -> std::optional<wxString> {
        const std::optional<core::Staff> member = staff.Find(id);
        return member ? std::optional(ToWx(member->name)) : std::nullopt;
    });
}

NameCache ClientNameCache(services::ClientService& clients) {
    return NameCache([&clients](std::int64_t id) -> std::optional<wxString> {
        const std::optional<core::Client> client = clients.Find(id);
        return client ? std::optional(ToWx(core::DisplayName(*client))) : std::nullopt;
    });
}

}  // namespace myodesk::app
