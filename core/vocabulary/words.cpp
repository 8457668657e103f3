// The words for core's codes. Each English word is written here once, inside Tr() so that
// xgettext finds it; a test checks every value of every enumeration has one.
#include "format.h"

#include <myodesk/vocabulary/translation.h>
#include <myodesk/vocabulary/words.h>

#include <cmath>

namespace myodesk::vocabulary {

using core::BodySystem;
using core::ConditionCode;
using core::FlagCode;
using core::MedicationClass;
using core::Region;
using core::RunType;
using core::Side;

std::string NameOf(Region region) {
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
            // TRANSLATORS: the body region of the soles (plantar fascia).
            return Tr("Feet");
        case Region::kAnkles:
            return Tr("Ankles");
        case Region::kAchilles:
            return Tr("Achilles");
    }
    return std::string(core::ToCode(region));
}

std::string InSentence(Region region) {
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

std::string NameOf(Side side) {
    switch (side) {
        case Side::kLeft:
            return Tr("Left");
        case Side::kRight:
            return Tr("Right");
        case Side::kBilateral:
            return Tr("Both sides");
        case Side::kMidline:
            return Tr("Midline");
    }
    return std::string(core::ToCode(side));
}

std::string ShortNameOf(Side side) {
    switch (side) {
        case Side::kLeft:
            // TRANSLATORS: short for "left" in lists of regions ("Hamstrings L, R").
            return Tr("L");
        case Side::kRight:
            // TRANSLATORS: short for "right" in lists of regions.
            return Tr("R");
        case Side::kBilateral:
            return Tr("both");
        case Side::kMidline:
            return Tr("mid");
    }
    return std::string(core::ToCode(side));
}

namespace {

// One side's part of a region, in lower case: the left "calf", not the left "calves". Groups of
// muscles keep their plural ("left glutes").
std::string OneSideInSentence(Region region) {
    switch (region) {
        case Region::kCalves:
            return Tr("calf");
        case Region::kShins:
            return Tr("shin");
        case Region::kHamstrings:
            return Tr("hamstring");
        case Region::kHips:
            return Tr("hip");
        case Region::kShoulders:
            return Tr("shoulder");
        case Region::kFeet:
            return Tr("foot");
        case Region::kAnkles:
            return Tr("ankle");
        default:
            break;
    }
    return InSentence(region);
}

}  // namespace

std::string RegionSideInSentence(Region region, std::optional<Side> side) {
    const std::string where = side == Side::kLeft || side == Side::kRight
                                  ? OneSideInSentence(region)
                                  : InSentence(region);
    if (!side) {
        return where;
    }
    switch (*side) {
        case Side::kLeft:
            // TRANSLATORS: {} is one side's part of a body region in lower case: "left calf".
            return Format(Tr("left {}"), where);
        case Side::kRight:
            // TRANSLATORS: {} is one side's part of a body region in lower case: "right calf".
            return Format(Tr("right {}"), where);
        case Side::kBilateral:
            // TRANSLATORS: {} is a body region in lower case, e.g. "calves (both sides)".
            return Format(Tr("{} (both sides)"), where);
        case Side::kMidline:
            break;  // the spine's regions: no side to name
    }
    return where;
}

std::string RegionSideInSentence(const core::RegionSide& region) {
    return RegionSideInSentence(region.region, region.side);
}

std::string RegionSideName(Region region, std::optional<Side> side) {
    if (!side) {
        return NameOf(region);
    }
    switch (*side) {
        case Side::kLeft:
            // TRANSLATORS: {} is one side's part of a body region in lower case: "Left calf".
            return Format(Tr("Left {}"), OneSideInSentence(region));
        case Side::kRight:
            // TRANSLATORS: {} is one side's part of a body region in lower case: "Right calf".
            return Format(Tr("Right {}"), OneSideInSentence(region));
        case Side::kBilateral:
            // TRANSLATORS: {} is a body region, capitalised: "Hamstrings (both sides)".
            return Format(Tr("{} (both sides)"), NameOf(region));
        case Side::kMidline:
            break;
    }
    return NameOf(region);
}

std::string RegionSideName(const core::RegionSide& region) {
    return RegionSideName(region.region, region.side);
}

std::string NameOf(BodySystem system) {
    switch (system) {
        case BodySystem::kGeneral:
            return Tr("General");
        case BodySystem::kSkin:
            return Tr("Skin");
        case BodySystem::kCardiovascular:
            return Tr("Heart and circulation");
        case BodySystem::kMusculoskeletal:
            return Tr("Muscles, bones and joints");
        case BodySystem::kNervous:
            return Tr("Nervous system");
        case BodySystem::kDigestive:
            return Tr("Digestion");
        case BodySystem::kReproductive:
            return Tr("Reproductive");
    }
    return std::string(core::ToCode(system));
}

std::string NameOf(ConditionCode condition) {
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

std::string ChecklistLabel(ConditionCode condition) {
    // Where the plain name is what the client is asked, the checklist shows the name.
    switch (condition) {
        case ConditionCode::kFever:
            return Tr("Fever (over 38 °C / 100.4 °F)");
        case ConditionCode::kAcuteInfection:
            return Tr("Acute infection (e.g. flu)");
        case ConditionCode::kDvt:
            return Tr("DVT, or suspected DVT");
        case ConditionCode::kUncontrolledHypertension:
            return Tr("High blood pressure, uncontrolled");
        case ConditionCode::kControlledHypertension:
            return Tr("High blood pressure, controlled");
        case ConditionCode::kNeuropathy:
            return Tr("Neuropathy (numbness, tingling)");
        default:
            return NameOf(condition);
    }
}

std::string NameOf(MedicationClass medication_class) {
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

std::string ChecklistLabel(MedicationClass medication_class) {
    switch (medication_class) {
        case MedicationClass::kAnticoagulant:
            return Tr("Anticoagulant (blood thinner)");
        case MedicationClass::kCorticosteroid:
            return Tr("Corticosteroid, long-term");
        case MedicationClass::kAnalgesic:
            return Tr("Painkiller (analgesic)");
        default:
            return NameOf(medication_class);
    }
}

std::string NameOf(core::InjuryKind kind) {
    using core::InjuryKind;
    switch (kind) {
        case InjuryKind::kAcute:
            return Tr("Acute");
        case InjuryKind::kFracture:
            return Tr("Fracture");
        case InjuryKind::kOveruse:
            return Tr("Overuse");
        case InjuryKind::kChronic:
            return Tr("Chronic");
    }
    return std::string(core::ToCode(kind));
}

std::string NameOf(RunType type) {
    switch (type) {
        case RunType::kEasy:
            return Tr("Easy");
        case RunType::kLong:
            return Tr("Long run");
        case RunType::kTempo:
            return Tr("Tempo");
        case RunType::kIntervals:
            return Tr("Intervals");
        case RunType::kRace:
            return Tr("Race");
        case RunType::kRest:
            return Tr("Rest day");
        case RunType::kCross:
            return Tr("Cross-training");
    }
    return std::string(core::ToCode(type));
}

std::string InSentence(RunType type) {
    switch (type) {
        case RunType::kEasy:
            return Tr("easy run");
        case RunType::kLong:
            return Tr("long run");
        case RunType::kTempo:
            return Tr("tempo run");
        case RunType::kIntervals:
            return Tr("interval session");
        case RunType::kRace:
            return Tr("race");
        case RunType::kRest:
            return Tr("rest day");
        case RunType::kCross:
            return Tr("cross-training");
    }
    return std::string(core::ToCode(type));
}

std::string NameOf(core::RaceGoal goal) {
    switch (goal) {
        case core::RaceGoal::kFinish:
            return Tr("To finish");
        case core::RaceGoal::kPersonalBest:
            return Tr("A personal best");
    }
    return std::string(core::ToCode(goal));
}

std::string NameOf(core::DistanceUnit unit) {
    switch (unit) {
        case core::DistanceUnit::kKm:
            // TRANSLATORS: kilometres, as a unit after a number.
            return Tr("km");
        case core::DistanceUnit::kMi:
            // TRANSLATORS: miles, as a unit after a number.
            return Tr("mi");
    }
    return std::string(core::ToCode(unit));
}

std::string NameOf(core::Pressure pressure) {
    using core::Pressure;
    switch (pressure) {
        case Pressure::kLight:
            return Tr("Light");
        case Pressure::kMedium:
            return Tr("Medium");
        case Pressure::kFirm:
            return Tr("Firm");
        case Pressure::kDeep:
            return Tr("Deep");
    }
    return std::string(core::ToCode(pressure));
}

std::string NameOf(core::Weekday weekday) {
    using core::Weekday;
    switch (weekday) {
        case Weekday::kMonday:
            return Tr("Monday");
        case Weekday::kTuesday:
            return Tr("Tuesday");
        case Weekday::kWednesday:
            return Tr("Wednesday");
        case Weekday::kThursday:
            return Tr("Thursday");
        case Weekday::kFriday:
            return Tr("Friday");
        case Weekday::kSaturday:
            return Tr("Saturday");
        case Weekday::kSunday:
            return Tr("Sunday");
    }
    return std::string(core::ToCode(weekday));
}

std::string NameOf(core::Technique technique) {
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

std::string ShortNameOf(core::Technique technique) {
    using core::Technique;
    switch (technique) {
        case Technique::kSwedish:
        case Technique::kDeepTissue:
            return NameOf(technique);
        case Technique::kTriggerPoint:
            // TRANSLATORS: short for "Trigger point therapy" in lists.
            return Tr("Trigger point");
        case Technique::kSports:
            // TRANSLATORS: short for "Sports massage" in lists.
            return Tr("Sports");
        case Technique::kMyofascial:
            // TRANSLATORS: short for "Myofascial release" in lists.
            return Tr("Myofascial");
    }
    return std::string(core::ToCode(technique));
}

std::string NameOf(core::Position position) {
    using core::Position;
    switch (position) {
        case Position::kProne:
            return Tr("Prone");
        case Position::kSupine:
            return Tr("Supine");
        case Position::kSideLying:
            return Tr("Side-lying");
    }
    return std::string(core::ToCode(position));
}

std::string NameOf(core::NoteSection section) {
    using core::NoteSection;
    switch (section) {
        case NoteSection::kSubjective:
            return Tr("Subjective");
        case NoteSection::kObjective:
            return Tr("Objective");
        case NoteSection::kAssessment:
            return Tr("Assessment");
        case NoteSection::kPlan:
            // TRANSLATORS: the P of a SOAP note: what to do next.
            return Tr("Plan");
    }
    return std::string(core::ToCode(section));
}

std::string NameOf(core::NoTreatment reason) {
    switch (reason) {
        case core::NoTreatment::kTurnedAway:
            // TRANSLATORS: why a session note records no treatment.
            return Tr("Client turned away");
        case core::NoTreatment::kRefused:
            return Tr("Client refused treatment");
        case core::NoTreatment::kReferred:
            return Tr("Referred on");
    }
    return std::string(core::ToCode(reason));
}

std::string UnnamedServiceWord() {
    // TRANSLATORS: a calendar event of an appointment booked without a service.
    return Tr("Massage");
}

std::string NameOf(core::AppointmentStatus status) {
    switch (status) {
        case core::AppointmentStatus::kBooked:
            // TRANSLATORS: where an appointment stands in the appointment book.
            return Tr("Booked");
        case core::AppointmentStatus::kArrived:
            return Tr("Arrived");
        case core::AppointmentStatus::kCompleted:
            return Tr("Completed");
        case core::AppointmentStatus::kNoShow:
            return Tr("No-show");
        case core::AppointmentStatus::kCancelled:
            return Tr("Cancelled");
        case core::AppointmentStatus::kLateCancelled:
            return Tr("Late cancellation");
    }
    return std::string(core::ToCode(status));
}

std::string NameOf(core::StaffRole role) {
    switch (role) {
        case core::StaffRole::kTherapist:
            return Tr("Therapist");
        case core::StaffRole::kManager:
            return Tr("Manager");
        case core::StaffRole::kOwner:
            // TRANSLATORS: the staff role that may do everything, accounts included.
            return Tr("Owner");
        case core::StaffRole::kFrontDesk:
            return Tr("Front desk");
    }
    return std::string(core::ToCode(role));
}

std::string NameOf(core::PlanPhase phase) {
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
            // TRANSLATORS: a training phase: the last weeks before the race, training eases off.
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

std::string NameOf(core::PlannedSessionStatus status) {
    using core::PlannedSessionStatus;
    switch (status) {
        case PlannedSessionStatus::kPlanned:
            // TRANSLATORS: a planned massage session not booked yet.
            return Tr("Planned");
        case PlannedSessionStatus::kBooked:
            return Tr("Booked");
        case PlannedSessionStatus::kSkipped:
            return Tr("Skipped");
        case PlannedSessionStatus::kMissed:
            // TRANSLATORS: a planned session whose appointment was cancelled or not attended.
            return Tr("Missed");
    }
    return std::string(core::ToCode(status));
}

std::string NameOf(FlagCode code) {
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

std::string InSentence(FlagCode code) {
    switch (code) {
        case FlagCode::kFever:
            return Tr("fever");
        case FlagCode::kAcuteInfection:
            return Tr("acute infection");
        case FlagCode::kDvt:
            return Tr("deep vein thrombosis (DVT)");
        case FlagCode::kPulmonaryEmbolism:
            return Tr("pulmonary embolism");
        case FlagCode::kUncontrolledHypertension:
            return Tr("uncontrolled high blood pressure");
        case FlagCode::kVaricoseVeins:
            return Tr("varicose veins");
        case FlagCode::kSkinInfection:
            return Tr("skin infection");
        case FlagCode::kOpenWound:
            return Tr("open wound");
        case FlagCode::kBruising:
            return Tr("bruising");
        case FlagCode::kRecentSurgery:
            return Tr("recent surgery");
        case FlagCode::kAcuteInjury:
            return Tr("acute injury");
        case FlagCode::kFracture:
            return Tr("recent fracture");
        case FlagCode::kAnticoagulants:
            return Tr("anticoagulants");
        case FlagCode::kBleedingDisorder:
            return Tr("bleeding disorder");
        case FlagCode::kCorticosteroids:
            return Tr("long-term corticosteroids");
        case FlagCode::kOsteoporosis:
            return Tr("osteoporosis");
        case FlagCode::kPregnancy:
            return Tr("pregnancy");
        case FlagCode::kPainMaskingMedication:
            return Tr("pain-masking medication");
    }
    return std::string(core::ToCode(code));
}

std::string NameOf(core::FlagLevel level) {
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

std::string PressureText(int pressure) {
    if (pressure <= 3) {
        // TRANSLATORS: pressure on the 1-10 scale with its word, e.g. "2 – light".
        return Format(Tr("{} – light"), pressure);
    }
    if (pressure <= 6) {
        return Format(Tr("{} – medium"), pressure);
    }
    if (pressure == 7) {
        return Format(Tr("{} – firm"), pressure);
    }
    if (pressure == 8) {
        return Format(Tr("{} – deep"), pressure);
    }
    return Format(Tr("{} – too much"), pressure);
}

std::string PainText(int pain) {
    if (pain <= 0) {
        // TRANSLATORS: NRS-11 pain score 0.
        return Format(Tr("{} – none"), pain);
    }
    if (pain <= 3) {
        return Format(Tr("{} – mild"), pain);
    }
    if (pain <= 6) {
        return Format(Tr("{} – moderate"), pain);
    }
    return Format(Tr("{} – severe"), pain);
}

std::string PlainNumber(double value, int decimals) {
    std::string text = fmt::format("{:.{}f}", value, decimals < 0 ? 0 : decimals);
    if (text.find('.') != std::string::npos) {
        while (text.back() == '0') {
            text.pop_back();
        }
        if (text.back() == '.') {
            text.pop_back();
        }
    }
    return text == "-0" ? "0" : text;
}

std::string TextFormats::Date(const core::Date& value) const {
    return date ? date(value) : core::FormatIsoDate(value);
}

std::string TextFormats::Number(double value, int decimals) const {
    return number ? number(value, decimals) : PlainNumber(value, decimals);
}

std::string DistanceText(double km, core::DistanceUnit unit, const NumberFormat& number) {
    const bool miles = unit == core::DistanceUnit::kMi;
    const double value = miles ? core::KmToMiles(km) : km;
    // Rounded to one decimal first, so that every front end writes the same digits.
    const double rounded = std::round(value * 10) / 10;
    const std::string digits = number ? number(rounded, 1) : PlainNumber(rounded, 1);
    if (miles) {
        // TRANSLATORS: a distance in miles, e.g. "19.9 mi".
        return Format(Tr("{} mi"), digits);
    }
    // TRANSLATORS: a distance in kilometres, e.g. "32 km".
    return Format(Tr("{} km"), digits);
}

std::string MonthAbbreviation(unsigned month) {
    switch (month) {
        case 1:
            // TRANSLATORS: month abbreviations in readable dates ("21 Nov 2026") and chart axes.
            return Tr("Jan");
        case 2:
            return Tr("Feb");
        case 3:
            return Tr("Mar");
        case 4:
            return Tr("Apr");
        case 5:
            // TRANSLATORS: the month of May, abbreviated (if at all) in readable dates.
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

std::string ReadableDate(const core::Date& date) {
    if (!date.ok()) {
        return core::FormatIsoDate(date);
    }
    // TRANSLATORS: a readable date: {0} day, {1} month abbreviation, {2} year ("21 Nov 2026").
    // Reorder as your language writes dates.
    return Format(Tr("{0} {1} {2}"), static_cast<unsigned>(date.day()),
                  MonthAbbreviation(static_cast<unsigned>(date.month())),
                  static_cast<int>(date.year()));
}

std::string ReadableMonth(const core::Date& date) {
    if (!date.ok()) {
        return core::FormatIsoDate(date);
    }
    // TRANSLATORS: a month on chart axes: {0} month abbreviation, {1} year ("Nov 2026").
    return Format(Tr("{0} {1}"), MonthAbbreviation(static_cast<unsigned>(date.month())),
                  static_cast<int>(date.year()));
}

}  // namespace myodesk::vocabulary
