#pragma once

#include <myodesk/core/client.h>
#include <myodesk/core/date.h>
#include <myodesk/core/plan.h>
#include <myodesk/core/staff.h>
#include <myodesk/db/client_repository.h>
#include <myodesk/db/clock.h>
#include <myodesk/db/database.h>
#include <myodesk/db/staff_repository.h>

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// What the plan tests of db (the repository) and of services (booking, moving) start from: a
// fixed day at the desk, and a client and a therapist to plan for.
namespace myodesk::test::plan_setup {

// A date from its ISO text; the test stops when the text is not one.
inline core::Date D(std::string_view text) {
    const auto date = core::ParseIsoDate(text);
    BOOST_TEST_REQUIRE(date.has_value(), text);
    return *date;
}

inline const core::Date kToday =
    core::Date{std::chrono::year{2026}, std::chrono::November, std::chrono::day{20}};

// 2026-11-20 09:00 UTC: "today" at the desk, and what the repositories stamp records with.
inline db::TimePoint FixedNow() {
    return std::chrono::sys_days{kToday} + std::chrono::hours{9};
}

inline core::ClientId AddClient(db::Database& database, std::string given) {
    core::Client client;
    client.given_name = std::move(given);
    client.family_name = "Planned";
    return db::ClientRepository(database, FixedNow).Add(client);
}

// A base-phase plan of the client from kToday with a Swedish calf session on each date.
inline core::Plan PlanOn(core::ClientId client, const std::vector<std::string_view>& dates) {
    core::Plan plan;
    plan.client_id = client;
    plan.generated_on = kToday;
    plan.from = kToday;
    plan.to = D("2027-02-11");
    plan.phases = {{core::PlanPhase::kBase, plan.from, plan.to}};
    for (const auto date : dates) {
        core::PlannedSession session;
        session.date = D(date);
        session.techniques = {core::Technique::kSwedish};
        session.regions = {{core::Region::kCalves, core::Side::kBilateral}};
        session.reasons = {{core::PlanReasonCode::kBaseMaintenance, {}}};
        plan.sessions.push_back(session);
    }
    return plan;
}

inline core::StaffId AddTherapist(db::Database& database, std::string name) {
    core::Staff staff;
    staff.name = std::move(name);
    return db::StaffRepository(database, FixedNow).Add(staff);
}

}  // namespace myodesk::test::plan_setup
