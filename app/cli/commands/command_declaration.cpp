#include "command_declaration.h"

#include <fmt/format.h>

#include <charconv>
#include <memory>
#include <utility>

namespace myodesk::app {

namespace {

CLI::Validator IdCheck(const std::string& what) {
    return CLI::Validator(
        [what](std::string& text) -> std::string {
            long long id = 0;
            const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
            if (error != std::errc() || end != text.data() + text.size() || id <= 0) {
                return fmt::format("'{}' is not {} (a whole number)", text, what);
            }
            return {};
        },
        "");
}

}  // namespace

CLI::Validator NotNegative() {
    CLI::Validator check = CLI::NonNegativeNumber;
    check.description("");  // the option's type name says enough ("N")
    return check;
}

CLI::App& AddGroup(CLI::App& app, const std::string& name, const std::string& description) {
    CLI::App* group = app.add_subcommand(name, description);
    group->require_subcommand(1);
    group->fallthrough();
    group->footer(kCommandFooter);
    return *group;
}

CLI::App& AddCommand(CLI::App& group, const std::string& name, const std::string& description,
                     std::function<void()> handler) {
    CLI::App* command = group.add_subcommand(name, description);
    command->fallthrough();
    command->footer(kCommandFooter);
    command->callback(std::move(handler));
    return *command;
}

CLI::Option* AddIdArgument(CLI::App& command, const std::string& name, std::int64_t& id,
                           const std::string& what, const std::string& description) {
    return command.add_option(name, id, description)
        ->type_name("ID")
        ->required()
        ->check(IdCheck(what));
}

CLI::Option* AddIdOption(CLI::App& command, const std::string& name,
                         std::optional<std::int64_t>& id, const std::string& what,
                         const std::string& description) {
    return command.add_option(name, id, description)->check(IdCheck(what));
}

void AddPaging(CLI::App& command, Paging& paging) {
    command.add_option("--limit", paging.limit, "at most N rows")
        ->type_name("N")
        ->check(NotNegative());
    command.add_option("--offset", paging.offset, "leave out the first N rows")
        ->type_name("N")
        ->check(NotNegative());
}

void AddArchiveChoice(CLI::App& command, ArchiveChoice& choice, const std::string& what) {
    auto* archived =
        command.add_flag("--archived", choice.archived, fmt::format("only the archived {}", what));
    auto* all = command.add_flag("--all", choice.all, fmt::format("every {}", what));
    archived->excludes(all);
    all->excludes(archived);
}

void AddRequiredPeriod(CLI::App& command, PeriodText& period, const std::string& what) {
    command.add_option("--from", period.from, fmt::format("the first day of the {}", what))
        ->type_name("YYYY-MM-DD")
        ->required();
    command.add_option("--to", period.to, fmt::format("the last day of the {}", what))
        ->type_name("YYYY-MM-DD")
        ->required();
}

}  // namespace myodesk::app
