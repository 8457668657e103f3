// The plan and the appointment book (issue 16): a session whose appointment was cancelled or
// not attended is missed, and the days the client cannot be seen get no new session.
#include "plan_test_data.h"

#include <myodesk/core/plan.h>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cstdlib>

using namespace myodesk::core;
using myodesk::test::Day;
using myodesk::test::MarathonRunner;

namespace {

bool Warns(const Plan& plan, PlanWarningCode code, const Date& date) {
    return std::any_of(plan.warnings.begin(), plan.warnings.end(),
                       [&](const PlanWarning& w) { return w.code == code && w.date == date; });
}

// The index of the first session of the phase, after `after` days from the plan's start.
std::size_t FirstIn(const Plan& plan, PlanPhase phase, int after = 0) {
    for (std::size_t i = 0; i < plan.sessions.size(); ++i) {
        if (plan.sessions[i].phase == phase && plan.sessions[i].date >= AddDays(plan.from, after)) {
            return i;
        }
    }
    return plan.sessions.size();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plan_and_book)

BOOST_AUTO_TEST_CASE(a_missed_session_keeps_its_day_and_its_week_gets_another) {
    PlanInputs inputs = MarathonRunner(20);
    Plan plan = GeneratePlan(inputs);
    const std::size_t index = FirstIn(plan, PlanPhase::kBuild, 14);
    BOOST_TEST_REQUIRE(index < plan.sessions.size());
    const Date missed = plan.sessions[index].date;
    plan.sessions[index].status = PlannedSessionStatus::kMissed;
    plan.sessions[index].appointment_id = 41;

    inputs.kept = plan.sessions;
    const Plan again = GeneratePlan(inputs);
    const auto on_day = std::find_if(again.sessions.begin(), again.sessions.end(),
                                     [&](const PlannedSession& s) { return s.date == missed; });
    BOOST_TEST_REQUIRE((on_day != again.sessions.end()));
    BOOST_TEST((on_day->status == PlannedSessionStatus::kMissed));
    BOOST_TEST((on_day->appointment_id == std::optional<AppointmentId>{41}));
    BOOST_TEST(Warns(again, PlanWarningCode::kMissedSession, missed));
    // It does not count: another day near it takes the week's session.
    const bool made_up =
        std::any_of(again.sessions.begin(), again.sessions.end(), [&](const PlannedSession& s) {
            return s.status == PlannedSessionStatus::kPlanned && s.date != missed &&
                   std::abs(DaysBetween(s.date, missed)) <= 6;
        });
    BOOST_TEST(made_up);

    // A skipped session, by contrast, counts for its week.
    plan.sessions[index].status = PlannedSessionStatus::kSkipped;
    inputs.kept = plan.sessions;
    const Plan skipped = GeneratePlan(inputs);
    BOOST_TEST(!Warns(skipped, PlanWarningCode::kMissedSession, missed));
}

BOOST_AUTO_TEST_CASE(a_session_missed_just_before_the_plan_is_named) {
    PlanInputs inputs = MarathonRunner(16);
    PlannedSession recent;
    recent.date = Day(-3);
    recent.status = PlannedSessionStatus::kMissed;
    PlannedSession old = recent;
    old.date = Day(-40);
    inputs.kept = {old, recent};
    const Plan plan = GeneratePlan(inputs);
    BOOST_TEST(Warns(plan, PlanWarningCode::kMissedSession, Day(-3)));
    BOOST_TEST(!Warns(plan, PlanWarningCode::kMissedSession, Day(-40)));
    BOOST_TEST(std::none_of(plan.sessions.begin(), plan.sessions.end(),
                            [](const PlannedSession& s) { return s.date < Day(0); }));
}

BOOST_AUTO_TEST_CASE(no_new_session_on_a_day_the_client_cannot_be_seen) {
    PlanInputs inputs = MarathonRunner(16);
    const Plan before = GeneratePlan(inputs);
    // The therapist works Monday, Tuesday and Friday only.
    for (Date day = inputs.from; day <= before.to; day = AddDays(day, 1)) {
        const int weekday = IsoWeekdayIndex(day);
        if (weekday != 0 && weekday != 1 && weekday != 4) {
            inputs.unavailable.push_back(day);
        }
    }
    // A booking the desk made on a Wednesday anyway stays in the plan.
    Date wednesday = AddDays(inputs.from, 14);
    while (IsoWeekdayIndex(wednesday) != 2) {
        wednesday = AddDays(wednesday, 1);
    }
    Appointment booked;
    booked.id = 7;
    booked.client_id = inputs.client_id;
    booked.therapist_id = 1;
    booked.date = wednesday;
    inputs.booked = {booked};

    const Plan plan = GeneratePlan(inputs);
    BOOST_TEST_REQUIRE(!plan.sessions.empty());
    for (const PlannedSession& session : plan.sessions) {
        const int weekday = IsoWeekdayIndex(session.date);
        if (session.status == PlannedSessionStatus::kBooked) {
            BOOST_TEST((session.date == wednesday));
        } else {
            BOOST_TEST((weekday == 0 || weekday == 1 || weekday == 4), "on " << weekday);
        }
    }
    // The rhythm holds: about as many sessions as with every day open.
    BOOST_TEST(plan.sessions.size() + 2 >= before.sessions.size());
}

BOOST_AUTO_TEST_SUITE_END()
