#include "guard.h"
#include "one_call_statement.h"
#include "soci_session.h"

#include <myodesk/db/clinic_settings_repository.h>
#include <myodesk/db/errors.h>

#include <fmt/format.h>
#include <soci/soci.h>

#include <algorithm>
#include <string>
#include <utility>

// The settings' keys, ranges and rules are core's (core/clinic_settings.h): this file only
// reads and writes the clinic_settings rows, one "key" = "text" row per saved setting.

namespace myodesk::db {

namespace {

using StoredRows = std::vector<std::pair<std::string, std::string>>;

// The sentence for a stored value the settings cannot hold.
std::string DamagedSetting(std::string_view key, std::string_view value) {
    const auto listed = core::ListClinicSettings({});
    const auto found =
        std::find_if(listed.begin(), listed.end(),
                     [&](const core::ClinicSetting& each) { return each.key == key; });
    if (key == "report.paper") {
        return fmt::format("The clinic setting {} holds '{}', which is not a4 or letter.", key,
                           value);
    }
    if (found == listed.end() || found->is_text) {
        return fmt::format("The clinic setting {} holds '{}', which this MyoDesk cannot use.", key,
                           value);
    }
    return fmt::format("The clinic setting {} holds '{}', which is not a {} from {} to {}.", key,
                       value, found->whole_number ? "whole number" : "number", found->minimum,
                       found->maximum);
}

// Every saved row read into the settings; rows of keys this version does not know (a newer
// version's) are left alone.
core::ClinicSettings ReadSettings(Database& database) {
    core::ClinicSettings settings;
    std::string key, value;
    soci::statement statement =
        detail::OneCallStatement(SociSession(database), "SELECT key, value FROM clinic_settings",
                                 soci::into(key), soci::into(value));
    statement.execute(false);
    while (statement.fetch()) {
        if (!core::ClinicSettingGroup(key)) {
            continue;
        }
        if (!core::ReadStoredClinicSetting(settings, key, value).empty()) {
            throw DatabaseError(DamagedSetting(key, value));
        }
    }
    return settings;
}

// Writes `rows` with one prepared upsert, in one transaction (joining the caller's).
void WriteRows(Database& database, const StoredRows& rows) {
    Transaction transaction(database);
    std::string key, value;
    soci::statement statement =
        (SociSession(database).prepare << "INSERT INTO clinic_settings (key, value) VALUES (:key, "
                                          ":value) ON CONFLICT (key) DO UPDATE SET value = "
                                          "excluded.value",
         soci::use(key, "key"), soci::use(value, "value"));
    for (const auto& [row_key, row_value] : rows) {
        key = row_key;
        value = row_value;
        statement.execute(true);
    }
    transaction.Commit();
}

void ThrowIfAny(core::ValidationProblems problems) {
    if (!problems.empty()) {
        throw ValidationError(std::move(problems));
    }
}

}  // namespace

ClinicSettingsRepository::ClinicSettingsRepository(Database& database) : m_database(database) {}

core::ClinicSettings ClinicSettingsRepository::Load() {
    return Guard("read the clinic settings", [&] { return ReadSettings(m_database); });
}

core::ScreeningSettings ClinicSettingsRepository::LoadScreening() {
    return Load().screening;
}

void ClinicSettingsRepository::SaveScreening(const core::ScreeningSettings& settings) {
    ThrowIfAny(core::CheckScreeningSettings(settings));
    Guard("save the clinic settings", [&] {
        WriteRows(m_database, core::StoredClinicSettings({{}, settings, {}, {}, {}},
                                                         core::SettingGroup::kScreening));
    });
}

core::PlanSettings ClinicSettingsRepository::LoadPlan() {
    return Guard("read the plan settings", [&] { return ReadSettings(m_database).plan; });
}

void ClinicSettingsRepository::SavePlan(const core::PlanSettings& settings) {
    ThrowIfAny(core::CheckPlanSettings(settings));
    Guard("save the plan settings", [&] {
        WriteRows(m_database, core::StoredClinicSettings({{}, {}, settings, {}, {}},
                                                         core::SettingGroup::kPlan));
    });
}

core::BackupSettings ClinicSettingsRepository::LoadBackup() {
    return Guard("read the backup settings", [&] { return ReadSettings(m_database).backup; });
}

void ClinicSettingsRepository::SaveBackup(const core::BackupSettings& settings) {
    ThrowIfAny(core::CheckBackupSettings(settings));
    core::ClinicSettings all;
    all.backup = settings;
    Guard("save the backup settings", [&] {
        WriteRows(m_database, core::StoredClinicSettings(all, core::SettingGroup::kBackup));
    });
}

core::ClinicDetails ClinicSettingsRepository::LoadClinicDetails() {
    return Guard("read the clinic details", [&] { return ReadSettings(m_database).details; });
}

void ClinicSettingsRepository::SaveClinicDetails(const core::ClinicDetails& details) {
    ThrowIfAny(core::CheckClinicDetails(details));
    Guard("save the clinic details", [&] {
        WriteRows(m_database, core::StoredClinicSettings({details, {}, {}, {}, {}},
                                                         core::SettingGroup::kClinicDetails));
    });
}

std::vector<ClinicSetting> ClinicSettingsRepository::List() {
    return core::ListClinicSettings(Load());
}

void ClinicSettingsRepository::Set(std::string_view key, std::string_view value) {
    const auto group = core::ClinicSettingGroup(key);
    if (!group) {
        throw ValidationError({{std::string(key), core::ProblemCode::kUnknownCode}});
    }
    Guard("save the clinic settings", [&] {
        // Read, check and write in one transaction: two desks setting the shortest and the
        // longest session at once cannot leave the shortest longer than the longest.
        Transaction transaction(m_database);
        core::ClinicSettings settings = ReadSettings(m_database);
        ThrowIfAny(core::SetClinicSetting(settings, key, value));
        StoredRows rows = core::StoredClinicSettings(settings, *group);
        std::erase_if(rows, [&](const auto& row) { return row.first != key; });
        WriteRows(m_database, rows);
        transaction.Commit();
    });
}

}  // namespace myodesk::db
