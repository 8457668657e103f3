#pragma once

// The owner's way back in after a practice was written from outside (an export imported, a
// practice copied, a server backup restored): passwords never leave a practice.

#include <myodesk/db/database.h>

#include <optional>
#include <string>
#include <vector>

namespace myodesk::services::detail {

// The first active owner with an account (by id) gets `password`: as a hash (SQLite) or as a
// login of the server (PostgreSQL; its groups are set up first when missing). Returns their
// username. DatabaseError when the practice has no such owner.
std::string GiveOwnerPassword(db::Database& database, const std::string& password);

// After a server backup was restored into another database: the practice's groups are set up
// for it, and each active account whose login the server already has (the same server) joins
// its group with the password it has. The first active owner's login, when the server has
// none, is made with `owner_password` (RuleError without one). Returns the logins made.
std::vector<std::string> GiveServerLogins(db::Database& database,
                                          const std::optional<std::string>& owner_password);

}  // namespace myodesk::services::detail
