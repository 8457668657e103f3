// clients add|update|list|search|show|archive|restore
#include "client_json.h"
#include "command_declaration.h"
#include "text_layout.h"

#include <myodesk/core/client.h>
#include <myodesk/core/intake_json.h>
#include <myodesk/core/text.h>
#include <myodesk/services/client_service.h>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace myodesk::app {

namespace {

// Each client option and the model field it sets.
struct FieldOption {
    const char* option;
    const char* description;
    std::string core::Client::*member;
};

const std::vector<FieldOption>& TextFieldOptions() {
    using core::Client;
    static const std::vector<FieldOption> options{
        {"--given", "given name", &Client::given_name},
        {"--family", "family name", &Client::family_name},
        {"--preferred", "the name they go by", &Client::preferred_name},
        {"--phone", "phone number", &Client::phone},
        {"--email", "email address", &Client::email},
        {"--address", "postal address", &Client::address},
        {"--emergency-name", "emergency contact's name", &Client::emergency_contact_name},
        {"--emergency-phone", "emergency contact's phone", &Client::emergency_contact_phone},
        {"--physician", "the client's physician", &Client::physician},
        {"--referral", "how they found the clinic", &Client::referral_source},
        {"--notes", "free notes", &Client::notes},
    };
    return options;
}

// The client options as given ("" clears a field).
struct ClientFields {
    std::map<std::string, std::optional<std::string>> text;
    std::optional<std::string> date_of_birth;

    void ApplyTo(core::Client& client) const {
        for (const auto& option : TextFieldOptions()) {
            if (const auto& value = text.at(option.option)) {
                client.*option.member = *value;
            }
        }
        if (date_of_birth) {
            client.date_of_birth = date_of_birth->empty()
                                       ? std::nullopt
                                       : std::optional(ParseDate(*date_of_birth, "date_of_birth"));
        }
    }
};

std::vector<CLI::Option*> AddClientFields(CLI::App& command, ClientFields& fields) {
    std::vector<CLI::Option*> added;
    for (const auto& option : TextFieldOptions()) {
        added.push_back(
            command.add_option(option.option, fields.text[option.option], option.description)
                ->type_name("TEXT"));
    }
    added.push_back(command.add_option("--dob", fields.date_of_birth, "date of birth")
                        ->type_name("YYYY-MM-DD"));
    return added;
}

void PrintClient(CommandContext& context, const core::Client& client) {
    if (context.Json()) {
        context.PrintJson(core::ClientToJson(client));
        return;
    }
    auto& out = context.Out();
    PrintFieldIfAny(out, "Client", fmt::format("{} (id {})", core::DisplayName(client), client.id));
    PrintFieldIfAny(out, "Status", client.archived ? "archived" : "");
    PrintFieldIfAny(out, "Date of birth",
                    client.date_of_birth ? core::FormatIsoDate(*client.date_of_birth) : "");
    PrintFieldIfAny(out, "Phone", client.phone);
    PrintFieldIfAny(out, "Email", client.email);
    PrintFieldIfAny(out, "Address", client.address);
    PrintFieldIfAny(
        out, "Emergency contact",
        core::Trim(client.emergency_contact_name + " " + client.emergency_contact_phone));
    PrintFieldIfAny(out, "Physician", client.physician);
    PrintFieldIfAny(out, "Referral source", client.referral_source);
    PrintFieldIfAny(out, "Notes", client.notes);
    PrintFieldIfAny(out, "Updated",
                    fmt::format("{} (version {})", client.updated_at, client.version));
}

void PrintMatch(CommandContext& context, const core::ClientSummary& row, bool first) {
    if (context.Json()) {
        context.Out() << (first ? "\n  " : ",\n  ") << ClientSummaryToJson(row).dump();
        return;
    }
    std::string name = core::DisplayName(row);
    if (row.archived) {
        name += " (archived)";
    }
    fmt::print(context.Out(), "{:>8}  {}  {:<10}  {:<20}  {}\n", row.id, Padded(name, 40),
               row.date_of_birth ? core::FormatIsoDate(*row.date_of_birth) : "", row.phone,
               row.email);
}

// Streams the matches page by page (each page goes on from where the last one ended), so even
// a very large practice is never held in memory at once.
void PrintMatches(CommandContext& context, const db::ClientQuery& query, const Paging& paging) {
    constexpr std::int64_t kPage = 500;
    services::ClientService clients(context.Services());
    std::int64_t skipped = 0;
    std::int64_t printed = 0;
    if (context.Json()) {
        context.Out() << '[';
    } else {
        fmt::print(context.Out(), "{:>8}  {:<40}  {:<10}  {:<20}  {}\n", "ID", "Name", "Born",
                   "Phone", "Email");
    }
    std::optional<db::ClientSearchCursor> next;
    while (printed < paging.limit) {
        db::ClientSearchPage page = clients.SearchPage(query, next, kPage);
        for (const auto& row : page.rows) {
            if (skipped < paging.offset) {
                ++skipped;
            } else if (printed < paging.limit) {
                PrintMatch(context, row, printed == 0);
                ++printed;
            }
        }
        if (!page.next) {
            break;
        }
        next = std::move(page.next);
    }
    if (context.Json()) {
        context.Out() << (printed == 0 ? "]\n" : "\n]\n");
    } else {
        fmt::print(context.Out(), "{} of {} client(s)\n", printed, clients.CountMatching(query));
    }
}

// The document's "client" object becomes a new client and the rest its first intake: both or
// neither.
void AddFromIntake(CommandContext& context, const std::string& path) {
    const auto document = context.ReadDocument(path);
    const auto saved = services::ClientService(context.Services())
                           .AddFromIntakeDocument(core::IntakeFromJson(document));
    if (context.Json()) {
        auto json = core::ClientToJson(saved.client);
        json["intake"] = StoredIntakeJson(saved.intake);
        context.PrintJson(json);
    } else {
        context.Out() << saved.client.id << '\n';
    }
}

void AddAdd(CLI::App& group, CommandContext& context) {
    struct Options {
        ClientFields fields;
        std::optional<std::string> from_intake;
    };
    auto options = std::make_shared<Options>();
    auto& command =
        AddCommand(group, "add",
                   "Add a client and print its id (--json: the client). With --from-intake: the "
                   "document's client and its first intake, both or neither.",
                   [&context, options] {
                       if (options->from_intake) {
                           AddFromIntake(context, *options->from_intake);
                           return;
                       }
                       core::Client client;
                       options->fields.ApplyTo(client);
                       client = services::ClientService(context.Services()).Add(client);
                       if (context.Json()) {
                           PrintClient(context, client);
                       } else {
                           context.Out() << client.id << '\n';
                       }
                   });
    const auto fields = AddClientFields(command, options->fields);
    auto* from_intake = command.add_option("--from-intake", options->from_intake,
                                           "an intake document with a \"client\" object "
                                           "(docs/intake-format.md)");
    from_intake->type_name("FILE.json");
    for (auto* field : fields) {
        from_intake->excludes(field);
    }
}

void AddUpdate(CLI::App& group, CommandContext& context) {
    struct Options {
        core::ClientId id = 0;
        ClientFields fields;
    };
    auto options = std::make_shared<Options>();
    auto& command = AddCommand(group, "update", "Change a client's fields (\"\" clears one).",
                               [&context, options] {
                                   services::ClientService clients(context.Services());
                                   auto client = clients.Get(options->id);
                                   options->fields.ApplyTo(client);
                                   PrintClient(context, clients.Update(client));
                               });
    AddIdArgument(command, "CLIENT_ID", options->id, "a client id", "the client");
    AddClientFields(command, options->fields);
}

void AddListing(CLI::App& group, CommandContext& context, bool search) {
    struct Options {
        std::string text;
        ArchiveChoice choice;
        Paging paging;
    };
    auto options = std::make_shared<Options>();
    auto& command = AddCommand(
        group, search ? "search" : "list",
        search ? "Clients whose name, email or phone matches TEXT, as the list orders them."
               : "The clients by family name (active ones unless --archived or --all).",
        [&context, options] {
            PrintMatches(context, {options->text, options->choice.Filter()}, options->paging);
        });
    if (search) {
        command.add_option("TEXT", options->text, "what to look for")->required();
    }
    AddArchiveChoice(command, options->choice, "client");
    AddPaging(command, options->paging);
}

void AddShow(CLI::App& group, CommandContext& context) {
    auto id = std::make_shared<core::ClientId>(0);
    auto& command = AddCommand(group, "show", "A client's details.", [&context, id] {
        PrintClient(context, services::ClientService(context.Services()).Get(*id));
    });
    AddIdArgument(command, "CLIENT_ID", *id, "a client id", "the client");
}

void AddSetArchived(CLI::App& group, CommandContext& context, bool archived) {
    auto id = std::make_shared<core::ClientId>(0);
    auto& command = AddCommand(
        group, archived ? "archive" : "restore",
        archived ? "Hide a client from the list (they are kept)."
                 : "Bring an archived client back.",
        [&context, id, archived] {
            const auto client =
                services::ClientService(context.Services()).SetArchived(*id, archived);
            if (context.Json()) {
                PrintClient(context, client);
            } else {
                fmt::print(context.Out(), "{} {} (id {})\n", archived ? "Archived" : "Restored",
                           core::DisplayName(client), client.id);
            }
        });
    AddIdArgument(command, "CLIENT_ID", *id, "a client id", "the client");
}

}  // namespace

void AddClientCommands(CLI::App& app, CommandContext& context) {
    auto& group = AddGroup(app, "clients", "Add, change, list, search, show and archive clients.");
    AddAdd(group, context);
    AddUpdate(group, context);
    AddListing(group, context, false);
    AddListing(group, context, true);
    AddShow(group, context);
    AddSetArchived(group, context, true);
    AddSetArchived(group, context, false);
}

}  // namespace myodesk::app
