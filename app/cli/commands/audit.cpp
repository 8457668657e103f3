// audit list|verify|export: the audit log, for the owner and the manager.
#include "command_declaration.h"

#include <myodesk/services/audit_service.h>

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

}  // namespace

void AddAuditCommands(CLI::App& app, CommandContext& context) {
    auto& group =
        AddGroup(app, "audit", "Who read or changed what: the audit log (owner and manager).");
    AddList(group, context);
    AddVerify(group, context);
    AddExport(group, context);
}

}  // namespace myodesk::app
