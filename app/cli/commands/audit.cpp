// audit list|verify|export|client: the audit log, for the owner and the manager.
#include "command_declaration.h"
#include "report_output.h"

#include <myodesk/reports/access_report.h>
#include <myodesk/reports/pdf_renderer.h>
#include <myodesk/services/audit_service.h>
#include <myodesk/services/settings_service.h>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <memory>
#include <optional>
#include <string>

namespace myodesk::app {

namespace {

struct FilterOptions {
    std::optional<std::int64_t> client;
    std::optional<std::string> user;
    std::optional<std::string> from;
    std::optional<std::string> to;
    std::optional<std::string> action;

    db::AuditFilter Filter() const {
        db::AuditFilter filter;
        filter.client_id = client;
        filter.username = user;
        filter.action = action;
        filter.from = ParseDate(from, "--from");
        filter.to = ParseDate(to, "--to");
        return filter;
    }
};

void AddFilterOptions(CLI::App& command, FilterOptions& options) {
    AddIdOption(command, "--client", options.client, "a client id", "one client's rows")
        ->type_name("CLIENT_ID");
    command.add_option("--user", options.user, "one username's rows")->type_name("USER");
    command.add_option("--from", options.from, "from this day (UTC)")->type_name("YYYY-MM-DD");
    command.add_option("--to", options.to, "up to this day (UTC)")->type_name("YYYY-MM-DD");
    command.add_option("--action", options.action, "one action (note.sign, sign_in ...)")
        ->type_name("ACTION");
}

nlohmann::ordered_json EntryJson(const db::AuditEntry& entry) {
    const auto optional = [](const auto& value) {
        return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json();
    };
    return {{"id", entry.id},
            {"at", entry.at},
            {"staff_id", optional(entry.staff_id)},
            {"username", entry.username},
            {"desk", entry.desk},
            {"action", entry.action},
            {"client_id", optional(entry.client_id)},
            {"record", entry.record},
            {"record_id", optional(entry.record_id)},
            {"detail", entry.detail}};
}

void AddList(CLI::App& group, CommandContext& context) {
    auto options = std::make_shared<FilterOptions>();
    auto paging = std::make_shared<Paging>();
    paging->limit = 100;
    auto& command = AddCommand(
        group, "list", "The audit log, newest first (100 rows unless --limit).",
        [&context, options, paging] {
            const auto entries = services::AuditService(context.Services())
                                     .List(options->Filter(), paging->offset, paging->limit);
            if (context.Json()) {
                nlohmann::ordered_json list = nlohmann::ordered_json::array();
                for (const auto& entry : entries) {
                    list.push_back(EntryJson(entry));
                }
                context.PrintJson(list);
                return;
            }
            fmt::print(context.Out(), "{:>8}  {:<20}  {:<12}  {:<18}  {:>8}  {}\n", "ID",
                       "At (UTC)", "User", "Action", "Client", "Record");
            for (const auto& entry : entries) {
                fmt::print(context.Out(), "{:>8}  {:<20}  {:<12}  {:<18}  {:>8}  {}\n", entry.id,
                           entry.at, entry.username.empty() ? "-" : entry.username, entry.action,
                           entry.client_id ? std::to_string(*entry.client_id) : "",
                           entry.record_id ? fmt::format("{} {}", entry.record, *entry.record_id)
                                           : entry.record);
            }
        });
    AddFilterOptions(command, *options);
    AddPaging(command, *paging);
}

void AddVerify(CLI::App& group, CommandContext& context) {
    AddCommand(
        group, "verify",
        "Check the log's hash chain: exit 0 when whole, 3 naming the first row changed or "
        "deleted outside MyoDesk.",
        [&context] {
            const auto result = services::AuditService(context.Services()).Verify();
            if (context.Json()) {
                context.PrintJson(
                    {{"rows_checked", result.rows_checked},
                     {"first_broken_id", result.first_broken_id
                                             ? nlohmann::ordered_json(*result.first_broken_id)
                                             : nlohmann::ordered_json()},
                     {"why", result.why}});
            } else if (!result.first_broken_id) {
                fmt::print(context.Out(), "The audit log is whole: {} rows checked\n",
                           result.rows_checked);
            }
            if (result.first_broken_id) {
                throw InvalidInput(fmt::format(
                    "audit_log: the chain breaks at row {} ({}); {} rows before it are whole",
                    *result.first_broken_id, result.why, result.rows_checked));
            }
        });
}

void AddExport(CLI::App& group, CommandContext& context) {
    auto options = std::make_shared<FilterOptions>();
    auto out = std::make_shared<std::string>();
    auto& command = AddCommand(
        group, "export", "Write the log (or the rows the filters take) as CSV.",
        [&context, options, out] {
            const auto filter = options->Filter();
            services::AuditService audit(context.Services());
            const auto rows = context.WriteFile(
                *out, [&](std::ostream& stream) { return audit.WriteCsv(filter, stream); });
            if (context.Json()) {
                context.PrintJson({{"file", *out}, {"rows", rows}});
            } else {
                fmt::print(context.Out(), "Wrote {} audit rows to {}\n", rows, *out);
            }
        });
    AddFilterOptions(command, *options);
    command.add_option("--out", *out, "the CSV file")->type_name("FILE.csv")->required();
}

void AddClientReport(CLI::App& group, CommandContext& context) {
    struct Options {
        std::int64_t client = 0;
        std::string out;
        std::optional<std::string> paper;
    };
    auto options = std::make_shared<Options>();
    auto& command = AddCommand(
        group, "client",
        "A client's access report: who opened, changed or signed their record, as PDF (the "
        "newest 2000 entries) or, for FILE.csv, every entry as CSV.",
        [&context, options] {
            services::Context& services = context.Services();
            services::AuditService audit(services);
            const bool csv = options->out.size() >= 4 &&
                             options->out.compare(options->out.size() - 4, 4, ".csv") == 0;
            std::int64_t written = 0;
            if (csv) {
                written = context.WriteFile(options->out, [&](std::ostream& out) {
                    return audit.WriteClientAccessCsv(options->client, out);
                });
            } else {
                const core::ClinicDetails clinic =
                    services::SettingsService(services).LoadClinicDetails();
                reports::PdfOptions pdf;
                pdf.paper = Paper(options->paper, clinic);
                WarnAboutLogo(context, clinic);
                const auto report =
                    audit.ClientAccess(options->client, services::AuditService::kAccessRowsInPdf);
                const auto document = reports::AccessReportDocument(
                    report, clinic, reports::MakeReportLocale(clinic, core::DistanceUnit::kKm));
                written = context.WriteFile(options->out, [&](std::ostream& out) {
                    return reports::RenderPdf(document, pdf, out);
                });
            }
            if (context.Json()) {
                context.PrintJson({{"out", options->out}, {csv ? "rows" : "pages", written}});
            } else {
                fmt::print(context.Out(), "Wrote {} ({} {})\n", options->out, written,
                           csv ? "rows" : (written == 1 ? "page" : "pages"));
            }
        });
    AddIdArgument(command, "CLIENT_ID", options->client, "a client id", "the client");
    command.add_option("--out", options->out, "the report: FILE.pdf, or FILE.csv for CSV")
        ->type_name("FILE")
        ->required();
    command.add_option("--paper", options->paper, "a4 or letter (default: report.paper)")
        ->type_name("a4|letter");
}

}  // namespace

void AddAuditCommands(CLI::App& app, CommandContext& context) {
    auto& group =
        AddGroup(app, "audit", "Who read or changed what: the audit log (owner and manager).");
    AddList(group, context);
    AddVerify(group, context);
    AddExport(group, context);
    AddClientReport(group, context);
}

}  // namespace myodesk::app
