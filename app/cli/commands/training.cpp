// training import|list|add|remove
#include "cli_words.h"
#include "command_declaration.h"
#include "text_layout.h"

#include <myodesk/core/training.h>
#include <myodesk/db/errors.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/intake_service.h>
#include <myodesk/services/training_service.h>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <charconv>
#include <cmath>
#include <memory>
#include <optional>
#include <string>

namespace myodesk::app {

namespace {

// Reads a CSV or JSON calendar (by its first character) and saves it, all or nothing: a day
// already in the calendar is replaced.
void AddImport(CLI::App& group, CommandContext& context) {
    struct Options {
        core::ClientId client = 0;
        std::string file;
    };
    auto options = std::make_shared<Options>();
    auto& command = AddCommand(
        group, "import",
        "Add a training calendar (CSV or JSON, docs/training-format.md); a day already there is "
        "replaced.",
        [&context, options] {
            services::ClientService(context.Services()).Get(options->client);
            const std::string text = context.ReadText(options->file);
            services::TrainingImportResult imported;
            try {
                imported =
                    services::TrainingService(context.Services()).Import(options->client, text);
            } catch (const db::ValidationError&) {
                // JSON that does not parse is reported as the other documents are, with the
                // parser's position, rather than as a bare "document" problem.
                const auto first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
                if (first != std::string::npos && (text[first] == '{' || text[first] == '[')) {
                    CommandContext::ParseJson(text, options->file);
                }
                throw;
            }
            if (context.Json()) {
                context.PrintJson({{"imported", imported.entries}, {"new", imported.added}});
            } else {
                fmt::print(context.Out(), "Imported {} ({} new)\n",
                           Count(static_cast<std::int64_t>(imported.entries), "entry", "entries"),
                           imported.added);
            }
        });
    AddIdArgument(command, "CLIENT_ID", options->client, "a client id", "the client");
    command.add_option("FILE", options->file, "the calendar (\"-\": standard input)")->required();
}

void AddList(CLI::App& group, CommandContext& context) {
    struct Options {
        core::ClientId client = 0;
        std::optional<std::string> from;
        std::optional<std::string> to;
    };
    auto options = std::make_shared<Options>();
    auto& command =
        AddCommand(group, "list", "The calendar, in the client's units.", [&context, options] {
            const auto from = ParseDate(options->from, "--from");
            const auto to = ParseDate(options->to, "--to");
            const auto client = services::ClientService(context.Services()).Get(options->client);
            const auto entries =
                services::TrainingService(context.Services()).List(client.id, from, to);
            if (context.Json()) {
                context.PrintJson(core::TrainingToJson(entries));
                return;
            }
            const auto units = services::IntakeService(context.Services()).Units(client.id);
            auto& out = context.Out();
            fmt::print(out, "Training of {} (client {}):\n", core::DisplayName(client), client.id);
            for (const auto& entry : entries) {
                std::string row = fmt::format(
                    "  {}  {:<11}{:<18}{}", core::FormatIsoDate(entry.date),
                    WeekdayWords(entry.date), RunTypeWords(entry.type),
                    entry.distance_km ? Distance(*entry.distance_km, units) : std::string());
                row.erase(row.find_last_not_of(' ') + 1);
                fmt::print(out, "{}\n", row);
            }
            fmt::print(out, "{}\n",
                       Count(static_cast<std::int64_t>(entries.size()), "entry", "entries"));
        });
    AddIdArgument(command, "CLIENT_ID", options->client, "a client id", "the client");
    command.add_option("--from", options->from, "from this day")->type_name("YYYY-MM-DD");
    command.add_option("--to", options->to, "to this day")->type_name("YYYY-MM-DD");
}

// --km or --mi as a distance in km (InvalidInput for text that is not a number).
std::optional<double> DistanceKm(const std::optional<std::string>& km,
                                 const std::optional<std::string>& mi) {
    const bool miles = mi.has_value();
    const auto& text = miles ? mi : km;
    if (!text) {
        return std::nullopt;
    }
    double value = 0;
    const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (error != std::errc() || end != text->data() + text->size() || !std::isfinite(value)) {
        throw InvalidInput(fmt::format("--{}: '{}' is not a number", miles ? "mi" : "km", *text));
    }
    return miles ? core::MilesToKm(value) : value;
}

// The entry put, in the words of the option given (a distance in miles is refused in miles).
bool PutEntry(CommandContext& context, core::ClientId client, const core::TrainingEntry& entry,
              bool miles) {
    try {
        return services::TrainingService(context.Services()).Put(client, entry);
    } catch (const db::ValidationError& error) {
        if (!miles) {
            throw;
        }
        auto problems = error.Problems();
        for (auto& problem : problems) {
            if (problem.field == "distance_km") {
                problem.field = "distance_mi";
                problem.maximum = std::round(core::KmToMiles(problem.maximum) * 10) / 10;
            }
        }
        throw db::ValidationError(std::move(problems));
    }
}

void AddAdd(CLI::App& group, CommandContext& context) {
    struct Options {
        core::ClientId client = 0;
        std::string date;
        std::string type;
        std::optional<std::string> km;
        std::optional<std::string> mi;
    };
    auto options = std::make_shared<Options>();
    auto& command = AddCommand(
        group, "add",
        "Add or replace one day (TYPE: easy, long, tempo, intervals, race, rest, cross).",
        [&context, options] {
            core::TrainingEntry entry;
            entry.date = ParseDate(options->date, "--date");
            const auto run_type = core::FromCode<core::RunType>(options->type);
            if (!run_type) {
                throw InvalidInput(
                    fmt::format("type: '{}' is not a run type; use easy, long, "
                                "tempo, intervals, race, rest or cross",
                                options->type));
            }
            entry.type = *run_type;
            entry.distance_km = DistanceKm(options->km, options->mi);
            const auto client = services::ClientService(context.Services()).Get(options->client);
            const bool added = PutEntry(context, client.id, entry, options->mi.has_value());
            if (context.Json()) {
                context.PrintJson(core::TrainingToJson({entry})["entries"][0]);
                return;
            }
            const auto units = services::IntakeService(context.Services()).Units(client.id);
            fmt::print(context.Out(), "{} {} {}{} for {} (client {})\n",
                       added ? "Added" : "Replaced", core::FormatIsoDate(entry.date),
                       RunTypeWords(entry.type),
                       entry.distance_km ? " " + Distance(*entry.distance_km, units) : "",
                       core::DisplayName(client), client.id);
        });
    AddIdArgument(command, "CLIENT_ID", options->client, "a client id", "the client");
    command.add_option("--date", options->date, "the day")->type_name("YYYY-MM-DD")->required();
    command.add_option("--type", options->type, "the run")->type_name("TYPE")->required();
    auto* km = command.add_option("--km", options->km, "the distance in km")->type_name("X");
    auto* mi = command.add_option("--mi", options->mi, "the distance in miles")->type_name("X");
    km->excludes(mi);
    mi->excludes(km);
}

void AddRemove(CLI::App& group, CommandContext& context) {
    struct Options {
        core::ClientId client = 0;
        std::string date;
    };
    auto options = std::make_shared<Options>();
    auto& command = AddCommand(group, "remove", "Remove one day.", [&context, options] {
        const auto date = ParseDate(options->date, "--date");
        const auto client = services::ClientService(context.Services()).Get(options->client);
        if (!services::TrainingService(context.Services()).Remove(client.id, date)) {
            throw db::NotFoundError(fmt::format("{} (client {}) has no training entry on {}.",
                                                core::DisplayName(client), client.id,
                                                core::FormatIsoDate(date)));
        }
        fmt::print(context.Out(), "Removed the training entry of {}\n", core::FormatIsoDate(date));
    });
    AddIdArgument(command, "CLIENT_ID", options->client, "a client id", "the client");
    command.add_option("--date", options->date, "the day")->type_name("YYYY-MM-DD")->required();
}

}  // namespace

void AddTrainingCommands(CLI::App& app, CommandContext& context) {
    auto& group = AddGroup(app, "training", "A runner's training calendar.");
    AddImport(group, context);
    AddList(group, context);
    AddAdd(group, context);
    AddRemove(group, context);
}

}  // namespace myodesk::app
