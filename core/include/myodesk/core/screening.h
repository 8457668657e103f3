#pragma once

#include <myodesk/core/codes.h>
#include <myodesk/core/date.h>
#include <myodesk/core/intake.h>

#include <optional>
#include <string_view>
#include <vector>

namespace myodesk::core {

enum class FlagLevel {
    kAbsolute,  // no massage; refer the client
    kLocal,     // avoid that region and side
    kModify,    // no deep tissue; pressure capped
};

std::string_view ToCode(FlagLevel level);

// Contraindication codes (the flag's `code`).
enum class FlagCode {
    kFever,
    kAcuteInfection,
    kDvt,
    kPulmonaryEmbolism,
    kUncontrolledHypertension,
    kVaricoseVeins,
    kSkinInfection,
    kOpenWound,
    kBruising,
    kRecentSurgery,
    kAcuteInjury,
    kFracture,
    kAnticoagulants,
    kBleedingDisorder,
    kCorticosteroids,
    kOsteoporosis,
    kPregnancy,
    kPainMaskingMedication,
};

std::string_view ToCode(FlagCode code);
FlagLevel LevelOf(FlagCode code);

struct ContraindicationFlag {
    FlagLevel level = FlagLevel::kModify;
    FlagCode code = FlagCode::kFever;
    std::optional<Region> region;
    std::optional<Side> side;
    std::optional<Date> until;         // last day the flag applies, for time-limited flags
    bool physician_clearance = false;  // pregnancy in the first trimester (or of unknown week)
    friend bool operator==(const ContraindicationFlag&, const ContraindicationFlag&) = default;
};

// Clinic settings for screening; the defaults follow DOMAIN.md.
struct ScreeningSettings {
    int recent_surgery_days = 42;  // 6 weeks from the surgery date
    int acute_injury_days = 7;     // 1 week from the injury date
    int fracture_days = 42;        // 6 weeks from the fracture date
    int first_trimester_weeks = 13;
    int modify_pressure_cap = 5;  // 1-10 scale: medium at most under a `modify` flag
    friend bool operator==(const ScreeningSettings&, const ScreeningSettings&) = default;
};

// The contraindication flags of an intake on a date, most serious first (absolute, local,
// modify; then by code, region and side), without duplicates. A time-limited flag applies
// from its event's date through `until` = date + window - 1 day.
std::vector<ContraindicationFlag> ScreenContraindications(const Intake& intake, const Date& on_date,
                                                          const ScreeningSettings& settings = {});

// The most serious level among the flags, or nullopt when there are none.
std::optional<FlagLevel> MostSerious(const std::vector<ContraindicationFlag>& flags);

}  // namespace myodesk::core
