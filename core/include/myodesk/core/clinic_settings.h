#pragma once

#include <myodesk/core/backup_retention.h>
#include <myodesk/core/book_settings.h>
#include <myodesk/core/clinic_details.h>
#include <myodesk/core/plan.h>
#include <myodesk/core/screening.h>
#include <myodesk/core/validation.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace myodesk::core {

// The clinic's settings, shared by every desk: who the reports come from, the screening
// thresholds, the plan generator's rules and the appointment book's. Stored one "key" = "text
// value" row each; a setting never saved is its default.
struct ClinicSettings {
    ClinicDetails details;
    ScreeningSettings screening;
    PlanSettings plan;
    BookSettings book;
    BackupSettings backup;
    friend bool operator==(const ClinicSettings&, const ClinicSettings&) = default;
};

// The groups the settings are saved in (each group's rules look at the group as a whole).
enum class SettingGroup { kClinicDetails, kScreening, kPlan, kBook, kBackup };

// One setting as `settings show` lists it.
struct ClinicSetting {
    std::string key;            // "plan.taper_weeks", "screening.acute_injury_days"
    std::string value;          // the value in use, as stored
    std::string default_value;  // the value when never saved
    double minimum = 0;
    double maximum = 0;
    bool whole_number = true;
    bool is_text = false;  // a text setting (clinic.*, report.*): no minimum or maximum
    friend bool operator==(const ClinicSetting&, const ClinicSetting&) = default;
};

// Every setting of `settings`: the clinic details ("clinic.name", "clinic.address",
// "clinic.phone", "clinic.email", "clinic.logo"), "report.paper", "report.date_format", then
// screening, then plan, then the book ("book.notice_hours", "book.time_zone",
// "calendar.client_names"), then the automatic backups ("backup.*").
std::vector<ClinicSetting> ListClinicSettings(const ClinicSettings& settings);

// The group `key` belongs to; nullopt for a key that is not a setting.
std::optional<SettingGroup> ClinicSettingGroup(std::string_view key);

// Each setting of `group` as its key and stored text ("3", "12.5", "a4", the text itself),
// in the order ListClinicSettings lists them. Parsing a text back gives the same value.
std::vector<std::pair<std::string, std::string>> StoredClinicSettings(
    const ClinicSettings& settings, SettingGroup group);

// The problems of one group as a whole: every value in its range, text that one field of its
// kind accepts (core::CheckText; only the address has several lines), a date format
// core::IsDateFormatSetting accepts, a shortest session no longer than the longest. Fields are
// the setting keys.
ValidationProblems CheckClinicDetails(const ClinicDetails& details);
ValidationProblems CheckScreeningSettings(const ScreeningSettings& settings);
ValidationProblems CheckPlanSettings(const PlanSettings& settings);
ValidationProblems CheckBookSettings(const BookSettings& settings);
ValidationProblems CheckBackupSettings(const BackupSettings& settings);

// Reads one setting from its text into `settings`: a number ("3"; "12.5" for a percentage)
// in the setting's range, "a4" or "letter" for report.paper, "locale", "iso" or a date pattern
// for report.date_format (core::IsDateFormatSetting), any acceptable text for clinic.*, a zone
// name (core::IsTimeZoneName) or nothing for book.time_zone, "initials", "first_name" or
// "none" for calendar.client_names.
// The problems (field = the key): an unknown key (kUnknownCode), not a number or a fraction
// for a whole-number setting (kWrongType), out of range (kOutOfRange), an unknown paper
// (kUnknownCode), text too long (kTooLong) or with a line break or control character where
// one line is expected (kInvalidText). `settings` is unchanged when there is a problem. Only
// the one value is checked: what a stored row holds.
ValidationProblems ParseClinicSetting(ClinicSettings& settings, std::string_view key,
                                      std::string_view text);

// A stored row read back: ParseClinicSetting, except that a text setting takes the stored
// text as it is (an older version may have saved what today's text rule refuses; the reports
// still show it rather than the practice losing its letterhead). Unknown keys are kUnknownCode.
ValidationProblems ReadStoredClinicSetting(ClinicSettings& settings, std::string_view key,
                                           std::string_view text);

// ParseClinicSetting, then the rules of the setting's group as a whole (CheckPlanSettings:
// a shortest session longer than the longest). What `settings set KEY VALUE` does, before it
// is saved. `settings` is unchanged when there is a problem.
ValidationProblems SetClinicSetting(ClinicSettings& settings, std::string_view key,
                                    std::string_view text);

}  // namespace myodesk::core
