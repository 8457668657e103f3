#include "owner_login.h"

#include <myodesk/core/staff.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/server_accounts.h>
#include <myodesk/db/staff_repository.h>
#include <myodesk/services/account_service.h>
#include <myodesk/services/errors.h>

#include <algorithm>

namespace myodesk::services::detail {

namespace {

std::vector<core::Staff> ActiveAccountsById(db::Database& database) {
    auto list = db::StaffRepository(database).List(false);
    std::erase_if(list, [](const core::Staff& s) { return !s.active || s.username.empty(); });
    std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    return list;
}

}  // namespace

// After records were written with their ids and no password: the first active owner with an
// account (by id) gets `password`, as a hash (SQLite) or a login of the server (PostgreSQL).
std::string GiveOwnerPassword(db::Database& database, const std::string& password) {
    const std::vector<core::Staff> accounts = ActiveAccountsById(database);
    const auto owner = std::find_if(accounts.begin(), accounts.end(), [](const core::Staff& s) {
        return s.role == core::StaffRole::kOwner;
    });
    if (owner == accounts.end()) {
        throw db::DatabaseError("The practice has accounts but no active owner with one.");
    }
    db::ServerAccounts server(database);
    if (server.Enforced()) {
        if (!server.Installed()) {
            server.Install();
        }
        if (server.LoginExists(owner->username)) {
            server.SetPassword(owner->username, password);
        } else {
            server.CreateLogin(owner->username, password, owner->role);
        }
    } else {
        db::StaffRepository(database).SetPasswordHash(owner->id, HashPassword(password));
    }
    return owner->username;
}

std::vector<std::string> GiveServerLogins(db::Database& database,
                                          const std::optional<std::string>& owner_password) {
    db::ServerAccounts server(database);
    const std::vector<core::Staff> accounts = ActiveAccountsById(database);
    std::vector<std::string> made;
    if (accounts.empty() || !server.Enforced()) {
        return made;
    }
    const auto owner = std::find_if(accounts.begin(), accounts.end(), [](const core::Staff& s) {
        return s.role == core::StaffRole::kOwner;
    });
    db::Transaction transaction(database);
    if (!server.Installed()) {
        server.Install();
    }
    for (const core::Staff& account : accounts) {
        if (server.LoginExists(account.username)) {
            server.JoinGroup(account.username, account.role);
        } else if (owner != accounts.end() && account.id == owner->id) {
            if (!owner_password) {
                throw RuleError(
                    "The practice's owner has no login on this server and passwords are never "
                    "in a backup: the owner's new password is needed.");
            }
            server.CreateLogin(account.username, *owner_password, account.role);
            made.push_back(account.username);
        }
    }
    transaction.Commit();
    return made;
}

}  // namespace myodesk::services::detail
