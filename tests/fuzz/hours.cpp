// Opening and working hours as `hours set` reads them (core::ParseTimeRanges), and a time
// zone name as book.time_zone takes it (core::IsTimeZoneName). What parses writes back to the
// same text; ranges ValidateWeeklyHours accepts are in order within the day, and a session
// inside one of them passes CheckHours; a zone name never leaves its few characters (no path
// tricks reach libical).

#include "fuzz_support.h"

#include <myodesk/core/book_settings.h>
#include <myodesk/core/working_hours.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace myodesk;
    const std::string_view text = fuzz::Text(data, size);

    if (const auto ranges = core::ParseTimeRanges(text)) {
        FUZZ_CHECK(!ranges->empty());
        FUZZ_CHECK(ranges->size() <= core::WorkingHoursLimits::kRangesPerDay);
        FUZZ_CHECK(core::FormatTimeRanges(*ranges) == text);
        core::WeeklyHours week;
        week.days.at(0) = *ranges;  // Monday
        if (core::ValidateWeeklyHours(week).empty()) {
            int previous_end = 0;
            for (const core::TimeRange& range : *ranges) {
                FUZZ_CHECK(range.start_minute >= previous_end);
                FUZZ_CHECK(range.start_minute < range.end_minute);
                FUZZ_CHECK(range.end_minute <= 24 * 60);
                previous_end = range.end_minute;
            }
            static constexpr core::Date kMonday{std::chrono::year{2026}, std::chrono::December,
                                                std::chrono::day{7}};
            const core::TimeRange& first = ranges->front();
            core::HoursOfDay hours;
            hours.clinic = week;
            hours.therapist = week;
            FUZZ_CHECK(core::CheckHours(hours, kMonday, first.start_minute,
                                        first.end_minute - first.start_minute) ==
                       core::HoursVerdict::kWithin);
            // A day off closes it, whatever the hours.
            hours.therapist_off = {{kMonday, kMonday}};
            FUZZ_CHECK(core::CheckHours(hours, kMonday, first.start_minute, 1) ==
                       core::HoursVerdict::kTherapistDayOff);
        }
    }

    if (core::IsTimeZoneName(text)) {
        FUZZ_CHECK(!text.empty() && text.size() <= core::BookSettingsLimits::kTimeZone);
        FUZZ_CHECK(text.find("..") == std::string_view::npos);
        FUZZ_CHECK(text.front() != '/' && text.back() != '/');
        for (const char c : text) {
            FUZZ_CHECK(c == '/' || c == '_' || c == '-' || c == '+' || (c >= '0' && c <= '9') ||
                       (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
        }
    }
    return 0;
}
