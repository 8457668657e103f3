// The demo practice's running: the races on the calendar, distances as a runner counts them,
// the training phases and the training calendar of a cycle up to a race.
#include "demo_practice_internal.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace myodesk::core::demo {

namespace {

// The nth (1-4) or last (-1) `weekday` (0 Monday) of a month.
Date NthWeekday(int year, unsigned month, int weekday, int nth) {
    const Date first{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{1}};
    if (nth > 0) {
        const int offset = (weekday - IsoWeekdayIndex(first) + 7) % 7;
        return AddDays(first, offset + 7 * (nth - 1));
    }
    const Date last{std::chrono::year{year} / std::chrono::month{month} / std::chrono::last};
    const int back = (IsoWeekdayIndex(last) - weekday + 7) % 7;
    return AddDays(last, -back);
}

// The long run of a build week: from the runner's current longest up by 6% a week (so the
// longest of the last 30 days never grows by more than 10%) to the peak, holding in cut-back
// weeks (every fourth week before the race).
bool IsCutBackWeek(int weeks_to_race) {
    return weeks_to_race >= 4 && weeks_to_race % 4 == 0;
}

double BuildKm(const Runner& runner, double peak, int weeks_from_start, int weeks_to_race) {
    double km = std::min(runner.longest_km, peak);
    for (int week = 1; week <= weeks_from_start; ++week) {
        if (!IsCutBackWeek(weeks_to_race + weeks_from_start - week)) {
            km = std::min(km * 1.06, peak);
        }
    }
    return km;
}

// The long run of the week `weeks_to_race` weeks before the race (0: race week): building to
// three weeks out with a quarter less in a cut-back week, then tapering from what was reached.
double LongRunKm(const Runner& runner, double race_km, int weeks_from_start, int weeks_to_race) {
    const double peak = race_km > 30 ? 30 + 2 * runner.level : 16 + 2 * runner.level;
    if (weeks_to_race <= 0) {
        return std::min(8.0, peak / 3);
    }
    if (weeks_to_race <= 2) {
        const int peak_week = weeks_from_start - (3 - weeks_to_race);
        const double reached = peak_week >= 0 ? BuildKm(runner, peak, peak_week, 3)
                                              : std::min(runner.longest_km, peak);
        return reached * (weeks_to_race == 2 ? 0.7 : 0.5);
    }
    const double km = BuildKm(runner, peak, weeks_from_start, weeks_to_race);
    return IsCutBackWeek(weeks_to_race) && weeks_from_start > 0 ? km * 0.75 : km;
}

// The runner's training calendar from `from` through the race: long runs on the intake's
// weekday, a tempo or interval session three days before, easy runs, some cross-training.
std::vector<TrainingEntry> BuildCalendar(DemoRandom& random, const Runner& runner, const Date& from,
                                         const Race& race) {
    std::vector<TrainingEntry> entries;
    const int long_day = static_cast<int>(runner.long_run_weekday);
    // Days counted back from the long run (0) that carry a run, by runs per week.
    static constexpr std::array<int, 7> kRunDays{0, 3, 5, 2, 6, 4, 1};
    const double easy_base = runner.weekly_km / (runner.runs_per_week + 1.5);
    for (Date date = from; date <= race.date; date = AddDays(date, 1)) {
        if (date == race.date) {
            entries.push_back({date, RunType::kRace, race.distance_km});
            break;
        }
        const int back = (long_day - IsoWeekdayIndex(date) + 7) % 7;
        const int to_race = DaysBetween(date, race.date);
        const int weeks_to_race = to_race / 7;
        const int weeks_from_start = DaysBetween(from, date) / 7;
        bool runs = false;
        for (int i = 0; i < std::min(runner.runs_per_week, 7); ++i) {
            runs = runs || kRunDays[static_cast<std::size_t>(i)] == back;
        }
        if (!runs) {
            if (back == 1 || random.Between(0, 9) >= 2) {
                continue;  // rest days are not written down; the day before the long run is one
            }
            entries.push_back({date, RunType::kCross, std::nullopt});
            continue;
        }
        TrainingEntry entry{date, RunType::kEasy, std::nullopt};
        double km = easy_base * random.Real(0.8, 1.2);
        if (back == 0 && weeks_to_race > 0) {
            entry.type = RunType::kLong;
            km = LongRunKm(runner, race.distance_km, weeks_from_start, weeks_to_race);
        } else if (back == 3 && weeks_to_race > 0) {
            entry.type = (weeks_from_start % 2 == 0) ? RunType::kTempo : RunType::kIntervals;
            km = easy_base * (entry.type == RunType::kTempo ? 1.2 : 1.0);
        }
        if (to_race < 7) {
            km = std::min(km, 8.0);  // race week: short and easy
        }
        if (to_race <= 2 && entry.type != RunType::kEasy) {
            entry.type = RunType::kEasy;
        }
        // Long runs to a tenth (as a watch records them), the others to half a unit.
        entry.distance_km =
            RoundDistance(std::max(km, 3.0), runner.units, entry.type == RunType::kLong ? 10 : 2);
        entries.push_back(entry);
    }
    return entries;
}

}  // namespace

// A race run between `from` and `to` (both included), chosen among those on the calendar.
std::optional<Race> PickRace(DemoRandom& random, const Date& from, const Date& to,
                             double longest_km) {
    std::vector<Race> candidates;
    const int first_year = static_cast<int>(from.year());
    for (const auto& race : demo::Races()) {
        if (race.distance_km > longest_km) {
            continue;
        }
        for (int year = first_year; year <= first_year + 2; ++year) {
            const Date date = NthWeekday(year, race.month, race.weekday, race.nth);
            if (date >= from && date <= to) {
                candidates.push_back({std::string(race.name), date, race.distance_km});
                break;
            }
        }
    }
    if (candidates.empty()) {
        return std::nullopt;
    }
    return random.Pick(candidates);
}

double RoundDistance(double km, DistanceUnit units, int steps) {
    const double value = units == DistanceUnit::kMi ? KmToMiles(km) : km;
    const double rounded =
        std::max(static_cast<double>(static_cast<long long>(value * steps + 0.5)), 1.0) / steps;
    return units == DistanceUnit::kMi ? MilesToKm(rounded) : rounded;
}

std::string DistanceText(double km, DistanceUnit units) {
    const double value = units == DistanceUnit::kMi ? KmToMiles(km) : km;
    std::string text = fmt::format("{:.1f}", value);
    if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) {
        text.resize(text.size() - 2);
    }
    return fmt::format("{} {}", text, units == DistanceUnit::kMi ? "mi" : "km");
}

// The phase of a day, counted back from the race: race week, two weeks
// of taper, build from 16 weeks out, base before that and after the
// race.
Phase PhaseOn(const Date& date, const std::optional<Race>& race) {
    if (!race || date > race->date) {
        return Phase::kBase;
    }
    const int days = DaysBetween(date, race->date);
    if (days < 7) {
        return Phase::kRaceWeek;
    }
    if (days < 21) {
        return Phase::kTaper;
    }
    return days < 16 * 7 ? Phase::kBuild : Phase::kBase;
}

// From a long run some weeks back (a watch's history), so the calendar
// does not open with a jump from easy runs to a long one.
std::vector<TrainingEntry> CurrentTrainingCycle(DemoRandom& random, const ClientStory& story) {
    const Runner& runner = story.runner;
    const Race& race = *story.race;
    Date from = std::max(AddDays(story.today, -42), AddDays(race.date, -20 * 7));
    const int long_day = static_cast<int>(runner.long_run_weekday);
    from = AddDays(from, (long_day - IsoWeekdayIndex(from) + 7) % 7);
    return BuildCalendar(random, runner, from, race);
}

}  // namespace myodesk::core::demo
