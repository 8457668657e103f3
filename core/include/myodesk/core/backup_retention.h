#pragma once

#include <myodesk/core/date.h>

#include <cstdint>
#include <string>
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

// The practice's automatic backups of a SQLite practice (the "backup.*" clinic settings,
// docs/backups.md): made when the app closes and at most daily while it is open.
struct BackupSettings {
    int automatic = 1;  // "backup.automatic": 1 on, 0 off
    // "backup.folder": where they go; empty for the "backups" folder beside the database.
    std::string folder;
    int keep_daily = 7;     // "backup.keep_daily"
    int keep_weekly = 4;    // "backup.keep_weekly"
    int keep_monthly = 12;  // "backup.keep_monthly"
    // "backup.warn_after_days": the status bar says so when the newest backup is older.
    int warn_after_days = 2;

    RetentionPolicy Policy() const { return {keep_daily, keep_weekly, keep_monthly}; }
    friend bool operator==(const BackupSettings&, const BackupSettings&) = default;
};

struct BackupSettingsLimits {
    static constexpr std::size_t kFolder = 1024;
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
