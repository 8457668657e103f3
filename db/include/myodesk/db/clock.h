#pragma once

#include <myodesk/core/date.h>

#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace myodesk::db {

using TimePoint = std::chrono::system_clock::time_point;

// Where storage gets "now" from; tests pass a fixed clock.
using Clock = std::function<TimePoint()>;

TimePoint SystemNow();

// ISO 8601 UTC with seconds: 2026-11-20T09:15:00Z.
std::string UtcTimestamp(TimePoint time);
// The time UtcTimestamp wrote; nullopt for any other text.
std::optional<TimePoint> ParseUtcTimestamp(const std::string& text);

// "2026-12-07 11:02:45" at `time` in the machine's local time zone (the desk's wall clock);
// a text UtcTimestamp did not write is returned as it is.
std::string LocalDateTime(const std::string& utc_timestamp);
// The local zone's abbreviation and offset at `time`: "CET +0100".
std::string LocalZone(TimePoint time);

// The calendar date at `time` in the machine's local time zone (what "today" means at the
// desk).
core::Date LocalDate(TimePoint time);

}  // namespace myodesk::db
