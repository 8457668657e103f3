// export clients|sessions|clinic|all|client
#include "command_declaration.h"
#include "report_output.h"

#include <myodesk/services/practice_export_service.h>
#include <myodesk/services/report_service.h>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <memory>
#include <optional>
#include <string>

namespace myodesk::app {

namespace {

void AddClients(CLI::App& group, CommandContext& context) {
    struct Options {
        std::optional<std::string> out;
        ArchiveChoice choice;
    };
    auto options = std::make_shared<Options>();
    auto& command = AddCommand(
        group, "clients", "The client list as CSV (active clients unless --archived or --all).",
        [&context, options] {
            const auto path = RequireOut(options->out, "csv");
            services::ReportService reports(context.Services());
            const auto exported = context.WriteFile(path, [&](std::ostream& out) {
                return reports.WriteClientsCsv(options->choice.Filter(), out);
            });
            fmt::print(context.Out(), "Exported {} {} to {}\n", exported,
                       exported == 1 ? "client" : "clients", path);
        });
    command.add_option("--out", options->out, "the CSV to write")->type_name("FILE.csv");
    AddArchiveChoice(command, options->choice, "client");
}

void AddSessions(CLI::App& group, CommandContext& context) {
    struct Options {
        PeriodText period;
        std::optional<std::string> out;
    };
    auto options = std::make_shared<Options>();
    auto& command = AddCommand(
        group, "sessions", "The session notes of the period (both days included) as CSV.",
        [&context, options] {
            const auto [from, to] = Period(options->period.from, options->period.to);
            const auto path = RequireOut(options->out, "csv");
            services::ReportService reports(context.Services());
            const auto exported =
                context.WriteFile(path, [&, from = from, to = to](std::ostream& out) {
                    return reports.WriteSessionsCsv(from, to, out);
                });
            fmt::print(context.Out(), "Exported {} {} to {}\n", exported,
                       exported == 1 ? "session" : "sessions", path);
        });
    AddRequiredPeriod(command, options->period, "period");
    command.add_option("--out", options->out, "the CSV to write")->type_name("FILE.csv");
}

void AddClinic(CLI::App& group, CommandContext& context) {
    struct Options {
        PeriodText period;
        std::optional<std::int64_t> therapist;
        std::optional<std::string> out;
    };
    auto options = std::make_shared<Options>();
    auto& command =
        AddCommand(group, "clinic", "The clinic summary's tables as CSV.", [&context, options] {
            const auto period =
                ClinicPeriod(context, options->period.from, options->period.to, options->therapist);
            const auto path = RequireOut(options->out, "csv");
            const auto loaded = services::ReportService(context.Services()).ClinicSummary(period);
            const auto rows = context.WriteFile(path, [&](std::ostream& out) {
                return services::ReportService::WriteClinicSummaryCsv(loaded, out);
            });
            fmt::print(context.Out(), "Exported the clinic summary ({} {}) to {}\n", rows,
                       rows == 1 ? "row" : "rows", path);
        });
    AddRequiredPeriod(command, options->period, "period");
    command.add_option("--out", options->out, "the CSV to write")->type_name("FILE.csv");
    AddIdOption(command, "--therapist", options->therapist, "a staff id",
                "only this therapist's sessions and clients")
        ->type_name("STAFF_ID");
}

void AddAll(CLI::App& group, CommandContext& context) {
    auto out = std::make_shared<std::optional<std::string>>();
    auto& command = AddCommand(
        group, "all",
        "The whole practice as one ZIP: a JSON Lines file and a CSV per kind of record, and a "
        "manifest with counts and SHA-256 (docs/export-format.md). Password hashes stay out.",
        [&context, out] {
            const auto path = RequireOut(*out, "zip");
            const auto summary =
                services::PracticeExportService(context.Services()).ExportAll(path);
            if (context.Json()) {
                context.PrintJson({{"file", summary.path.string()},
                                   {"records", summary.records},
                                   {"kinds", KindCountsJson(summary.kinds)}});
                return;
            }
            fmt::print(context.Out(), "Exported the practice ({} {}) to {}\n", summary.records,
                       summary.records == 1 ? "record" : "records", summary.path.string());
        });
    command.add_option("--out", *out, "the ZIP to write")->type_name("FILE.zip");
}

void AddClient(CLI::App& group, CommandContext& context) {
    struct Options {
        std::int64_t client = 0;
        std::optional<std::string> out;
    };
    auto options = std::make_shared<Options>();
    auto& command = AddCommand(
        group, "client",
        "One client's complete record for an access request: a ZIP with client.json (every "
        "record about them, in the export format) and client.pdf (the same to print). The "
        "owner only: it holds private notes.",
        [&context, options] {
            const auto path = RequireOut(options->out, "zip");
            const auto summary = services::PracticeExportService(context.Services())
                                     .ExportClient(options->client, path);
            if (context.Json()) {
                context.PrintJson({{"file", summary.path.string()},
                                   {"records", summary.records},
                                   {"kinds", KindCountsJson(summary.kinds)}});
                return;
            }
            fmt::print(context.Out(), "Exported client {}'s record ({} {}) to {}\n",
                       options->client, summary.records,
                       summary.records == 1 ? "record" : "records", summary.path.string());
        });
    AddIdArgument(command, "CLIENT_ID", options->client, "a client id", "the client");
    command.add_option("--out", options->out, "the ZIP to write")->type_name("FILE.zip");
}

}  // namespace

void AddExportCommands(CLI::App& app, CommandContext& context) {
    auto& group = AddGroup(app, "export",
                           "The whole practice as a ZIP, and CSV exports: UTF-8 with a byte order "
                           "mark, RFC 4180 quoting, CRLF line ends, formula cells neutralised.");
    AddClients(group, context);
    AddSessions(group, context);
    AddClinic(group, context);
    AddAll(group, context);
    AddClient(group, context);
}

}  // namespace myodesk::app
