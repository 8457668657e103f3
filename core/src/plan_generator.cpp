// The plan generator: a pure function from a client's intake, training calendar, recent notes,
// booked sessions and the clinic's rule settings to a massage plan with a reason for every
// session. The rules are DOMAIN.md's "Training context" and "Contraindications"; every number
// is a PlanSettings (or ScreeningSettings) value.
#include "plan_context.h"

#include <myodesk/core/plan.h>

#include <algorithm>
#include <string>

namespace myodesk::core {

namespace {

using detail::IsDeepTechnique;
using detail::PlanContext;
using detail::SessionKind;

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

// Chooses days and builds the plan.
class PlanBuilder {
  public:
    PlanBuilder(const PlanInputs& inputs, const PlanContext& context)
        : m_in(inputs), m_ctx(context), m_s(inputs.settings), m_unavailable(inputs.unavailable) {
        std::sort(m_unavailable.begin(), m_unavailable.end());
    }

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
    // the rules of their day as they are now. A missed one keeps its day (the client could
    // not come then) but does not count: its week gets another day, and a warning names it.
    void Kept() {
        for (const auto& kept : m_in.kept) {
            if (kept.status == PlannedSessionStatus::kMissed && kept.date < m_plan.from &&
                DaysBetween(kept.date, m_plan.from) <= m_s.overdue_weekly_days) {
                PlanDetail detail;
                detail.date = kept.date;
                m_plan.warnings.push_back({PlanWarningCode::kMissedSession, kept.date, detail});
                continue;
            }
            if (kept.status == PlannedSessionStatus::kBooked ||
                (kept.status == PlannedSessionStatus::kPlanned && !kept.moved_from) ||
                !Possible(kept.date)) {
                continue;
            }
            PlannedSession session = m_ctx.Shape(KindOf(kept), kept.date);
            session.status = kept.status;
            session.moved_from = kept.moved_from;
            if (kept.status == PlannedSessionStatus::kMissed) {
                session.appointment_id = kept.appointment_id;
                PlanDetail detail;
                detail.date = kept.date;
                m_plan.warnings.push_back({PlanWarningCode::kMissedSession, kept.date, detail});
            }
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
    // Whether first..last already has a session, or had one the therapist moved elsewhere
    // (a missed one does not count).
    bool HasSessionBetween(const Date& first, const Date& last) const {
        return std::any_of(m_plan.sessions.begin(), m_plan.sessions.end(), [&](const auto& s) {
            return s.status != PlannedSessionStatus::kMissed &&
                   ((s.date >= first && s.date <= last) ||
                    (s.moved_from && *s.moved_from >= first && *s.moved_from <= last));
        });
    }

    // Whether the client can be seen that day (their therapist works, the clinic is open). Only
    // new sessions are held to it: a booked or moved one is where the desk put it.
    bool Open(const Date& date) const {
        return !std::binary_search(m_unavailable.begin(), m_unavailable.end(), date);
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
            if (!Open(day) || !Possible(day)) {
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
            if (session.status != PlannedSessionStatus::kMissed && session.date < date &&
                (!last || session.date > *last)) {
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
                            if (Open(day) && Possible(day)) {
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
        if (const auto beyond = m_ctx.RaceBeyondHorizon(); !race && beyond) {
            PlanDetail detail;
            detail.days = DaysBetween(from, *beyond);
            warnings.push_back({PlanWarningCode::kRaceTooFar, *beyond, detail});
        } else if (!race) {
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
    std::vector<Date> m_unavailable;  // sorted
    Plan m_plan;
};

}  // namespace

Plan GeneratePlan(const PlanInputs& inputs) {
    const PlanContext context(inputs);
    return PlanBuilder(inputs, context).Build();
}

std::optional<StaffId> UsualTherapist(const PlanInputs& inputs) {
    const SessionNote* latest = nullptr;
    for (const SessionNote& note : inputs.recent_notes) {
        if (latest == nullptr || note.date > latest->date) {
            latest = &note;
        }
    }
    if (latest != nullptr) {
        return latest->therapist_id;
    }
    if (!inputs.booked.empty()) {
        return inputs.booked.front().therapist_id;
    }
    return std::nullopt;
}

Date LastPossiblePlanDay(const PlanInputs& inputs) {
    return AddDays(inputs.from, 7 * kMaxPlanWeeks);
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
            plan.sessions[i].status != PlannedSessionStatus::kSkipped &&
            plan.sessions[i].status != PlannedSessionStatus::kMissed) {
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