#include <myodesk/core/plan_text.h>

#include <fmt/format.h>

#include <cmath>

namespace myodesk::core {

namespace {

std::string_view RunWords(RunType type) {
    switch (type) {
        case RunType::kEasy:
            return "easy run";
        case RunType::kLong:
            return "long run";
        case RunType::kTempo:
            return "tempo run";
        case RunType::kIntervals:
            return "interval session";
        case RunType::kRace:
            return "race";
        case RunType::kRest:
            return "rest day";
        case RunType::kCross:
            return "cross-training";
    }
    return "run";
}

std::string_view FlagWords(FlagCode code) {
    switch (code) {
        case FlagCode::kFever:
            return "Fever";
        case FlagCode::kAcuteInfection:
            return "Acute infection";
        case FlagCode::kDvt:
            return "Deep vein thrombosis";
        case FlagCode::kPulmonaryEmbolism:
            return "Pulmonary embolism";
        case FlagCode::kUncontrolledHypertension:
            return "Uncontrolled high blood pressure";
        case FlagCode::kVaricoseVeins:
            return "Varicose veins";
        case FlagCode::kSkinInfection:
            return "Skin infection";
        case FlagCode::kOpenWound:
            return "Open wound";
        case FlagCode::kBruising:
            return "Bruising";
        case FlagCode::kRecentSurgery:
            return "Recent surgery";
        case FlagCode::kAcuteInjury:
            return "Acute injury";
        case FlagCode::kFracture:
            return "Recent fracture";
        case FlagCode::kAnticoagulants:
            return "Anticoagulants";
        case FlagCode::kBleedingDisorder:
            return "Bleeding disorder";
        case FlagCode::kCorticosteroids:
            return "Long-term corticosteroids";
        case FlagCode::kOsteoporosis:
            return "Osteoporosis";
        case FlagCode::kPregnancy:
            return "Pregnancy";
        case FlagCode::kPainMaskingMedication:
            return "Pain-masking medication";
    }
    return "Contraindication";
}

// "32 km", "21.1 km", "19.9 mi": one decimal, none when whole.
std::string Distance(double km, DistanceUnit units) {
    const double value = units == DistanceUnit::kMi ? KmToMiles(km) : km;
    const double rounded = std::round(value * 10) / 10;
    const char* unit = units == DistanceUnit::kMi ? "mi" : "km";
    if (rounded == std::trunc(rounded)) {
        return fmt::format("{:.0f} {}", rounded, unit);
    }
    return fmt::format("{:.1f} {}", rounded, unit);
}

std::string DateText(const PlanDateFormat& format, const std::optional<Date>& date) {
    if (!date) {
        return "?";
    }
    return format ? format(*date) : FormatIsoDate(*date);
}

std::string RegionText(const std::optional<RegionSide>& region) {
    return region ? DescribeRegion(*region) : std::string("that region");
}

std::string Run(const PlanDetail& detail) {
    return std::string(RunWords(detail.run_type.value_or(RunType::kLong)));
}

// How much longer `distance` is than `compared`, in percent with one decimal ("10.3").
std::string PercentAbove(const PlanDetail& detail) {
    if (!detail.distance_km || !detail.compared_km || *detail.compared_km <= 0) {
        return "0";
    }
    const double percent = std::floor((*detail.distance_km / *detail.compared_km - 1) * 1000) / 10;
    if (percent == std::trunc(percent)) {
        return fmt::format("{:.0f}", percent);
    }
    return fmt::format("{:.1f}", percent);
}

}  // namespace

std::string_view RegionWords(Region region) {
    switch (region) {
        case Region::kCalves:
            return "calves";
        case Region::kShins:
            return "shins";
        case Region::kQuadriceps:
            return "quadriceps";
        case Region::kHamstrings:
            return "hamstrings";
        case Region::kAdductors:
            return "adductors";
        case Region::kItBand:
            return "IT band";
        case Region::kGlutes:
            return "glutes";
        case Region::kHipFlexors:
            return "hip flexors";
        case Region::kHips:
            return "hips";
        case Region::kLowerBack:
            return "lower back";
        case Region::kMidBack:
            return "mid back";
        case Region::kUpperBack:
            return "upper back";
        case Region::kShoulders:
            return "shoulders";
        case Region::kNeck:
            return "neck";
        case Region::kFeet:
            return "feet";
        case Region::kAnkles:
            return "ankles";
        case Region::kAchilles:
            return "Achilles";
    }
    return "region";
}

std::string DescribeRegion(const RegionSide& region) {
    switch (region.side) {
        case Side::kLeft:
            return fmt::format("left {}", RegionWords(region.region));
        case Side::kRight:
            return fmt::format("right {}", RegionWords(region.region));
        case Side::kBilateral:
            return fmt::format("{} (both sides)", RegionWords(region.region));
        case Side::kMidline:
            break;
    }
    return std::string(RegionWords(region.region));
}

std::string DescribeReason(const PlanReason& reason, DistanceUnit units,
                           const PlanDateFormat& date_format) {
    const PlanDetail& d = reason.detail;
    switch (reason.code) {
        case PlanReasonCode::kBaseMaintenance:
            return fmt::format(
                "Base training: a maintenance massage about every {} days, before anything hurts.",
                d.days.value_or(14));
        case PlanReasonCode::kWeeklySession:
            return "Build and peak weeks: a weekly session while training is hardest.";
        case PlanReasonCode::kAfterLongRun:
            if (d.distance_km) {
                return fmt::format("Recovery within 48 hours after the {} {} on {}.",
                                   Distance(*d.distance_km, units), Run(d),
                                   DateText(date_format, d.date));
            }
            return fmt::format("Recovery within 48 hours after the {} on {}.", Run(d),
                               DateText(date_format, d.date));
        case PlanReasonCode::kRecoveryWeekReset:
            return "Cut-back week: a lighter reset session while the training load is down.";
        case PlanReasonCode::kTaperLighter:
            return "Taper: shorter sessions so the legs are fresh on race day.";
        case PlanReasonCode::kLastDeepBeforeRace:
            return fmt::format("The last deep session before the race, {} days before it.",
                               d.days.value_or(0));
        case PlanReasonCode::kRaceWeekFlush:
            return fmt::format("Race week: a light flush only, {} days before the race.",
                               d.days.value_or(0));
        case PlanReasonCode::kPostRaceLight:
            return fmt::format("After the race: light work on day {} to ease the soreness.",
                               d.days.value_or(0));
        case PlanReasonCode::kPostRaceRecovery:
            return fmt::format(
                "After the race: recovery work on day {}, when deep work is fine again.",
                d.days.value_or(0));
        case PlanReasonCode::kSorenessFocus:
            return fmt::format("Focus on the {}: sore now (pain {}/10).", RegionText(d.region),
                               d.pain.value_or(0));
        case PlanReasonCode::kNotesFocus:
            return fmt::format("Focus on the {}: recent session notes record pain {}/10.",
                               RegionText(d.region), d.pain.value_or(0));
        case PlanReasonCode::kLoadRegionFocus:
            return fmt::format("Focus on the {}: they carry much of a runner's load.",
                               RegionText(d.region));
        case PlanReasonCode::kStubbornSpot:
            return fmt::format("Trigger point therapy for a stubborn spot in the {}.",
                               RegionText(d.region));
        case PlanReasonCode::kRestrictedMotion:
            return "Myofascial release with movement: recent notes record restricted range of "
                   "motion.";
        case PlanReasonCode::kBookedAppointment:
            return "Booked by the therapist.";
    }
    return std::string(ToCode(reason.code));
}

std::string DescribeCaution(const PlanCaution& caution, DistanceUnit /*units*/,
                            const PlanDateFormat& date_format) {
    const PlanDetail& d = caution.detail;
    switch (caution.code) {
        case PlanCautionCode::kDayBeforeHardRun:
            return fmt::format("Lighter session: {} on {}, so no deep tissue the day before.",
                               Run(d), DateText(date_format, d.date));
        case PlanCautionCode::kHardRunNextDay:
            return fmt::format(
                "No deep work: {} on {}, and hard training needs 24-36 hours after deep work.",
                Run(d), DateText(date_format, d.date));
        case PlanCautionCode::kNoDeepBeforeRace:
            return fmt::format("No deep work in the last {} days before the race.",
                               d.days.value_or(0));
        case PlanCautionCode::kNoDeepAfterRace:
            return fmt::format("No deep work before day {} after the race.", d.days.value_or(0));
        case PlanCautionCode::kFlagRegionRemoved:
            if (!d.region) {
                return fmt::format("{}: ask where, and leave that area out.",
                                   FlagWords(d.flag.value_or(FlagCode::kOpenWound)));
            }
            if (d.date) {
                return fmt::format("{}: keep off the {} until {}.",
                                   FlagWords(d.flag.value_or(FlagCode::kOpenWound)),
                                   RegionText(d.region), DateText(date_format, d.date));
            }
            return fmt::format("{}: keep off the {}.",
                               FlagWords(d.flag.value_or(FlagCode::kOpenWound)),
                               RegionText(d.region));
        case PlanCautionCode::kAvoidRegion:
            return fmt::format("Keep off the {}: the client asked to avoid it.",
                               RegionText(d.region));
        case PlanCautionCode::kFlagModify:
            return fmt::format("{}: no deep tissue, pressure at most {}/10.",
                               FlagWords(d.flag.value_or(FlagCode::kAnticoagulants)),
                               d.pressure.value_or(0));
        case PlanCautionCode::kPhysicianClearance:
            return "Pregnancy in the first trimester: physician clearance before massage.";
        case PlanCautionCode::kPressurePreference:
            return fmt::format("Pressure at most {}/10, as the client prefers.",
                               d.pressure.value_or(0));
        case PlanCautionCode::kPainMasking:
            return "Pain-masking medication: rely less on the client's pressure feedback.";
        case PlanCautionCode::kPoplitealFossa:
            return "Back of the knee (popliteal fossa): no deep pressure there.";
        case PlanCautionCode::kFemoralTriangle:
            return "Femoral triangle: take care with hip flexor and adductor work.";
        case PlanCautionCode::kNotScreened:
            return "No intake on file: contraindications were not screened.";
        case PlanCautionCode::kMovedByTherapist:
            return fmt::format("Moved from {} by the therapist.", DateText(date_format, d.date));
    }
    return std::string(ToCode(caution.code));
}

std::string DescribeWarning(const PlanWarning& warning, DistanceUnit units,
                            const PlanDateFormat& date_format) {
    const PlanDetail& d = warning.detail;
    const std::string date = DateText(date_format, warning.date);
    switch (warning.code) {
        case PlanWarningCode::kRefer:
            return fmt::format("{} on {}: no massage; refer the client to their physician.",
                               FlagWords(d.flag.value_or(FlagCode::kFever)), date);
        case PlanWarningCode::kMileageSpike:
            return fmt::format(
                "Mileage spike: the {} {} on {} is {}% longer than the longest run of the 30 days "
                "before ({}), which raises the risk of injury.",
                Distance(d.distance_km.value_or(0), units), Run(d), date, PercentAbove(d),
                Distance(d.compared_km.value_or(0), units));
        case PlanWarningCode::kWeeklyJump:
            return fmt::format(
                "Weekly distance jumps {}% in the week of {}: {} after {} the week before.",
                PercentAbove(d), date, Distance(d.distance_km.value_or(0), units),
                Distance(d.compared_km.value_or(0), units));
        case PlanWarningCode::kOverdueSession:
            return fmt::format("A session is overdue: the last one was {} days ago, on {}.",
                               d.days.value_or(0), DateText(date_format, d.date));
        case PlanWarningCode::kNoSessionHistory:
            return "No session on record yet: book the first one soon.";
        case PlanWarningCode::kIntakeOutdated:
            return fmt::format("The intake of {} is over a year old: ask the client to renew it.",
                               DateText(date_format, d.date));
        case PlanWarningCode::kNoIntake:
            return "No intake on file: nothing was screened. Take an intake before the first "
                   "session.";
        case PlanWarningCode::kMissingRaceDate:
            return "No goal race date: the plan keeps to base training. Add the race to plan "
                   "around it.";
        case PlanWarningCode::kRaceSoon:
            return fmt::format("The race on {} is only {} days away: the plan starts in the taper.",
                               date, d.days.value_or(0));
        case PlanWarningCode::kLongRunsAssumed:
            return fmt::format(
                "No training calendar from {} on: long runs are assumed on the intake's long-run "
                "day. Import the calendar for a better plan.",
                date);
        case PlanWarningCode::kMoveChanged:
            return fmt::format(
                "Moved to {}: the session was changed to suit that day (see its "
                "cautions).",
                date);
        case PlanWarningCode::kMoveOutsidePlan:
            return fmt::format("{} is outside the plan: regenerate the plan to plan that far.",
                               date);
        case PlanWarningCode::kMoveDayTaken:
            return fmt::format("Another session is already planned on {}.", date);
        case PlanWarningCode::kMoveRaceDay:
            return fmt::format("{} is race day or the day after it: no massage then.", date);
    }
    return std::string(ToCode(warning.code));
}

std::string DescribeHomeCare(const HomeCare& care) {
    switch (care.code) {
        case HomeCareCode::kSleep:
            return "Sleep 7-9 hours: tissue recovers while you sleep.";
        case HomeCareCode::kHydration:
            return "Drink through the day, more after long runs and in dry air.";
        case HomeCareCode::kMobility:
            return "A short daily mobility routine and gentle stretching.";
        case HomeCareCode::kFoamRolling:
            return "Light foam rolling of calves, quadriceps and glutes between sessions.";
        case HomeCareCode::kEasyDaysEasy:
            return "Keep easy days easy and take the rest days.";
        case HomeCareCode::kNothingNew:
            return "Nothing new before the race: no new shoes, food or treatments.";
        case HomeCareCode::kPostRaceWalking:
            return "Gentle walking and rest in the days after the race.";
    }
    return std::string(ToCode(care.code));
}

}  // namespace myodesk::core
