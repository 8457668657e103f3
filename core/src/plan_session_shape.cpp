// How one planned session is shaped by the rules of its day: the template of its kind, then
// hard training ahead, the race, the contraindication flags, the client's preferred pressure,
// the focus regions and the techniques they call for.
#include "plan_context.h"

#include <array>

namespace myodesk::core::detail {

namespace {

bool Contains(const std::vector<Technique>& techniques, Technique technique) {
    return std::find(techniques.begin(), techniques.end(), technique) != techniques.end();
}

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

}  // namespace

PlannedSession PlanContext::Shape(SessionKind kind, const Date& date) const {
    if (kind == SessionKind::kAfterLongRun && !LongRunBefore(date)) {
        kind = SessionKind::kWeekly;  // moved away from its long run: an ordinary weekly one
    }
    SessionDraft draft = StartSession(kind, date);
    CautionHardTrainingAhead(draft);
    ApplyRaceRules(draft);
    const std::vector<RegionSide> excluded = ApplyFlags(draft);
    ApplyPressurePreference(draft);
    const FocusList focus = ChooseFocus(draft, excluded);
    AddSpecialTechniques(draft, focus);
    SettleTechniquesAndPressure(draft);
    AddFocusRegions(draft, focus);
    return std::move(draft.session);
}

// The template of the kind: its main reason, techniques, duration and pressure.
SessionDraft PlanContext::StartSession(SessionKind kind, const Date& date) const {
    SessionDraft draft;
    draft.kind = kind;
    PlannedSession& session = draft.session;
    session.date = date;
    session.phase = PhaseOn(date);
    draft.after_race = DaysAfterRace(date);
    const auto& after_race = draft.after_race;

    switch (kind) {
        case SessionKind::kMaintenance: {
            PlanDetail detail;
            detail.days = m_s.base_interval_days;
            session.reasons.push_back({PlanReasonCode::kBaseMaintenance, detail});
            if (m_chronic_tightness) {
                session.techniques = {Technique::kDeepTissue, Technique::kSwedish};
                draft.pressure = m_s.deep_pressure_min;
            } else {
                session.techniques = {Technique::kSwedish};
                draft.deep_allowed = false;
            }
            session.duration_min = 60;
            break;
        }
        case SessionKind::kWeekly:
            session.reasons.push_back({PlanReasonCode::kWeeklySession, {}});
            session.techniques = {Technique::kDeepTissue, Technique::kSports};
            session.duration_min = 60;
            draft.pressure = m_s.deep_pressure_min;
            break;
        case SessionKind::kAfterLongRun: {
            // The key long run this session recovers from (Shape made sure there is one).
            PlanDetail detail;
            if (const PlanRun* run = LongRunBefore(date)) {
                detail.date = run->date;
                detail.run_type = run->type;
                detail.distance_km = run->distance_km;
            }
            session.reasons.push_back({PlanReasonCode::kAfterLongRun, detail});
            session.techniques = {Technique::kSports, Technique::kDeepTissue};
            session.duration_min = 60;
            draft.pressure = m_s.deep_pressure_min;
            break;
        }
        case SessionKind::kReset:
            session.reasons.push_back({PlanReasonCode::kRecoveryWeekReset, {}});
            session.techniques = {Technique::kSwedish, Technique::kMyofascial};
            session.duration_min = 45;
            draft.pressure = 4;
            draft.deep_allowed = false;
            break;
        case SessionKind::kTaper: {
            session.reasons.push_back({PlanReasonCode::kTaperLighter, {}});
            session.duration_min = kTaperDurationMin;
            const int to_race = after_race ? -*after_race : 0;
            if (after_race && to_race >= m_s.last_deep_days_before_race) {
                session.techniques = {Technique::kSports, Technique::kDeepTissue};
                draft.pressure = m_s.deep_pressure_min;
            } else {
                session.techniques = {Technique::kSports, Technique::kSwedish};
                draft.pressure = m_s.lighter_pressure_max;
            }
            break;
        }
        case SessionKind::kFlush: {
            PlanDetail detail;
            detail.days = after_race ? -*after_race : 0;
            session.reasons.push_back({PlanReasonCode::kRaceWeekFlush, detail});
            session.techniques = {Technique::kSwedish};
            session.duration_min = m_s.min_duration_min;
            draft.pressure = m_s.light_pressure_max;
            draft.deep_allowed = false;
            break;
        }
        case SessionKind::kPostRaceLight: {
            PlanDetail detail;
            detail.days = after_race.value_or(0);
            session.reasons.push_back({PlanReasonCode::kPostRaceLight, detail});
            session.techniques = {Technique::kSwedish};
            session.duration_min = m_s.min_duration_min;
            draft.pressure = m_s.light_pressure_max;
            draft.deep_allowed = false;
            break;
        }
        case SessionKind::kPostRaceRecovery: {
            PlanDetail detail;
            detail.days = after_race.value_or(0);
            session.reasons.push_back({PlanReasonCode::kPostRaceRecovery, detail});
            session.techniques = {Technique::kSports, Technique::kDeepTissue};
            session.duration_min = 60;
            draft.pressure = m_s.deep_pressure_min;
            break;
        }
    }
    draft.pressure_cap = m_s.max_pressure;
    return draft;
}

// Hard training the next day (or within no_hard_after_deep_days): a lighter session, no deep
// work.
void PlanContext::CautionHardTrainingAhead(SessionDraft& draft) const {
    const Date& date = draft.session.date;
    for (int ahead = 1; ahead <= std::max(1, m_s.no_hard_after_deep_days); ++ahead) {
        const Date day = AddDays(date, ahead);
        const PlanRun* run = RunOn(day);
        if (run == nullptr || !IsHardTraining(run->type)) {
            continue;
        }
        PlanDetail detail;
        detail.date = day;
        detail.run_type = run->type;
        draft.session.cautions.push_back({ahead == 1 && run->type == RunType::kLong
                                              ? PlanCautionCode::kDayBeforeHardRun
                                              : PlanCautionCode::kHardRunNextDay,
                                          detail});
        draft.deep_allowed = false;
        draft.LowerCap(m_s.lighter_pressure_max);
        break;
    }
}

// Around the race: no deep work in the last days before it, a light flush in race week, light
// work only in the first days after it.
void PlanContext::ApplyRaceRules(SessionDraft& draft) const {
    if (!draft.after_race) {
        return;
    }
    PlannedSession& session = draft.session;
    const int after_race = *draft.after_race;
    const int to_race = -after_race;
    if (to_race >= 0 && to_race < m_s.last_deep_days_before_race) {
        if (draft.deep_allowed || Contains(session.techniques, Technique::kDeepTissue)) {
            PlanDetail detail;
            detail.days = m_s.last_deep_days_before_race;
            session.cautions.push_back({PlanCautionCode::kNoDeepBeforeRace, detail});
        }
        draft.deep_allowed = false;
    }
    if (to_race >= 0 && to_race <= 6) {
        // Race week: a light flush only, nothing new.
        session.techniques = {Technique::kSwedish};
        session.duration_min = m_s.min_duration_min;
        draft.LowerCap(m_s.light_pressure_max);
        if (draft.kind != SessionKind::kFlush) {
            PlanDetail detail;
            detail.days = to_race;
            session.reasons.insert(session.reasons.begin(),
                                   {PlanReasonCode::kRaceWeekFlush, detail});
        }
    }
    if (after_race > 0 && after_race < m_s.post_race_deep_from_day) {
        PlanDetail detail;
        detail.days = m_s.post_race_deep_from_day;
        session.cautions.push_back({PlanCautionCode::kNoDeepAfterRace, detail});
        draft.deep_allowed = false;
        draft.LowerCap(m_s.light_pressure_max);
    }
}

// The contraindication flags of the day; returns the places a `local` flag rules out.
std::vector<RegionSide> PlanContext::ApplyFlags(SessionDraft& draft) const {
    PlannedSession& session = draft.session;
    std::vector<RegionSide> excluded;
    for (const auto& flag : FlagsOn(session.date)) {
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
                draft.deep_allowed = false;
                draft.LowerCap(m_in.screening.modify_pressure_cap);
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
    return excluded;
}

// The client's preferred pressure is a ceiling.
void PlanContext::ApplyPressurePreference(SessionDraft& draft) const {
    if (m_in.intake && m_in.intake->preferences.pressure) {
        const int preferred = PressureLevel(*m_in.intake->preferences.pressure);
        if (preferred < std::min(draft.pressure, draft.pressure_cap)) {
            PlanDetail detail;
            detail.pressure = preferred;
            draft.session.cautions.push_back({PlanCautionCode::kPressurePreference, detail});
        }
        draft.LowerCap(preferred);
    }
    if (draft.pressure_cap < m_s.deep_pressure_min) {
        draft.deep_allowed = false;
    }
}

// Focus regions: the candidates in order, less what the intake and the flags rule out.
FocusList PlanContext::ChooseFocus(SessionDraft& draft,
                                   const std::vector<RegionSide>& excluded) const {
    FocusList focus;
    const std::vector<RegionSide> avoid =
        m_in.intake ? m_in.intake->avoid_regions : std::vector<RegionSide>{};
    for (const auto& region : avoid) {
        PlanDetail detail;
        detail.region = region;
        draft.session.cautions.push_back({PlanCautionCode::kAvoidRegion, detail});
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
    return focus;
}

// Trigger points for stubborn hamstring or hip-flexor spots; myofascial release where range
// of motion is restricted.
void PlanContext::AddSpecialTechniques(SessionDraft& draft, const FocusList& focus) const {
    PlannedSession& session = draft.session;
    const auto& after_race = draft.after_race;
    const bool light_only = draft.kind == SessionKind::kFlush ||
                            draft.kind == SessionKind::kPostRaceLight ||
                            (after_race && -*after_race >= 0 && -*after_race <= 6);
    if (draft.deep_allowed && !light_only) {
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
}

// Without deep work: the deep techniques go, a lighter one stands in, and the pressure stays
// below deep. Then the duration and pressure are settled within the settings' limits.
void PlanContext::SettleTechniquesAndPressure(SessionDraft& draft) const {
    PlannedSession& session = draft.session;
    if (!draft.deep_allowed) {
        std::erase_if(session.techniques, IsDeepTechnique);
        if (session.techniques.empty() ||
            (session.techniques.size() == 1 && session.techniques[0] == Technique::kMyofascial)) {
            // A lighter technique first (built as a new list: inserting at the front here
            // trips GCC 12's -Wnull-dereference).
            const bool sports = draft.kind == SessionKind::kWeekly ||
                                draft.kind == SessionKind::kAfterLongRun ||
                                draft.kind == SessionKind::kPostRaceRecovery;
            std::vector<Technique> techniques{sports ? Technique::kSports : Technique::kSwedish};
            techniques.insert(techniques.end(), session.techniques.begin(),
                              session.techniques.end());
            session.techniques = std::move(techniques);
        }
        draft.LowerCap(m_s.deep_pressure_min - 1);
    }
    if (session.phase == PlanPhase::kTaper) {
        session.duration_min = std::min(session.duration_min, kTaperDurationMin);
    }
    session.pressure_max = std::max(1, std::min(draft.pressure, draft.pressure_cap));
    session.duration_min =
        std::clamp(session.duration_min, m_s.min_duration_min, m_s.max_duration_min);
}

// The focus regions and their reasons, and the care their anatomy asks for.
void PlanContext::AddFocusRegions(SessionDraft& draft, const FocusList& focus) const {
    PlannedSession& session = draft.session;
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
}

}  // namespace myodesk::core::detail
