#pragma once

#include <myodesk/core/clinic_details.h>
#include <myodesk/core/plan.h>
#include <myodesk/core/screening.h>
#include <myodesk/db/clinic_settings_repository.h>
#include <myodesk/services/context.h>

#include <string>
#include <string_view>
#include <vector>

namespace myodesk::services {

// The clinic's settings, shared by every desk on the database: the clinic details the
// reports print, the contraindication windows and the plan generator's rules.
class SettingsService {
  public:
    explicit SettingsService(Context& context);

    // Every setting with its value, default and range, by key.
    std::vector<db::ClinicSetting> List();
    // Changes one setting by key; returns it as it was before (its kind, range). RuleError
    // for a key that is not a setting or a value of the wrong kind ("is not a whole number");
    // db::ValidationError for a value out of range; LogoRefusedError for a clinic.logo that
    // CheckLogo refuses.
    db::ClinicSetting Set(std::string_view key, std::string_view value);

    core::ClinicDetails LoadClinicDetails();
    // LogoRefusedError (nothing saved) when a logo is named and CheckLogo refuses it.
    void SaveClinicDetails(const core::ClinicDetails& details);

    // The logo a clinic may set: a regular PNG file within reports::kMaxLogoBytes and
    // reports::kMaxLogoPixels (reports::ReadLogo); LogoRefusedError naming the problem.
    static void CheckLogo(const std::string& path);
    core::ScreeningSettings LoadScreening();
    void SaveScreening(const core::ScreeningSettings& settings);
    core::PlanSettings LoadPlan();
    void SavePlan(const core::PlanSettings& settings);

    core::BackupSettings LoadBackup();
    // The owner and the manager (core::Right::kBackUp): where the practice's copies go.
    void SaveBackup(const core::BackupSettings& settings);

    // Minutes without a key press or a click before a desk with accounts locks
    // ("desk.lock_after_minutes", default 5).
    int LockAfterMinutes();

  private:
    Context& m_context;
    db::ClinicSettingsRepository m_settings;
};

}  // namespace myodesk::services
