// backup create|list|verify|restore: copies of the practice (docs/backups.md): a SQLite file's
// with SQLite's backup API, a PostgreSQL practice's with pg_dump and pg_restore.
#include "command_declaration.h"

#include <myodesk/db/encrypted_backup.h>
#include <myodesk/db/errors.h>
#include <myodesk/services/backup_service.h>
#include <myodesk/services/errors.h>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <memory>
#include <optional>
#include <string>

namespace myodesk::app {

namespace {

std::int64_t RowsOf(const db::BackupManifest& manifest, const std::string& table) {
    const auto found = manifest.rows.find(table);
    return found == manifest.rows.end() ? 0 : found->second;
}

nlohmann::ordered_json ManifestJson(const db::BackupManifest& manifest) {
    return {{"created_at", manifest.created_at},
            {"created_local", manifest.created_local},
            {"schema_version", manifest.schema_version},
            {"bytes", manifest.bytes},
            {"sha256", manifest.sha256},
            {"clients", RowsOf(manifest, "clients")},
            {"session_notes", RowsOf(manifest, "session_notes")}};
}

std::optional<std::filesystem::path> FolderOf(const std::string& text) {
    return text.empty() ? std::nullopt : std::optional<std::filesystem::path>(text);
}

void AddCreate(CLI::App& group, CommandContext& context) {
    auto folder = std::make_shared<std::string>();
    auto encrypt = std::make_shared<bool>(false);
    auto& command = AddCommand(
        group, "create",
        "Back up the practice now: a verified copy and its manifest; prints the file. Older "
        "backups in the practice's own folder are thinned (7 daily, 4 weekly, 12 monthly). A "
        "PostgreSQL practice is backed up with pg_dump (custom format, .pgdump) by its owner.",
        [&context, folder, encrypt] {
            services::BackupService backups(context.Services());
            const services::Passphrase passphrase =
                *encrypt ? services::Passphrase(context.BackupPassphrase(true)) : std::nullopt;
            const services::BackupMade made = backups.Create(FolderOf(*folder), {}, {}, passphrase);
            if (context.Json()) {
                nlohmann::ordered_json thinned = nlohmann::ordered_json::array();
                for (const auto& path : made.thinned) {
                    thinned.push_back(path.string());
                }
                nlohmann::ordered_json result = {{"file", made.path.string()}};
                result.update(ManifestJson(made.manifest));
                result["thinned"] = thinned;
                context.PrintJson(result);
                return;
            }
            fmt::print(context.Out(), "{}\n", made.path.string());
        });
    command.add_option("--to", *folder, "the folder (default: \"backups\" beside the database)")
        ->type_name("DIR");
    command.add_flag("--encrypt", *encrypt,
                     "encrypt it with a passphrase (MYODESK_BACKUP_PASSPHRASE, or typed twice): "
                     "for a USB stick or a cloud folder");
}

// The passphrase, asked only when the backup is an encrypted one.
services::Passphrase PassphraseFor(CommandContext& context, const std::string& file) {
    return db::IsEncryptedBackup(file) ? services::Passphrase(context.BackupPassphrase(false))
                                       : std::nullopt;
}

void AddList(CLI::App& group, CommandContext& context) {
    auto folder = std::make_shared<std::string>();
    auto& command =
        AddCommand(group, "list", "The backups in a folder, newest first.", [&context, folder] {
            const auto files = services::BackupService(context.Services()).List(FolderOf(*folder));
            if (context.Json()) {
                nlohmann::ordered_json list = nlohmann::ordered_json::array();
                for (const auto& file : files) {
                    nlohmann::ordered_json row = {{"file", file.path.string()},
                                                  {"bytes", file.bytes}};
                    if (file.manifest) {
                        row.update(ManifestJson(*file.manifest));
                    } else {
                        row["manifest"] = nullptr;
                    }
                    list.push_back(row);
                }
                context.PrintJson(list);
                return;
            }
            fmt::print(context.Out(), "{:<19}  {:>10}  {:>8}  {:>8}  {}\n", "Made", "Size",
                       "Clients", "Notes", "File");
            for (const auto& file : files) {
                if (file.manifest) {
                    fmt::print(context.Out(), "{:<19}  {:>10}  {:>8}  {:>8}  {}\n",
                               file.manifest->created_local, file.bytes,
                               RowsOf(*file.manifest, "clients"),
                               RowsOf(*file.manifest, "session_notes"), file.path.string());
                } else {
                    fmt::print(context.Out(), "{:<19}  {:>10}  {:>8}  {:>8}  {} ({})\n",
                               file.made_local.empty() ? "?" : file.made_local, file.bytes, "?",
                               "?", file.path.string(),
                               file.encrypted ? "encrypted" : "no manifest");
                }
            }
        });
    command.add_option("--dir", *folder, "the folder (default: \"backups\" beside the database)")
        ->type_name("DIR");
}

void AddVerify(CLI::App& group, CommandContext& context) {
    auto file = std::make_shared<std::string>();
    auto& command = AddCommand(
        group, "verify",
        "Check a backup against its manifest (checksum, SQLite's integrity check, row counts): "
        "exit 0 when whole, 3 naming what is wrong.",
        [&context, file] {
            services::BackupService backups(context.Services());
            const db::BackupManifest manifest =
                backups.Verify(*file, PassphraseFor(context, *file));
            if (context.Json()) {
                nlohmann::ordered_json result = {{"file", *file}, {"whole", true}};
                result.update(ManifestJson(manifest));
                context.PrintJson(result);
                return;
            }
            fmt::print(context.Out(),
                       "{} is whole: made {}, {} clients, {} session notes, schema version {}\n",
                       *file, manifest.created_local, RowsOf(manifest, "clients"),
                       RowsOf(manifest, "session_notes"), manifest.schema_version);
        });
    command.add_option("FILE", *file, "the backup (.sqlite or .pgdump, its manifest beside it)")
        ->required();
}

std::string RestoredText(const services::RestoreDone& done) {
    return fmt::format("Restored the backup made {} ({} clients, {} session notes) to {}",
                       done.manifest.created_local, RowsOf(done.manifest, "clients"),
                       RowsOf(done.manifest, "session_notes"), done.database.string());
}

// Over the practice --db names. When it cannot be opened at all (damaged, the reason to
// restore), nobody's rights can be read: whoever may write its file may replace it.
services::RestoreDone RestoreOverPractice(CommandContext& context, const std::string& file) {
    const db::ConnectionTarget target = context.DatabaseTarget();
    std::optional<services::DeskSession> desk;
    services::Passphrase passphrase;
    try {
        services::Context& services = context.Services();
        passphrase = PassphraseFor(context, file);
        services::BackupService(services).CheckRestoreOver(file, passphrase);
        desk = services.Desk();
    } catch (const db::DatabaseInUseError&) {
        throw;
    } catch (const db::BackupDamagedError&) {
        throw;
    } catch (const db::NotMyoDeskDatabaseError&) {
        throw;  // another program's database: never replaced
    } catch (const db::LoginRefusedError&) {
        throw;
    } catch (const db::DatabaseError& error) {
        if (target.backend != db::Backend::kSqlite) {
            throw;
        }
        fmt::print(context.Err(), "myodesk-cli: {}. Restoring the backup over it.\n", error.what());
    }
    context.CloseDatabase();
    services::RestoreDone done = services::BackupService::RestoreOverPractice(
        file, target.sqlite_path, context.GetClock().Now(), passphrase);
    services::Context& restored = context.ServicesNotSignedIn();
    if (desk) {
        restored.SetDesk(*desk);
    }
    services::BackupService::RecordRestore(restored, done);
    return done;
}

// The owner's new password, asked only when the restore makes their login on the server.
std::optional<std::string> OwnerPasswordFor(CommandContext& context, const std::string& file,
                                            const std::string& location,
                                            const services::Passphrase& passphrase) {
    if (!services::BackupService::OwnerLoginNeeded(file, location, passphrase)) {
        return std::nullopt;
    }
    return context.NewPassword();
}

// A PostgreSQL practice's backup, into the empty PostgreSQL database --to names (from the
// practice open, which needs the right), or else --db names (nothing there to need it).
services::RestoreDone RestoreServerBackup(CommandContext& context, const std::string& file,
                                          const std::string& to) {
    const services::Passphrase passphrase = PassphraseFor(context, file);
    if (!to.empty()) {
        services::BackupService backups(context.Services());
        return backups.RestoreToServer(file, to, passphrase,
                                       OwnerPasswordFor(context, file, to, passphrase));
    }
    const std::string location = context.DatabaseLocation();
    if (context.DatabaseTarget().backend != db::Backend::kPostgresql) {
        throw services::RuleError(fmt::format(
            "{} is a PostgreSQL practice's backup: name the empty PostgreSQL database to "
            "restore it into with --to postgresql://… (or --db).",
            file));
    }
    services::RestoreDone done = services::BackupService::RestoreDumpInto(
        file, location, passphrase, OwnerPasswordFor(context, file, location, passphrase));
    services::BackupService::RecordRestore(context.ServicesNotSignedIn(), done);
    return done;
}

void AddRestore(CLI::App& group, CommandContext& context) {
    auto file = std::make_shared<std::string>();
    auto to = std::make_shared<std::string>();
    auto& command = AddCommand(
        group, "restore",
        "Restore a backup, checked first: over the practice (the database as it was is kept in "
        "its backups folder; refused while another desk has it open), or with --to into a new "
        "database file. A PostgreSQL practice's backup (.pgdump) goes into an empty PostgreSQL "
        "database (--to, else --db) with pg_restore; an owner with no login on that server "
        "gets a new password (MYODESK_NEW_PASSWORD or the terminal).",
        [&context, file, to] {
            const services::RestoreDone done =
                services::BackupService::IsServerBackup(*file)
                    ? RestoreServerBackup(context, *file, *to)
                : to->empty() ? RestoreOverPractice(context, *file)
                              : services::BackupService(context.Services())
                                    .RestoreToNewFile(*file, std::filesystem::path(*to),
                                                      PassphraseFor(context, *file));
            if (context.Json()) {
                nlohmann::ordered_json result = {
                    {"file", *file},
                    {"database", done.database.string()},
                    {"safety_copy", done.safety_copy.empty()
                                        ? nlohmann::ordered_json(nullptr)
                                        : nlohmann::ordered_json(done.safety_copy.string())},
                    {"safety_copy_whole", done.safety_copy_whole}};
                result.update(ManifestJson(done.manifest));
                context.PrintJson(result);
                return;
            }
            fmt::print(context.Out(), "{}\n", RestoredText(done));
            if (!done.safety_copy.empty()) {
                fmt::print(context.Out(), "The database as it was is kept as {}{}\n",
                           done.safety_copy.string(),
                           done.safety_copy_whole ? "" : " (it fails SQLite's check)");
            }
        });
    command.add_option("FILE", *file, "the backup (.sqlite or .pgdump, its manifest beside it)")
        ->required();
    command
        .add_option("--to", *to,
                    "a new database file to restore into, not the practice (for a .pgdump: an "
                    "empty PostgreSQL database)")
        ->type_name("NEW_DATABASE");
}

}  // namespace

void AddBackupCommands(CLI::App& app, CommandContext& context) {
    auto& group = AddGroup(app, "backup", "Copies of the practice that can be restored.");
    AddCreate(group, context);
    AddList(group, context);
    AddVerify(group, context);
    AddRestore(group, context);
}

}  // namespace myodesk::app
