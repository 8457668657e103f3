#include <myodesk/core/book_settings.h>

#include <array>
#include <utility>

namespace myodesk::core {

namespace {

constexpr std::array<std::pair<CalendarNames, std::string_view>, 3> kCalendarNames{{
    {CalendarNames::kInitials, "initials"},
    {CalendarNames::kFirstName, "first_name"},
    {CalendarNames::kNone, "none"},
}};

bool IsZoneCharacter(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '+';
}

}  // namespace

std::string_view ToCode(CalendarNames names) {
    for (const auto& [value, code] : kCalendarNames) {
        if (value == names) {
            return code;
        }
    }
    return "initials";
}

std::optional<CalendarNames> CalendarNamesFromCode(std::string_view code) {
    for (const auto& [value, each] : kCalendarNames) {
        if (each == code) {
            return value;
        }
    }
    return std::nullopt;
}

bool IsTimeZoneName(std::string_view name) {
    if (name.empty() || name.size() > BookSettingsLimits::kTimeZone) {
        return false;
    }
    std::size_t part_length = 0;
    for (const char c : name) {
        if (c == '/') {
            if (part_length == 0) {
                return false;  // a leading '/' or "//"
            }
            part_length = 0;
        } else if (IsZoneCharacter(c)) {
            ++part_length;
        } else {
            return false;  // '.', spaces and the like: never a file path
        }
    }
    return part_length > 0;
}

}  // namespace myodesk::core
