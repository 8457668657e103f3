#pragma once

// The plan generator's inside, shared by its files: what is derived from the inputs once
// (PlanContext, plan_context.cpp) and how one session is shaped by the rules of its day
// (PlanContext::Shape, plan_session_shape.cpp). Internal to core (the plan generator).

#include <myodesk/core/plan.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace myodesk::core::detail {

// Taper sessions are shorter than the hour of build and peak.
constexpr int kTaperDurationMin = 45;

// What a session is for; decides its template and its main reason.
enum class SessionKind {
    kMaintenance,       // base
    kWeekly,            // build / peak week without a recovery session yet
    kAfterLongRun,      // 24-48 h after a key long run
    kReset,             // recovery (cut-back) week
    kTaper,             // taper
    kFlush,             // race week
    kPostRaceLight,     // day 2 after the race
    kPostRaceRecovery,  // later after the race
};

inline bool IsDeepTechnique(Technique technique) {
    return technique == Technique::kDeepTissue || technique == Technique::kTriggerPoint;
}

// A candidate focus region and why it is one.
struct FocusCandidate {
    RegionSide region;
    PlanReason reason;
};

// A session while Shape builds it: the template of its kind, and what the rules of its day
// have allowed so far.
struct SessionDraft {
    SessionKind kind = SessionKind::kMaintenance;
    PlannedSession session;
    std::optional<int> after_race;  // days from the race to the session (negative before it)
    bool deep_allowed = true;
    int pressure = 5;      // the pressure the template asks for
    int pressure_cap = 0;  // the most the rules allow

    void LowerCap(int cap) { pressure_cap = std::min(pressure_cap, cap); }
};

// The focus regions of a session, each with why it is one.
using FocusList = std::vector<std::pair<RegionSide, PlanReason>>;

// Everything derived from the inputs once, shared by the generator and MoveSession.
class PlanContext {
  public:
    explicit PlanContext(const PlanInputs& inputs) : m_in(inputs), m_s(inputs.settings) {
        FindRace();
        m_to = HorizonEnd();
        BuildCalendar();
        ReadNotes();
        BuildFocusCandidates();
        FindRecoveryWeeks();
    }

    const PlanSettings& Settings() const { return m_s; }
    const std::optional<Date>& Race() const { return m_race; }
    // The first race after kRaceHorizonWeeks when there is none before (not planned around).
    const std::optional<Date>& RaceBeyondHorizon() const { return m_race_too_far; }
    Date From() const { return m_in.from; }
    Date To() const { return m_to; }
    // The first long run assumed from the intake's long-run weekday, if any.
    const std::optional<Date>& LongRunsAssumedFrom() const { return m_long_runs_assumed_from; }
    const std::optional<Date>& LastSession() const { return m_last_session; }
    DistanceUnit Units() const {
        return m_in.intake ? m_in.intake->runner.units : DistanceUnit::kKm;
    }

    // The day's training, or nullptr.
    const PlanRun* RunOn(const Date& date) const {
        const auto found = m_runs.find(DayNumber(date));
        return found == m_runs.end() ? nullptr : &found->second;
    }
    bool HardOn(const Date& date) const {
        const PlanRun* run = RunOn(date);
        return run != nullptr && IsHardTraining(run->type);
    }
    const std::map<int, PlanRun>& Runs() const { return m_runs; }

    // Days from the race to `date` (negative before it), when there is a race.
    std::optional<int> DaysAfterRace(const Date& date) const {
        if (!m_race) {
            return std::nullopt;
        }
        return DaysBetween(*m_race, date);
    }

    // First day of the week block holding `date`. Blocks are anchored on the day after the
    // race, so that race week ends on race day; without a race on the plan's first day.
    Date BlockStart(const Date& date) const {
        const Date anchor = m_race ? AddDays(*m_race, 1) : m_in.from;
        const int offset = DaysBetween(anchor, date);
        const int block = offset >= 0 ? offset / 7 : -((-offset + 6) / 7);
        return AddDays(anchor, block * 7);
    }

    // The long run of the recovery_after_long_run_max_days days before `date`, the latest
    // first; nullptr when there is none.
    const PlanRun* LongRunBefore(const Date& date) const {
        for (int back = 1; back <= m_s.recovery_after_long_run_max_days; ++back) {
            const PlanRun* run = RunOn(AddDays(date, -back));
            if (run != nullptr && run->type == RunType::kLong) {
                return run;
            }
        }
        return nullptr;
    }

    // The phase of a day, recovery weeks included.
    PlanPhase PhaseOn(const Date& date) const {
        const PlanPhase phase = RacePhaseOn(date);
        if ((phase == PlanPhase::kBase || phase == PlanPhase::kBuild ||
             phase == PlanPhase::kPeak) &&
            m_recovery_blocks.count(DayNumber(BlockStart(date))) != 0) {
            return PlanPhase::kRecoveryWeek;
        }
        return phase;
    }

    // The phase from the race alone (no recovery weeks).
    PlanPhase RacePhaseOn(const Date& date) const {
        if (!m_race) {
            return PlanPhase::kBase;
        }
        const int to_race = DaysBetween(date, *m_race);
        if (to_race < 0) {
            return PlanPhase::kPostRace;
        }
        if (to_race <= 6) {
            return PlanPhase::kRaceWeek;
        }
        const int taper_end = 6 + 7 * m_s.taper_weeks;
        if (to_race <= taper_end) {
            return PlanPhase::kTaper;
        }
        const int week = (to_race - taper_end - 1) / 7;  // 0: the week before the taper
        if (week < m_s.peak_weeks) {
            return PlanPhase::kPeak;
        }
        if (week < m_s.peak_weeks + m_s.build_weeks) {
            return PlanPhase::kBuild;
        }
        return PlanPhase::kBase;
    }

    // No massage at all on these days: from the day before the flush limit to the day before
    // light work may start after the race (by default the day before the race to the day
    // after it).
    bool TooCloseToRace(const Date& date) const {
        const auto after = DaysAfterRace(date);
        return after && *after > -m_s.flush_days_before_race &&
               *after < m_s.post_race_light_from_day;
    }

    const std::vector<ContraindicationFlag>& FlagsOn(const Date& date) const {
        static const std::vector<ContraindicationFlag> kNone;
        if (!m_in.intake) {
            return kNone;
        }
        auto& cached = m_flags[DayNumber(date)];
        if (!cached) {
            cached = ScreenContraindications(*m_in.intake, date, m_in.screening);
        }
        return *cached;
    }

    std::optional<FlagCode> AbsoluteFlagOn(const Date& date) const {
        for (const auto& flag : FlagsOn(date)) {
            if (flag.level == FlagLevel::kAbsolute) {
                return flag.code;
            }
        }
        return std::nullopt;
    }

    // Whether some focus region hurts enough that deep work is worth it in base.
    bool HasChronicTightness() const { return m_chronic_tightness; }
    bool RestrictedMotion() const { return m_restricted_motion; }
    bool IsStubborn(const RegionSide& region) const {
        return (region.region == Region::kHamstrings || region.region == Region::kHipFlexors) &&
               std::find(m_stubborn.begin(), m_stubborn.end(), region.region) != m_stubborn.end();
    }

    // The session of `kind` on `date`, shaped by every rule that applies that day.
    PlannedSession Shape(SessionKind kind, const Date& date) const;

    // Week totals (km) of the calendar's own runs, by block start day number; only weeks the
    // calendar covers from start to end, since a partial week would look like a cut-back.
    std::map<int, double> WeekTotals() const {
        std::map<int, double> totals;
        if (!m_calendar_first || !m_calendar_last) {
            return totals;
        }
        for (const auto& [day, run] : m_runs) {
            const Date start = BlockStart(run.date);
            if (!run.assumed && start >= *m_calendar_first &&
                AddDays(start, 6) <= *m_calendar_last) {
                totals[DayNumber(start)] += run.distance_km.value_or(0);
            }
        }
        return totals;
    }

    static int DayNumber(const Date& date) {
        return static_cast<int>(std::chrono::sys_days{date}.time_since_epoch().count());
    }
    static Date FromDayNumber(int day) {
        return Date{std::chrono::sys_days{std::chrono::days{day}}};
    }

  private:
    // Reading the inputs (plan_context.cpp), in the order the constructor calls them.
    void FindRace();
    Date HorizonEnd() const;
    void BuildCalendar();
    void ReadNotes();
    void BuildFocusCandidates();
    void FindRecoveryWeeks();

    // Shape's steps (plan_session_shape.cpp), in the order Shape takes them.
    SessionDraft StartSession(SessionKind kind, const Date& date) const;
    void CautionHardTrainingAhead(SessionDraft& draft) const;
    void ApplyRaceRules(SessionDraft& draft) const;
    std::vector<RegionSide> ApplyFlags(SessionDraft& draft) const;
    void ApplyPressurePreference(SessionDraft& draft) const;
    FocusList ChooseFocus(SessionDraft& draft, const std::vector<RegionSide>& excluded) const;
    void AddSpecialTechniques(SessionDraft& draft, const FocusList& focus) const;
    void SettleTechniquesAndPressure(SessionDraft& draft) const;
    void AddFocusRegions(SessionDraft& draft, const FocusList& focus) const;

    const PlanInputs& m_in;
    const PlanSettings& m_s;
    std::optional<Date> m_race;
    bool m_race_assumed = false;
    std::optional<Date> m_race_too_far;
    Date m_to{};
    std::map<int, PlanRun> m_runs;
    std::optional<Date> m_long_runs_assumed_from;
    std::optional<Date> m_calendar_first;  // the training calendar's first and last day
    std::optional<Date> m_calendar_last;
    std::optional<Date> m_last_session;
    std::vector<std::pair<RegionSide, int>> m_note_regions;  // region, newest pain
    std::vector<Region> m_stubborn;
    bool m_restricted_motion = false;
    bool m_chronic_tightness = false;
    std::vector<FocusCandidate> m_candidates;
    std::map<int, bool> m_recovery_blocks;
    mutable std::map<int, std::optional<std::vector<ContraindicationFlag>>> m_flags;
};

}  // namespace myodesk::core::detail
