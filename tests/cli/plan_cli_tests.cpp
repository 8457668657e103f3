#include "cli.h"
#include "cli_test_support.h"
#include "test_database.h"

#include <myodesk/core/plan_json.h>
#include <myodesk/core/plan_text.h>
#include <myodesk/db/clock.h>

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <set>

using namespace myodesk;
using nlohmann::json;
using test::Cli;
using test::CliResult;
using test::Contains;
using test::ReadText;

namespace {

const std::string kIntakeExamplePath =
    std::string(MYODESK_DOCS_DIR) + "/examples/intake-example.json";

// The plan commands work from the real "today", so the test's dates are built around it.
core::Date Today() {
    return db::LocalDate(db::SystemNow());
}

std::string Iso(const core::Date& date) {
    return core::FormatIsoDate(date);
}

// The goal race: a Sunday about ten weeks from today.
core::Date RaceDay() {
    core::Date day = core::AddDays(Today(), 63);
    while (core::IsoWeekdayIndex(day) != 6) {
        day = core::AddDays(day, 1);
    }
    return day;
}

// A marathoner: the documented intake, taken today, racing on RaceDay(), with a training
// calendar from four weeks ago to the race (intervals, tempo, easy days and a Sunday long run
// building up by 2 km a week), and a therapist. Returns the client's id.
std::int64_t AddRunner(const test::TestDatabase& database) {
    json intake = json::parse(ReadText(kIntakeExamplePath));
    const auto client = Cli(database, {"clients", "add", "--from-intake", "-"}, [&] {
        intake["taken_on"] = Iso(Today());
        intake["consent"]["signed_on"] = Iso(Today());
        intake["runner"]["goal_race"]["date"] = Iso(RaceDay());
        return intake.dump();
    }());
    BOOST_TEST_REQUIRE(client.code == 0, client.err);
    const std::string id = std::to_string(std::stoll(client.out));

    std::string csv = "date,type,distance_km\n";
    core::Date day = core::AddDays(Today(), -28);
    double long_run = 22;
    for (; day < RaceDay(); day = core::AddDays(day, 1)) {
        switch (core::IsoWeekdayIndex(day)) {
            case 1:
                csv += Iso(day) + ",intervals,10\n";
                break;
            case 3:
                csv += Iso(day) + ",tempo,12\n";
                break;
            case 5:
                csv += Iso(day) + ",easy,6\n";
                break;
            case 6:
                csv += fmt::format("{},long,{}\n", Iso(day), long_run);
                long_run = std::min(long_run + 2, 32.0);
                break;
            default:
                csv += Iso(day) + ",rest,\n";
        }
    }
    csv += Iso(RaceDay()) + ",race,42.195\n";
    const auto imported = Cli(database, {"training", "import", id, "-"}, csv);
    BOOST_TEST_REQUIRE(imported.code == 0, imported.err);
    return std::stoll(id);
}

std::int64_t AddTherapist(const test::TestDatabase& database) {
    const auto added = Cli(database, {"staff", "add", "--name", "Grete Waitz"});
    BOOST_TEST_REQUIRE(added.code == 0, added.err);
    return std::stoll(added.out);
}

json ShowJson(const test::TestDatabase& database, std::int64_t client) {
    const auto shown = Cli(database, {"plan", "show", std::to_string(client), "--json"});
    BOOST_TEST_REQUIRE(shown.code == 0, shown.err);
    return json::parse(shown.out);
}

// The plan the document holds, read back by core (every field known, nothing refused).
core::Plan Parsed(const json& document) {
    const auto parsed = core::PlanFromJson(document);
    BOOST_TEST_REQUIRE(
        parsed.problems.empty(),
        "first problem: " << (parsed.problems.empty() ? std::string() : parsed.problems[0].field));
    return parsed.plan;
}

std::set<std::string> Codes(const json& list) {
    std::set<std::string> codes;
    for (const auto& item : list) {
        codes.insert(item["code"].get<std::string>());
    }
    return codes;
}

// The index of the first session with the status, or the number of sessions when none has it.
std::size_t FirstWith(const json& plan, const std::string& status) {
    std::size_t i = 0;
    while (i < plan["sessions"].size() && plan["sessions"][i]["status"] != status) {
        ++i;
    }
    return i;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plan_cli_tests)

MYODESK_DB_TEST(generates_a_plan_around_the_training_and_shows_it) {
    const auto client = AddRunner(test_db);
    const std::string id = std::to_string(client);
    const auto generated = Cli(test_db, {"plan", "generate", id});
    BOOST_TEST_REQUIRE(generated.code == 0, generated.err);
    const std::string& text = generated.out;
    BOOST_TEST(Contains(text, fmt::format("for Siobhán “Shiv” O'Brien (client {})", client)), text);
    BOOST_TEST(Contains(text, fmt::format("{:<20}{} (Sunday)\n", "Race:", Iso(RaceDay()))), text);
    BOOST_TEST(!Contains(text, "Changes since"));  // the first plan

    const json document = ShowJson(test_db, client);
    BOOST_TEST(document["client_id"] == client);
    BOOST_TEST(document["race_date"] == Iso(RaceDay()));
    BOOST_TEST(document["from"] == Iso(Today()));
    const core::Plan plan = Parsed(document);
    // A runner with a race and long runs gets sessions, each with a reason, in date order, in
    // the phases that lead to a race.
    BOOST_REQUIRE(!plan.sessions.empty());
    std::set<std::string> phases;
    for (const auto& span : document["phases"]) {
        phases.insert(span["phase"].get<std::string>());
    }
    BOOST_TEST(phases.count("taper") == 1u);
    BOOST_TEST(phases.count("race_week") == 1u);
    for (std::size_t i = 0; i < plan.sessions.size(); ++i) {
        const auto& session = plan.sessions[i];
        BOOST_TEST(!session.reasons.empty());
        BOOST_TEST(!session.techniques.empty());
        BOOST_TEST(session.pressure_max <= 8);
        BOOST_TEST((session.status == core::PlannedSessionStatus::kPlanned));
        if (i > 0) {
            BOOST_TEST((plan.sessions[i - 1].date < session.date));
        }
        // The text shows each session by date and weekday, with core's sentences.
        BOOST_TEST(Contains(text, "  " + Iso(session.date) + " ("), Iso(session.date));
        BOOST_TEST(Contains(text, fmt::format("; {} min; pressure {}/10 (", session.duration_min,
                                              session.pressure_max)));
        BOOST_TEST(
            Contains(text, "    why: " + core::DescribeReason(session.reasons[0], plan.units)));
        for (const auto& caution : session.cautions) {
            BOOST_TEST(
                Contains(text, "    caution: " + core::DescribeCaution(caution, plan.units)));
        }
    }
    // Warnings come first, then the sessions, then home care.
    const auto sessions_at = text.find("Sessions:\n");
    BOOST_TEST(sessions_at != std::string::npos);
    for (const auto& warning : plan.warnings) {
        const auto at = text.find("  ! " + core::DescribeWarning(warning, plan.units));
        BOOST_TEST(at < sessions_at, core::DescribeWarning(warning, plan.units));
    }
    if (!plan.home_care.empty()) {
        BOOST_TEST(text.find("Home care:\n") > sessions_at);
        BOOST_TEST(Contains(text, core::DescribeHomeCare(plan.home_care[0])));
    }

    // plan show prints the same plan as generate did.
    const auto shown = Cli(test_db, {"plan", "show", id});
    BOOST_TEST(shown.code == 0);
    BOOST_TEST(shown.out == text);
    // --json of generate is the documented format too, and names the client.
    const auto as_json = Cli(test_db, {"plan", "generate", id, "--json"});
    BOOST_TEST_REQUIRE(as_json.code == 0, as_json.err);
    const json generated_json = json::parse(as_json.out);
    BOOST_TEST(generated_json["client_id"] == client);
    BOOST_TEST(!Parsed(generated_json).sessions.empty());
}

MYODESK_DB_TEST(a_new_plan_says_what_changed_and_the_history_keeps_both) {
    const auto client = AddRunner(test_db);
    const std::string id = std::to_string(client);
    BOOST_TEST_REQUIRE(Cli(test_db, {"plan", "generate", id}).code == 0);
    // A shorter horizon: the sessions after it are removed.
    const auto shorter = Cli(test_db, {"plan", "generate", id, "--weeks", "2"});
    BOOST_TEST_REQUIRE(shorter.code == 0, shorter.err);
    BOOST_TEST(Contains(shorter.out, "Changes since the plan of " + Iso(Today()) + ":\n"),
               shorter.out);
    BOOST_TEST(Contains(shorter.out, " removed\n"), shorter.out);
    const json plan = ShowJson(test_db, client);
    BOOST_TEST(plan["to"] == Iso(core::AddDays(Today(), 13)));

    const auto history = Cli(test_db, {"plan", "history", id, "--json"});
    BOOST_TEST_REQUIRE(history.code == 0, history.err);
    const json plans = json::parse(history.out);
    BOOST_REQUIRE(plans.size() == 2u);
    BOOST_TEST(plans[0]["id"].get<int>() > plans[1]["id"].get<int>());  // newest first
    BOOST_TEST(plans[0]["to"] == Iso(core::AddDays(Today(), 13)));
    BOOST_TEST(plans[0]["session_count"] == plan["sessions"].size());
    BOOST_TEST(plans[1]["session_count"].get<int>() > plans[0]["session_count"].get<int>());
    const auto history_text = Cli(test_db, {"plan", "history", id});
    BOOST_TEST(Contains(history_text.out, "Made on"), history_text.out);
    BOOST_TEST(Contains(history_text.out, Iso(Today())), history_text.out);
}

// `plan accept` books with the book's rules: outside the hours it is refused (exit 3, the
// reason and the way round named) until --outside-hours.
MYODESK_DB_TEST(accepting_outside_the_hours_needs_outside_hours) {
    const auto client = AddRunner(test_db);
    const auto therapist = AddTherapist(test_db);
    const std::string id = std::to_string(client);
    const std::string staff = std::to_string(therapist);
    for (const char* day :
         {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}) {
        BOOST_TEST_REQUIRE(Cli(test_db, {"hours", "set", "clinic", day, "08:00-17:00"}).code == 0);
    }
    BOOST_TEST_REQUIRE(Cli(test_db, {"plan", "generate", id}).code == 0);
    json plan = ShowJson(test_db, client);
    BOOST_REQUIRE(!plan["sessions"].empty());
    const std::string first = plan["sessions"][0]["date"];
    const std::vector<std::string> late = {"plan",        "accept", id,       first,
                                           "--therapist", staff,    "--time", "18:30"};
    const auto refused = Cli(test_db, late);
    BOOST_TEST(refused.code == 3);
    BOOST_TEST(Contains(refused.err, "opening hours"), refused.err);
    BOOST_TEST(Contains(refused.err, "--outside-hours"), refused.err);
    BOOST_TEST(ShowJson(test_db, client)["sessions"][0]["status"] == "planned");
    std::vector<std::string> confirmed = late;
    confirmed.push_back("--outside-hours");
    const auto accepted = Cli(test_db, confirmed);
    BOOST_TEST_REQUIRE(accepted.code == 0, accepted.err);
    BOOST_TEST(ShowJson(test_db, client)["sessions"][0]["status"] == "booked");
    const auto shown =
        Cli(test_db, {"appointments", "show", accepted.out.substr(0, accepted.out.size() - 1)});
    BOOST_TEST(Contains(shown.out, "18:30"), shown.out);
}

MYODESK_DB_TEST(accepting_moving_and_skipping_sessions) {
    const auto client = AddRunner(test_db);
    const auto therapist = AddTherapist(test_db);
    const std::string id = std::to_string(client);
    const std::string staff = std::to_string(therapist);
    BOOST_TEST_REQUIRE(Cli(test_db, {"plan", "generate", id}).code == 0);
    json plan = ShowJson(test_db, client);
    BOOST_REQUIRE(plan["sessions"].size() >= 3u);
    const std::string first = plan["sessions"][0]["date"];

    // Accept: books the session and prints the appointment's id.
    const auto accepted =
        Cli(test_db, {"plan", "accept", id, first, "--therapist", staff, "--time", "17:30"});
    BOOST_TEST_REQUIRE(accepted.code == 0, accepted.err);
    const auto appointment = std::stoll(accepted.out);
    BOOST_TEST(appointment > 0);
    BOOST_TEST(accepted.err.empty(), accepted.err);  // screened today: nothing to warn of
    plan = ShowJson(test_db, client);
    BOOST_TEST(plan["sessions"][0]["status"] == "booked");
    BOOST_TEST(plan["sessions"][0]["appointment_id"] == appointment);
    const auto again =
        Cli(test_db, {"plan", "accept", id, first, "--therapist", staff, "--time", "09:00"});
    BOOST_TEST(again.code == 3);
    BOOST_TEST(Contains(again.err, "status: the session is already booked or skipped"), again.err);
    const auto move_booked = Cli(test_db, {"plan", "move", id, first, "--to", Iso(Today())});
    BOOST_TEST(move_booked.code == 3);
    BOOST_TEST(Contains(move_booked.err, "status:"), move_booked.err);

    // Move onto another session's day: not allowed, said why, nothing changed.
    const std::size_t second = FirstWith(plan, "planned");
    BOOST_REQUIRE(second == 1u);
    const std::string second_date = plan["sessions"][second]["date"];
    const std::string third_date = plan["sessions"][second + 1]["date"];
    const auto clash = Cli(test_db, {"plan", "move", id, second_date, "--to", third_date});
    BOOST_TEST(clash.code == 3);
    BOOST_TEST(Contains(clash.err, "cannot move to " + third_date), clash.err);
    BOOST_TEST(Contains(clash.err, "nothing was changed"), clash.err);
    BOOST_TEST(ShowJson(test_db, client) == plan);
    // Outside the plan: not allowed either.
    const auto outside =
        Cli(test_db, {"plan", "move", id, second_date, "--to", Iso(core::AddDays(Today(), 400))});
    BOOST_TEST(outside.code == 3);
    BOOST_TEST(ShowJson(test_db, client) == plan);

    // A free day inside the plan, away from the race: moved, and it says so.
    const core::Date from = *core::ParseIsoDate(second_date);
    core::Date free_day = core::AddDays(from, 1);
    const core::Plan parsed = Parsed(plan);
    while (std::any_of(parsed.sessions.begin(), parsed.sessions.end(),
                       [&](const core::PlannedSession& s) { return s.date == free_day; }) ||
           std::abs(core::DaysBetween(free_day, RaceDay())) <= 1) {
        free_day = core::AddDays(free_day, 1);
    }
    const auto moved = Cli(test_db, {"plan", "move", id, second_date, "--to", Iso(free_day)});
    BOOST_TEST_REQUIRE(moved.code == 0, moved.err);
    BOOST_TEST(Contains(moved.out, "Moved the session of " + second_date + " to " + Iso(free_day)),
               moved.out);
    plan = ShowJson(test_db, client);
    bool found = false;
    for (const auto& session : plan["sessions"]) {
        BOOST_TEST(session["date"] != second_date);
        if (session["date"] == Iso(free_day)) {
            found = true;
            BOOST_TEST(session["moved_from"] == second_date);
            BOOST_TEST(session["status"] == "planned");
        }
    }
    BOOST_TEST(found);
    BOOST_TEST(plan["sessions"][0]["status"] == "booked");  // the booked one is still booked

    // Skip: marked, and only once.
    const auto skipped = Cli(test_db, {"plan", "skip", id, third_date});
    BOOST_TEST_REQUIRE(skipped.code == 0, skipped.err);
    BOOST_TEST(skipped.out == "Skipped the session of " + third_date + "\n");
    plan = ShowJson(test_db, client);
    BOOST_TEST(FirstWith(plan, "skipped") < plan["sessions"].size());
    BOOST_TEST(Cli(test_db, {"plan", "skip", id, third_date}).code == 3);
    const auto shown = Cli(test_db, {"plan", "show", id});
    BOOST_TEST(Contains(shown.out, fmt::format("[Booked, appointment {}]", appointment)),
               shown.out);
    BOOST_TEST(Contains(shown.out, "[Skipped]"), shown.out);
    BOOST_TEST(Contains(shown.out, "(moved from " + second_date + ")"), shown.out);

    // A day without a session, an unknown therapist, a time that is not one.
    const std::string no_session = Iso(core::AddDays(Today(), 500));
    const auto none = Cli(test_db, {"plan", "skip", id, no_session});
    BOOST_TEST(none.code == 4);
    BOOST_TEST(Contains(none.err, "has no session on " + no_session), none.err);
    BOOST_REQUIRE(FirstWith(plan, "planned") < plan["sessions"].size());
    const std::string planned = plan["sessions"][FirstWith(plan, "planned")]["date"];
    BOOST_TEST(
        Cli(test_db, {"plan", "accept", id, planned, "--therapist", "999", "--time", "10:00"})
            .code == 4);
    const auto bad_time =
        Cli(test_db, {"plan", "accept", id, planned, "--therapist", staff, "--time", "25:00"});
    BOOST_TEST(bad_time.code == 3);
    BOOST_TEST(Contains(bad_time.err, "start_time:"), bad_time.err);
    const auto short_one = Cli(test_db, {"plan", "accept", id, planned, "--therapist", staff,
                                         "--time", "10:00", "--duration", "5"});
    BOOST_TEST(short_one.code == 3);
    BOOST_TEST(Contains(short_one.err, "duration_min: must be between 15 and 240"), short_one.err);
    BOOST_TEST(ShowJson(test_db, client) == plan);
    // With --json, the appointment.
    const auto booked = Cli(test_db, {"plan", "accept", id, planned, "--therapist", staff, "--time",
                                      "08:15", "--duration", "30", "--json"});
    BOOST_TEST_REQUIRE(booked.code == 0, booked.err);
    const json appointment_json = json::parse(booked.out);
    BOOST_TEST(appointment_json["date"] == planned);
    BOOST_TEST(appointment_json["start_time"] == "08:15");
    BOOST_TEST(appointment_json["duration_min"] == 30);
    BOOST_TEST(appointment_json["therapist_id"] == therapist);
    BOOST_TEST(appointment_json["client_id"] == client);
}

MYODESK_DB_TEST(a_client_without_intake_or_calendar_still_gets_a_plan_with_warnings) {
    const auto client = test::AddClientWithCli(test_db, {"--given", "New", "--family", "Client"});
    const std::string id = std::to_string(client);
    const auto none = Cli(test_db, {"plan", "show", id});
    BOOST_TEST(none.code == 4);
    BOOST_TEST(
        Contains(none.err, "has no plan yet; make one with: myodesk-cli plan generate " + id),
        none.err);
    const auto history = Cli(test_db, {"plan", "history", id});
    BOOST_TEST(history.code == 0);
    BOOST_TEST(Contains(history.out, "has no plan yet"), history.out);

    const std::string from = Iso(core::AddDays(Today(), 3));
    const auto generated =
        Cli(test_db, {"plan", "generate", id, "--from", from, "--weeks", "4", "--json"});
    BOOST_TEST_REQUIRE(generated.code == 0, generated.err);
    const json plan = json::parse(generated.out);
    BOOST_TEST(plan["client_id"] == client);
    BOOST_TEST(plan["from"] == from);
    BOOST_TEST(plan["to"] == Iso(core::AddDays(Today(), 3 + 27)));
    BOOST_TEST(plan["generated_on"] == Iso(Today()));
    BOOST_TEST(plan["race_date"].is_null());
    const auto warnings = Codes(plan["warnings"]);
    BOOST_TEST(warnings.count("no_intake") == 1u);
    BOOST_TEST(warnings.count("missing_race_date") == 1u);
    for (const auto& warning : plan["warnings"]) {
        BOOST_TEST(!warning["text"].get<std::string>().empty());
    }

    // Booked all the same, with a warning on standard error: nothing was screened.
    BOOST_REQUIRE(!plan["sessions"].empty());
    const std::string staff = std::to_string(AddTherapist(test_db));
    const auto booked = Cli(test_db, {"plan", "accept", id, plan["sessions"][0]["date"],
                                      "--therapist", staff, "--time", "10:00"});
    BOOST_TEST(booked.code == 0, booked.err);
    BOOST_TEST(Contains(booked.err, "myodesk-cli: warning: client " + id +
                                        " has no intake: contraindications were not screened"),
               booked.err);
}

MYODESK_DB_TEST(plan_commands_refuse_what_they_cannot_do) {
    BOOST_TEST(Cli(test_db, {"plan", "generate", "999"}).code == 4);
    BOOST_TEST(Cli(test_db, {"plan", "show", "999"}).code == 4);
    const auto client = test::AddClientWithCli(test_db, {"--given", "Ann"});
    const std::string id = std::to_string(client);
    for (const char* weeks : {"0", "105"}) {
        const auto result = Cli(test_db, {"plan", "generate", id, "--weeks", weeks});
        BOOST_TEST(result.code == 3, weeks);
        BOOST_TEST(Contains(result.err, "weeks: must be between 1 and 104"), result.err);
    }
    BOOST_TEST(Cli(test_db, {"plan", "generate", id, "--from", "2025-02-30"}).code == 3);
    BOOST_TEST(
        Cli(test_db, {"plan", "accept", id, "2025-03-09", "--therapist", "1", "--time", "10:00"})
            .code == 4);  // no plan yet
    BOOST_TEST(Cli(test_db, {"plan", "skip", id, "tomorrow"}).code == 3);
}

BOOST_AUTO_TEST_CASE(a_wrong_plan_command_line_is_a_usage_error, *boost::unit_test::label("pure")) {
    std::ostringstream out, err;
    for (const std::vector<std::string>& words : {
             std::vector<std::string>{"plan", "generate"},
             {"plan", "generate", "1", "--weeks", "four"},
             {"plan", "generate", "1", "--to", "2025-03-09"},
             {"plan", "show", "1", "--from", "2025-03-09"},
             {"plan", "accept", "1", "2025-03-09", "--time", "10:00"},
             {"plan", "accept", "1", "2025-03-09", "--therapist", "1"},
             {"plan", "accept", "1", "--therapist", "1", "--time", "10:00"},
             {"plan", "move", "1", "2025-03-09"},
             {"plan", "move", "1", "2025-03-09", "--to", "2025-03-10", "--therapist", "1"},
             {"plan", "skip", "1"},
             {"plan", "history"},
             {"plan", "delete", "1"},
         }) {
        BOOST_TEST(app::RunCli(words, out, err) == 2, fmt::format("{}", fmt::join(words, " ")));
    }
}

MYODESK_DB_TEST(settings_show_and_set_change_the_plan_rules) {
    const auto shown = Cli(test_db, {"settings", "show"});
    BOOST_TEST_REQUIRE(shown.code == 0, shown.err);
    BOOST_TEST(shown.out.find("plan.taper_weeks") != std::string::npos);
    BOOST_TEST(shown.out.find("(changed)") == std::string::npos);
    const auto set = Cli(test_db, {"settings", "set", "plan.taper_weeks", "3"});
    BOOST_TEST_REQUIRE(set.code == 0, set.err);
    const auto json = Cli(test_db, {"--json", "settings", "show"});
    BOOST_TEST_REQUIRE(json.code == 0, json.err);
    bool found = false;
    for (const auto& setting : json::parse(json.out)) {
        if (setting["key"] == "plan.taper_weeks") {
            found = true;
            BOOST_TEST(setting["value"] == 3);
            BOOST_TEST(setting["default"] == 2);
        }
    }
    BOOST_TEST(found);
    // The generator reads it: three taper weeks before race week.
    const auto client = AddRunner(test_db);
    const auto generated = Cli(test_db, {"--json", "plan", "generate", std::to_string(client)});
    BOOST_TEST_REQUIRE(generated.code == 0, generated.err);
    const auto plan = json::parse(generated.out);
    int tapers = 0;
    for (const auto& phase : plan["phases"]) {
        if (phase["phase"] == "taper" && phase["to"] != plan["phases"][0]["to"]) {
            ++tapers;
            const auto from = core::ParseIsoDate(phase["from"].get<std::string>());
            const auto to = core::ParseIsoDate(phase["to"].get<std::string>());
            BOOST_TEST_REQUIRE((from && to));
            BOOST_TEST(core::DaysBetween(*from, *to) == 20);
        }
    }
    BOOST_TEST(tapers == 1);
    const auto bad = Cli(test_db, {"settings", "set", "plan.taper_weeks", "3.5"});
    BOOST_TEST(bad.code == 3);
    BOOST_TEST(bad.err.find("not a whole number") != std::string::npos, bad.err);
    const auto unknown = Cli(test_db, {"settings", "set", "plan.nope", "1"});
    BOOST_TEST(unknown.code == 3);
    BOOST_TEST(unknown.err.find("not a clinic setting") != std::string::npos, unknown.err);
    const auto range = Cli(test_db, {"settings", "set", "plan.max_pressure", "10"});
    BOOST_TEST(range.code == 3);
}

// A runner from the documented intake, taken today, whose goal race is on `race`; no calendar.
std::string AddRunnerRacingOn(const test::TestDatabase& database, const std::string& race) {
    json intake = json::parse(ReadText(kIntakeExamplePath));
    intake["taken_on"] = Iso(Today());
    intake["consent"]["signed_on"] = Iso(Today());
    intake["runner"]["goal_race"]["date"] = race;
    const auto client = Cli(database, {"clients", "add", "--from-intake", "-"}, intake.dump());
    BOOST_TEST_REQUIRE(client.code == 0, client.err);
    return std::to_string(std::stoll(client.out));
}

// Issue 14: a goal race on 9999-12-31 made `plan generate` plan every day up to it (over
// 300 s and 400 MB). Such a date is refused when the intake is read (dates end 2100-12-31);
// the latest date a document may carry, more than 52 weeks ahead, leaves a base plan that
// says so.
MYODESK_DB_TEST(a_goal_race_past_the_horizon_gives_a_base_plan_that_names_it) {
    json intake = json::parse(ReadText(kIntakeExamplePath));
    intake["taken_on"] = Iso(Today());
    intake["consent"]["signed_on"] = Iso(Today());
    intake["runner"]["goal_race"]["date"] = "9999-12-31";
    const auto refused = Cli(test_db, {"clients", "add", "--from-intake", "-"}, intake.dump());
    BOOST_TEST(refused.code == 3);
    BOOST_TEST(Contains(refused.err, "runner.goal_race.date"), refused.err);

    const std::string id = AddRunnerRacingOn(test_db, "2100-12-31");
    const auto generated = Cli(test_db, {"--json", "plan", "generate", id});
    BOOST_TEST_REQUIRE(generated.code == 0, generated.err);
    const json plan = json::parse(generated.out);
    BOOST_TEST(plan["to"] == Iso(core::AddDays(Today(), 12 * 7 - 1)));
    BOOST_TEST(plan["race_date"].is_null());
    BOOST_TEST(plan["phases"].size() == 1u);
    const auto warnings = Codes(plan["warnings"]);
    BOOST_TEST(warnings.count("race_too_far") == 1u);
    BOOST_TEST(warnings.count("missing_race_date") == 0u);
    const auto shown = Cli(test_db, {"plan", "show", id});
    BOOST_TEST(shown.code == 0);
    BOOST_TEST(Contains(shown.out, "2100-12-31, more than a year ahead: not planned around yet"),
               shown.out);
    BOOST_TEST(Contains(shown.out, "more than a year"), shown.out);
}

MYODESK_DB_TEST(a_goal_race_at_the_horizon_is_planned_around) {
    const core::Date race = core::AddDays(Today(), 7 * 52);
    const std::string id = AddRunnerRacingOn(test_db, Iso(race));
    const auto generated = Cli(test_db, {"--json", "plan", "generate", id});
    BOOST_TEST_REQUIRE(generated.code == 0, generated.err);
    const json plan = json::parse(generated.out);
    BOOST_TEST(plan["race_date"] == Iso(race));
    BOOST_TEST(Codes(plan["warnings"]).count("race_too_far") == 0u);
    BOOST_TEST(plan["phases"].size() > 1u);
}

MYODESK_DB_TEST(a_plan_starts_within_a_year_of_today) {
    const auto client = test::AddClientWithCli(test_db, {"--given", "Ann"});
    const std::string id = std::to_string(client);
    for (const std::string& from :
         {std::string("9999-12-31"), std::string("0001-01-01"), Iso(core::AddDays(Today(), 365))}) {
        const auto result = Cli(test_db, {"plan", "generate", id, "--from", from});
        BOOST_TEST(result.code == 3, from);
        BOOST_TEST(Contains(result.err, "a plan starts within a year of today"), result.err);
    }
    for (const int days : {-364, 364}) {
        const auto result =
            Cli(test_db, {"plan", "generate", id, "--from", Iso(core::AddDays(Today(), days))});
        BOOST_TEST(result.code == 0, result.err);
    }
}

// A deep vein thrombosis entered after the plan was made: accepting a session refuses until
// --override-flag gives the reason, which the appointment keeps.
MYODESK_DB_TEST(accept_on_a_red_flag_day_needs_override_flag) {
    const auto client = AddRunner(test_db);
    const std::string id = std::to_string(client);
    const std::string staff = std::to_string(AddTherapist(test_db));
    BOOST_TEST_REQUIRE(Cli(test_db, {"plan", "generate", id}).code == 0);
    const std::string first = ShowJson(test_db, client)["sessions"][0]["date"];

    json intake = json::parse(ReadText(kIntakeExamplePath));
    intake["taken_on"] = Iso(Today());
    intake["consent"]["signed_on"] = Iso(Today());
    intake["health"]["conditions"] =
        json::array({{{"code", "dvt"}, {"region", "calves"}, {"side", "left"}}});
    BOOST_TEST_REQUIRE(Cli(test_db, {"intake", "import", id, "-"}, intake.dump()).code == 0);

    const auto refused =
        Cli(test_db, {"plan", "accept", id, first, "--therapist", staff, "--time", "17:30"});
    BOOST_TEST(refused.code == 3);
    BOOST_TEST(Contains(refused.err, "Deep vein thrombosis"), refused.err);
    BOOST_TEST(Contains(refused.err, "--override-flag"), refused.err);
    BOOST_TEST(ShowJson(test_db, client)["sessions"][0]["status"] == "planned");

    const std::string reason = "Cleared by her GP for upper-body work (letter on file).";
    const auto accepted = Cli(test_db, {"plan", "accept", id, first, "--therapist", staff, "--time",
                                        "17:30", "--override-flag", reason, "--json"});
    BOOST_TEST_REQUIRE(accepted.code == 0, accepted.err);
    BOOST_TEST(json::parse(accepted.out).at("flag_override") == reason);
    BOOST_TEST(ShowJson(test_db, client)["sessions"][0]["status"] == "booked");
}

BOOST_AUTO_TEST_SUITE_END()
