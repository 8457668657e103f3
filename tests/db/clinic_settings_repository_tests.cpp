#include "test_database.h"

#include <myodesk/db/clinic_settings_repository.h>
#include <myodesk/db/errors.h>

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

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
    database.Session() << "SELECT COUNT(*) FROM clinic_settings", soci::into(count);
    return count;
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
    database.Session() << "SELECT value FROM clinic_settings WHERE key = "
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
    database.Session() << "INSERT INTO clinic_settings (key, value) "
                          "VALUES ('screening.fracture_days', 'six weeks')";
    ClinicSettingsRepository settings(database);
    try {
        settings.LoadScreening();
        BOOST_FAIL("a setting that is not a number must not be used");
    } catch (const db::DatabaseError& error) {
        BOOST_TEST(std::string(error.what()).find("screening.fracture_days") != std::string::npos);
    }
}

BOOST_AUTO_TEST_SUITE_END()
