// settings show|set
#include "command_declaration.h"
#include "text_layout.h"

#include <myodesk/core/json_document.h>
#include <myodesk/services/settings_service.h>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <memory>
#include <string>
#include <vector>

namespace myodesk::app {

namespace {

constexpr std::string_view kPaperKey = "report.paper";
constexpr std::string_view kDateFormatKey = "report.date_format";

// What a setting shown unquoted accepts.
std::string_view Accepted(std::string_view key) {
    if (key == kPaperKey) {
        return "  (a4 or letter)";
    }
    if (key == kDateFormatKey) {
        return "  (locale, iso or a pattern such as %d/%m/%Y)";
    }
    if (key == "calendar.client_names") {
        return "  (initials, first_name or none)";
    }
    return "";
}

// The clinic details and the report settings are printed on every report; the rest of the
// text settings are the appointment book's.
bool IsOnReports(std::string_view key) {
    return key.rfind("clinic.", 0) == 0 || key.rfind("report.", 0) == 0;
}

// A number setting's stored text as a JSON number, read strictly (a value a double cannot
// hold, or not a number at all, stays the text it is rather than aborting the command).
nlohmann::json StoredNumber(const std::string& value) {
    const auto read = core::ReadJsonDocument(value);
    if (read.problems.empty() && read.document.is_number()) {
        return read.document;
    }
    return value;
}

void PrintSettingsJson(CommandContext& context, const std::vector<db::ClinicSetting>& settings) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& setting : settings) {
        if (setting.is_text) {
            list.push_back({{"key", setting.key},
                            {"value", setting.value},
                            {"default", setting.default_value}});
            continue;
        }
        list.push_back({{"key", setting.key},
                        {"value", StoredNumber(setting.value)},
                        {"default", StoredNumber(setting.default_value)},
                        {"minimum", setting.minimum},
                        {"maximum", setting.maximum}});
    }
    context.PrintJson(list);
}

// The text settings first, quoted (so an empty one and the address's line breaks show), then
// the numbers with their defaults and ranges.
void PrintSettings(std::ostream& out, const std::vector<db::ClinicSetting>& settings) {
    for (const bool on_reports : {true, false}) {
        fmt::print(out, "{}\n",
                   on_reports ? "Clinic details (on every report)"
                              : "\nAppointment book (book.time_zone empty: this "
                                "computer's zone, or an IANA name such as "
                                "Europe/London)");
        for (const auto& setting : settings) {
            if (!setting.is_text || IsOnReports(setting.key) != on_reports) {
                continue;
            }
            const std::string_view accepted = Accepted(setting.key);
            fmt::print(out, "{}  {}{}\n", Padded(setting.key, 42),
                       accepted.empty() ? Quoted(setting.value) : setting.value, accepted);
        }
    }
    fmt::print(out, "\n{}  {:>8}  {:>8}  {}\n", Padded("Setting", 42), "Value", "Default", "Range");
    for (const auto& setting : settings) {
        if (setting.is_text) {
            continue;
        }
        fmt::print(out, "{}  {:>8}  {:>8}  {}-{}{}\n", Padded(setting.key, 42), setting.value,
                   setting.default_value, setting.minimum, setting.maximum,
                   setting.value == setting.default_value ? "" : "  (changed)");
    }
}

void AddShow(CLI::App& group, CommandContext& context) {
    AddCommand(group, "show",
               "The clinic's settings (clinic details, screening windows, plan rules, the "
               "appointment book) with their defaults and ranges.",
               [&context] {
                   const auto settings = services::SettingsService(context.Services()).List();
                   if (context.Json()) {
                       PrintSettingsJson(context, settings);
                   } else {
                       PrintSettings(context.Out(), settings);
                   }
               });
}

void AddSet(CLI::App& group, CommandContext& context) {
    struct Options {
        std::string key;
        std::string value;
    };
    auto options = std::make_shared<Options>();
    auto& command = AddCommand(
        group, "set",
        "Change one setting (\"plan.taper_weeks\" 3, clinic.name \"Run Well Clinic\").",
        [&context, options] {
            const auto setting =
                services::SettingsService(context.Services()).Set(options->key, options->value);
            const bool quote = setting.is_text && setting.key != kPaperKey;
            fmt::print(context.Out(), "{} = {}\n", options->key,
                       quote ? Quoted(options->value) : options->value);
        });
    command.add_option("KEY", options->key, "the setting (settings show lists them)")->required();
    command.add_option("VALUE", options->value, "its new value")->required();
}

}  // namespace

void AddSettingsCommands(CLI::App& app, CommandContext& context) {
    auto& group = AddGroup(app, "settings", "The clinic's settings, shared by every desk.");
    AddShow(group, context);
    AddSet(group, context);
}

}  // namespace myodesk::app
