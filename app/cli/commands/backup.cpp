// backup create|list|verify: copies of a SQLite practice (docs/backups.md).
#include "command_declaration.h"

#include <myodesk/services/backup_service.h>

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
    auto& command = AddCommand(
        group, "create",
        "Back up the practice now: a verified copy and its manifest; prints the file. Older "
        "backups in the practice's own folder are thinned (7 daily, 4 weekly, 12 monthly).",
        [&context, folder] {
            services::BackupService backups(context.Services());
            const services::BackupMade made = backups.Create(FolderOf(*folder));
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
                    fmt::print(context.Out(), "{:<19}  {:>10}  {:>8}  {:>8}  {} (no manifest)\n",
                               "?", file.bytes, "?", "?", file.path.string());
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
            const db::BackupManifest manifest =
                services::BackupService(context.Services()).Verify(*file);
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
    command.add_option("FILE", *file, "the backup (.sqlite, its manifest beside it)")->required();
}

}  // namespace

void AddBackupCommands(CLI::App& app, CommandContext& context) {
    auto& group = AddGroup(app, "backup", "Copies of the practice that can be restored.");
    AddCreate(group, context);
    AddList(group, context);
    AddVerify(group, context);
}

}  // namespace myodesk::app
