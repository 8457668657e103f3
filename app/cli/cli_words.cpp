#include "cli_words.h"

#include <myodesk/vocabulary/words.h>

#include <fmt/format.h>

namespace myodesk::app {

std::string PlaceWords(core::Region region, core::Side side) {
    return vocabulary::RegionSideInSentence(region, side);
}

std::string PlaceWords(const std::optional<core::Region>& region,
                       const std::optional<core::Side>& side) {
    if (region) {
        return vocabulary::RegionSideInSentence(*region, side);
    }
    return side ? vocabulary::NameOf(*side) : std::string();
}

std::string TechniqueWords(core::Technique technique) {
    return vocabulary::NameOf(technique);
}

std::string RunTypeWords(core::RunType type) {
    return vocabulary::InSentence(type);
}

std::string UnitsWords(core::DistanceUnit units) {
    return vocabulary::NameOf(units);
}

std::string WeekdayWords(const core::Date& date) {
    return WeekdayWords(static_cast<core::Weekday>(core::IsoWeekdayIndex(date)));
}

std::string WeekdayWords(core::Weekday day) {
    return vocabulary::NameOf(day);
}

std::string ConditionWords(core::ConditionCode condition) {
    return vocabulary::NameOf(condition);
}

std::string MedicationClassWords(core::MedicationClass medication_class) {
    return vocabulary::NameOf(medication_class);
}

std::string PressurePreferenceWords(core::Pressure pressure) {
    return vocabulary::NameOf(pressure);
}

std::string RaceGoalWords(core::RaceGoal goal) {
    return vocabulary::NameOf(goal);
}

std::string FlagLevelWords(core::FlagLevel level) {
    return vocabulary::NameOf(level);
}

std::string FlagWords(core::FlagCode flag) {
    return vocabulary::NameOf(flag);
}

std::string FlagAdvice(core::FlagLevel level) {
    switch (level) {
        case core::FlagLevel::kAbsolute:
            return "no massage; refer the client";
        case core::FlagLevel::kLocal:
            return "avoid this area";
        case core::FlagLevel::kModify:
            return "lighter pressure, no deep tissue";
    }
    return "";
}

std::string StaffRoleWords(core::StaffRole role) {
    return vocabulary::NameOf(role);
}

std::string StatusWords(core::AppointmentStatus status) {
    return vocabulary::NameOf(status);
}

std::string PositionWords(core::Position position) {
    return vocabulary::NameOf(position);
}

std::string SectionTitle(core::NoteSection section) {
    return vocabulary::NameOf(section);
}

std::string PhaseWords(core::PlanPhase phase) {
    return vocabulary::NameOf(phase);
}

std::string SessionStatusWords(core::PlannedSessionStatus status) {
    return vocabulary::NameOf(status);
}

std::string PressureWords(int pressure) {
    if (pressure <= 3) {
        return "light";
    }
    if (pressure <= 6) {
        return "medium";
    }
    if (pressure == 7) {
        return "firm";
    }
    if (pressure == 8) {
        return "deep";
    }
    return "too much: never planned";
}

}  // namespace myodesk::app
