// report client|clinic
#include "command_declaration.h"
#include "report_output.h"

#include <myodesk/reports/atomic_output_file.h>
#include <myodesk/reports/client_report.h>
#include <myodesk/reports/clinic_summary.h>
#include <myodesk/reports/pdf_renderer.h>
#include <myodesk/reports/report_locale.h>
#include <myodesk/services/database_service.h>
#include <myodesk/services/report_service.h>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <memory>
#include <optional>
#include <string>

namespace myodesk::app {

namespace {

void PrintWritten(CommandContext& context, const std::string& path, int pages) {
    if (context.Json()) {
        context.PrintJson({{"out", path}, {"pages", pages}});
        return;
    }
    fmt::print(context.Out(), "Wrote {} ({} {})\n", path, pages, pages == 1 ? "page" : "pages");
}

// The client's progress report, or with --physician the letter to their physician.
void AddClientReport(CLI::App& group, CommandContext& context) {
    struct Options {
        core::ClientId client = 0;
        std::optional<std::string> out;
        bool physician = false;
        std::optional<std::string> paper;
    };
    auto options = std::make_shared<Options>();
    auto& command = AddCommand(
        group, "client",
        "The client's progress report (with --physician: the letter to their physician) as PDF.",
        [&context, options] {
            const auto path = RequireOut(options->out, "pdf");
            const auto inputs =
                services::ReportService(context.Services()).ClientReportInputs(options->client);
            const auto paper = Paper(options->paper, inputs.clinic);
            WarnAboutLogo(context, inputs.clinic);
            const auto report = reports::BuildClientReport(inputs);
            // Dates as report.date_format asks (by default the locale's, as the GUI writes
            // them); distances as the client gave them.
            const auto locale = reports::MakeReportLocale(inputs.clinic, report.units);
            const auto document = options->physician
                                      ? reports::PhysicianLetterDocument(report, locale)
                                      : reports::ClientReportDocument(report, locale);
            reports::PdfOptions pdf;
            pdf.paper = paper;
            const auto pages = context.WriteFile(
                path, [&](std::ostream& out) { return reports::RenderPdf(document, pdf, out); });
            PrintWritten(context, path, static_cast<int>(pages));
        });
    AddIdArgument(command, "CLIENT_ID", options->client, "a client id", "the client");
    command.add_option("--out", options->out, "the PDF to write")->type_name("FILE.pdf");
    command.add_flag("--physician", options->physician, "the letter to the client's physician");
    command.add_option("--paper", options->paper, "the paper (default: report.paper)")
        ->type_name("a4|letter");
}

struct ClinicReportOptions {
    PeriodText period;
    std::optional<std::int64_t> therapist;
    std::optional<std::string> out;
    std::optional<std::string> csv;
    std::optional<std::string> paper;
};

// Both files are written before either is put in place: a CSV path that cannot be written
// leaves no PDF behind either. Returns the pages and the CSV's rows.
std::pair<int, std::int64_t> WriteClinicReport(CommandContext& context,
                                               const services::LoadedClinicSummary& loaded,
                                               const reports::Document& document,
                                               core::PaperSize paper, const std::string& path,
                                               const std::optional<std::string>& csv_path) {
    try {
        const auto protected_files = services::ProtectedOutputFiles(context.Services().Database());
        reports::AtomicOutputFile pdf(path, protected_files);
        std::optional<reports::AtomicOutputFile> csv;
        if (csv_path) {
            csv.emplace(*csv_path, protected_files);
        }
        reports::PdfOptions options;
        options.paper = paper;
        const int pages = reports::RenderPdf(document, options, pdf.Stream());
        std::int64_t rows = 0;
        if (csv) {
            rows = services::ReportService::WriteClinicSummaryCsv(loaded, csv->Stream());
            csv->Commit();
        }
        pdf.Commit();
        return {pages, rows};
    } catch (const reports::OutputFileError& error) {
        throw InvalidInput(error.what());
    }
}

void RunClinicReport(CommandContext& context, const ClinicReportOptions& options) {
    const auto period =
        ClinicPeriod(context, options.period.from, options.period.to, options.therapist);
    const auto path = RequireOut(options.out, "pdf");
    if (options.csv && options.csv->empty()) {
        throw UsageError("--csv needs a file name");
    }
    const auto loaded = services::ReportService(context.Services()).ClinicSummary(period);
    const auto paper = Paper(options.paper, loaded.clinic);
    WarnAboutLogo(context, loaded.clinic);
    const auto document = reports::ClinicSummaryDocument(
        loaded.summary, loaded.names, loaded.clinic,
        reports::MakeReportLocale(loaded.clinic, core::DistanceUnit::kKm));
    const auto [pages, rows] =
        WriteClinicReport(context, loaded, document, paper, path, options.csv);
    if (context.Json()) {
        nlohmann::ordered_json written{{"out", path}, {"pages", pages}};
        if (options.csv) {
            written["csv"] = *options.csv;
            written["rows"] = rows;
        }
        context.PrintJson(written);
        return;
    }
    PrintWritten(context, path, pages);
    if (options.csv) {
        fmt::print(context.Out(), "Wrote {} ({} {})\n", *options.csv, rows,
                   rows == 1 ? "row" : "rows");
    }
}

void AddClinicReport(CLI::App& group, CommandContext& context) {
    auto options = std::make_shared<ClinicReportOptions>();
    auto& command = AddCommand(group, "clinic",
                               "The clinic summary of the period as PDF (and its tables as CSV).",
                               [&context, options] { RunClinicReport(context, *options); });
    AddRequiredPeriod(command, options->period, "period");
    command.add_option("--out", options->out, "the PDF to write")->type_name("FILE.pdf");
    AddIdOption(command, "--therapist", options->therapist, "a staff id",
                "only this therapist's sessions and clients")
        ->type_name("STAFF_ID");
    command.add_option("--csv", options->csv, "also the tables as CSV")->type_name("FILE.csv");
    command.add_option("--paper", options->paper, "the paper (default: report.paper)")
        ->type_name("a4|letter");
}

}  // namespace

void AddReportCommands(CLI::App& app, CommandContext& context) {
    auto& group = AddGroup(
        app, "report",
        "Printable reports as PDF, with the clinic details of the settings (clinic.name, "
        "clinic.address, clinic.phone, clinic.email, clinic.logo) on report.paper unless --paper.");
    AddClientReport(group, context);
    AddClinicReport(group, context);
}

}  // namespace myodesk::app
