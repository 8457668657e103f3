// Issue 18, "Speed": a backup of the practice the write row made (100,000 clients × --scale).
//
// MyoDesk's side is services::BackupService::Create into a folder of its own (what `backup
// create --to DIR` and Back up now… do): SQLite's online backup API from one read snapshot,
// the copy switched to one file and synced, SQLite's integrity_check and every table's row
// count, the SHA-256 of the file, the manifest, the renames and the folder synced, and the
// audit row. The raw side is what the sqlite3 shell's `.backup` does: sqlite3_backup_step of
// 100 pages until done, into a new file, nothing checked or synced. The two take turns, three
// times each, on a file in the system's cache; the row gives the medians, and the ratio is the
// raw time over MyoDesk's (MyoDesk's speed as a share of the shell's). Target: ≥ 0.8×.
#include "bench.h"

#include <myodesk/services/backup_service.h>
#include <myodesk/services/context.h>

#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <sqlite3.h>
#include <stdexcept>

namespace myodesk::bench {

namespace {

namespace fs = std::filesystem;

constexpr int kRounds = 3;
constexpr double kTargetShare = 0.8;

// The sqlite3 shell's `.backup FILE`, as shell.c runs it.
void ShellBackup(const std::string& source_path, const std::string& target_path) {
    sqlite3* source = nullptr;
    sqlite3* target = nullptr;
    const auto close_both = [&] {
        sqlite3_close(target);
        sqlite3_close(source);
    };
    if (sqlite3_open_v2(source_path.c_str(), &source, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK ||
        sqlite3_open_v2(target_path.c_str(), &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                        nullptr) != SQLITE_OK) {
        close_both();
        throw std::runtime_error("cannot open the files of the raw backup");
    }
    sqlite3_backup* backup = sqlite3_backup_init(target, "main", source, "main");
    if (backup == nullptr) {
        close_both();
        throw std::runtime_error("sqlite3_backup_init failed");
    }
    int step = SQLITE_OK;
    while ((step = sqlite3_backup_step(backup, 100)) == SQLITE_OK || step == SQLITE_BUSY ||
           step == SQLITE_LOCKED) {
        if (step != SQLITE_OK) {
            sqlite3_sleep(100);
        }
    }
    sqlite3_backup_finish(backup);
    close_both();
    if (step != SQLITE_DONE) {
        throw std::runtime_error(fmt::format("the raw backup failed: {}", sqlite3_errstr(step)));
    }
}

}  // namespace

void RunBackup(BenchContext& context) {
    const std::string& practice = context.practice_path;
    const auto bytes = static_cast<std::int64_t>(fs::file_size(practice));
    const fs::path folder = fs::path(context.options.work_dir) / "backup-bench";
    std::cout << fmt::format("backing up {} ({} MB) {} times each way\n", practice,
                             bytes / (1024 * 1024), kRounds)
              << std::flush;

    db::Database database = db::OpenDatabase(practice);
    services::Context services_context(database, services::Clock::System());
    services::BackupService backups(services_context);
    Samples myodesk;
    Samples raw;
    std::int64_t clients = 0;
    for (int round = 0; round < kRounds; ++round) {
        fs::remove_all(folder);
        fs::create_directories(folder);
        const auto ours = [&] {
            const services::BackupMade made = backups.Create(folder);
            clients = made.manifest.rows.at("clients");
        };
        const auto theirs = [&] { ShellBackup(practice, (folder / "shell.sqlite").string()); };
        // Taking turns to go first: neither always finds the other's pages in the cache.
        if (round % 2 == 0) {
            myodesk.Add(TimeSeconds(ours));
            raw.Add(TimeSeconds(theirs));
        } else {
            raw.Add(TimeSeconds(theirs));
            myodesk.Add(TimeSeconds(ours));
        }
    }
    fs::remove_all(folder);
    const double share = raw.P50() / std::max(myodesk.P50(), 1e-9);
    context.table.Add(
        {fmt::format("Backup of the practice ({} clients, {} MB): backup create (copy, integrity "
                     "check, row counts, SHA-256, syncs; third column: the sqlite3 shell's "
                     ".backup, the copy alone; p50 of {})",
                     FormatCount(clients), bytes / (1024 * 1024), kRounds),
         FormatDuration(myodesk.P50()), FormatDuration(raw.P50()), fmt::format("{:.2f}x", share),
         "≥ 0.8x the shell's speed", Check(share >= kTargetShare),
         "The ratio is the shell's time over MyoDesk's: MyoDesk's speed as a share of the "
         "shell's."});
}

}  // namespace myodesk::bench
