// staff add|list
#include "cli_words.h"
#include "command_declaration.h"
#include "text_layout.h"

#include <myodesk/core/session_json.h>
#include <myodesk/core/staff.h>
#include <myodesk/services/staff_service.h>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <memory>
#include <optional>
#include <string>

namespace myodesk::app {

namespace {

void AddAdd(CLI::App& group, CommandContext& context) {
    struct Options {
        std::string name;
        std::optional<std::string> role;
    };
    auto options = std::make_shared<Options>();
    auto& command = AddCommand(
        group, "add", "Add a staff member (a therapist unless --role) and print the id.",
        [&context, options] {
            core::Staff staff;
            staff.name = options->name;
            if (options->role) {
                const auto parsed = core::StaffRoleFromCode(*options->role);
                if (!parsed) {
                    throw InvalidInput(fmt::format(
                        "role: '{}' is not a role; use therapist or manager", *options->role));
                }
                staff.role = *parsed;
            }
            staff = services::StaffService(context.Services()).Add(staff);
            if (context.Json()) {
                context.PrintJson(core::StaffToJson(staff));
            } else {
                context.Out() << staff.id << '\n';
            }
        });
    command.add_option("--name", options->name, "their name")->type_name("NAME");
    command.add_option("--role", options->role, "therapist or manager")
        ->type_name("therapist|manager");
}

void AddList(CLI::App& group, CommandContext& context) {
    auto all = std::make_shared<bool>(false);
    auto& command =
        AddCommand(group, "list", "Active staff by name; --all: leavers too.", [&context, all] {
            const auto staff = services::StaffService(context.Services()).List(*all);
            if (context.Json()) {
                nlohmann::ordered_json list = nlohmann::ordered_json::array();
                for (const auto& member : staff) {
                    list.push_back(core::StaffToJson(member));
                }
                context.PrintJson(list);
                return;
            }
            auto& out = context.Out();
            fmt::print(out, "{:>8}  {}  {}\n", "ID", Padded("Name", 32), "Role");
            for (const auto& member : staff) {
                fmt::print(out, "{:>8}  {}  {}{}\n", member.id, Padded(member.name, 32),
                           StaffRoleWords(member.role), member.active ? "" : " (inactive)");
            }
        });
    command.add_flag("--all", *all, "leavers too");
}

}  // namespace

void AddStaffCommands(CLI::App& app, CommandContext& context) {
    auto& group = AddGroup(app, "staff", "The clinic's therapists and managers.");
    AddAdd(group, context);
    AddList(group, context);
}

}  // namespace myodesk::app
