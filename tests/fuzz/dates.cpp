// Dates and clock times as the documents, the CLI's --from/--to and the database give them
// (core::ParseIsoDate, core::ParseClockTime). What parses is exactly the canonical form (it
// formats back to the same text) and the calendar arithmetic on it agrees with itself. The
// same text as a locale's date formats (core::ReadableDatePattern, whose output always writes
// a whole date) and as report.date_format (core::IsDateFormatSetting: what it accepts writes
// the year).

#include "fuzz_support.h"

#include <myodesk/core/date_format.h>
#include <myodesk/core/session_note.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace myodesk;
    const std::string_view text = fuzz::Text(data, size);

    if (const auto date = core::ParseIsoDate(text)) {
        FUZZ_CHECK(date->ok());
        FUZZ_CHECK(core::FormatIsoDate(*date) == text);
        const core::Date later = core::AddDays(*date, 400);
        FUZZ_CHECK(core::DaysBetween(*date, later) == 400);
        FUZZ_CHECK(core::DaysBetween(later, *date) == -400);
        FUZZ_CHECK(core::AgeInYears(*date, later) == 1);
        FUZZ_CHECK(core::AgeInYears(*date, *date) == 0);
        const int weekday = core::IsoWeekdayIndex(*date);
        FUZZ_CHECK(weekday >= 0 && weekday <= 6);
        FUZZ_CHECK(core::IsoWeekdayIndex(core::AddDays(*date, 7)) == weekday);
        const core::Date year_before = core::YearsBefore(*date, 1);
        FUZZ_CHECK(year_before.ok());
        const int days = core::DaysBetween(year_before, *date);
        FUZZ_CHECK(days == 365 || days == 366);
    }

    static constexpr core::Date kDay{std::chrono::year{2026}, std::chrono::December,
                                     std::chrono::day{6}};
    core::DateStyle locale;
    locale.pattern = core::ReadableDatePattern(text, text);
    FUZZ_CHECK(core::FormatDate(kDay, locale).find("26") != std::string::npos);
    if (core::IsDateFormatSetting(text)) {
        const core::DateStyle chosen = core::StyleForDateFormat(text, core::DateStyle{});
        FUZZ_CHECK(core::FormatDate(kDay, chosen).find("26") != std::string::npos);
    }

    if (const auto minute = core::ParseClockTime(text)) {
        FUZZ_CHECK(*minute >= 0 && *minute < 24 * 60);
        FUZZ_CHECK(core::FormatClockTime(*minute) == text);
    }
    return 0;
}
