#include "guard.h"
#include "one_call_statement.h"
#include "soci_session.h"

#include <myodesk/core/text.h>
#include <myodesk/db/clinic_settings_repository.h>
#include <myodesk/db/errors.h>

#include <fmt/format.h>
#include <soci/soci.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <map>
#include <type_traits>

namespace myodesk::db {

namespace {

// Each setting: its key in clinic_settings and the values a clinic may choose.
template <typename Settings, typename Value>
struct SettingKey {
    const char* key;
    Value Settings::*member;
    Value minimum;
    Value maximum;
};

using ScreeningKey = SettingKey<core::ScreeningSettings, int>;
using PlanKey = SettingKey<core::PlanSettings, int>;
using PlanPercentKey = SettingKey<core::PlanSettings, double>;

constexpr std::array<ScreeningKey, 5> kScreeningKeys{{
    {"screening.recent_surgery_days", &core::ScreeningSettings::recent_surgery_days, 1, 365},
    {"screening.acute_injury_days", &core::ScreeningSettings::acute_injury_days, 1, 365},
    {"screening.fracture_days", &core::ScreeningSettings::fracture_days, 1, 365},
    {"screening.first_trimester_weeks", &core::ScreeningSettings::first_trimester_weeks, 1, 42},
    // 9-10 on the pressure scale is never planned.
    {"screening.modify_pressure_cap", &core::ScreeningSettings::modify_pressure_cap, 1, 8},
}};

// The ranges are what the rules can still make sense of, wider than DOMAIN.md's defaults so a
// clinic can follow its own practice; pressures stop at 8 (9-10 is never planned).
using P = core::PlanSettings;
constexpr std::array<PlanKey, 25> kPlanKeys{{
    {"plan.weeks_without_race", &P::weeks_without_race, 1, 52},
    {"plan.weeks_after_race", &P::weeks_after_race, 0, 8},
    {"plan.taper_weeks", &P::taper_weeks, 0, 6},
    {"plan.peak_weeks", &P::peak_weeks, 0, 8},
    {"plan.build_weeks", &P::build_weeks, 0, 26},
    {"plan.base_interval_days", &P::base_interval_days, 7, 42},
    {"plan.recovery_after_long_run_max_days", &P::recovery_after_long_run_max_days, 1, 7},
    {"plan.no_hard_after_deep_days", &P::no_hard_after_deep_days, 1, 3},
    {"plan.last_deep_days_before_race", &P::last_deep_days_before_race, 1, 21},
    {"plan.flush_days_before_race", &P::flush_days_before_race, 1, 7},
    {"plan.post_race_light_from_day", &P::post_race_light_from_day, 1, 14},
    {"plan.post_race_deep_from_day", &P::post_race_deep_from_day, 1, 21},
    {"plan.min_duration_min", &P::min_duration_min, 15, 240},
    {"plan.max_duration_min", &P::max_duration_min, 15, 240},
    {"plan.deep_pressure_min", &P::deep_pressure_min, 1, 8},
    {"plan.light_pressure_max", &P::light_pressure_max, 1, 8},
    {"plan.lighter_pressure_max", &P::lighter_pressure_max, 1, 8},
    {"plan.max_pressure", &P::max_pressure, 1, 8},
    {"plan.spike_lookback_days", &P::spike_lookback_days, 7, 90},
    {"plan.overdue_base_days", &P::overdue_base_days, 1, 120},
    {"plan.overdue_weekly_days", &P::overdue_weekly_days, 1, 60},
    {"plan.recent_notes_days", &P::recent_notes_days, 1, 365},
    {"plan.stubborn_pain_min", &P::stubborn_pain_min, 1, 10},
    {"plan.stubborn_sessions", &P::stubborn_sessions, 1, 10},
    {"plan.max_focus_regions", &P::max_focus_regions, 1, 17},
}};

constexpr std::array<PlanPercentKey, 3> kPlanPercentKeys{{
    {"plan.spike_percent", &P::spike_percent, 0, 100},
    {"plan.weekly_jump_percent", &P::weekly_jump_percent, 0, 200},
    {"plan.cutback_percent", &P::cutback_percent, 0, 100},
}};

// The clinic's details: text settings. A one-line field refuses line breaks and other control
// characters; the address may hold '\n' between its lines.
struct TextKey {
    const char* key;
    std::string core::ClinicDetails::*member;
    std::size_t limit;
    bool multi_line;
};

using L = core::ClinicDetailsLimits;
constexpr std::array<TextKey, 5> kTextKeys{{
    {"clinic.name", &core::ClinicDetails::name, L::kName, false},
    {"clinic.address", &core::ClinicDetails::address, L::kAddress, true},
    {"clinic.phone", &core::ClinicDetails::phone, L::kPhone, false},
    {"clinic.email", &core::ClinicDetails::email, L::kEmail, false},
    {"clinic.logo", &core::ClinicDetails::logo_path, L::kLogoPath, false},
}};

// The paper the reports are laid out for: "a4" or "letter".
constexpr const char* kPaperKey = "report.paper";

const TextKey* FindTextKey(std::string_view key) {
    const auto found = std::find_if(kTextKeys.begin(), kTextKeys.end(),
                                    [&](const TextKey& text) { return key == text.key; });
    return found == kTextKeys.end() ? nullptr : &*found;
}

// Adds the problem of one text value, if it has one: the same text rule as every other field.
void CheckText(const TextKey& setting, std::string_view value, core::ValidationProblems& problems) {
    core::CheckText(problems, setting.key, value, setting.limit,
                    setting.multi_line ? core::TextLines::kMany : core::TextLines::kOne);
}

// What a stored value must look like: a whole number for whole-number settings.
template <typename Value>
constexpr std::string_view kKind = std::is_same_v<Value, int> ? "whole number" : "number";

template <typename Value>
std::string Stored(Value value) {
    return fmt::format("{}", value);  // the shortest text that reads back as the same value
}

// Every saved setting, key -> value. The table holds a few dozen rows: one query reads them
// all (one round trip on PostgreSQL instead of one per key).
using SavedSettings = std::map<std::string, std::string, std::less<>>;

// Reads each key of `keys` from `saved` into `settings`; a key never saved keeps its default.
template <typename Settings, typename Value, std::size_t N>
void LoadKeys(const SavedSettings& saved, const std::array<SettingKey<Settings, Value>, N>& keys,
              Settings& settings) {
    for (const auto& setting : keys) {
        const auto found = saved.find(setting.key);
        if (found == saved.end()) {
            continue;  // never saved: the default
        }
        const std::string& value = found->second;
        Value number{};
        const auto [end, error] =
            std::from_chars(value.data(), value.data() + value.size(), number);
        if (error != std::errc() || end != value.data() + value.size() ||
            !std::isfinite(static_cast<double>(number)) || number < setting.minimum ||
            number > setting.maximum) {
            throw DatabaseError(
                fmt::format("The clinic setting {} holds '{}', which is not a {} from {} to {}.",
                            setting.key, value, kKind<Value>, setting.minimum, setting.maximum));
        }
        settings.*setting.member = number;
    }
}

template <typename Settings, typename Value, std::size_t N>
void CheckKeys(const std::array<SettingKey<Settings, Value>, N>& keys, const Settings& settings,
               core::ValidationProblems& problems) {
    for (const auto& setting : keys) {
        const Value number = settings.*setting.member;
        if (!(number >= setting.minimum && number <= setting.maximum)) {
            problems.push_back({setting.key, core::ProblemCode::kOutOfRange, 0,
                                static_cast<double>(setting.minimum),
                                static_cast<double>(setting.maximum)});
        }
    }
}

template <typename Settings, typename Value, std::size_t N>
void WriteKeys(soci::statement& statement, std::string& key, std::string& value,
               const std::array<SettingKey<Settings, Value>, N>& keys, const Settings& settings) {
    for (const auto& setting : keys) {
        key = setting.key;
        value = Stored(settings.*setting.member);
        statement.execute(true);
    }
}

SavedSettings ReadSettings(Database& database) {
    SavedSettings saved;
    std::string key, value;
    soci::statement statement =
        detail::OneCallStatement(SociSession(database), "SELECT key, value FROM clinic_settings",
                                 soci::into(key), soci::into(value));
    statement.execute(false);
    while (statement.fetch()) {
        saved.emplace(key, value);
    }
    return saved;
}

// Runs `write(statement, key, value)` with one prepared upsert, in one transaction.
template <typename Write>
void WriteSettings(Database& database, Write&& write) {
    Transaction transaction(database);
    std::string key, value;
    soci::statement statement =
        (SociSession(database).prepare << "INSERT INTO clinic_settings (key, value) VALUES (:key, "
                                          ":value) ON CONFLICT (key) DO UPDATE SET value = "
                                          "excluded.value",
         soci::use(key, "key"), soci::use(value, "value"));
    write(statement, key, value);
    transaction.Commit();
}

}  // namespace

ClinicSettingsRepository::ClinicSettingsRepository(Database& database) : m_database(database) {}

core::ScreeningSettings ClinicSettingsRepository::LoadScreening() {
    return Guard("read the clinic settings", [&] {
        core::ScreeningSettings settings;
        LoadKeys(ReadSettings(m_database), kScreeningKeys, settings);
        return settings;
    });
}

void ClinicSettingsRepository::SaveScreening(const core::ScreeningSettings& settings) {
    core::ValidationProblems problems;
    CheckKeys(kScreeningKeys, settings, problems);
    if (!problems.empty()) {
        throw ValidationError(std::move(problems));
    }
    Guard("save the clinic settings", [&] {
        WriteSettings(m_database,
                      [&](soci::statement& statement, std::string& key, std::string& value) {
                          WriteKeys(statement, key, value, kScreeningKeys, settings);
                      });
    });
}

core::PlanSettings ClinicSettingsRepository::LoadPlan() {
    return Guard("read the plan settings", [&] {
        core::PlanSettings settings;
        const SavedSettings saved = ReadSettings(m_database);
        LoadKeys(saved, kPlanKeys, settings);
        LoadKeys(saved, kPlanPercentKeys, settings);
        return settings;
    });
}

void ClinicSettingsRepository::SavePlan(const core::PlanSettings& settings) {
    core::ValidationProblems problems;
    CheckKeys(kPlanKeys, settings, problems);
    CheckKeys(kPlanPercentKeys, settings, problems);
    if (settings.min_duration_min > settings.max_duration_min) {
        // The longest session may not be shorter than the shortest.
        problems.push_back({"plan.max_duration_min", core::ProblemCode::kOutOfRange, 0,
                            static_cast<double>(settings.min_duration_min), 240});
    }
    if (!problems.empty()) {
        throw ValidationError(std::move(problems));
    }
    Guard("save the plan settings", [&] {
        WriteSettings(m_database,
                      [&](soci::statement& statement, std::string& key, std::string& value) {
                          WriteKeys(statement, key, value, kPlanKeys, settings);
                          WriteKeys(statement, key, value, kPlanPercentKeys, settings);
                      });
    });
}

core::ClinicDetails ClinicSettingsRepository::LoadClinicDetails() {
    return Guard("read the clinic details", [&] {
        core::ClinicDetails details;
        const SavedSettings saved = ReadSettings(m_database);
        for (const auto& setting : kTextKeys) {
            if (const auto found = saved.find(setting.key); found != saved.end()) {
                details.*setting.member = found->second;
            }
        }
        if (const auto found = saved.find(kPaperKey); found != saved.end()) {
            const auto paper = core::PaperSizeFromCode(found->second);
            if (!paper) {
                throw DatabaseError(
                    fmt::format("The clinic setting {} holds '{}', which is not a4 or letter.",
                                kPaperKey, found->second));
            }
            details.paper = *paper;
        }
        return details;
    });
}

void ClinicSettingsRepository::SaveClinicDetails(const core::ClinicDetails& details) {
    core::ValidationProblems problems;
    for (const auto& setting : kTextKeys) {
        CheckText(setting, details.*setting.member, problems);
    }
    if (!problems.empty()) {
        throw ValidationError(std::move(problems));
    }
    Guard("save the clinic details", [&] {
        WriteSettings(m_database,
                      [&](soci::statement& statement, std::string& key, std::string& value) {
                          for (const auto& setting : kTextKeys) {
                              key = setting.key;
                              value = details.*setting.member;
                              statement.execute(true);
                          }
                          key = kPaperKey;
                          value = std::string(core::ToCode(details.paper));
                          statement.execute(true);
                      });
    });
}

namespace {

template <typename Settings, typename Value, std::size_t N>
void ListKeys(const std::array<SettingKey<Settings, Value>, N>& keys, const Settings& current,
              std::vector<ClinicSetting>& list) {
    const Settings defaults{};
    for (const auto& setting : keys) {
        list.push_back({setting.key, Stored(current.*setting.member),
                        Stored(defaults.*setting.member), static_cast<double>(setting.minimum),
                        static_cast<double>(setting.maximum), std::is_same_v<Value, int>});
    }
}

// Parses `text` into the member of `key` in `settings`; false when `key` is not in `keys`.
template <typename Settings, typename Value, std::size_t N>
bool ParseKey(const std::array<SettingKey<Settings, Value>, N>& keys, std::string_view key,
              std::string_view text, Settings& settings) {
    for (const auto& setting : keys) {
        if (key != setting.key) {
            continue;
        }
        Value number{};
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
        if (text.empty() || error != std::errc() || end != text.data() + text.size() ||
            !std::isfinite(static_cast<double>(number))) {
            throw ValidationError({{std::string(key), core::ProblemCode::kWrongType}});
        }
        settings.*setting.member = number;
        return true;
    }
    return false;
}

}  // namespace

std::vector<ClinicSetting> ClinicSettingsRepository::List() {
    std::vector<ClinicSetting> list;
    const core::ClinicDetails details = LoadClinicDetails();
    for (const auto& setting : kTextKeys) {
        ClinicSetting text{setting.key, details.*setting.member, "", 0, 0, false};
        text.is_text = true;
        list.push_back(std::move(text));
    }
    ClinicSetting paper{kPaperKey,
                        std::string(core::ToCode(details.paper)),
                        std::string(core::ToCode(core::ClinicDetails{}.paper)),
                        0,
                        0,
                        false};
    paper.is_text = true;
    list.push_back(std::move(paper));
    ListKeys(kScreeningKeys, LoadScreening(), list);
    const core::PlanSettings plan = LoadPlan();
    ListKeys(kPlanKeys, plan, list);
    ListKeys(kPlanPercentKeys, plan, list);
    return list;
}

void ClinicSettingsRepository::Set(std::string_view key, std::string_view value) {
    // A text setting is written alone, so a desk changing the phone does not write back the
    // name another desk has just changed.
    const auto write_one = [&](std::string_view stored) {
        Guard("save the clinic details", [&] {
            WriteSettings(m_database, [&](soci::statement& statement, std::string& key_column,
                                          std::string& value_column) {
                key_column = std::string(key);
                value_column = std::string(stored);
                statement.execute(true);
            });
        });
    };
    if (const TextKey* text = FindTextKey(key)) {
        core::ValidationProblems problems;
        CheckText(*text, value, problems);
        if (!problems.empty()) {
            throw ValidationError(std::move(problems));
        }
        write_one(value);
        return;
    }
    if (key == kPaperKey) {
        if (!core::PaperSizeFromCode(value)) {
            throw ValidationError({{std::string(key), core::ProblemCode::kUnknownCode}});
        }
        write_one(value);
        return;
    }
    core::ScreeningSettings screening = LoadScreening();
    if (ParseKey(kScreeningKeys, key, value, screening)) {
        SaveScreening(screening);
        return;
    }
    core::PlanSettings plan = LoadPlan();
    if (ParseKey(kPlanKeys, key, value, plan) || ParseKey(kPlanPercentKeys, key, value, plan)) {
        SavePlan(plan);
        return;
    }
    throw ValidationError({{std::string(key), core::ProblemCode::kUnknownCode}});
}

}  // namespace myodesk::db
