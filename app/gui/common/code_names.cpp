#include "common/code_names.h"

#include "common/wx_conversions.h"

#include <myodesk/vocabulary/locale_dates.h>
#include <myodesk/vocabulary/translation.h>
#include <myodesk/vocabulary/words.h>

#include <wx/intl.h>
#include <wx/numformatter.h>

#include <cmath>

namespace myodesk::app {

namespace {
wxString Wx(const std::string& words) {
    return ToWx(words);
}
}  // namespace

void InstallTranslator() {
    vocabulary::SetTranslator(
        [](const char* english) { return ToUtf8(wxGetTranslation(wxString::FromUTF8(english))); });
}

wxString NameOf(core::Region region) {
    return Wx(vocabulary::NameOf(region));
}
wxString NameOf(core::Side side) {
    return Wx(vocabulary::NameOf(side));
}
wxString NameOf(core::BodySystem system) {
    return Wx(vocabulary::NameOf(system));
}
wxString NameOf(core::ConditionCode condition) {
    return Wx(vocabulary::ChecklistLabel(condition));
}
wxString NameOf(core::MedicationClass medication_class) {
    return Wx(vocabulary::ChecklistLabel(medication_class));
}
wxString NameOf(core::InjuryKind kind) {
    return Wx(vocabulary::NameOf(kind));
}
wxString NameOf(core::RunType type) {
    return Wx(vocabulary::NameOf(type));
}
wxString NameOf(core::RaceGoal goal) {
    return Wx(vocabulary::NameOf(goal));
}
wxString NameOf(core::DistanceUnit unit) {
    return Wx(vocabulary::NameOf(unit));
}
wxString NameOf(core::Pressure pressure) {
    return Wx(vocabulary::NameOf(pressure));
}
wxString NameOf(core::Weekday weekday) {
    return Wx(vocabulary::NameOf(weekday));
}

wxString NameOf(core::AppointmentStatus status) {
    return Wx(vocabulary::NameOf(status));
}
wxString NameOf(core::Technique technique) {
    return Wx(vocabulary::NameOf(technique));
}
wxString ShortNameOf(core::Technique technique) {
    return Wx(vocabulary::ShortNameOf(technique));
}
wxString NameOf(core::Position position) {
    return Wx(vocabulary::NameOf(position));
}
wxString NameOf(core::NoteSection section) {
    return Wx(vocabulary::NameOf(section));
}
wxString NameOf(core::StaffRole role) {
    return Wx(vocabulary::NameOf(role));
}
wxString NameOf(core::PlanPhase phase) {
    return Wx(vocabulary::NameOf(phase));
}
wxString NameOf(core::PlannedSessionStatus status) {
    return Wx(vocabulary::NameOf(status));
}
wxString RunTypeInSentence(core::RunType type) {
    return Wx(vocabulary::InSentence(type));
}
wxString FlagName(core::FlagCode code) {
    return Wx(vocabulary::NameOf(code));
}
wxString FlagReason(core::FlagCode code) {
    return Wx(vocabulary::InSentence(code));
}
wxString RegionInSentence(core::Region region) {
    return Wx(vocabulary::InSentence(region));
}
wxString RegionSideInSentence(core::Region region, std::optional<core::Side> side) {
    return Wx(vocabulary::RegionSideInSentence(region, side));
}
wxString RegionSideName(core::Region region, std::optional<core::Side> side) {
    return Wx(vocabulary::RegionSideName(region, side));
}
wxString ShortSideName(core::Side side) {
    return Wx(vocabulary::ShortNameOf(side));
}
wxString PressureText(int pressure) {
    return Wx(vocabulary::PressureText(pressure));
}
wxString PainText(int pain) {
    return Wx(vocabulary::PainText(pain));
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

std::string LocaleNumber(double value, int decimals) {
    return ToUtf8(FormatNumber(value, decimals));
}

wxString FormatDistance(double km, core::DistanceUnit unit) {
    return Wx(vocabulary::DistanceText(km, unit, LocaleNumber));
}

wxString FormatReadableDate(const core::Date& date) {
    // The one readable date of the locale, which the CLI's reports write too.
    return ToWx(core::FormatDate(date, vocabulary::LocaleDateStyle()));
}

}  // namespace myodesk::app
