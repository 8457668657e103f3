// Codes of the plan's enumerations, as the plan JSON and the database write them.
#include "code_table.h"

#include <myodesk/core/plan.h>

namespace myodesk::core {

namespace {

using detail::CodeIn;
using detail::CodeTable;
using detail::ValueIn;
using detail::ValuesIn;

constexpr CodeTable<PlanPhase, 7> kPhases{{
    {PlanPhase::kBase, "base"},
    {PlanPhase::kBuild, "build"},
    {PlanPhase::kPeak, "peak"},
    {PlanPhase::kTaper, "taper"},
    {PlanPhase::kRaceWeek, "race_week"},
    {PlanPhase::kPostRace, "post_race"},
    {PlanPhase::kRecoveryWeek, "recovery_week"},
}};

constexpr CodeTable<PlanReasonCode, 15> kReasons{{
    {PlanReasonCode::kBaseMaintenance, "base_maintenance"},
    {PlanReasonCode::kWeeklySession, "weekly_session"},
    {PlanReasonCode::kAfterLongRun, "after_long_run"},
    {PlanReasonCode::kRecoveryWeekReset, "recovery_week_reset"},
    {PlanReasonCode::kTaperLighter, "taper_lighter"},
    {PlanReasonCode::kLastDeepBeforeRace, "last_deep_before_race"},
    {PlanReasonCode::kRaceWeekFlush, "race_week_flush"},
    {PlanReasonCode::kPostRaceLight, "post_race_light"},
    {PlanReasonCode::kPostRaceRecovery, "post_race_recovery"},
    {PlanReasonCode::kSorenessFocus, "soreness_focus"},
    {PlanReasonCode::kNotesFocus, "notes_focus"},
    {PlanReasonCode::kLoadRegionFocus, "load_region_focus"},
    {PlanReasonCode::kStubbornSpot, "stubborn_spot"},
    {PlanReasonCode::kRestrictedMotion, "restricted_motion"},
    {PlanReasonCode::kBookedAppointment, "booked_appointment"},
}};

constexpr CodeTable<PlanCautionCode, 14> kCautions{{
    {PlanCautionCode::kDayBeforeHardRun, "day_before_hard_run"},
    {PlanCautionCode::kHardRunNextDay, "hard_run_next_day"},
    {PlanCautionCode::kNoDeepBeforeRace, "no_deep_before_race"},
    {PlanCautionCode::kNoDeepAfterRace, "no_deep_after_race"},
    {PlanCautionCode::kFlagRegionRemoved, "flag_region_removed"},
    {PlanCautionCode::kAvoidRegion, "avoid_region"},
    {PlanCautionCode::kFlagModify, "flag_modify"},
    {PlanCautionCode::kPhysicianClearance, "physician_clearance"},
    {PlanCautionCode::kPressurePreference, "pressure_preference"},
    {PlanCautionCode::kPainMasking, "pain_masking"},
    {PlanCautionCode::kPoplitealFossa, "popliteal_fossa"},
    {PlanCautionCode::kFemoralTriangle, "femoral_triangle"},
    {PlanCautionCode::kNotScreened, "not_screened"},
    {PlanCautionCode::kMovedByTherapist, "moved_by_therapist"},
}};

constexpr CodeTable<PlanWarningCode, 16> kWarnings{{
    {PlanWarningCode::kRefer, "refer"},
    {PlanWarningCode::kMileageSpike, "mileage_spike"},
    {PlanWarningCode::kWeeklyJump, "weekly_jump"},
    {PlanWarningCode::kOverdueSession, "overdue_session"},
    {PlanWarningCode::kNoSessionHistory, "no_session_history"},
    {PlanWarningCode::kIntakeOutdated, "intake_outdated"},
    {PlanWarningCode::kNoIntake, "no_intake"},
    {PlanWarningCode::kMissingRaceDate, "missing_race_date"},
    {PlanWarningCode::kRaceTooFar, "race_too_far"},
    {PlanWarningCode::kRaceSoon, "race_soon"},
    {PlanWarningCode::kLongRunsAssumed, "long_runs_assumed"},
    {PlanWarningCode::kMoveChanged, "move_changed"},
    {PlanWarningCode::kMoveOutsidePlan, "move_outside_plan"},
    {PlanWarningCode::kMoveDayTaken, "move_day_taken"},
    {PlanWarningCode::kMoveRaceDay, "move_race_day"},
    {PlanWarningCode::kMissedSession, "missed_session"},
}};

constexpr CodeTable<HomeCareCode, 7> kHomeCare{{
    {HomeCareCode::kSleep, "sleep"},
    {HomeCareCode::kHydration, "hydration"},
    {HomeCareCode::kMobility, "mobility"},
    {HomeCareCode::kFoamRolling, "foam_rolling"},
    {HomeCareCode::kEasyDaysEasy, "easy_days_easy"},
    {HomeCareCode::kNothingNew, "nothing_new"},
    {HomeCareCode::kPostRaceWalking, "post_race_walking"},
}};

constexpr CodeTable<PlannedSessionStatus, 4> kStatuses{{
    {PlannedSessionStatus::kPlanned, "planned"},
    {PlannedSessionStatus::kBooked, "booked"},
    {PlannedSessionStatus::kSkipped, "skipped"},
    {PlannedSessionStatus::kMissed, "missed"},
}};

}  // namespace

std::string_view ToCode(PlanPhase phase) {
    return CodeIn(kPhases, phase);
}
std::string_view ToCode(PlanReasonCode code) {
    return CodeIn(kReasons, code);
}
std::string_view ToCode(PlanCautionCode code) {
    return CodeIn(kCautions, code);
}
std::string_view ToCode(PlanWarningCode code) {
    return CodeIn(kWarnings, code);
}
std::string_view ToCode(HomeCareCode code) {
    return CodeIn(kHomeCare, code);
}
std::string_view ToCode(PlannedSessionStatus status) {
    return CodeIn(kStatuses, status);
}

std::optional<PlanPhase> PlanPhaseFromCode(std::string_view code) {
    return ValueIn(kPhases, code);
}
std::optional<PlanReasonCode> PlanReasonFromCode(std::string_view code) {
    return ValueIn(kReasons, code);
}
std::optional<PlanCautionCode> PlanCautionFromCode(std::string_view code) {
    return ValueIn(kCautions, code);
}
std::optional<PlanWarningCode> PlanWarningFromCode(std::string_view code) {
    return ValueIn(kWarnings, code);
}
std::optional<HomeCareCode> HomeCareFromCode(std::string_view code) {
    return ValueIn(kHomeCare, code);
}
std::optional<PlannedSessionStatus> PlannedSessionStatusFromCode(std::string_view code) {
    return ValueIn(kStatuses, code);
}

const std::vector<PlanPhase>& AllPlanPhases() {
    static const auto values = ValuesIn(kPhases);
    return values;
}
const std::vector<PlanReasonCode>& AllPlanReasons() {
    static const auto values = ValuesIn(kReasons);
    return values;
}
const std::vector<PlanCautionCode>& AllPlanCautions() {
    static const auto values = ValuesIn(kCautions);
    return values;
}
const std::vector<PlanWarningCode>& AllPlanWarnings() {
    static const auto values = ValuesIn(kWarnings);
    return values;
}
const std::vector<HomeCareCode>& AllHomeCare() {
    static const auto values = ValuesIn(kHomeCare);
    return values;
}

}  // namespace myodesk::core
