#include <myodesk/core/clinic_settings.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <type_traits>

namespace myodesk::core {

namespace {

// A number setting: its key and the values a clinic may choose.
template <typename Settings, typename Value>
struct NumberKey {
    const char* key;
    Value Settings::*member;
    Value minimum;
    Value maximum;
};

using ScreeningKey = NumberKey<ScreeningSettings, int>;
using PlanKey = NumberKey<PlanSettings, int>;
using PlanPercentKey = NumberKey<PlanSettings, double>;

constexpr std::array<ScreeningKey, 5> kScreeningKeys{{
    {"screening.recent_surgery_days", &ScreeningSettings::recent_surgery_days, 1, 365},
    {"screening.acute_injury_days", &ScreeningSettings::acute_injury_days, 1, 365},
    {"screening.fracture_days", &ScreeningSettings::fracture_days, 1, 365},
    {"screening.first_trimester_weeks", &ScreeningSettings::first_trimester_weeks, 1, 42},
    // 9-10 on the pressure scale is never planned.
    {"screening.modify_pressure_cap", &ScreeningSettings::modify_pressure_cap, 1, 8},
}};

// The ranges are what the rules can still make sense of, wider than DOMAIN.md's defaults so a
// clinic can follow its own practice; pressures stop at 8 (9-10 is never planned).
using P = PlanSettings;
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
    std::string ClinicDetails::*member;
    std::size_t limit;
    TextLines lines;
};

using L = ClinicDetailsLimits;
constexpr std::array<TextKey, 5> kTextKeys{{
    {"clinic.name", &ClinicDetails::name, L::kName, TextLines::kOne},
    {"clinic.address", &ClinicDetails::address, L::kAddress, TextLines::kMany},
    {"clinic.phone", &ClinicDetails::phone, L::kPhone, TextLines::kOne},
    {"clinic.email", &ClinicDetails::email, L::kEmail, TextLines::kOne},
    {"clinic.logo", &ClinicDetails::logo_path, L::kLogoPath, TextLines::kOne},
}};

using BookKey = NumberKey<BookSettings, int>;
constexpr std::array<BookKey, 2> kBookKeys{{
    {"book.notice_hours", &BookSettings::notice_hours, 0, BookSettingsLimits::kMaxNoticeHours},
    {"desk.lock_after_minutes", &BookSettings::lock_after_minutes, 1,
     BookSettingsLimits::kMaxLockAfterMinutes},
}};
using BackupKey = NumberKey<BackupSettings, int>;
constexpr std::array<BackupKey, 5> kBackupKeys{{
    {"backup.automatic", &BackupSettings::automatic, 0, 1},
    {"backup.keep_daily", &BackupSettings::keep_daily, 1, 366},
    {"backup.keep_weekly", &BackupSettings::keep_weekly, 0, 104},
    {"backup.keep_monthly", &BackupSettings::keep_monthly, 0, 240},
    {"backup.warn_after_days", &BackupSettings::warn_after_days, 1, 365},
}};
constexpr std::string_view kBackupFolderKey = "backup.folder";

constexpr std::string_view kTimeZoneKey = "book.time_zone";
constexpr std::string_view kCalendarNamesKey = "calendar.client_names";

// The paper the reports are laid out for: "a4" or "letter".
constexpr std::string_view kPaperKey = "report.paper";
// How the reports write dates: "locale", "iso" or a pattern (core::IsDateFormatSetting).
constexpr std::string_view kDateFormatKey = "report.date_format";

template <typename Key, std::size_t N>
const Key* Find(const std::array<Key, N>& keys, std::string_view key) {
    const auto found =
        std::find_if(keys.begin(), keys.end(), [&](const Key& each) { return key == each.key; });
    return found == keys.end() ? nullptr : &*found;
}

template <typename Value>
std::string Stored(Value value) {
    return fmt::format("{}", value);  // the shortest text that reads back as the same value
}

template <typename Settings, typename Value, std::size_t N>
void ListNumbers(const std::array<NumberKey<Settings, Value>, N>& keys, const Settings& current,
                 std::vector<ClinicSetting>& list) {
    const Settings defaults{};
    for (const auto& setting : keys) {
        list.push_back({setting.key, Stored(current.*setting.member),
                        Stored(defaults.*setting.member), static_cast<double>(setting.minimum),
                        static_cast<double>(setting.maximum), std::is_same_v<Value, int>, false});
    }
}

template <typename Settings, typename Value, std::size_t N>
void StoreNumbers(const std::array<NumberKey<Settings, Value>, N>& keys, const Settings& settings,
                  std::vector<std::pair<std::string, std::string>>& stored) {
    for (const auto& setting : keys) {
        stored.emplace_back(setting.key, Stored(settings.*setting.member));
    }
}

template <typename Settings, typename Value, std::size_t N>
void CheckNumbers(const std::array<NumberKey<Settings, Value>, N>& keys, const Settings& settings,
                  ValidationProblems& problems) {
    for (const auto& setting : keys) {
        const Value number = settings.*setting.member;
        if (!(number >= setting.minimum && number <= setting.maximum)) {
            problems.push_back({setting.key, ProblemCode::kOutOfRange, 0,
                                static_cast<double>(setting.minimum),
                                static_cast<double>(setting.maximum)});
        }
    }
}

// Reads `text` into the member of `setting`: the whole text must be one finite number of the
// setting's type ("3"; "12.5" only where fractions are allowed), within its range.
template <typename Settings, typename Value>
ValidationProblems ParseNumber(const NumberKey<Settings, Value>& setting, std::string_view text,
                               Settings& settings) {
    Value number{};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() ||
        !std::isfinite(static_cast<double>(number))) {
        return {{setting.key, ProblemCode::kWrongType}};
    }
    if (!(number >= setting.minimum && number <= setting.maximum)) {
        return {{setting.key, ProblemCode::kOutOfRange, 0, static_cast<double>(setting.minimum),
                 static_cast<double>(setting.maximum)}};
    }
    settings.*setting.member = number;
    return {};
}

}  // namespace

std::vector<ClinicSetting> ListClinicSettings(const ClinicSettings& settings) {
    std::vector<ClinicSetting> list;
    for (const auto& setting : kTextKeys) {
        list.push_back({setting.key, settings.details.*setting.member, "", 0, 0, false, true});
    }
    list.push_back({std::string(kPaperKey), std::string(ToCode(settings.details.paper)),
                    std::string(ToCode(ClinicDetails{}.paper)), 0, 0, false, true});
    list.push_back({std::string(kDateFormatKey), settings.details.date_format,
                    ClinicDetails{}.date_format, 0, 0, false, true});
    ListNumbers(kScreeningKeys, settings.screening, list);
    ListNumbers(kPlanKeys, settings.plan, list);
    ListNumbers(kPlanPercentKeys, settings.plan, list);
    ListNumbers(kBookKeys, settings.book, list);
    list.push_back({std::string(kTimeZoneKey), settings.book.time_zone, "", 0, 0, false, true});
    list.push_back({std::string(kCalendarNamesKey),
                    std::string(ToCode(settings.book.calendar_names)),
                    std::string(ToCode(BookSettings{}.calendar_names)), 0, 0, false, true});
    ListNumbers(kBackupKeys, settings.backup, list);
    list.push_back({std::string(kBackupFolderKey), settings.backup.folder, "", 0, 0, false, true});
    return list;
}

std::optional<SettingGroup> ClinicSettingGroup(std::string_view key) {
    if (Find(kTextKeys, key) || key == kPaperKey || key == kDateFormatKey) {
        return SettingGroup::kClinicDetails;
    }
    if (Find(kScreeningKeys, key)) {
        return SettingGroup::kScreening;
    }
    if (Find(kPlanKeys, key) || Find(kPlanPercentKeys, key)) {
        return SettingGroup::kPlan;
    }
    if (Find(kBookKeys, key) || key == kTimeZoneKey || key == kCalendarNamesKey) {
        return SettingGroup::kBook;
    }
    if (Find(kBackupKeys, key) || key == kBackupFolderKey) {
        return SettingGroup::kBackup;
    }
    return std::nullopt;
}

std::vector<std::pair<std::string, std::string>> StoredClinicSettings(
    const ClinicSettings& settings, SettingGroup group) {
    std::vector<std::pair<std::string, std::string>> stored;
    switch (group) {
        case SettingGroup::kClinicDetails:
            for (const auto& setting : kTextKeys) {
                stored.emplace_back(setting.key, settings.details.*setting.member);
            }
            stored.emplace_back(kPaperKey, ToCode(settings.details.paper));
            stored.emplace_back(kDateFormatKey, settings.details.date_format);
            break;
        case SettingGroup::kScreening:
            StoreNumbers(kScreeningKeys, settings.screening, stored);
            break;
        case SettingGroup::kPlan:
            StoreNumbers(kPlanKeys, settings.plan, stored);
            StoreNumbers(kPlanPercentKeys, settings.plan, stored);
            break;
        case SettingGroup::kBook:
            StoreNumbers(kBookKeys, settings.book, stored);
            stored.emplace_back(kTimeZoneKey, settings.book.time_zone);
            stored.emplace_back(kCalendarNamesKey, ToCode(settings.book.calendar_names));
            break;
        case SettingGroup::kBackup:
            StoreNumbers(kBackupKeys, settings.backup, stored);
            stored.emplace_back(kBackupFolderKey, settings.backup.folder);
            break;
    }
    return stored;
}

ValidationProblems CheckClinicDetails(const ClinicDetails& details) {
    ValidationProblems problems;
    for (const auto& setting : kTextKeys) {
        CheckText(problems, setting.key, details.*setting.member, setting.limit, setting.lines);
    }
    if (!IsDateFormatSetting(details.date_format)) {
        problems.push_back({std::string(kDateFormatKey), ProblemCode::kUnknownCode});
    }
    return problems;
}

ValidationProblems CheckScreeningSettings(const ScreeningSettings& settings) {
    ValidationProblems problems;
    CheckNumbers(kScreeningKeys, settings, problems);
    return problems;
}

ValidationProblems CheckPlanSettings(const PlanSettings& settings) {
    ValidationProblems problems;
    CheckNumbers(kPlanKeys, settings, problems);
    CheckNumbers(kPlanPercentKeys, settings, problems);
    if (settings.min_duration_min > settings.max_duration_min) {
        // The longest session may not be shorter than the shortest.
        problems.push_back({"plan.max_duration_min", ProblemCode::kOutOfRange, 0,
                            static_cast<double>(settings.min_duration_min), 240});
    }
    return problems;
}

ValidationProblems CheckBookSettings(const BookSettings& settings) {
    ValidationProblems problems;
    CheckNumbers(kBookKeys, settings, problems);
    if (!settings.time_zone.empty() && !IsTimeZoneName(settings.time_zone)) {
        problems.push_back({std::string(kTimeZoneKey), ProblemCode::kUnknownCode});
    }
    return problems;
}

ValidationProblems CheckBackupSettings(const BackupSettings& settings) {
    ValidationProblems problems;
    CheckNumbers(kBackupKeys, settings, problems);
    CheckText(problems, kBackupFolderKey, settings.folder, BackupSettingsLimits::kFolder,
              TextLines::kOne);
    return problems;
}

ValidationProblems ParseClinicSetting(ClinicSettings& settings, std::string_view key,
                                      std::string_view text) {
    if (const TextKey* setting = Find(kTextKeys, key)) {
        ValidationProblems problems;
        CheckText(problems, setting->key, text, setting->limit, setting->lines);
        if (problems.empty()) {
            settings.details.*setting->member = std::string(text);
        }
        return problems;
    }
    if (key == kPaperKey) {
        const auto paper = PaperSizeFromCode(text);
        if (!paper) {
            return {{std::string(kPaperKey), ProblemCode::kUnknownCode}};
        }
        settings.details.paper = *paper;
        return {};
    }
    if (key == kDateFormatKey) {
        ValidationProblems problems;
        CheckText(problems, kDateFormatKey, text, kMaxDatePatternLength, TextLines::kOne);
        if (problems.empty() && !IsDateFormatSetting(text)) {
            problems.push_back({std::string(kDateFormatKey), ProblemCode::kUnknownCode});
        }
        if (problems.empty()) {
            settings.details.date_format = std::string(text);
        }
        return problems;
    }
    if (const auto* setting = Find(kScreeningKeys, key)) {
        return ParseNumber(*setting, text, settings.screening);
    }
    if (const auto* setting = Find(kPlanKeys, key)) {
        return ParseNumber(*setting, text, settings.plan);
    }
    if (const auto* setting = Find(kPlanPercentKeys, key)) {
        return ParseNumber(*setting, text, settings.plan);
    }
    if (const auto* setting = Find(kBookKeys, key)) {
        return ParseNumber(*setting, text, settings.book);
    }
    if (const auto* setting = Find(kBackupKeys, key)) {
        return ParseNumber(*setting, text, settings.backup);
    }
    if (key == kBackupFolderKey) {
        ValidationProblems problems;
        CheckText(problems, kBackupFolderKey, text, BackupSettingsLimits::kFolder, TextLines::kOne);
        if (problems.empty()) {
            settings.backup.folder = std::string(text);
        }
        return problems;
    }
    if (key == kTimeZoneKey) {
        if (!text.empty() && !IsTimeZoneName(text)) {
            return {{std::string(kTimeZoneKey), ProblemCode::kUnknownCode}};
        }
        settings.book.time_zone = std::string(text);
        return {};
    }
    if (key == kCalendarNamesKey) {
        const auto names = CalendarNamesFromCode(text);
        if (!names) {
            return {{std::string(kCalendarNamesKey), ProblemCode::kUnknownCode}};
        }
        settings.book.calendar_names = *names;
        return {};
    }
    return {{std::string(key), ProblemCode::kUnknownCode}};
}

ValidationProblems ReadStoredClinicSetting(ClinicSettings& settings, std::string_view key,
                                           std::string_view text) {
    if (const TextKey* setting = Find(kTextKeys, key)) {
        settings.details.*setting->member = std::string(text);
        return {};
    }
    return ParseClinicSetting(settings, key, text);
}

ValidationProblems SetClinicSetting(ClinicSettings& settings, std::string_view key,
                                    std::string_view text) {
    ClinicSettings changed = settings;
    ValidationProblems problems = ParseClinicSetting(changed, key, text);
    if (problems.empty() && ClinicSettingGroup(key) == SettingGroup::kPlan) {
        problems = CheckPlanSettings(changed.plan);
    }
    if (problems.empty()) {
        settings = std::move(changed);
    }
    return problems;
}

}  // namespace myodesk::core
