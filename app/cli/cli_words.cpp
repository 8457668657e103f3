#include "cli_words.h"

#include <myodesk/vocabulary/words.h>

#include <fmt/format.h>

namespace myodesk::app {

namespace {

std::string Capitalised(std::string_view code) {
    std::string text(code);
    if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') {
        text[0] = static_cast<char>(text[0] - 'a' + 'A');
    }
    return text;
}

}  // namespace

std::string PlaceWords(core::Region region, core::Side side) {
    return vocabulary::RegionSideInSentence(region, side);
}

std::string PlaceWords(const std::optional<core::Region>& region,
                       const std::optional<core::Side>& side) {
    if (region) {
        return vocabulary::RegionSideInSentence(*region, side);
    }
    return side ? std::string(core::ToCode(*side)) : std::string();
}

std::string TechniqueWords(core::Technique technique) {
    switch (technique) {
        case core::Technique::kSwedish:
            return "Swedish";
        case core::Technique::kDeepTissue:
            return "deep tissue";
        case core::Technique::kTriggerPoint:
            return "trigger point";
        case core::Technique::kSports:
            return "sports";
        case core::Technique::kMyofascial:
            return "myofascial";
    }
    return std::string(core::ToCode(technique));
}

std::string RunTypeWords(core::RunType type) {
    return std::string(core::ToCode(type));
}

std::string UnitsWords(core::DistanceUnit units) {
    return std::string(core::ToCode(units));
}

std::string WeekdayWords(const core::Date& date) {
    return WeekdayWords(static_cast<core::Weekday>(core::IsoWeekdayIndex(date)));
}

std::string WeekdayWords(core::Weekday day) {
    return Capitalised(core::ToCode(day));
}

std::string ConditionWords(core::ConditionCode condition) {
    return std::string(core::ToCode(condition));
}

std::string MedicationClassWords(core::MedicationClass medication_class) {
    return std::string(core::ToCode(medication_class));
}

std::string PressurePreferenceWords(core::Pressure pressure) {
    return std::string(core::ToCode(pressure));
}

std::string RaceGoalWords(core::RaceGoal goal) {
    return goal == core::RaceGoal::kPersonalBest ? "personal best" : "finish";
}

std::string FlagLevelWords(core::FlagLevel level) {
    return std::string(core::ToCode(level));
}

std::string FlagWords(core::FlagCode flag) {
    return std::string(core::ToCode(flag));
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
    return std::string(core::ToCode(role));
}

std::string PositionWords(core::Position position) {
    return std::string(core::ToCode(position));
}

std::string SectionTitle(core::NoteSection section) {
    return Capitalised(core::ToCode(section));
}

std::string PhaseWords(core::PlanPhase phase) {
    return std::string(core::ToCode(phase));
}

std::string SessionStatusWords(core::PlannedSessionStatus status) {
    return std::string(core::ToCode(status));
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
