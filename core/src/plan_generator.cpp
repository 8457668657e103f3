// The plan generator: a pure function from a client's intake, training calendar, recent notes,
// booked sessions and the clinic's rule settings to a massage plan with a reason for every
// session. The rules are DOMAIN.md's "Training context" and "Contraindications"; every number
// is a PlanSettings (or ScreeningSettings) value.
#include <myodesk/core/plan.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <string>

namespace myodesk::core {

namespace {

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

// The kind of an existing session, from its main reason.
SessionKind KindOf(const PlannedSession& session) {
    for (const auto& reason : session.reasons) {
        switch (reason.code) {
            case PlanReasonCode::kBaseMaintenance:
                return SessionKind::kMaintenance;
            case PlanReasonCode::kWeeklySession:
                return SessionKind::kWeekly;
            case PlanReasonCode::kAfterLongRun:
                return SessionKind::kAfterLongRun;
            case PlanReasonCode::kRecoveryWeekReset:
                return SessionKind::kReset;
            case PlanReasonCode::kTaperLighter:
                return SessionKind::kTaper;
            case PlanReasonCode::kRaceWeekFlush:
                return SessionKind::kFlush;
            case PlanReasonCode::kPostRaceLight:
                return SessionKind::kPostRaceLight;
            case PlanReasonCode::kPostRaceRecovery:
                return SessionKind::kPostRaceRecovery;
            default:
                break;
        }
    }
    return SessionKind::kMaintenance;
}

bool IsDeepTechnique(Technique technique) {
    return technique == Technique::kDeepTissue || technique == Technique::kTriggerPoint;
}

bool Contains(const std::vector<Technique>& techniques, Technique technique) {
    return std::find(techniques.begin(), techniques.end(), technique) != techniques.end();
}

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

// A candidate focus region and why it is one.
struct FocusCandidate {
    RegionSide region;
    PlanReason reason;
};

// Whether a flag (or an area to avoid) on `excluded` rules out working `wanted`; when it only
// rules out one side of a bilateral region, `remaining` is the other side.
bool Excludes(const RegionSide& excluded, const RegionSide& wanted,
              std::optional<RegionSide>& remaining) {
    remaining.reset();
    if (excluded.region != wanted.region) {
        return false;
    }
    const bool one_side = excluded.side == Side::kLeft || excluded.side == Side::kRight;
    if (one_side && wanted.side == Side::kBilateral) {
        remaining =
            RegionSide{wanted.region, excluded.side == Side::kLeft ? Side::kRight : Side::kLeft};
        return true;
    }
    if (one_side && (wanted.side == Side::kLeft || wanted.side == Side::kRight)) {
        return wanted.side == excluded.side;
    }
    return true;  // both sides, midline, or the region as a whole
}

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
    void FindRace() {
        // The first race on the calendar from the plan's first day; else the intake's goal race.
        std::optional<Date> race;
        for (const auto& entry : m_in.training) {
            if (entry.type == RunType::kRace && entry.date >= m_in.from &&
                (!race || entry.date < *race)) {
                race = entry.date;
            }
        }
        if (!race && m_in.intake && m_in.intake->runner.goal_race.date &&
            *m_in.intake->runner.goal_race.date >= m_in.from) {
            race = m_in.intake->runner.goal_race.date;
            m_race_assumed = true;
        }
        m_race = race;
    }

    Date HorizonEnd() const {
        if (m_in.weeks) {
            return AddDays(m_in.from, 7 * std::max(1, *m_in.weeks) - 1);
        }
        if (m_race) {
            return AddDays(*m_race, 7 * m_s.weeks_after_race);
        }
        return AddDays(m_in.from, 7 * m_s.weeks_without_race - 1);
    }

    void BuildCalendar() {
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
            m_runs.insert_or_assign(
                DayNumber(*m_race),
                PlanRun{*m_race, RunType::kRace, runner.goal_race.distance_km, true});
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
                if (m_runs
                        .try_emplace(DayNumber(day),
                                     PlanRun{day, RunType::kLong, std::nullopt, true})
                        .second &&
                    !m_long_runs_assumed_from) {
                    m_long_runs_assumed_from = day;
                }
            }
        }
    }

    void ReadNotes() {
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

    void BuildFocusCandidates() {
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
            const bool present =
                std::any_of(m_candidates.begin(), m_candidates.end(),
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
    void FindRecoveryWeeks() {
        const auto totals = WeekTotals();
        const double limit = 1.0 - m_s.cutback_percent / 100.0;
        for (const auto& [block, total] : totals) {
            const Date start = FromDayNumber(block);
            const PlanPhase phase = RacePhaseOn(start);
            if (phase != PlanPhase::kBase && phase != PlanPhase::kBuild &&
                phase != PlanPhase::kPeak) {
                continue;
            }
            const auto before = totals.find(block - 7);
            const auto after = totals.find(block + 7);
            const bool after_counts =
                after != totals.end() &&
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

    const PlanInputs& m_in;
    const PlanSettings& m_s;
    std::optional<Date> m_race;
    bool m_race_assumed = false;
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

PlannedSession PlanContext::Shape(SessionKind kind, const Date& date) const {
    if (kind == SessionKind::kAfterLongRun && !LongRunBefore(date)) {
        kind = SessionKind::kWeekly;  // moved away from its long run: an ordinary weekly one
    }
    PlannedSession session;
    session.date = date;
    session.phase = PhaseOn(date);
    const auto after_race = DaysAfterRace(date);
    bool deep_allowed = true;
    int pressure = 5;

    switch (kind) {
        case SessionKind::kMaintenance: {
            PlanDetail detail;
            detail.days = m_s.base_interval_days;
            session.reasons.push_back({PlanReasonCode::kBaseMaintenance, detail});
            if (m_chronic_tightness) {
                session.techniques = {Technique::kDeepTissue, Technique::kSwedish};
                pressure = m_s.deep_pressure_min;
            } else {
                session.techniques = {Technique::kSwedish};
                deep_allowed = false;
            }
            session.duration_min = 60;
            break;
        }
        case SessionKind::kWeekly:
            session.reasons.push_back({PlanReasonCode::kWeeklySession, {}});
            session.techniques = {Technique::kDeepTissue, Technique::kSports};
            session.duration_min = 60;
            pressure = m_s.deep_pressure_min;
            break;
        case SessionKind::kAfterLongRun: {
            // The key long run this session recovers from.
            PlanDetail detail;
            const PlanRun* run = LongRunBefore(date);
            detail.date = run->date;
            detail.run_type = run->type;
            detail.distance_km = run->distance_km;
            session.reasons.push_back({PlanReasonCode::kAfterLongRun, detail});
            session.techniques = {Technique::kSports, Technique::kDeepTissue};
            session.duration_min = 60;
            pressure = m_s.deep_pressure_min;
            break;
        }
        case SessionKind::kReset:
            session.reasons.push_back({PlanReasonCode::kRecoveryWeekReset, {}});
            session.techniques = {Technique::kSwedish, Technique::kMyofascial};
            session.duration_min = 45;
            pressure = 4;
            deep_allowed = false;
            break;
        case SessionKind::kTaper: {
            session.reasons.push_back({PlanReasonCode::kTaperLighter, {}});
            session.duration_min = kTaperDurationMin;
            const int to_race = after_race ? -*after_race : 0;
            if (after_race && to_race >= m_s.last_deep_days_before_race) {
                session.techniques = {Technique::kSports, Technique::kDeepTissue};
                pressure = m_s.deep_pressure_min;
            } else {
                session.techniques = {Technique::kSports, Technique::kSwedish};
                pressure = m_s.lighter_pressure_max;
            }
            break;
        }
        case SessionKind::kFlush: {
            PlanDetail detail;
            detail.days = after_race ? -*after_race : 0;
            session.reasons.push_back({PlanReasonCode::kRaceWeekFlush, detail});
            session.techniques = {Technique::kSwedish};
            session.duration_min = m_s.min_duration_min;
            pressure = m_s.light_pressure_max;
            deep_allowed = false;
            break;
        }
        case SessionKind::kPostRaceLight: {
            PlanDetail detail;
            detail.days = after_race.value_or(0);
            session.reasons.push_back({PlanReasonCode::kPostRaceLight, detail});
            session.techniques = {Technique::kSwedish};
            session.duration_min = m_s.min_duration_min;
            pressure = m_s.light_pressure_max;
            deep_allowed = false;
            break;
        }
        case SessionKind::kPostRaceRecovery: {
            PlanDetail detail;
            detail.days = after_race.value_or(0);
            session.reasons.push_back({PlanReasonCode::kPostRaceRecovery, detail});
            session.techniques = {Technique::kSports, Technique::kDeepTissue};
            session.duration_min = 60;
            pressure = m_s.deep_pressure_min;
            break;
        }
    }

    int pressure_cap = m_s.max_pressure;
    const auto lower_cap = [&pressure_cap](int cap) { pressure_cap = std::min(pressure_cap, cap); };

    // Hard training the next day (or within no_hard_after_deep_days): a lighter session, no
    // deep work.
    for (int ahead = 1; ahead <= std::max(1, m_s.no_hard_after_deep_days); ++ahead) {
        const Date day = AddDays(date, ahead);
        const PlanRun* run = RunOn(day);
        if (run == nullptr || !IsHardTraining(run->type)) {
            continue;
        }
        PlanDetail detail;
        detail.date = day;
        detail.run_type = run->type;
        session.cautions.push_back({ahead == 1 && run->type == RunType::kLong
                                        ? PlanCautionCode::kDayBeforeHardRun
                                        : PlanCautionCode::kHardRunNextDay,
                                    detail});
        deep_allowed = false;
        lower_cap(m_s.lighter_pressure_max);
        break;
    }

    // Around the race.
    if (after_race) {
        const int to_race = -*after_race;
        if (to_race >= 0 && to_race < m_s.last_deep_days_before_race) {
            if (deep_allowed || Contains(session.techniques, Technique::kDeepTissue)) {
                PlanDetail detail;
                detail.days = m_s.last_deep_days_before_race;
                session.cautions.push_back({PlanCautionCode::kNoDeepBeforeRace, detail});
            }
            deep_allowed = false;
        }
        if (to_race >= 0 && to_race <= 6) {
            // Race week: a light flush only, nothing new.
            session.techniques = {Technique::kSwedish};
            session.duration_min = m_s.min_duration_min;
            lower_cap(m_s.light_pressure_max);
            if (kind != SessionKind::kFlush) {
                PlanDetail detail;
                detail.days = to_race;
                session.reasons.insert(session.reasons.begin(),
                                       {PlanReasonCode::kRaceWeekFlush, detail});
            }
        }
        if (*after_race > 0 && *after_race < m_s.post_race_deep_from_day) {
            PlanDetail detail;
            detail.days = m_s.post_race_deep_from_day;
            session.cautions.push_back({PlanCautionCode::kNoDeepAfterRace, detail});
            deep_allowed = false;
            lower_cap(m_s.light_pressure_max);
        }
    }

    // Contraindication flags of the day.
    std::vector<RegionSide> excluded;
    for (const auto& flag : FlagsOn(date)) {
        PlanDetail detail;
        detail.flag = flag.code;
        switch (flag.level) {
            case FlagLevel::kAbsolute:
                break;  // no session that day: the placement never gets here
            case FlagLevel::kLocal:
                if (flag.region) {
                    excluded.push_back({*flag.region, flag.side.value_or(Side::kBilateral)});
                    detail.region = excluded.back();
                }
                detail.date = flag.until;
                session.cautions.push_back({PlanCautionCode::kFlagRegionRemoved, detail});
                break;
            case FlagLevel::kModify:
                detail.pressure = m_in.screening.modify_pressure_cap;
                session.cautions.push_back({PlanCautionCode::kFlagModify, detail});
                deep_allowed = false;
                lower_cap(m_in.screening.modify_pressure_cap);
                if (flag.physician_clearance) {
                    session.cautions.push_back({PlanCautionCode::kPhysicianClearance, {}});
                }
                if (flag.code == FlagCode::kPainMaskingMedication) {
                    session.cautions.push_back({PlanCautionCode::kPainMasking, {}});
                }
                break;
        }
    }
    if (!m_in.intake) {
        session.cautions.push_back({PlanCautionCode::kNotScreened, {}});
    }

    // The client's preferred pressure is a ceiling.
    if (m_in.intake && m_in.intake->preferences.pressure) {
        const int preferred = PressureLevel(*m_in.intake->preferences.pressure);
        if (preferred < std::min(pressure, pressure_cap)) {
            PlanDetail detail;
            detail.pressure = preferred;
            session.cautions.push_back({PlanCautionCode::kPressurePreference, detail});
        }
        lower_cap(preferred);
    }
    if (pressure_cap < m_s.deep_pressure_min) {
        deep_allowed = false;
    }

    // Focus regions: the candidates in order, less what the intake and the flags rule out.
    std::vector<std::pair<RegionSide, PlanReason>> focus;
    const std::vector<RegionSide> avoid =
        m_in.intake ? m_in.intake->avoid_regions : std::vector<RegionSide>{};
    for (const auto& region : avoid) {
        PlanDetail detail;
        detail.region = region;
        session.cautions.push_back({PlanCautionCode::kAvoidRegion, detail});
    }
    for (const auto& candidate : m_candidates) {
        if (static_cast<int>(focus.size()) >= m_s.max_focus_regions) {
            break;
        }
        std::optional<RegionSide> region = candidate.region;
        const std::array<const std::vector<RegionSide>*, 2> ruled_out_lists{&excluded, &avoid};
        for (const std::vector<RegionSide>* list : ruled_out_lists) {
            for (const auto& ruled_out : *list) {
                if (!region) {
                    break;
                }
                std::optional<RegionSide> remaining;
                if (Excludes(ruled_out, *region, remaining)) {
                    region = remaining;
                }
            }
        }
        if (!region) {
            continue;
        }
        PlanReason reason = candidate.reason;
        reason.detail.region = *region;
        const bool duplicate = std::any_of(focus.begin(), focus.end(),
                                           [&](const auto& f) { return f.first == *region; });
        if (!duplicate) {
            focus.push_back({*region, reason});
        }
    }

    // Trigger points for stubborn hamstring or hip-flexor spots; myofascial release where
    // range of motion is restricted.
    const bool light_only = kind == SessionKind::kFlush || kind == SessionKind::kPostRaceLight ||
                            (after_race && -*after_race >= 0 && -*after_race <= 6);
    if (deep_allowed && !light_only) {
        for (const auto& [region, reason] : focus) {
            if (IsStubborn(region)) {
                if (!Contains(session.techniques, Technique::kTriggerPoint)) {
                    session.techniques.push_back(Technique::kTriggerPoint);
                }
                PlanDetail detail;
                detail.region = region;
                session.reasons.push_back({PlanReasonCode::kStubbornSpot, detail});
                break;
            }
        }
    }
    if (m_restricted_motion && !light_only) {
        if (!Contains(session.techniques, Technique::kMyofascial)) {
            session.techniques.push_back(Technique::kMyofascial);
        }
        session.reasons.push_back({PlanReasonCode::kRestrictedMotion, {}});
    }

    if (!deep_allowed) {
        std::erase_if(session.techniques, IsDeepTechnique);
        if (session.techniques.empty() ||
            (session.techniques.size() == 1 && session.techniques[0] == Technique::kMyofascial)) {
            session.techniques.insert(session.techniques.begin(),
                                      kind == SessionKind::kWeekly ||
                                              kind == SessionKind::kAfterLongRun ||
                                              kind == SessionKind::kPostRaceRecovery
                                          ? Technique::kSports
                                          : Technique::kSwedish);
        }
        lower_cap(m_s.deep_pressure_min - 1);
    }
    if (session.phase == PlanPhase::kTaper) {
        session.duration_min = std::min(session.duration_min, kTaperDurationMin);
    }
    session.pressure_max = std::max(1, std::min(pressure, pressure_cap));
    session.duration_min =
        std::clamp(session.duration_min, m_s.min_duration_min, m_s.max_duration_min);

    for (const auto& [region, reason] : focus) {
        session.regions.push_back(region);
        session.reasons.push_back(reason);
    }
    const auto has_region = [&](Region region) {
        return std::any_of(session.regions.begin(), session.regions.end(),
                           [region](const RegionSide& r) { return r.region == region; });
    };
    if (has_region(Region::kCalves) || has_region(Region::kHamstrings)) {
        session.cautions.push_back({PlanCautionCode::kPoplitealFossa, {}});
    }
    if (has_region(Region::kHipFlexors) || has_region(Region::kAdductors)) {
        session.cautions.push_back({PlanCautionCode::kFemoralTriangle, {}});
    }
    return session;
}

// Chooses days and builds the plan.
class PlanBuilder {
  public:
    PlanBuilder(const PlanInputs& inputs, const PlanContext& context)
        : m_in(inputs), m_ctx(context), m_s(inputs.settings) {}

    Plan Build() {
        m_plan.client_id = m_in.client_id;
        m_plan.generated_on = m_in.today;
        m_plan.from = m_in.from;
        m_plan.to = m_ctx.To();
        m_plan.race_date = m_ctx.Race();
        m_plan.units = m_ctx.Units();
        if (m_in.intake) {
            m_plan.intake_id = m_in.intake->id;
        }
        Phases();
        Training();
        Booked();
        Kept();
        PlaceSessions();
        std::sort(m_plan.sessions.begin(), m_plan.sessions.end(),
                  [](const auto& a, const auto& b) { return a.date < b.date; });
        Warnings();
        HomeCareAdvice();
        return std::move(m_plan);
    }

  private:
    void Phases() {
        for (Date day = m_plan.from; day <= m_plan.to; day = AddDays(day, 1)) {
            const PlanPhase phase = m_ctx.PhaseOn(day);
            if (!m_plan.phases.empty() && m_plan.phases.back().phase == phase) {
                m_plan.phases.back().to = day;
            } else {
                m_plan.phases.push_back({phase, day, day});
            }
        }
    }

    void Training() {
        const Date first = AddDays(m_plan.from, -m_s.spike_lookback_days);
        for (const auto& [day, run] : m_ctx.Runs()) {
            if (run.date >= first && run.date <= m_plan.to) {
                m_plan.training.push_back(run);
            }
        }
    }

    // Booked appointments in the plan's span are fixed sessions, shaped by that day's rules.
    void Booked() {
        for (const auto& appointment : m_in.booked) {
            // A booked day the rules rule out (an absolute flag, too close to the race) is not
            // planned; the refer warning says why.
            if (!Possible(appointment.date)) {
                continue;
            }
            PlannedSession session = m_ctx.Shape(KindFor(appointment.date), appointment.date);
            session.reasons.insert(session.reasons.begin(),
                                   {PlanReasonCode::kBookedAppointment, {}});
            session.status = PlannedSessionStatus::kBooked;
            session.appointment_id = appointment.id;
            session.duration_min = appointment.duration_min;
            m_plan.sessions.push_back(std::move(session));
        }
    }

    // What the therapist decided on the previous plan stays: a session moved to another day
    // stays there, a skipped one stays skipped (and counts for its week), both re-shaped by
    // the rules of their day as they are now.
    void Kept() {
        for (const auto& kept : m_in.kept) {
            if (kept.status == PlannedSessionStatus::kBooked ||
                (kept.status == PlannedSessionStatus::kPlanned && !kept.moved_from) ||
                !Possible(kept.date)) {
                continue;
            }
            PlannedSession session = m_ctx.Shape(KindOf(kept), kept.date);
            session.status = kept.status;
            session.moved_from = kept.moved_from;
            if (kept.moved_from) {
                PlanDetail detail;
                detail.date = *kept.moved_from;
                session.cautions.insert(session.cautions.begin(),
                                        {PlanCautionCode::kMovedByTherapist, detail});
            }
            m_plan.sessions.push_back(std::move(session));
        }
    }

    SessionKind KindFor(const Date& date) const {
        switch (m_ctx.PhaseOn(date)) {
            case PlanPhase::kBase:
                return SessionKind::kMaintenance;
            case PlanPhase::kBuild:
            case PlanPhase::kPeak: {
                for (int back = 1; back <= m_s.recovery_after_long_run_max_days; ++back) {
                    const PlanRun* run = m_ctx.RunOn(AddDays(date, -back));
                    if (run != nullptr && run->type == RunType::kLong) {
                        return SessionKind::kAfterLongRun;
                    }
                }
                return SessionKind::kWeekly;
            }
            case PlanPhase::kRecoveryWeek:
                return SessionKind::kReset;
            case PlanPhase::kTaper:
                return SessionKind::kTaper;
            case PlanPhase::kRaceWeek:
                return SessionKind::kFlush;
            case PlanPhase::kPostRace:
                return m_ctx.DaysAfterRace(date).value_or(0) < m_s.post_race_deep_from_day
                           ? SessionKind::kPostRaceLight
                           : SessionKind::kPostRaceRecovery;
        }
        return SessionKind::kMaintenance;
    }

    bool HasSessionOn(const Date& date) const {
        return std::any_of(m_plan.sessions.begin(), m_plan.sessions.end(),
                           [&](const auto& s) { return s.date == date; });
    }
    // Whether first..last already has a session, or had one the therapist moved elsewhere.
    bool HasSessionBetween(const Date& first, const Date& last) const {
        return std::any_of(m_plan.sessions.begin(), m_plan.sessions.end(), [&](const auto& s) {
            return (s.date >= first && s.date <= last) ||
                   (s.moved_from && *s.moved_from >= first && *s.moved_from <= last);
        });
    }

    // Whether a session may go on the day at all; records an absolute flag.
    bool Possible(const Date& date) {
        if (date < m_plan.from || date > m_plan.to || HasSessionOn(date) ||
            m_ctx.TooCloseToRace(date)) {
            return false;
        }
        if (const auto flag = m_ctx.AbsoluteFlagOn(date)) {
            Refer(*flag, date);
            return false;
        }
        return true;
    }

    void Refer(FlagCode flag, const Date& date) {
        m_plan.refer = true;
        const bool known =
            std::any_of(m_plan.warnings.begin(), m_plan.warnings.end(), [&](const auto& w) {
                return w.code == PlanWarningCode::kRefer && w.detail.flag == flag;
            });
        if (!known) {
            PlanDetail detail;
            detail.flag = flag;
            m_plan.warnings.push_back({PlanWarningCode::kRefer, date, detail});
        }
    }

    // The best possible day in first..last: a day with no hard training on it or the next
    // day (deep work possible), else one with none the next day, else any; earliest first.
    std::optional<Date> BestDay(const Date& first, const Date& last) {
        std::optional<Date> fallback;
        std::optional<Date> next_day_free;
        for (Date day = first; day <= last; day = AddDays(day, 1)) {
            if (!Possible(day)) {
                continue;
            }
            const bool next_hard = m_ctx.HardOn(AddDays(day, 1));
            if (!next_hard && !m_ctx.HardOn(day)) {
                return day;
            }
            if (!next_hard && !next_day_free) {
                next_day_free = day;
            }
            if (!fallback) {
                fallback = day;
            }
        }
        return next_day_free ? next_day_free : fallback;
    }

    void Add(SessionKind kind, const std::optional<Date>& day) {
        if (day) {
            m_plan.sessions.push_back(m_ctx.Shape(kind, *day));
        }
    }

    std::optional<Date> LastSessionBefore(const Date& date) const {
        std::optional<Date> last = m_ctx.LastSession();
        for (const auto& session : m_plan.sessions) {
            if (session.date < date && (!last || session.date > *last)) {
                last = session.date;
            }
        }
        return last;
    }

    void PlaceSessions() {
        const auto race = m_ctx.Race();
        // Recovery sessions 24-48 h after key long runs in build and peak.
        for (const auto& [day, run] : m_ctx.Runs()) {
            const PlanPhase phase = m_ctx.PhaseOn(run.date);
            if (run.type != RunType::kLong ||
                (phase != PlanPhase::kBuild && phase != PlanPhase::kPeak)) {
                continue;
            }
            const Date first = AddDays(run.date, 1);
            const Date last = AddDays(run.date, m_s.recovery_after_long_run_max_days);
            if (last < m_plan.from || HasSessionBetween(first, last)) {
                continue;
            }
            Add(SessionKind::kAfterLongRun, BestDay(std::max(first, m_plan.from), last));
        }
        // Week by week.
        for (Date start = m_ctx.BlockStart(m_plan.from); start <= m_plan.to;
             start = AddDays(start, 7)) {
            const Date end = AddDays(start, 6);
            const Date first = std::max(start, m_plan.from);
            const Date last = std::min(end, m_plan.to);
            switch (m_ctx.PhaseOn(start)) {
                case PlanPhase::kBase: {
                    // Every base_interval_days, counting from the last session.
                    Date due = first;
                    if (const auto previous = LastSessionBefore(first)) {
                        due = std::max(first, AddDays(*previous, m_s.base_interval_days));
                    }
                    if (due <= last && !HasSessionBetween(first, last)) {
                        Add(SessionKind::kMaintenance, BestDay(due, last));
                    }
                    break;
                }
                case PlanPhase::kBuild:
                case PlanPhase::kPeak:
                    // A recovery session just after the week (its long run was on the last
                    // day) counts for it.
                    if (!HasSessionBetween(first,
                                           AddDays(last, m_s.recovery_after_long_run_max_days))) {
                        Add(SessionKind::kWeekly, BestDay(first, last));
                    }
                    break;
                case PlanPhase::kRecoveryWeek:
                    if (!HasSessionBetween(first, last)) {
                        Add(SessionKind::kReset, BestDay(first, last));
                    }
                    break;
                case PlanPhase::kTaper:
                    if (!HasSessionBetween(first, last)) {
                        Add(SessionKind::kTaper, BestDay(first, last));
                    }
                    break;
                case PlanPhase::kRaceWeek:
                    if (race && !HasSessionBetween(first, last)) {
                        // The flush as close to flush_days_before_race as possible, not later.
                        for (Date day = AddDays(*race, -m_s.flush_days_before_race); day >= first;
                             day = AddDays(day, -1)) {
                            if (Possible(day)) {
                                Add(SessionKind::kFlush, day);
                                break;
                            }
                        }
                    }
                    break;
                case PlanPhase::kPostRace:
                    if (race && !HasSessionBetween(first, last)) {
                        const Date light = AddDays(*race, m_s.post_race_light_from_day);
                        if (light >= first && light <= last) {
                            Add(SessionKind::kPostRaceLight,
                                BestDay(light,
                                        std::min(last,
                                                 AddDays(*race, m_s.post_race_deep_from_day - 1))));
                        } else {
                            const Date deep =
                                std::max(first, AddDays(*race, m_s.post_race_deep_from_day));
                            if (deep <= last) {
                                Add(SessionKind::kPostRaceRecovery, BestDay(deep, last));
                            }
                        }
                    }
                    break;
            }
        }
        MarkLastDeepBeforeRace();
    }

    // The last session with deep work before the race says so.
    void MarkLastDeepBeforeRace() {
        const auto race = m_ctx.Race();
        if (!race) {
            return;
        }
        PlannedSession* last_deep = nullptr;
        for (auto& session : m_plan.sessions) {
            if (session.date < *race &&
                std::any_of(session.techniques.begin(), session.techniques.end(),
                            IsDeepTechnique) &&
                (last_deep == nullptr || session.date > last_deep->date)) {
                last_deep = &session;
            }
        }
        if (last_deep != nullptr && m_ctx.PhaseOn(last_deep->date) == PlanPhase::kTaper) {
            PlanDetail detail;
            detail.days = DaysBetween(last_deep->date, *race);
            last_deep->reasons.insert(last_deep->reasons.begin() + 1,
                                      {PlanReasonCode::kLastDeepBeforeRace, detail});
        }
    }

    void Warnings() {
        auto& warnings = m_plan.warnings;
        const Date from = m_plan.from;
        if (!m_in.intake) {
            warnings.push_back({PlanWarningCode::kNoIntake, from, {}});
        } else if (IsIntakeOutdated(m_in.intake->taken_on, from)) {
            PlanDetail detail;
            detail.date = m_in.intake->taken_on;
            warnings.push_back({PlanWarningCode::kIntakeOutdated, from, detail});
        }
        const auto race = m_ctx.Race();
        if (!race) {
            warnings.push_back({PlanWarningCode::kMissingRaceDate, from, {}});
        } else if (DaysBetween(from, *race) <= 6 + 7 * m_s.taper_weeks) {
            PlanDetail detail;
            detail.days = DaysBetween(from, *race);
            warnings.push_back({PlanWarningCode::kRaceSoon, *race, detail});
        }
        if (const auto assumed = m_ctx.LongRunsAssumedFrom()) {
            warnings.push_back({PlanWarningCode::kLongRunsAssumed, *assumed, {}});
        }
        // Overdue: measured against what the phase at the start asks for.
        if (const auto last = m_ctx.LastSession()) {
            const PlanPhase phase = m_ctx.PhaseOn(from);
            const int limit =
                phase == PlanPhase::kBase ? m_s.overdue_base_days : m_s.overdue_weekly_days;
            const int since = DaysBetween(*last, from);
            if (since > limit) {
                PlanDetail detail;
                detail.date = *last;
                detail.days = since;
                warnings.push_back({PlanWarningCode::kOverdueSession, from, detail});
            }
        } else if (!m_plan.refer) {
            warnings.push_back({PlanWarningCode::kNoSessionHistory, from, {}});
        }
        MileageWarnings();
        std::stable_sort(warnings.begin(), warnings.end(),
                         [](const auto& a, const auto& b) { return a.date < b.date; });
    }

    void MileageWarnings() {
        const auto& runs = m_ctx.Runs();
        const Date recent = AddDays(m_plan.from, -14);
        const double spike = 1.0 + m_s.spike_percent / 100.0;
        for (const auto& [day, run] : runs) {
            if (run.date < recent || run.date > m_plan.to || !run.distance_km ||
                run.type == RunType::kRace) {
                continue;
            }
            double longest = 0;
            for (auto it = runs.lower_bound(day - m_s.spike_lookback_days);
                 it != runs.end() && it->first < day; ++it) {
                if (it->second.distance_km) {
                    longest = std::max(longest, *it->second.distance_km);
                }
            }
            if (longest > 0 && *run.distance_km > longest * spike) {
                PlanDetail detail;
                detail.run_type = run.type;
                detail.distance_km = run.distance_km;
                detail.compared_km = longest;
                m_plan.warnings.push_back({PlanWarningCode::kMileageSpike, run.date, detail});
            }
        }
        const auto totals = m_ctx.WeekTotals();
        const double jump = 1.0 + m_s.weekly_jump_percent / 100.0;
        for (const auto& [block, total] : totals) {
            const Date start = PlanContext::FromDayNumber(block);
            const auto before = totals.find(block - 7);
            const PlanPhase phase = m_ctx.RacePhaseOn(start);
            if (before == totals.end() || AddDays(start, 6) < recent || start > m_plan.to ||
                phase == PlanPhase::kRaceWeek || phase == PlanPhase::kPostRace) {
                continue;
            }
            if (before->second > 0 && total > before->second * jump) {
                PlanDetail detail;
                detail.distance_km = total;
                detail.compared_km = before->second;
                m_plan.warnings.push_back({PlanWarningCode::kWeeklyJump, start, detail});
            }
        }
    }

    void HomeCareAdvice() {
        std::vector<PlanPhase> seen;
        for (const auto& span : m_plan.phases) {
            if (std::find(seen.begin(), seen.end(), span.phase) != seen.end()) {
                continue;
            }
            seen.push_back(span.phase);
            using H = HomeCareCode;
            std::vector<H> advice;
            switch (span.phase) {
                case PlanPhase::kBase:
                    advice = {H::kMobility, H::kSleep, H::kEasyDaysEasy};
                    break;
                case PlanPhase::kBuild:
                    advice = {H::kSleep, H::kHydration, H::kFoamRolling};
                    break;
                case PlanPhase::kPeak:
                    advice = {H::kSleep, H::kHydration, H::kFoamRolling, H::kEasyDaysEasy};
                    break;
                case PlanPhase::kRecoveryWeek:
                    advice = {H::kMobility, H::kSleep};
                    break;
                case PlanPhase::kTaper:
                    advice = {H::kSleep, H::kHydration, H::kNothingNew};
                    break;
                case PlanPhase::kRaceWeek:
                    advice = {H::kNothingNew, H::kHydration, H::kSleep};
                    break;
                case PlanPhase::kPostRace:
                    advice = {H::kPostRaceWalking, H::kHydration, H::kSleep};
                    break;
            }
            for (const H code : advice) {
                m_plan.home_care.push_back({span.phase, code});
            }
        }
    }

    const PlanInputs& m_in;
    const PlanContext& m_ctx;
    const PlanSettings& m_s;
    Plan m_plan;
};

}  // namespace

Plan GeneratePlan(const PlanInputs& inputs) {
    const PlanContext context(inputs);
    return PlanBuilder(inputs, context).Build();
}

MoveResult MoveSession(const PlanInputs& inputs, const Plan& plan, std::size_t index,
                       const Date& to) {
    MoveResult result;
    result.session = plan.sessions.at(index);
    const PlanContext context(inputs);
    const auto refuse = [&](PlanWarningCode code, PlanDetail detail = {}) {
        result.allowed = false;
        result.warnings.push_back({code, to, detail});
        return result;
    };
    if (to < plan.from || to > plan.to) {
        return refuse(PlanWarningCode::kMoveOutsidePlan);
    }
    for (std::size_t i = 0; i < plan.sessions.size(); ++i) {
        if (i != index && plan.sessions[i].date == to &&
            plan.sessions[i].status != PlannedSessionStatus::kSkipped) {
            return refuse(PlanWarningCode::kMoveDayTaken);
        }
    }
    if (context.TooCloseToRace(to)) {
        return refuse(PlanWarningCode::kMoveRaceDay);
    }
    if (const auto flag = context.AbsoluteFlagOn(to)) {
        PlanDetail detail;
        detail.flag = *flag;
        return refuse(PlanWarningCode::kRefer, detail);
    }
    const PlannedSession& original = plan.sessions[index];
    PlannedSession moved = context.Shape(KindOf(original), to);
    moved.status = original.status;
    moved.appointment_id = original.appointment_id;
    moved.moved_from = original.moved_from ? original.moved_from : original.date;
    PlanDetail detail;
    detail.date = *moved.moved_from;
    moved.cautions.insert(moved.cautions.begin(), {PlanCautionCode::kMovedByTherapist, detail});
    const bool new_caution =
        std::any_of(moved.cautions.begin(), moved.cautions.end(), [&](const PlanCaution& c) {
            return c.code != PlanCautionCode::kMovedByTherapist &&
                   std::none_of(original.cautions.begin(), original.cautions.end(),
                                [&](const PlanCaution& o) { return o.code == c.code; });
        });
    if (moved.techniques != original.techniques || moved.pressure_max != original.pressure_max ||
        moved.duration_min != original.duration_min || moved.regions != original.regions ||
        new_caution) {
        result.warnings.push_back({PlanWarningCode::kMoveChanged, to, {}});
    }
    result.allowed = true;
    result.session = std::move(moved);
    return result;
}

std::vector<PlanChange> DiffPlans(const Plan& before, const Plan& after) {
    std::vector<PlanChange> changes;
    const auto find = [](const Plan& plan, const Date& date) -> const PlannedSession* {
        for (const auto& session : plan.sessions) {
            if (session.date == date) {
                return &session;
            }
        }
        return nullptr;
    };
    for (const auto& old_session : before.sessions) {
        const PlannedSession* now = find(after, old_session.date);
        if (now == nullptr) {
            changes.push_back({PlanChangeKind::kRemoved, old_session.date, {}});
            continue;
        }
        PlanChange change{PlanChangeKind::kChanged, old_session.date, {}};
        if (now->phase != old_session.phase) {
            change.fields.push_back("phase");
        }
        if (now->techniques != old_session.techniques) {
            change.fields.push_back("techniques");
        }
        if (now->duration_min != old_session.duration_min) {
            change.fields.push_back("duration_min");
        }
        if (now->pressure_max != old_session.pressure_max) {
            change.fields.push_back("pressure_max");
        }
        if (now->regions != old_session.regions) {
            change.fields.push_back("regions");
        }
        if (!change.fields.empty()) {
            changes.push_back(std::move(change));
        }
    }
    for (const auto& new_session : after.sessions) {
        if (find(before, new_session.date) == nullptr) {
            changes.push_back({PlanChangeKind::kAdded, new_session.date, {}});
        }
    }
    std::stable_sort(changes.begin(), changes.end(),
                     [](const auto& a, const auto& b) { return a.date < b.date; });
    return changes;
}

}  // namespace myodesk::core
