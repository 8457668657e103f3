#include "guard.h"

#include <myodesk/db/clinic_settings_repository.h>
#include <myodesk/db/errors.h>

#include <fmt/format.h>
#include <soci/soci.h>

#include <array>
#include <charconv>

namespace myodesk::db {

namespace {

// Each screening setting: its key in clinic_settings and the values a clinic may choose.
struct ScreeningKey {
    const char* key;
    int core::ScreeningSettings::*member;
    int minimum;
    int maximum;
};

constexpr std::array<ScreeningKey, 5> kScreeningKeys{{
    {"screening.recent_surgery_days", &core::ScreeningSettings::recent_surgery_days, 1, 365},
    {"screening.acute_injury_days", &core::ScreeningSettings::acute_injury_days, 1, 365},
    {"screening.fracture_days", &core::ScreeningSettings::fracture_days, 1, 365},
    {"screening.first_trimester_weeks", &core::ScreeningSettings::first_trimester_weeks, 1, 42},
    // 9-10 on the pressure scale is never planned.
    {"screening.modify_pressure_cap", &core::ScreeningSettings::modify_pressure_cap, 1, 8},
}};

}  // namespace

ClinicSettingsRepository::ClinicSettingsRepository(Database& database) : m_database(database) {}

core::ScreeningSettings ClinicSettingsRepository::LoadScreening() {
    return Guard("read the clinic settings", [&] {
        core::ScreeningSettings settings;
        std::string key, value;
        soci::statement statement =
            (m_database.Session().prepare << "SELECT value FROM clinic_settings WHERE key = :key",
             soci::into(value), soci::use(key, "key"));
        for (const auto& setting : kScreeningKeys) {
            key = setting.key;
            if (!statement.execute(true)) {
                continue;  // never saved: the default
            }
            int number = 0;
            const auto [end, error] =
                std::from_chars(value.data(), value.data() + value.size(), number);
            if (error != std::errc() || end != value.data() + value.size() ||
                number < setting.minimum || number > setting.maximum) {
                throw DatabaseError(fmt::format(
                    "The clinic setting {} holds '{}', which is not a whole number from {} to {}.",
                    setting.key, value, setting.minimum, setting.maximum));
            }
            settings.*setting.member = number;
        }
        return settings;
    });
}

void ClinicSettingsRepository::SaveScreening(const core::ScreeningSettings& settings) {
    core::ValidationProblems problems;
    for (const auto& setting : kScreeningKeys) {
        const int number = settings.*setting.member;
        if (number < setting.minimum || number > setting.maximum) {
            problems.push_back({setting.key, core::ProblemCode::kOutOfRange, 0,
                                static_cast<double>(setting.minimum),
                                static_cast<double>(setting.maximum)});
        }
    }
    if (!problems.empty()) {
        throw ValidationError(std::move(problems));
    }
    Guard("save the clinic settings", [&] {
        Transaction transaction(m_database);
        std::string key, value;
        soci::statement statement =
            (m_database.Session().prepare
                 << "INSERT INTO clinic_settings (key, value) VALUES (:key, :value) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
             soci::use(key, "key"), soci::use(value, "value"));
        for (const auto& setting : kScreeningKeys) {
            key = setting.key;
            value = std::to_string(settings.*setting.member);
            statement.execute(true);
        }
        transaction.Commit();
    });
}

}  // namespace myodesk::db
