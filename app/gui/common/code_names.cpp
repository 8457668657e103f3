#include "common/code_names.h"

#include "common/wx_conversions.h"

#include <wx/intl.h>
#include <wx/numformatter.h>
#include <wx/uilocale.h>

#include <cmath>

namespace myodesk::app {

using core::BodySystem;
using core::ConditionCode;
using core::FlagCode;
using core::Region;
using core::Side;

wxString NameOf(Region region) {
    switch (region) {
        case Region::kCalves:
            return _("Calves");
        case Region::kShins:
            return _("Shins");
        case Region::kQuadriceps:
            return _("Quadriceps");
        case Region::kHamstrings:
            return _("Hamstrings");
        case Region::kAdductors:
            return _("Adductors");
        case Region::kItBand:
            return _("IT band");
        case Region::kGlutes:
            return _("Glutes");
        case Region::kHipFlexors:
            return _("Hip flexors");
        case Region::kHips:
            return _("Hips");
        case Region::kLowerBack:
            return _("Lower back");
        case Region::kMidBack:
            return _("Mid back");
        case Region::kUpperBack:
            return _("Upper back");
        case Region::kShoulders:
            return _("Shoulders");
        case Region::kNeck:
            return _("Neck");
        case Region::kFeet:
            return _("Feet (plantar)");
        case Region::kAnkles:
            return _("Ankles");
        case Region::kAchilles:
            return _("Achilles");
    }
    return ToWx(core::ToCode(region));
}

wxString RegionInSentence(Region region) {
    switch (region) {
        case Region::kCalves:
            return _("calves");
        case Region::kShins:
            return _("shins");
        case Region::kQuadriceps:
            return _("quadriceps");
        case Region::kHamstrings:
            return _("hamstrings");
        case Region::kAdductors:
            return _("adductors");
        case Region::kItBand:
            return _("IT band");
        case Region::kGlutes:
            return _("glutes");
        case Region::kHipFlexors:
            return _("hip flexors");
        case Region::kHips:
            return _("hips");
        case Region::kLowerBack:
            return _("lower back");
        case Region::kMidBack:
            return _("mid back");
        case Region::kUpperBack:
            return _("upper back");
        case Region::kShoulders:
            return _("shoulders");
        case Region::kNeck:
            return _("neck");
        case Region::kFeet:
            return _("feet (plantar)");
        case Region::kAnkles:
            return _("ankles");
        case Region::kAchilles:
            return _("Achilles");
    }
    return ToWx(core::ToCode(region));
}

wxString NameOf(Side side) {
    switch (side) {
        case Side::kLeft:
            return _("Left");
        case Side::kRight:
            return _("Right");
        case Side::kBilateral:
            return _("Both sides");
        case Side::kMidline:
            return _("Midline");
    }
    return ToWx(core::ToCode(side));
}

wxString RegionSideInSentence(Region region, std::optional<Side> side) {
    const wxString where = RegionInSentence(region);
    if (!side) {
        return where;
    }
    switch (*side) {
        case Side::kLeft:
            // TRANSLATORS: %s is a body region in lower case, e.g. "left calves".
            return wxString::Format(_("left %s"), where);
        case Side::kRight:
            // TRANSLATORS: %s is a body region in lower case, e.g. "right calves".
            return wxString::Format(_("right %s"), where);
        case Side::kBilateral:
            // TRANSLATORS: %s is a body region in lower case, e.g. "calves (both sides)".
            return wxString::Format(_("%s (both sides)"), where);
        case Side::kMidline:
            // TRANSLATORS: %s is a body region in lower case, e.g. "lower back (midline)".
            return wxString::Format(_("%s (midline)"), where);
    }
    return where;
}

wxString NameOf(BodySystem system) {
    switch (system) {
        case BodySystem::kGeneral:
            return _("General");
        case BodySystem::kSkin:
            return _("Skin");
        case BodySystem::kCardiovascular:
            return _("Heart and circulation");
        case BodySystem::kMusculoskeletal:
            return _("Muscles, bones and joints");
        case BodySystem::kNervous:
            return _("Nervous system");
        case BodySystem::kDigestive:
            return _("Digestion");
        case BodySystem::kReproductive:
            return _("Reproductive");
    }
    return ToWx(core::ToCode(system));
}

wxString NameOf(ConditionCode condition) {
    switch (condition) {
        case ConditionCode::kFever:
            return _("Fever (over 38 °C / 100.4 °F)");
        case ConditionCode::kAcuteInfection:
            return _("Acute infection (e.g. flu)");
        case ConditionCode::kDiabetes:
            return _("Diabetes");
        case ConditionCode::kCancer:
            return _("Cancer");
        case ConditionCode::kSkinInfection:
            return _("Skin infection");
        case ConditionCode::kOpenWound:
            return _("Open wound");
        case ConditionCode::kBruising:
            return _("Bruising");
        case ConditionCode::kEczema:
            return _("Eczema");
        case ConditionCode::kPsoriasis:
            return _("Psoriasis");
        case ConditionCode::kSensitiveSkin:
            return _("Sensitive skin");
        case ConditionCode::kDvt:
            return _("DVT, or suspected DVT");
        case ConditionCode::kPulmonaryEmbolism:
            return _("Pulmonary embolism");
        case ConditionCode::kUncontrolledHypertension:
            return _("High blood pressure, uncontrolled");
        case ConditionCode::kControlledHypertension:
            return _("High blood pressure, controlled");
        case ConditionCode::kVaricoseVeins:
            return _("Varicose veins");
        case ConditionCode::kHeartCondition:
            return _("Heart condition");
        case ConditionCode::kLowBloodPressure:
            return _("Low blood pressure");
        case ConditionCode::kBleedingDisorder:
            return _("Bleeding disorder");
        case ConditionCode::kOsteoporosis:
            return _("Osteoporosis");
        case ConditionCode::kArthritis:
            return _("Arthritis");
        case ConditionCode::kTendinopathy:
            return _("Tendinopathy");
        case ConditionCode::kHypermobility:
            return _("Hypermobility");
        case ConditionCode::kScoliosis:
            return _("Scoliosis");
        case ConditionCode::kEpilepsy:
            return _("Epilepsy");
        case ConditionCode::kMigraine:
            return _("Migraine");
        case ConditionCode::kNeuropathy:
            return _("Neuropathy (numbness, tingling)");
        case ConditionCode::kSciatica:
            return _("Sciatica");
        case ConditionCode::kIrritableBowel:
            return _("Irritable bowel syndrome");
        case ConditionCode::kInflammatoryBowel:
            return _("Inflammatory bowel disease");
        case ConditionCode::kReflux:
            return _("Acid reflux");
        case ConditionCode::kEndometriosis:
            return _("Endometriosis");
        case ConditionCode::kMenstrualPain:
            return _("Menstrual pain");
    }
    return ToWx(core::ToCode(condition));
}

wxString NameOf(core::MedicationClass medication_class) {
    using core::MedicationClass;
    switch (medication_class) {
        case MedicationClass::kAnticoagulant:
            return _("Anticoagulant (blood thinner)");
        case MedicationClass::kCorticosteroid:
            return _("Corticosteroid, long-term");
        case MedicationClass::kMuscleRelaxant:
            return _("Muscle relaxant");
        case MedicationClass::kAnalgesic:
            return _("Painkiller (analgesic)");
        case MedicationClass::kNsaid:
            return _("Anti-inflammatory (NSAID)");
        case MedicationClass::kOther:
            return _("Other");
    }
    return ToWx(core::ToCode(medication_class));
}

wxString NameOf(core::InjuryKind kind) {
    using core::InjuryKind;
    switch (kind) {
        case InjuryKind::kAcute:
            return _("Acute");
        case InjuryKind::kFracture:
            return _("Fracture");
        case InjuryKind::kOveruse:
            return _("Overuse");
        case InjuryKind::kChronic:
            return _("Chronic");
    }
    return ToWx(core::ToCode(kind));
}

wxString NameOf(core::RunType type) {
    using core::RunType;
    switch (type) {
        case RunType::kEasy:
            return _("Easy");
        case RunType::kLong:
            return _("Long run");
        case RunType::kTempo:
            return _("Tempo");
        case RunType::kIntervals:
            return _("Intervals");
        case RunType::kRace:
            return _("Race");
        case RunType::kRest:
            return _("Rest day");
        case RunType::kCross:
            return _("Cross-training");
    }
    return ToWx(core::ToCode(type));
}

wxString NameOf(core::RaceGoal goal) {
    switch (goal) {
        case core::RaceGoal::kFinish:
            return _("To finish");
        case core::RaceGoal::kPersonalBest:
            return _("A personal best");
    }
    return ToWx(core::ToCode(goal));
}

wxString NameOf(core::DistanceUnit unit) {
    switch (unit) {
        case core::DistanceUnit::kKm:
            return _("km");
        case core::DistanceUnit::kMi:
            return _("mi");
    }
    return ToWx(core::ToCode(unit));
}

wxString NameOf(core::Pressure pressure) {
    using core::Pressure;
    switch (pressure) {
        case Pressure::kLight:
            return _("Light");
        case Pressure::kMedium:
            return _("Medium");
        case Pressure::kFirm:
            return _("Firm");
        case Pressure::kDeep:
            return _("Deep");
    }
    return ToWx(core::ToCode(pressure));
}

wxString NameOf(core::Weekday weekday) {
    // wx numbers the days from Sunday (0); core from Monday.
    const auto index = static_cast<int>(weekday);
    const auto wx_day = static_cast<wxDateTime::WeekDay>((index + 1) % 7);
    return wxDateTime::GetWeekDayName(wx_day);
}

wxString NameOf(core::Technique technique) {
    using core::Technique;
    switch (technique) {
        case Technique::kSwedish:
            return _("Swedish");
        case Technique::kDeepTissue:
            return _("Deep tissue");
        case Technique::kTriggerPoint:
            return _("Trigger point therapy");
        case Technique::kSports:
            return _("Sports massage");
        case Technique::kMyofascial:
            return _("Myofascial release");
    }
    return ToWx(core::ToCode(technique));
}

wxString ShortNameOf(core::Technique technique) {
    using core::Technique;
    switch (technique) {
        case Technique::kSwedish:
            return _("Swedish");
        case Technique::kDeepTissue:
            return _("Deep tissue");
        case Technique::kTriggerPoint:
            // TRANSLATORS: short for "Trigger point therapy" in lists.
            return _("Trigger point");
        case Technique::kSports:
            // TRANSLATORS: short for "Sports massage" in lists.
            return _("Sports");
        case Technique::kMyofascial:
            // TRANSLATORS: short for "Myofascial release" in lists.
            return _("Myofascial");
    }
    return ToWx(core::ToCode(technique));
}

wxString NameOf(core::Position position) {
    using core::Position;
    switch (position) {
        case Position::kProne:
            return _("Prone");
        case Position::kSupine:
            return _("Supine");
        case Position::kSideLying:
            return _("Side-lying");
    }
    return ToWx(core::ToCode(position));
}

wxString NameOf(core::NoteSection section) {
    using core::NoteSection;
    switch (section) {
        case NoteSection::kSubjective:
            return _("Subjective");
        case NoteSection::kObjective:
            return _("Objective");
        case NoteSection::kAssessment:
            return _("Assessment");
        case NoteSection::kPlan:
            return _("Plan");
    }
    return ToWx(core::ToCode(section));
}

wxString NameOf(core::StaffRole role) {
    switch (role) {
        case core::StaffRole::kTherapist:
            return _("Therapist");
        case core::StaffRole::kManager:
            return _("Manager");
    }
    return ToWx(core::ToCode(role));
}

wxString NameOf(core::PlanPhase phase) {
    using core::PlanPhase;
    switch (phase) {
        case PlanPhase::kBase:
            // TRANSLATORS: a training phase: mileage still building.
            return _("Base");
        case PlanPhase::kBuild:
            // TRANSLATORS: a training phase: harder training, longer runs.
            return _("Build");
        case PlanPhase::kPeak:
            // TRANSLATORS: a training phase: the hardest weeks, the longest runs.
            return _("Peak");
        case PlanPhase::kTaper:
            // TRANSLATORS: a training phase: the last weeks before the race, training eases off.
            return _("Taper");
        case PlanPhase::kRaceWeek:
            return _("Race week");
        case PlanPhase::kPostRace:
            return _("After the race");
        case PlanPhase::kRecoveryWeek:
            // TRANSLATORS: a training phase: a cut-back week, clearly lighter than the others.
            return _("Recovery week");
    }
    return ToWx(core::ToCode(phase));
}

wxString NameOf(core::PlannedSessionStatus status) {
    using core::PlannedSessionStatus;
    switch (status) {
        case PlannedSessionStatus::kPlanned:
            // TRANSLATORS: a planned massage session not booked yet.
            return _("Planned");
        case PlannedSessionStatus::kBooked:
            return _("Booked");
        case PlannedSessionStatus::kSkipped:
            return _("Skipped");
    }
    return ToWx(core::ToCode(status));
}

wxString RunTypeInSentence(core::RunType type) {
    using core::RunType;
    switch (type) {
        case RunType::kEasy:
            return _("easy run");
        case RunType::kLong:
            return _("long run");
        case RunType::kTempo:
            return _("tempo run");
        case RunType::kIntervals:
            return _("interval session");
        case RunType::kRace:
            return _("race");
        case RunType::kRest:
            return _("rest day");
        case RunType::kCross:
            return _("cross-training");
    }
    return ToWx(core::ToCode(type));
}

wxString FlagName(FlagCode code) {
    switch (code) {
        case FlagCode::kFever:
            return _("Fever");
        case FlagCode::kAcuteInfection:
            return _("Acute infection");
        case FlagCode::kDvt:
            return _("Deep vein thrombosis");
        case FlagCode::kPulmonaryEmbolism:
            return _("Pulmonary embolism");
        case FlagCode::kUncontrolledHypertension:
            return _("Uncontrolled high blood pressure");
        case FlagCode::kVaricoseVeins:
            return _("Varicose veins");
        case FlagCode::kSkinInfection:
            return _("Skin infection");
        case FlagCode::kOpenWound:
            return _("Open wound");
        case FlagCode::kBruising:
            return _("Bruising");
        case FlagCode::kRecentSurgery:
            return _("Recent surgery");
        case FlagCode::kAcuteInjury:
            return _("Acute injury");
        case FlagCode::kFracture:
            return _("Recent fracture");
        case FlagCode::kAnticoagulants:
            return _("Anticoagulants");
        case FlagCode::kBleedingDisorder:
            return _("Bleeding disorder");
        case FlagCode::kCorticosteroids:
            return _("Long-term corticosteroids");
        case FlagCode::kOsteoporosis:
            return _("Osteoporosis");
        case FlagCode::kPregnancy:
            return _("Pregnancy");
        case FlagCode::kPainMaskingMedication:
            return _("Pain-masking medication");
    }
    return ToWx(core::ToCode(code));
}

wxString RegionSideName(Region region, std::optional<Side> side) {
    const wxString name = RegionSideInSentence(region, side);
    return name.Left(1).Upper() + name.Mid(1);
}

wxString ShortSideName(Side side) {
    switch (side) {
        case Side::kLeft:
            // TRANSLATORS: short for "left" in lists of regions ("Hamstrings L, R").
            return _("L");
        case Side::kRight:
            // TRANSLATORS: short for "right" in lists of regions.
            return _("R");
        case Side::kBilateral:
            return _("both");
        case Side::kMidline:
            return _("mid");
    }
    return ToWx(core::ToCode(side));
}

wxString PressureText(int pressure) {
    if (pressure <= 3) {
        // TRANSLATORS: pressure on the 1-10 scale with its word, e.g. "2 – light".
        return wxString::Format(_("%d – light"), pressure);
    }
    if (pressure <= 6) {
        return wxString::Format(_("%d – medium"), pressure);
    }
    if (pressure == 7) {
        return wxString::Format(_("%d – firm"), pressure);
    }
    if (pressure == 8) {
        return wxString::Format(_("%d – deep"), pressure);
    }
    return wxString::Format(_("%d – too much"), pressure);
}

wxString FlagReason(FlagCode code) {
    switch (code) {
        case FlagCode::kFever:
            return _("fever");
        case FlagCode::kAcuteInfection:
            return _("acute infection");
        case FlagCode::kDvt:
            return _("deep vein thrombosis (DVT)");
        case FlagCode::kPulmonaryEmbolism:
            return _("pulmonary embolism");
        case FlagCode::kUncontrolledHypertension:
            return _("uncontrolled high blood pressure");
        case FlagCode::kVaricoseVeins:
            return _("varicose veins");
        case FlagCode::kSkinInfection:
            return _("skin infection");
        case FlagCode::kOpenWound:
            return _("open wound");
        case FlagCode::kBruising:
            return _("bruising");
        case FlagCode::kRecentSurgery:
            return _("recent surgery");
        case FlagCode::kAcuteInjury:
            return _("acute injury");
        case FlagCode::kFracture:
            return _("recent fracture");
        case FlagCode::kAnticoagulants:
            return _("anticoagulants");
        case FlagCode::kBleedingDisorder:
            return _("bleeding disorder");
        case FlagCode::kCorticosteroids:
            return _("long-term corticosteroids");
        case FlagCode::kOsteoporosis:
            return _("osteoporosis");
        case FlagCode::kPregnancy:
            return _("pregnancy");
        case FlagCode::kPainMaskingMedication:
            return _("pain-masking medication");
    }
    return ToWx(core::ToCode(code));
}

wxString PainText(int pain) {
    if (pain <= 0) {
        // TRANSLATORS: NRS-11 pain score 0.
        return wxString::Format(_("%d – none"), pain);
    }
    if (pain <= 3) {
        return wxString::Format(_("%d – mild"), pain);
    }
    if (pain <= 6) {
        return wxString::Format(_("%d – moderate"), pain);
    }
    return wxString::Format(_("%d – severe"), pain);
}

wxString FormatNumber(double value, int decimals) {
    return wxNumberFormatter::ToString(value, decimals, wxNumberFormatter::Style_NoTrailingZeroes);
}

std::optional<double> ParseNumber(const wxString& text) {
    wxString trimmed = text;
    trimmed.Trim(true).Trim(false);
    if (trimmed.empty()) {
        return std::nullopt;
    }
    double value = 0;
    if (wxNumberFormatter::FromString(trimmed, &value) && std::isfinite(value)) {
        return value;
    }
    // A point is a decimal separator everywhere people type distances.
    if (trimmed.ToCDouble(&value) && std::isfinite(value)) {
        return value;
    }
    return std::nullopt;
}

wxString FormatDistance(double km, core::DistanceUnit unit) {
    const double value = unit == core::DistanceUnit::kMi ? core::KmToMiles(km) : km;
    // TRANSLATORS: a distance, e.g. "42.2 km" or "26.2 mi".
    return wxString::Format(_("%s %s"), FormatNumber(value, 1), NameOf(unit));
}

wxString FormatReadableDate(const core::Date& date) {
    const wxDateTime value = ToWxDate(date);
    // The locale's long date without the weekday, with the month abbreviated and the day
    // without a leading zero.
    wxString format = wxUILocale::GetCurrent().GetInfo(wxLOCALE_LONG_DATE_FMT);
    if (format.empty() || !format.Contains("%Y") || !format.Contains("%d")) {
        format = "%d %b %Y";
    }
    for (const char* weekday : {"%A, ", "%A ", ", %A", " %A", "%A", "%a, ", "%a "}) {
        format.Replace(weekday, wxString());
    }
    format.Replace("%B", "%b");
    format.Replace("%d", wxString::Format("%u", static_cast<unsigned>(date.day())));
    format.Trim(true).Trim(false);
    return value.Format(format);
}

}  // namespace myodesk::app
