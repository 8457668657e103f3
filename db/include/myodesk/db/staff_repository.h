#pragma once

#include <myodesk/core/staff.h>
#include <myodesk/db/clock.h>
#include <myodesk/db/database.h>

#include <optional>
#include <string>
#include <vector>

namespace myodesk::db {

// Therapists and managers. Staff are never deleted (notes point at them); a leaver is made
// inactive and disappears from pickers.
class StaffRepository {
  public:
    // The clock stamps created_at.
    explicit StaffRepository(Database& database, Clock clock = SystemNow);

    // Validates (core::ValidateStaff) and inserts; sets staff.id. Throws ValidationError.
    core::StaffId Add(core::Staff& staff);
    // Saves name, role and active. Throws ValidationError or NotFoundError.
    void Update(const core::Staff& staff);
    std::optional<core::Staff> Get(core::StaffId id);
    // By name; inactive staff only when asked.
    std::vector<core::Staff> List(bool include_inactive = false);

    // Accounts. The staff member whose account this is (active or not).
    std::optional<core::Staff> FindByUsername(const std::string& username);
    // The stored password hash (nullopt: no such staff member, or no password on file).
    std::optional<std::string> PasswordHash(core::StaffId id);
    void SetPasswordHash(core::StaffId id, const std::string& hash);
    // Whether an active owner has an account: the practice then asks everyone to sign in.
    bool HasOwnerAccount();
    // Whether another staff member than `except` has this username.
    bool UsernameTaken(const std::string& username, core::StaffId except);

  private:
    Database& m_database;
    Clock m_clock;
};

}  // namespace myodesk::db
