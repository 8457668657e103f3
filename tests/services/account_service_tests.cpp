// Accounts (issue 17) through the services, once for the GUI and the CLI, on both backends:
// each role's rights, signing tied to the note's therapist, private notes, slowed sign-ins, and
// the audit log's chain and signed notes' hashes catching a change made outside MyoDesk.

#include "accounts_practice.h"
#include "least_treatment.h"
#include "soci_session.h"
#include "test_database.h"

#include <myodesk/core/rights.h>
#include <myodesk/db/audit_repository.h>
#include <myodesk/services/account_service.h>
#include <myodesk/services/appointment_service.h>
#include <myodesk/services/audit_service.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/errors.h>
#include <myodesk/services/intake_service.h>
#include <myodesk/services/note_service.h>
#include <myodesk/services/staff_service.h>
#include <myodesk/services/training_service.h>

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

#include <chrono>
#include <map>
#include <string>

using namespace myodesk;

using test::AccountsPractice;
using test::kPassword;
using test::kToday;
using Practice = AccountsPractice;

namespace {

// Another therapist's private note: refused by the services (SQLite), or not there at all for
// the login (PostgreSQL's row-level security, server_rights_tests.cpp).
template <typename Action>
bool RefusesPrivate(const test::TestDatabase& test_db, Action&& action) {
    try {
        action();
    } catch (const services::NotAllowedError&) {
        return test_db.GetBackend() == db::Backend::kSqlite;
    } catch (const db::NotFoundError&) {
        return test_db.GetBackend() == db::Backend::kPostgresql;
    }
    return false;
}

template <typename Error, typename Action>
bool Refuses(Action&& action) {
    try {
        action();
    } catch (const Error&) {
        return true;
    }
    return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(account_service_tests)

BOOST_AUTO_TEST_CASE(the_rights_table_gives_each_role_its_own, *boost::unit_test::label("pure")) {
    using core::Right;
    using core::StaffRole;
    for (const Right right : core::kAllRights) {
        BOOST_TEST(core::HasRight(StaffRole::kOwner, right));
        BOOST_TEST((core::RightFromCode(core::ToCode(right)) == right));
    }
    BOOST_TEST(!core::HasRight(StaffRole::kFrontDesk, Right::kReadClinical));
    BOOST_TEST(core::HasRight(StaffRole::kFrontDesk, Right::kSchedule));
    BOOST_TEST(core::HasRight(StaffRole::kManager, Right::kReadClinical));
    BOOST_TEST(!core::HasRight(StaffRole::kManager, Right::kSignNotes));
    BOOST_TEST(core::HasRight(StaffRole::kTherapist, Right::kSignNotes));
    BOOST_TEST(!core::HasRight(StaffRole::kTherapist, Right::kReadAudit));
    BOOST_TEST(!core::HasRight(StaffRole::kManager, Right::kManageStaff));
}

MYODESK_DB_TEST(nobody_signed_in_reads_nothing_once_there_are_accounts) {
    auto database = test_db.Open();
    Practice practice(database);
    services::AccountService(practice.context).SignOut();
    BOOST_TEST(practice.context.AccountsOn());
    BOOST_TEST(Refuses<services::NotSignedInError>(
        [&] { services::ClientService(practice.context).Search({}, 0, 10); }));
    BOOST_TEST(Refuses<services::NotSignedInError>(
        [&] { services::NoteService(practice.context).Get(practice.theos_note.id); }));
}

MYODESK_DB_TEST(a_therapist_signs_only_their_own_notes_and_reads_no_private_one) {
    auto database = test_db.Open();
    Practice practice(database);
    services::NoteService notes(practice.context);
    practice.SignIn("theo");
    // Tess's note: neither signed by Theo, nor named as Tess's signature, nor read.
    BOOST_TEST(
        RefusesPrivate(test_db, [&] { notes.Sign(practice.private_note.id, std::nullopt); }));
    BOOST_TEST(
        RefusesPrivate(test_db, [&] { notes.Sign(practice.private_note.id, practice.tess.id); }));
    BOOST_TEST(RefusesPrivate(test_db, [&] { notes.Get(practice.private_note.id); }));
    // In the list: that there was a session, not what was done (on PostgreSQL not even that).
    const auto listed = notes.ListForClient(practice.ann, 0, 10);
    BOOST_REQUIRE(listed.size() == (test_db.GetBackend() == db::Backend::kSqlite ? 2u : 1u));
    for (const auto& summary : listed) {
        if (summary.id == practice.private_note.id) {
            BOOST_TEST(summary.is_private);
            BOOST_TEST(summary.regions.empty());
            BOOST_TEST(summary.techniques.empty());
        }
    }
    // His own: signed by him.
    const auto signed_note = notes.Sign(practice.theos_note.id, std::nullopt);
    BOOST_TEST((signed_note.signed_by == practice.theo.id));
    // Tess and the owner read the private note; only Tess signs it.
    practice.SignIn("olive");
    BOOST_TEST(notes.Get(practice.private_note.id).is_private);
    BOOST_TEST(Refuses<services::NotAllowedError>(
        [&] { notes.Sign(practice.private_note.id, std::nullopt); }));
    practice.SignIn("tess");
    BOOST_TEST((notes.Sign(practice.private_note.id, std::nullopt).signed_by == practice.tess.id));
}

MYODESK_DB_TEST(the_front_desk_and_the_manager_keep_to_their_roles) {
    auto database = test_db.Open();
    Practice practice(database);
    services::NoteService notes(practice.context);
    practice.SignIn("fred");
    BOOST_TEST(services::ClientService(practice.context).Search({}, 0, 10).size() == 1u);
    BOOST_TEST(Refuses<services::NotAllowedError>([&] { notes.Get(practice.theos_note.id); }));
    BOOST_TEST(
        Refuses<services::NotAllowedError>([&] { notes.ListForClient(practice.ann, 0, 10); }));
    BOOST_TEST(Refuses<services::NotAllowedError>(
        [&] { services::AuditService(practice.context).List({}, 0, 10); }));
    BOOST_TEST(Refuses<services::NotAllowedError>([&] {
        services::StaffService(practice.context).Add({0, "X", {}, true, ""});
    }));
    practice.SignIn("mia");
    BOOST_TEST(notes.Get(practice.theos_note.id).id == practice.theos_note.id);
    BOOST_TEST(Refuses<services::NotAllowedError>(
        [&] { notes.Sign(practice.theos_note.id, std::nullopt); }));
    core::SessionNote note = test::TreatedNoteAt(practice.ann, practice.theo.id, kToday, 8 * 60);
    BOOST_TEST(Refuses<services::NotAllowedError>([&] { notes.Save(note); }));
    BOOST_TEST(!services::AuditService(practice.context).List({}, 0, 10).empty());
}

MYODESK_DB_TEST(failed_sign_ins_are_recorded_and_slowed) {
    auto database = test_db.Open();
    Practice practice(database);
    services::AccountService accounts(practice.context);
    for (int attempt = 0; attempt < services::AccountService::kFreeAttempts; ++attempt) {
        BOOST_TEST(Refuses<services::SignInFailedError>([&] { accounts.SignIn("tess", "wrong"); }));
    }
    // The next attempt waits, even with the right password.
    BOOST_TEST(Refuses<services::SignInTooSoonError>([&] { accounts.SignIn("tess", kPassword); }));
    practice.now += std::chrono::seconds(services::AccountService::kFirstWaitSeconds);
    BOOST_TEST(accounts.SignIn("tess", kPassword).id == practice.tess.id);
    db::AuditFilter failed;
    failed.action = db::kAuditSignInFailed;
    practice.SignIn("olive");
    BOOST_TEST(services::AuditService(practice.context).List(failed, 0, 10).size() ==
               static_cast<std::size_t>(services::AccountService::kFreeAttempts));
}

MYODESK_DB_TEST(the_last_owner_stays_the_owner) {
    auto database = test_db.Open();
    Practice practice(database);
    practice.SignIn("olive");
    services::AccountService accounts(practice.context);
    BOOST_TEST(Refuses<services::RuleError>(
        [&] { accounts.SetRole(practice.owner.id, core::StaffRole::kTherapist); }));
    BOOST_TEST(Refuses<services::RuleError>([&] { accounts.Deactivate(practice.owner.id); }));
    accounts.Deactivate(practice.theo.id);
    BOOST_TEST(Refuses<services::SignInFailedError>([&] { practice.SignIn("theo"); }));
}

MYODESK_DB_TEST(the_audit_log_records_changes_and_its_chain_is_whole) {
    auto database = test_db.Open();
    Practice practice(database);
    practice.SignIn("theo");
    services::NoteService(practice.context).Sign(practice.theos_note.id, std::nullopt);
    practice.SignIn("olive");
    services::AuditService audit(practice.context);
    db::AuditFilter for_ann;
    for_ann.client_id = practice.ann;
    const auto rows = audit.List(for_ann, 0, 100);
    BOOST_REQUIRE(rows.size() >= 3u);
    BOOST_TEST(rows.front().action == "note.sign");  // newest first
    BOOST_TEST(rows.front().username == "theo");
    BOOST_TEST((rows.front().record_id == practice.theos_note.id));
    const auto verified = audit.Verify();
    BOOST_TEST(!verified.first_broken_id.has_value());
    BOOST_TEST(verified.rows_checked > 10);
}

BOOST_AUTO_TEST_CASE(a_change_made_outside_myodesk_is_found, *boost::unit_test::label("sqlite")) {
    const auto test_db = test::TestDatabase::Sqlite();
    auto database = test_db.Open();
    Practice practice(database);
    practice.SignIn("theo");
    services::NoteService notes(practice.context);
    notes.Sign(practice.theos_note.id, std::nullopt);
    BOOST_TEST(!notes.Get(practice.theos_note.id).changed_after_signing);
    // What someone with the sqlite3 shell could do.
    soci::session& raw = db::SociSession(database);
    long long note_id = practice.theos_note.id;
    raw << "UPDATE session_notes SET subjective = 'nothing wrong' WHERE id = :id",
        soci::use(note_id);
    BOOST_TEST(notes.Get(practice.theos_note.id).changed_after_signing);
    raw << "UPDATE audit_log SET detail = '' WHERE id = 5";
    practice.SignIn("olive");
    const auto verified = services::AuditService(practice.context).Verify();
    BOOST_TEST((verified.first_broken_id == 5));
    BOOST_TEST(verified.rows_checked == 4);
    raw << "DELETE FROM audit_log WHERE id = 5";
    BOOST_TEST((services::AuditService(practice.context).Verify().first_broken_id == 6));
}

MYODESK_DB_TEST(intakes_the_book_and_training_are_in_the_audit_log) {
    auto database = test_db.Open();
    Practice practice(database);
    practice.SignIn("tess");
    core::Intake intake;
    intake.client_id = practice.ann;
    intake.taken_on = kToday;
    intake.consent = {true, "Ann Smith", kToday};
    intake = services::IntakeService(practice.context).Add(intake);
    services::AppointmentService book(practice.context);
    core::Appointment appointment = practice.AnnTomorrowWith(practice.tess.id, 15 * 60);
    book.Book(appointment, true);
    book.Cancel(appointment, "ill");
    services::TrainingService(practice.context)
        .Put(practice.ann, {core::AddDays(kToday, 3), core::RunType::kLong, 30.0}, std::nullopt);

    practice.SignIn("olive");
    db::AuditFilter filter;
    filter.client_id = practice.ann;
    std::map<std::string, db::AuditEntry> by_action;
    for (auto& entry : services::AuditService(practice.context).List(filter, 0, 100)) {
        by_action.emplace(entry.action, entry);  // newest first: the newest of each kept
    }
    BOOST_TEST_REQUIRE(by_action.count("intake.create") == 1u);
    BOOST_TEST((by_action.at("intake.create").record_id == intake.id));
    BOOST_TEST_REQUIRE(by_action.count("appointment.book") == 1u);
    BOOST_TEST((by_action.at("appointment.book").record_id == appointment.id));
    BOOST_TEST(by_action.at("appointment.book").username == "tess");
    BOOST_TEST_REQUIRE(by_action.count("appointment.status") == 1u);
    const std::string& cancelled = by_action.at("appointment.status").detail;
    BOOST_TEST(cancelled.find("\"before\":{\"date\"") != std::string::npos, cancelled);
    BOOST_TEST(cancelled.find("\"cancel_reason\":\"ill\"") != std::string::npos, cancelled);
    BOOST_TEST_REQUIRE(by_action.count("training.put") == 1u);
    BOOST_TEST(by_action.at("training.put").detail.find("\"type\":\"long\"") != std::string::npos);
    // On SQLite the app's rows are the log; a server adds its triggers' rows beside them.
    BOOST_TEST(
        (by_action.count("db.insert") == (test_db.GetBackend() == db::Backend::kSqlite ? 0u : 1u)));
    BOOST_TEST(!services::AuditService(practice.context).Verify().first_broken_id.has_value());
}

BOOST_AUTO_TEST_SUITE_END()
