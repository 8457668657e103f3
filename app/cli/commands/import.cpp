// import all|clients
#include "command_declaration.h"
#include "problem_text.h"
#include "report_output.h"

#include <myodesk/core/client_csv.h>
#include <myodesk/services/client_import_service.h>
#include <myodesk/services/practice_export_service.h>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace myodesk::app {

namespace {

void AddAll(CLI::App& group, CommandContext& context) {
    auto file = std::make_shared<std::string>();
    auto& command = AddCommand(
        group, "all",
        "A practice export (export all) into this database, which must be new and empty: every "
        "record back with its id, signed notes still signed, the audit log as it was. Passwords "
        "never leave a practice: the owner's new one comes from MYODESK_NEW_PASSWORD or is "
        "typed twice. Any error leaves the database empty.",
        [&context, file] {
            std::optional<std::string> owner_password;
            if (services::PracticeExportService::HasAccounts(*file)) {
                owner_password = context.NewPassword();
            }
            const auto summary = services::PracticeExportService(context.Services())
                                     .ImportAll(*file, owner_password);
            if (context.Json()) {
                context.PrintJson({{"file", summary.path.string()},
                                   {"records", summary.records},
                                   {"kinds", KindCountsJson(summary.kinds)},
                                   {"owners", summary.owners}});
                return;
            }
            fmt::print(context.Out(), "Imported the practice ({} {}) from {}\n", summary.records,
                       summary.records == 1 ? "record" : "records", summary.path.string());
            for (const auto& owner : summary.owners) {
                fmt::print(context.Out(),
                           "The owner {} signs in with the new password and sets the other "
                           "staff's (staff password).\n",
                           owner);
            }
        });
    command.add_option("FILE", *file, "the export (FILE.zip)")->required();
}

// The file's text ("-": standard input).
std::string ReadClientList(CommandContext& context, const std::string& path) {
    return path == "-" ? context.ReadText(path) : services::ClientImportService::ReadListFile(path);
}

std::map<std::string, core::ClientCsvField> ParseMapping(const std::vector<std::string>& words) {
    std::map<std::string, core::ClientCsvField> mapping;
    for (const auto& word : words) {
        const auto equals = word.rfind('=');
        const auto field = equals == std::string::npos
                               ? std::nullopt
                               : core::ClientCsvFieldFromCode(word.substr(equals + 1));
        if (!field || equals == 0) {
            std::string codes;
            for (const auto known : core::AllClientCsvFields()) {
                codes += codes.empty() ? "" : ", ";
                codes += core::ToCode(known);
            }
            throw InvalidInput(fmt::format("--map {}: COLUMN=FIELD, FIELD one of {}", word, codes));
        }
        mapping[word.substr(0, equals)] = *field;
    }
    return mapping;
}

// "Line 4, Ann Smith, 1990-03-04"
std::string RowName(const services::ClientImportRow& row) {
    const auto& client = row.read.client;
    std::string text =
        fmt::format("line {}: {} {}", row.read.line, client.given_name, client.family_name);
    if (client.date_of_birth) {
        text += ", " + core::FormatIsoDate(*client.date_of_birth);
    }
    return text;
}

void PrintPreview(CommandContext& context, const services::ClientImportPreview& preview) {
    auto& out = context.Out();
    fmt::print(out, "Columns:\n");
    for (const auto& column : preview.columns) {
        fmt::print(out, "  {} -> {}\n", column.name, core::ToCode(column.field));
    }
    for (const auto& problem : preview.problems) {
        if (problem.field == "date_of_birth" && problem.code == core::ProblemCode::kInvalidDate) {
            fmt::print(out,
                       "Dates of birth like 03/04/1990 could be day or month first: "
                       "--dates dmy or --dates mdy\n");
        } else {
            fmt::print(out, "Refused: {}\n", ProblemText(problem));
        }
    }
    for (const auto& row : preview.rows) {
        if (!row.read.problems.empty()) {
            fmt::print(out, "{}: refused\n", RowName(row));
            for (const auto& problem : row.read.problems) {
                fmt::print(out, "    {}\n", ProblemText(problem));
            }
        } else if (row.same_as_line) {
            fmt::print(out, "{}: likely the same person as line {}\n", RowName(row),
                       *row.same_as_line);
        } else if (!row.same_as_clients.empty()) {
            const auto& same = row.same_as_clients.front();
            fmt::print(out, "{}: likely already client {} ({} {}{})\n", RowName(row), same.id,
                       same.given_name, same.family_name,
                       same.date_of_birth ? ", " + core::FormatIsoDate(*same.date_of_birth) : "");
        }
    }
    fmt::print(out, "{} to add, {} likely {}, {} refused\n", preview.to_add, preview.duplicates,
               preview.duplicates == 1 ? "duplicate" : "duplicates", preview.refused);
}

nlohmann::ordered_json PreviewJson(const services::ClientImportPreview& preview) {
    nlohmann::ordered_json columns = nlohmann::ordered_json::array();
    for (const auto& column : preview.columns) {
        columns.push_back({{"column", column.name}, {"field", core::ToCode(column.field)}});
    }
    nlohmann::ordered_json problems = nlohmann::ordered_json::array();
    for (const auto& problem : preview.problems) {
        problems.push_back(ProblemText(problem));
    }
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const auto& row : preview.rows) {
        nlohmann::ordered_json row_problems = nlohmann::ordered_json::array();
        for (const auto& problem : row.read.problems) {
            row_problems.push_back(ProblemText(problem));
        }
        nlohmann::ordered_json same = nlohmann::ordered_json::array();
        for (const auto& client : row.same_as_clients) {
            same.push_back(client.id);
        }
        rows.push_back(
            {{"line", row.read.line},
             {"given_name", row.read.client.given_name},
             {"family_name", row.read.client.family_name},
             {"problems", row_problems},
             {"same_as_clients", same},
             {"same_as_line", row.same_as_line ? nlohmann::ordered_json(*row.same_as_line)
                                               : nlohmann::ordered_json()}});
    }
    return {{"columns", columns},
            {"problems", problems},
            {"rows", rows},
            {"to_add", preview.to_add},
            {"duplicates", preview.duplicates},
            {"refused", preview.refused}};
}

void AddClients(CLI::App& group, CommandContext& context) {
    struct Options {
        std::string file;
        std::vector<std::string> map;
        std::string dates;
        bool dry_run = false;
        bool add_duplicates = false;
    };
    auto options = std::make_shared<Options>();
    auto& command = AddCommand(
        group, "clients",
        "Clients from another program's CSV client list (Jane, Cliniko, ClinicSense, "
        "SimplePractice, a spreadsheet): columns mapped by their names, every row checked, "
        "likely duplicates (same names and date of birth) shown and left out. Nothing is saved "
        "when any row is refused, or with --dry-run.",
        [&context, options] {
            core::CsvDateOrder order = core::CsvDateOrder::kAuto;
            if (options->dates == "dmy") {
                order = core::CsvDateOrder::kDayFirst;
            } else if (options->dates == "mdy") {
                order = core::CsvDateOrder::kMonthFirst;
            }
            const auto mapping = ParseMapping(options->map);
            const std::string text = ReadClientList(context, options->file);
            services::ClientImportService service(context.Services());
            const auto preview = service.Preview(text, mapping, order);
            std::optional<services::ClientImportResult> result;
            if (!options->dry_run && preview.Usable()) {
                result = service.Import(preview, options->add_duplicates);
            }
            if (context.Json()) {
                auto json = PreviewJson(preview);
                json["dry_run"] = options->dry_run;
                json["added"] = result ? nlohmann::ordered_json(result->added)
                                       : nlohmann::ordered_json::array();
                context.PrintJson(json);
            } else {
                PrintPreview(context, preview);
                if (result) {
                    fmt::print(context.Out(), "Added {} {}{}\n", result->added.size(),
                               result->added.size() == 1 ? "client" : "clients",
                               result->duplicates_left_out > 0
                                   ? fmt::format("; {} likely {} left out (--add-duplicates)",
                                                 result->duplicates_left_out,
                                                 result->duplicates_left_out == 1 ? "duplicate"
                                                                                  : "duplicates")
                                   : std::string());
                } else if (options->dry_run) {
                    fmt::print(context.Out(), "Dry run: nothing was saved\n");
                }
            }
            if (!preview.Usable()) {
                throw InvalidInput("the client list has problems (above); nothing was saved");
            }
        });
    command.add_option("FILE", options->file, "the CSV client list (\"-\": standard input)")
        ->required();
    command
        .add_option("--map", options->map,
                    "a column's field, in place of the guess from its name (repeatable); "
                    "FIELD: given_name, family_name, name, preferred_name, date_of_birth, "
                    "phone, email, address, address_line_2, city, region, postcode, country, "
                    "emergency_contact_name, emergency_contact_phone, physician, "
                    "referral_source, notes, ignore")
        ->type_name("COLUMN=FIELD");
    command
        .add_option("--dates", options->dates, "dates like 03/04/1990: day first or month first")
        ->check(CLI::IsMember({"dmy", "mdy"}))
        ->type_name("dmy|mdy");
    command.add_flag("--dry-run", options->dry_run, "show what would be imported; save nothing");
    command.add_flag("--add-duplicates", options->add_duplicates, "add the likely duplicates too");
}

}  // namespace

void AddImportCommands(CLI::App& app, CommandContext& context) {
    auto& group =
        AddGroup(app, "import", "A whole practice from its export; clients from a CSV list.");
    AddAll(group, context);
    AddClients(group, context);
}

}  // namespace myodesk::app
