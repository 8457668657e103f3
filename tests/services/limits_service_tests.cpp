// Issue 14's limits in the services: the clinic logo is checked when it is set, the open
// database is never an output, and a plan starts within a year of today.
#include "logo_test_files.h"
#include "plan_test_setup.h"
#include "test_database.h"

#include <myodesk/reports/atomic_output_file.h>
#include <myodesk/services/context.h>
#include <myodesk/services/database_service.h>
#include <myodesk/services/errors.h>
#include <myodesk/services/plan_service.h>
#include <myodesk/services/settings_service.h>

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

using namespace myodesk;
namespace fs = std::filesystem;
using test::plan_setup::kToday;

namespace {

struct LogoFolder {
    LogoFolder()
        : path(fs::temp_directory_path() / ("myodesk-services-logo-" + std::to_string(getpid()) +
                                            "-" + std::to_string(count++))) {
        fs::create_directories(path);
    }
    ~LogoFolder() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
    fs::path path;
    static inline int count = 0;
};

// The refusal of setting `path` as the logo, both ways a front end sets it.
reports::LogoProblem RefusalOf(services::SettingsService& settings, const fs::path& path) {
    reports::LogoProblem problem{};
    try {
        settings.Set("clinic.logo", path.string());
        BOOST_FAIL("set: " + path.string() + " was accepted");
    } catch (const services::LogoRefusedError& error) {
        problem = error.Problem();
        BOOST_TEST(std::string(error.what()).rfind("clinic.logo: " + path.string() + ": ", 0) == 0,
                   error.what());
    }
    auto details = settings.LoadClinicDetails();
    details.logo_path = path.string();
    BOOST_CHECK_THROW(settings.SaveClinicDetails(details), services::LogoRefusedError);
    return problem;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(limits_service_tests)

MYODESK_DB_TEST(a_logo_is_checked_when_it_is_set) {
    auto database = test_db.Open();
    services::Context context(database, services::Clock::FixedOn(kToday));
    services::SettingsService settings(context);
    LogoFolder folder;
    const auto good = folder.path / "logo.png";
    test::WriteFileBytes(good, test::SmallPng());
    settings.Set("clinic.logo", good.string());
    BOOST_TEST(settings.LoadClinicDetails().logo_path == good.string());

    const auto huge = folder.path / "huge.png";
    test::WriteFileBytes(huge, test::PngHeaderClaiming(20000, 20000));
    const auto fifo = folder.path / "fifo.png";
    BOOST_REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    const auto text = folder.path / "logo.txt";
    test::WriteFileBytes(text, "not an image");
    BOOST_TEST((RefusalOf(settings, huge) == reports::LogoProblem::kTooManyPixels));
    BOOST_TEST((RefusalOf(settings, fifo) == reports::LogoProblem::kNotAFile));
    BOOST_TEST((RefusalOf(settings, folder.path) == reports::LogoProblem::kNotAFile));
    BOOST_TEST((RefusalOf(settings, text) == reports::LogoProblem::kNotPng));
    BOOST_TEST(
        (RefusalOf(settings, folder.path / "gone.png") == reports::LogoProblem::kUnreadable));
    // Nothing was saved; no logo stays allowed.
    BOOST_TEST(settings.LoadClinicDetails().logo_path == good.string());
    settings.Set("clinic.logo", "");
    BOOST_TEST(settings.LoadClinicDetails().logo_path.empty());
}

MYODESK_DB_TEST(the_open_database_is_protected_from_outputs) {
    auto database = test_db.Open();
    const auto protected_files = services::ProtectedOutputFiles(database);
    if (test_db.GetBackend() == db::Backend::kPostgresql) {
        BOOST_TEST(protected_files.empty());  // no file here to protect
        return;
    }
    const std::string path = test_db.Location();
    BOOST_TEST_REQUIRE(protected_files.size() == 4u);
    BOOST_TEST(protected_files[0] == fs::path(path));
    BOOST_TEST(protected_files[1] == fs::path(path + "-wal"));
    BOOST_TEST(protected_files[2] == fs::path(path + "-shm"));
    BOOST_TEST(protected_files[3] == fs::path(path + "-journal"));
    try {
        reports::AtomicOutputFile file(path, protected_files);
        BOOST_FAIL("the open database was accepted as an output");
    } catch (const reports::OutputRefusedError& error) {
        BOOST_TEST((error.Refusal() == reports::OutputRefusal::kProtectedFile));
    }
}

MYODESK_DB_TEST(a_plan_starts_within_a_year_of_today) {
    auto database = test_db.Open();
    services::Context context(database, services::Clock::FixedOn(kToday));
    const auto client = test::plan_setup::AddClient(database, "Ann");
    services::PlanService plans(context);
    for (const int days : {-365, 365, 3000000}) {
        BOOST_CHECK_THROW(plans.Generate(client, core::AddDays(kToday, days)), services::RuleError);
    }
    BOOST_TEST(!plans.Current(client).has_value());
    BOOST_TEST((plans.Generate(client, core::AddDays(kToday, 364)).plan.from ==
                core::AddDays(kToday, 364)));
    BOOST_TEST((plans.Generate(client, core::AddDays(kToday, -364)).plan.from ==
                core::AddDays(kToday, -364)));
}

BOOST_AUTO_TEST_SUITE_END()
