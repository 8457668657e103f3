#pragma once

#include <wx/string.h>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>

namespace myodesk::services {
class ClientService;
class StaffService;
}  // namespace myodesk::services

namespace myodesk::app {

// The names shown for stored ids (a therapist's, a client's), read once and then remembered.
// An id with no name is shown as "#id"; so is one whose name could not be read, but that one
// is not remembered, so the next call reads it again.
class NameCache {
  public:
    // The name of an id, or nothing when there is none; may throw db::DatabaseError.
    using ReadFunction = std::function<std::optional<wxString>(std::int64_t id)>;

    explicit NameCache(ReadFunction read);

    wxString Name(std::int64_t id);
    // After names may have changed: every name is read again.
    void Forget() { m_names.clear(); }

  private:
    ReadFunction m_read;
    std::map<std::int64_t, wxString> m_names;
};

// The names of staff members, and of clients as lists show them; the service must outlive
// the cache.
NameCache StaffNameCache(services::StaffService& staff);
NameCache ClientNameCache(services::ClientService& clients);

}  // namespace myodesk::app
