#pragma once

#include <myodesk/core/staff.h>
#include <myodesk/db/staff_repository.h>
#include <myodesk/services/context.h>

#include <cstdint>
#include <optional>
#include <string>

namespace myodesk::services {

// The least and most characters of a password.
inline constexpr std::size_t kMinPasswordLength = 8;
inline constexpr std::size_t kMaxPasswordLength = 256;

// Staff accounts and signing in (docs/roles.md). A practice has accounts once an owner has
// one; until then it is open (anyone at the computer reads every record, and the front ends
// say so). On SQLite passwords are kept as Argon2id hashes (libsodium) and never leave this
// class; on PostgreSQL each account is a login of the server (db::ServerAccounts), which
// checks the password and enforces the role's rights itself.
// Every sign-in, failed sign-in, sign-out, lock and change of rights is in the audit log.
class AccountService {
  public:
    explicit AccountService(Context& context);

    // Turns accounts on in an open practice: a new staff member `name` becomes the owner with
    // the account `username`, and the desk is signed in as them. A RuleError when the practice
    // already has an owner account; db::ValidationError for the name, username ("username":
    // kInvalidText, kDuplicate) or password ("password": kTooLong, kOutOfRange: too short).
    core::Staff SetUpOwner(const std::string& name, const std::string& username,
                           const std::string& password);
    // A new staff member with an account (staff.username) and its password, in one go (the
    // owner; in an open practice anyone).
    core::Staff AddStaff(core::Staff staff, const std::string& password);
    // Gives an existing staff member an account (the owner; in an open practice anyone, as
    // the upgrade's first step is the owner's own account). With `role`, that role too.
    core::Staff GiveAccount(core::StaffId staff, const std::string& username,
                            const std::string& password,
                            std::optional<core::StaffRole> role = std::nullopt);
    // A new password: the owner for anyone, anyone for themselves.
    void SetPassword(const std::string& username, const std::string& password);
    // The owner changes a role. The last active owner stays the owner (RuleError).
    core::Staff SetRole(core::StaffId staff, core::StaffRole role);
    // The owner makes a leaver inactive (they can no longer sign in); never the last owner.
    core::Staff Deactivate(core::StaffId staff);

    // Checks the password and makes the account's owner the desk's user (the context's
    // DeskSession). SignInFailedError for a wrong name or password or an inactive account;
    // SignInTooSoonError after kFreeAttempts failures in a row, until the wait is over (the
    // password is then not even checked). A failure is recorded; a refused early attempt is
    // not (it would only lengthen the log).
    core::Staff SignIn(const std::string& username, const std::string& password);
    // The desk's user signs out (or the desk locks): recorded; nobody is signed in after.
    void SignOut(bool lock = false);
    // PostgreSQL: when the connection's own login (the user in the connection string, with
    // PGPASSWORD or ~/.pgpass) is an active account, the desk is signed in as it (recorded).
    // Nothing on SQLite, in an open practice, or for any other login.
    std::optional<core::Staff> SignInAsServerLogin();

    // Failed sign-ins allowed in a row before each next one must wait (doubling from
    // kFirstWaitSeconds up to kLongestWaitSeconds).
    static constexpr int kFreeAttempts = 3;
    static constexpr std::int64_t kFirstWaitSeconds = 5;
    static constexpr std::int64_t kLongestWaitSeconds = 300;

  private:
    core::Staff GetStaff(core::StaffId id);
    // Whether `password` is the account's: its Argon2id hash on SQLite; on PostgreSQL the
    // server's answer to logging in as it (the connection is then the account's own).
    bool PasswordAccepted(const core::Staff& staff, const std::string& password);
    // SQLite keeps the password's hash in staff; PostgreSQL makes the account a server login.
    void KeepPassword(const core::Staff& staff, const std::string& password);
    void CheckUsernameFree(const std::string& username, core::StaffId except);
    void CheckNotLastOwner(const core::Staff& staff);

    Context& m_context;
    db::StaffRepository m_staff;
};

// Argon2id (libsodium's crypto_pwhash_str at the interactive limits) of a password, and the
// check of one against such a hash.
std::string HashPassword(const std::string& password);
bool PasswordMatches(const std::string& hash, const std::string& password);
// A new password's length (kMinPasswordLength to kMaxPasswordLength bytes, any characters):
// db::ValidationError "password" when it is not.
void CheckNewPassword(const std::string& password);

}  // namespace myodesk::services
