#include <myodesk/core/backup_retention.h>

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

using namespace myodesk::core;

namespace {

Date Day(const char* iso) {
    return *ParseIsoDate(iso);
}

// The ISO dates of the backups kept.
std::vector<std::string> Kept(const std::vector<BackupAge>& backups,
                              const RetentionPolicy& policy = {}) {
    const std::vector<bool> keep = BackupsToKeep(backups, policy);
    std::vector<std::string> kept;
    for (std::size_t i = 0; i < backups.size(); ++i) {
        if (keep[i]) {
            kept.push_back(FormatIsoDate(backups[i].date));
        }
    }
    return kept;
}

// A year of 2026 with a backup at the end of every day, thinned after each as the app does.
std::vector<BackupAge> YearThinnedDaily() {
    std::vector<BackupAge> backups;
    const Date first = Day("2026-01-01");
    for (int day = 0; day < 365; ++day) {
        backups.push_back({AddDays(first, day), day});
        const std::vector<bool> keep = BackupsToKeep(backups, {});
        std::vector<BackupAge> kept;
        for (std::size_t i = 0; i < backups.size(); ++i) {
            if (keep[i]) {
                kept.push_back(backups[i]);
            }
        }
        backups = kept;
    }
    return backups;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(backup_retention)

BOOST_AUTO_TEST_CASE(a_year_of_daily_backups_keeps_7_days_4_weeks_and_12_months) {
    // 2026-12-31 is a Thursday: its week began on Monday the 28th.
    const std::vector<std::string> expected = {
        "2026-01-31", "2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31",
        "2026-06-30", "2026-07-31", "2026-08-31", "2026-09-30", "2026-10-31",
        "2026-11-30", "2026-12-13", "2026-12-20", "2026-12-25", "2026-12-26",
        "2026-12-27", "2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31"};
    BOOST_TEST(Kept(YearThinnedDaily()) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(thinning_once_at_the_end_keeps_what_daily_thinning_keeps) {
    std::vector<BackupAge> all;
    for (int day = 0; day < 365; ++day) {
        all.push_back({AddDays(Day("2026-01-01"), day), day});
    }
    BOOST_TEST(Kept(all) == Kept(YearThinnedDaily()), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_newest_backup_of_a_day_stands_for_it) {
    // Three backups on Monday (the app closed twice, then the daily one), one on Tuesday;
    // listed out of order.
    const std::vector<BackupAge> backups = {{Day("2026-12-07"), 30},
                                            {Day("2026-12-07"), 10},
                                            {Day("2026-12-08"), 40},
                                            {Day("2026-12-07"), 20}};
    const std::vector<bool> keep = BackupsToKeep(backups, {});
    BOOST_TEST(keep == (std::vector<bool>{true, false, true, false}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_policy_of_nothing_still_keeps_the_newest) {
    const std::vector<BackupAge> backups = {{Day("2026-12-01"), 1}, {Day("2026-12-02"), 2}};
    const std::vector<bool> keep = BackupsToKeep(backups, {0, 0, 0});
    BOOST_TEST(keep == (std::vector<bool>{false, true}), boost::test_tools::per_element());
    BOOST_TEST(BackupsToKeep({}, {}).empty());
}

BOOST_AUTO_TEST_CASE(gaps_count_only_days_that_have_a_backup) {
    // The practice was closed for two weeks: the last 7 days with a backup reach back over it.
    std::vector<BackupAge> backups;
    for (int day = 0; day < 5; ++day) {
        backups.push_back({AddDays(Day("2026-11-01"), day), day});
    }
    for (int day = 0; day < 3; ++day) {
        backups.push_back({AddDays(Day("2026-11-20"), day), 100 + day});
    }
    const std::vector<bool> keep = BackupsToKeep(backups, {7, 0, 0});
    BOOST_TEST(keep == (std::vector<bool>{false, true, true, true, true, true, true, true}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
