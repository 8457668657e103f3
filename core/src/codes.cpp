#include "code_table.h"

#include <myodesk/core/codes.h>

#include <algorithm>

namespace myodesk::core {

namespace {

using detail::CodeTable;

// One table per enumeration, in declaration order; tests check every value is listed once.
template <typename Enum>
struct Codes;

template <>
struct Codes<Region> {
    static constexpr CodeTable<Region, 17> kTable{{
        {Region::kCalves, "calves"},
        {Region::kShins, "shins"},
        {Region::kQuadriceps, "quadriceps"},
        {Region::kHamstrings, "hamstrings"},
        {Region::kAdductors, "adductors"},
        {Region::kItBand, "it_band"},
        {Region::kGlutes, "glutes"},
        {Region::kHipFlexors, "hip_flexors"},
        {Region::kHips, "hips"},
        {Region::kLowerBack, "lower_back"},
        {Region::kMidBack, "mid_back"},
        {Region::kUpperBack, "upper_back"},
        {Region::kShoulders, "shoulders"},
        {Region::kNeck, "neck"},
        {Region::kFeet, "feet"},
        {Region::kAnkles, "ankles"},
        {Region::kAchilles, "achilles"},
    }};
};

template <>
struct Codes<Side> {
    static constexpr CodeTable<Side, 4> kTable{{
        {Side::kLeft, "left"},
        {Side::kRight, "right"},
        {Side::kBilateral, "bilateral"},
        {Side::kMidline, "midline"},
    }};
};

template <>
struct Codes<BodySystem> {
    static constexpr CodeTable<BodySystem, 7> kTable{{
        {BodySystem::kGeneral, "general"},
        {BodySystem::kSkin, "skin"},
        {BodySystem::kCardiovascular, "cardiovascular"},
        {BodySystem::kMusculoskeletal, "musculoskeletal"},
        {BodySystem::kNervous, "nervous"},
        {BodySystem::kDigestive, "digestive"},
        {BodySystem::kReproductive, "reproductive"},
    }};
};

template <>
struct Codes<ConditionCode> {
    static constexpr CodeTable<ConditionCode, 32> kTable{{
        {ConditionCode::kFever, "fever"},
        {ConditionCode::kAcuteInfection, "acute_infection"},
        {ConditionCode::kDiabetes, "diabetes"},
        {ConditionCode::kCancer, "cancer"},
        {ConditionCode::kSkinInfection, "skin_infection"},
        {ConditionCode::kOpenWound, "open_wound"},
        {ConditionCode::kBruising, "bruising"},
        {ConditionCode::kEczema, "eczema"},
        {ConditionCode::kPsoriasis, "psoriasis"},
        {ConditionCode::kSensitiveSkin, "sensitive_skin"},
        {ConditionCode::kDvt, "dvt"},
        {ConditionCode::kPulmonaryEmbolism, "pulmonary_embolism"},
        {ConditionCode::kUncontrolledHypertension, "uncontrolled_hypertension"},
        {ConditionCode::kControlledHypertension, "controlled_hypertension"},
        {ConditionCode::kVaricoseVeins, "varicose_veins"},
        {ConditionCode::kHeartCondition, "heart_condition"},
        {ConditionCode::kLowBloodPressure, "low_blood_pressure"},
        {ConditionCode::kBleedingDisorder, "bleeding_disorder"},
        {ConditionCode::kOsteoporosis, "osteoporosis"},
        {ConditionCode::kArthritis, "arthritis"},
        {ConditionCode::kTendinopathy, "tendinopathy"},
        {ConditionCode::kHypermobility, "hypermobility"},
        {ConditionCode::kScoliosis, "scoliosis"},
        {ConditionCode::kEpilepsy, "epilepsy"},
        {ConditionCode::kMigraine, "migraine"},
        {ConditionCode::kNeuropathy, "neuropathy"},
        {ConditionCode::kSciatica, "sciatica"},
        {ConditionCode::kIrritableBowel, "irritable_bowel"},
        {ConditionCode::kInflammatoryBowel, "inflammatory_bowel"},
        {ConditionCode::kReflux, "reflux"},
        {ConditionCode::kEndometriosis, "endometriosis"},
        {ConditionCode::kMenstrualPain, "menstrual_pain"},
    }};
};

template <>
struct Codes<MedicationClass> {
    static constexpr CodeTable<MedicationClass, 6> kTable{{
        {MedicationClass::kAnticoagulant, "anticoagulant"},
        {MedicationClass::kCorticosteroid, "corticosteroid"},
        {MedicationClass::kMuscleRelaxant, "muscle_relaxant"},
        {MedicationClass::kAnalgesic, "analgesic"},
        {MedicationClass::kNsaid, "nsaid"},
        {MedicationClass::kOther, "other"},
    }};
};

template <>
struct Codes<InjuryKind> {
    static constexpr CodeTable<InjuryKind, 4> kTable{{
        {InjuryKind::kAcute, "acute"},
        {InjuryKind::kFracture, "fracture"},
        {InjuryKind::kOveruse, "overuse"},
        {InjuryKind::kChronic, "chronic"},
    }};
};

template <>
struct Codes<RunType> {
    static constexpr CodeTable<RunType, 7> kTable{{
        {RunType::kEasy, "easy"},
        {RunType::kLong, "long"},
        {RunType::kTempo, "tempo"},
        {RunType::kIntervals, "intervals"},
        {RunType::kRace, "race"},
        {RunType::kRest, "rest"},
        {RunType::kCross, "cross"},
    }};
};

template <>
struct Codes<RaceGoal> {
    static constexpr CodeTable<RaceGoal, 2> kTable{{
        {RaceGoal::kFinish, "finish"},
        {RaceGoal::kPersonalBest, "personal_best"},
    }};
};

template <>
struct Codes<DistanceUnit> {
    static constexpr CodeTable<DistanceUnit, 2> kTable{{
        {DistanceUnit::kKm, "km"},
        {DistanceUnit::kMi, "mi"},
    }};
};

template <>
struct Codes<Pressure> {
    static constexpr CodeTable<Pressure, 4> kTable{{
        {Pressure::kLight, "light"},
        {Pressure::kMedium, "medium"},
        {Pressure::kFirm, "firm"},
        {Pressure::kDeep, "deep"},
    }};
};

template <>
struct Codes<Weekday> {
    static constexpr CodeTable<Weekday, 7> kTable{{
        {Weekday::kMonday, "monday"},
        {Weekday::kTuesday, "tuesday"},
        {Weekday::kWednesday, "wednesday"},
        {Weekday::kThursday, "thursday"},
        {Weekday::kFriday, "friday"},
        {Weekday::kSaturday, "saturday"},
        {Weekday::kSunday, "sunday"},
    }};
};

template <typename Enum>
std::string_view CodeOf(Enum value) {
    return detail::CodeIn(Codes<Enum>::kTable, value);
}

}  // namespace

std::string_view ToCode(Region value) {
    return CodeOf(value);
}
std::string_view ToCode(Side value) {
    return CodeOf(value);
}
std::string_view ToCode(BodySystem value) {
    return CodeOf(value);
}
std::string_view ToCode(ConditionCode value) {
    return CodeOf(value);
}
std::string_view ToCode(MedicationClass value) {
    return CodeOf(value);
}
std::string_view ToCode(InjuryKind value) {
    return CodeOf(value);
}
std::string_view ToCode(RunType value) {
    return CodeOf(value);
}
std::string_view ToCode(RaceGoal value) {
    return CodeOf(value);
}
std::string_view ToCode(DistanceUnit value) {
    return CodeOf(value);
}
std::string_view ToCode(Pressure value) {
    return CodeOf(value);
}
std::string_view ToCode(Weekday value) {
    return CodeOf(value);
}

template <typename Enum>
std::optional<Enum> FromCode(std::string_view code) {
    return detail::ValueIn(Codes<Enum>::kTable, code);
}

template <typename Enum>
const std::vector<Enum>& AllValues() {
    static const std::vector<Enum> values = detail::ValuesIn(Codes<Enum>::kTable);
    return values;
}

#define MYODESK_INSTANTIATE_CODES(Enum)                                 \
    template std::optional<Enum> FromCode<Enum>(std::string_view code); \
    template const std::vector<Enum>& AllValues<Enum>();

MYODESK_INSTANTIATE_CODES(Region)
MYODESK_INSTANTIATE_CODES(Side)
MYODESK_INSTANTIATE_CODES(BodySystem)
MYODESK_INSTANTIATE_CODES(ConditionCode)
MYODESK_INSTANTIATE_CODES(MedicationClass)
MYODESK_INSTANTIATE_CODES(InjuryKind)
MYODESK_INSTANTIATE_CODES(RunType)
MYODESK_INSTANTIATE_CODES(RaceGoal)
MYODESK_INSTANTIATE_CODES(DistanceUnit)
MYODESK_INSTANTIATE_CODES(Pressure)
MYODESK_INSTANTIATE_CODES(Weekday)

#undef MYODESK_INSTANTIATE_CODES

BodySystem SystemOf(ConditionCode condition) {
    using C = ConditionCode;
    switch (condition) {
        case C::kFever:
        case C::kAcuteInfection:
        case C::kDiabetes:
        case C::kCancer:
            return BodySystem::kGeneral;
        case C::kSkinInfection:
        case C::kOpenWound:
        case C::kBruising:
        case C::kEczema:
        case C::kPsoriasis:
        case C::kSensitiveSkin:
            return BodySystem::kSkin;
        case C::kDvt:
        case C::kPulmonaryEmbolism:
        case C::kUncontrolledHypertension:
        case C::kControlledHypertension:
        case C::kVaricoseVeins:
        case C::kHeartCondition:
        case C::kLowBloodPressure:
        case C::kBleedingDisorder:
            return BodySystem::kCardiovascular;
        case C::kOsteoporosis:
        case C::kArthritis:
        case C::kTendinopathy:
        case C::kHypermobility:
        case C::kScoliosis:
            return BodySystem::kMusculoskeletal;
        case C::kEpilepsy:
        case C::kMigraine:
        case C::kNeuropathy:
        case C::kSciatica:
            return BodySystem::kNervous;
        case C::kIrritableBowel:
        case C::kInflammatoryBowel:
        case C::kReflux:
            return BodySystem::kDigestive;
        case C::kEndometriosis:
        case C::kMenstrualPain:
            return BodySystem::kReproductive;
    }
    return BodySystem::kGeneral;
}

bool IsRegional(ConditionCode condition) {
    // The local contraindications: massage avoids that region and side.
    return condition == ConditionCode::kSkinInfection || condition == ConditionCode::kOpenWound ||
           condition == ConditionCode::kBruising || condition == ConditionCode::kVaricoseVeins;
}

int PressureLevel(Pressure pressure) {
    switch (pressure) {
        case Pressure::kLight:
            return 2;
        case Pressure::kMedium:
            return 5;
        case Pressure::kFirm:
            return 7;
        case Pressure::kDeep:
            return 8;
    }
    return 5;
}

namespace {
constexpr double kKmPerMile = 1.609344;
}

double KmToMiles(double km) {
    return km / kKmPerMile;
}
double MilesToKm(double miles) {
    return miles * kKmPerMile;
}

}  // namespace myodesk::core
