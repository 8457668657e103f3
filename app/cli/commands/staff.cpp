// staff add|list|account|password|role|deactivate
#include "cli_words.h"
#include "command_declaration.h"
#include "text_layout.h"

#include <myodesk/core/session_json.h>
#include <myodesk/core/staff.h>
#include <myodesk/services/account_service.h>
#include <myodesk/services/staff_service.h>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <memory>
#include <optional>
#include <string>

namespace myodesk::app {

namespace {

core::StaffRole ParseRole(const std::string& code) {
    const auto parsed = core::StaffRoleFromCode(code);
    if (!parsed) {
        throw InvalidInput(fmt::format(
            "role: '{}' is not a role; use owner, manager, therapist or front_desk", code));
    }
    return *parsed;
}

void AddAdd(CLI::App& group, CommandContext& context) {
    struct Options {
        std::string name;
        std::optional<std::string> role;
        std::optional<std::string> username;
    };
    auto options = std::make_shared<Options>();
    auto& command = AddCommand(
        group, "add",
        "Add a staff member (a therapist unless --role) and print the id; with --username, "
        "their account (password from MYODESK_NEW_PASSWORD or the terminal).",
        [&context, options] {
            core::Staff staff;
            staff.name = options->name;
            if (options->role) {
                staff.role = ParseRole(*options->role);
            }
            services::Context& services = context.Services();
            if (options->username) {
                staff.username = *options->username;
                staff = services::AccountService(services).AddStaff(staff, context.NewPassword());
            } else {
                staff = services::StaffService(services).Add(staff);
            }
            if (context.Json()) {
                context.PrintJson(core::StaffToJson(staff));
            } else {
                context.Out() << staff.id << '\n';
            }
        });
    command.add_option("--name", options->name, "their name")->type_name("NAME");
    command.add_option("--role", options->role, "what they may do (docs/roles.md)")
        ->type_name("owner|manager|therapist|front_desk");
    command.add_option("--username", options->username, "their account's username")
        ->type_name("USER");
}

void AddPassword(CLI::App& group, CommandContext& context) {
    auto username = std::make_shared<std::string>();
    auto& command = AddCommand(
        group, "password",
        "A new password for USER (the owner for anyone, anyone for themselves), from "
        "MYODESK_NEW_PASSWORD or the terminal.",
        [&context, username] {
            services::Context& services = context.Services();
            services::AccountService(services).SetPassword(*username, context.NewPassword());
            fmt::print(context.Out(), "Changed the password of {}\n", *username);
        });
    command.add_option("USER", *username, "the username")->required();
}

void PrintStaff(CommandContext& context, const core::Staff& staff, std::string_view done) {
    if (context.Json()) {
        context.PrintJson(core::StaffToJson(staff));
    } else {
        fmt::print(context.Out(), "{} {} ({}{})\n", done, staff.name, StaffRoleWords(staff.role),
                   staff.active ? "" : ", inactive");
    }
}

void AddRole(CLI::App& group, CommandContext& context) {
    struct Options {
        std::int64_t staff = 0;
        std::string role;
    };
    auto options = std::make_shared<Options>();
    auto& command =
        AddCommand(group, "role", "Change a staff member's role (the owner).", [&context, options] {
            const core::StaffRole role = ParseRole(options->role);
            const auto staff =
                services::AccountService(context.Services()).SetRole(options->staff, role);
            PrintStaff(context, staff, "Role changed:");
        });
    AddIdArgument(command, "STAFF_ID", options->staff, "a staff id", "the staff member");
    command.add_option("ROLE", options->role, "owner, manager, therapist or front_desk")
        ->required();
}

void AddAccount(CLI::App& group, CommandContext& context) {
    struct Options {
        std::int64_t staff = 0;
        std::string username;
    };
    auto options = std::make_shared<Options>();
    auto& command = AddCommand(
        group, "account",
        "Give a staff member added earlier an account (the owner), keeping their records; the "
        "password from MYODESK_NEW_PASSWORD or the terminal.",
        [&context, options] {
            services::Context& services = context.Services();
            const auto staff = services::AccountService(services).GiveAccount(
                options->staff, options->username, context.NewPassword());
            PrintStaff(context, staff, "Account given:");
        });
    AddIdArgument(command, "STAFF_ID", options->staff, "a staff id", "the staff member");
    command.add_option("--username", options->username, "their username")
        ->type_name("USER")
        ->required();
}

void AddDeactivate(CLI::App& group, CommandContext& context) {
    auto staff_id = std::make_shared<std::int64_t>(0);
    auto& command = AddCommand(
        group, "deactivate",
        "A leaver: gone from the pickers and unable to sign in; their records stay (the owner).",
        [&context, staff_id] {
            const auto staff = services::AccountService(context.Services()).Deactivate(*staff_id);
            PrintStaff(context, staff, "Deactivated:");
        });
    AddIdArgument(command, "STAFF_ID", *staff_id, "a staff id", "the staff member");
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
            fmt::print(out, "{:>8}  {}  {}  {}\n", "ID", Padded("Name", 32), Padded("Username", 16),
                       "Role");
            for (const auto& member : staff) {
                fmt::print(out, "{:>8}  {}  {}  {}{}\n", member.id, Padded(member.name, 32),
                           Padded(member.username.empty() ? "-" : member.username, 16),
                           StaffRoleWords(member.role), member.active ? "" : " (inactive)");
            }
        });
    command.add_flag("--all", *all, "leavers too");
}

}  // namespace

void AddStaffCommands(CLI::App& app, CommandContext& context) {
    auto& group = AddGroup(app, "staff", "The clinic's staff, their roles and accounts.");
    AddAdd(group, context);
    AddList(group, context);
    AddAccount(group, context);
    AddPassword(group, context);
    AddRole(group, context);
    AddDeactivate(group, context);
}

}  // namespace myodesk::app
