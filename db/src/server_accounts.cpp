#include "guard.h"
#include "soci_session.h"

#include <myodesk/db/errors.h>
#include <myodesk/db/server_accounts.h>

#include <fmt/format.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <array>
#include <libpq-fe.h>

namespace myodesk::db {

namespace {

constexpr std::array kRoles = {core::StaffRole::kOwner, core::StaffRole::kManager,
                               core::StaffRole::kTherapist, core::StaffRole::kFrontDesk};

// A login's name in SQL. Usernames are core::IsValidUsername (a-z, 0-9, '.', '_', '-'), checked
// again here as this text is spliced into statements that take no parameters (CREATE ROLE).
std::string QuotedLogin(const std::string& username) {
    if (!core::IsValidUsername(username)) {
        throw DatabaseError(fmt::format("'{}' is not a username.", username));
    }
    return "\"" + username + "\"";
}

// The tables every role reads: the book, the clients' contact details, the practice's set-up.
// The book keeps a plan's sessions in step with their appointments (a cancelled one is
// missed), so plans are read and changed through it by every role too (docs/roles.md).
constexpr const char* kEveryoneReads[] = {"clients",       "clinic_settings", "rooms",
                                          "services",      "clinic_hours",    "staff_hours",
                                          "days_off",      "appointments",    "appointment_series",
                                          "plan_sessions", "plans",           "schema_migrations"};
constexpr const char* kEveryoneChanges[] = {"clients", "appointments", "appointment_series",
                                            "plan_sessions", "plans"};
// Health history, notes and training: the owner and therapists write them, the manager reads
// them, the front desk has no right to them at all.
constexpr const char* kClinical[] = {"intakes",
                                     "intake_conditions",
                                     "intake_medications",
                                     "intake_health_events",
                                     "intake_recent_runs",
                                     "intake_soreness",
                                     "intake_avoid_regions",
                                     "session_notes",
                                     "session_note_techniques",
                                     "session_note_regions",
                                     "session_note_amendments",
                                     "training_entries"};
// The practice's settings: owner and manager change them.
constexpr const char* kSettings[] = {"clinic_settings", "rooms",       "services",
                                     "clinic_hours",    "staff_hours", "days_off"};
// Everything about a staff member but their SQLite password hash (unused on a server).
constexpr const char* kStaffColumns = "id, name, sort_name, role, active, created_at, username";
// When a session was and who was in it: what the book needs of a note to keep its slot.
constexpr const char* kNoteSlotColumns =
    "id, client_id, therapist_id, session_date, start_minute, duration_min";
// A note's parts, read and written with their note.
constexpr const char* kNoteParts[] = {"session_note_techniques", "session_note_regions",
                                      "session_note_amendments"};

void Run(soci::session& session, const std::string& sql) {
    session << sql;
}

}  // namespace

ServerAccounts::ServerAccounts(Database& database) : m_database(database) {}

bool ServerAccounts::Enforced() const {
    return m_database.GetDialect().backend == Backend::kPostgresql;
}

std::string ServerAccounts::Tag() {
    if (m_tag.empty()) {
        SociSession(m_database)
            << "SELECT substr(md5(current_database() || '/' || current_schema()), 1, 10)",
            soci::into(m_tag);
    }
    return m_tag;
}

bool ServerAccounts::Installed() {
    return LoginExists(GroupRole(core::StaffRole::kOwner));
}

std::string ServerAccounts::GroupRole(core::StaffRole role) {
    return fmt::format("myodesk_{}_{}", Tag(), core::ToCode(role));
}

void ServerAccounts::Install() {
    Guard("set up the server's accounts", [&] {
        Transaction transaction(m_database);
        soci::session& session = SociSession(m_database);
        std::string schema;
        session << "SELECT quote_ident(current_schema())", soci::into(schema);
        for (const core::StaffRole role : kRoles) {
            const std::string group = GroupRole(role);
            int exists = 0;
            session << "SELECT COUNT(*) FROM pg_roles WHERE rolname = :name",
                soci::use(group, "name"), soci::into(exists);
            if (exists == 0) {
                Run(session, fmt::format("CREATE ROLE {} NOLOGIN", group));
            }
            Run(session, fmt::format("GRANT USAGE ON SCHEMA {} TO {}", schema, group));
            Run(session,
                fmt::format("GRANT USAGE ON ALL SEQUENCES IN SCHEMA {} TO {}", schema, group));
            Run(session, fmt::format("GRANT SELECT ({}) ON staff TO {}", kStaffColumns, group));
            for (const char* table : kEveryoneReads) {
                Run(session, fmt::format("GRANT SELECT ON {} TO {}", table, group));
            }
            for (const char* table : kEveryoneChanges) {
                Run(session, fmt::format("GRANT INSERT, UPDATE, DELETE ON {} TO {}", table, group));
            }
            Run(session,
                fmt::format("GRANT EXECUTE ON FUNCTION audit_append(TEXT, BIGINT, TEXT, TEXT, "
                            "TEXT, BIGINT, TEXT, BIGINT, TEXT) TO {}",
                            group));
        }
        const std::string owner = GroupRole(core::StaffRole::kOwner);
        const std::string manager = GroupRole(core::StaffRole::kManager);
        const std::string therapist = GroupRole(core::StaffRole::kTherapist);
        for (const char* table : kClinical) {
            Run(session, fmt::format("GRANT SELECT, INSERT, UPDATE, DELETE ON {} TO {}, {}", table,
                                     owner, therapist));
            Run(session, fmt::format("GRANT SELECT ON {} TO {}", table, manager));
        }
        for (const char* table : kSettings) {
            Run(session,
                fmt::format("GRANT INSERT, UPDATE, DELETE ON {} TO {}, {}", table, owner, manager));
        }
        Run(session, fmt::format("GRANT INSERT, UPDATE ({}) ON staff TO {}", kStaffColumns, owner));
        // The front desk books around the therapists' sessions (a note's time holds its slot as
        // an appointment does): it reads when each note was, never what it says.
        Run(session, fmt::format("GRANT SELECT ({}) ON session_notes TO {}", kNoteSlotColumns,
                                 GroupRole(core::StaffRole::kFrontDesk)));
        Run(session, fmt::format("GRANT SELECT ON audit_log TO {}, {}", owner, manager));
        // The owner backs the practice up with pg_dump as their own login: a backup holds every
        // table (as migration 14 gives a practice set up before it).
        Run(session, fmt::format("GRANT SELECT ON ALL TABLES IN SCHEMA {} TO {}", schema, owner));
        Run(session,
            fmt::format("GRANT SELECT ON ALL SEQUENCES IN SCHEMA {} TO {}", schema, owner));
        // Nobody but the administrator changes the log: no INSERT, UPDATE or DELETE for any
        // group (rows come through audit_append), and none for PUBLIC.
        Run(session, "REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC");

        // Row-level security on the notes. The functions read the login's own staff row (every
        // group reads staff); they run as the caller, so current_user is the login. The front
        // desk sees every note's row, but only its slot's columns (the GRANT above).
        Run(session, fmt::format(R"(
            CREATE OR REPLACE FUNCTION note_readable_by_login(therapist BIGINT, private INTEGER)
            RETURNS BOOLEAN LANGUAGE sql STABLE SET search_path = {} AS $$
                SELECT EXISTS (SELECT 1 FROM staff s WHERE s.username = current_user
                    AND s.active = 1 AND (s.role IN ('owner', 'front_desk')
                    OR (s.role IN ('manager', 'therapist') AND (private = 0
                    OR s.id = therapist))))
            $$)",
                                 schema));
        Run(session, fmt::format(R"(
            CREATE OR REPLACE FUNCTION note_writable_by_login(therapist BIGINT)
            RETURNS BOOLEAN LANGUAGE sql STABLE SET search_path = {} AS $$
                SELECT EXISTS (SELECT 1 FROM staff s WHERE s.username = current_user
                    AND s.active = 1 AND (s.role = 'owner' OR (s.role = 'therapist'
                    AND s.id = therapist)))
            $$)",
                                 schema));
        Run(session, "ALTER TABLE session_notes ENABLE ROW LEVEL SECURITY");
        const auto policy = [&](const char* table, const char* name, const std::string& rule) {
            Run(session, fmt::format("DROP POLICY IF EXISTS {} ON {}", name, table));
            Run(session, fmt::format("CREATE POLICY {} ON {} {}", name, table, rule));
        };
        policy("session_notes", "note_read",
               "FOR SELECT USING (note_readable_by_login(therapist_id, is_private))");
        policy("session_notes", "note_add",
               "FOR INSERT WITH CHECK (note_writable_by_login(therapist_id))");
        policy("session_notes", "note_change",
               "FOR UPDATE USING (note_writable_by_login(therapist_id)) "
               "WITH CHECK (note_writable_by_login(therapist_id))");
        policy("session_notes", "note_remove",
               "FOR DELETE USING (note_writable_by_login(therapist_id))");
        // A part follows its note; the note's own policy decides whether it is seen.
        const std::string writable =
            "note_writable_by_login((SELECT n.therapist_id FROM session_notes n WHERE n.id = "
            "note_id))";
        for (const char* table : kNoteParts) {
            Run(session, fmt::format("ALTER TABLE {} ENABLE ROW LEVEL SECURITY", table));
            policy(table, "note_part_read",
                   "FOR SELECT USING (EXISTS (SELECT 1 FROM session_notes n WHERE n.id = "
                   "note_id))");
            policy(table, "note_part_add", "FOR INSERT WITH CHECK (" + writable + ")");
            policy(table, "note_part_change",
                   "FOR UPDATE USING (" + writable + ") WITH CHECK (" + writable + ")");
            policy(table, "note_part_remove", "FOR DELETE USING (" + writable + ")");
        }
        transaction.Commit();
    });
}

std::string ServerAccounts::PasswordVerifier(const std::string& username,
                                             const std::string& password) {
    // Signing in passes the password in the connection string, which SOCI cannot give a double
    // quote through (backend_connections.cpp).
    if (password.find('"') != std::string::npos) {
        throw ValidationError({{"password", core::ProblemCode::kInvalidText}});
    }
    auto* backend =
        static_cast<soci::postgresql_session_backend*>(SociSession(m_database).get_backend());
    char* verifier =
        PQencryptPasswordConn(backend->conn_, password.c_str(), username.c_str(), "scram-sha-256");
    if (verifier == nullptr) {
        throw DatabaseError(fmt::format("Could not prepare the password for the server: {}",
                                        PQerrorMessage(backend->conn_)));
    }
    std::string text(verifier);
    PQfreemem(verifier);
    // SCRAM-SHA-256$<iterations>:<salt>$<stored key>:<server key>, all base64: never a quote.
    if (text.find_first_of("'\\") != std::string::npos) {
        throw DatabaseError("The server's password verifier was not in the expected form.");
    }
    return text;
}

void ServerAccounts::CreateLogin(const std::string& username, const std::string& password,
                                 core::StaffRole role) {
    const std::string login = QuotedLogin(username);
    const std::string verifier = PasswordVerifier(username, password);
    Guard("add the account on the server", [&] {
        Transaction transaction(m_database);
        soci::session& session = SociSession(m_database);
        if (LoginExists(username)) {
            throw ValidationError({{"username", core::ProblemCode::kDuplicate}});
        }
        Run(session, fmt::format("CREATE ROLE {} LOGIN PASSWORD '{}' IN ROLE {}", login, verifier,
                                 GroupRole(role)));
        if (role == core::StaffRole::kOwner) {
            SetRole(username, core::StaffRole::kOwner, core::StaffRole::kOwner);
        }
        transaction.Commit();
    });
}

void ServerAccounts::SetPassword(const std::string& username, const std::string& password) {
    const std::string login = QuotedLogin(username);
    const std::string verifier = PasswordVerifier(username, password);
    Guard("change the password on the server", [&] {
        Run(SociSession(m_database), fmt::format("ALTER ROLE {} PASSWORD '{}'", login, verifier));
    });
}

void ServerAccounts::JoinGroup(const std::string& username, core::StaffRole role) {
    Guard("give the login its role in this practice", [&] {
        Transaction transaction(m_database);
        Run(SociSession(m_database),
            fmt::format("GRANT {} TO {}", GroupRole(role), QuotedLogin(username)));
        SetRole(username, role, role);  // the owner's CREATEROLE and admin of the groups
        transaction.Commit();
    });
}

void ServerAccounts::SetRole(const std::string& username, core::StaffRole from,
                             core::StaffRole to) {
    const std::string login = QuotedLogin(username);
    Guard("change the account's role on the server", [&] {
        Transaction transaction(m_database);
        soci::session& session = SociSession(m_database);
        if (from != to) {
            Run(session, fmt::format("REVOKE {} FROM {}", GroupRole(from), login));
            Run(session, fmt::format("GRANT {} TO {}", GroupRole(to), login));
        }
        // The owner adds, changes and removes the practice's logins: CREATEROLE, and the
        // groups' admin option (which PostgreSQL 16 and later require to grant them).
        const bool owner = to == core::StaffRole::kOwner;
        Run(session, fmt::format("ALTER ROLE {} {}", login, owner ? "CREATEROLE" : "NOCREATEROLE"));
        for (const core::StaffRole role : kRoles) {
            if (owner) {
                Run(session,
                    fmt::format("GRANT {} TO {} WITH ADMIN OPTION", GroupRole(role), login));
            } else if (from == core::StaffRole::kOwner) {
                Run(session,
                    fmt::format("REVOKE ADMIN OPTION FOR {} FROM {}", GroupRole(role), login));
                if (role != to) {
                    Run(session, fmt::format("REVOKE {} FROM {}", GroupRole(role), login));
                }
            }
        }
        transaction.Commit();
    });
}

void ServerAccounts::Disable(const std::string& username) {
    const std::string login = QuotedLogin(username);
    Guard("turn off the account on the server",
          [&] { Run(SociSession(m_database), fmt::format("ALTER ROLE {} NOLOGIN", login)); });
}

void ServerAccounts::Enable(const std::string& username) {
    const std::string login = QuotedLogin(username);
    Guard("turn on the account on the server",
          [&] { Run(SociSession(m_database), fmt::format("ALTER ROLE {} LOGIN", login)); });
}

bool ServerAccounts::LoginExists(const std::string& username) {
    return Guard("read the server's accounts", [&] {
        std::string name = username;
        int count = 0;
        SociSession(m_database) << "SELECT COUNT(*) FROM pg_roles WHERE rolname = :name",
            soci::use(name, "name"), soci::into(count);
        return count > 0;
    });
}

std::string ServerAccounts::SessionLogin() {
    return Guard("read who is signed in", [&] {
        std::string login;
        SociSession(m_database) << "SELECT session_user", soci::into(login);
        return login;
    });
}

void ServerAccounts::DropAll(const std::vector<std::string>& usernames) {
    soci::session& session = SociSession(m_database);
    for (const std::string& username : usernames) {
        if (LoginExists(username)) {
            Run(session, fmt::format("DROP OWNED BY {}", QuotedLogin(username)));
            Run(session, fmt::format("DROP ROLE {}", QuotedLogin(username)));
        }
    }
    for (const core::StaffRole role : kRoles) {
        if (LoginExists(GroupRole(role))) {
            Run(session, fmt::format("DROP OWNED BY {}", GroupRole(role)));
            Run(session, fmt::format("DROP ROLE {}", GroupRole(role)));
        }
    }
}

}  // namespace myodesk::db
