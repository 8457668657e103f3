#include "soci_session.h"
#include "test_database.h"

#include <myodesk/db/clinic_settings_repository.h>
#include <myodesk/db/errors.h>

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

using namespace myodesk;
using db::ClinicSettingsRepository;

namespace {

void CheckEqual(const core::ScreeningSettings& actual, const core::ScreeningSettings& expected) {
    BOOST_TEST(actual.recent_surgery_days == expected.recent_surgery_days);
    BOOST_TEST(actual.acute_injury_days == expected.acute_injury_days);
    BOOST_TEST(actual.fracture_days == expected.fracture_days);
    BOOST_TEST(actual.first_trimester_weeks == expected.first_trimester_weeks);
    BOOST_TEST(actual.modify_pressure_cap == expected.modify_pressure_cap);
}

int SettingRows(db::Database& database) {
    int count = -1;
    db::SociSession(database) << "SELECT COUNT(*) FROM clinic_settings", soci::into(count);
    return count;
}

// Every plan setting changed from its default, so a key left out of the table shows.
core::PlanSettings EveryPlanSettingChanged() {
    core::PlanSettings settings;
    settings.weeks_without_race = 16;
    settings.weeks_after_race = 3;
    settings.taper_weeks = 3;
    settings.peak_weeks = 2;
    settings.build_weeks = 10;
    settings.base_interval_days = 21;
    settings.recovery_after_long_run_max_days = 1;
    settings.no_hard_after_deep_days = 2;
    settings.last_deep_days_before_race = 5;
    settings.flush_days_before_race = 3;
    settings.post_race_light_from_day = 3;
    settings.post_race_deep_from_day = 4;
    settings.min_duration_min = 45;
    settings.max_duration_min = 90;
    settings.deep_pressure_min = 6;
    settings.light_pressure_max = 2;
    settings.lighter_pressure_max = 4;
    settings.max_pressure = 7;
    settings.spike_percent = 12.5;
    settings.spike_lookback_days = 28;
    settings.weekly_jump_percent = 25;
    settings.cutback_percent = 0.1 + 0.2;  // not exact in binary: must come back the same
    settings.overdue_base_days = 28;
    settings.overdue_weekly_days = 8;
    settings.recent_notes_days = 60;
    settings.stubborn_pain_min = 5;
    settings.stubborn_sessions = 3;
    settings.max_focus_regions = 5;
    return settings;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(clinic_settings_repository_tests)

MYODESK_DB_TEST(a_new_database_reads_the_defaults) {
    auto database = test_db.Open();
    ClinicSettingsRepository settings(database);
    const auto screening = settings.LoadScreening();
    CheckEqual(screening, core::ScreeningSettings{});
    BOOST_TEST(screening.recent_surgery_days == 42);
    BOOST_TEST(screening.acute_injury_days == 7);
    BOOST_TEST(SettingRows(database) == 0);  // reading writes nothing
}

MYODESK_DB_TEST(saves_and_loads_and_saves_again) {
    core::ScreeningSettings changed;
    changed.recent_surgery_days = 56;
    changed.acute_injury_days = 10;
    changed.fracture_days = 84;
    changed.first_trimester_weeks = 14;
    changed.modify_pressure_cap = 4;
    {
        auto database = test_db.Open();
        ClinicSettingsRepository(database).SaveScreening(changed);
    }
    // Another desk (a new connection) reads what was saved.
    auto database = test_db.Open();
    ClinicSettingsRepository settings(database);
    CheckEqual(settings.LoadScreening(), changed);
    changed.acute_injury_days = 5;
    settings.SaveScreening(changed);
    CheckEqual(settings.LoadScreening(), changed);
    BOOST_TEST(SettingRows(database) == 5);
    std::string stored;
    db::SociSession(database) << "SELECT value FROM clinic_settings WHERE key = "
                                 "'screening.acute_injury_days'",
        soci::into(stored);
    BOOST_TEST(stored == "5");
}

MYODESK_DB_TEST(refuses_settings_out_of_range_and_saves_nothing) {
    auto database = test_db.Open();
    ClinicSettingsRepository settings(database);
    core::ScreeningSettings wrong;
    wrong.acute_injury_days = 0;
    wrong.modify_pressure_cap = 10;
    try {
        settings.SaveScreening(wrong);
        BOOST_FAIL("settings out of range must be refused");
    } catch (const db::ValidationError& error) {
        BOOST_REQUIRE(error.Problems().size() == 2u);
        BOOST_TEST(error.Problems()[0].field == "screening.acute_injury_days");
        BOOST_TEST(error.Problems()[1].field == "screening.modify_pressure_cap");
        BOOST_TEST((error.Problems()[1].code == core::ProblemCode::kOutOfRange));
    }
    BOOST_TEST(SettingRows(database) == 0);
}

MYODESK_DB_TEST(a_damaged_stored_setting_is_reported) {
    auto database = test_db.Open();
    db::SociSession(database) << "INSERT INTO clinic_settings (key, value) "
                                 "VALUES ('screening.fracture_days', 'six weeks')";
    ClinicSettingsRepository settings(database);
    try {
        settings.LoadScreening();
        BOOST_FAIL("a setting that is not a number must not be used");
    } catch (const db::DatabaseError& error) {
        BOOST_TEST(std::string(error.what()).find("screening.fracture_days") != std::string::npos);
    }
}

MYODESK_DB_TEST(plan_settings_read_their_defaults_until_saved) {
    auto database = test_db.Open();
    ClinicSettingsRepository settings(database);
    BOOST_TEST((settings.LoadPlan() == core::PlanSettings{}));
    BOOST_TEST(settings.LoadPlan().taper_weeks == 2);
    BOOST_TEST(SettingRows(database) == 0);
}

MYODESK_DB_TEST(saves_and_loads_every_plan_setting) {
    const core::PlanSettings changed = EveryPlanSettingChanged();
    BOOST_TEST_REQUIRE(!(changed == core::PlanSettings{}));
    {
        auto database = test_db.Open();
        ClinicSettingsRepository(database).SavePlan(changed);
    }
    auto database = test_db.Open();
    ClinicSettingsRepository settings(database);
    BOOST_TEST((settings.LoadPlan() == changed));
    BOOST_TEST(SettingRows(database) == 28);
    // Screening and plan settings live side by side without touching each other.
    BOOST_TEST((settings.LoadScreening().acute_injury_days == 7));
    core::ScreeningSettings screening;
    screening.fracture_days = 50;
    settings.SaveScreening(screening);
    BOOST_TEST((settings.LoadPlan() == changed));
    std::string stored;
    db::SociSession(database)
        << "SELECT value FROM clinic_settings WHERE key = 'plan.spike_percent'",
        soci::into(stored);
    BOOST_TEST(stored == "12.5");
}

MYODESK_DB_TEST(refuses_plan_settings_the_rules_cannot_use) {
    auto database = test_db.Open();
    ClinicSettingsRepository settings(database);
    core::PlanSettings wrong;
    wrong.max_pressure = 9;  // 9-10 is never planned
    wrong.weeks_without_race = 0;
    wrong.spike_percent = -1;
    try {
        settings.SavePlan(wrong);
        BOOST_FAIL("settings out of range must be refused");
    } catch (const db::ValidationError& error) {
        std::vector<std::string> fields;
        for (const auto& problem : error.Problems()) {
            fields.push_back(problem.field);
            BOOST_TEST((problem.code == core::ProblemCode::kOutOfRange));
        }
        BOOST_TEST(fields == (std::vector<std::string>{"plan.weeks_without_race",
                                                       "plan.max_pressure", "plan.spike_percent"}),
                   boost::test_tools::per_element());
    }
    core::PlanSettings upside_down;
    upside_down.min_duration_min = 60;
    upside_down.max_duration_min = 45;
    try {
        settings.SavePlan(upside_down);
        BOOST_FAIL("a shortest session longer than the longest must be refused");
    } catch (const db::ValidationError& error) {
        BOOST_REQUIRE(error.Problems().size() == 1u);
        BOOST_TEST(error.Problems()[0].field == "plan.max_duration_min");
        BOOST_TEST(error.Problems()[0].minimum == 60.0);
    }
    BOOST_TEST(SettingRows(database) == 0);
}

MYODESK_DB_TEST(a_damaged_stored_plan_setting_is_reported) {
    auto database = test_db.Open();
    ClinicSettingsRepository settings(database);
    db::SociSession(database) << "INSERT INTO clinic_settings (key, value) "
                                 "VALUES ('plan.taper_weeks', '2.5')";
    try {
        settings.LoadPlan();
        BOOST_FAIL("a whole-number setting holding a fraction must not be used");
    } catch (const db::DatabaseError& error) {
        BOOST_TEST(std::string(error.what()).find("plan.taper_weeks") != std::string::npos);
    }
    db::SociSession(database)
        << "UPDATE clinic_settings SET value = '3' WHERE key = 'plan.taper_weeks'";
    BOOST_TEST(settings.LoadPlan().taper_weeks == 3);
    db::SociSession(database) << "INSERT INTO clinic_settings (key, value) "
                                 "VALUES ('plan.cutback_percent', 'nan')";
    BOOST_CHECK_THROW(settings.LoadPlan(), db::DatabaseError);
}

MYODESK_DB_TEST(lists_every_setting_and_sets_one_from_text) {
    auto database = test_db.Open();
    ClinicSettingsRepository settings(database);
    auto list = settings.List();
    // The clinic details, then every screening, plan, appointment book and backup setting.
    BOOST_TEST_REQUIRE(list.size() == 7u + 5u + 28u + 4u + 6u);
    BOOST_TEST(list.front().key == "clinic.name");
    BOOST_TEST(list[7].key == "screening.recent_surgery_days");
    for (const auto& setting : list) {
        BOOST_TEST(setting.value == setting.default_value, setting.key);
    }
    settings.Set("plan.taper_weeks", "3");
    settings.Set("plan.spike_percent", "12.5");
    settings.Set("screening.acute_injury_days", "10");
    BOOST_TEST(settings.LoadPlan().taper_weeks == 3);
    BOOST_TEST(settings.LoadPlan().spike_percent == 12.5);
    BOOST_TEST(settings.LoadScreening().acute_injury_days == 10);
    list = settings.List();
    const auto taper = std::find_if(list.begin(), list.end(),
                                    [](const auto& s) { return s.key == "plan.taper_weeks"; });
    BOOST_TEST_REQUIRE((taper != list.end()));
    BOOST_TEST(taper->value == "3");
    BOOST_TEST(taper->default_value == "2");
    BOOST_TEST(taper->whole_number);

    const auto refused = [&](const char* key, const char* value, core::ProblemCode code) {
        try {
            settings.Set(key, value);
            BOOST_FAIL(key << " = " << value << " must be refused");
        } catch (const db::ValidationError& error) {
            BOOST_TEST_REQUIRE(error.Problems().size() == 1u);
            BOOST_TEST(error.Problems()[0].field == key);
            BOOST_TEST((error.Problems()[0].code == code));
        }
    };
    refused("plan.no_such_rule", "1", core::ProblemCode::kUnknownCode);
    refused("plan.taper_weeks", "2.5", core::ProblemCode::kWrongType);
    refused("plan.taper_weeks", "", core::ProblemCode::kWrongType);
    refused("plan.taper_weeks", "two", core::ProblemCode::kWrongType);
    refused("plan.max_pressure", "9", core::ProblemCode::kOutOfRange);
    BOOST_TEST(settings.LoadPlan().taper_weeks == 3);  // unchanged by the refusals
    BOOST_TEST(settings.LoadPlan().max_pressure == 8);
}

namespace {

// The clinic's details: text with quotes, Unicode and a multi-line address, and the paper.
core::ClinicDetails SampleDetails() {
    core::ClinicDetails details;
    details.name = "Zoë's \"Run Well\" Clinic — 東京";
    details.address = "Flat 2, 14 O'Connell St\nDún Laoghaire\nCo. Dublin A96 X2Y3";
    details.phone = "+353 1 234 5678";
    details.email = "hello@runwell.example.ie";
    details.logo_path = "/home/desk/Pictures/logo «run».png";
    details.paper = core::PaperSize::kLetter;
    details.date_format = "%d/%m/%Y";
    return details;
}

// `count` copies of a two-byte character: limits count characters, not bytes.
std::string Characters(std::size_t count) {
    std::string text;
    for (std::size_t i = 0; i < count; ++i) {
        text += "ø";
    }
    return text;
}

// Runs `action`, which must be refused with exactly `expected` (field and code, in order).
template <typename Action>
void ExpectRefused(Action&& action,
                   const std::vector<std::pair<std::string, core::ProblemCode>>& expected) {
    try {
        action();
        BOOST_ERROR("must be refused");
    } catch (const db::ValidationError& error) {
        BOOST_TEST_REQUIRE(error.Problems().size() == expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            BOOST_TEST(error.Problems()[i].field == expected[i].first);
            BOOST_TEST((error.Problems()[i].code == expected[i].second), expected[i].first);
        }
    }
}

std::string StoredValue(db::Database& database, const std::string& key) {
    std::string value;
    db::SociSession(database) << "SELECT value FROM clinic_settings WHERE key = :key",
        soci::use(key), soci::into(value);
    return value;
}

}  // namespace

MYODESK_DB_TEST(clinic_details_read_empty_until_saved_and_round_trip) {
    {
        auto database = test_db.Open();
        ClinicSettingsRepository settings(database);
        BOOST_TEST((settings.LoadClinicDetails() == core::ClinicDetails{}));
        BOOST_TEST((settings.LoadClinicDetails().paper == core::PaperSize::kA4));
        BOOST_TEST(SettingRows(database) == 0);  // reading writes nothing
        settings.SaveClinicDetails(SampleDetails());
    }
    // Another desk reads the details saved, byte for byte.
    auto database = test_db.Open();
    ClinicSettingsRepository settings(database);
    const auto loaded = settings.LoadClinicDetails();
    BOOST_TEST((loaded == SampleDetails()));
    BOOST_TEST(loaded.name == SampleDetails().name);
    BOOST_TEST(loaded.address == SampleDetails().address);
    BOOST_TEST(SettingRows(database) == 7);
    BOOST_TEST(StoredValue(database, "report.date_format") == "%d/%m/%Y");
    BOOST_TEST(StoredValue(database, "report.paper") == "letter");
    BOOST_TEST(StoredValue(database, "clinic.logo") == SampleDetails().logo_path);

    // Saved again with fields changed and cleared; the other settings are untouched.
    settings.Set("plan.taper_weeks", "3");
    core::ClinicDetails changed = SampleDetails();
    changed.name = Characters(core::ClinicDetailsLimits::kName);  // at the limit
    changed.address = Characters(core::ClinicDetailsLimits::kAddress - 2) + "\n.";
    changed.email.clear();
    changed.logo_path.clear();
    changed.paper = core::PaperSize::kA4;
    settings.SaveClinicDetails(changed);
    BOOST_TEST((settings.LoadClinicDetails() == changed));
    BOOST_TEST(settings.LoadPlan().taper_weeks == 3);
    BOOST_TEST(SettingRows(database) == 7 + 1);  // setting one plan rule saves its row alone
}

MYODESK_DB_TEST(refuses_clinic_details_naming_the_field_and_saves_nothing) {
    auto database = test_db.Open();
    ClinicSettingsRepository settings(database);
    using core::ProblemCode;
    core::ClinicDetails wrong = SampleDetails();
    wrong.name = "Run Well\nClinic";                                      // one line only
    wrong.address = Characters(core::ClinicDetailsLimits::kAddress + 1);  // too long
    wrong.phone = "+353\t1 234";                                          // a tab
    wrong.email = std::string("a@b.ie\x7f");                              // DEL
    wrong.logo_path = std::string("/tmp/\xff.png");                       // not UTF-8
    wrong.date_format = "%d/%m";                                          // no year
    ExpectRefused([&] { settings.SaveClinicDetails(wrong); },
                  {{"clinic.name", ProblemCode::kInvalidText},
                   {"clinic.address", ProblemCode::kTooLong},
                   {"clinic.phone", ProblemCode::kInvalidText},
                   {"clinic.email", ProblemCode::kInvalidText},
                   {"clinic.logo", ProblemCode::kInvalidText},
                   {"report.date_format", ProblemCode::kUnknownCode}});
    BOOST_TEST(SettingRows(database) == 0);

    // The limit is given with kTooLong; the address takes '\n' but no other control character.
    core::ClinicDetails long_name;
    long_name.name = Characters(core::ClinicDetailsLimits::kName + 1);
    try {
        settings.SaveClinicDetails(long_name);
        BOOST_ERROR("a name over the limit must be refused");
    } catch (const db::ValidationError& error) {
        BOOST_TEST_REQUIRE(error.Problems().size() == 1u);
        BOOST_TEST(error.Problems()[0].limit == core::ClinicDetailsLimits::kName);
    }
    core::ClinicDetails carriage_return;
    carriage_return.address = "Line one\r\nLine two";
    ExpectRefused([&] { settings.SaveClinicDetails(carriage_return); },
                  {{"clinic.address", ProblemCode::kInvalidText}});
    BOOST_TEST(SettingRows(database) == 0);

    // A refusal leaves the details saved before as they were.
    settings.SaveClinicDetails(SampleDetails());
    ExpectRefused([&] { settings.SaveClinicDetails(long_name); },
                  {{"clinic.name", ProblemCode::kTooLong}});
    BOOST_TEST((settings.LoadClinicDetails() == SampleDetails()));
}

MYODESK_DB_TEST(sets_clinic_details_and_the_paper_one_at_a_time) {
    auto database = test_db.Open();
    ClinicSettingsRepository settings(database);
    using core::ProblemCode;
    settings.Set("clinic.name", "Zoë's \"Run Well\" Clinic");
    BOOST_TEST(SettingRows(database) == 1);  // only the setting named is written
    settings.Set("clinic.address", "14 O'Connell St\nDún Laoghaire");
    settings.Set("report.paper", "letter");
    auto details = settings.LoadClinicDetails();
    BOOST_TEST(details.name == "Zoë's \"Run Well\" Clinic");
    BOOST_TEST(details.address == "14 O'Connell St\nDún Laoghaire");
    BOOST_TEST((details.paper == core::PaperSize::kLetter));
    BOOST_TEST(details.phone.empty());

    ExpectRefused([&] { settings.Set("report.paper", "A5"); },
                  {{"report.paper", ProblemCode::kUnknownCode}});
    ExpectRefused([&] { settings.Set("report.paper", "A4"); },
                  {{"report.paper", ProblemCode::kUnknownCode}});
    ExpectRefused([&] { settings.Set("clinic.name", "Run\nWell"); },
                  {{"clinic.name", ProblemCode::kInvalidText}});
    ExpectRefused(
        [&] {
            settings.Set("clinic.phone", std::string(core::ClinicDetailsLimits::kPhone + 1, '1'));
        },
        {{"clinic.phone", ProblemCode::kTooLong}});
    ExpectRefused([&] { settings.Set("clinic.fax", "01 234"); },
                  {{"clinic.fax", ProblemCode::kUnknownCode}});
    BOOST_TEST((settings.LoadClinicDetails() == details));  // unchanged by the refusals
    BOOST_TEST(SettingRows(database) == 3);

    settings.Set("clinic.name", "");  // cleared
    settings.Set("report.paper", "a4");
    details = settings.LoadClinicDetails();
    BOOST_TEST(details.name.empty());
    BOOST_TEST((details.paper == core::PaperSize::kA4));
}

MYODESK_DB_TEST(lists_the_clinic_details_first_as_text_settings) {
    auto database = test_db.Open();
    ClinicSettingsRepository settings(database);
    settings.SaveClinicDetails(SampleDetails());
    const auto list = settings.List();
    BOOST_TEST_REQUIRE(list.size() == 7u + 5u + 28u + 4u + 6u);
    const std::vector<std::pair<std::string, std::string>> expected{
        {"clinic.name", SampleDetails().name},      {"clinic.address", SampleDetails().address},
        {"clinic.phone", SampleDetails().phone},    {"clinic.email", SampleDetails().email},
        {"clinic.logo", SampleDetails().logo_path}, {"report.paper", "letter"},
        {"report.date_format", "%d/%m/%Y"}};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        BOOST_TEST(list[i].key == expected[i].first);
        BOOST_TEST(list[i].value == expected[i].second);
        BOOST_TEST(list[i].default_value == (i == 5 ? "a4" : i == 6 ? "locale" : ""));
        BOOST_TEST(list[i].is_text);
        BOOST_TEST(!list[i].whole_number);
    }
    // The numbers, then the book's two text settings, then the backups' five numbers and
    // their folder last.
    const std::size_t book_texts = list.size() - 8;
    for (std::size_t i = expected.size(); i < book_texts; ++i) {
        BOOST_TEST(!list[i].is_text, list[i].key);
    }
    BOOST_TEST(list[book_texts].key == "book.time_zone");
    BOOST_TEST(list[book_texts + 1].key == "calendar.client_names");
    BOOST_TEST(list[book_texts + 1].value == "initials");
    BOOST_TEST(list[book_texts + 1].is_text);
    for (std::size_t i = book_texts + 2; i + 1 < list.size(); ++i) {
        BOOST_TEST(!list[i].is_text, list[i].key);
    }
    BOOST_TEST(list.back().key == "backup.folder");
    BOOST_TEST(list.back().is_text);
}

MYODESK_DB_TEST(a_damaged_stored_paper_is_reported) {
    auto database = test_db.Open();
    db::SociSession(database)
        << "INSERT INTO clinic_settings (key, value) VALUES ('report.paper', 'a5')";
    ClinicSettingsRepository settings(database);
    try {
        settings.LoadClinicDetails();
        BOOST_FAIL("a paper that is not a4 or letter must not be used");
    } catch (const db::DatabaseError& error) {
        BOOST_TEST(std::string(error.what()).find("report.paper") != std::string::npos);
    }
}

MYODESK_DB_TEST(setting_a_number_writes_its_row_alone_and_keeps_the_other_rules) {
    auto database = test_db.Open();
    ClinicSettingsRepository settings(database);
    settings.Set("plan.min_duration_min", "60");
    // One row: the other plan settings stay unsaved (a desk saving another one meanwhile is
    // not overwritten with what this desk read).
    BOOST_TEST(SettingRows(database) == 1);
    settings.Set("plan.max_duration_min", "75");
    BOOST_TEST(SettingRows(database) == 2);
    ExpectRefused([&] { settings.Set("plan.min_duration_min", "90"); },
                  {{"plan.max_duration_min", core::ProblemCode::kOutOfRange}});
    BOOST_TEST(settings.LoadPlan().min_duration_min == 60);
    BOOST_TEST(SettingRows(database) == 2);
}

MYODESK_DB_TEST(a_newer_versions_setting_is_left_alone_and_an_old_text_read_as_it_is) {
    auto database = test_db.Open();
    // Named: SOCI runs the statement as the expression ends, after a temporary would be gone.
    const std::string address = "1 Lane\r\nLeeds";
    db::SociSession(database) << "INSERT INTO clinic_settings (key, value) VALUES "
                                 "('plan.some_later_rule', 'x'), ('clinic.address', :address)",
        soci::use(address);
    ClinicSettingsRepository settings(database);
    BOOST_TEST(settings.LoadClinicDetails().address == "1 Lane\r\nLeeds");
    BOOST_TEST(settings.List().size() == 7u + 5u + 28u + 4u + 6u);
    settings.Set("plan.taper_weeks", "3");
    BOOST_TEST(SettingRows(database) == 3);
}

BOOST_AUTO_TEST_SUITE_END()
