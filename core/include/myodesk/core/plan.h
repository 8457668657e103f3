#pragma once

#include <myodesk/core/appointment.h>
#include <myodesk/core/client.h>
#include <myodesk/core/codes.h>
#include <myodesk/core/date.h>
#include <myodesk/core/intake.h>
#include <myodesk/core/screening.h>
#include <myodesk/core/session_note.h>
#include <myodesk/core/training.h>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace myodesk::core {

using PlanId = std::int64_t;

// Training phases (DOMAIN.md "Training context"). A recovery week is a cut-back week inside
// base, build or peak that is clearly lighter than the weeks around it.
enum class PlanPhase { kBase, kBuild, kPeak, kTaper, kRaceWeek, kPostRace, kRecoveryWeek };
std::string_view ToCode(PlanPhase phase);  // base build peak taper race_week post_race
                                           // recovery_week

// Why a session is planned, and why it looks the way it does.
enum class PlanReasonCode {
    kBaseMaintenance,     // base: a session every 2-3 weeks
    kWeeklySession,       // build/peak: weekly
    kAfterLongRun,        // recovery within 24-48 h after a key long run (date, distance)
    kRecoveryWeekReset,   // a lighter reset session in a cut-back week
    kTaperLighter,        // taper: lighter work
    kLastDeepBeforeRace,  // the last deep session, at least N days before the race (days)
    kRaceWeekFlush,       // race week: a light flush, at least N days before the race (days)
    kPostRaceLight,       // after the race: light work from day 2 (days after)
    kPostRaceRecovery,    // after the race: recovery work once deep work is allowed again
    kSorenessFocus,       // a region chosen for current soreness (region, pain)
    kNotesFocus,          // a region chosen because recent notes show it (region, pain)
    kLoadRegionFocus,     // a region chosen because runners load it (region)
    kStubbornSpot,        // trigger point therapy for a stubborn spot (region)
    kRestrictedMotion,    // myofascial release for restricted range of motion
    kBookedAppointment,   // the therapist booked this session (an accepted plan session)
};

// What to watch out for in a session, and what was taken out of it.
enum class PlanCautionCode {
    kDayBeforeHardRun,    // a lighter session instead of deep work (date, run type)
    kHardRunNextDay,      // no deep work: hard training within 24-36 h after (date, run type)
    kNoDeepBeforeRace,    // no deep work in the last N days before the race (days)
    kNoDeepAfterRace,     // no deep work before day N after the race (days)
    kFlagRegionRemoved,   // a `local` flag: region and side left out (flag, region, until)
    kAvoidRegion,         // the intake asks to avoid this region (region)
    kFlagModify,          // a `modify` flag: no deep tissue, pressure capped (flag, pressure)
    kPhysicianClearance,  // pregnancy in the first trimester: physician clearance first
    kPressurePreference,  // capped at the client's preferred pressure (pressure)
    kPainMasking,         // pain-masking medication: rely less on pressure feedback
    kPoplitealFossa,      // calf/hamstring work: care at the back of the knee
    kFemoralTriangle,     // hip flexor/adductor work: care at the femoral triangle
    kNotScreened,         // no intake: contraindications not screened
    kMovedByTherapist,    // moved from another date (date)
};

enum class PlanWarningCode {
    kRefer,             // an `absolute` flag: no session planned; refer the client (flag)
    kMileageSpike,      // a run >10% longer than the longest of the previous 30 days (km)
    kWeeklyJump,        // weekly distance up more than 30% on the week before (km)
    kOverdueSession,    // the last session was too long ago (date of it, days)
    kNoSessionHistory,  // no session yet: the first one is due as soon as possible
    kIntakeOutdated,    // the newest intake is over a year old (date)
    kNoIntake,          // no intake: nothing was screened
    kMissingRaceDate,   // no goal race with a date: base phase only
    kRaceTooFar,        // the race (date) is over kRaceHorizonWeeks away (days): base only
    kRaceSoon,          // the race is inside the taper window from today (date, days)
    kLongRunsAssumed,   // no calendar from `date` on: long runs assumed on the intake's weekday
    kMissedSession,     // a session of the last plan was missed on `date` (cancelled or no-show)
    kMoveChanged,       // a moved session had to change for its new date (its cautions say how)
    kMoveOutsidePlan,   // refused: the date is outside the plan
    kMoveDayTaken,      // refused: another session is planned that day
    kMoveRaceDay,       // refused: race day or the day after it
};

enum class HomeCareCode {
    kSleep,            // 7-9 hours; sleep is when tissue recovers
    kHydration,        // drink through the day, more after long runs and in dry air
    kMobility,         // daily mobility and gentle stretching
    kFoamRolling,      // light self-massage of calves, quads and glutes between sessions
    kEasyDaysEasy,     // keep easy days easy; respect rest days
    kNothingNew,       // nothing new before the race: shoes, food, treatments
    kPostRaceWalking,  // gentle walking and rest in the days after the race
};

std::string_view ToCode(PlanReasonCode code);
std::string_view ToCode(PlanCautionCode code);
std::string_view ToCode(PlanWarningCode code);
std::string_view ToCode(HomeCareCode code);
std::optional<PlanPhase> PlanPhaseFromCode(std::string_view code);
std::optional<PlanReasonCode> PlanReasonFromCode(std::string_view code);
std::optional<PlanCautionCode> PlanCautionFromCode(std::string_view code);
std::optional<PlanWarningCode> PlanWarningFromCode(std::string_view code);
std::optional<HomeCareCode> HomeCareFromCode(std::string_view code);
const std::vector<PlanPhase>& AllPlanPhases();
const std::vector<PlanReasonCode>& AllPlanReasons();
const std::vector<PlanCautionCode>& AllPlanCautions();
const std::vector<PlanWarningCode>& AllPlanWarnings();
const std::vector<HomeCareCode>& AllHomeCare();

// The facts a reason's sentence names. Which are set depends on the code (see above).
struct PlanDetail {
    std::optional<Date> date;  // a run, the race, a flag's last day, the last session
    std::optional<RunType> run_type;
    std::optional<double> distance_km;  // a run, or a week's total
    std::optional<double> compared_km;  // the longest run of the previous 30 days; last week
    std::optional<int> days;
    std::optional<int> pain;      // NRS-11
    std::optional<int> pressure;  // 1-10
    std::optional<RegionSide> region;
    std::optional<FlagCode> flag;
    friend bool operator==(const PlanDetail&, const PlanDetail&) = default;
};

struct PlanReason {
    PlanReasonCode code = PlanReasonCode::kBaseMaintenance;
    PlanDetail detail;
    friend bool operator==(const PlanReason&, const PlanReason&) = default;
};

struct PlanCaution {
    PlanCautionCode code = PlanCautionCode::kDayBeforeHardRun;
    PlanDetail detail;
    friend bool operator==(const PlanCaution&, const PlanCaution&) = default;
};

struct PlanWarning {
    PlanWarningCode code = PlanWarningCode::kRefer;
    Date date{};  // the day it is about
    PlanDetail detail;
    friend bool operator==(const PlanWarning&, const PlanWarning&) = default;
};

struct HomeCare {
    PlanPhase phase = PlanPhase::kBase;
    HomeCareCode code = HomeCareCode::kSleep;
    friend bool operator==(const HomeCare&, const HomeCare&) = default;
};

// What the therapist decided about a planned session (kept by storage), or what became of it:
// missed when its appointment was cancelled or the client did not come (the day is kept, the
// session does not count, and the next plan makes up for it).
enum class PlannedSessionStatus { kPlanned, kBooked, kSkipped, kMissed };
std::string_view ToCode(PlannedSessionStatus status);  // planned booked skipped missed
std::optional<PlannedSessionStatus> PlannedSessionStatusFromCode(std::string_view code);

struct PlannedSession {
    Date date{};
    PlanPhase phase = PlanPhase::kBase;
    std::vector<Technique> techniques;  // the main technique first
    int duration_min = 60;
    int pressure_max = 5;             // 1-10; 9-10 is never planned
    std::vector<RegionSide> regions;  // focus regions, most important first
    std::vector<PlanReason> reasons;  // at least one: why this session on this day
    std::vector<PlanCaution> cautions;
    PlannedSessionStatus status = PlannedSessionStatus::kPlanned;
    std::optional<Date> moved_from;               // set when the therapist moved it
    std::optional<AppointmentId> appointment_id;  // set when booked
    friend bool operator==(const PlannedSession&, const PlannedSession&) = default;
};

struct PhaseSpan {
    PlanPhase phase = PlanPhase::kBase;
    Date from{};
    Date to{};  // inclusive
    friend bool operator==(const PhaseSpan&, const PhaseSpan&) = default;
};

// A day of the training calendar the plan was built around; `assumed` when it came from the
// intake (long-run weekday, goal race) rather than from the calendar.
struct PlanRun {
    Date date{};
    RunType type = RunType::kEasy;
    std::optional<double> distance_km;
    bool assumed = false;
    friend bool operator==(const PlanRun&, const PlanRun&) = default;
};

struct Plan {
    PlanId id = 0;  // 0: not saved
    ClientId client_id = 0;
    Date generated_on{};  // the day the inputs were read ("today" when generated)
    Date from{};
    Date to{};  // inclusive
    std::optional<Date> race_date;
    std::optional<IntakeId> intake_id;  // the intake it was built from
    DistanceUnit units = DistanceUnit::kKm;
    std::vector<PhaseSpan> phases;         // consecutive, covering from..to
    std::vector<PlanRun> training;         // from 30 days before `from` through `to`
    std::vector<PlannedSession> sessions;  // by date, at most one a day
    std::vector<PlanWarning> warnings;     // by date
    std::vector<HomeCare> home_care;       // by phase, in phase order of the plan
    bool refer = false;                    // an absolute flag: refer the client
    std::string created_at;                // set by storage
    friend bool operator==(const Plan&, const Plan&) = default;
};

// The limits of a plan (docs/plan-format.md, "Limits"). A plan covers at most kMaxPlanWeeks
// weeks from its first day, whatever the race, the settings or the `weeks` asked for. A race
// (the calendar's or the intake's goal race) is planned around only when it is at most
// kRaceHorizonWeeks weeks after the plan's first day: a marathon build needs about 14 weeks
// (build, peak, taper, race week) after base, so a year ahead is ample. A later race leaves
// the plan in base training for weeks_without_race weeks, with a kRaceTooFar warning naming
// the race: generate the plan again when the race is within a year.
inline constexpr int kMaxPlanWeeks = 104;
inline constexpr int kRaceHorizonWeeks = 52;

// The generator's rule settings (clinic settings; defaults from DOMAIN.md).
struct PlanSettings {
    int weeks_without_race = 12;  // horizon when there is no race
    int weeks_after_race = 2;     // horizon after the race
    int taper_weeks = 2;          // taper before race week (taper + race week: 3 weeks)
    int peak_weeks = 3;           // peak before the taper
    int build_weeks = 8;          // build before the peak; earlier weeks are base
    int base_interval_days = 14;  // base: a session every 2-3 weeks
    int recovery_after_long_run_max_days = 2;  // within 24-48 h after a key long run
    int no_hard_after_deep_days = 1;           // after deep work no hard training for 24-36 h: with
                                               // sessions in the day, the next day (or days)
    int last_deep_days_before_race = 7;        // the last deep session 5-7 days before
    int flush_days_before_race = 2;            // race-week flush at least 2 days before
    int post_race_light_from_day = 2;          // light work from day 2 after the race
    int post_race_deep_from_day = 5;           // no deep work before day 3-5
    int min_duration_min = 30;
    int max_duration_min = 60;
    int deep_pressure_min = 7;     // pressure from which work counts as deep (1-10)
    int light_pressure_max = 3;    // a light flush
    int lighter_pressure_max = 5;  // the lighter session the day before hard training
    int max_pressure = 8;          // never planned above (9-10 is too much)
    double spike_percent = 10;     // a run longer than the 30-day longest by more than this
    int spike_lookback_days = 30;
    double weekly_jump_percent = 30;
    double cutback_percent = 20;   // a recovery week: this much below the weeks around it
    int overdue_base_days = 21;    // no session for longer than this in base: overdue
    int overdue_weekly_days = 10;  // ... in build, peak or taper
    int recent_notes_days = 42;    // notes looked at for focus regions
    int stubborn_pain_min = 4;     // pain (before) that counts as a stubborn spot...
    int stubborn_sessions = 2;     // ... in at least this many recent notes
    int max_focus_regions = 4;
    friend bool operator==(const PlanSettings&, const PlanSettings&) = default;
};

// Everything the generator reads. Same inputs, same plan.
struct PlanInputs {
    ClientId client_id = 0;
    Date today{};                           // generated_on
    Date from{};                            // plan from this day (usually today)
    std::optional<int> weeks;               // horizon override: `weeks` * 7 days from `from`
    std::optional<Intake> intake;           // the newest intake
    std::vector<TrainingEntry> training;    // any order
    std::vector<SessionNote> recent_notes;  // any order; text is not read
    std::vector<Appointment> booked;        // booked sessions from `from` on
    // The current plan's sessions: the moved and skipped ones stay as the therapist left them;
    // the missed ones keep their day and are made up for.
    std::vector<PlannedSession> kept;
    // Days in the plan's span when the client cannot be seen: their usual therapist does not
    // work, or the clinic is closed (the book's hours). No session is planned on them.
    std::vector<Date> unavailable;
    PlanSettings settings;
    ScreeningSettings screening;
};

Plan GeneratePlan(const PlanInputs& inputs);

// The client's usual therapist, whose working days a plan keeps to: who wrote the latest of the
// recent notes, else who they are booked with next; nullopt when neither (the clinic's days).
std::optional<StaffId> UsualTherapist(const PlanInputs& inputs);

// The last day a plan from inputs.from can reach (kMaxPlanWeeks), for reading the hours that
// fill PlanInputs::unavailable.
Date LastPossiblePlanDay(const PlanInputs& inputs);

// The therapist moves plan.sessions[index] to `to`: the session is re-shaped for the new date
// by the same rules (techniques, pressure, cautions) and the warnings say what changed, or
// what to watch out for that day that was not there before
// (kMoveChanged) or why it cannot go there (kRefer for an absolute flag that day,
// kMoveRaceDay, kMoveDayTaken, kMoveOutsidePlan). `allowed` is false in the second case; the
// session is then unchanged.
struct MoveResult {
    bool allowed = false;
    PlannedSession session;
    std::vector<PlanWarning> warnings;
};
MoveResult MoveSession(const PlanInputs& inputs, const Plan& plan, std::size_t index,
                       const Date& to);

// What changed between two plans of a client, session by session (matched by date).
enum class PlanChangeKind { kAdded, kRemoved, kChanged };
struct PlanChange {
    PlanChangeKind kind = PlanChangeKind::kAdded;
    Date date{};
    std::vector<std::string_view> fields;  // kChanged: phase techniques duration_min
                                           // pressure_max regions
    friend bool operator==(const PlanChange&, const PlanChange&) = default;
};
std::vector<PlanChange> DiffPlans(const Plan& before, const Plan& after);

}  // namespace myodesk::core
