#include "owner_login.h"
#include "private_folder.h"

#include <myodesk/db/clinic_settings_repository.h>
#include <myodesk/db/clock.h>
#include <myodesk/db/connection_string.h>
#include <myodesk/db/default_location.h>
#include <myodesk/db/postgresql_dump.h>
#include <myodesk/db/server_accounts.h>
#include <myodesk/services/account_service.h>
#include <myodesk/services/backup_service.h>
#include <myodesk/services/errors.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <regex>
#include <system_error>

namespace myodesk::services {

namespace {

namespace fs = std::filesystem;
using detail::MakeFolder;
using detail::WorkFolder;

// A server's backup sealed with a passphrase.
constexpr std::string_view kEncryptedDumpExtension = ".pgdump.encrypted";

bool IsEncryptedName(const std::string& name) {
    return name.ends_with(db::kEncryptedExtension) || name.ends_with(kEncryptedDumpExtension);
}

bool IsBackupName(const std::string& name) {
    return !name.starts_with(".") && (name.ends_with(db::kBackupExtension) ||
                                      name.ends_with(db::kDumpExtension) || IsEncryptedName(name));
}

// "2026-12-07T18:30:05" from a name MyoDesk gave a backup ("…-2026-12-07-183005.sqlite…",
// "-2" after it when two share a second); empty for any other name.
std::string StampInName(const std::string& name) {
    static const std::regex stamp(
        R"(-(\d{4}-\d{2}-\d{2})-(\d{2})(\d{2})(\d{2})(-\d+)?\.(sqlite|pgdump))");
    std::smatch found;
    if (!std::regex_search(name, found, stamp)) {
        return {};
    }
    return fmt::format("{}T{}:{}:{}", found[1].str(), found[2].str(), found[3].str(),
                       found[4].str());
}

// The backup as a plain file: itself, or opened with the passphrase into `work`.
fs::path Plain(const fs::path& backup, const Passphrase& passphrase,
               std::optional<WorkFolder>& work, const fs::path& work_beside) {
    if (!db::IsEncryptedBackup(backup)) {
        return backup;
    }
    if (!passphrase) {
        throw RuleError(fmt::format("{} is encrypted: its passphrase is needed.", backup.string()));
    }
    work.emplace(work_beside);
    const fs::path plain = work->Path() / "backup.plain";
    db::DecryptBackup(backup, *passphrase, plain);
    return plain;
}

// What a restore over the practice keeps of it: never thinned away.
constexpr std::string_view kSafetyCopyMark = "-before-restore-";

bool IsSafetyCopy(const fs::path& path) {
    return path.filename().string().find(kSafetyCopyMark) != std::string::npos;
}

// "2026-12-07 18:30:05" → "2026-12-07-183005": the desk's wall clock, nobody's name.
std::string FileStamp(TimePoint now) {
    std::string stamp = db::LocalDateTime(db::UtcTimestamp(now));
    std::replace(stamp.begin(), stamp.end(), ' ', '-');
    std::erase(stamp, ':');
    return stamp;
}

// "<folder>/<stem><middle><stamp><extension>", "-2", "-3"… before the extension when the
// name or its encrypted one is taken (two in one second).
fs::path FreeName(const fs::path& folder, const std::string& stem, std::string_view middle,
                  const std::string& stamp, std::string_view extension = db::kBackupExtension) {
    const auto taken = [](const fs::path& path) {
        return fs::exists(path) || fs::exists(path.string() + ".encrypted");
    };
    fs::path target = folder / fmt::format("{}{}{}{}", stem, middle, stamp, extension);
    for (int n = 2; taken(target); ++n) {
        target = folder / fmt::format("{}{}{}-{}{}", stem, middle, stamp, n, extension);
    }
    return target;
}

bool OnServer(db::Database& database) {
    return database.Target().backend == db::Backend::kPostgresql;
}

// A server backup's plain copy is checked as a dump, any other as a SQLite file.
db::BackupManifest VerifyPlain(const fs::path& plain) {
    return db::IsPostgresqlDump(plain) ? db::VerifyPostgresqlDump(plain)
                                       : db::VerifySqliteBackup(plain);
}

// Where a server backup is opened when it is encrypted: the desk's own data folder.
fs::path DataFolder() {
    return fs::path(db::DefaultDatabasePath()).parent_path();
}

fs::path BackupsFolderBeside(const fs::path& database) {
    const fs::path folder = database.parent_path().empty() ? fs::path(".") : database.parent_path();
    return folder / "backups";
}

// "2026-12-07T18:30:05": its date and an order (seconds of that wall clock).
std::optional<core::BackupAge> AgeOf(const std::string& created_local) {
    if (created_local.size() != 19) {
        return std::nullopt;
    }
    const std::optional<core::Date> date = core::ParseIsoDate(created_local.substr(0, 10));
    if (!date) {
        return std::nullopt;
    }
    int hour = 0;
    int minute = 0;
    int second = 0;
    if (std::sscanf(created_local.c_str() + 11, "%2d:%2d:%2d", &hour, &minute, &second) != 3) {
        return std::nullopt;
    }
    const auto days = std::chrono::sys_days(*date).time_since_epoch().count();
    return core::BackupAge{
        *date, static_cast<std::int64_t>(days) * 86400 + hour * 3600 + minute * 60 + second};
}

}  // namespace

BackupService::BackupService(Context& context) : m_context(context) {}

fs::path BackupService::PracticeFolder() const {
    if (OnServer(m_context.Database())) {
        // A server's practice has no file to be beside: the desk's own data folder, one
        // folder per database (its name is the server's, never a client's).
        return DataFolder() / "server-backups" / db::ServerDatabaseName(m_context.Database());
    }
    return BackupsFolderBeside(m_context.Database().Target().sqlite_path);
}

void BackupService::RequireWholeDump() const {
    // A backup holds every private note: on a server only the owner's login reads them all
    // (a manager's would make a backup without the others' private notes).
    if (OnServer(m_context.Database()) && !m_context.IsOwnerAtDesk()) {
        throw NotAllowedError(core::Right::kBackUp, m_context.Desk().staff->role,
                              "a server's backup holds every private note: the owner makes it");
    }
}

BackupMade BackupService::Create(const std::optional<fs::path>& folder,
                                 const db::BackupProgress& progress,
                                 const core::RetentionPolicy& policy,
                                 const Passphrase& passphrase) {
    m_context.Require(core::Right::kBackUp);
    RequireWholeDump();
    if (passphrase && passphrase->size() < db::kMinPassphraseLength) {
        throw RuleError(fmt::format("The passphrase must have at least {} characters.",
                                    db::kMinPassphraseLength));
    }
    const fs::path into = folder.value_or(PracticeFolder());
    BackupMade made = CreateIn(into, progress, false, passphrase);
    std::error_code same_error;
    if (!passphrase && fs::equivalent(into, PracticeFolder(), same_error)) {
        made.thinned = ThinKeeping(into, policy, made.path);
    }
    return made;
}

core::BackupSettings BackupService::Settings() const {
    return db::ClinicSettingsRepository(m_context.Database()).LoadBackup();
}

fs::path BackupService::AutomaticFolder() const {
    const core::BackupSettings settings = Settings();
    return settings.folder.empty() ? PracticeFolder() : fs::path(settings.folder);
}

std::optional<BackupMade> BackupService::CreateAutomatic(const db::BackupProgress& progress) {
    const core::BackupSettings settings = Settings();
    if (settings.automatic == 0 || m_context.Database().Target().backend != db::Backend::kSqlite) {
        return std::nullopt;
    }
    const fs::path into = AutomaticFolder();
    BackupMade made = CreateIn(into, progress, true);
    made.thinned = ThinKeeping(into, settings.Policy(), made.path);
    return made;
}

BackupStatus BackupService::Status() const {
    BackupStatus status;
    const core::BackupSettings settings = Settings();
    status.automatic =
        settings.automatic != 0 && m_context.Database().Target().backend == db::Backend::kSqlite;
    if (m_context.Database().Target().backend != db::Backend::kSqlite) {
        return status;
    }
    for (BackupFile& file : ListIn(AutomaticFolder())) {
        if (file.manifest && !IsSafetyCopy(file.path)) {
            status.newest = std::move(file.manifest);
            break;  // newest first
        }
    }
    const auto made = status.newest ? db::ParseUtcTimestamp(status.newest->created_at)
                                    : std::optional<TimePoint>();
    status.overdue = !made || m_context.GetClock().Now() - *made >
                                  std::chrono::hours(24) * settings.warn_after_days;
    return status;
}

bool BackupService::DailyDue() const {
    const BackupStatus status = Status();
    if (!status.automatic) {
        return false;
    }
    const auto made = status.newest ? db::ParseUtcTimestamp(status.newest->created_at)
                                    : std::optional<TimePoint>();
    return !made || m_context.GetClock().Now() - *made >= std::chrono::hours(24);
}

BackupMade BackupService::CreateIn(const fs::path& into, const db::BackupProgress& progress,
                                   bool automatic, const Passphrase& passphrase) {
    MakeFolder(into);
    const TimePoint now = m_context.GetClock().Now();
    db::Database& database = m_context.Database();
    const bool server = OnServer(database);
    const std::string stem = server ? db::ServerDatabaseName(database)
                                    : fs::path(database.Target().sqlite_path).stem().string();
    const std::string_view extension = server ? db::kDumpExtension : db::kBackupExtension;
    const auto write = [&](const fs::path& target) {
        return server ? db::WritePostgresqlDump(database, target, now, progress)
                      : db::WriteSqliteBackup(database, target, now, progress);
    };
    BackupMade made;
    if (passphrase) {
        // The plain copy only ever in a private folder beside the database (a server's: in the
        // desk's data folder), never on the stick.
        const WorkFolder work(server ? DataFolder() : PracticeFolder());
        const fs::path plain = work.Path() / fmt::format("backup{}", extension);
        made.manifest = write(plain);
        made.path = FreeName(into, stem, "-", FileStamp(now), extension);
        made.path += ".encrypted";
        db::EncryptBackup(plain, made.path, *passphrase);
    } else {
        made.path = FreeName(into, stem, "-", FileStamp(now), extension);
        made.manifest = write(made.path);
    }
    const fs::path& target = made.path;
    nlohmann::ordered_json detail = {{"file", target.filename().string()},
                                     {"bytes", made.manifest.bytes}};
    if (automatic) {
        detail["automatic"] = true;
    }
    if (passphrase) {
        detail["encrypted"] = true;
    }
    m_context.Audit("backup.create", std::nullopt, "backup", std::nullopt, detail.dump());
    return made;
}

std::vector<BackupFile> BackupService::List(const std::optional<fs::path>& folder) const {
    m_context.Require(core::Right::kBackUp);
    return ListIn(folder.value_or(PracticeFolder()));
}

fs::path BackupService::FolderBeside(const fs::path& database) {
    return BackupsFolderBeside(database);
}

std::vector<BackupFile> BackupService::ListIn(const fs::path& from) {
    std::vector<BackupFile> found;
    std::error_code error;
    if (!fs::is_directory(from, error)) {
        return found;
    }
    for (const auto& entry : fs::directory_iterator(from, error)) {
        const std::string name = entry.path().filename().string();
        if (!IsBackupName(name) || !entry.is_regular_file(error)) {
            continue;
        }
        BackupFile file;
        file.path = entry.path();
        file.bytes = entry.file_size(error);
        file.encrypted = IsEncryptedName(name);
        if (!file.encrypted) {
            file.manifest = db::ReadBackupManifest(entry.path());
        }
        file.made_local = file.manifest ? file.manifest->created_local : StampInName(name);
        found.push_back(std::move(file));
    }
    // Newest first by the desk's clock they were made at; those with no date last, by name.
    std::sort(found.begin(), found.end(), [](const BackupFile& a, const BackupFile& b) {
        return a.made_local != b.made_local ? a.made_local > b.made_local
                                            : a.path.filename() > b.path.filename();
    });
    return found;
}

db::BackupManifest BackupService::Verify(const fs::path& backup,
                                         const Passphrase& passphrase) const {
    m_context.Require(core::Right::kBackUp);
    std::optional<WorkFolder> work;
    return VerifyPlain(Plain(backup, passphrase, work, WorkBeside()));
}

fs::path BackupService::WorkBeside() const {
    return OnServer(m_context.Database()) ? DataFolder() : PracticeFolder();
}

bool BackupService::IsServerBackup(const fs::path& backup) {
    const std::string name = backup.filename().string();
    return name.ends_with(db::kDumpExtension) || name.ends_with(kEncryptedDumpExtension) ||
           db::IsPostgresqlDump(backup);
}

std::optional<std::string> BackupService::OwnerLoginNeeded(const fs::path& backup,
                                                           const std::string& location,
                                                           const Passphrase& passphrase) {
    std::optional<WorkFolder> work;
    const fs::path plain = Plain(backup, passphrase, work, DataFolder());
    const std::optional<std::string> owner = db::DumpOwnerUsername(plain);
    if (!owner) {
        return std::nullopt;
    }
    db::Database target = db::OpenDatabase(location, db::OpenOptions{false, std::nullopt});
    if (db::ServerAccounts(target).LoginExists(*owner)) {
        return std::nullopt;
    }
    return owner;
}

RestoreDone BackupService::RestoreDumpInto(const fs::path& backup, const std::string& location,
                                           const Passphrase& passphrase,
                                           const std::optional<std::string>& owner_password) {
    if (db::ParseConnectionString(location).backend != db::Backend::kPostgresql) {
        throw RuleError(
            "A PostgreSQL practice's backup is restored into an empty PostgreSQL database; to "
            "have it in a SQLite file, restore it on a server, then `db copy` it.");
    }
    if (owner_password) {
        CheckNewPassword(*owner_password);
    }
    std::optional<WorkFolder> work;
    const fs::path plain = Plain(backup, passphrase, work, DataFolder());
    if (!db::IsPostgresqlDump(plain)) {
        throw RuleError(fmt::format(
            "{} is a SQLite practice's backup: it is restored to a SQLite file (--to FILE), "
            "then `db copy --to` the server.",
            backup.string()));
    }
    // Before anything is written: the owner's login, when the server needs one made.
    if (const auto owner = OwnerLoginNeeded(plain, location, {}); owner && !owner_password) {
        throw RuleError(fmt::format(
            "The practice's owner ({}) has no login on this server and passwords are never in a "
            "backup: the owner's new password is needed. Nothing was restored.",
            *owner));
    }
    RestoreDone done;
    done.backup = backup;
    try {
        done.manifest = db::RestorePostgresqlDump(plain, location);
    } catch (const db::DatabaseNotEmptyError& error) {
        throw RuleError(error.what());
    }
    db::Database restored = db::OpenDatabase(location);
    done.database = restored.Location();
    detail::GiveServerLogins(restored, owner_password);
    return done;
}

RestoreDone BackupService::RestoreToServer(const fs::path& backup, const std::string& location,
                                           const Passphrase& passphrase,
                                           const std::optional<std::string>& owner_password) {
    m_context.Require(core::Right::kBackUp);
    RestoreDone done = RestoreDumpInto(backup, location, passphrase, owner_password);
    m_context.Audit("backup.restore", std::nullopt, "backup", std::nullopt,
                    nlohmann::ordered_json{{"file", backup.filename().string()},
                                           {"made", done.manifest.created_local},
                                           {"to", "server"}}
                        .dump());
    return done;
}

RestoreDone BackupService::RestoreToNewFile(const fs::path& backup, const fs::path& new_database,
                                            const Passphrase& passphrase) {
    m_context.Require(core::Right::kBackUp);
    if (db::ParseConnectionString(new_database.string()).backend != db::Backend::kSqlite) {
        throw RuleError(
            "A SQLite practice's backup is restored to a SQLite file; `db copy --to` then moves "
            "it to a server.");
    }
    if (IsServerBackup(backup)) {
        throw RuleError(fmt::format(
            "{} is a PostgreSQL practice's backup: it is restored into an empty PostgreSQL "
            "database (--to postgresql://…).",
            backup.string()));
    }
    if (fs::exists(new_database)) {
        throw RuleError(fmt::format(
            "{} already exists: a backup is restored to a new file, never over another one.",
            new_database.string()));
    }
    RestoreDone done;
    done.backup = backup;
    done.database = new_database;
    std::optional<WorkFolder> work;
    done.manifest =
        db::RestoreSqliteBackupTo(Plain(backup, passphrase, work, WorkBeside()), new_database);
    m_context.Audit("backup.restore", std::nullopt, "backup", std::nullopt,
                    nlohmann::ordered_json{{"file", backup.filename().string()},
                                           {"made", done.manifest.created_local},
                                           {"to", new_database.filename().string()}}
                        .dump());
    return done;
}

db::BackupManifest BackupService::CheckRestoreOver(const fs::path& backup,
                                                   const Passphrase& passphrase) const {
    m_context.Require(core::Right::kBackUp);
    if (m_context.Database().Target().backend != db::Backend::kSqlite) {
        throw RuleError(
            "This practice is on a PostgreSQL server: a backup is never restored over it. "
            "Restore it into a new, empty database (backup restore FILE --to postgresql://…), "
            "then use that one.");
    }
    const fs::path database(m_context.Database().Target().sqlite_path);
    if (db::OpenElsewhere(database)) {
        throw db::DatabaseInUseError(fmt::format(
            "{} is open at another desk (or in another program): close MyoDesk there, then "
            "restore again. Nothing was changed.",
            database.string()));
    }
    std::optional<WorkFolder> work;
    return db::VerifySqliteBackup(Plain(backup, passphrase, work, PracticeFolder()));
}

RestoreDone BackupService::RestoreOverPractice(const fs::path& backup, const fs::path& database,
                                               TimePoint now, const Passphrase& passphrase) {
    const fs::path folder = BackupsFolderBeside(database);
    MakeFolder(folder);
    RestoreDone done;
    done.backup = backup;
    done.database = database;
    if (fs::exists(database)) {
        done.safety_copy =
            FreeName(folder, database.stem().string(), kSafetyCopyMark, FileStamp(now));
    }
    std::optional<WorkFolder> work;
    done.manifest = db::RestoreSqliteBackupOver(Plain(backup, passphrase, work, folder), database,
                                                done.safety_copy, now);
    done.safety_copy_whole =
        !done.safety_copy.empty() && db::ReadBackupManifest(done.safety_copy).has_value();
    return done;
}

void BackupService::RecordRestore(Context& restored, const RestoreDone& done) {
    const nlohmann::ordered_json detail = {{"file", done.backup.filename().string()},
                                           {"made", done.manifest.created_local},
                                           {"safety_copy", done.safety_copy.filename().string()}};
    restored.Audit("backup.restore", std::nullopt, "backup", std::nullopt, detail.dump());
}

std::vector<fs::path> BackupService::Thin(const core::RetentionPolicy& policy) {
    m_context.Require(core::Right::kBackUp);
    return ThinKeeping(PracticeFolder(), policy, {});
}

std::vector<fs::path> BackupService::ThinKeeping(const fs::path& folder,
                                                 const core::RetentionPolicy& policy,
                                                 const fs::path& just_made) {
    // Only backups whose manifest says when they were made: a file MyoDesk cannot date is
    // never removed.
    std::vector<BackupFile> dated;
    std::vector<core::BackupAge> ages;
    for (BackupFile& file : ListIn(folder)) {
        if (!file.manifest || IsSafetyCopy(file.path)) {
            continue;
        }
        if (const auto age = AgeOf(file.manifest->created_local)) {
            ages.push_back(*age);
            dated.push_back(std::move(file));
        }
    }
    const std::vector<bool> keep = core::BackupsToKeep(ages, policy);
    std::vector<fs::path> removed;
    for (std::size_t i = 0; i < dated.size(); ++i) {
        if (keep[i] || dated[i].path == just_made) {
            continue;
        }
        std::error_code error;
        // The copy first: a manifest left alone is never taken for a backup.
        if (fs::remove(dated[i].path, error)) {
            fs::remove(dated[i].path.string() + std::string(db::kManifestExtension), error);
            removed.push_back(dated[i].path);
        }
    }
    return removed;
}

}  // namespace myodesk::services
