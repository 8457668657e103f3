#include <myodesk/db/audit_repository.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/server_accounts.h>
#include <myodesk/services/account_service.h>
#include <myodesk/services/errors.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <sodium.h>
#include <utility>

namespace myodesk::services {

namespace {

void StartSodium() {
    if (sodium_init() < 0) {
        throw db::DatabaseError("The cryptography library (libsodium) could not start.");
    }
}

void CheckUsername(const std::string& username) {
    if (username.empty()) {
        throw db::ValidationError({{"username", core::ProblemCode::kRequired}});
    }
    if (!core::IsValidUsername(username)) {
        throw db::ValidationError({{"username", core::ProblemCode::kInvalidText}});
    }
}

std::string RoleChange(core::StaffRole from, core::StaffRole to) {
    return nlohmann::json{{"before", {{"role", core::ToCode(from)}}},
                          {"after", {{"role", core::ToCode(to)}}}}
        .dump();
}

}  // namespace

void CheckNewPassword(const std::string& password) {
    if (password.empty()) {
        throw db::ValidationError({{"password", core::ProblemCode::kRequired}});
    }
    if (password.size() > kMaxPasswordLength) {
        throw db::ValidationError(
            {{"password", core::ProblemCode::kTooLong, kMaxPasswordLength, 0, 0}});
    }
    if (password.size() < kMinPasswordLength) {
        throw db::ValidationError(
            {{"password", core::ProblemCode::kOutOfRange, 0,
              static_cast<double>(kMinPasswordLength), static_cast<double>(kMaxPasswordLength)}});
    }
}

std::string HashPassword(const std::string& password) {
    StartSodium();
    std::array<char, crypto_pwhash_STRBYTES> hash{};
    if (crypto_pwhash_str(hash.data(), password.data(), password.size(),
                          crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
        throw db::DatabaseError("Could not hash the password: out of memory.");
    }
    return std::string(hash.data());
}

bool PasswordMatches(const std::string& hash, const std::string& password) {
    StartSodium();
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

AccountService::AccountService(Context& context)
    : m_context(context), m_staff(context.Database(), context.GetClock().Storage()) {}

core::Staff AccountService::GetStaff(core::StaffId id) {
    auto staff = m_staff.Get(id);
    if (!staff) {
        throw db::NotFoundError(fmt::format("There is no staff member with id {}.", id));
    }
    return std::move(*staff);
}

void AccountService::CheckUsernameFree(const std::string& username, core::StaffId except) {
    if (m_staff.UsernameTaken(username, except)) {
        throw db::ValidationError({{"username", core::ProblemCode::kDuplicate}});
    }
}

void AccountService::CheckNotLastOwner(const core::Staff& staff) {
    if (staff.role != core::StaffRole::kOwner || !staff.active) {
        return;
    }
    const auto staff_list = m_staff.List(false);
    const auto owners = std::count_if(staff_list.begin(), staff_list.end(), [](const auto& s) {
        return s.role == core::StaffRole::kOwner && !s.username.empty();
    });
    if (owners <= 1) {
        throw RuleError(
            "The practice keeps at least one owner with an account: make another staff member "
            "the owner first.");
    }
}

core::Staff AccountService::SetUpOwner(const std::string& name, const std::string& username,
                                       const std::string& password) {
    m_context.ReadAccounts();
    if (m_context.AccountsOn()) {
        throw RuleError(
            "The practice already has an owner account: the owner adds staff (staff add).");
    }
    CheckUsername(username);
    CheckNewPassword(password);
    core::Staff owner{0, name, core::StaffRole::kOwner, true, username};
    db::ServerAccounts server(m_context.Database());
    db::Transaction transaction(m_context.Database());
    CheckUsernameFree(username, 0);
    m_staff.Add(owner);
    if (server.Enforced()) {
        // The administrator's connection: the groups, rights and the owner's login.
        server.Install();
    }
    KeepPassword(owner, password);
    m_context.SetDesk({owner, true, m_context.Desk().desk});
    m_context.Audit("accounts.set_up", std::nullopt, "staff", owner.id,
                    nlohmann::json{{"after", {{"username", username}, {"role", "owner"}}}}.dump());
    transaction.Commit();
    m_context.ReadAccounts();
    if (server.Enforced()) {
        m_context.Database().LogInAs({username, password});  // from now on as the owner
    }
    return owner;
}

core::Staff AccountService::AddStaff(core::Staff staff, const std::string& password) {
    m_context.Require(core::Right::kManageStaff);
    CheckUsername(staff.username);
    CheckNewPassword(password);
    db::Transaction transaction(m_context.Database());
    CheckUsernameFree(staff.username, 0);
    m_staff.Add(staff);
    KeepPassword(staff, password);
    m_context.Audit("staff.add", std::nullopt, "staff", staff.id,
                    nlohmann::json{{"after",
                                    {{"name", staff.name},
                                     {"username", staff.username},
                                     {"role", core::ToCode(staff.role)}}}}
                        .dump());
    transaction.Commit();
    m_context.ReadAccounts();
    return staff;
}

core::Staff AccountService::GiveAccount(core::StaffId id, const std::string& username,
                                        const std::string& password,
                                        std::optional<core::StaffRole> role) {
    m_context.Require(core::Right::kManageStaff);
    CheckUsername(username);
    CheckNewPassword(password);
    db::Transaction transaction(m_context.Database());
    core::Staff staff = GetStaff(id);
    CheckUsernameFree(username, id);
    const core::StaffRole before = staff.role;
    staff.username = username;
    if (role) {
        staff.role = *role;
    }
    m_staff.Update(staff);
    KeepPassword(staff, password);
    m_context.Audit("staff.account", std::nullopt, "staff", staff.id,
                    nlohmann::json{{"after", {{"username", username}}}}.dump());
    if (staff.role != before) {
        m_context.Audit("staff.role", std::nullopt, "staff", staff.id,
                        RoleChange(before, staff.role));
    }
    transaction.Commit();
    m_context.ReadAccounts();
    return staff;
}

void AccountService::SetPassword(const std::string& username, const std::string& password) {
    m_context.RequireSignedIn();
    const auto staff = m_staff.FindByUsername(username);
    const bool own = staff && m_context.Desk().StaffId() == staff->id;
    if (!own) {
        m_context.Require(core::Right::kManageStaff);
    }
    if (!staff) {
        throw db::NotFoundError(fmt::format("There is no account named '{}'.", username));
    }
    CheckNewPassword(password);
    db::Transaction transaction(m_context.Database());
    db::ServerAccounts server(m_context.Database());
    if (server.Enforced()) {
        server.SetPassword(username, password);
    } else {
        m_staff.SetPasswordHash(staff->id, HashPassword(password));
    }
    m_context.Audit("staff.password", std::nullopt, "staff", staff->id);
    transaction.Commit();
}

core::Staff AccountService::SetRole(core::StaffId id, core::StaffRole role) {
    m_context.Require(core::Right::kManageStaff);
    db::Transaction transaction(m_context.Database());
    core::Staff staff = GetStaff(id);
    if (staff.role == role) {
        transaction.Commit();  // nothing to change (an uncommitted inner one rolls back all)
        return staff;
    }
    CheckNotLastOwner(staff);
    const core::StaffRole before = staff.role;
    staff.role = role;
    m_staff.Update(staff);
    db::ServerAccounts server(m_context.Database());
    if (server.Enforced() && !staff.username.empty()) {
        server.SetRole(staff.username, before, role);
    }
    m_context.Audit("staff.role", std::nullopt, "staff", staff.id, RoleChange(before, role));
    transaction.Commit();
    m_context.ReadAccounts();
    return staff;
}

core::Staff AccountService::Deactivate(core::StaffId id) {
    m_context.Require(core::Right::kManageStaff);
    db::Transaction transaction(m_context.Database());
    core::Staff staff = GetStaff(id);
    if (!staff.active) {
        transaction.Commit();  // nothing to change
        return staff;
    }
    CheckNotLastOwner(staff);
    staff.active = false;
    m_staff.Update(staff);
    db::ServerAccounts server(m_context.Database());
    if (server.Enforced() && !staff.username.empty()) {
        server.Disable(staff.username);
    }
    m_context.Audit("staff.deactivate", std::nullopt, "staff", staff.id);
    transaction.Commit();
    m_context.ReadAccounts();
    return staff;
}

core::Staff AccountService::SignIn(const std::string& username, const std::string& password) {
    db::AuditRepository audit(m_context.Database(), m_context.GetClock().Storage());
    const auto failures = audit.FailedSignInsSinceSuccess(username, kFreeAttempts + 10);
    if (static_cast<int>(failures.size()) >= kFreeAttempts) {
        const auto extra = static_cast<int>(failures.size()) - kFreeAttempts;
        const std::int64_t wait =
            std::min(kLongestWaitSeconds, kFirstWaitSeconds << std::min(extra, 10));
        if (const auto last = db::ParseUtcTimestamp(failures.front())) {
            const auto waited =
                std::chrono::duration_cast<std::chrono::seconds>(m_context.GetClock().Now() - *last)
                    .count();
            if (waited < wait) {
                throw SignInTooSoonError(wait - waited);
            }
        }
    }
    const auto staff = m_staff.FindByUsername(username);
    if (!staff || !staff->active || !PasswordAccepted(*staff, password)) {
        db::AuditEntry failed;
        failed.staff_id = staff ? std::optional<core::StaffId>(staff->id) : std::nullopt;
        failed.username = core::IsValidUsername(username) ? username : "(not a username)";
        failed.desk = m_context.Desk().desk;
        failed.action = db::kAuditSignInFailed;
        try {
            audit.Append(failed);
        } catch (const db::DatabaseError&) {
            // PostgreSQL: a login that is none of the practice's (the desk's connection before
            // anyone signed in) may not write the log; the server's own log has the failure.
            if (!db::ServerAccounts(m_context.Database()).Enforced()) {
                throw;
            }
        }
        throw SignInFailedError();
    }
    const DeskSession before = m_context.Desk();
    m_context.SetDesk({*staff, true, before.desk});
    m_context.Audit(db::kAuditSignIn);
    return *staff;
}

bool AccountService::PasswordAccepted(const core::Staff& staff, const std::string& password) {
    db::ServerAccounts server(m_context.Database());
    if (!server.Enforced()) {
        const auto hash = m_staff.PasswordHash(staff.id);
        return hash && PasswordMatches(*hash, password);
    }
    // The server checks it: signing in is logging in, on a connection of the user's own.
    try {
        m_context.Database().LogInAs({staff.username, password});
    } catch (const db::LoginRefusedError&) {
        return false;
    }
    return true;
}

void AccountService::KeepPassword(const core::Staff& staff, const std::string& password) {
    db::ServerAccounts server(m_context.Database());
    if (server.Enforced()) {
        server.CreateLogin(staff.username, password, staff.role);
    } else {
        m_staff.SetPasswordHash(staff.id, HashPassword(password));
    }
}

std::optional<core::Staff> AccountService::SignInAsServerLogin() {
    db::ServerAccounts server(m_context.Database());
    if (!server.Enforced() || !m_context.AccountsOn()) {
        return std::nullopt;
    }
    const auto staff = m_staff.FindByUsername(server.SessionLogin());
    if (!staff || !staff->active) {
        return std::nullopt;
    }
    m_context.SetDesk({*staff, true, m_context.Desk().desk});
    m_context.Audit(db::kAuditSignIn);
    return staff;
}

void AccountService::SignOut(bool lock) {
    const DeskSession& desk = m_context.Desk();
    if (desk.signed_in && desk.staff) {
        m_context.Audit(lock ? "lock" : "sign_out");
    }
    m_context.SetDesk({std::nullopt, false, desk.desk});
}

}  // namespace myodesk::services
