#include <myodesk/core/intake_validation.h>
#include <myodesk/core/text.h>

#include <fmt/format.h>

#include <algorithm>
#include <tuple>
#include <utility>

namespace myodesk::core {

namespace {

// Limits of the intake's fields (characters, and plausible ranges for numbers).
struct IntakeLimits {
    static constexpr std::size_t kShortText = 200;
    static constexpr std::size_t kLongText = 4000;
    static constexpr int kMaxPain = 10;
    static constexpr int kMaxRunsPerWeek = 14;
    static constexpr int kMaxPregnancyWeeks = 42;
    static constexpr double kMaxRaceKm = 1000;
    static constexpr double kMaxRunKm = 500;
    static constexpr double kMaxWeeklyKm = 1500;
};

class Checker {
  public:
    explicit Checker(const Date& today) : m_today(today) {}

    void Add(std::string field, ProblemCode code) {
        m_problems.push_back({std::move(field), code});
    }

    void Text(const std::string& field, const std::string& value, std::size_t limit,
              bool multi_line = false) {
        CheckText(m_problems, field, value, limit, multi_line ? TextLines::kMany : TextLines::kOne);
    }

    // A date that cannot lie ahead: not after today, not before DateLimits::kEarliest.
    void NotAfterToday(const std::string& field, const std::optional<Date>& date) {
        if (date) {
            CheckPastDate(m_problems, field, *date, m_today);
        }
    }

    // A date that may lie ahead (a goal race): within DateLimits.
    void Plausible(const std::string& field, const std::optional<Date>& date) {
        if (date) {
            CheckDateRange(m_problems, field, *date);
        }
    }

    void Count(const std::string& field, std::size_t count, std::size_t maximum) {
        CheckCount(m_problems, field, count, maximum);
    }

    // kTooMany when the list has more than `maximum` entries; otherwise kDuplicate at
    // "list[i].field" for each entry whose key equals an earlier one's.
    template <typename Entry, typename Key>
    void List(std::string_view list, const std::vector<Entry>& entries, std::size_t maximum,
              std::string_view field, Key key) {
        if (entries.size() > maximum) {
            m_problems.push_back({std::string(list), ProblemCode::kTooMany, maximum});
            return;
        }
        for (std::size_t i = 0; i < entries.size(); ++i) {
            for (std::size_t j = 0; j < i; ++j) {
                if (key(entries[j]) == key(entries[i])) {
                    Add(fmt::format("{}[{}].{}", list, i, field), ProblemCode::kDuplicate);
                    break;
                }
            }
        }
    }

    void Range(const std::string& field, double value, double minimum, double maximum) {
        if (!(value >= minimum && value <= maximum)) {  // also refuses NaN
            m_problems.push_back({field, ProblemCode::kOutOfRange, 0, minimum, maximum});
        }
    }

    template <typename Number>
    void OptionalRange(const std::string& field, const std::optional<Number>& value, double minimum,
                       double maximum) {
        if (value) {
            Range(field, static_cast<double>(*value), minimum, maximum);
        }
    }

    ValidationProblems Take() { return std::move(m_problems); }

  private:
    Date m_today;
    ValidationProblems m_problems;
};

std::string At(std::string_view list, std::size_t index, std::string_view field) {
    return fmt::format("{}[{}].{}", list, index, field);
}

void CheckEvents(Checker& check, std::string_view list, const std::vector<HealthEvent>& events,
                 bool kind_is_injury_code) {
    for (std::size_t i = 0; i < events.size(); ++i) {
        const HealthEvent& event = events[i];
        check.NotAfterToday(At(list, i, "date"), event.date);
        if (event.region && !event.side) {
            check.Add(At(list, i, "side"), ProblemCode::kRequired);
        } else if (event.side && !event.region) {
            check.Add(At(list, i, "side"), ProblemCode::kContradicts);  // a side of nothing
        }
        if (kind_is_injury_code) {
            if (!FromCode<InjuryKind>(event.kind)) {
                check.Add(At(list, i, "kind"), ProblemCode::kUnknownCode);
            }
        } else {
            check.Text(At(list, i, "kind"), event.kind, IntakeLimits::kShortText);
        }
        check.Text(At(list, i, "description"), event.description, IntakeLimits::kLongText, true);
    }
}

}  // namespace

ValidationProblems ValidateIntake(const Intake& intake, const Date& today) {
    Checker check(today);
    if (!intake.taken_on.ok()) {
        check.Add("taken_on", ProblemCode::kInvalidDate);
    } else {
        check.NotAfterToday("taken_on", intake.taken_on);
    }

    const Health& health = intake.health;
    using L = IntakeListLimits;
    const auto same = [](const auto& entry) { return entry; };
    const auto place = [](const auto& entry) { return std::pair(entry.region, entry.side); };
    check.List("health.conditions", health.conditions, L::kConditions, "code",
               [](const HealthCondition& c) { return std::tuple(c.code, c.region, c.side); });
    check.List("health.medications", health.medications, L::kMedications, "name",
               [](const Medication& m) {
                   return std::pair(FoldForSearch(Trim(m.name)), m.medication_class);
               });
    check.List("health.surgeries", health.surgeries, L::kSurgeries, "date", same);
    check.List("health.injuries", health.injuries, L::kInjuries, "date", same);
    check.List("runner.recent_runs", intake.runner.recent_runs, L::kRecentRuns, "date", same);
    check.List("soreness", intake.soreness, L::kSoreness, "region", place);
    check.List("avoid_regions", intake.avoid_regions, L::kAvoidRegions, "region", place);
    for (std::size_t i = 0; i < health.conditions.size(); ++i) {
        const HealthCondition& condition = health.conditions[i];
        if (IsRegional(condition.code)) {
            if (!condition.region) {
                check.Add(At("health.conditions", i, "region"), ProblemCode::kRequired);
            }
            if (!condition.side) {
                check.Add(At("health.conditions", i, "side"), ProblemCode::kRequired);
            }
        }
        if (condition.side && !condition.region) {
            check.Add(At("health.conditions", i, "side"), ProblemCode::kContradicts);
        }
        check.NotAfterToday(At("health.conditions", i, "since"), condition.since);
    }
    for (std::size_t i = 0; i < health.medications.size(); ++i) {
        const auto field = At("health.medications", i, "name");
        if (Trim(health.medications[i].name).empty()) {
            check.Add(field, ProblemCode::kRequired);
        }
        check.Text(field, health.medications[i].name, IntakeLimits::kShortText);
    }
    CheckEvents(check, "health.surgeries", health.surgeries, false);
    CheckEvents(check, "health.injuries", health.injuries, true);
    check.OptionalRange("health.pregnancy_weeks", health.pregnancy_weeks, 0,
                        IntakeLimits::kMaxPregnancyWeeks);
    if (health.pregnancy_weeks && !health.pregnant) {
        check.Add("health.pregnancy_weeks", ProblemCode::kContradicts);
    }
    check.Text("health.allergies", health.allergies, IntakeLimits::kLongText, true);

    const RunnerProfile& runner = intake.runner;
    check.Text("runner.goal_race.name", runner.goal_race.name, IntakeLimits::kShortText);
    check.Plausible("runner.goal_race.date", runner.goal_race.date);
    check.OptionalRange("runner.goal_race.distance_km", runner.goal_race.distance_km, 0.1,
                        IntakeLimits::kMaxRaceKm);
    check.OptionalRange("runner.runs_per_week", runner.runs_per_week, 0,
                        IntakeLimits::kMaxRunsPerWeek);
    check.OptionalRange("runner.weekly_distance_km", runner.weekly_distance_km, 0,
                        IntakeLimits::kMaxWeeklyKm);
    check.OptionalRange("runner.longest_run_30d_km", runner.longest_run_30d_km, 0,
                        IntakeLimits::kMaxRunKm);
    for (std::size_t i = 0; i < runner.recent_runs.size(); ++i) {
        check.NotAfterToday(At("runner.recent_runs", i, "date"), runner.recent_runs[i].date);
        check.Range(At("runner.recent_runs", i, "distance_km"), runner.recent_runs[i].distance_km,
                    0, IntakeLimits::kMaxRunKm);
    }

    for (std::size_t i = 0; i < intake.soreness.size(); ++i) {
        check.Range(At("soreness", i, "pain"), intake.soreness[i].pain, 0, IntakeLimits::kMaxPain);
    }
    check.Text("preferences.notes", intake.preferences.notes, IntakeLimits::kLongText, true);

    const Consent& consent = intake.consent;
    if (!consent.accepted) {
        check.Add("consent.accepted", ProblemCode::kNotAccepted);
    }
    if (Trim(consent.signed_name).empty()) {
        check.Add("consent.signed_name", ProblemCode::kRequired);
    }
    check.Text("consent.signed_name", consent.signed_name, IntakeLimits::kShortText);
    if (!consent.signed_on) {
        check.Add("consent.signed_on", ProblemCode::kRequired);
    }
    check.NotAfterToday("consent.signed_on", consent.signed_on);
    return check.Take();
}

}  // namespace myodesk::core
