#include <myodesk/db/errors.h>
#include <myodesk/services/errors.h>
#include <myodesk/services/settings_service.h>

#include <fmt/format.h>

#include <algorithm>
#include <string>

namespace myodesk::services {

namespace {
constexpr std::string_view kLogoKey = "clinic.logo";
}  // namespace

SettingsService::SettingsService(Context& context)
    : m_context(context), m_settings(context.Database()) {}

std::vector<db::ClinicSetting> SettingsService::List() {
    m_context.RequireSignedIn();
    return m_settings.List();
}

db::ClinicSetting SettingsService::Set(std::string_view key, std::string_view value) {
    m_context.Require(core::Right::kChangeSettings);
    const auto all = m_settings.List();
    const auto found = std::find_if(all.begin(), all.end(),
                                    [&](const auto& setting) { return setting.key == key; });
    if (found == all.end()) {
        throw RuleError(
            fmt::format("'{}' is not a clinic setting (settings show lists them)", key));
    }
    if (key == kLogoKey && !value.empty()) {
        CheckLogo(std::string(value));
    }
    try {
        m_settings.Set(key, value);
    } catch (const db::ValidationError& error) {
        if (error.Problems().size() == 1 &&
            error.Problems()[0].code == core::ProblemCode::kWrongType) {
            throw RuleError(fmt::format("{}: '{}' is not a {}", key, value,
                                        found->whole_number ? "whole number" : "number"));
        }
        throw;
    }
    return *found;
}

void SettingsService::CheckLogo(const std::string& path) {
    const auto logo = reports::ReadLogo(path);
    if (!logo.Ok()) {
        throw LogoRefusedError(path, logo);
    }
}

core::ClinicDetails SettingsService::LoadClinicDetails() {
    return m_settings.LoadClinicDetails();
}

void SettingsService::SaveClinicDetails(const core::ClinicDetails& details) {
    m_context.Require(core::Right::kChangeSettings);
    if (!details.logo_path.empty()) {
        CheckLogo(details.logo_path);
    }
    m_settings.SaveClinicDetails(details);
}

core::ScreeningSettings SettingsService::LoadScreening() {
    return m_settings.LoadScreening();
}

void SettingsService::SaveScreening(const core::ScreeningSettings& settings) {
    m_context.Require(core::Right::kChangeSettings);
    m_settings.SaveScreening(settings);
}

core::PlanSettings SettingsService::LoadPlan() {
    return m_settings.LoadPlan();
}

void SettingsService::SavePlan(const core::PlanSettings& settings) {
    m_context.Require(core::Right::kChangeSettings);
    m_settings.SavePlan(settings);
}

core::BackupSettings SettingsService::LoadBackup() {
    return m_settings.LoadBackup();
}

void SettingsService::SaveBackup(const core::BackupSettings& settings) {
    m_context.Require(core::Right::kBackUp);
    m_settings.SaveBackup(settings);
}

int SettingsService::LockAfterMinutes() {
    return m_settings.Load().book.lock_after_minutes;
}

}  // namespace myodesk::services
