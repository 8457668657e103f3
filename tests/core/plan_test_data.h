#pragma once

#include <myodesk/core/plan.h>

#include <boost/test/tools/detail/print_helper.hpp>

#include <chrono>
#include <optional>
#include <ostream>
#include <type_traits>

// How Boost.Test prints dates and codes in failure messages.
template <>
struct boost::test_tools::tt_detail::print_log_value<myodesk::core::Date> {
    void operator()(std::ostream& out, const myodesk::core::Date& date) {
        out << myodesk::core::FormatIsoDate(date);
    }
};

template <typename T>
struct boost::test_tools::tt_detail::print_log_value<std::optional<T>> {
    void operator()(std::ostream& out, const std::optional<T>& value) {
        if (value) {
            print_log_value<T>()(out, *value);
        } else {
            out << "(none)";
        }
    }
};

namespace myodesk::core {
template <typename Enum>
requires std::is_enum_v<Enum> && requires(Enum value) {
    ToCode(value);
}
std::ostream& boost_test_print_type(std::ostream& out, const Enum& value) {
    return out << ToCode(value);
}
}  // namespace myodesk::core

namespace myodesk::test {

// Monday 2026-11-23: the day the test plans start.
inline core::Date PlanStart() {
    using namespace std::chrono;
    return core::Date{year{2026}, November, day{23}};
}

inline core::Date Day(int offset) {
    return core::AddDays(PlanStart(), offset);
}

// A runner with a clean intake (taken three weeks ago, long runs on Sundays, no race) and no
// training calendar, notes or bookings.
inline core::PlanInputs PlainRunner() {
    using namespace myodesk::core;
    PlanInputs inputs;
    inputs.client_id = 42;
    inputs.today = PlanStart();
    inputs.from = PlanStart();
    Intake intake;
    intake.id = 7;
    intake.client_id = 42;
    intake.taken_on = Day(-21);
    intake.runner.long_run_weekday = Weekday::kSunday;
    intake.runner.units = DistanceUnit::kKm;
    intake.consent = {true, "Test Runner", Day(-21)};
    inputs.intake = intake;
    return inputs;
}

// A typical marathon week from `monday`: rest, tempo, easy, intervals, rest, easy, long.
inline void AddTrainingWeek(core::PlanInputs& inputs, const core::Date& monday, double long_km,
                            double scale = 1.0) {
    using core::RunType;
    inputs.training.push_back({core::AddDays(monday, 0), RunType::kRest, std::nullopt});
    inputs.training.push_back({core::AddDays(monday, 1), RunType::kTempo, 10 * scale});
    inputs.training.push_back({core::AddDays(monday, 2), RunType::kEasy, 8 * scale});
    inputs.training.push_back({core::AddDays(monday, 3), RunType::kIntervals, 9 * scale});
    inputs.training.push_back({core::AddDays(monday, 4), RunType::kRest, std::nullopt});
    inputs.training.push_back({core::AddDays(monday, 5), RunType::kEasy, 8 * scale});
    inputs.training.push_back({core::AddDays(monday, 6), RunType::kLong, long_km});
}

// A runner with a marathon on the Sunday `weeks` weeks ahead and a full calendar: four weeks
// of history, long runs growing 1 km a week (within the 10% rule), a two-week taper.
inline core::PlanInputs MarathonRunner(int weeks) {
    core::PlanInputs inputs = PlainRunner();
    const core::Date race = Day(7 * weeks - 1);
    for (int week = -4; week < weeks - 1; ++week) {
        const int to_race_weeks = weeks - 1 - week;  // 0: race week
        double long_km = 18 + week;
        if (to_race_weeks <= 2) {
            long_km = 16;  // taper
        }
        AddTrainingWeek(inputs, Day(7 * week), std::min(long_km, 32.0));
    }
    // Race week: easy days, the race on Sunday.
    const core::Date race_monday = core::AddDays(race, -6);
    inputs.training.push_back({race_monday, core::RunType::kRest, std::nullopt});
    inputs.training.push_back({core::AddDays(race_monday, 2), core::RunType::kEasy, 6});
    inputs.training.push_back({core::AddDays(race_monday, 4), core::RunType::kEasy, 5});
    inputs.training.push_back({race, core::RunType::kRace, 42.195});
    inputs.intake->runner.goal_race = {"Test Marathon", race, 42.195};
    return inputs;
}

}  // namespace myodesk::test
