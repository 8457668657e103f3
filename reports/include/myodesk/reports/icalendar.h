#pragma once

// Appointments as an iCalendar file (RFC 5545) that GNOME Calendar, Thunderbird, Outlook and
// Google Calendar open: each event in the clinic's time zone (TZID, with its VTIMEZONE), so
// 09:00 stays 09:00 across a change of daylight saving time. Written with libical.

#include <myodesk/core/date.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace myodesk::reports {

// One event as it leaves the app: what is said is chosen by the caller, who keeps health data
// out of it (no conditions, no notes; the client's initials or first name at most).
struct CalendarEvent {
    std::string uid;  // stable across exports, so a calendar updates the event in place
    core::Date date{};
    int start_minute = 0;  // on the clinic's wall clock
    int duration_min = 0;
    std::string summary;   // "A. L. · Sports massage 60"
    std::string location;  // the room, or empty
};

// The time zone cannot be used: not a zone libical knows (it reads the system's zoneinfo).
class UnknownTimeZoneError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// The calendar: PRODID, VERSION 2.0, the VTIMEZONE of `time_zone` (an IANA name such as
// "Europe/London"), and one VEVENT per event with DTSTART and DTEND in that zone, UID,
// DTSTAMP (`stamp`, a UTC time YYYY-MM-DDTHH:MM:SSZ), SUMMARY and LOCATION. CRLF line ends and
// folded lines, as RFC 5545 asks.
std::string WriteCalendar(const std::vector<CalendarEvent>& events, const std::string& time_zone,
                          const std::string& stamp);

}  // namespace myodesk::reports
