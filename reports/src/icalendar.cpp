#include <myodesk/reports/icalendar.h>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <libical/ical.h>
#include <memory>

namespace myodesk::reports {

namespace {

// libical's components are freed with icalcomponent_free; a parent frees its children.
struct ComponentFree {
    void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

// A wall-clock time without a zone (the TZID parameter says which).
icaltimetype Floating(const core::Date& date, int minute) {
    icaltimetype time = icaltime_null_time();
    time.year = static_cast<int>(date.year());
    time.month = static_cast<int>(static_cast<unsigned>(date.month()));
    time.day = static_cast<int>(static_cast<unsigned>(date.day()));
    time.hour = minute / 60;
    time.minute = minute % 60;
    time.is_date = 0;
    return time;
}

// "2026-12-06T21:00:00Z" as a UTC time.
icaltimetype UtcStamp(const std::string& stamp) {
    icaltimetype time = icaltime_null_time();
    if (stamp.size() == 20) {
        time.year = std::atoi(stamp.substr(0, 4).c_str());
        time.month = std::atoi(stamp.substr(5, 2).c_str());
        time.day = std::atoi(stamp.substr(8, 2).c_str());
        time.hour = std::atoi(stamp.substr(11, 2).c_str());
        time.minute = std::atoi(stamp.substr(14, 2).c_str());
        time.second = std::atoi(stamp.substr(17, 2).c_str());
    }
    return icaltime_set_timezone(&time, icaltimezone_get_utc_timezone());
}

// The zone's offset from UTC (seconds) at a moment (seconds since 1970, UTC).
int OffsetAt(icaltimezone* zone, std::int64_t utc) {
    icaltimetype time =
        icaltime_from_timet_with_zone(static_cast<time_t>(utc), 0, icaltimezone_get_utc_timezone());
    int is_daylight = 0;
    return icaltimezone_get_utc_offset_of_utc_time(zone, &time, &is_daylight);
}

std::int64_t SecondsOf(const core::Date& date) {
    return static_cast<std::int64_t>(std::chrono::sys_days{date}.time_since_epoch().count()) *
           86400;
}

// A STANDARD or DAYLIGHT part of the VTIMEZONE: from `utc` on, the offset is `to`.
icalcomponent* Observance(std::int64_t utc, int from, int to, bool daylight) {
    icalcomponent* part =
        icalcomponent_new(daylight ? ICAL_XDAYLIGHT_COMPONENT : ICAL_XSTANDARD_COMPONENT);
    // DTSTART is the wall-clock time before the change (RFC 5545, 3.6.5).
    icaltimetype local = icaltime_from_timet_with_zone(static_cast<time_t>(utc + from), 0,
                                                       icaltimezone_get_utc_timezone());
    local.zone = nullptr;
    icalcomponent_add_property(part, icalproperty_new_dtstart(local));
    icalcomponent_add_property(part, icalproperty_new_tzoffsetfrom(from));
    icalcomponent_add_property(part, icalproperty_new_tzoffsetto(to));
    return part;
}

// The zone's rules over the events' years, one part per change of offset found (each day
// checked, the day of a change hour by hour and minute by minute): compact, and read alike by
// every calendar, whatever the zone's history.
icalcomponent* TimeZoneRules(icaltimezone* zone, const std::string& name, const core::Date& first,
                             const core::Date& last) {
    icalcomponent* rules = icalcomponent_new(ICAL_VTIMEZONE_COMPONENT);
    icalcomponent_add_property(rules, icalproperty_new_tzid(name.c_str()));
    const std::int64_t start = SecondsOf(core::AddDays(first, -366));
    const std::int64_t end = SecondsOf(core::AddDays(last, 366));
    int offset = OffsetAt(zone, start);
    icalcomponent_add_component(rules, Observance(start, offset, offset, false));
    constexpr std::int64_t kDay = 86400;
    for (std::int64_t day = start; day < end; day += kDay) {
        if (OffsetAt(zone, day + kDay) == offset) {
            continue;
        }
        std::int64_t change = day;
        for (std::int64_t step : {std::int64_t{3600}, std::int64_t{60}}) {
            while (OffsetAt(zone, change + step) == offset) {
                change += step;
            }
        }
        change += 60;  // the first minute with the new offset
        const int next = OffsetAt(zone, change);
        icalcomponent_add_component(rules, Observance(change, offset, next, next > offset));
        offset = next;
    }
    return rules;
}

}  // namespace

std::string WriteCalendar(const std::vector<CalendarEvent>& events, const std::string& time_zone,
                          const std::string& stamp) {
    icaltimezone* zone = icaltimezone_get_builtin_timezone(time_zone.c_str());
    if (zone == nullptr) {
        throw UnknownTimeZoneError(
            fmt::format("book.time_zone: '{}' is not a time zone this computer knows", time_zone));
    }
    Component calendar(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
    icalcomponent_add_property(calendar.get(),
                               icalproperty_new_prodid("-//MyoDesk//Appointment book//EN"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_version("2.0"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_calscale("GREGORIAN"));
    icalcomponent_add_property(calendar.get(), icalproperty_new_method(ICAL_METHOD_PUBLISH));
    if (!events.empty()) {
        core::Date first = events.front().date;
        core::Date last = first;
        for (const CalendarEvent& event : events) {
            first = std::min(first, event.date);
            last = std::max(last, event.date);
        }
        icalcomponent_add_component(calendar.get(), TimeZoneRules(zone, time_zone, first, last));
    }

    const icaltimetype dtstamp = UtcStamp(stamp);
    const auto zoned = [&](icalproperty* property) {
        icalproperty_add_parameter(property, icalparameter_new_tzid(time_zone.c_str()));
        return property;
    };
    for (const CalendarEvent& event : events) {
        icalcomponent* vevent = icalcomponent_new(ICAL_VEVENT_COMPONENT);
        icalcomponent_add_property(vevent, icalproperty_new_uid(event.uid.c_str()));
        icalcomponent_add_property(vevent, icalproperty_new_dtstamp(dtstamp));
        const int end = event.start_minute + event.duration_min;
        const core::Date end_day = core::AddDays(event.date, end / (24 * 60));
        icalcomponent_add_property(
            vevent, zoned(icalproperty_new_dtstart(Floating(event.date, event.start_minute))));
        icalcomponent_add_property(
            vevent, zoned(icalproperty_new_dtend(Floating(end_day, end % (24 * 60)))));
        icalcomponent_add_property(vevent, icalproperty_new_summary(event.summary.c_str()));
        if (!event.location.empty()) {
            icalcomponent_add_property(vevent, icalproperty_new_location(event.location.c_str()));
        }
        icalcomponent_add_property(vevent, icalproperty_new_status(ICAL_STATUS_CONFIRMED));
        icalcomponent_add_component(calendar.get(), vevent);
    }
    char* text = icalcomponent_as_ical_string_r(calendar.get());
    std::string written(text);
    std::free(text);  // libical hands over a malloc'd string
    return written;
}

}  // namespace myodesk::reports
