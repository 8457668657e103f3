#include "soci_session.h"
#include "test_database.h"

#include <myodesk/db/errors.h>
#include <myodesk/db/staff_repository.h>

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

#include <algorithm>

using namespace myodesk;
using core::Staff;
using core::StaffRole;
using db::StaffRepository;

namespace {

db::TimePoint FixedNow() {
    return std::chrono::sys_days{std::chrono::year{2026} / 11 / 20} + std::chrono::hours{9};
}

Staff MakeStaff(std::string name, StaffRole role = StaffRole::kTherapist, bool active = true) {
    Staff staff;
    staff.name = std::move(name);
    staff.role = role;
    staff.active = active;
    return staff;
}

std::vector<std::string> Names(const std::vector<Staff>& staff) {
    std::vector<std::string> names;
    for (const auto& member : staff) {
        names.push_back(member.name);
    }
    return names;
}

int CountStaff(db::Database& database) {
    int count = -1;
    db::SociSession(database) << "SELECT COUNT(*) FROM staff", soci::into(count);
    return count;
}

bool HasProblem(const db::ValidationError& error, std::string_view field, core::ProblemCode code) {
    const auto& problems = error.Problems();
    return std::any_of(problems.begin(), problems.end(), [&](const core::ValidationProblem& p) {
        return p.field == field && p.code == code;
    });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(staff_repository_tests)

MYODESK_DB_TEST(adds_and_reads_back_staff) {
    auto database = test_db.Open();
    StaffRepository staff(database, FixedNow);
    Staff therapist = MakeStaff("Siobhán O'Brien-Ní Bhriain \"Shiv\"");
    const auto id = staff.Add(therapist);
    BOOST_TEST(id > 0);
    BOOST_TEST(therapist.id == id);
    Staff manager = MakeStaff("山田 花子", StaffRole::kManager, false);
    staff.Add(manager);
    BOOST_TEST(manager.id != id);

    const auto stored = staff.Get(id);
    BOOST_REQUIRE(stored);
    BOOST_TEST((*stored == therapist));
    const auto stored_manager = staff.Get(manager.id);
    BOOST_REQUIRE(stored_manager);
    BOOST_TEST((*stored_manager == manager));
    BOOST_TEST(!staff.Get(id + 1000).has_value());

    std::string created_at;
    const long long staff_id = id;
    db::SociSession(database) << "SELECT created_at FROM staff WHERE id = :id",
        soci::use(staff_id, "id"), soci::into(created_at);
    BOOST_TEST(created_at == "2026-11-20T09:00:00Z");
}

MYODESK_DB_TEST(refuses_an_invalid_name_and_writes_nothing) {
    auto database = test_db.Open();
    StaffRepository staff(database, FixedNow);
    const std::vector<std::pair<std::string, core::ProblemCode>> cases{
        {"", core::ProblemCode::kRequired},
        {"   ", core::ProblemCode::kRequired},
        {"Two\nlines", core::ProblemCode::kInvalidText},
        {std::string(101, 'a'), core::ProblemCode::kTooLong},
    };
    for (const auto& [name, code] : cases) {
        Staff member = MakeStaff(name);
        try {
            staff.Add(member);
            BOOST_FAIL("an invalid name must be refused: " << name);
        } catch (const db::ValidationError& error) {
            BOOST_TEST(HasProblem(error, "name", code), name);
        }
        BOOST_TEST(member.id == 0);
    }
    BOOST_TEST(CountStaff(database) == 0);
    Staff longest = MakeStaff(std::string(100, 'a'));
    BOOST_CHECK_NO_THROW(staff.Add(longest));
}

MYODESK_DB_TEST(updates_name_role_and_active) {
    auto database = test_db.Open();
    StaffRepository staff(database, FixedNow);
    Staff member = MakeStaff("Ann Smith");
    staff.Add(member);
    member.name = "Ann Smith-Jones";
    member.role = StaffRole::kManager;
    member.active = false;
    staff.Update(member);
    const auto stored = staff.Get(member.id);
    BOOST_REQUIRE(stored);
    BOOST_TEST((*stored == member));

    Staff invalid = member;
    invalid.name = "";
    BOOST_CHECK_THROW(staff.Update(invalid), db::ValidationError);
    BOOST_TEST(staff.Get(member.id)->name == "Ann Smith-Jones");

    Staff missing = member;
    missing.id += 1000;
    BOOST_CHECK_THROW(staff.Update(missing), db::NotFoundError);
}

// By name as people read it (accents and case do not move a name), the same on both
// backends; inactive staff only when asked.
MYODESK_DB_TEST(lists_by_name_active_only_unless_asked) {
    auto database = test_db.Open();
    StaffRepository staff(database, FixedNow);
    for (auto member : {MakeStaff("zoë Lind"), MakeStaff("Ågot Berg", StaffRole::kManager),
                        MakeStaff("Bo Ek", StaffRole::kTherapist, false), MakeStaff("anna Ray"),
                        MakeStaff("Zoe Adams")}) {
        staff.Add(member);
    }
    BOOST_TEST(Names(staff.List()) ==
                   (std::vector<std::string>{"Ågot Berg", "anna Ray", "Zoe Adams", "zoë Lind"}),
               boost::test_tools::per_element());
    BOOST_TEST(
        Names(staff.List(true)) ==
            (std::vector<std::string>{"Ågot Berg", "anna Ray", "Bo Ek", "Zoe Adams", "zoë Lind"}),
        boost::test_tools::per_element());
    const auto all = staff.List(true);
    BOOST_TEST(!all[2].active);
    BOOST_TEST((all[0].role == StaffRole::kManager));
}

BOOST_AUTO_TEST_SUITE_END()
