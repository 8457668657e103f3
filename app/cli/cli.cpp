#include "cli.h"

#include "arguments.h"
#include "client_json.h"
#include "problem_text.h"

#include <myodesk/core/text.h>
#include <myodesk/core/version.h>
#include <myodesk/db/client_repository.h>
#include <myodesk/db/default_location.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/migrations.h>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <charconv>
#include <functional>
#include <map>
#include <ostream>

namespace myodesk::app {

namespace {

constexpr std::string_view kUsage = R"(usage: myodesk-cli [--db LOCATION] [--json] COMMAND

Commands:
  clients add --given NAME --family NAME [CLIENT OPTIONS]   add a client, print its id
  clients update ID [CLIENT OPTIONS]                        change fields ("" clears one)
  clients list [--archived | --all] [--limit N] [--offset N]
  clients search TEXT [--archived | --all] [--limit N] [--offset N]
  clients show ID
  clients archive ID                                        hide from the list (kept)
  clients restore ID
  db info                                                   location and schema version

Client options:
  --given NAME  --family NAME  --preferred NAME  --dob YYYY-MM-DD  --phone P  --email E
  --address TEXT  --emergency-name NAME  --emergency-phone P  --physician NAME
  --referral TEXT  --notes TEXT

Options:
  --db LOCATION  a SQLite file (PATH or sqlite:PATH), postgresql://user@host/dbname or a
                 libpq string "host=... dbname=..."; default: the app's own database
  --json         print JSON (field names as in the model, snake_case)
  --version      print the version
  --help         print this help

Exit codes: 0 ok, 2 usage, 3 invalid input, 4 not found, 5 database error.
)";

// Each client option and the model field it sets.
struct FieldOption {
    const char* option;
    std::string_view field;
    std::string core::Client::*member;
};

const std::vector<FieldOption>& TextFieldOptions() {
    namespace f = core::client_field;
    using core::Client;
    static const std::vector<FieldOption> options{
        {"given", f::kGivenName, &Client::given_name},
        {"family", f::kFamilyName, &Client::family_name},
        {"preferred", f::kPreferredName, &Client::preferred_name},
        {"phone", f::kPhone, &Client::phone},
        {"email", f::kEmail, &Client::email},
        {"address", f::kAddress, &Client::address},
        {"emergency-name", f::kEmergencyContactName, &Client::emergency_contact_name},
        {"emergency-phone", f::kEmergencyContactPhone, &Client::emergency_contact_phone},
        {"physician", f::kPhysician, &Client::physician},
        {"referral", f::kReferralSource, &Client::referral_source},
        {"notes", f::kNotes, &Client::notes},
    };
    return options;
}

std::vector<std::string> ClientOptionNames() {
    std::vector<std::string> names{"dob"};
    for (const auto& option : TextFieldOptions()) {
        names.emplace_back(option.option);
    }
    return names;
}

// A value the user gave that cannot be used (exit code 3); the message names the field.
class InvalidInput : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

class Cli {
  public:
    Cli(const std::vector<std::string>& words, std::ostream& out)
        : m_out(out),
          m_args(words, ValueOptions(), {"json", "archived", "all", "version", "help"}) {}

    int Run() {
        if (m_args.Flag("version")) {
            fmt::print(m_out, "myodesk-cli {}\n", core::Version());
            return 0;
        }
        const auto& words = m_args.Positional();
        if (m_args.Flag("help") || (!words.empty() && words[0] == "help")) {
            m_out << kUsage;
            return 0;
        }
        if (words.empty()) {
            throw UsageError("no command given");
        }
        const std::string command = words[0] + (words.size() > 1 ? " " + words[1] : "");
        static const std::map<std::string, void (Cli::*)()> kCommands{
            {"clients add", &Cli::ClientsAdd},         {"clients update", &Cli::ClientsUpdate},
            {"clients list", &Cli::ClientsList},       {"clients search", &Cli::ClientsSearch},
            {"clients show", &Cli::ClientsShow},       {"clients archive", &Cli::ClientsArchive},
            {"clients restore", &Cli::ClientsRestore}, {"db info", &Cli::DbInfo},
        };
        const auto found = kCommands.find(command);
        if (found == kCommands.end()) {
            throw UsageError(fmt::format("unknown command '{}'", command));
        }
        (this->*found->second)();
        return 0;
    }

  private:
    static std::vector<std::string> ValueOptions() {
        auto names = ClientOptionNames();
        names.insert(names.end(), {"db", "limit", "offset"});
        return names;
    }

    // Refuses options that mean nothing to this command (a typo should not pass silently).
    void AllowOnly(std::vector<std::string> allowed, std::size_t positional_count) const {
        allowed.insert(allowed.end(), {"db", "json"});
        for (const auto& name : ValueOptions()) {
            if (m_args.Value(name) &&
                std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
                throw UsageError(fmt::format("--{} does not apply to this command", name));
            }
        }
        for (const char* flag : {"archived", "all"}) {
            if (m_args.Flag(flag) &&
                std::find(allowed.begin(), allowed.end(), flag) == allowed.end()) {
                throw UsageError(fmt::format("--{} does not apply to this command", flag));
            }
        }
        if (m_args.Positional().size() != positional_count) {
            throw UsageError(positional_count > m_args.Positional().size()
                                 ? "missing argument"
                                 : fmt::format("unexpected argument '{}'",
                                               m_args.Positional()[positional_count]));
        }
    }

    bool Json() const { return m_args.Flag("json"); }

    db::Database& Database() {
        if (!m_database) {
            if (const auto location = m_args.Value("db")) {
                m_database = std::make_unique<db::Database>(db::OpenDatabase(*location));
            } else {
                db::EnsureDefaultDatabaseFolder();
                m_database =
                    std::make_unique<db::Database>(db::OpenDatabase(db::DefaultDatabasePath()));
            }
        }
        return *m_database;
    }

    core::ClientId IdArgument(std::size_t index) const {
        const std::string& text = m_args.Positional().at(index);
        long long id = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
        if (error != std::errc() || end != text.data() + text.size() || id <= 0) {
            throw UsageError(fmt::format("'{}' is not a client id (a whole number)", text));
        }
        return id;
    }

    std::int64_t NumberOption(const std::string& name, std::int64_t fallback) const {
        const auto text = m_args.Value(name);
        if (!text) {
            return fallback;
        }
        long long value = 0;
        const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
        if (error != std::errc() || end != text->data() + text->size() || value < 0) {
            throw UsageError(fmt::format("--{} needs a whole number, not '{}'", name, *text));
        }
        return value;
    }

    void ApplyClientOptions(core::Client& client) const {
        for (const auto& option : TextFieldOptions()) {
            if (const auto value = m_args.Value(option.option)) {
                client.*option.member = *value;
            }
        }
        if (const auto dob = m_args.Value("dob")) {
            if (dob->empty()) {
                client.date_of_birth.reset();
            } else if (const auto date = core::ParseIsoDate(*dob)) {
                client.date_of_birth = date;
            } else {
                throw InvalidInput(fmt::format(
                    "date_of_birth: '{}' is not a date; use the form YYYY-MM-DD", *dob));
            }
        }
    }

    void PrintClient(const core::Client& client) {
        if (Json()) {
            m_out << ClientToJson(client).dump(2) << '\n';
            return;
        }
        const auto line = [&](std::string_view label, const std::string& value) {
            if (!value.empty()) {
                fmt::print(m_out, "{:<20}{}\n", fmt::format("{}:", label), value);
            }
        };
        line("Client", fmt::format("{} (id {})", core::DisplayName(client), client.id));
        if (client.archived) {
            line("Status", "archived");
        }
        line("Date of birth",
             client.date_of_birth ? core::FormatIsoDate(*client.date_of_birth) : std::string());
        line("Phone", client.phone);
        line("Email", client.email);
        line("Address", client.address);
        line("Emergency contact",
             core::Trim(client.emergency_contact_name + " " + client.emergency_contact_phone));
        line("Physician", client.physician);
        line("Referral source", client.referral_source);
        line("Notes", client.notes);
        line("Updated", fmt::format("{} (version {})", client.updated_at, client.version));
    }

    void ClientsAdd() {
        AllowOnly(ClientOptionNames(), 2);
        core::Client client;
        ApplyClientOptions(client);
        db::ClientRepository clients(Database());
        clients.Add(client);
        if (Json()) {
            PrintClient(client);
        } else {
            m_out << client.id << '\n';
        }
    }

    void ClientsUpdate() {
        AllowOnly(ClientOptionNames(), 3);
        const auto id = IdArgument(2);
        db::ClientRepository clients(Database());
        auto client = clients.Get(id);
        if (!client) {
            throw db::NotFoundError(fmt::format("There is no client with id {}.", id));
        }
        ApplyClientOptions(*client);
        clients.Update(*client);
        PrintClient(*client);
    }

    db::ArchiveFilter Filter() const {
        if (m_args.Flag("archived") && m_args.Flag("all")) {
            throw UsageError("give --archived or --all, not both");
        }
        return m_args.Flag("all")        ? db::ArchiveFilter::kAll
               : m_args.Flag("archived") ? db::ArchiveFilter::kArchived
                                         : db::ArchiveFilter::kActive;
    }

    void PrintMatch(const core::ClientSummary& row, bool first) {
        if (Json()) {
            m_out << (first ? "\n  " : ",\n  ") << ClientSummaryToJson(row).dump();
            return;
        }
        std::string name = core::DisplayName(row);
        if (row.archived) {
            name += " (archived)";
        }
        // Pad by terminal columns, not bytes, so Unicode names line up.
        const auto width = core::DisplayWidth(name);
        name.append(width < 40 ? 40 - width : 0, ' ');
        fmt::print(m_out, "{:>8}  {}  {:<10}  {:<20}  {}\n", row.id, name,
                   row.date_of_birth ? core::FormatIsoDate(*row.date_of_birth) : "", row.phone,
                   row.email);
    }

    // Streams the matches page by page, so even a very large practice is never held in
    // memory at once.
    void PrintMatches(const db::ClientQuery& query) {
        constexpr std::int64_t kPage = 500;
        const std::int64_t offset = NumberOption("offset", 0);
        const std::int64_t limit = NumberOption("limit", INT64_MAX);
        db::ClientRepository clients(Database());
        std::int64_t printed = 0;
        if (Json()) {
            m_out << '[';
        } else {
            fmt::print(m_out, "{:>8}  {:<40}  {:<10}  {:<20}  {}\n", "ID", "Name", "Born", "Phone",
                       "Email");
        }
        while (printed < limit) {
            const std::int64_t wanted = std::min(kPage, limit - printed);
            const auto page = clients.Search(query, offset + printed, wanted);
            for (const auto& row : page) {
                PrintMatch(row, printed == 0);
                ++printed;
            }
            if (static_cast<std::int64_t>(page.size()) < wanted) {
                break;
            }
        }
        if (Json()) {
            m_out << (printed == 0 ? "]\n" : "\n]\n");
        } else {
            fmt::print(m_out, "{} of {} client(s)\n", printed, clients.CountMatching(query));
        }
    }

    void ClientsList() {
        AllowOnly({"archived", "all", "limit", "offset"}, 2);
        PrintMatches({"", Filter()});
    }

    void ClientsSearch() {
        AllowOnly({"archived", "all", "limit", "offset"}, 3);
        PrintMatches({m_args.Positional()[2], Filter()});
    }

    void ClientsShow() {
        AllowOnly({}, 3);
        const auto id = IdArgument(2);
        db::ClientRepository clients(Database());
        const auto client = clients.Get(id);
        if (!client) {
            throw db::NotFoundError(fmt::format("There is no client with id {}.", id));
        }
        PrintClient(*client);
    }

    void SetArchived(bool archived) {
        AllowOnly({}, 3);
        const auto id = IdArgument(2);
        db::ClientRepository clients(Database());
        archived ? clients.Archive(id) : clients.Restore(id);
        const auto client = clients.Get(id);
        if (Json()) {
            PrintClient(*client);
        } else {
            fmt::print(m_out, "{} {} (id {})\n", archived ? "Archived" : "Restored",
                       core::DisplayName(*client), id);
        }
    }

    void ClientsArchive() { SetArchived(true); }
    void ClientsRestore() { SetArchived(false); }

    void DbInfo() {
        AllowOnly({}, 2);
        auto& database = Database();
        const int version = db::SchemaVersion(database);
        db::ClientRepository clients(database);
        const auto active = clients.Count(db::ArchiveFilter::kActive);
        const auto all = clients.Count(db::ArchiveFilter::kAll);
        if (Json()) {
            nlohmann::ordered_json info{{"location", database.Location()},
                                        {"backend", database.GetDialect().name},
                                        {"schema_version", version},
                                        {"app_schema_version", db::LatestSchemaVersion()},
                                        {"clients", active},
                                        {"archived_clients", all - active}};
            m_out << info.dump(2) << '\n';
            return;
        }
        fmt::print(m_out,
                   "Location:        {}\nBackend:         {}\nSchema version:  {}\n"
                   "Clients:         {} ({} archived)\n",
                   database.Location(), database.GetDialect().name, version, active, all - active);
    }

    std::ostream& m_out;
    Arguments m_args;
    std::unique_ptr<db::Database> m_database;
};

}  // namespace

int RunCli(const std::vector<std::string>& words, std::ostream& out, std::ostream& err) {
    const auto fail = [&](ExitCode code, std::string_view message) {
        fmt::print(err, "myodesk-cli: {}\n", message);
        return static_cast<int>(code);
    };
    try {
        Cli cli(words, out);
        return cli.Run();
    } catch (const UsageError& error) {
        fmt::print(err, "myodesk-cli: {}\n(see myodesk-cli --help)\n", error.what());
        return static_cast<int>(ExitCode::kUsage);
    } catch (const InvalidInput& error) {
        return fail(ExitCode::kInvalidInput, fmt::format("invalid input: {}", error.what()));
    } catch (const db::ValidationError& error) {
        fmt::print(err, "myodesk-cli: invalid input; nothing was saved:\n");
        for (const auto& problem : error.Problems()) {
            fmt::print(err, "  {}\n", ProblemText(problem));
        }
        return static_cast<int>(ExitCode::kInvalidInput);
    } catch (const db::NotFoundError& error) {
        return fail(ExitCode::kNotFound, error.what());
    } catch (const db::DatabaseError& error) {
        return fail(ExitCode::kDatabase, error.what());
    }
}

}  // namespace myodesk::app
