#pragma once

// The appointment book's clinic settings (issue 16): the notice a client must give to cancel
// without it counting as late, the clinic's time zone for what leaves the app, and how much
// of a client's name a calendar file may carry.

#include <myodesk/core/client.h>

#include <optional>
#include <string>
#include <string_view>

namespace myodesk::core {

// What a calendar file (.ics) says about the client: never health data, and no more of the
// name than the clinic chose.
enum class CalendarNames { kInitials, kFirstName, kNone };
std::string_view ToCode(CalendarNames names);  // "initials", "first_name", "none"
std::optional<CalendarNames> CalendarNamesFromCode(std::string_view code);

struct BookSettings {
    int notice_hours = 24;  // a cancellation with less notice is late ("book.notice_hours")
    // An IANA zone ("Europe/London"); empty: the computer's own ("book.time_zone").
    std::string time_zone;
    CalendarNames calendar_names = CalendarNames::kInitials;  // "calendar.client_names"
    // A desk with accounts locks after this many minutes without a key press or a click
    // ("desk.lock_after_minutes"): the practice's rule, not each desk's.
    int lock_after_minutes = 5;
    friend bool operator==(const BookSettings&, const BookSettings&) = default;
};

struct BookSettingsLimits {
    static constexpr int kMaxNoticeHours = 168;  // a week
    static constexpr int kMaxLockAfterMinutes = 240;
    static constexpr std::size_t kTimeZone = 64;
};

// Whether `name` is shaped like an IANA zone name: "UTC" or Area/Location ("Europe/London",
// "America/Argentina/Buenos_Aires", "Etc/GMT+5"), ASCII letters, digits, '_', '-', '+' and
// '/' between non-empty parts. Whether this computer knows the zone is for the front end.
bool IsTimeZoneName(std::string_view name);

// What a calendar file calls the client: "A. L." (initials of the name they go by and the
// family name), "Ada" (the name they go by), or nothing.
std::string CalendarClientName(const Client& client, CalendarNames names);

}  // namespace myodesk::core
