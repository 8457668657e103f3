#include <myodesk/core/clinic_settings.h>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <ostream>
#include <string>

using namespace myodesk::core;

namespace {

// The one problem `SetClinicSetting(settings, key, text)` reports; the settings stay as they were.
ValidationProblem RefusedProblem(std::string_view key, std::string_view text,
                                 const ClinicSettings& start = {}) {
    ClinicSettings settings = start;
    const auto problems = SetClinicSetting(settings, key, text);
    BOOST_TEST_INFO(std::string(key) << " = '" << std::string(text) << "'");
    BOOST_REQUIRE_EQUAL(problems.size(), 1U);
    BOOST_CHECK(settings == start);
    return problems.front();
}

std::string Listed(const ClinicSettings& settings, std::string_view key) {
    for (const auto& setting : ListClinicSettings(settings)) {
        if (setting.key == key) {
            return setting.value;
        }
    }
    BOOST_FAIL("not listed: " << std::string(key));
    return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(clinic_settings_tests)

BOOST_AUTO_TEST_CASE(sets_one_setting_from_its_text_and_changes_nothing_else) {
    ClinicSettings settings;
    BOOST_CHECK(SetClinicSetting(settings, "plan.taper_weeks", "3").empty());
    BOOST_CHECK(SetClinicSetting(settings, "plan.spike_percent", "12.5").empty());
    BOOST_CHECK(SetClinicSetting(settings, "screening.fracture_days", "56").empty());
    BOOST_CHECK(SetClinicSetting(settings, "clinic.address", "1 Track Lane\nLeeds").empty());
    BOOST_CHECK(SetClinicSetting(settings, "report.paper", "letter").empty());

    ClinicSettings expected;
    expected.plan.taper_weeks = 3;
    expected.plan.spike_percent = 12.5;
    expected.screening.fracture_days = 56;
    expected.details.address = "1 Track Lane\nLeeds";
    expected.details.paper = PaperSize::kLetter;
    BOOST_CHECK(settings == expected);
    BOOST_CHECK_EQUAL(Listed(settings, "plan.spike_percent"), "12.5");
    BOOST_CHECK_EQUAL(Listed(settings, "report.paper"), "letter");
}

BOOST_AUTO_TEST_CASE(a_refused_value_names_the_key_and_changes_nothing) {
    BOOST_CHECK(RefusedProblem("plan.fax", "1").code == ProblemCode::kUnknownCode);
    BOOST_CHECK(RefusedProblem("", "1").code == ProblemCode::kUnknownCode);
    BOOST_CHECK(RefusedProblem("plan.taper_weeks", "three").code == ProblemCode::kWrongType);
    BOOST_CHECK(RefusedProblem("plan.taper_weeks", "2.5").code == ProblemCode::kWrongType);
    BOOST_CHECK(RefusedProblem("plan.taper_weeks", " 3").code == ProblemCode::kWrongType);
    BOOST_CHECK(RefusedProblem("plan.taper_weeks", "").code == ProblemCode::kWrongType);
    BOOST_CHECK(RefusedProblem("plan.spike_percent", "nan").code == ProblemCode::kWrongType);
    BOOST_CHECK(RefusedProblem("plan.spike_percent", "inf").code == ProblemCode::kWrongType);
    BOOST_CHECK(RefusedProblem("plan.spike_percent", "1e400").code == ProblemCode::kWrongType);
    BOOST_CHECK(RefusedProblem("report.paper", "A4").code == ProblemCode::kUnknownCode);
    BOOST_CHECK(RefusedProblem("clinic.name", "Stride\nLeeds").code == ProblemCode::kInvalidText);
    BOOST_CHECK(RefusedProblem("clinic.address", "1 Lane\r\nLeeds").code ==
                ProblemCode::kInvalidText);
    BOOST_CHECK(RefusedProblem("clinic.phone", std::string(41, '1')).code == ProblemCode::kTooLong);

    const auto range = RefusedProblem("plan.taper_weeks", "7");
    BOOST_CHECK(range.code == ProblemCode::kOutOfRange);
    BOOST_CHECK_EQUAL(range.field, "plan.taper_weeks");
    BOOST_CHECK_EQUAL(range.minimum, 0);
    BOOST_CHECK_EQUAL(range.maximum, 6);
    BOOST_CHECK(RefusedProblem("plan.spike_percent", "100.5").code == ProblemCode::kOutOfRange);
}

BOOST_AUTO_TEST_CASE(the_shortest_session_may_not_be_longer_than_the_longest) {
    ClinicSettings own;
    own.plan.min_duration_min = 60;
    own.plan.max_duration_min = 75;
    const auto problem = RefusedProblem("plan.min_duration_min", "90", own);
    BOOST_CHECK(problem.code == ProblemCode::kOutOfRange);
    BOOST_CHECK_EQUAL(problem.field, "plan.max_duration_min");
    BOOST_CHECK(RefusedProblem("plan.max_duration_min", "45", own).code ==
                ProblemCode::kOutOfRange);

    // One value at a time, as a stored row is read, has no such rule: the rows come in any order.
    ClinicSettings read = own;
    BOOST_CHECK(ParseClinicSetting(read, "plan.min_duration_min", "90").empty());
    BOOST_CHECK_EQUAL(read.plan.min_duration_min, 90);
    BOOST_CHECK(!CheckPlanSettings(read.plan).empty());
}

BOOST_AUTO_TEST_CASE(every_group_stored_reads_back_the_same) {
    ClinicSettings settings;
    settings.details = {"Stride",        "1 Track Lane\nLeeds",
                        "0113 496 0000", "desk@stride.example",
                        "/srv/logo.png", PaperSize::kLetter};
    settings.screening.first_trimester_weeks = 14;
    settings.plan.cutback_percent = 33.3;
    settings.plan.max_focus_regions = 5;
    settings.book = {48, "Europe/London", CalendarNames::kFirstName};
    settings.backup = {0, "/media/stick/myodesk", 10, 6, 24, 3};

    ClinicSettings reread;
    std::size_t rows = 0;
    for (const auto group : {SettingGroup::kClinicDetails, SettingGroup::kScreening,
                             SettingGroup::kPlan, SettingGroup::kBook, SettingGroup::kBackup}) {
        for (const auto& [key, text] : StoredClinicSettings(settings, group)) {
            BOOST_CHECK(ClinicSettingGroup(key) == group);
            BOOST_CHECK(ReadStoredClinicSetting(reread, key, text).empty());
            ++rows;
        }
    }
    BOOST_CHECK(reread == settings);
    BOOST_CHECK_EQUAL(rows, ListClinicSettings(settings).size());
    BOOST_CHECK(!ClinicSettingGroup("plan.fax"));
}

BOOST_AUTO_TEST_CASE(backup_settings_are_checked_by_key) {
    ClinicSettings settings;
    BOOST_CHECK(SetClinicSetting(settings, "backup.automatic", "0").empty());
    BOOST_CHECK_EQUAL(settings.backup.automatic, 0);
    BOOST_CHECK(!SetClinicSetting(settings, "backup.automatic", "2").empty());
    BOOST_CHECK(!SetClinicSetting(settings, "backup.keep_daily", "0").empty());
    BOOST_CHECK(!SetClinicSetting(settings, "backup.folder", "/a\nb").empty());
    BOOST_CHECK(SetClinicSetting(settings, "backup.folder", "/media/stick").empty());
    BOOST_CHECK((settings.backup.Policy().daily == 7));
    BOOST_CHECK(CheckBackupSettings(BackupSettings{}).empty());
    BOOST_CHECK(!CheckBackupSettings(BackupSettings{1, "", 7, 4, 12, 0}).empty());
}

BOOST_AUTO_TEST_CASE(a_stored_text_is_read_as_it_is_and_a_stored_number_strictly) {
    // An older version let a carriage return into the address: the letterhead still shows it.
    ClinicSettings settings;
    BOOST_CHECK(ReadStoredClinicSetting(settings, "clinic.address", "1 Lane\r\nLeeds").empty());
    BOOST_CHECK_EQUAL(settings.details.address, "1 Lane\r\nLeeds");
    BOOST_CHECK(!ReadStoredClinicSetting(settings, "plan.taper_weeks", "99").empty());
    BOOST_CHECK(!ReadStoredClinicSetting(settings, "report.paper", "a3").empty());
    BOOST_CHECK_EQUAL(settings.plan.taper_weeks, PlanSettings{}.taper_weeks);
}

BOOST_AUTO_TEST_CASE(the_defaults_keep_every_rule_and_list_as_their_own_defaults) {
    const ClinicSettings defaults;
    BOOST_CHECK(CheckClinicDetails(defaults.details).empty());
    BOOST_CHECK(CheckScreeningSettings(defaults.screening).empty());
    BOOST_CHECK(CheckPlanSettings(defaults.plan).empty());
    BOOST_CHECK(CheckBookSettings(defaults.book).empty());
    for (const auto& setting : ListClinicSettings(defaults)) {
        BOOST_TEST_INFO(setting.key);
        BOOST_CHECK_EQUAL(setting.value, setting.default_value);
        if (!setting.is_text) {
            BOOST_CHECK_LT(setting.minimum, setting.maximum);
        }
    }
}

BOOST_AUTO_TEST_CASE(the_book_takes_a_notice_a_zone_name_and_how_calendars_name_clients) {
    ClinicSettings settings;
    BOOST_CHECK_EQUAL(settings.book.notice_hours, 24);
    BOOST_CHECK(SetClinicSetting(settings, "book.notice_hours", "48").empty());
    BOOST_CHECK(
        SetClinicSetting(settings, "book.time_zone", "America/Argentina/Buenos_Aires").empty());
    BOOST_CHECK(SetClinicSetting(settings, "calendar.client_names", "none").empty());
    BOOST_CHECK_EQUAL(settings.book.notice_hours, 48);
    BOOST_CHECK_EQUAL(settings.book.time_zone, "America/Argentina/Buenos_Aires");
    BOOST_CHECK(settings.book.calendar_names == CalendarNames::kNone);
    // Nothing: the computer's own zone again.
    BOOST_CHECK(SetClinicSetting(settings, "book.time_zone", "").empty());
    BOOST_CHECK(settings.book.time_zone.empty());

    const ClinicSettings before = settings;
    for (const char* zone : {"../etc/passwd", "/Europe/London", "Europe//London", "Europe/",
                             "Europe London", "Etc/GMT+5\n"}) {
        BOOST_TEST_INFO(zone);
        const auto problems = SetClinicSetting(settings, "book.time_zone", zone);
        BOOST_REQUIRE_EQUAL(problems.size(), 1u);
        BOOST_CHECK(problems[0].code == ProblemCode::kUnknownCode);
    }
    BOOST_CHECK(IsTimeZoneName("Etc/GMT+5"));
    BOOST_CHECK(IsTimeZoneName("UTC"));
    BOOST_CHECK(!IsTimeZoneName(std::string(BookSettingsLimits::kTimeZone + 1, 'A')));
    BOOST_CHECK(!SetClinicSetting(settings, "book.notice_hours", "169").empty());
    BOOST_CHECK(!SetClinicSetting(settings, "calendar.client_names", "full_name").empty());
    BOOST_CHECK(settings == before);
}

BOOST_AUTO_TEST_SUITE_END()
