// Property test: over many random runners, no plan ever breaks a timing or flag rule. The
// rules are checked here independently of the generator, from the inputs and the settings
// (screening is the oracle for which flags apply on a day; it has its own tests).
#include "plan_test_data.h"

#include <myodesk/core/plan.h>
#include <myodesk/core/screening.h>

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <random>

using namespace myodesk::core;

namespace {

class RandomRunner {
  public:
    explicit RandomRunner(std::uint32_t seed) : m_random(seed) {}

    PlanInputs Make() {
        PlanInputs in;
        in.client_id = 1;
        in.from = AddDays(Date{std::chrono::year{2026}, std::chrono::January, std::chrono::day{1}},
                          Int(0, 365));
        in.today = in.from;
        if (Chance(0.3)) {
            in.settings.taper_weeks = Int(1, 3);
            in.settings.last_deep_days_before_race = Int(5, 7);
            in.settings.post_race_deep_from_day = Int(3, 5);
            in.settings.lighter_pressure_max = Int(3, 5);
            in.settings.flush_days_before_race = Int(2, 3);
            in.settings.no_hard_after_deep_days = Int(1, 2);
            in.screening.modify_pressure_cap = Int(3, 5);
        }
        std::optional<Date> race;
        if (Chance(0.7)) {
            race = AddDays(in.from, Int(1, 200));
        }
        if (Chance(0.9)) {
            in.intake = MakeIntake(in.from, race);
        }
        if (Chance(0.6)) {
            MakeCalendar(in, race);
        }
        for (int i = Int(0, 6); i > 0; --i) {
            in.recent_notes.push_back(MakeNote(in.from));
        }
        for (int i = Int(0, 2); i > 0; --i) {
            Appointment booked;
            booked.id = i;
            booked.therapist_id = 1;
            booked.date = AddDays(in.from, Int(0, 60));
            booked.duration_min = Int(30, 60);
            in.booked.push_back(booked);
        }
        if (Chance(0.15)) {
            in.weeks = Int(1, 30);
        }
        return in;
    }

  private:
    int Int(int low, int high) { return std::uniform_int_distribution<int>(low, high)(m_random); }
    bool Chance(double p) { return std::bernoulli_distribution(p)(m_random); }
    template <typename T>
    T Pick(const std::vector<T>& values) {
        return values[static_cast<std::size_t>(Int(0, static_cast<int>(values.size()) - 1))];
    }
    Region AnyRegion() { return Pick(AllValues<Region>()); }
    Side AnySide() { return Pick(AllValues<Side>()); }

    Intake MakeIntake(const Date& from, const std::optional<Date>& race) {
        Intake intake;
        intake.id = 1;
        intake.taken_on = AddDays(from, -Int(0, 500));
        if (race && Chance(0.5)) {
            intake.runner.goal_race = {"Race", race, 42.195};
        }
        if (Chance(0.8)) {
            intake.runner.long_run_weekday = Pick(AllValues<Weekday>());
        }
        intake.runner.units = Chance(0.5) ? DistanceUnit::kKm : DistanceUnit::kMi;
        for (int i = Int(0, 3); i > 0; --i) {
            HealthCondition condition;
            // Absolute flags are rare, so that most plans have sessions to check.
            do {
                condition.code = Pick(AllValues<ConditionCode>());
            } while (!Chance(0.25) && (condition.code == ConditionCode::kFever ||
                                       condition.code == ConditionCode::kAcuteInfection ||
                                       condition.code == ConditionCode::kDvt ||
                                       condition.code == ConditionCode::kPulmonaryEmbolism ||
                                       condition.code == ConditionCode::kUncontrolledHypertension));
            if (IsRegional(condition.code)) {
                condition.region = AnyRegion();
                condition.side = AnySide();
            }
            intake.health.conditions.push_back(condition);
        }
        for (int i = Int(0, 2); i > 0; --i) {
            const char* kinds[] = {"acute", "fracture", "overuse", "chronic"};
            intake.health.injuries.push_back(
                {AddDays(from, -Int(0, 60)), AnyRegion(), AnySide(), kinds[Int(0, 3)], ""});
        }
        if (Chance(0.2)) {
            intake.health.surgeries.push_back(
                {AddDays(from, -Int(0, 60)), AnyRegion(), AnySide(), "repair", ""});
        }
        for (int i = Int(0, 2); i > 0; --i) {
            intake.health.medications.push_back({"m", Pick(AllValues<MedicationClass>())});
        }
        if (Chance(0.05)) {
            intake.health.pregnant = true;
            intake.health.pregnancy_weeks = Int(4, 30);
        }
        for (int i = Int(0, 4); i > 0; --i) {
            intake.soreness.push_back({AnyRegion(), AnySide(), Int(0, 10)});
        }
        for (int i = Int(0, 2); i > 0; --i) {
            intake.avoid_regions.push_back({AnyRegion(), AnySide()});
        }
        if (Chance(0.6)) {
            intake.preferences.pressure = Pick(AllValues<Pressure>());
        }
        return intake;
    }

    void MakeCalendar(PlanInputs& in, const std::optional<Date>& race) {
        const Date end = race ? std::min(*race, AddDays(in.from, 150)) : AddDays(in.from, 120);
        const int long_day = Int(0, 6);
        for (Date day = AddDays(in.from, -35); day < end; day = AddDays(day, 1)) {
            if (Chance(0.1)) {
                continue;  // gaps
            }
            RunType type = Pick(AllValues<RunType>());
            if (type == RunType::kRace) {
                type = RunType::kEasy;
            }
            if (IsoWeekdayIndex(day) == long_day) {
                type = RunType::kLong;
            }
            std::optional<double> km;
            if (type != RunType::kRest && type != RunType::kCross) {
                km = Int(3, 36) + Int(0, 9) / 10.0;
            }
            in.training.push_back({day, type, km});
        }
        if (race && Chance(0.8)) {
            in.training.push_back({*race, RunType::kRace, 42.195});
        }
    }

    SessionNote MakeNote(const Date& from) {
        SessionNote note;
        note.date = AddDays(from, -Int(0, 60));
        for (int i = Int(0, 3); i > 0; --i) {
            note.regions.push_back({AnyRegion(), AnySide(), Int(1, 8), Int(0, 10), Int(0, 10)});
        }
        note.objective = Chance(0.2) ? "Hip ROM restricted" : "";
        return note;
    }

    std::mt19937 m_random;
};

bool IsDeepWork(const PlannedSession& session, const PlanSettings& settings) {
    return std::any_of(session.techniques.begin(), session.techniques.end(),
                       [](Technique t) {
                           return t == Technique::kDeepTissue || t == Technique::kTriggerPoint;
                       }) ||
           session.pressure_max >= settings.deep_pressure_min;
}

// Whether working `worked` touches `ruled_out`.
bool Touches(const RegionSide& ruled_out, const RegionSide& worked) {
    if (ruled_out.region != worked.region) {
        return false;
    }
    const bool one_side = ruled_out.side == Side::kLeft || ruled_out.side == Side::kRight;
    if (one_side && (worked.side == Side::kLeft || worked.side == Side::kRight)) {
        return ruled_out.side == worked.side;
    }
    return true;
}

std::optional<RunType> TrainingOn(const Plan& plan, const Date& date) {
    for (const auto& run : plan.training) {
        if (run.date == date) {
            return run.type;
        }
    }
    return std::nullopt;
}

// Every rule a session must keep on its date. Returns what it breaks, empty when nothing.
std::string BrokenRule(const PlanInputs& in, const Plan& plan, const PlannedSession& s) {
    const PlanSettings& set = in.settings;
    const std::string day = FormatIsoDate(s.date);
    if (s.duration_min < set.min_duration_min || s.duration_min > set.max_duration_min) {
        return day + ": duration";
    }
    if (s.pressure_max < 1 || s.pressure_max > set.max_pressure) {
        return day + ": pressure range";
    }
    if (s.reasons.empty() || s.techniques.empty()) {
        return day + ": no reason or technique";
    }
    const bool deep = IsDeepWork(s, set);
    if (in.intake) {
        for (const auto& flag : ScreenContraindications(*in.intake, s.date, in.screening)) {
            if (flag.level == FlagLevel::kAbsolute) {
                return day + ": absolute flag";
            }
            if (flag.level == FlagLevel::kModify &&
                (deep || s.pressure_max > in.screening.modify_pressure_cap)) {
                return day + ": modify flag";
            }
            if (flag.level == FlagLevel::kLocal && flag.region) {
                const RegionSide ruled_out{*flag.region, flag.side.value_or(Side::kBilateral)};
                for (const auto& region : s.regions) {
                    if (Touches(ruled_out, region)) {
                        return day + ": local flag region";
                    }
                }
            }
        }
        for (const auto& avoid : in.intake->avoid_regions) {
            for (const auto& region : s.regions) {
                if (Touches(avoid, region)) {
                    return day + ": area to avoid";
                }
            }
        }
        if (in.intake->preferences.pressure &&
            s.pressure_max > PressureLevel(*in.intake->preferences.pressure)) {
            return day + ": above preferred pressure";
        }
    }
    for (int ahead = 1; ahead <= set.no_hard_after_deep_days; ++ahead) {
        const auto next = TrainingOn(plan, AddDays(s.date, ahead));
        if (next && IsHardTraining(*next) && (deep || s.pressure_max > set.lighter_pressure_max)) {
            return day + ": deep work within the days before hard training";
        }
    }
    if (plan.race_date) {
        const int to_race = DaysBetween(s.date, *plan.race_date);
        if (to_race >= 0 && to_race < set.last_deep_days_before_race && deep) {
            return day + ": deep work too close to the race";
        }
        if (to_race >= 0 && to_race <= 6 &&
            (s.techniques != std::vector<Technique>{Technique::kSwedish} ||
             s.pressure_max > set.light_pressure_max)) {
            return day + ": race week not a light flush";
        }
        if (to_race > -set.post_race_light_from_day && to_race < set.flush_days_before_race) {
            return day + ": too close to race day";
        }
        if (-to_race > 0 && -to_race < set.post_race_deep_from_day && deep) {
            return day + ": deep work too soon after the race";
        }
    }
    return {};
}

std::string BrokenPlan(const PlanInputs& in, const Plan& plan) {
    if (plan.from != in.from || plan.to < plan.from) {
        return "span";
    }
    if (plan.phases.empty() || plan.phases.front().from != plan.from ||
        plan.phases.back().to != plan.to) {
        return "phases do not cover the plan";
    }
    for (std::size_t i = 1; i < plan.phases.size(); ++i) {
        if (plan.phases[i].from != AddDays(plan.phases[i - 1].to, 1)) {
            return "phases not contiguous";
        }
    }
    for (std::size_t i = 0; i < plan.sessions.size(); ++i) {
        const auto& s = plan.sessions[i];
        if (s.date < plan.from || s.date > plan.to) {
            return "session outside the plan";
        }
        if (i > 0 && !(plan.sessions[i - 1].date < s.date)) {
            return "two sessions a day or not in order";
        }
        if (auto broken = BrokenRule(in, plan, s); !broken.empty()) {
            return broken;
        }
    }
    // The calendar's own days are all in the plan's training.
    for (const auto& entry : in.training) {
        if (entry.date >= plan.from && entry.date <= plan.to &&
            TrainingOn(plan, entry.date) != entry.type) {
            return "calendar day missing from the plan's training";
        }
    }
    // Booked sessions are kept.
    for (const auto& booked : in.booked) {
        if (booked.date < plan.from || booked.date > plan.to) {
            continue;
        }
        const bool kept = std::any_of(plan.sessions.begin(), plan.sessions.end(), [&](auto& s) {
            return s.date == booked.date && s.status == PlannedSessionStatus::kBooked;
        });
        const bool impossible = plan.refer;
        if (!kept && !impossible) {
            // Only a booked day the rules rule out entirely (race day) may be dropped.
            if (!plan.race_date || std::abs(DaysBetween(*plan.race_date, booked.date)) > 3) {
                return "booked session dropped";
            }
        }
    }
    // An absolute flag on a day means refer.
    if (in.intake) {
        for (const auto& flag : ScreenContraindications(*in.intake, plan.from, in.screening)) {
            if (flag.level == FlagLevel::kAbsolute && (!plan.refer || !plan.sessions.empty())) {
                return "absolute flag without refer";
            }
        }
    }
    // Build and peak weeks (whole ones) have a session in them or just after.
    if (plan.race_date && !plan.refer) {
        for (const auto& span : plan.phases) {
            if (span.phase != PlanPhase::kBuild && span.phase != PlanPhase::kPeak) {
                continue;
            }
            for (Date start = span.from; AddDays(start, 6) <= span.to; start = AddDays(start, 7)) {
                if (DaysBetween(start, AddDays(*plan.race_date, 1)) % 7 != 0) {
                    continue;  // a partial first week
                }
                const Date last = AddDays(start, 6 + in.settings.recovery_after_long_run_max_days);
                const bool has =
                    std::any_of(plan.sessions.begin(), plan.sessions.end(), [&](auto& s) {
                        // A session the therapist moved out of the week still counts for it.
                        const Date planned_for = s.moved_from.value_or(s.date);
                        return (s.date >= start && s.date <= last) ||
                               (planned_for >= start && planned_for <= last);
                    });
                if (!has) {
                    return "build/peak week without a session: " + FormatIsoDate(start);
                }
            }
        }
    }
    return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plan_property_tests)

BOOST_AUTO_TEST_CASE(no_plan_breaks_a_timing_or_flag_rule) {
    int with_sessions = 0;
    int referred = 0;
    for (std::uint32_t seed = 1; seed <= 3000; ++seed) {
        const PlanInputs inputs = RandomRunner(seed).Make();
        const Plan plan = GeneratePlan(inputs);
        const std::string broken = BrokenPlan(inputs, plan);
        BOOST_TEST(broken.empty(), "runner " << seed << ": " << broken);
        if (!broken.empty()) {
            break;  // one counterexample is enough to read
        }
        with_sessions += plan.sessions.empty() ? 0 : 1;
        referred += plan.refer ? 1 : 0;
    }
    // The generator is exercised, not vacuously right.
    BOOST_TEST(with_sessions > 2000);
    BOOST_TEST(referred > 30);
}

BOOST_AUTO_TEST_CASE(no_move_breaks_a_rule) {
    int moved = 0;
    int refused = 0;
    for (std::uint32_t seed = 1; seed <= 1000; ++seed) {
        const PlanInputs inputs = RandomRunner(seed).Make();
        const Plan plan = GeneratePlan(inputs);
        if (plan.sessions.empty()) {
            continue;
        }
        std::mt19937 random(seed);
        const auto index =
            std::uniform_int_distribution<std::size_t>(0, plan.sessions.size() - 1)(random);
        if (plan.sessions[index].status != PlannedSessionStatus::kPlanned) {
            continue;  // only a planned session moves (a booked one is an appointment)
        }
        const Date to = AddDays(plan.from, std::uniform_int_distribution<int>(
                                               -3, DaysBetween(plan.from, plan.to) + 3)(random));
        const MoveResult result = MoveSession(inputs, plan, index, to);
        if (!result.allowed) {
            ++refused;
            BOOST_TEST(!result.warnings.empty());
            continue;
        }
        ++moved;
        BOOST_TEST(result.session.date == to);
        std::string broken = BrokenRule(inputs, plan, result.session);
        BOOST_TEST(broken.empty(),
                   "runner " << seed << " moved to " << FormatIsoDate(to) << ": " << broken);
        // Regenerated with the move kept: still no rule broken, and the move is there.
        PlanInputs again = inputs;
        again.kept = plan.sessions;
        again.kept[index] = result.session;
        const Plan regenerated = GeneratePlan(again);
        broken = BrokenPlan(again, regenerated);
        BOOST_TEST(broken.empty(), "runner " << seed << " regenerated: " << broken);
        BOOST_TEST(std::any_of(regenerated.sessions.begin(), regenerated.sessions.end(),
                               [&](const auto& s) { return s.date == to && s.moved_from; }),
                   "runner " << seed);
        BOOST_TEST(broken.empty(),
                   "runner " << seed << " moved to " << FormatIsoDate(to) << ": " << broken);
    }
    BOOST_TEST(moved > 300);
    BOOST_TEST(refused > 10);
}

BOOST_AUTO_TEST_SUITE_END()
