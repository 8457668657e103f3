#pragma once

#include <myodesk/core/staff.h>
#include <myodesk/db/database.h>

#include <string>
#include <vector>

namespace myodesk::db {

// PostgreSQL keeps MyoDesk's accounts itself (docs/roles.md): each account is a login role of
// the server (its password a SCRAM-SHA-256 verifier the server checks), a member of one group
// role per MyoDesk role. GRANTs and row-level security give each group what the app gives the
// role, so a login reads and changes through psql no more than the app would show it. SQLite
// has no server: there the services enforce the rights, and these calls are never made.
//
// Role names are the server's, shared by all its databases: the groups carry a tag of this
// practice's database and schema ("myodesk_1a2b3c4d5e_therapist"), and a login is the
// account's username, so two practices on one server cannot share a username.
class ServerAccounts {
  public:
    explicit ServerAccounts(Database& database);

    // Whether the database is a server that keeps the accounts (PostgreSQL).
    bool Enforced() const;

    // Creates the practice's group roles and gives them their rights: the tables each may read
    // and change, row-level security on the notes (a private note read only by its author and
    // the owner; a note changed only by its author or the owner), the audit log readable by
    // owner and manager and changed by nobody. Run by the database administrator (a login that
    // owns the schema and may create roles) at `setup`; running it again changes nothing.
    void Install();
    // Whether Install() has run for this practice (its owner group exists).
    bool Installed();
    // The group role of `role` in this practice.
    std::string GroupRole(core::StaffRole role);

    // A login for a new account, in its role's group. The owner's login may create, change and
    // drop the practice's logins (CREATEROLE, and admin of the groups). The password goes to the
    // server as a verifier only. DatabaseError when the name is taken on the server.
    void CreateLogin(const std::string& username, const std::string& password,
                     core::StaffRole role);
    void SetPassword(const std::string& username, const std::string& password);
    // An existing login of the server (another database's, as after a restore of a backup on
    // the same server) joins this practice's group of `role`; its password is left as it is.
    void JoinGroup(const std::string& username, core::StaffRole role);
    // Moves the login from one group to the other.
    void SetRole(const std::string& username, core::StaffRole from, core::StaffRole to);
    // A leaver's login can no longer sign in (NOLOGIN); their notes still name them.
    void Disable(const std::string& username);
    // A returning member's login may sign in again.
    void Enable(const std::string& username);
    // Whether a role of that name exists on the server (any database's).
    bool LoginExists(const std::string& username);

    // The login the connection is signed in as (session_user).
    std::string SessionLogin();

    // For tests: drops this practice's logins (the usernames given) and groups.
    void DropAll(const std::vector<std::string>& usernames);

  private:
    std::string PasswordVerifier(const std::string& username, const std::string& password);
    std::string Tag();

    Database& m_database;
    std::string m_tag;
};

}  // namespace myodesk::db
