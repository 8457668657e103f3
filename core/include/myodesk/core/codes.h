#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace myodesk::core {

// The stable snake_case codes used in JSON, storage and the CLI for each enumeration. Names
// for people come from the GUI (translated), never from these tables.

enum class Region {
    kCalves,
    kShins,
    kQuadriceps,
    kHamstrings,
    kAdductors,
    kItBand,
    kGlutes,
    kHipFlexors,
    kHips,
    kLowerBack,
    kMidBack,
    kUpperBack,
    kShoulders,
    kNeck,
    kFeet,
    kAnkles,
    kAchilles,
};

enum class Side { kLeft, kRight, kBilateral, kMidline };

enum class BodySystem {
    kGeneral,
    kSkin,
    kCardiovascular,
    kMusculoskeletal,
    kNervous,
    kDigestive,
    kReproductive
};

// Health-history checklist items. Some are contraindications (see ScreenContraindications).
enum class ConditionCode {
    // general
    kFever,
    kAcuteInfection,
    kDiabetes,
    kCancer,
    // skin
    kSkinInfection,
    kOpenWound,
    kBruising,
    kEczema,
    kPsoriasis,
    kSensitiveSkin,
    // cardiovascular
    kDvt,
    kPulmonaryEmbolism,
    kUncontrolledHypertension,
    kControlledHypertension,
    kVaricoseVeins,
    kHeartCondition,
    kLowBloodPressure,
    kBleedingDisorder,
    // musculoskeletal
    kOsteoporosis,
    kArthritis,
    kTendinopathy,
    kHypermobility,
    kScoliosis,
    // nervous
    kEpilepsy,
    kMigraine,
    kNeuropathy,
    kSciatica,
    // digestive
    kIrritableBowel,
    kInflammatoryBowel,
    kReflux,
    // reproductive
    kEndometriosis,
    kMenstrualPain,
};

enum class MedicationClass {
    kAnticoagulant,
    kCorticosteroid,
    kMuscleRelaxant,
    kAnalgesic,
    kNsaid,
    kOther,
};

enum class InjuryKind { kAcute, kFracture, kOveruse, kChronic };

enum class RunType { kEasy, kLong, kTempo, kIntervals, kRace, kRest, kCross };

enum class RaceGoal { kFinish, kPersonalBest };

enum class DistanceUnit { kKm, kMi };

enum class Pressure { kLight, kMedium, kFirm, kDeep };

enum class Weekday { kMonday, kTuesday, kWednesday, kThursday, kFriday, kSaturday, kSunday };

// Code of a value ("hip_flexors") and the value of a code (nullopt for an unknown code).
std::string_view ToCode(Region value);
std::string_view ToCode(Side value);
std::string_view ToCode(BodySystem value);
std::string_view ToCode(ConditionCode value);
std::string_view ToCode(MedicationClass value);
std::string_view ToCode(InjuryKind value);
std::string_view ToCode(RunType value);
std::string_view ToCode(RaceGoal value);
std::string_view ToCode(DistanceUnit value);
std::string_view ToCode(Pressure value);
std::string_view ToCode(Weekday value);

template <typename Enum>
std::optional<Enum> FromCode(std::string_view code);

// Every value of an enumeration, in declaration order (for pickers and tests).
template <typename Enum>
const std::vector<Enum>& AllValues();

// The body system a checklist item belongs to.
BodySystem SystemOf(ConditionCode condition);

// Whether a condition is about one place on the body (a region and side are then required).
bool IsRegional(ConditionCode condition);

// Pressure on the 1-10 scale: light 2, medium 5, firm 7, deep 8 (9-10 is never planned).
int PressureLevel(Pressure pressure);

// Kilometres <-> miles.
double KmToMiles(double km);
double MilesToKm(double miles);

}  // namespace myodesk::core
