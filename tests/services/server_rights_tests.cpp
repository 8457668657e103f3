// PostgreSQL enforces the roles itself (issue 17, db::ServerAccounts): checked through a plain
// connection as each account's login, as someone with psql would try, not through the app.
// A private note is invisible to another therapist and the manager, the front desk cannot read
// clinical tables, nobody changes another's note, and nobody can UPDATE or DELETE the audit log,
// which records what a login changes behind the app's back.

#include "accounts_practice.h"
#include "soci_session.h"
#include "test_database.h"

#include <myodesk/db/errors.h>
#include <myodesk/db/server_accounts.h>
#include <myodesk/services/account_service.h>
#include <myodesk/services/appointment_service.h>
#include <myodesk/services/audit_service.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/errors.h>
#include <myodesk/services/note_service.h>
#include <myodesk/services/staff_service.h>

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

#include <chrono>
#include <string>

using namespace myodesk;

namespace {

using test::kPassword;
using test::kToday;

// The practice's database on the test server, open (as its administrator) before the practice
// is set up in it.
struct ServerDatabase {
    ServerDatabase() : test_db(test::TestDatabase::Postgresql()), database(test_db.Open()) {}

    test::TestDatabase test_db;
    db::Database database;
};

// The accounts' practice (accounts_practice.h) on a server: the owner (olive), therapists tess
// and theo, manager mia and front desk fred, as server logins made by the services, as `setup`
// and `staff add` make them; Ann with Tess's private note and Theo's ordinary one.
struct ServerPractice : ServerDatabase, test::AccountsPractice {
    ServerPractice() : AccountsPractice(database) {}

    // A plain connection to the practice as `login`, as psql would make it (the database's
    // own connection, with no service over it).
    struct Plain {
        db::Database database;
        soci::session& operator*() { return db::SociSession(database); }
    };
    Plain ConnectAs(const std::string& login, const std::string& password = kPassword) const {
        db::OpenOptions options;
        options.migrate = false;
        options.login = db::ServerLogin{login, password};
        return Plain{db::OpenDatabase(test_db.Location(), options)};
    }
};

int Count(soci::session& session, const std::string& sql) {
    int count = 0;
    session << sql, soci::into(count);
    return count;
}

// Whether the server refuses the statement for lack of a right.
bool Denied(soci::session& session, const std::string& sql) {
    try {
        session << sql;
    } catch (const soci::soci_error& error) {
        return std::string(error.what()).find("permission denied") != std::string::npos;
    }
    return false;
}

// Rows the statement changed.
long long Changed(soci::session& session, const std::string& sql) {
    soci::statement statement = (session.prepare << sql);
    statement.execute(true);
    return statement.get_affected_rows();
}

}  // namespace

// A case for PostgreSQL only: SQLite has no server to enforce anything.
#define SERVER_TEST(name)                                               \
    BOOST_AUTO_TEST_CASE(name, *boost::unit_test::label("postgresql") * \
                                   boost::unit_test::precondition(test::PostgresqlConfigured{}))

BOOST_AUTO_TEST_SUITE(server_rights_tests)

SERVER_TEST(a_private_note_is_read_by_its_author_and_the_owner_only) {
    ServerPractice practice;
    const std::string notes = "SELECT COUNT(*) FROM session_notes";
    BOOST_TEST(Count(*practice.ConnectAs("tess"), notes) == 2);
    BOOST_TEST(Count(*practice.ConnectAs("olive"), notes) == 2);
    BOOST_TEST(Count(*practice.ConnectAs("theo"), notes) == 1);
    BOOST_TEST(Count(*practice.ConnectAs("mia"), notes) == 1);
    // The note's parts follow it.
    const std::string regions = "SELECT COUNT(*) FROM session_note_regions WHERE note_id = " +
                                std::to_string(practice.private_note.id);
    BOOST_TEST(Count(*practice.ConnectAs("tess"), regions) > 0);
    BOOST_TEST(Count(*practice.ConnectAs("theo"), regions) == 0);
}

SERVER_TEST(the_front_desk_reads_the_book_and_contact_details_but_nothing_clinical) {
    ServerPractice practice;
    auto fred = practice.ConnectAs("fred");
    BOOST_TEST(Count(*fred, "SELECT COUNT(*) FROM clients") == 1);
    BOOST_TEST(Count(*fred, "SELECT COUNT(*) FROM appointments") == 0);
    for (const char* table : {"session_notes", "session_note_regions", "session_note_amendments",
                              "intakes", "intake_conditions", "training_entries", "audit_log"}) {
        BOOST_TEST_INFO("table " << table);
        BOOST_TEST(Denied(*fred, std::string("SELECT * FROM ") + table));
    }
    // A note's time, which holds its slot in the book, but not a word of it.
    BOOST_TEST(Count(*fred, "SELECT COUNT(session_date) FROM session_notes") == 2);
    BOOST_TEST(Denied(*fred, "SELECT subjective FROM session_notes"));
    // Not even the hash SQLite would keep of a password.
    BOOST_TEST(Denied(*fred, "SELECT password_hash FROM staff"));
}

SERVER_TEST(nobody_changes_another_therapists_note) {
    ServerPractice practice;
    const std::string theos = std::to_string(practice.theos_note.id);
    const std::string change = "UPDATE session_notes SET subjective = 'changed' WHERE id = ";
    // Tess reads Theo's note but changes nothing in it; the manager has no right to change notes.
    BOOST_TEST(Changed(*practice.ConnectAs("tess"), change + theos) == 0);
    BOOST_TEST(Denied(*practice.ConnectAs("mia"), change + theos));
    BOOST_TEST(Changed(*practice.ConnectAs("tess"),
                       "DELETE FROM session_note_regions WHERE note_id = " + theos) == 0);
    // Theo's own note is his to change, and the server records that he did, before and after.
    BOOST_TEST(Changed(*practice.ConnectAs("theo"), change + theos) == 1);
    auto olive = practice.ConnectAs("olive");
    std::string detail;
    *olive << "SELECT detail FROM audit_log WHERE action = 'db.update' AND username = 'theo' AND "
              "record = 'session_notes' AND record_id = " +
                  theos,
        soci::into(detail);
    BOOST_TEST(detail.find("\"subjective\": \"changed\"") != std::string::npos);
}

SERVER_TEST(nobody_can_change_or_delete_the_audit_log) {
    ServerPractice practice;
    for (const char* login : {"olive", "mia", "tess", "fred"}) {
        BOOST_TEST_INFO("login " << login);
        auto session = practice.ConnectAs(login);
        BOOST_TEST(Denied(*session, "UPDATE audit_log SET action = 'nothing'"));
        BOOST_TEST(Denied(*session, "DELETE FROM audit_log"));
        BOOST_TEST(Denied(*session, "TRUNCATE audit_log"));
        BOOST_TEST(Denied(*session,
                          "INSERT INTO audit_log (at, action, previous_hash, hash) VALUES "
                          "('2026-12-02T09:00:00Z', 'sign_in', '', '')"));
    }
    // Owner and manager read it; a therapist does not.
    BOOST_TEST(Count(*practice.ConnectAs("mia"), "SELECT COUNT(*) FROM audit_log") > 0);
    BOOST_TEST(Denied(*practice.ConnectAs("tess"), "SELECT * FROM audit_log"));
    // A login writes rows only as itself, however it calls the server's function.
    auto tess = practice.ConnectAs("tess");
    long long id = 0;
    *tess << "SELECT audit_append('2026-12-02T09:00:00Z', NULL, 'olive', 'desk', 'client.open', "
             "NULL, '', NULL, '')",
        soci::into(id);
    std::string username;
    *practice.ConnectAs("olive") << "SELECT username FROM audit_log WHERE id = " +
                                        std::to_string(id),
        soci::into(username);
    BOOST_TEST(username == "tess");
    // The chain the server keeps is the one `audit verify` checks.
    services::AccountService(practice.context).SignIn("olive", kPassword);
    const auto verified = services::AuditService(practice.context).Verify();
    BOOST_TEST(!verified.first_broken_id.has_value());
    BOOST_TEST(verified.rows_checked > 10);
}

SERVER_TEST(signing_in_is_logging_in_to_the_server) {
    ServerPractice practice;
    services::AccountService accounts(practice.context);
    BOOST_TEST(db::ServerAccounts(practice.database).SessionLogin() == "theo");
    BOOST_CHECK_THROW(practice.ConnectAs("tess", "wrong password"), db::LoginRefusedError);
    BOOST_CHECK_THROW(accounts.SignIn("tess", "wrong password"), services::SignInFailedError);
    // A failed sign-in leaves the desk's connection as it was.
    BOOST_TEST(db::ServerAccounts(practice.database).SessionLogin() == "theo");
    accounts.SignIn("olive", kPassword);
    BOOST_TEST(db::ServerAccounts(practice.database).SessionLogin() == "olive");

    // A leaver's login is turned off; a new role moves the login to the new group.
    accounts.Deactivate(practice.theo.id);
    BOOST_CHECK_THROW(practice.ConnectAs("theo"), db::LoginRefusedError);
    core::Staff back = practice.theo;
    back.active = true;
    services::StaffService(practice.context).Update(back);
    BOOST_TEST(Count(*practice.ConnectAs("theo"), "SELECT 1") == 1);
    accounts.SetRole(practice.tess.id, core::StaffRole::kFrontDesk);
    BOOST_TEST(Denied(*practice.ConnectAs("tess"), "SELECT * FROM session_notes"));
    // A new password is the server's to check.
    accounts.SetPassword("mia", "a new passphrase");
    BOOST_CHECK_THROW(practice.ConnectAs("mia"), db::LoginRefusedError);
    BOOST_TEST(Count(*practice.ConnectAs("mia", "a new passphrase"), "SELECT 1") == 1);
    // A double quote cannot reach the server through the connection string (SOCI's reading).
    BOOST_CHECK_THROW(accounts.SetPassword("mia", "say \"cheese\" now"), db::ValidationError);
}

SERVER_TEST(a_connection_already_signed_in_as_an_account_is_that_user) {
    ServerPractice practice;
    auto database =
        db::OpenDatabase(practice.test_db.Location() + " user=mia password='" + kPassword + "'");
    services::Context context(database, services::Clock::FixedOn(kToday));
    const auto staff = services::AccountService(context).SignInAsServerLogin();
    BOOST_TEST_REQUIRE(staff.has_value());
    BOOST_TEST(staff->name == "Mia");
    BOOST_TEST(context.Desk().signed_in);
}

SERVER_TEST(the_front_desk_books_and_reads_the_day_with_no_intake_to_read) {
    ServerPractice practice;
    services::AccountService(practice.context).SignIn("fred", kPassword);
    services::AppointmentService book(practice.context);
    core::Appointment appointment = practice.AnnTomorrowWith(practice.theo.id, 14 * 60);
    book.Book(appointment, true);
    BOOST_TEST(appointment.id > 0);
    const services::BookDay day = book.Day(appointment.date);
    BOOST_TEST(day.entries.size() == 1u);
    // No flag mark: the front desk's login reads no intake on a server.
    BOOST_TEST(!day.entries.front().flag.has_value());
}

BOOST_AUTO_TEST_SUITE_END()
