// `appointments export`: an iCalendar file read back by a third-party parser (Python's
// icalendar, from Debian) with the right times in the clinic's time zone, across a change of
// daylight saving time (a weekly series over the change keeps 09:00 at 09:00), and no health
// data.

#include "cli.h"
#include "cli_test_support.h"
#include "test_database.h"

#include <myodesk/core/date.h>

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <sys/stat.h>

using namespace myodesk;
using test::Cli;
using test::Contains;

namespace {

std::string Id(const test::CliResult& result) {
    BOOST_TEST_REQUIRE(result.code == 0, result.err);
    return std::to_string(std::stoll(result.out));
}

// The first Sunday of the last week of March in a year ahead: Europe/London's change to
// summer time (01:00 UTC).
std::string SummerTimeSunday() {
    const auto today =
        core::Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
    int year = static_cast<int>(today.year()) + 1;
    core::Date day{std::chrono::year{year}, std::chrono::March, std::chrono::day{31}};
    while (core::IsoWeekdayIndex(day) != 6) {
        day = core::AddDays(day, -1);
    }
    return core::FormatIsoDate(day);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(calendar_cli_tests)

MYODESK_DB_TEST(the_calendar_file_keeps_nine_at_nine_across_summer_time) {
    const std::string ada =
        std::to_string(test::AddClientWithCli(test_db, {"--given", "Ada", "--family", "Lovelace"}));
    const std::string ann = Id(Cli(test_db, {"staff", "add", "--name", "Ann"}));
    const std::string room = Id(Cli(test_db, {"rooms", "add", "--name", "Room 2"}));
    BOOST_TEST_REQUIRE(Cli(test_db, {"settings", "set", "book.time_zone", "Europe/London"}).code ==
                       0);
    const std::string sunday = SummerTimeSunday();
    const std::string week_before =
        core::FormatIsoDate(core::AddDays(*core::ParseIsoDate(sunday), -7));
    // A weekly series over the change: its second Sunday is computed, not stored.
    Id(Cli(test_db, {"appointments", "add", ada, "--therapist", ann, "--date", week_before,
                     "--time", "09:00", "--room", room, "--notes", "Left calf DVT history",
                     "--repeat", "weekly", "--count", "2"}));
    test::TempFolder folder;
    const std::string path = (folder.path / "ann.ics").string();
    const auto written = Cli(test_db, {"appointments", "export", "--from", week_before, "--to",
                                       sunday, "--therapist", ann, "--out", path});
    BOOST_TEST_REQUIRE(written.code == 0, written.err);
    BOOST_TEST(Contains(written.out, "2 appointments, time zone Europe/London"), written.out);
    struct stat info {};
    BOOST_TEST_REQUIRE(stat(path.c_str(), &info) == 0);
    BOOST_TEST((info.st_mode & 0777) == 0600);

    const std::string text = test::ReadText(path);
    BOOST_TEST(Contains(text, "BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n"));
    BOOST_TEST(Contains(text, "DTSTART;TZID=Europe/London:"));
    BOOST_TEST(Contains(text, "SUMMARY:A. L. · Massage"), text);
    BOOST_TEST(!Contains(text, "Lovelace"));  // initials only, by default
    BOOST_TEST(!Contains(text, "DVT"));       // the desk's notes never leave
    BOOST_TEST(Contains(text, "LOCATION:Room 2"));

    // Read back by Python's icalendar: both at 09:00 local, an hour apart in UTC offset.
    const std::string script = fmt::format(
        "import icalendar; cal = icalendar.Calendar.from_ical(open('{}', 'rb').read()); "
        "print(';'.join(sorted(str(e.decoded('DTSTART').isoformat()) + '|' + "
        "str(e.decoded('DTSTART').tzinfo) for e in cal.walk('VEVENT'))))",
        path);
    const std::string command = fmt::format("/usr/bin/python3 -c \"{}\" 2>&1", script);
    FILE* pipe = popen(command.c_str(), "r");
    BOOST_TEST_REQUIRE(pipe != nullptr);
    std::string parsed;
    char buffer[512];
    while (fgets(buffer, sizeof buffer, pipe) != nullptr) {
        parsed += buffer;
    }
    const int status = pclose(pipe);
    BOOST_TEST_REQUIRE(status == 0, "python3 icalendar (Debian: python3-icalendar): " << parsed);
    const std::string expected = fmt::format(
        "{}T09:00:00+00:00|Europe/London;{}T09:00:00+01:00|"
        "Europe/London\n",
        week_before, sunday);
    BOOST_TEST(parsed == expected);

    // Settings: the first name only, or no name.
    BOOST_TEST(Cli(test_db, {"settings", "set", "calendar.client_names", "none"}).code == 0);
    Cli(test_db, {"appointments", "export", "--from", week_before, "--to", sunday, "--out", path});
    BOOST_TEST(Contains(test::ReadText(path), "SUMMARY:Massage\r\n"));
    BOOST_TEST(!Contains(test::ReadText(path), "A. L."));
}

MYODESK_DB_TEST(a_time_zone_the_computer_does_not_know_is_refused) {
    BOOST_TEST_REQUIRE(
        Cli(test_db, {"settings", "set", "book.time_zone", "Mars/Olympus_Mons"}).code ==
        0);  // the shape of a zone name
    test::TempFolder folder;
    const auto refused = Cli(test_db, {"appointments", "export", "--from", "2027-01-01", "--to",
                                       "2027-01-31", "--out", (folder.path / "x.ics").string()});
    BOOST_TEST(refused.code == 3);
    BOOST_TEST(Contains(refused.err, "book.time_zone: 'Mars/Olympus_Mons'"), refused.err);
    BOOST_TEST(folder.Files().empty());
}

BOOST_AUTO_TEST_SUITE_END()
