#include <myodesk/core/book_settings.h>
#include <myodesk/core/text.h>

#include <array>
#include <utility>

namespace myodesk::core {

namespace {

constexpr std::array<std::pair<CalendarNames, std::string_view>, 3> kCalendarNames{{
    {CalendarNames::kInitials, "initials"},
    {CalendarNames::kFirstName, "first_name"},
    {CalendarNames::kNone, "none"},
}};

// The first character of `text` (a whole UTF-8 sequence), or "".
std::string FirstCharacter(const std::string& text) {
    const std::string trimmed = Trim(text);
    if (trimmed.empty()) {
        return {};
    }
    std::size_t length = 1;
    while (length < trimmed.size() &&
           (static_cast<unsigned char>(trimmed[length]) & 0xC0U) == 0x80U) {
        ++length;
    }
    return trimmed.substr(0, length);
}

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

std::string CalendarClientName(const Client& client, CalendarNames names) {
    const std::string first =
        Trim(client.preferred_name).empty() ? Trim(client.given_name) : Trim(client.preferred_name);
    switch (names) {
        case CalendarNames::kFirstName:
            return first;
        case CalendarNames::kInitials: {
            std::string initials;
            for (const std::string& part : {first, Trim(client.family_name)}) {
                if (const std::string letter = FirstCharacter(part); !letter.empty()) {
                    initials += (initials.empty() ? "" : " ") + letter + ".";
                }
            }
            return initials;
        }
        case CalendarNames::kNone:
            break;
    }
    return {};
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
