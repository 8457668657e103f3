// What the plan generator derives from its inputs once: the race, the horizon, the training
// calendar (with assumed long runs), what recent notes show, the focus candidates and the
// recovery weeks.
#include "plan_context.h"

#include <array>
#include <cctype>
#include <string>

namespace myodesk::core::detail {

namespace {

// The runner's usual load regions (DOMAIN.md, issue 5), in the order they are offered.
constexpr std::array<Region, 6> kLoadRegions{Region::kCalves,     Region::kQuadriceps,
                                             Region::kHamstrings, Region::kGlutes,
                                             Region::kHipFlexors, Region::kFeet};

// Words in a note's objective or assessment that record restricted range of motion.
constexpr std::array<std::string_view, 6> kRestrictedMotionWords{"restricted",    "reduced range",
                                                                 "limited range", "range of motion",
                                                                 "reduced rom",   "limited rom"};

std::string Lowercase(std::string_view text) {
    std::string lower(text);
    for (char& c : lower) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return lower;
}

}  // namespace

void PlanContext::FindRace() {
    // The first race on the calendar from the plan's first day; else the intake's goal race.
    // Only a race within kRaceHorizonWeeks is planned around; the first later one is kept to
    // say why the plan has none.
    const Date last_race_day = AddDays(m_in.from, 7 * kRaceHorizonWeeks);
    std::optional<Date> race;
    std::optional<Date> beyond;
    const auto consider = [&](const Date& date) {
        auto& slot = date <= last_race_day ? race : beyond;
        if (!slot || date < *slot) {
            slot = date;
        }
    };
    for (const auto& entry : m_in.training) {
        if (entry.type == RunType::kRace && entry.date >= m_in.from) {
            consider(entry.date);
        }
    }
    if (!race && m_in.intake && m_in.intake->runner.goal_race.date &&
        *m_in.intake->runner.goal_race.date >= m_in.from) {
        consider(*m_in.intake->runner.goal_race.date);
        m_race_assumed = race.has_value();
    }
    m_race = race;
    if (!race) {
        m_race_too_far = beyond;
    }
}

Date PlanContext::HorizonEnd() const {
    Date end{};
    if (m_in.weeks) {
        end = AddDays(m_in.from, 7 * std::clamp(*m_in.weeks, 1, kMaxPlanWeeks) - 1);
    } else if (m_race) {
        end = AddDays(*m_race, 7 * std::clamp(m_s.weeks_after_race, 0, kMaxPlanWeeks));
    } else {
        end = AddDays(m_in.from, 7 * std::clamp(m_s.weeks_without_race, 1, kMaxPlanWeeks) - 1);
    }
    return std::min(end, AddDays(m_in.from, 7 * kMaxPlanWeeks - 1));
}

void PlanContext::BuildCalendar() {
    const Date first = AddDays(m_in.from, -m_s.spike_lookback_days - 14);
    for (const auto& entry : m_in.training) {
        if (!m_calendar_first || entry.date < *m_calendar_first) {
            m_calendar_first = entry.date;
        }
        if (!m_calendar_last || entry.date > *m_calendar_last) {
            m_calendar_last = entry.date;
        }
        if (entry.date >= first && entry.date <= m_to) {
            m_runs[DayNumber(entry.date)] =
                PlanRun{entry.date, entry.type, entry.distance_km, false};
        }
    }
    if (!m_in.intake) {
        return;
    }
    const RunnerProfile& runner = m_in.intake->runner;
    // The intake's recent runs count as training where the calendar has nothing that day.
    for (const auto& run : runner.recent_runs) {
        if (run.date >= first && run.date <= m_to) {
            m_runs.try_emplace(DayNumber(run.date),
                               PlanRun{run.date, run.type, run.distance_km, false});
        }
    }
    if (m_race && m_race_assumed) {
        m_runs.insert_or_assign(DayNumber(*m_race), PlanRun{*m_race, RunType::kRace,
                                                            runner.goal_race.distance_km, true});
    }
    // Where the calendar ends (or there is none), long runs fall on the intake's long-run
    // weekday, up to the week before race week.
    if (runner.long_run_weekday) {
        const int weekday = static_cast<int>(*runner.long_run_weekday);
        const Date start = m_calendar_last && *m_calendar_last >= m_in.from
                               ? AddDays(*m_calendar_last, 1)
                               : m_in.from;
        for (Date day = start; day <= m_to; day = AddDays(day, 1)) {
            if (IsoWeekdayIndex(day) != weekday) {
                continue;
            }
            if (m_race && DaysBetween(day, *m_race) < 7) {
                break;  // race week and after: no long runs
            }
            if (m_runs.try_emplace(DayNumber(day), PlanRun{day, RunType::kLong, std::nullopt, true})
                    .second &&
                !m_long_runs_assumed_from) {
                m_long_runs_assumed_from = day;
            }
        }
    }
}

void PlanContext::ReadNotes() {
    const Date window_start = AddDays(m_in.from, -m_s.recent_notes_days);
    // Per region and side: the pain of the newest note, and how many notes found it sore.
    struct RegionHistory {
        Date newest{};
        int pain = 0;
        int sore_notes = 0;
    };
    std::map<std::pair<int, int>, RegionHistory> history;
    for (const auto& note : m_in.recent_notes) {
        if (note.date > m_in.from) {
            continue;
        }
        if (!m_last_session || note.date > *m_last_session) {
            m_last_session = note.date;
        }
        if (note.date < window_start) {
            continue;
        }
        const std::string text = Lowercase(note.objective + "\n" + note.assessment);
        for (const auto words : kRestrictedMotionWords) {
            if (text.find(words) != std::string::npos) {
                m_restricted_motion = true;
            }
        }
        for (const auto& work : note.regions) {
            const int pain = work.pain_after.value_or(work.pain_before.value_or(0));
            auto& entry = history[{static_cast<int>(work.region), static_cast<int>(work.side)}];
            if (note.date >= entry.newest) {
                entry.newest = note.date;
                entry.pain = pain;
            }
            if (work.pain_before.value_or(0) >= m_s.stubborn_pain_min) {
                ++entry.sore_notes;
            }
        }
    }
    for (const auto& [key, entry] : history) {
        const RegionSide region{static_cast<Region>(key.first), static_cast<Side>(key.second)};
        if (entry.pain >= 3) {
            m_note_regions.push_back({region, entry.pain});
        }
        if (entry.sore_notes >= m_s.stubborn_sessions) {
            m_stubborn.push_back(region.region);
        }
    }
    std::stable_sort(m_note_regions.begin(), m_note_regions.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
}

void PlanContext::BuildFocusCandidates() {
    auto add = [this](const RegionSide& region, PlanReason reason) {
        for (const auto& existing : m_candidates) {
            if (existing.region == region) {
                return;
            }
        }
        m_candidates.push_back({region, std::move(reason)});
    };
    if (m_in.intake) {
        std::vector<Soreness> soreness = m_in.intake->soreness;
        std::stable_sort(soreness.begin(), soreness.end(),
                         [](const Soreness& a, const Soreness& b) { return a.pain > b.pain; });
        for (const auto& sore : soreness) {
            if (sore.pain <= 0) {
                continue;
            }
            const RegionSide region{sore.region, sore.side};
            PlanDetail detail;
            detail.region = region;
            detail.pain = sore.pain;
            add(region, {PlanReasonCode::kSorenessFocus, detail});
            m_chronic_tightness = m_chronic_tightness || sore.pain >= m_s.stubborn_pain_min;
            if (sore.pain >= m_s.stubborn_pain_min + 2) {
                m_stubborn.push_back(sore.region);  // a strong, current spot counts too
            }
        }
    }
    for (const auto& [region, pain] : m_note_regions) {
        PlanDetail detail;
        detail.region = region;
        detail.pain = pain;
        add(region, {PlanReasonCode::kNotesFocus, detail});
        m_chronic_tightness = m_chronic_tightness || pain >= m_s.stubborn_pain_min;
    }
    for (const Region load : kLoadRegions) {
        const bool present = std::any_of(m_candidates.begin(), m_candidates.end(),
                                         [load](const auto& c) { return c.region.region == load; });
        if (!present) {
            PlanDetail detail;
            detail.region = RegionSide{load, Side::kBilateral};
            add(*detail.region, {PlanReasonCode::kLoadRegionFocus, detail});
        }
    }
}

// A cut-back week: its distance at least cutback_percent below the weeks on both sides
// (or the one side there is), in base, build or peak.
void PlanContext::FindRecoveryWeeks() {
    const auto totals = WeekTotals();
    const double limit = 1.0 - m_s.cutback_percent / 100.0;
    for (const auto& [block, total] : totals) {
        const Date start = FromDayNumber(block);
        const PlanPhase phase = RacePhaseOn(start);
        if (phase != PlanPhase::kBase && phase != PlanPhase::kBuild && phase != PlanPhase::kPeak) {
            continue;
        }
        const auto before = totals.find(block - 7);
        const auto after = totals.find(block + 7);
        const bool after_counts = after != totals.end() &&
                                  RacePhaseOn(FromDayNumber(after->first)) != PlanPhase::kTaper &&
                                  RacePhaseOn(FromDayNumber(after->first)) != PlanPhase::kRaceWeek;
        if (before == totals.end() && !after_counts) {
            continue;
        }
        bool lighter = true;
        if (before != totals.end()) {
            lighter = lighter && total <= before->second * limit;
        }
        if (after_counts) {
            lighter = lighter && total <= after->second * limit;
        }
        if (lighter) {
            m_recovery_blocks.insert({block, true});
        }
    }
}

}  // namespace myodesk::core::detail
