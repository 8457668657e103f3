// The plan's sentences. Each English sentence is written here once, inside Tr(); the plan
// document (docs/plan-format.md) carries them in English.
#include "format.h"

#include <myodesk/vocabulary/plan_sentences.h>
#include <myodesk/vocabulary/translation.h>

#include <cmath>

namespace myodesk::vocabulary {

namespace {

using core::FlagCode;
using core::PlanDetail;

std::string DateText(const TextFormats& formats, const std::optional<core::Date>& date) {
    return date ? formats.Date(*date) : std::string("?");
}

std::string RegionText(const std::optional<core::RegionSide>& region) {
    // TRANSLATORS: in a plan's sentence when the region is not known.
    return region ? RegionSideInSentence(*region) : Tr("that region");
}

std::string Run(const PlanDetail& detail) {
    return InSentence(detail.run_type.value_or(core::RunType::kLong));
}

std::string Flag(const PlanDetail& detail, FlagCode otherwise) {
    return NameOf(detail.flag.value_or(otherwise));
}

std::string Distance(const TextFormats& formats, double km, core::DistanceUnit units) {
    return DistanceText(km, units, formats.number);
}

// How much longer `distance_km` is than `compared_km`, in percent rounded down to one
// decimal: "10.3", "12".
std::string PercentAbove(const TextFormats& formats, const PlanDetail& detail) {
    if (!detail.distance_km || !detail.compared_km || *detail.compared_km <= 0) {
        return "0";
    }
    const double percent = std::floor((*detail.distance_km / *detail.compared_km - 1) * 1000) / 10;
    return formats.Number(percent, 1);
}

// The focus reasons: a region and why.
std::string FocusSentence(const core::PlanReason& reason) {
    const PlanDetail& d = reason.detail;
    switch (reason.code) {
        case core::PlanReasonCode::kSorenessFocus:
            // TRANSLATORS: "Focus on the left calf: sore now (pain 6/10)."
            return Format(Tr("Focus on the {0}: sore now (pain {1}/10)."), RegionText(d.region),
                          d.pain.value_or(0));
        case core::PlanReasonCode::kNotesFocus:
            return Format(Tr("Focus on the {0}: recent session notes record pain {1}/10."),
                          RegionText(d.region), d.pain.value_or(0));
        case core::PlanReasonCode::kLoadRegionFocus:
            return Format(Tr("Focus on the {}: they carry much of a runner's load."),
                          RegionText(d.region));
        case core::PlanReasonCode::kStubbornSpot:
            return Format(Tr("Trigger point therapy for a stubborn spot in the {}."),
                          RegionText(d.region));
        default:
            break;
    }
    return std::string(core::ToCode(reason.code));
}

// The cautions of a contraindication flag.
std::string FlagCautionSentence(const core::PlanCaution& caution, const TextFormats& formats) {
    const PlanDetail& d = caution.detail;
    if (caution.code == core::PlanCautionCode::kFlagModify) {
        // TRANSLATORS: "Anticoagulants: no deep tissue, pressure at most 5/10."
        return Format(Tr("{0}: no deep tissue, pressure at most {1}/10."),
                      Flag(d, FlagCode::kAnticoagulants), d.pressure.value_or(0));
    }
    if (!d.region) {
        // TRANSLATORS: "Open wound: ask where, and leave that area out."
        return Format(Tr("{}: ask where, and leave that area out."), Flag(d, FlagCode::kOpenWound));
    }
    if (d.date) {
        // TRANSLATORS: "Varicose veins: keep off the left calf until 3 Dec 2026."
        return Format(Tr("{0}: keep off the {1} until {2}."), Flag(d, FlagCode::kOpenWound),
                      RegionText(d.region), DateText(formats, d.date));
    }
    return Format(Tr("{0}: keep off the {1}."), Flag(d, FlagCode::kOpenWound),
                  RegionText(d.region));
}

// The warnings about the runner's training load.
std::string LoadWarningSentence(const core::PlanWarning& warning, core::DistanceUnit units,
                                const TextFormats& formats) {
    const PlanDetail& d = warning.detail;
    const std::string date = formats.Date(warning.date);
    if (warning.code == core::PlanWarningCode::kMileageSpike) {
        // TRANSLATORS: "Mileage spike: the 35 km long run on 3 Dec 2026 is 17% longer than
        // the longest run of the 30 days before (30 km), which raises the risk of injury."
        return Format(Tr("Mileage spike: the {0} {1} on {2} is {3}% longer than the longest run "
                         "of the 30 days before ({4}), which raises the risk of injury."),
                      Distance(formats, d.distance_km.value_or(0), units), Run(d), date,
                      PercentAbove(formats, d),
                      Distance(formats, d.compared_km.value_or(0), units));
    }
    // TRANSLATORS: "Weekly distance jumps 40% in the week of 3 Dec 2026: 70 km after 50 km
    // the week before."
    return Format(Tr("Weekly distance jumps {0}% in the week of {1}: {2} after {3} the week "
                     "before."),
                  PercentAbove(formats, d), date,
                  Distance(formats, d.distance_km.value_or(0), units),
                  Distance(formats, d.compared_km.value_or(0), units));
}

// The warnings of moving a session by hand.
std::string MoveWarningSentence(const core::PlanWarning& warning, const std::string& date) {
    using core::PlanWarningCode;
    switch (warning.code) {
        case PlanWarningCode::kMoveChanged:
            return Format(
                Tr("Moved to {}: the session was changed to suit that day (see its cautions)."),
                date);
        case PlanWarningCode::kMoveOutsidePlan:
            return Format(Tr("{} is outside the plan: regenerate the plan to plan that far."),
                          date);
        case PlanWarningCode::kMoveDayTaken:
            return Format(Tr("Another session is already planned on {}."), date);
        case PlanWarningCode::kMoveRaceDay:
            return Format(Tr("{} is race day or the day after it: no massage then."), date);
        default:
            break;
    }
    return std::string(core::ToCode(warning.code));
}

}  // namespace

std::string ReasonSentence(const core::PlanReason& reason, core::DistanceUnit units,
                           const TextFormats& formats) {
    using core::PlanReasonCode;
    const PlanDetail& d = reason.detail;
    switch (reason.code) {
        case PlanReasonCode::kBaseMaintenance:
            return Format(Tr("Base training: a maintenance massage about every {} days, before "
                             "anything hurts."),
                          d.days.value_or(14));
        case PlanReasonCode::kWeeklySession:
            return Tr("Build and peak weeks: a weekly session while training is hardest.");
        case PlanReasonCode::kAfterLongRun:
            if (d.distance_km) {
                // TRANSLATORS: "Recovery within 48 hours after the 32 km long run on 3 Dec 2026."
                return Format(Tr("Recovery within 48 hours after the {0} {1} on {2}."),
                              Distance(formats, *d.distance_km, units), Run(d),
                              DateText(formats, d.date));
            }
            return Format(Tr("Recovery within 48 hours after the {0} on {1}."), Run(d),
                          DateText(formats, d.date));
        case PlanReasonCode::kRecoveryWeekReset:
            return Tr("Cut-back week: a lighter reset session while the training load is down.");
        case PlanReasonCode::kTaperLighter:
            return Tr("Taper: shorter sessions so the legs are fresh on race day.");
        case PlanReasonCode::kLastDeepBeforeRace:
            return Format(Tr("The last deep session before the race, {} days before it."),
                          d.days.value_or(0));
        case PlanReasonCode::kRaceWeekFlush:
            return Format(Tr("Race week: a light flush only, {} days before the race."),
                          d.days.value_or(0));
        case PlanReasonCode::kPostRaceLight:
            return Format(Tr("After the race: light work on day {} to ease the soreness."),
                          d.days.value_or(0));
        case PlanReasonCode::kPostRaceRecovery:
            return Format(
                Tr("After the race: recovery work on day {}, when deep work is fine again."),
                d.days.value_or(0));
        case PlanReasonCode::kSorenessFocus:
        case PlanReasonCode::kNotesFocus:
        case PlanReasonCode::kLoadRegionFocus:
        case PlanReasonCode::kStubbornSpot:
            return FocusSentence(reason);
        case PlanReasonCode::kRestrictedMotion:
            return Tr(
                "Myofascial release with movement: recent notes record restricted range of "
                "motion.");
        case PlanReasonCode::kBookedAppointment:
            return Tr("Booked by the therapist.");
    }
    return std::string(core::ToCode(reason.code));
}

std::string CautionSentence(const core::PlanCaution& caution, core::DistanceUnit /*units*/,
                            const TextFormats& formats) {
    using core::PlanCautionCode;
    const PlanDetail& d = caution.detail;
    switch (caution.code) {
        case PlanCautionCode::kDayBeforeHardRun:
            // TRANSLATORS: "Lighter session: long run on 3 Dec 2026, so no deep tissue the day
            // before."
            return Format(Tr("Lighter session: {0} on {1}, so no deep tissue the day before."),
                          Run(d), DateText(formats, d.date));
        case PlanCautionCode::kHardRunNextDay:
            return Format(Tr("No deep work: {0} on {1}, and hard training needs 24-36 hours "
                             "after deep work."),
                          Run(d), DateText(formats, d.date));
        case PlanCautionCode::kNoDeepBeforeRace:
            return Format(Tr("No deep work in the last {} days before the race."),
                          d.days.value_or(0));
        case PlanCautionCode::kNoDeepAfterRace:
            return Format(Tr("No deep work before day {} after the race."), d.days.value_or(0));
        case PlanCautionCode::kFlagRegionRemoved:
        case PlanCautionCode::kFlagModify:
            return FlagCautionSentence(caution, formats);
        case PlanCautionCode::kAvoidRegion:
            return Format(Tr("Keep off the {}: the client asked to avoid it."),
                          RegionText(d.region));
        case PlanCautionCode::kPhysicianClearance:
            return Tr("Pregnancy in the first trimester: physician clearance before massage.");
        case PlanCautionCode::kPressurePreference:
            return Format(Tr("Pressure at most {}/10, as the client prefers."),
                          d.pressure.value_or(0));
        case PlanCautionCode::kPainMasking:
            return Tr("Pain-masking medication: rely less on the client's pressure feedback.");
        case PlanCautionCode::kPoplitealFossa:
            return Tr("Back of the knee (popliteal fossa): no deep pressure there.");
        case PlanCautionCode::kFemoralTriangle:
            return Tr("Femoral triangle: take care with hip flexor and adductor work.");
        case PlanCautionCode::kNotScreened:
            return Tr("No intake on file: contraindications were not screened.");
        case PlanCautionCode::kMovedByTherapist:
            return Format(Tr("Moved from {} by the therapist."), DateText(formats, d.date));
    }
    return std::string(core::ToCode(caution.code));
}

std::string WarningSentence(const core::PlanWarning& warning, core::DistanceUnit units,
                            const TextFormats& formats) {
    using core::PlanWarningCode;
    const PlanDetail& d = warning.detail;
    const std::string date = formats.Date(warning.date);
    switch (warning.code) {
        case PlanWarningCode::kRefer:
            // The date is the first session held back, not when the condition began: "DVT on
            // 20 Dec" read as if it would happen then.
            // TRANSLATORS: "Deep vein thrombosis on the intake: no massage from 20 Dec 2026;
            // refer the client to their physician."
            return Format(Tr("{0} on the intake: no massage from {1}; refer the client to their "
                             "physician."),
                          Flag(d, FlagCode::kFever), date);
        case PlanWarningCode::kMileageSpike:
        case PlanWarningCode::kWeeklyJump:
            return LoadWarningSentence(warning, units, formats);
        case PlanWarningCode::kOverdueSession:
            return Format(Tr("A session is overdue: the last one was {0} days ago, on {1}."),
                          d.days.value_or(0), DateText(formats, d.date));
        case PlanWarningCode::kMissedSession:
            // TRANSLATORS: "The session of 3 Jun 2026 was missed (cancelled or not attended):
            // the plan makes up for it."
            return Format(Tr("The session of {0} was missed (cancelled or not attended): the "
                             "plan makes up for it."),
                          date);
        case PlanWarningCode::kNoSessionHistory:
            return Tr("No session on record yet: book the first one soon.");
        case PlanWarningCode::kIntakeOutdated:
            return Format(Tr("The intake of {} is over a year old: ask the client to renew it."),
                          DateText(formats, d.date));
        case PlanWarningCode::kNoIntake:
            return Tr(
                "No intake on file: nothing was screened. Take an intake before the first "
                "session.");
        case PlanWarningCode::kMissingRaceDate:
            return Tr(
                "No goal race date: the plan keeps to base training. Add the race to plan "
                "around it.");
        case PlanWarningCode::kRaceTooFar:
            return Format(Tr("The race on {0} is {1} days away, more than a year: the plan keeps "
                             "to base training for now. Generate it again when the race is "
                             "within a year."),
                          date, d.days.value_or(0));
        case PlanWarningCode::kRaceSoon:
            return Format(Tr("The race on {0} is only {1} days away: the plan starts in the "
                             "taper."),
                          date, d.days.value_or(0));
        case PlanWarningCode::kLongRunsAssumed:
            return Format(Tr("No training calendar from {} on: long runs are assumed on the "
                             "intake's long-run day. Import the calendar for a better plan."),
                          date);
        case PlanWarningCode::kMoveChanged:
        case PlanWarningCode::kMoveOutsidePlan:
        case PlanWarningCode::kMoveDayTaken:
        case PlanWarningCode::kMoveRaceDay:
            return MoveWarningSentence(warning, date);
    }
    return std::string(core::ToCode(warning.code));
}

std::string HomeCareSentence(const core::HomeCare& care) {
    using core::HomeCareCode;
    switch (care.code) {
        case HomeCareCode::kSleep:
            return Tr("Sleep 7-9 hours: tissue recovers while you sleep.");
        case HomeCareCode::kHydration:
            return Tr("Drink through the day, more after long runs and in dry air.");
        case HomeCareCode::kMobility:
            return Tr("A short daily mobility routine and gentle stretching.");
        case HomeCareCode::kFoamRolling:
            return Tr("Light foam rolling of calves, quadriceps and glutes between sessions.");
        case HomeCareCode::kEasyDaysEasy:
            return Tr("Keep easy days easy and take the rest days.");
        case HomeCareCode::kNothingNew:
            return Tr("Nothing new before the race: no new shoes, food or treatments.");
        case HomeCareCode::kPostRaceWalking:
            return Tr("Gentle walking and rest in the days after the race.");
    }
    return std::string(core::ToCode(care.code));
}

std::string ChangedFieldName(std::string_view field) {
    if (field == "phase") {
        return Tr("phase");
    }
    if (field == "techniques") {
        return Tr("techniques");
    }
    if (field == "duration_min") {
        return Tr("duration");
    }
    if (field == "pressure_max") {
        return Tr("pressure");
    }
    if (field == "regions") {
        return Tr("regions");
    }
    return std::string(field);
}

std::string PlanChangesText(const std::vector<core::PlanChange>& changes, const DateFormat& day) {
    const TextFormats formats{day, {}};
    std::string text;
    for (const core::PlanChange& change : changes) {
        if (!text.empty()) {
            text += '\n';
        }
        switch (change.kind) {
            case core::PlanChangeKind::kAdded:
                // TRANSLATORS: a session the new plan adds, e.g. "Added: Tue 3 Dec 2026".
                text += Format(Tr("Added: {}"), formats.Date(change.date));
                break;
            case core::PlanChangeKind::kRemoved:
                text += Format(Tr("Removed: {}"), formats.Date(change.date));
                break;
            case core::PlanChangeKind::kChanged: {
                std::string fields;
                for (const std::string_view field : change.fields) {
                    fields += (fields.empty() ? "" : ", ") + ChangedFieldName(field);
                }
                // TRANSLATORS: "Changed: Tue 3 Dec 2026 (techniques, pressure)".
                text += Format(Tr("Changed: {0} ({1})"), formats.Date(change.date), fields);
                break;
            }
        }
    }
    return text;
}

core::PlanTexts EnglishPlanTexts() {
    core::PlanTexts texts;
    texts.reason = [](const core::PlanReason& reason, core::DistanceUnit units) {
        const EnglishOnly english;
        return ReasonSentence(reason, units);
    };
    texts.caution = [](const core::PlanCaution& caution, core::DistanceUnit units) {
        const EnglishOnly english;
        return CautionSentence(caution, units);
    };
    texts.warning = [](const core::PlanWarning& warning, core::DistanceUnit units) {
        const EnglishOnly english;
        return WarningSentence(warning, units);
    };
    texts.home_care = [](const core::HomeCare& care) {
        const EnglishOnly english;
        return HomeCareSentence(care);
    };
    return texts;
}

nlohmann::ordered_json PlanDocument(const core::Plan& plan) {
    return core::PlanToJson(plan, EnglishPlanTexts());
}

}  // namespace myodesk::vocabulary
