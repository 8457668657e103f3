#include <myodesk/core/backup_retention.h>

#include <algorithm>
#include <functional>
#include <numeric>
#include <set>

namespace myodesk::core {

namespace {

// Days since 1970-01-01 of the Monday that starts the date's week.
int WeekOf(const Date& date) {
    return static_cast<int>(std::chrono::sys_days(date).time_since_epoch().count()) -
           IsoWeekdayIndex(date);
}

int MonthOf(const Date& date) {
    return static_cast<int>(date.year()) * 12 + static_cast<int>(unsigned(date.month()));
}

int DayOf(const Date& date) {
    return static_cast<int>(std::chrono::sys_days(date).time_since_epoch().count());
}

// Walking from newest to oldest, keeps the first backup of each new period until `count`
// periods have one.
void KeepNewestOfEachPeriod(const std::vector<BackupAge>& backups,
                            const std::vector<std::size_t>& newest_first, int count,
                            const std::function<int(const Date&)>& period_of,
                            std::vector<bool>& keep) {
    std::set<int> periods;
    for (const std::size_t index : newest_first) {
        if (static_cast<int>(periods.size()) >= count) {
            return;
        }
        if (periods.insert(period_of(backups[index].date)).second) {
            keep[index] = true;
        }
    }
}

}  // namespace

std::vector<bool> BackupsToKeep(const std::vector<BackupAge>& backups,
                                const RetentionPolicy& policy) {
    std::vector<bool> keep(backups.size(), false);
    if (backups.empty()) {
        return keep;
    }
    std::vector<std::size_t> newest_first(backups.size());
    std::iota(newest_first.begin(), newest_first.end(), std::size_t{0});
    std::stable_sort(
        newest_first.begin(), newest_first.end(),
        [&backups](std::size_t a, std::size_t b) { return backups[a].order > backups[b].order; });
    keep[newest_first.front()] = true;
    KeepNewestOfEachPeriod(backups, newest_first, policy.daily, DayOf, keep);
    KeepNewestOfEachPeriod(backups, newest_first, policy.weekly, WeekOf, keep);
    KeepNewestOfEachPeriod(backups, newest_first, policy.monthly, MonthOf, keep);
    return keep;
}

}  // namespace myodesk::core
