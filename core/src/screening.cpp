#include <myodesk/core/screening.h>

#include <algorithm>
#include <tuple>

namespace myodesk::core {

namespace {

using std::chrono::days;
using std::chrono::sys_days;

struct FlagInfo {
    FlagCode code;
    std::string_view name;
    FlagLevel level;
};

constexpr std::array<FlagInfo, 18> kFlags{{
    {FlagCode::kFever, "fever", FlagLevel::kAbsolute},
    {FlagCode::kAcuteInfection, "acute_infection", FlagLevel::kAbsolute},
    {FlagCode::kDvt, "dvt", FlagLevel::kAbsolute},
    {FlagCode::kPulmonaryEmbolism, "pulmonary_embolism", FlagLevel::kAbsolute},
    {FlagCode::kUncontrolledHypertension, "uncontrolled_hypertension", FlagLevel::kAbsolute},
    {FlagCode::kVaricoseVeins, "varicose_veins", FlagLevel::kLocal},
    {FlagCode::kSkinInfection, "skin_infection", FlagLevel::kLocal},
    {FlagCode::kOpenWound, "open_wound", FlagLevel::kLocal},
    {FlagCode::kBruising, "bruising", FlagLevel::kLocal},
    {FlagCode::kRecentSurgery, "recent_surgery", FlagLevel::kLocal},
    {FlagCode::kAcuteInjury, "acute_injury", FlagLevel::kLocal},
    {FlagCode::kFracture, "fracture", FlagLevel::kLocal},
    {FlagCode::kAnticoagulants, "anticoagulants", FlagLevel::kModify},
    {FlagCode::kBleedingDisorder, "bleeding_disorder", FlagLevel::kModify},
    {FlagCode::kCorticosteroids, "corticosteroids", FlagLevel::kModify},
    {FlagCode::kOsteoporosis, "osteoporosis", FlagLevel::kModify},
    {FlagCode::kPregnancy, "pregnancy", FlagLevel::kModify},
    {FlagCode::kPainMaskingMedication, "pain_masking_medication", FlagLevel::kModify},
}};

const FlagInfo& InfoOf(FlagCode code) {
    return *std::find_if(kFlags.begin(), kFlags.end(),
                         [code](const FlagInfo& info) { return info.code == code; });
}

// The flag a health-history item raises, if any.
std::optional<FlagCode> FlagFor(ConditionCode condition) {
    using C = ConditionCode;
    switch (condition) {
        case C::kFever:
            return FlagCode::kFever;
        case C::kAcuteInfection:
            return FlagCode::kAcuteInfection;
        case C::kDvt:
            return FlagCode::kDvt;
        case C::kPulmonaryEmbolism:
            return FlagCode::kPulmonaryEmbolism;
        case C::kUncontrolledHypertension:
            return FlagCode::kUncontrolledHypertension;
        case C::kVaricoseVeins:
            return FlagCode::kVaricoseVeins;
        case C::kSkinInfection:
            return FlagCode::kSkinInfection;
        case C::kOpenWound:
            return FlagCode::kOpenWound;
        case C::kBruising:
            return FlagCode::kBruising;
        case C::kBleedingDisorder:
            return FlagCode::kBleedingDisorder;
        case C::kOsteoporosis:
            return FlagCode::kOsteoporosis;
        default:
            return std::nullopt;
    }
}

std::optional<FlagCode> FlagFor(MedicationClass medication) {
    switch (medication) {
        case MedicationClass::kAnticoagulant:
            return FlagCode::kAnticoagulants;
        case MedicationClass::kCorticosteroid:
            return FlagCode::kCorticosteroids;
        case MedicationClass::kMuscleRelaxant:
        case MedicationClass::kAnalgesic:
        case MedicationClass::kNsaid:
            // The client feels less, so their pressure feedback is less reliable.
            return FlagCode::kPainMaskingMedication;
        case MedicationClass::kOther:
            return std::nullopt;
    }
    return std::nullopt;
}

// The last day of a window of `length_days` that starts on `start`, when `on_date` is in it.
std::optional<Date> ActiveUntil(const Date& start, int length_days, const Date& on_date) {
    const Date last{sys_days{start} + days{length_days - 1}};
    if (length_days <= 0 || on_date < start || on_date > last) {
        return std::nullopt;
    }
    return last;
}

ContraindicationFlag MakeFlag(FlagCode code, std::optional<Region> region = std::nullopt,
                              std::optional<Side> side = std::nullopt,
                              std::optional<Date> until = std::nullopt) {
    return ContraindicationFlag{InfoOf(code).level, code, region, side, until, false};
}

auto SortKey(const ContraindicationFlag& flag) {
    return std::make_tuple(flag.level, flag.code, flag.region, flag.side, flag.until,
                           flag.physician_clearance);
}

}  // namespace

std::string_view ToCode(FlagLevel level) {
    switch (level) {
        case FlagLevel::kAbsolute:
            return "absolute";
        case FlagLevel::kLocal:
            return "local";
        case FlagLevel::kModify:
            return "modify";
    }
    return "unknown";
}

std::string_view ToCode(FlagCode code) {
    return InfoOf(code).name;
}

FlagLevel LevelOf(FlagCode code) {
    return InfoOf(code).level;
}

std::vector<ContraindicationFlag> ScreenContraindications(const Intake& intake, const Date& on_date,
                                                          const ScreeningSettings& settings) {
    std::vector<ContraindicationFlag> flags;
    const Health& health = intake.health;

    for (const HealthCondition& condition : health.conditions) {
        if (const auto code = FlagFor(condition.code)) {
            const bool local = LevelOf(*code) == FlagLevel::kLocal;
            flags.push_back(MakeFlag(*code, local ? condition.region : std::nullopt,
                                     local ? condition.side : std::nullopt));
        }
    }
    for (const Medication& medication : health.medications) {
        if (const auto code = FlagFor(medication.medication_class)) {
            flags.push_back(MakeFlag(*code));
        }
    }
    for (const HealthEvent& surgery : health.surgeries) {
        if (const auto until = ActiveUntil(surgery.date, settings.recent_surgery_days, on_date)) {
            flags.push_back(
                MakeFlag(FlagCode::kRecentSurgery, surgery.region, surgery.side, until));
        }
    }
    for (const HealthEvent& injury : health.injuries) {
        const auto kind = FromCode<InjuryKind>(injury.kind);
        if (kind == InjuryKind::kAcute) {
            if (const auto until = ActiveUntil(injury.date, settings.acute_injury_days, on_date)) {
                flags.push_back(
                    MakeFlag(FlagCode::kAcuteInjury, injury.region, injury.side, until));
            }
        } else if (kind == InjuryKind::kFracture) {
            if (const auto until = ActiveUntil(injury.date, settings.fracture_days, on_date)) {
                flags.push_back(MakeFlag(FlagCode::kFracture, injury.region, injury.side, until));
            }
        }
    }
    if (health.pregnant) {
        auto flag = MakeFlag(FlagCode::kPregnancy);
        // The week was given on the intake's date; it has moved on by the screening date.
        if (health.pregnancy_weeks) {
            const auto elapsed = (sys_days{on_date} - sys_days{intake.taken_on}).count() / 7;
            const auto weeks_now = *health.pregnancy_weeks + std::max<std::int64_t>(elapsed, 0);
            flag.physician_clearance = weeks_now < settings.first_trimester_weeks;
        } else {
            flag.physician_clearance = true;  // unknown: treat as early
        }
        flags.push_back(flag);
    }

    std::sort(flags.begin(), flags.end(),
              [](const auto& a, const auto& b) { return SortKey(a) < SortKey(b); });
    flags.erase(std::unique(flags.begin(), flags.end()), flags.end());
    return flags;
}

std::optional<FlagLevel> MostSerious(const std::vector<ContraindicationFlag>& flags) {
    if (flags.empty()) {
        return std::nullopt;
    }
    return std::min_element(flags.begin(), flags.end(),
                            [](const auto& a, const auto& b) { return a.level < b.level; })
        ->level;
}

}  // namespace myodesk::core
