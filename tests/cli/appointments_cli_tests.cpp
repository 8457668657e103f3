// The appointment book through the command line (issue 16): rooms, services and hours set up,
// appointments booked, refused with the clash or the hours named (exit 3), listed, moved and
// taken through their statuses.

#include "cli.h"
#include "cli_test_support.h"
#include "test_database.h"

#include <myodesk/core/date.h>

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <string>

using namespace myodesk;
using nlohmann::json;
using test::Cli;
using test::Contains;

namespace {

core::Date Today() {
    return core::Date{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
}

// The first Monday at least a week ahead, as text, and the days after it.
std::string MondayAhead(int days_after = 0) {
    core::Date day = core::AddDays(Today(), 7);
    while (core::IsoWeekdayIndex(day) != 0) {
        day = core::AddDays(day, 1);
    }
    return core::FormatIsoDate(core::AddDays(day, days_after));
}

std::string Id(const test::CliResult& result) {
    BOOST_TEST_REQUIRE(result.code == 0, result.err);
    return std::to_string(std::stoll(result.out));
}

// Two clients, two therapists, a room with a 15-minute changeover, a 45-minute service, and
// the clinic open Monday to Friday 09:00-18:00 (Bo: Monday afternoons).
struct Practice {
    explicit Practice(const test::TestDatabase& database)
        : ada(std::to_string(test::AddClientWithCli(database, {"--given", "Ada"}))),
          bea(std::to_string(test::AddClientWithCli(database, {"--given", "Bea"}))),
          ann(Id(Cli(database, {"staff", "add", "--name", "Ann"}))),
          bo(Id(Cli(database, {"staff", "add", "--name", "Bo"}))),
          room(Id(Cli(database, {"rooms", "add", "--name", "Blue room", "--changeover", "15"}))),
          service(Id(Cli(database,
                         {"services", "add", "--name", "Sports massage 45", "--duration", "45"}))) {
        for (const char* day : {"monday", "tuesday", "wednesday", "thursday", "friday"}) {
            BOOST_TEST_REQUIRE(Cli(database, {"hours", "set", "clinic", day, "09:00-18:00"}).code ==
                               0);
        }
        for (const char* day : {"saturday", "sunday"}) {
            BOOST_TEST_REQUIRE(Cli(database, {"hours", "set", "clinic", day, "closed"}).code == 0);
        }
        BOOST_TEST_REQUIRE(Cli(database, {"hours", "set", bo, "monday", "13:00-18:00"}).code == 0);
    }
    std::string ada, bea, ann, bo, room, service;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(appointments_cli_tests)

MYODESK_DB_TEST(books_lists_and_shows_an_appointment_with_its_room_and_service) {
    Practice practice(test_db);
    const auto booked =
        Cli(test_db, {"appointments", "add", practice.ada, "--therapist", practice.ann, "--date",
                      MondayAhead(), "--time", "10:00", "--room", practice.room, "--service",
                      practice.service, "--notes", "Prefers the late slot"});
    const std::string id = Id(booked);

    const auto shown = Cli(test_db, {"--json", "appointments", "show", id});
    BOOST_TEST_REQUIRE(shown.code == 0, shown.err);
    const json appointment = json::parse(shown.out);
    BOOST_TEST(appointment["duration_min"] == 45);  // the service's
    BOOST_TEST(appointment["status"] == "booked");
    BOOST_TEST(appointment["room_id"] == std::stoll(practice.room));
    BOOST_TEST(appointment["notes"] == "Prefers the late slot");

    const auto listed = Cli(test_db, {"appointments", "list", "--date", MondayAhead()});
    BOOST_TEST(listed.code == 0);
    BOOST_TEST(Contains(listed.out, "10:00-10:45"), listed.out);
    BOOST_TEST(Contains(listed.out, "Blue room"), listed.out);
    BOOST_TEST(Contains(listed.out, "Booked"), listed.out);
    const auto human = Cli(test_db, {"appointments", "show", id});
    BOOST_TEST(Contains(human.out, "Service:    Sports massage 45"), human.out);

    // Another day's list is empty; a period takes both ends.
    BOOST_TEST(Contains(Cli(test_db, {"appointments", "list", "--date", MondayAhead(1)}).out,
                        "No appointments."));
    const auto period = Cli(test_db, {"--json", "appointments", "list", "--from", MondayAhead(-1),
                                      "--to", MondayAhead(), "--therapist", practice.ann});
    BOOST_TEST(json::parse(period.out).size() == 1u);
}

MYODESK_DB_TEST(a_clash_is_refused_with_exit_3_and_named) {
    Practice practice(test_db);
    Id(Cli(test_db,
           {"appointments", "add", practice.ada, "--therapist", practice.ann, "--date",
            MondayAhead(1), "--time", "10:00", "--duration", "50", "--room", practice.room}));
    // Another client and therapist, the same room before its changeover is over.
    const auto room =
        Cli(test_db, {"appointments", "add", practice.bea, "--therapist", practice.bo, "--date",
                      MondayAhead(1), "--time", "10:55", "--room", practice.room});
    BOOST_TEST(room.code == 3);
    BOOST_TEST(Contains(room.err, "the same room, Blue room, free again at 11:05"), room.err);
    // The same therapist.
    const auto therapist =
        Cli(test_db, {"appointments", "add", practice.bea, "--therapist", practice.ann, "--date",
                      MondayAhead(1), "--time", "10:30"});
    BOOST_TEST(therapist.code == 3);
    BOOST_TEST(Contains(therapist.err, "(the same therapist)"), therapist.err);
    BOOST_TEST(Contains(therapist.err, "Ada"), therapist.err);
    const auto listed = Cli(test_db, {"--json", "appointments", "list", "--date", MondayAhead(1)});
    BOOST_TEST(json::parse(listed.out).size() == 1u);
}

MYODESK_DB_TEST(outside_the_hours_needs_outside_hours) {
    Practice practice(test_db);
    const std::vector<std::string> morning_with_bo{"appointments", "add",       practice.bea,
                                                   "--therapist",  practice.bo, "--date",
                                                   MondayAhead(),  "--time",    "10:00"};
    const auto refused = Cli(test_db, morning_with_bo);
    BOOST_TEST(refused.code == 3);
    BOOST_TEST(Contains(refused.err, "outside Bo's working hours (13:00-18:00)"), refused.err);
    BOOST_TEST(Contains(refused.err, "--outside-hours"), refused.err);
    const auto saturday = Cli(test_db, {"appointments", "add", practice.bea, "--therapist",
                                        practice.ann, "--date", MondayAhead(5), "--time", "10:00"});
    BOOST_TEST(saturday.code == 3);
    BOOST_TEST(Contains(saturday.err, "closed on Saturdays"), saturday.err);

    auto confirmed = morning_with_bo;
    confirmed.push_back("--outside-hours");
    Id(Cli(test_db, confirmed));

    // Ann's leave.
    BOOST_TEST(Cli(test_db,
                   {"hours", "off", practice.ann, "--from", MondayAhead(2), "--to", MondayAhead(3)})
                   .code == 0);
    const auto off = Cli(test_db, {"appointments", "add", practice.ada, "--therapist", practice.ann,
                                   "--date", MondayAhead(3), "--time", "10:00"});
    BOOST_TEST(off.code == 3);
    BOOST_TEST(Contains(off.err, "Ann is off on " + MondayAhead(3)), off.err);
    const auto shown = Cli(test_db, {"hours", "show"});
    BOOST_TEST(Contains(shown.out, "Monday      13:00-18:00"), shown.out);
    BOOST_TEST(Contains(shown.out, "Saturday    closed"), shown.out);
    BOOST_TEST(Contains(shown.out, MondayAhead(2) + " to " + MondayAhead(3) + "  Ann"), shown.out);
}

MYODESK_DB_TEST(statuses_follow_the_desk_and_a_refused_change_is_exit_3) {
    Practice practice(test_db);
    const std::string id =
        Id(Cli(test_db, {"appointments", "add", practice.ada, "--therapist", practice.ann, "--date",
                         MondayAhead(), "--time", "09:00"}));
    BOOST_TEST(Cli(test_db, {"appointments", "arrive", id}).code == 0);
    const auto completed = Cli(test_db, {"--json", "appointments", "complete", id});
    BOOST_TEST(json::parse(completed.out)["status"] == "completed");
    const auto refused = Cli(test_db, {"appointments", "no-show", id});
    BOOST_TEST(refused.code == 3);
    BOOST_TEST(Contains(refused.err, "is completed, so it cannot become no_show"), refused.err);
    const auto moved =
        Cli(test_db, {"appointments", "move", id, "--date", MondayAhead(1), "--time", "09:00"});
    BOOST_TEST(moved.code == 3);
    BOOST_TEST(Contains(moved.err, "only a booked appointment is moved"), moved.err);

    const std::string second =
        Id(Cli(test_db, {"appointments", "add", practice.bea, "--therapist", practice.ann, "--date",
                         MondayAhead(1), "--time", "11:00"}));
    const auto no_reason = Cli(test_db, {"appointments", "cancel", second});
    BOOST_TEST(no_reason.code == 2);  // --reason is required
    const auto cancelled =
        Cli(test_db, {"--json", "appointments", "cancel", second, "--reason", "Race moved"});
    BOOST_TEST(json::parse(cancelled.out)["status"] == "cancelled");  // a week's notice
    BOOST_TEST(json::parse(cancelled.out)["cancel_reason"] == "Race moved");
    BOOST_TEST(Cli(test_db, {"appointments", "arrive", "999"}).code == 4);
    const auto listed = Cli(test_db, {"--json", "appointments", "list", "--from", MondayAhead(),
                                      "--to", MondayAhead(1), "--status", "cancelled"});
    BOOST_TEST(json::parse(listed.out).size() == 1u);
    BOOST_TEST(Cli(test_db, {"appointments", "list", "--status", "gone"}).code == 3);
}

MYODESK_DB_TEST(moving_rechecks_the_new_place) {
    Practice practice(test_db);
    const std::string first =
        Id(Cli(test_db, {"appointments", "add", practice.ada, "--therapist", practice.ann, "--date",
                         MondayAhead(1), "--time", "09:00"}));
    Id(Cli(test_db, {"appointments", "add", practice.bea, "--therapist", practice.ann, "--date",
                     MondayAhead(2), "--time", "09:00"}));
    const auto clash =
        Cli(test_db, {"appointments", "move", first, "--date", MondayAhead(2), "--time", "09:30"});
    BOOST_TEST(clash.code == 3);
    BOOST_TEST(Contains(clash.err, "clashes with appointment"), clash.err);
    const auto moved =
        Cli(test_db, {"--json", "appointments", "move", first, "--date", MondayAhead(2), "--time",
                      "13:00", "--therapist", practice.bo});
    BOOST_TEST_REQUIRE(moved.code == 0, moved.err);
    BOOST_TEST(json::parse(moved.out)["therapist_id"] == std::stoll(practice.bo));
    BOOST_TEST(json::parse(moved.out)["version"] == 2);
}

MYODESK_DB_TEST(hours_rooms_and_services_refuse_what_makes_no_sense) {
    Practice practice(test_db);
    BOOST_TEST(Cli(test_db, {"hours", "set", "clinic", "funday", "09:00-10:00"}).code == 3);
    BOOST_TEST(Cli(test_db, {"hours", "set", "clinic", "monday", "9-5"}).code == 3);
    const auto reversed = Cli(test_db, {"hours", "set", "clinic", "monday", "17:00-09:00"});
    BOOST_TEST(reversed.code == 3);
    BOOST_TEST(Cli(test_db, {"hours", "set", "99", "monday", "09:00-10:00"}).code == 4);
    BOOST_TEST(Cli(test_db, {"hours", "set", "someone", "monday", "09:00-10:00"}).code == 3);
    BOOST_TEST(Cli(test_db, {"rooms", "add", "--name", ""}).code == 3);
    BOOST_TEST(Cli(test_db, {"services", "add", "--name", "Marathon", "--duration", "300"}).code ==
               3);
    const auto rooms = Cli(test_db, {"--json", "rooms", "list"});
    BOOST_TEST(json::parse(rooms.out).size() == 1u);
    const auto services = Cli(test_db, {"services", "list"});
    BOOST_TEST(Contains(services.out, "Sports massage 45"), services.out);
    // A therapist's own day can be unset again: they follow the clinic.
    BOOST_TEST(
        Contains(Cli(test_db, {"hours", "set", practice.bo, "monday", "unset"}).out, "unset"));
}

MYODESK_DB_TEST(a_weekly_series_is_booked_listed_and_changed_by_its_days) {
    Practice practice(test_db);
    const auto booked =
        Cli(test_db, {"appointments", "add", practice.ada, "--therapist", practice.ann, "--date",
                      MondayAhead(), "--time", "09:00", "--repeat", "weekly", "--count", "6"});
    const std::string first = Id(booked);

    // Listed over the six Mondays: the first by its id, the others as ID@DAY.
    const auto listed = Cli(test_db, {"--json", "appointments", "list", "--from", MondayAhead(),
                                      "--to", MondayAhead(60)});
    BOOST_TEST_REQUIRE(listed.code == 0, listed.err);
    const json six = json::parse(listed.out);
    BOOST_TEST_REQUIRE(six.size() == 6u);
    BOOST_TEST(six[0]["ref"] == first);
    const std::string third = first + "@" + MondayAhead(14);
    BOOST_TEST(six[2]["ref"] == third);
    BOOST_TEST(six[2]["id"].is_null());
    const auto text = Cli(test_db, {"appointments", "list", "--date", MondayAhead(14)});
    BOOST_TEST(Contains(text.out, third), text.out);
    const auto shown = Cli(test_db, {"appointments", "show", third});
    BOOST_TEST(Contains(shown.out, "every week, 6 times, from " + MondayAhead()), shown.out);

    // The third arrives: it is stored and gets an id of its own.
    const auto arrived = Cli(test_db, {"--json", "appointments", "arrive", third});
    BOOST_TEST_REQUIRE(arrived.code == 0, arrived.err);
    BOOST_TEST(json::parse(arrived.out)["status"] == "arrived");
    BOOST_TEST(json::parse(arrived.out)["occurrence_date"] == MondayAhead(14));

    // The fourth and after it move to Tuesdays at 17:30 with Bo, past closing time: refused
    // by the hours, then confirmed.
    const std::vector<std::string> move{
        "appointments", "move",          first + "@" + MondayAhead(21),
        "--date",       MondayAhead(22), "--time",
        "17:30",        "--therapist",   practice.bo,
        "--following"};
    const auto refused = Cli(test_db, move);
    BOOST_TEST(refused.code == 3);
    BOOST_TEST(Contains(refused.err, "--outside-hours"), refused.err);
    auto confirmed = move;
    confirmed.push_back("--outside-hours");
    Id(Cli(test_db, confirmed));
    const json moved =
        json::parse(Cli(test_db, {"--json", "appointments", "list", "--from", MondayAhead(20),
                                  "--to", MondayAhead(60), "--therapist", practice.bo})
                        .out);
    BOOST_TEST_REQUIRE(moved.size() == 3u);
    BOOST_TEST(moved[2]["date"] == MondayAhead(36));
    BOOST_TEST(moved[2]["start_time"] == "17:30");

    // The fifth cancelled with the rest: nothing is booked after it.
    const std::string fifth = moved[1]["ref"];
    const auto cancelled = Cli(
        test_db, {"appointments", "cancel", fifth, "--reason", "Stopped training", "--following"});
    BOOST_TEST(cancelled.code == 0, cancelled.err);
    const json after =
        json::parse(Cli(test_db, {"--json", "appointments", "list", "--from", MondayAhead(30),
                                  "--to", MondayAhead(60), "--status", "booked"})
                        .out);
    BOOST_TEST(after.empty());
}

MYODESK_DB_TEST(a_series_is_refused_whole_and_its_days_are_named_strictly) {
    Practice practice(test_db);
    Id(Cli(test_db, {"appointments", "add", practice.bea, "--therapist", practice.ann, "--date",
                     MondayAhead(14), "--time", "09:30"}));
    const auto clash = Cli(test_db, {"appointments", "add", practice.ada, "--therapist",
                                     practice.ann, "--date", MondayAhead(), "--time", "09:00",
                                     "--repeat", "weekly", "--until", MondayAhead(28)});
    BOOST_TEST(clash.code == 3);
    BOOST_TEST(Contains(clash.err, "on " + MondayAhead(14)), clash.err);
    const auto none = Cli(test_db, {"--json", "appointments", "list", "--from", MondayAhead(),
                                    "--to", MondayAhead(28), "--client", practice.ada});
    BOOST_TEST(json::parse(none.out).empty());

    const std::vector<std::string> base{"appointments", "add",        practice.ada,
                                        "--therapist",  practice.ann, "--date",
                                        MondayAhead(),  "--time",     "11:00"};
    const auto with = [&](std::vector<std::string> extra) {
        auto line = base;
        line.insert(line.end(), extra.begin(), extra.end());
        return Cli(test_db, line);
    };
    BOOST_TEST(with({"--repeat", "weekly"}).code == 3);                       // no end
    BOOST_TEST(with({"--repeat", "fortnightly", "--count", "3"}).code == 3);  // not a rhythm
    BOOST_TEST(with({"--repeat", "60weeks", "--count", "3"}).code == 3);      // 1-52
    BOOST_TEST(with({"--repeat", "weekly", "--count", "521"}).code == 3);     // too many
    BOOST_TEST(with({"--count", "3"}).code == 2);                             // needs --repeat
    BOOST_TEST(with({"--repeat", "weekly", "--count", "3", "--until", MondayAhead(28)}).code == 2);
    const auto every_two = with({"--repeat", "2weeks", "--count", "3"});
    const std::string id = Id(every_two);
    BOOST_TEST(Cli(test_db, {"appointments", "show", id + "@" + MondayAhead(7)}).code == 4);
    BOOST_TEST(Cli(test_db, {"appointments", "show", id + "@" + MondayAhead(14)}).code == 0);
    BOOST_TEST(Cli(test_db, {"appointments", "show", id + "@2027-02-30"}).code == 2);
    BOOST_TEST(Cli(test_db, {"appointments", "show", "x@" + MondayAhead(14)}).code == 2);
}

MYODESK_DB_TEST(the_day_sheet_is_a_page_per_therapist_or_one_sheet) {
    Practice practice(test_db);
    Id(Cli(test_db, {"appointments", "add", practice.ada, "--therapist", practice.ann, "--date",
                     MondayAhead(), "--time", "10:00", "--service", practice.service}));
    Id(Cli(test_db, {"appointments", "add", practice.bea, "--therapist", practice.bo, "--date",
                     MondayAhead(), "--time", "14:00"}));
    test::TempFolder folder;
    const std::string each = (folder.path / "day.pdf").string();
    const auto written = Cli(
        test_db, {"--json", "appointments", "day-sheet", "--date", MondayAhead(), "--out", each});
    BOOST_TEST_REQUIRE(written.code == 0, written.err);
    BOOST_TEST(json::parse(written.out)["pages"] == 2);  // Ann's page and Bo's
    const std::string one = (folder.path / "one.pdf").string();
    const auto single = Cli(test_db, {"appointments", "day-sheet", "--date", MondayAhead(),
                                      "--one-sheet", "--out", one});
    BOOST_TEST(Contains(single.out, "(1 page)"), single.out);
    const auto bo_only = Cli(test_db, {"--json", "appointments", "day-sheet", "--date",
                                       MondayAhead(), "--therapist", practice.bo, "--out", one});
    BOOST_TEST(json::parse(bo_only.out)["pages"] == 1);
    BOOST_TEST(Cli(test_db, {"appointments", "day-sheet", "--date", MondayAhead()}).code == 2);
    BOOST_TEST(
        Cli(test_db, {"appointments", "day-sheet", "--date", "2027-02-30", "--out", one}).code ==
        3);
}

MYODESK_DB_TEST(a_note_added_for_an_appointment_completes_it) {
    Practice practice(test_db);
    const std::string yesterday = core::FormatIsoDate(core::AddDays(Today(), -1));
    const std::string id =
        Id(Cli(test_db, {"appointments", "add", practice.ada, "--therapist", practice.ann, "--date",
                         yesterday, "--time", "10:00", "--outside-hours"}));
    json note = json::parse(
        test::ReadText(std::string(MYODESK_DOCS_DIR) + "/examples/session-example.json"));
    note["date"] = yesterday;
    note["start_time"] = "10:00";
    note["therapist_id"] = std::stoll(practice.ann);
    // Not Bea's appointment: refused (exit 3), nothing saved.
    const auto wrong =
        Cli(test_db, {"notes", "add", practice.bea, "-", "--appointment", id}, note.dump());
    BOOST_TEST(wrong.code == 3);
    BOOST_TEST(Contains(wrong.err, "appointment_id"), wrong.err);

    const auto added =
        Cli(test_db, {"notes", "add", practice.ada, "-", "--appointment", id}, note.dump());
    BOOST_TEST_REQUIRE(added.code == 0, added.err);
    const auto shown = Cli(test_db, {"--json", "appointments", "show", id});
    BOOST_TEST_REQUIRE(shown.code == 0, shown.err);
    BOOST_TEST(json::parse(shown.out).at("status") == "completed");
}

BOOST_AUTO_TEST_SUITE_END()
