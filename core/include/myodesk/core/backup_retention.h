#pragma once

#include <myodesk/core/date.h>

#include <cstdint>
#include <vector>

namespace myodesk::core {

// How many automatic backups are kept (docs/backups.md, "Which backups are kept"): the newest
// backup of each of the last `daily` days that have one, of each of the last `weekly` weeks
// (Monday to Sunday) and of each of the last `monthly` calendar months. A backup may count for
// a day, its week and its month at once; the newest backup is always kept.
struct RetentionPolicy {
    int daily = 7;
    int weekly = 4;
    int monthly = 12;
};

// One backup as the thinning sees it: the clinic's local date it was made and an order among
// backups (its local time in seconds since the epoch, say): a larger `order` is newer.
struct BackupAge {
    Date date;
    std::int64_t order = 0;
};

// For each backup in `backups` (any order), whether the policy keeps it.
std::vector<bool> BackupsToKeep(const std::vector<BackupAge>& backups,
                                const RetentionPolicy& policy);

}  // namespace myodesk::core
