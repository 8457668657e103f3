// setup: turns accounts on (the owner's account) in a practice without them.
#include "command_declaration.h"

#include <myodesk/core/session_json.h>
#include <myodesk/services/account_service.h>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <memory>
#include <string>

namespace myodesk::app {

void AddAccountCommands(CLI::App& app, CommandContext& context) {
    struct Options {
        std::string owner_name;
        std::string username;
    };
    auto options = std::make_shared<Options>();
    auto* command = app.add_subcommand(
        "setup",
        "Turn sign-in on: create the owner's account (password from MYODESK_NEW_PASSWORD or "
        "the terminal). Everyone then signs in; the owner adds staff (staff add --username).");
    command->fallthrough();
    command->footer(kCommandFooter);
    command->callback([&context, options] {
        const std::string password = context.NewPassword();
        const core::Staff owner = services::AccountService(context.ServicesNotSignedIn())
                                      .SetUpOwner(options->owner_name, options->username, password);
        if (context.Json()) {
            context.PrintJson(core::StaffToJson(owner));
        } else {
            fmt::print(context.Out(),
                       "Created the owner account '{}' (staff id {}); sign in with --user {}\n",
                       owner.username, owner.id, owner.username);
        }
    });
    command->add_option("--owner-name", options->owner_name, "the owner's name")
        ->type_name("NAME")
        ->required();
    command
        ->add_option("--username", options->username,
                     "their username: lower-case letters, digits, . _ -")
        ->type_name("USER")
        ->required();
}

}  // namespace myodesk::app
