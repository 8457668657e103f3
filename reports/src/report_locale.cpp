#include "report_text.h"

#include <myodesk/core/plan_text.h>
#include <myodesk/reports/report_locale.h>

#include <array>
#include <cmath>
#include <memory>
#include <mutex>
#include <utility>

namespace myodesk::reports {

namespace {

// The process-wide translator. Reports may be built on a worker thread while the app changes
// language, so the translator is swapped and read under a lock (and called outside it).
struct TranslatorSlot {
    std::mutex mutex;
    std::shared_ptr<const Translator> translator;
};

TranslatorSlot& Slot() {
    static TranslatorSlot slot;
    return slot;
}

std::string MonthAbbreviation(unsigned month) {
    switch (month) {
        case 1:
            // TRANSLATORS: month abbreviations in report dates ("21 Nov 2026") and chart axes.
            return Tr("Jan");
        case 2:
            return Tr("Feb");
        case 3:
            return Tr("Mar");
        case 4:
            return Tr("Apr");
        case 5:
            // TRANSLATORS: the month of May, abbreviated (if at all) in report dates.
            return Tr("May");
        case 6:
            return Tr("Jun");
        case 7:
            return Tr("Jul");
        case 8:
            return Tr("Aug");
        case 9:
            return Tr("Sep");
        case 10:
            return Tr("Oct");
        case 11:
            return Tr("Nov");
        case 12:
            return Tr("Dec");
        default:
            break;
    }
    return "?";
}

std::string DefaultDate(const core::Date& date) {
    if (!date.ok()) {
        return core::FormatIsoDate(date);
    }
    // TRANSLATORS: a date in reports: {0} day, {1} month abbreviation, {2} year
    // ("21 Nov 2026"). Reorder as your language writes dates.
    return Format(Tr("{0} {1} {2}"), static_cast<unsigned>(date.day()),
                  MonthAbbreviation(static_cast<unsigned>(date.month())),
                  static_cast<int>(date.year()));
}

std::string DefaultMonth(const core::Date& date) {
    if (!date.ok()) {
        return core::FormatIsoDate(date);
    }
    // TRANSLATORS: a month on chart axes: {0} month abbreviation, {1} year ("Nov 2026").
    return Format(Tr("{0} {1}"), MonthAbbreviation(static_cast<unsigned>(date.month())),
                  static_cast<int>(date.year()));
}

// A region in the middle of a sentence: "hamstrings", "IT band".
std::string RegionWord(core::Region region) {
    using core::Region;
    switch (region) {
        case Region::kCalves:
            return Tr("calves");
        case Region::kShins:
            return Tr("shins");
        case Region::kQuadriceps:
            return Tr("quadriceps");
        case Region::kHamstrings:
            return Tr("hamstrings");
        case Region::kAdductors:
            return Tr("adductors");
        case Region::kItBand:
            return Tr("IT band");
        case Region::kGlutes:
            return Tr("glutes");
        case Region::kHipFlexors:
            return Tr("hip flexors");
        case Region::kHips:
            return Tr("hips");
        case Region::kLowerBack:
            return Tr("lower back");
        case Region::kMidBack:
            return Tr("mid back");
        case Region::kUpperBack:
            return Tr("upper back");
        case Region::kShoulders:
            return Tr("shoulders");
        case Region::kNeck:
            return Tr("neck");
        case Region::kFeet:
            return Tr("feet");
        case Region::kAnkles:
            return Tr("ankles");
        case Region::kAchilles:
            return Tr("Achilles");
    }
    return std::string(core::ToCode(region));
}

}  // namespace

void SetTranslator(Translator translator) {
    std::shared_ptr<const Translator> next;
    if (translator) {
        next = std::make_shared<const Translator>(std::move(translator));
    }
    TranslatorSlot& slot = Slot();
    const std::lock_guard lock(slot.mutex);
    slot.translator = std::move(next);
}

std::string Tr(const char* english) {
    if (english == nullptr) {
        return {};
    }
    std::shared_ptr<const Translator> translator;
    {
        TranslatorSlot& slot = Slot();
        const std::lock_guard lock(slot.mutex);
        translator = slot.translator;
    }
    if (!translator) {
        return english;
    }
    std::string translated = (*translator)(english);
    // A catalogue without the text gives it back or gives nothing: English either way.
    return translated.empty() ? std::string(english) : translated;
}

std::string ReportLocale::Reason(const core::PlanReason& reason) const {
    if (describe_reason) {
        return describe_reason(reason, units);
    }
    return core::DescribeReason(reason, units, [this](const core::Date& d) { return Date(d); });
}

std::string ReportLocale::Caution(const core::PlanCaution& caution) const {
    if (describe_caution) {
        return describe_caution(caution, units);
    }
    return core::DescribeCaution(caution, units, [this](const core::Date& d) { return Date(d); });
}

std::string ReportLocale::Warning(const core::PlanWarning& warning) const {
    if (describe_warning) {
        return describe_warning(warning, units);
    }
    return core::DescribeWarning(warning, units, [this](const core::Date& d) { return Date(d); });
}

std::string ReportLocale::Date(const core::Date& date) const {
    return format_date ? format_date(date) : DefaultDate(date);
}

std::string ReportLocale::Month(const core::Date& date) const {
    return format_month ? format_month(date) : DefaultMonth(date);
}

std::string ReportLocale::Distance(double km) const {
    const bool miles = units == core::DistanceUnit::kMi;
    const double value = miles ? core::KmToMiles(km) : km;
    const double rounded = std::round(value * 10) / 10;
    const std::string number = rounded == std::trunc(rounded) ? fmt::format("{:.0f}", rounded)
                                                              : fmt::format("{:.1f}", rounded);
    if (miles) {
        // TRANSLATORS: a distance in miles, e.g. "19.9 mi".
        return Format(Tr("{} mi"), number);
    }
    // TRANSLATORS: a distance in kilometres, e.g. "32 km".
    return Format(Tr("{} km"), number);
}

std::string RegionSideInSentence(core::Region region, std::optional<core::Side> side) {
    const std::string where = RegionWord(region);
    if (!side) {
        return where;
    }
    switch (*side) {
        case core::Side::kLeft:
            // TRANSLATORS: {} is a body region in lower case, e.g. "left calves".
            return Format(Tr("left {}"), where);
        case core::Side::kRight:
            // TRANSLATORS: {} is a body region in lower case, e.g. "right calves".
            return Format(Tr("right {}"), where);
        case core::Side::kBilateral:
            // TRANSLATORS: {} is a body region in lower case, e.g. "calves (both sides)".
            return Format(Tr("{} (both sides)"), where);
        case core::Side::kMidline:
            break;
    }
    return where;
}

std::string TechniqueName(core::Technique technique) {
    using core::Technique;
    switch (technique) {
        case Technique::kSwedish:
            return Tr("Swedish");
        case Technique::kDeepTissue:
            return Tr("Deep tissue");
        case Technique::kTriggerPoint:
            return Tr("Trigger point therapy");
        case Technique::kSports:
            return Tr("Sports massage");
        case Technique::kMyofascial:
            return Tr("Myofascial release");
    }
    return std::string(core::ToCode(technique));
}

std::string RegionName(core::Region region) {
    using core::Region;
    switch (region) {
        case Region::kCalves:
            return Tr("Calves");
        case Region::kShins:
            return Tr("Shins");
        case Region::kQuadriceps:
            return Tr("Quadriceps");
        case Region::kHamstrings:
            return Tr("Hamstrings");
        case Region::kAdductors:
            return Tr("Adductors");
        case Region::kItBand:
            return Tr("IT band");
        case Region::kGlutes:
            return Tr("Glutes");
        case Region::kHipFlexors:
            return Tr("Hip flexors");
        case Region::kHips:
            return Tr("Hips");
        case Region::kLowerBack:
            return Tr("Lower back");
        case Region::kMidBack:
            return Tr("Mid back");
        case Region::kUpperBack:
            return Tr("Upper back");
        case Region::kShoulders:
            return Tr("Shoulders");
        case Region::kNeck:
            return Tr("Neck");
        case Region::kFeet:
            return Tr("Feet");
        case Region::kAnkles:
            return Tr("Ankles");
        case Region::kAchilles:
            return Tr("Achilles");
    }
    return std::string(core::ToCode(region));
}

std::string RegionSideName(const core::RegionSide& region) {
    switch (region.side) {
        case core::Side::kLeft:
            // TRANSLATORS: {} is a body region in lower case: "Left hamstrings".
            return Format(Tr("Left {}"), RegionWord(region.region));
        case core::Side::kRight:
            // TRANSLATORS: {} is a body region in lower case: "Right hamstrings".
            return Format(Tr("Right {}"), RegionWord(region.region));
        case core::Side::kBilateral:
            // TRANSLATORS: {} is a body region, capitalised: "Hamstrings (both sides)".
            return Format(Tr("{} (both sides)"), RegionName(region.region));
        case core::Side::kMidline:
            break;
    }
    return RegionName(region.region);
}

std::string FlagName(core::FlagCode code) {
    using core::FlagCode;
    switch (code) {
        case FlagCode::kFever:
            return Tr("Fever");
        case FlagCode::kAcuteInfection:
            return Tr("Acute infection");
        case FlagCode::kDvt:
            return Tr("Deep vein thrombosis");
        case FlagCode::kPulmonaryEmbolism:
            return Tr("Pulmonary embolism");
        case FlagCode::kUncontrolledHypertension:
            return Tr("Uncontrolled high blood pressure");
        case FlagCode::kVaricoseVeins:
            return Tr("Varicose veins");
        case FlagCode::kSkinInfection:
            return Tr("Skin infection");
        case FlagCode::kOpenWound:
            return Tr("Open wound");
        case FlagCode::kBruising:
            return Tr("Bruising");
        case FlagCode::kRecentSurgery:
            return Tr("Recent surgery");
        case FlagCode::kAcuteInjury:
            return Tr("Acute injury");
        case FlagCode::kFracture:
            return Tr("Recent fracture");
        case FlagCode::kAnticoagulants:
            return Tr("Anticoagulants");
        case FlagCode::kBleedingDisorder:
            return Tr("Bleeding disorder");
        case FlagCode::kCorticosteroids:
            return Tr("Long-term corticosteroids");
        case FlagCode::kOsteoporosis:
            return Tr("Osteoporosis");
        case FlagCode::kPregnancy:
            return Tr("Pregnancy");
        case FlagCode::kPainMaskingMedication:
            return Tr("Pain-masking medication");
    }
    return std::string(core::ToCode(code));
}

std::string FlagLevelName(core::FlagLevel level) {
    switch (level) {
        case core::FlagLevel::kAbsolute:
            // TRANSLATORS: a contraindication level: no massage at all; refer the client.
            return Tr("No massage: refer");
        case core::FlagLevel::kLocal:
            // TRANSLATORS: a contraindication level: massage, but not on the affected area.
            return Tr("Avoid area");
        case core::FlagLevel::kModify:
            // TRANSLATORS: a contraindication level: lighter pressure, no deep tissue.
            return Tr("Modify");
    }
    return std::string(core::ToCode(level));
}

std::string PhaseName(core::PlanPhase phase) {
    using core::PlanPhase;
    switch (phase) {
        case PlanPhase::kBase:
            // TRANSLATORS: a training phase: mileage still building.
            return Tr("Base");
        case PlanPhase::kBuild:
            // TRANSLATORS: a training phase: harder training, longer runs.
            return Tr("Build");
        case PlanPhase::kPeak:
            // TRANSLATORS: a training phase: the hardest weeks, the longest runs.
            return Tr("Peak");
        case PlanPhase::kTaper:
            // TRANSLATORS: a training phase: the last weeks before the race.
            return Tr("Taper");
        case PlanPhase::kRaceWeek:
            return Tr("Race week");
        case PlanPhase::kPostRace:
            return Tr("After the race");
        case PlanPhase::kRecoveryWeek:
            // TRANSLATORS: a training phase: a cut-back week, clearly lighter than the others.
            return Tr("Recovery week");
    }
    return std::string(core::ToCode(phase));
}

std::string ConditionName(core::ConditionCode condition) {
    using core::ConditionCode;
    switch (condition) {
        case ConditionCode::kFever:
            return Tr("Fever");
        case ConditionCode::kAcuteInfection:
            return Tr("Acute infection");
        case ConditionCode::kDiabetes:
            return Tr("Diabetes");
        case ConditionCode::kCancer:
            return Tr("Cancer");
        case ConditionCode::kSkinInfection:
            return Tr("Skin infection");
        case ConditionCode::kOpenWound:
            return Tr("Open wound");
        case ConditionCode::kBruising:
            return Tr("Bruising");
        case ConditionCode::kEczema:
            return Tr("Eczema");
        case ConditionCode::kPsoriasis:
            return Tr("Psoriasis");
        case ConditionCode::kSensitiveSkin:
            return Tr("Sensitive skin");
        case ConditionCode::kDvt:
            return Tr("Deep vein thrombosis");
        case ConditionCode::kPulmonaryEmbolism:
            return Tr("Pulmonary embolism");
        case ConditionCode::kUncontrolledHypertension:
            return Tr("Uncontrolled high blood pressure");
        case ConditionCode::kControlledHypertension:
            return Tr("Controlled high blood pressure");
        case ConditionCode::kVaricoseVeins:
            return Tr("Varicose veins");
        case ConditionCode::kHeartCondition:
            return Tr("Heart condition");
        case ConditionCode::kLowBloodPressure:
            return Tr("Low blood pressure");
        case ConditionCode::kBleedingDisorder:
            return Tr("Bleeding disorder");
        case ConditionCode::kOsteoporosis:
            return Tr("Osteoporosis");
        case ConditionCode::kArthritis:
            return Tr("Arthritis");
        case ConditionCode::kTendinopathy:
            return Tr("Tendinopathy");
        case ConditionCode::kHypermobility:
            return Tr("Hypermobility");
        case ConditionCode::kScoliosis:
            return Tr("Scoliosis");
        case ConditionCode::kEpilepsy:
            return Tr("Epilepsy");
        case ConditionCode::kMigraine:
            return Tr("Migraine");
        case ConditionCode::kNeuropathy:
            return Tr("Neuropathy");
        case ConditionCode::kSciatica:
            return Tr("Sciatica");
        case ConditionCode::kIrritableBowel:
            return Tr("Irritable bowel syndrome");
        case ConditionCode::kInflammatoryBowel:
            return Tr("Inflammatory bowel disease");
        case ConditionCode::kReflux:
            return Tr("Acid reflux");
        case ConditionCode::kEndometriosis:
            return Tr("Endometriosis");
        case ConditionCode::kMenstrualPain:
            return Tr("Menstrual pain");
    }
    return std::string(core::ToCode(condition));
}

std::string MedicationClassName(core::MedicationClass medication_class) {
    using core::MedicationClass;
    switch (medication_class) {
        case MedicationClass::kAnticoagulant:
            return Tr("Anticoagulant");
        case MedicationClass::kCorticosteroid:
            return Tr("Corticosteroid");
        case MedicationClass::kMuscleRelaxant:
            return Tr("Muscle relaxant");
        case MedicationClass::kAnalgesic:
            return Tr("Painkiller");
        case MedicationClass::kNsaid:
            return Tr("Anti-inflammatory (NSAID)");
        case MedicationClass::kOther:
            return Tr("Other");
    }
    return std::string(core::ToCode(medication_class));
}

std::string PlannedSessionStatusName(core::PlannedSessionStatus status) {
    using core::PlannedSessionStatus;
    switch (status) {
        case PlannedSessionStatus::kPlanned:
            // TRANSLATORS: a planned massage session not booked yet.
            return Tr("Planned");
        case PlannedSessionStatus::kBooked:
            return Tr("Booked");
        case PlannedSessionStatus::kSkipped:
            return Tr("Skipped");
    }
    return std::string(core::ToCode(status));
}

std::string DescribeFlag(const core::ContraindicationFlag& flag, const ReportLocale& locale) {
    std::string what = FlagName(flag.code);
    if (flag.region) {
        // TRANSLATORS: a contraindication and where: "Varicose veins, right calves".
        what = Format(Tr("{0}, {1}"), what, RegionSideInSentence(*flag.region, flag.side));
    }
    // TRANSLATORS: a contraindication as one line: "Avoid area — Varicose veins, right calves".
    std::string line = Format(Tr("{0} — {1}"), FlagLevelName(flag.level), what);
    if (flag.code == core::FlagCode::kPainMaskingMedication) {
        line += Tr(": rely less on the client's feedback about pressure");
    }
    if (flag.physician_clearance) {
        line += Tr(" — physician clearance needed first");
    }
    if (flag.until) {
        // TRANSLATORS: appended to a contraindication: " (until 3 Apr 2026)".
        line += Format(Tr(" (until {})"), locale.Date(*flag.until));
    }
    return line;
}

}  // namespace myodesk::reports
