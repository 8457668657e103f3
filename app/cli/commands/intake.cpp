// intake import|show|history
#include "cli_words.h"
#include "client_json.h"
#include "command_declaration.h"
#include "text_layout.h"

#include <myodesk/core/intake_json.h>
#include <myodesk/core/screening.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/errors.h>
#include <myodesk/services/intake_service.h>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace myodesk::app {

namespace {

void PrintItem(std::ostream& out, const std::string& text) {
    fmt::print(out, "  {}\n", text);
}

// "local    varicose_veins (right calf) until 2025-03-12: avoid this area"
std::string FlagText(const core::ContraindicationFlag& flag) {
    std::string text = fmt::format("{:<19}{}", FlagLevelWords(flag.level), FlagWords(flag.code));
    if (const auto where = PlaceWords(flag.region, flag.side); !where.empty()) {
        text += fmt::format(" ({})", where);
    }
    if (flag.until) {
        text += fmt::format(" until {}", core::FormatIsoDate(*flag.until));
    }
    if (flag.physician_clearance) {
        text += ", physician clearance needed";
    }
    return fmt::format("{}: {}", text, FlagAdvice(flag.level));
}

void PrintHeading(std::ostream& out, const services::IntakeOnDay& shown) {
    const auto& intake = shown.intake;
    PrintFieldIfAny(out, "Intake",
                    fmt::format("{} of {} (client {})", intake.id, core::DisplayName(shown.client),
                                shown.client.id));
    PrintFieldIfAny(out, "Taken on",
                    fmt::format("{}{}", core::FormatIsoDate(intake.taken_on),
                                shown.outdated ? " (over a year old: ask for a new intake)" : ""));
    PrintFieldIfAny(out, "Saved", intake.created_at);
}

void PrintFlags(std::ostream& out, const services::IntakeOnDay& shown) {
    fmt::print(out, "Flags on {}:{}\n", core::FormatIsoDate(shown.on),
               shown.flags.empty() ? " none" : "");
    for (const auto& flag : shown.flags) {
        PrintItem(out, FlagText(flag));
    }
}

void PrintSorenessAndAvoid(std::ostream& out, const core::Intake& intake) {
    if (!intake.soreness.empty()) {
        fmt::print(out, "Soreness:\n");
        for (const auto& sore : intake.soreness) {
            PrintItem(out, fmt::format("{}pain {}/10",
                                       Padded(PlaceWords(sore.region, sore.side), 24), sore.pain));
        }
    }
    if (!intake.avoid_regions.empty()) {
        fmt::print(out, "Avoid:\n");
        for (const auto& area : intake.avoid_regions) {
            PrintItem(out, PlaceWords(area.region, area.side));
        }
    }
}

// "2025-03-06 acute left ankle: Inversion sprain"
std::string EventText(const core::HealthEvent& event) {
    std::string text = core::FormatIsoDate(event.date);
    for (const auto& part : {event.kind, PlaceWords(event.region, event.side)}) {
        if (!part.empty()) {
            text += " " + part;
        }
    }
    if (!event.description.empty()) {
        text += ": " + event.description;
    }
    return text;
}

void PrintHealth(std::ostream& out, const core::Intake& intake) {
    const auto& health = intake.health;
    fmt::print(out, "Health:\n");
    for (const auto& condition : health.conditions) {
        std::string text = ConditionWords(condition.code);
        if (const auto where = PlaceWords(condition.region, condition.side); !where.empty()) {
            text += fmt::format(" ({})", where);
        }
        if (condition.since) {
            text += fmt::format(" since {}", core::FormatIsoDate(*condition.since));
        }
        PrintSubField(out, "Condition", text);
    }
    for (const auto& medication : health.medications) {
        PrintSubField(out, "Medication",
                      fmt::format("{} — {}", medication.name,
                                  MedicationClassWords(medication.medication_class)));
    }
    for (const auto& surgery : health.surgeries) {
        PrintSubField(out, "Surgery", EventText(surgery));
    }
    for (const auto& injury : health.injuries) {
        PrintSubField(out, "Injury", EventText(injury));
    }
    if (health.pregnant) {
        PrintSubField(out, "Pregnant",
                      health.pregnancy_weeks
                          ? fmt::format("yes, {} weeks on {}", *health.pregnancy_weeks,
                                        core::FormatIsoDate(intake.taken_on))
                          : std::string("yes"));
    }
    if (!health.allergies.empty()) {
        PrintSubField(out, "Allergies", health.allergies);
    }
    if (health.conditions.empty() && health.medications.empty() && health.surgeries.empty() &&
        health.injuries.empty() && !health.pregnant && health.allergies.empty()) {
        PrintItem(out, "nothing declared");
    }
}

// "Rotterdam Marathon, 2025-04-13, 42.2 km, goal: personal best", or "" without a goal.
std::string GoalRaceText(const core::RunnerProfile& runner) {
    const auto& race = runner.goal_race;
    std::vector<std::string> parts;
    if (!race.name.empty()) {
        parts.push_back(race.name);
    }
    if (race.date) {
        parts.push_back(core::FormatIsoDate(*race.date));
    }
    if (race.distance_km) {
        parts.push_back(Distance(*race.distance_km, runner.units));
    }
    if (runner.goal) {
        parts.push_back(RaceGoalWords(*runner.goal));
    }
    return fmt::format("{}", fmt::join(parts, ", "));
}

void PrintRunner(std::ostream& out, const core::RunnerProfile& runner) {
    const auto units = runner.units;
    fmt::print(out, "Runner:\n");
    if (const auto goal = GoalRaceText(runner); !goal.empty()) {
        PrintSubField(out, "Goal race", goal);
    }
    if (runner.runs_per_week) {
        PrintSubField(out, "Runs per week", std::to_string(*runner.runs_per_week));
    }
    if (runner.long_run_weekday) {
        PrintSubField(out, "Long run on", WeekdayWords(*runner.long_run_weekday));
    }
    if (runner.weekly_distance_km) {
        PrintSubField(out, "Weekly distance", Distance(*runner.weekly_distance_km, units));
    }
    if (runner.longest_run_30d_km) {
        PrintSubField(out, "Longest, 30 days", Distance(*runner.longest_run_30d_km, units));
    }
    for (const auto& run : runner.recent_runs) {
        PrintSubField(out, "Run",
                      fmt::format("{} {} {}", core::FormatIsoDate(run.date), RunTypeWords(run.type),
                                  Distance(run.distance_km, units)));
    }
    PrintSubField(out, "Units", UnitsWords(units));
}

void PrintPreferencesAndConsent(std::ostream& out, const core::Intake& intake) {
    PrintFieldIfAny(out, "Pressure",
                    intake.preferences.pressure
                        ? PressurePreferenceWords(*intake.preferences.pressure)
                        : std::string("no preference"));
    PrintFieldIfAny(out, "Preferences", intake.preferences.notes);
    const auto& consent = intake.consent;
    PrintFieldIfAny(
        out, "Consent",
        consent.accepted
            ? fmt::format("accepted, signed \"{}\" on {}", consent.signed_name,
                          consent.signed_on ? core::FormatIsoDate(*consent.signed_on) : "?")
            : std::string("NOT GIVEN"));
}

// The intake as a reader at the desk wants it: the flags first, then the body, health, the
// runner, preferences and consent.
void PrintIntake(std::ostream& out, const services::IntakeOnDay& shown) {
    PrintHeading(out, shown);
    PrintFlags(out, shown);
    PrintSorenessAndAvoid(out, shown.intake);
    PrintHealth(out, shown.intake);
    PrintRunner(out, shown.intake.runner);
    PrintPreferencesAndConsent(out, shown.intake);
}

void AddImport(CLI::App& group, CommandContext& context) {
    struct Options {
        core::ClientId client = 0;
        std::string file;
    };
    auto options = std::make_shared<Options>();
    auto& command = AddCommand(
        group, "import",
        "Save a new intake version for the client and print its id (docs/intake-format.md).",
        [&context, options] {
            services::ClientService(context.Services()).Get(options->client);
            const auto document = context.ReadDocument(options->file);
            const auto imported = services::IntakeService(context.Services())
                                      .Import(options->client, core::IntakeFromJson(document));
            if (imported.client_object_ignored) {
                fmt::print(context.Err(),
                           "myodesk-cli: note: the document's \"client\" object was not used (the "
                           "intake is for client {}; clients add --from-intake creates a client)\n",
                           options->client);
            }
            if (context.Json()) {
                context.PrintJson(StoredIntakeJson(imported.intake));
            } else {
                context.Out() << imported.intake.id << '\n';
            }
        });
    AddIdArgument(command, "CLIENT_ID", options->client, "a client id", "the client");
    command.add_option("FILE", options->file, "the intake document (\"-\": standard input)")
        ->type_name("FILE.json")
        ->required();
}

void AddShow(CLI::App& group, CommandContext& context) {
    struct Options {
        core::ClientId client = 0;
        std::optional<std::string> on;
        std::optional<std::int64_t> intake;
    };
    auto options = std::make_shared<Options>();
    auto& command =
        AddCommand(group, "show",
                   "The newest intake (or that one) and the contraindications it raises on the day "
                   "(default today).",
                   [&context, options] {
                       const auto on = ParseDate(options->on, "--on");
                       try {
                           const auto shown = services::IntakeService(context.Services())
                                                  .Show(options->client, options->intake, on);
                           if (context.Json()) {
                               auto json = StoredIntakeJson(shown.intake);
                               json["flags"] = core::FlagsToJson(shown.flags);
                               context.PrintJson(json);
                               return;
                           }
                           PrintIntake(context.Out(), shown);
                       } catch (const services::NoIntakeError& error) {
                           throw db::NotFoundError(fmt::format(
                               "{} (client {}) has no intake yet; add one with: myodesk-cli "
                               "intake import {} FILE.json",
                               error.ClientName(), error.ClientId(), error.ClientId()));
                       }
                   });
    AddIdArgument(command, "CLIENT_ID", options->client, "a client id", "the client");
    command.add_option("--on", options->on, "the day the flags are for")->type_name("YYYY-MM-DD");
    AddIdOption(command, "--intake", options->intake, "an intake id", "that intake version")
        ->type_name("INTAKE_ID");
}

void AddHistory(CLI::App& group, CommandContext& context) {
    auto client = std::make_shared<core::ClientId>(0);
    auto& command =
        AddCommand(group, "history", "Every intake version, newest first.", [&context, client] {
            const auto who = services::ClientService(context.Services()).Get(*client);
            const auto versions = services::IntakeService(context.Services()).History(*client);
            if (context.Json()) {
                nlohmann::ordered_json list = nlohmann::ordered_json::array();
                for (const auto& version : versions) {
                    list.push_back({{"id", version.id},
                                    {"taken_on", core::FormatIsoDate(version.taken_on)},
                                    {"created_at", version.created_at}});
                }
                context.PrintJson(list);
                return;
            }
            auto& out = context.Out();
            if (versions.empty()) {
                fmt::print(out, "{} (client {}) has no intake yet.\n", core::DisplayName(who),
                           who.id);
                return;
            }
            fmt::print(out, "{:>8}  {:<10}  {}\n", "ID", "Taken on", "Saved at");
            for (const auto& version : versions) {
                fmt::print(out, "{:>8}  {:<10}  {}\n", version.id,
                           core::FormatIsoDate(version.taken_on), version.created_at);
            }
        });
    AddIdArgument(command, "CLIENT_ID", *client, "a client id", "the client");
}

}  // namespace

void AddIntakeCommands(CLI::App& app, CommandContext& context) {
    auto& group = AddGroup(app, "intake", "Intake forms: import, show with flags, history.");
    AddImport(group, context);
    AddShow(group, context);
    AddHistory(group, context);
}

}  // namespace myodesk::app
