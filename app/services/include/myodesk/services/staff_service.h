#pragma once

#include <myodesk/core/staff.h>
#include <myodesk/db/staff_repository.h>
#include <myodesk/services/context.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace myodesk::services {

// The clinic's staff: therapists and managers.
class StaffService {
  public:
    explicit StaffService(Context& context);
    // The context it works in (a front end's dialog makes the AccountService beside it).
    Context& GetContext() const { return m_context; }

    // Saves a new staff member (db::ValidationError: a name is required); returns it with its id.
    core::Staff Add(core::Staff staff);
    void Update(const core::Staff& staff);
    // NotFoundError when there is none.
    core::Staff Get(core::StaffId id);
    std::optional<core::Staff> Find(core::StaffId id);
    // Active staff by name; with `include_inactive` the leavers too.
    std::vector<core::Staff> List(bool include_inactive = false);
    // Every staff member's name, leavers too (old notes name them).
    std::map<core::StaffId, std::string> Names();

  private:
    Context& m_context;
    db::StaffRepository m_staff;
};

}  // namespace myodesk::services
