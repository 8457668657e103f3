#include "cli.h"

#include "arguments.h"
#include "client_json.h"
#include <myodesk/services/csv_exports.h>
#include "problem_text.h"
#include <myodesk/services/report_loader.h>

#include <myodesk/core/client_validation.h>
#include <myodesk/core/clinic_details.h>
#include <myodesk/core/demo_practice.h>
#include <myodesk/core/intake_json.h>
#include <myodesk/core/intake_validation.h>
#include <myodesk/core/plan.h>
#include <myodesk/core/plan_json.h>
#include <myodesk/core/plan_text.h>
#include <myodesk/core/screening.h>
#include <myodesk/core/session_json.h>
#include <myodesk/core/session_note.h>
#include <myodesk/core/staff.h>
#include <myodesk/core/text.h>
#include <myodesk/core/training.h>
#include <myodesk/core/version.h>
#include <myodesk/db/client_repository.h>
#include <myodesk/db/clinic_settings_repository.h>
#include <myodesk/db/default_location.h>
#include <myodesk/db/demo_writer.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/intake_repository.h>
#include <myodesk/db/migrations.h>
#include <myodesk/db/plan_repository.h>
#include <myodesk/db/session_note_repository.h>
#include <myodesk/db/staff_repository.h>
#include <myodesk/db/training_repository.h>
#include <myodesk/reports/atomic_output_file.h>
#include <myodesk/reports/client_report.h>
#include <myodesk/reports/clinic_summary.h>
#include <myodesk/reports/csv.h>
#include <myodesk/reports/pdf_renderer.h>
#include <myodesk/reports/report_locale.h>

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <soci/error.h>

#include <cerrno>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <ostream>
#include <sstream>
#include <tuple>
#include <utility>

namespace myodesk::app {

namespace {

using services::LoadClientReportInputs;
using services::LoadClinicSummary;
using services::LoadedClinicSummary;
using services::WriteClientsCsv;
using services::WriteSessionsCsv;

constexpr std::string_view kUsage = R"(usage: myodesk-cli [--db LOCATION] [--json] COMMAND

Commands:
  clients add --given NAME --family NAME [CLIENT OPTIONS]   add a client, print its id
  clients add --from-intake FILE.json                       the document's client and its first
                                                            intake, both or neither
  clients update ID [CLIENT OPTIONS]                        change fields ("" clears one)
  clients list [--archived | --all] [--limit N] [--offset N]
  clients search TEXT [--archived | --all] [--limit N] [--offset N]
  clients show ID
  clients archive ID                                        hide from the list (kept)
  clients restore ID
  intake import CLIENT_ID FILE.json                         save a new intake version, print its
                                                            id (FILE "-": standard input)
  intake show CLIENT_ID [--on YYYY-MM-DD] [--intake INTAKE_ID]
                                                            the newest intake (or that one) and
                                                            its flags on the day (default today)
  intake history CLIENT_ID                                  every intake version, newest first
  staff add --name NAME [--role therapist|manager]          add a staff member (default
                                                            therapist), print the id
  staff list [--all]                                        active staff by name; --all: leavers
                                                            too
  notes add CLIENT_ID FILE.json [--therapist STAFF_ID]      save a session note, print its id
                                                            (FILE "-": standard input)
  notes list CLIENT_ID [--limit N] [--offset N]             the client's notes, newest first
  notes show NOTE_ID                                        the SOAP note with its amendments
  notes sign NOTE_ID --by STAFF_ID                          sign the note; it is then locked
  notes amend NOTE_ID --by STAFF_ID --section SECTION --reason TEXT --text TEXT
                                                            correct a signed note (SECTION:
                                                            subjective, objective, assessment,
                                                            plan); the original stays
  notes unsigned [--limit N] [--offset N]                   notes not signed yet, oldest first
  training import CLIENT_ID FILE                            add a training calendar (CSV or JSON;
                                                            FILE "-": standard input); a day
                                                            already there is replaced
  training list CLIENT_ID [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                                                            the calendar, in the client's units
  training add CLIENT_ID --date YYYY-MM-DD --type TYPE [--km X | --mi X]
                                                            add or replace one day (TYPE: easy,
                                                            long, tempo, intervals, race, rest,
                                                            cross)
  training remove CLIENT_ID --date YYYY-MM-DD               remove one day
  plan generate CLIENT_ID [--from YYYY-MM-DD] [--weeks N]   make and save a massage plan around
                                                            the training (from today unless
                                                            --from), show what changed
  plan show CLIENT_ID                                       the current (newest) plan
  plan accept CLIENT_ID DATE --therapist STAFF_ID --time HH:MM [--duration N]
                                                            book the plan's session on DATE,
                                                            print the appointment id
  plan move CLIENT_ID DATE --to YYYY-MM-DD                  move the plan's session on DATE
  plan skip CLIENT_ID DATE                                  mark the plan's session on DATE
                                                            skipped
  plan history CLIENT_ID                                    every plan made, newest first
  settings show                                             the clinic's settings (clinic
                                                            details, screening windows, plan
                                                            rules), defaults, ranges
  settings set KEY VALUE                                    change one ("plan.taper_weeks" 3,
                                                            clinic.name "Run Well Clinic")
  report client CLIENT_ID --out FILE.pdf [--physician] [--paper a4|letter]
                                                            the client's progress report (with
                                                            --physician: the letter to their
                                                            physician) as PDF
  report clinic --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.pdf [--therapist STAFF_ID]
                [--csv FILE.csv] [--paper a4|letter]        the clinic summary of the period as
                                                            PDF (and its tables as CSV)
  export clients --out FILE.csv [--archived | --all]       the client list as CSV (active
                                                            clients unless --archived or --all)
  export sessions --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.csv
                                                            the session notes of the period (both
                                                            days included) as CSV
  export clinic --from YYYY-MM-DD --to YYYY-MM-DD --out FILE.csv [--therapist STAFF_ID]
                                                            the clinic summary's tables as CSV
  demo --clients N [--years Y] [--seed S] [--today YYYY-MM-DD]
                                                            fill an empty database with a demo
                                                            practice: therapists, runners with
                                                            intakes, training calendars, Y years
                                                            (default 2) of session notes, plans;
                                                            the same seed (default 1), N, Y and
                                                            day give the same practice
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

Document formats: docs/intake-format.md (intakes), docs/session-format.md (session notes),
docs/training-format.md (training calendars), docs/plan-format.md (plans).

Reports carry the clinic details of the settings (clinic.name, clinic.address, clinic.phone,
clinic.email, clinic.logo: a PNG file) and are laid out for report.paper (a4 or letter)
unless --paper is given.

CSV exports are UTF-8 with a byte order mark, RFC 4180 quoting and CRLF line ends; a cell
that begins with = + - @, a tab or a carriage return gets a leading ' so a spreadsheet never
runs it as a formula. Reports and exports appear only when complete.

Exit codes: 0 ok, 2 usage, 3 invalid input (also a file that cannot be read or written),
4 not found, 5 database error.
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

// The command a command line names ("report client"): its first two words that are neither
// an option nor an option's value. Which options take a value can depend on it (--physician
// is a client's physician in `clients add`, a flag in `report client`).
std::string CommandOf(const std::vector<std::string>& words,
                      const std::vector<std::string>& value_options) {
    std::vector<std::string> command;
    for (std::size_t i = 0; i < words.size() && command.size() < 2; ++i) {
        const std::string& word = words[i];
        if (word == "--") {
            break;
        }
        if (word.size() >= 3 && word.rfind("--", 0) == 0) {
            const std::string name = word.substr(2);
            if (name.find('=') == std::string::npos &&
                std::find(value_options.begin(), value_options.end(), name) !=
                    value_options.end()) {
                ++i;  // its value
            }
            continue;
        }
        command.push_back(word);
    }
    return fmt::format("{}", fmt::join(command, " "));
}

constexpr std::string_view kReportClient = "report client";

// Options that take a value, and flags, for every command.
std::vector<std::string> ValueOptions() {
    auto names = ClientOptionNames();
    names.insert(names.end(), {"db", "limit", "offset", "on", "intake", "from-intake", "name",
                               "role", "therapist", "by", "reason", "section", "text"});
    // The training calendar's and the plan's.
    names.insert(names.end(),
                 {"from", "to", "date", "type", "km", "mi", "weeks", "time", "duration"});
    // The exports' and the reports'.
    names.insert(names.end(), {"out", "csv", "paper"});
    // The demo practice's.
    names.insert(names.end(), {"clients", "years", "seed", "today"});
    return names;
}

std::vector<std::string> ValueOptions(const std::string& command) {
    auto names = ValueOptions();
    if (command == kReportClient) {
        std::erase(names, "physician");
    }
    return names;
}

std::vector<std::string> FlagOptions(const std::string& command) {
    std::vector<std::string> names{"json", "archived", "all", "help", "version"};
    if (command == kReportClient) {
        names.emplace_back("physician");  // the physician letter instead of the report
    }
    return names;
}

bool IsClientProblem(const core::ValidationProblem& problem) {
    return problem.field == "client" || problem.field.rfind("client.", 0) == 0;
}

bool IsTherapistProblem(const core::ValidationProblem& problem) {
    return problem.field == "therapist_id";
}

// A number with one decimal, without a trailing ".0": 42.2, 30.
std::string Decimal(double value) {
    std::string text = fmt::format("{:.1f}", value);
    if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) {
        text.resize(text.size() - 2);
    }
    return text;
}

// A distance stored in km, in the units the client reads.
std::string Distance(double km, core::DistanceUnit units) {
    const double value = units == core::DistanceUnit::kMi ? core::KmToMiles(km) : km;
    return fmt::format("{} {}", Decimal(value), core::ToCode(units));
}

std::string Where(const std::optional<core::Region>& region,
                  const std::optional<core::Side>& side) {
    std::string where = region ? std::string(core::ToCode(*region)) : std::string();
    if (side) {
        where += (where.empty() ? "" : " ") + std::string(core::ToCode(*side));
    }
    return where;
}

// The words for a pressure on the 1-10 scale (DOMAIN.md "Pressure").
std::string_view PressureWord(int pressure) {
    if (pressure <= 3) {
        return "light";
    }
    if (pressure <= 6) {
        return "medium";
    }
    if (pressure == 7) {
        return "firm";
    }
    if (pressure == 8) {
        return "deep";
    }
    return "too much: never planned";
}

// "Monday", for a date.
std::string WeekdayName(const core::Date& date) {
    std::string name(core::ToCode(static_cast<core::Weekday>(core::IsoWeekdayIndex(date))));
    name[0] = static_cast<char>(name[0] - 'a' + 'A');
    return name;
}

// "hamstrings left"
std::string RegionText(core::Region region, core::Side side) {
    return fmt::format("{} {}", core::ToCode(region), core::ToCode(side));
}

// Text padded to `width` terminal columns (Unicode names line up).
std::string Padded(std::string text, std::size_t width) {
    const auto used = core::DisplayWidth(text);
    text.append(used < width ? width - used : 0, ' ');
    return text;
}

// What each flag level asks of the therapist.
std::string_view LevelAdvice(core::FlagLevel level) {
    switch (level) {
        case core::FlagLevel::kAbsolute:
            return "no massage; refer the client";
        case core::FlagLevel::kLocal:
            return "avoid this area";
        case core::FlagLevel::kModify:
            return "lighter pressure, no deep tissue";
    }
    return "";
}

class Cli {
  public:
    Cli(const std::vector<std::string>& words, std::istream& in, std::ostream& out,
        std::ostream& err)
        : m_in(in),
          m_out(out),
          m_err(err),
          m_value_options(ValueOptions(CommandOf(words, ValueOptions()))),
          m_args(words, m_value_options, FlagOptions(CommandOf(words, ValueOptions()))) {}

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
            {"clients add", &Cli::ClientsAdd},
            {"clients update", &Cli::ClientsUpdate},
            {"clients list", &Cli::ClientsList},
            {"clients search", &Cli::ClientsSearch},
            {"clients show", &Cli::ClientsShow},
            {"clients archive", &Cli::ClientsArchive},
            {"clients restore", &Cli::ClientsRestore},
            {"intake import", &Cli::IntakeImport},
            {"intake show", &Cli::IntakeShow},
            {"intake history", &Cli::IntakeHistory},
            {"staff add", &Cli::StaffAdd},
            {"staff list", &Cli::StaffList},
            {"notes add", &Cli::NotesAdd},
            {"notes list", &Cli::NotesList},
            {"notes show", &Cli::NotesShow},
            {"notes sign", &Cli::NotesSign},
            {"notes amend", &Cli::NotesAmend},
            {"notes unsigned", &Cli::NotesUnsigned},
            {"training import", &Cli::TrainingImport},
            {"training list", &Cli::TrainingList},
            {"training add", &Cli::TrainingAdd},
            {"training remove", &Cli::TrainingRemove},
            {"plan generate", &Cli::PlanGenerate},
            {"plan show", &Cli::PlanShow},
            {"plan accept", &Cli::PlanAccept},
            {"plan move", &Cli::PlanMove},
            {"plan skip", &Cli::PlanSkip},
            {"plan history", &Cli::PlanHistory},
            {"settings show", &Cli::SettingsShow},
            {"settings set", &Cli::SettingsSet},
            {"export clients", &Cli::ExportClients},
            {"export sessions", &Cli::ExportSessions},
            {"export clinic", &Cli::ExportClinic},
            {"report client", &Cli::ReportClient},
            {"report clinic", &Cli::ReportClinic},
            {"db info", &Cli::DbInfo},
            {"demo", &Cli::Demo},
        };
        const auto found = kCommands.find(command);
        if (found == kCommands.end()) {
            throw UsageError(fmt::format("unknown command '{}'", command));
        }
        (this->*found->second)();
        return 0;
    }

  private:
    // Refuses options that mean nothing to this command (a typo should not pass silently).
    void AllowOnly(std::vector<std::string> allowed, std::size_t positional_count) const {
        allowed.insert(allowed.end(), {"db", "json"});
        for (const auto& name : m_value_options) {
            if (m_args.Value(name) &&
                std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
                throw UsageError(fmt::format("--{} does not apply to this command", name));
            }
        }
        for (const char* flag : {"archived", "all", "physician"}) {
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

    static std::int64_t ParseId(const std::string& text, std::string_view what) {
        long long id = 0;
        const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
        if (error != std::errc() || end != text.data() + text.size() || id <= 0) {
            throw UsageError(fmt::format("'{}' is not {} (a whole number)", text, what));
        }
        return id;
    }

    core::ClientId IdArgument(std::size_t index) const {
        return ParseId(m_args.Positional().at(index), "a client id");
    }

    std::optional<core::Date> DateOption(const std::string& name) const {
        const auto text = m_args.Value(name);
        if (!text) {
            return std::nullopt;
        }
        const auto date = core::ParseIsoDate(*text);
        if (!date) {
            throw InvalidInput(
                fmt::format("--{}: '{}' is not a date; use the form YYYY-MM-DD", name, *text));
        }
        return date;
    }

    core::Client RequireClient(core::ClientId id) {
        auto client = db::ClientRepository(Database()).Get(id);
        if (!client) {
            throw db::NotFoundError(fmt::format("There is no client with id {}.", id));
        }
        return *client;
    }

    // The file named on the command line ("-": standard input), read through rdbuf (an
    // istreambuf_iterator trips -Wnull-dereference at -O2).
    std::string ReadText(const std::string& path) {
        std::ostringstream text;
        if (path == "-") {
            text << m_in.rdbuf();
        } else {
            std::ifstream file(path, std::ios::binary);
            if (!file) {
                throw InvalidInput(fmt::format("cannot read {}: {}", path, std::strerror(errno)));
            }
            text << file.rdbuf();
        }
        return text.str();
    }

    static nlohmann::json ParseJson(const std::string& text, const std::string& path) {
        try {
            return nlohmann::json::parse(text);
        } catch (const nlohmann::json::parse_error& error) {
            throw InvalidInput(fmt::format("{} is not valid JSON: {}",
                                           path == "-" ? "standard input" : path, error.what()));
        }
    }

    // The JSON document named on the command line ("-": standard input).
    nlohmann::json ReadDocument(const std::string& path) { return ParseJson(ReadText(path), path); }

    // A stored intake as JSON: its ids and save time, then the exchange format's fields.
    static nlohmann::ordered_json StoredIntakeJson(const core::Intake& intake) {
        nlohmann::ordered_json json{
            {"id", intake.id}, {"client_id", intake.client_id}, {"created_at", intake.created_at}};
        const auto exchange = core::IntakeToJson(intake);  // kept alive while iterating
        for (const auto& [key, value] : exchange.items()) {
            json[key] = value;
        }
        return json;
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
            m_out << core::ClientToJson(client).dump(2) << '\n';
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
        if (m_args.Value("from-intake")) {
            ClientsAddFromIntake();
            return;
        }
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

    // Streams the matches page by page (each page goes on from where the last one ended), so
    // even a very large practice is never held in memory at once.
    void PrintMatches(const db::ClientQuery& query) {
        constexpr std::int64_t kPage = 500;
        const std::int64_t offset = NumberOption("offset", 0);
        const std::int64_t limit = NumberOption("limit", INT64_MAX);
        db::ClientRepository clients(Database());
        std::int64_t skipped = 0;
        std::int64_t printed = 0;
        if (Json()) {
            m_out << '[';
        } else {
            fmt::print(m_out, "{:>8}  {:<40}  {:<10}  {:<20}  {}\n", "ID", "Name", "Born", "Phone",
                       "Email");
        }
        std::optional<db::ClientSearchCursor> next;
        while (printed < limit) {
            db::ClientSearchPage page = clients.SearchPage(query, next, kPage);
            for (const auto& row : page.rows) {
                if (skipped < offset) {
                    ++skipped;
                } else if (printed < limit) {
                    PrintMatch(row, printed == 0);
                    ++printed;
                }
            }
            if (!page.next) {
                break;
            }
            next = std::move(page.next);
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

    // The document's "client" object becomes a new client and the rest its first intake, in one
    // transaction: when either is refused, neither is saved.
    void ClientsAddFromIntake() {
        AllowOnly({"from-intake"}, 2);
        auto parsed = core::IntakeFromJson(ReadDocument(*m_args.Value("from-intake")));
        core::ValidationProblems problems = std::move(parsed.problems);
        if (!parsed.client && std::none_of(problems.begin(), problems.end(), IsClientProblem)) {
            problems.push_back({"client", core::ProblemCode::kRequired});
        }
        if (problems.empty()) {
            // Both checked up front, so every problem of the document is listed at once.
            const auto today = db::LocalDate(db::SystemNow());
            for (auto& problem : core::ValidateClient(*parsed.client, today)) {
                problem.field = "client." + problem.field;
                problems.push_back(std::move(problem));
            }
            auto intake_problems = core::ValidateIntake(parsed.intake, today);
            problems.insert(problems.end(), intake_problems.begin(), intake_problems.end());
        }
        if (!problems.empty()) {
            throw db::ValidationError(std::move(problems));
        }
        core::Client client = std::move(*parsed.client);
        core::Intake intake = std::move(parsed.intake);
        auto& database = Database();
        {
            db::Transaction transaction(database);
            db::ClientRepository(database).Add(client);
            intake.client_id = client.id;
            db::IntakeRepository(database).Add(intake);
            transaction.Commit();
        }
        if (Json()) {
            auto json = core::ClientToJson(client);
            json["intake"] = StoredIntakeJson(intake);
            m_out << json.dump(2) << '\n';
        } else {
            m_out << client.id << '\n';
        }
    }

    void IntakeImport() {
        AllowOnly({}, 4);
        const auto client_id = IdArgument(2);
        RequireClient(client_id);
        auto parsed = core::IntakeFromJson(ReadDocument(m_args.Positional()[3]));
        // The client is the one named on the command line; a "client" object is not used.
        std::erase_if(parsed.problems, IsClientProblem);
        if (!parsed.problems.empty()) {
            throw db::ValidationError(std::move(parsed.problems));
        }
        if (parsed.client) {
            fmt::print(m_err,
                       "myodesk-cli: note: the document's \"client\" object was not used (the "
                       "intake is for client {}; clients add --from-intake creates a client)\n",
                       client_id);
        }
        core::Intake intake = std::move(parsed.intake);
        intake.client_id = client_id;
        db::IntakeRepository(Database()).Add(intake);
        if (Json()) {
            m_out << StoredIntakeJson(intake).dump(2) << '\n';
        } else {
            m_out << intake.id << '\n';
        }
    }

    void IntakeShow() {
        AllowOnly({"on", "intake"}, 3);
        const auto client_id = IdArgument(2);
        const auto on_date = DateOption("on").value_or(db::LocalDate(db::SystemNow()));
        const auto version = m_args.Value("intake");
        const auto intake_id = version ? ParseId(*version, "an intake id") : 0;
        const auto client = RequireClient(client_id);
        db::IntakeRepository intakes(Database());
        std::optional<core::Intake> intake;
        if (version) {
            intake = intakes.Get(intake_id);
            if (!intake || intake->client_id != client_id) {
                throw db::NotFoundError(
                    fmt::format("Client {} has no intake with id {}.", client_id, intake_id));
            }
        } else {
            intake = intakes.Newest(client_id);
            if (!intake) {
                throw db::NotFoundError(fmt::format(
                    "{} (client {}) has no intake yet; add one with: myodesk-cli intake import "
                    "{} FILE.json",
                    core::DisplayName(client), client_id, client_id));
            }
        }
        const auto settings = db::ClinicSettingsRepository(Database()).LoadScreening();
        const auto flags = core::ScreenContraindications(*intake, on_date, settings);
        if (Json()) {
            auto json = StoredIntakeJson(*intake);
            json["flags"] = core::FlagsToJson(flags);
            m_out << json.dump(2) << '\n';
            return;
        }
        PrintIntake(client, *intake, flags, on_date);
    }

    void PrintIntake(const core::Client& client, const core::Intake& intake,
                     const std::vector<core::ContraindicationFlag>& flags,
                     const core::Date& on_date) {
        const auto line = [&](std::string_view label, const std::string& value) {
            if (!value.empty()) {
                fmt::print(m_out, "{:<20}{}\n", fmt::format("{}:", label), value);
            }
        };
        const auto item = [&](const std::string& text) { fmt::print(m_out, "  {}\n", text); };
        const auto units = intake.runner.units;

        line("Intake",
             fmt::format("{} of {} (client {})", intake.id, core::DisplayName(client), client.id));
        const bool outdated = core::IsIntakeOutdated(intake.taken_on, on_date);
        line("Taken on", fmt::format("{}{}", core::FormatIsoDate(intake.taken_on),
                                     outdated ? " (over a year old: ask for a new intake)" : ""));
        line("Saved", intake.created_at);

        fmt::print(m_out, "Flags on {}:{}\n", core::FormatIsoDate(on_date),
                   flags.empty() ? " none" : "");
        for (const auto& flag : flags) {
            std::string text =
                fmt::format("{:<9}{}", core::ToCode(flag.level), core::ToCode(flag.code));
            if (const auto where = Where(flag.region, flag.side); !where.empty()) {
                text += fmt::format(" ({})", where);
            }
            if (flag.until) {
                text += fmt::format(" until {}", core::FormatIsoDate(*flag.until));
            }
            if (flag.physician_clearance) {
                text += ", physician clearance needed";
            }
            item(fmt::format("{}: {}", text, LevelAdvice(flag.level)));
        }

        if (!intake.soreness.empty()) {
            fmt::print(m_out, "Soreness:\n");
            for (const auto& sore : intake.soreness) {
                item(fmt::format("{:<24}pain {}/10", Where(sore.region, sore.side), sore.pain));
            }
        }
        if (!intake.avoid_regions.empty()) {
            fmt::print(m_out, "Avoid:\n");
            for (const auto& area : intake.avoid_regions) {
                item(Where(area.region, area.side));
            }
        }

        const auto& health = intake.health;
        fmt::print(m_out, "Health:\n");
        const auto sub_line = [&](std::string_view label, const std::string& value) {
            fmt::print(m_out, "  {:<18}{}\n", fmt::format("{}:", label), value);
        };
        for (const auto& condition : health.conditions) {
            std::string text(core::ToCode(condition.code));
            if (const auto where = Where(condition.region, condition.side); !where.empty()) {
                text += fmt::format(" ({})", where);
            }
            if (condition.since) {
                text += fmt::format(" since {}", core::FormatIsoDate(*condition.since));
            }
            sub_line("Condition", text);
        }
        for (const auto& medication : health.medications) {
            sub_line("Medication", fmt::format("{} ({})", medication.name,
                                               core::ToCode(medication.medication_class)));
        }
        const auto event_line = [&](std::string_view label, const core::HealthEvent& event) {
            std::string text = core::FormatIsoDate(event.date);
            for (const auto& part : {event.kind, Where(event.region, event.side)}) {
                if (!part.empty()) {
                    text += " " + part;
                }
            }
            if (!event.description.empty()) {
                text += ": " + event.description;
            }
            sub_line(label, text);
        };
        for (const auto& surgery : health.surgeries) {
            event_line("Surgery", surgery);
        }
        for (const auto& injury : health.injuries) {
            event_line("Injury", injury);
        }
        if (health.pregnant) {
            sub_line("Pregnant", health.pregnancy_weeks
                                     ? fmt::format("yes, {} weeks on {}", *health.pregnancy_weeks,
                                                   core::FormatIsoDate(intake.taken_on))
                                     : std::string("yes"));
        }
        if (!health.allergies.empty()) {
            sub_line("Allergies", health.allergies);
        }
        if (health.conditions.empty() && health.medications.empty() && health.surgeries.empty() &&
            health.injuries.empty() && !health.pregnant && health.allergies.empty()) {
            item("nothing declared");
        }

        const auto& runner = intake.runner;
        fmt::print(m_out, "Runner:\n");
        const auto& race = runner.goal_race;
        if (!race.name.empty() || race.date || race.distance_km || runner.goal) {
            std::vector<std::string> parts;
            if (!race.name.empty()) {
                parts.push_back(race.name);
            }
            if (race.date) {
                parts.push_back(core::FormatIsoDate(*race.date));
            }
            if (race.distance_km) {
                parts.push_back(Distance(*race.distance_km, units));
            }
            if (runner.goal) {
                parts.push_back(runner.goal == core::RaceGoal::kPersonalBest ? "goal: personal best"
                                                                             : "goal: finish");
            }
            sub_line("Goal race", fmt::format("{}", fmt::join(parts, ", ")));
        }
        if (runner.runs_per_week) {
            sub_line("Runs per week", std::to_string(*runner.runs_per_week));
        }
        if (runner.long_run_weekday) {
            sub_line("Long run on", std::string(core::ToCode(*runner.long_run_weekday)));
        }
        if (runner.weekly_distance_km) {
            sub_line("Weekly distance", Distance(*runner.weekly_distance_km, units));
        }
        if (runner.longest_run_30d_km) {
            sub_line("Longest, 30 days", Distance(*runner.longest_run_30d_km, units));
        }
        for (const auto& run : runner.recent_runs) {
            sub_line("Run", fmt::format("{} {} {}", core::FormatIsoDate(run.date),
                                        core::ToCode(run.type), Distance(run.distance_km, units)));
        }
        sub_line("Units", std::string(core::ToCode(units)));

        line("Pressure", intake.preferences.pressure
                             ? std::string(core::ToCode(*intake.preferences.pressure))
                             : std::string("no preference"));
        line("Preferences", intake.preferences.notes);
        const auto& consent = intake.consent;
        line("Consent",
             consent.accepted
                 ? fmt::format("accepted, signed \"{}\" on {}", consent.signed_name,
                               consent.signed_on ? core::FormatIsoDate(*consent.signed_on) : "?")
                 : std::string("NOT GIVEN"));
    }

    void IntakeHistory() {
        AllowOnly({}, 3);
        const auto client_id = IdArgument(2);
        const auto client = RequireClient(client_id);
        const auto versions = db::IntakeRepository(Database()).History(client_id);
        if (Json()) {
            nlohmann::ordered_json list = nlohmann::ordered_json::array();
            for (const auto& version : versions) {
                list.push_back({{"id", version.id},
                                {"taken_on", core::FormatIsoDate(version.taken_on)},
                                {"created_at", version.created_at}});
            }
            m_out << list.dump(2) << '\n';
            return;
        }
        if (versions.empty()) {
            fmt::print(m_out, "{} (client {}) has no intake yet.\n", core::DisplayName(client),
                       client_id);
            return;
        }
        fmt::print(m_out, "{:>8}  {:<10}  {}\n", "ID", "Taken on", "Saved at");
        for (const auto& version : versions) {
            fmt::print(m_out, "{:>8}  {:<10}  {}\n", version.id,
                       core::FormatIsoDate(version.taken_on), version.created_at);
        }
    }

    core::StaffId StaffOption(const std::string& name) const {
        const auto text = m_args.Value(name);
        if (!text) {
            throw UsageError(fmt::format("--{} STAFF_ID is required", name));
        }
        return ParseId(*text, "a staff id");
    }

    // The staff member's name for a listing, or a placeholder for an id that is not there.
    std::string StaffName(core::StaffId id) {
        const auto found = m_staff_names.find(id);
        if (found != m_staff_names.end()) {
            return found->second;
        }
        const auto staff = db::StaffRepository(Database()).Get(id);
        std::string name = staff ? staff->name : fmt::format("staff {}", id);
        m_staff_names.emplace(id, name);
        return name;
    }

    void StaffAdd() {
        AllowOnly({"name", "role"}, 2);
        core::Staff staff;
        staff.name = m_args.Value("name").value_or("");
        if (const auto role = m_args.Value("role")) {
            const auto parsed = core::StaffRoleFromCode(*role);
            if (!parsed) {
                throw InvalidInput(
                    fmt::format("role: '{}' is not a role; use therapist or manager", *role));
            }
            staff.role = *parsed;
        }
        db::StaffRepository(Database()).Add(staff);
        if (Json()) {
            m_out << core::StaffToJson(staff).dump(2) << '\n';
        } else {
            m_out << staff.id << '\n';
        }
    }

    void StaffList() {
        AllowOnly({"all"}, 2);
        const auto staff = db::StaffRepository(Database()).List(m_args.Flag("all"));
        if (Json()) {
            nlohmann::ordered_json list = nlohmann::ordered_json::array();
            for (const auto& member : staff) {
                list.push_back(core::StaffToJson(member));
            }
            m_out << list.dump(2) << '\n';
            return;
        }
        fmt::print(m_out, "{:>8}  {}  {}\n", "ID", Padded("Name", 32), "Role");
        for (const auto& member : staff) {
            fmt::print(m_out, "{:>8}  {}  {}{}\n", member.id, Padded(member.name, 32),
                       core::ToCode(member.role), member.active ? "" : " (inactive)");
        }
    }

    // Reads a note document for the client. The therapist is the document's therapist_id
    // unless --therapist names one. Every problem of the document is listed at once.
    void NotesAdd() {
        AllowOnly({"therapist"}, 4);
        const auto client_id = IdArgument(2);
        const auto therapist_option = m_args.Value("therapist");
        const core::StaffId therapist =
            therapist_option ? ParseId(*therapist_option, "a staff id") : 0;
        RequireClient(client_id);
        auto parsed = core::SessionNoteFromJson(ReadDocument(m_args.Positional()[3]));
        core::ValidationProblems problems = std::move(parsed.problems);
        core::SessionNote note = std::move(parsed.note);
        note.client_id = client_id;
        if (therapist != 0) {
            std::erase_if(problems, IsTherapistProblem);
            note.therapist_id = therapist;
        } else if (note.therapist_id == 0 &&
                   std::none_of(problems.begin(), problems.end(), IsTherapistProblem)) {
            problems.push_back({"therapist_id", core::ProblemCode::kRequired});
        }
        // When the document was read cleanly (a missing therapist aside), its values are
        // checked too, so every problem is listed at once.
        if (std::all_of(problems.begin(), problems.end(), IsTherapistProblem)) {
            auto checked = core::ValidateSessionNote(note, db::LocalDate(db::SystemNow()));
            problems.insert(problems.end(), checked.begin(), checked.end());
        }
        if (!problems.empty()) {
            throw db::ValidationError(std::move(problems));
        }
        db::SessionNoteRepository(Database()).Add(note);
        if (Json()) {
            m_out << core::StoredSessionNoteToJson(note).dump(2) << '\n';
        } else {
            m_out << note.id << '\n';
        }
    }

    static nlohmann::ordered_json SummaryJson(const db::SessionNoteSummary& summary) {
        nlohmann::ordered_json techniques = nlohmann::ordered_json::array();
        for (const auto technique : summary.techniques) {
            techniques.push_back(std::string(core::ToCode(technique)));
        }
        nlohmann::ordered_json regions = nlohmann::ordered_json::array();
        for (const auto& place : summary.regions) {
            regions.push_back({{"region", std::string(core::ToCode(place.region))},
                               {"side", std::string(core::ToCode(place.side))}});
        }
        return {{"id", summary.id},
                {"client_id", summary.client_id},
                {"date", core::FormatIsoDate(summary.date)},
                {"start_time", core::FormatClockTime(summary.start_minute)},
                {"duration_min", summary.duration_min},
                {"therapist_id", summary.therapist_id},
                {"therapist_name", summary.therapist_name},
                {"techniques", std::move(techniques)},
                {"regions", std::move(regions)},
                {"is_signed", summary.is_signed},
                {"amendment_count", summary.amendment_count}};
    }

    void PrintSummary(const db::SessionNoteSummary& summary, bool first, bool with_client) {
        if (Json()) {
            m_out << (first ? "\n  " : ",\n  ") << SummaryJson(summary).dump();
            return;
        }
        std::vector<std::string> techniques;
        for (const auto technique : summary.techniques) {
            techniques.emplace_back(core::ToCode(technique));
        }
        std::vector<std::string> regions;
        for (const auto& place : summary.regions) {
            regions.push_back(RegionText(place.region, place.side));
        }
        std::string status = summary.is_signed ? "signed" : "UNSIGNED";
        if (summary.amendment_count > 0) {
            status += fmt::format(", {} amendment(s)", summary.amendment_count);
        }
        std::string client;
        if (with_client) {
            client = fmt::format("client {}  ", summary.client_id);
        }
        fmt::print(m_out, "{:>8}  {}{}  {}  {:>3} min  {}  {}\n", summary.id, client,
                   core::FormatIsoDate(summary.date), core::FormatClockTime(summary.start_minute),
                   summary.duration_min, Padded(summary.therapist_name, 24), status);
        if (!techniques.empty()) {
            fmt::print(m_out, "{:>10}{}\n", "", fmt::join(techniques, ", "));
        }
        if (!regions.empty()) {
            fmt::print(m_out, "{:>10}{}\n", "", fmt::join(regions, ", "));
        }
    }

    // Streams a list page by page, like the client list.
    template <typename Page>
    std::int64_t PrintSummaries(Page&& page_at, bool with_client) {
        constexpr std::int64_t kPage = 500;
        const std::int64_t offset = NumberOption("offset", 0);
        const std::int64_t limit = NumberOption("limit", INT64_MAX);
        std::int64_t printed = 0;
        if (Json()) {
            m_out << '[';
        }
        while (printed < limit) {
            const std::int64_t wanted = std::min(kPage, limit - printed);
            const std::vector<db::SessionNoteSummary> page = page_at(offset + printed, wanted);
            for (const auto& summary : page) {
                PrintSummary(summary, printed == 0, with_client);
                ++printed;
            }
            if (static_cast<std::int64_t>(page.size()) < wanted) {
                break;
            }
        }
        if (Json()) {
            m_out << (printed == 0 ? "]\n" : "\n]\n");
        }
        return printed;
    }

    void NotesList() {
        AllowOnly({"limit", "offset"}, 3);
        const auto client_id = IdArgument(2);
        const auto client = RequireClient(client_id);
        db::SessionNoteRepository notes(Database());
        if (!Json()) {
            fmt::print(m_out, "Session notes of {} (client {}), newest first:\n",
                       core::DisplayName(client), client_id);
        }
        const auto printed = PrintSummaries(
            [&](std::int64_t offset, std::int64_t limit) {
                return notes.ListForClient(client_id, offset, limit);
            },
            false);
        if (!Json()) {
            fmt::print(m_out, "{} of {} note(s)\n", printed, notes.CountForClient(client_id));
        }
    }

    void NotesUnsigned() {
        AllowOnly({"limit", "offset"}, 2);
        db::SessionNoteRepository notes(Database());
        if (!Json()) {
            fmt::print(m_out, "Notes not signed yet, oldest first:\n");
        }
        const auto printed =
            PrintSummaries([&](std::int64_t offset,
                               std::int64_t limit) { return notes.ListUnsigned(offset, limit); },
                           true);
        if (!Json()) {
            fmt::print(m_out, "{} of {} unsigned note(s)\n", printed, notes.CountUnsigned());
        }
    }

    core::SessionNote RequireNote(core::SessionNoteId id) {
        auto note = db::SessionNoteRepository(Database()).Get(id);
        if (!note) {
            throw db::NotFoundError(fmt::format("There is no session note with id {}.", id));
        }
        return *note;
    }

    void NotesShow() {
        AllowOnly({}, 3);
        const auto note = RequireNote(ParseId(m_args.Positional()[2], "a note id"));
        if (Json()) {
            m_out << core::StoredSessionNoteToJson(note).dump(2) << '\n';
            return;
        }
        PrintNote(note);
    }

    void PrintNote(const core::SessionNote& note) {
        const auto line = [&](std::string_view label, const std::string& value) {
            fmt::print(m_out, "{:<20}{}\n", fmt::format("{}:", label), value);
        };
        const auto client = RequireClient(note.client_id);
        line("Session note", fmt::format("{} of {} (client {})", note.id, core::DisplayName(client),
                                         note.client_id));
        std::string when = fmt::format("{} {}, {} min", core::FormatIsoDate(note.date),
                                       core::FormatClockTime(note.start_minute), note.duration_min);
        if (note.position) {
            when += fmt::format(", {}", core::ToCode(*note.position));
        }
        line("Session", when);
        line("Therapist",
             fmt::format("{} (id {})", StaffName(note.therapist_id), note.therapist_id));
        line("Signed", core::IsSigned(note)
                           ? fmt::format("{} by {} (id {}); locked", note.signed_at,
                                         StaffName(*note.signed_by), *note.signed_by)
                           : std::string("not yet (notes sign NOTE_ID --by STAFF_ID)"));
        if (!note.techniques.empty()) {
            fmt::print(m_out, "Techniques:\n");
            for (const auto& use : note.techniques) {
                fmt::print(m_out, "  {:<24}{} min\n", core::ToCode(use.technique), use.minutes);
            }
        }
        if (!note.regions.empty()) {
            fmt::print(m_out, "Regions:\n");
            for (const auto& work : note.regions) {
                std::string text =
                    fmt::format("  {:<24}pressure {} ({})", RegionText(work.region, work.side),
                                work.pressure, PressureWord(work.pressure));
                if (work.pain_before || work.pain_after) {
                    const auto pain = [](const std::optional<int>& value) {
                        return value ? std::to_string(*value) : std::string("?");
                    };
                    text += fmt::format(", pain {} -> {}", pain(work.pain_before),
                                        pain(work.pain_after));
                }
                fmt::print(m_out, "{}\n", text);
            }
        }
        // Each SOAP section as signed, then its corrections in the order they were made.
        const auto indented = [&](const std::string& text) {
            if (text.empty()) {
                fmt::print(m_out, "  (empty)\n");
                return;
            }
            std::istringstream lines(text);
            for (std::string row; std::getline(lines, row);) {
                fmt::print(m_out, "  {}\n", row);
            }
        };
        const std::pair<core::NoteSection, const std::string*> sections[] = {
            {core::NoteSection::kSubjective, &note.subjective},
            {core::NoteSection::kObjective, &note.objective},
            {core::NoteSection::kAssessment, &note.assessment},
            {core::NoteSection::kPlan, &note.plan},
        };
        for (const auto& [section, text] : sections) {
            std::string title(core::ToCode(section));
            title[0] = static_cast<char>(title[0] - 'a' + 'A');
            fmt::print(m_out, "{}:\n", title);
            indented(*text);
            for (const auto& amendment : note.amendments) {
                if (amendment.section != section) {
                    continue;
                }
                fmt::print(m_out, "  Amendment {}, {} by {} (id {}): {}\n", amendment.id,
                           amendment.amended_at, StaffName(amendment.amended_by),
                           amendment.amended_by, amendment.reason);
                std::istringstream lines(amendment.text);
                for (std::string row; std::getline(lines, row);) {
                    fmt::print(m_out, "    {}\n", row);
                }
            }
        }
    }

    void NotesSign() {
        AllowOnly({"by"}, 3);
        const auto note_id = ParseId(m_args.Positional()[2], "a note id");
        const auto by = StaffOption("by");
        db::SessionNoteRepository notes(Database());
        notes.Sign(note_id, by);
        const auto note = RequireNote(note_id);
        if (Json()) {
            m_out << core::StoredSessionNoteToJson(note).dump(2) << '\n';
        } else {
            fmt::print(m_out, "Signed note {} at {}; it is now locked (corrections: notes amend)\n",
                       note_id, note.signed_at);
        }
    }

    void NotesAmend() {
        AllowOnly({"by", "reason", "section", "text"}, 3);
        const auto note_id = ParseId(m_args.Positional()[2], "a note id");
        core::Amendment amendment;
        amendment.amended_by = StaffOption("by");
        const auto section_text = m_args.Value("section");
        if (!section_text) {
            throw UsageError("--section subjective|objective|assessment|plan is required");
        }
        const auto section = core::NoteSectionFromCode(*section_text);
        if (!section) {
            throw InvalidInput(fmt::format(
                "section: '{}' is not a section; use subjective, objective, assessment or plan",
                *section_text));
        }
        amendment.section = *section;
        amendment.reason = m_args.Value("reason").value_or("");
        amendment.text = m_args.Value("text").value_or("");
        const auto saved = db::SessionNoteRepository(Database()).Amend(note_id, amendment);
        if (Json()) {
            m_out << core::StoredSessionNoteToJson(RequireNote(note_id)).dump(2) << '\n';
        } else {
            m_out << saved.id << '\n';
        }
    }

    // The units the client reads distances in: those of the newest intake (km without one).
    core::DistanceUnit ClientUnits(core::ClientId client) {
        const auto intake = db::IntakeRepository(Database()).Newest(client);
        return intake ? intake->runner.units : core::DistanceUnit::kKm;
    }

    // Reads a CSV or JSON calendar (by its first character) and saves it, all or nothing: a
    // day already in the calendar is replaced.
    void TrainingImport() {
        AllowOnly({}, 4);
        const auto client_id = IdArgument(2);
        RequireClient(client_id);
        const std::string& path = m_args.Positional()[3];
        const std::string text = ReadText(path);
        auto parsed = core::ParseTrainingDocument(text);
        if (!parsed.problems.empty()) {
            // JSON that does not parse is reported as the other documents are, with the
            // parser's position, rather than as a bare "document" problem.
            const auto first = text.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
            if (first != std::string::npos && (text[first] == '{' || text[first] == '[')) {
                ParseJson(text, path);
            }
            throw db::ValidationError(std::move(parsed.problems));
        }
        const int added = db::TrainingRepository(Database()).Import(client_id, parsed.entries);
        const auto count = parsed.entries.size();
        if (Json()) {
            m_out << nlohmann::ordered_json{{"imported", count}, {"new", added}}.dump(2) << '\n';
        } else {
            fmt::print(m_out, "Imported {} {} ({} new)\n", count, count == 1 ? "entry" : "entries",
                       added);
        }
    }

    void TrainingList() {
        AllowOnly({"from", "to"}, 3);
        const auto client_id = IdArgument(2);
        const auto from = DateOption("from");
        const auto to = DateOption("to");
        const auto client = RequireClient(client_id);
        const auto entries = db::TrainingRepository(Database()).List(client_id, from, to);
        if (Json()) {
            m_out << core::TrainingToJson(entries).dump(2) << '\n';
            return;
        }
        const auto units = ClientUnits(client_id);
        fmt::print(m_out, "Training of {} (client {}):\n", core::DisplayName(client), client_id);
        for (const auto& entry : entries) {
            std::string row = fmt::format(
                "  {}  {:<11}{:<10}{}", core::FormatIsoDate(entry.date), WeekdayName(entry.date),
                core::ToCode(entry.type),
                entry.distance_km ? Distance(*entry.distance_km, units) : std::string());
            row.erase(row.find_last_not_of(' ') + 1);
            fmt::print(m_out, "{}\n", row);
        }
        fmt::print(m_out, "{} {}\n", entries.size(), entries.size() == 1 ? "entry" : "entries");
    }

    std::optional<double> NumberValue(const std::string& name) const {
        const auto text = m_args.Value(name);
        if (!text) {
            return std::nullopt;
        }
        double value = 0;
        const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
        if (error != std::errc() || end != text->data() + text->size() || !std::isfinite(value)) {
            throw InvalidInput(fmt::format("--{}: '{}' is not a number", name, *text));
        }
        return value;
    }

    core::Date RequiredDateOption(const std::string& name) const {
        const auto date = DateOption(name);
        if (!date) {
            throw UsageError(fmt::format("--{} YYYY-MM-DD is required", name));
        }
        return *date;
    }

    void TrainingAdd() {
        AllowOnly({"date", "type", "km", "mi"}, 3);
        const auto client_id = IdArgument(2);
        core::TrainingEntry entry;
        entry.date = RequiredDateOption("date");
        const auto type = m_args.Value("type");
        if (!type) {
            throw UsageError("--type TYPE is required");
        }
        const auto run_type = core::FromCode<core::RunType>(*type);
        if (!run_type) {
            throw InvalidInput(fmt::format(
                "type: '{}' is not a run type; use easy, long, tempo, intervals, race, rest or "
                "cross",
                *type));
        }
        entry.type = *run_type;
        if (m_args.Value("km") && m_args.Value("mi")) {
            throw UsageError("give --km or --mi, not both");
        }
        const bool miles = m_args.Value("mi").has_value();
        if (const auto distance = NumberValue(miles ? "mi" : "km")) {
            entry.distance_km = miles ? core::MilesToKm(*distance) : *distance;
        }
        const auto client = RequireClient(client_id);
        // Checked here so the problem names the option given, not a list position.
        auto problems = core::ValidateTrainingEntries({entry});
        for (auto& problem : problems) {
            problem.field = problem.field.substr(problem.field.find('.') + 1);
            if (problem.field == "distance_km" && miles) {
                problem.field = "distance_mi";
                problem.maximum = std::round(core::KmToMiles(problem.maximum) * 10) / 10;
            }
        }
        if (!problems.empty()) {
            throw db::ValidationError(std::move(problems));
        }
        const bool added = db::TrainingRepository(Database()).Import(client_id, {entry}) == 1;
        if (Json()) {
            m_out << core::TrainingToJson({entry})["entries"][0].dump(2) << '\n';
            return;
        }
        fmt::print(m_out, "{} {} {}{} for {} (client {})\n", added ? "Added" : "Replaced",
                   core::FormatIsoDate(entry.date), core::ToCode(entry.type),
                   entry.distance_km ? " " + Distance(*entry.distance_km, ClientUnits(client_id))
                                     : std::string(),
                   core::DisplayName(client), client_id);
    }

    void TrainingRemove() {
        AllowOnly({"date"}, 3);
        const auto client_id = IdArgument(2);
        const auto date = RequiredDateOption("date");
        const auto client = RequireClient(client_id);
        if (!db::TrainingRepository(Database()).Remove(client_id, date)) {
            throw db::NotFoundError(fmt::format("{} (client {}) has no training entry on {}.",
                                                core::DisplayName(client), client_id,
                                                core::FormatIsoDate(date)));
        }
        fmt::print(m_out, "Removed the training entry of {}\n", core::FormatIsoDate(date));
    }

    core::Plan RequireCurrentPlan(const core::Client& client) {
        auto plan = db::PlanRepository(Database()).Current(client.id);
        if (!plan) {
            throw db::NotFoundError(fmt::format(
                "{} (client {}) has no plan yet; make one with: myodesk-cli plan generate {}",
                core::DisplayName(client), client.id, client.id));
        }
        return *plan;
    }

    // The index of the plan's session on `date` (NotFoundError when it has none).
    static std::size_t SessionOn(const core::Client& client, const core::Plan& plan,
                                 const core::Date& date) {
        for (std::size_t i = 0; i < plan.sessions.size(); ++i) {
            if (plan.sessions[i].date == date) {
                return i;
            }
        }
        throw db::NotFoundError(fmt::format(
            "The current plan of {} (client {}) has no session on {} (see myodesk-cli plan show "
            "{}).",
            core::DisplayName(client), client.id, core::FormatIsoDate(date), client.id));
    }

    core::Date DateArgument(std::size_t index) const {
        const std::string& text = m_args.Positional().at(index);
        const auto date = core::ParseIsoDate(text);
        if (!date) {
            throw InvalidInput(
                fmt::format("date: '{}' is not a date; use the form YYYY-MM-DD", text));
        }
        return *date;
    }

    void PlanGenerate() {
        AllowOnly({"from", "weeks"}, 3);
        const auto client_id = IdArgument(2);
        const auto from = DateOption("from");
        std::optional<int> weeks;
        if (m_args.Value("weeks")) {
            const auto number = NumberOption("weeks", 0);
            if (number < 1 || number > 104) {
                throw InvalidInput(fmt::format("weeks: must be between 1 and 104, not {}", number));
            }
            weeks = static_cast<int>(number);
        }
        const auto client = RequireClient(client_id);
        const auto today = db::LocalDate(db::SystemNow());
        db::PlanRepository plans(Database());
        const auto previous = plans.Current(client_id);
        const auto inputs = db::LoadPlanInputs(Database(), client_id, today, from, weeks);
        core::Plan plan = core::GeneratePlan(inputs);
        plans.Save(plan);
        if (Json()) {
            m_out << core::PlanToJson(plan).dump(2) << '\n';
            return;
        }
        PrintPlan(client, plan);
        if (previous) {
            PrintChanges(*previous, plan);
        }
    }

    void PlanShow() {
        AllowOnly({}, 3);
        const auto client = RequireClient(IdArgument(2));
        const auto plan = RequireCurrentPlan(client);
        if (Json()) {
            m_out << core::PlanToJson(plan).dump(2) << '\n';
            return;
        }
        PrintPlan(client, plan);
    }

    void PrintPlan(const core::Client& client, const core::Plan& plan) {
        const auto line = [&](std::string_view label, const std::string& value) {
            fmt::print(m_out, "{:<20}{}\n", fmt::format("{}:", label), value);
        };
        line("Plan",
             fmt::format("{} for {} (client {})", plan.id, core::DisplayName(client), client.id));
        line("Dates",
             fmt::format("{} to {} (made on {})", core::FormatIsoDate(plan.from),
                         core::FormatIsoDate(plan.to), core::FormatIsoDate(plan.generated_on)));
        line("Race", plan.race_date ? fmt::format("{} ({})", core::FormatIsoDate(*plan.race_date),
                                                  WeekdayName(*plan.race_date))
                                    : std::string("none with a date"));
        if (plan.refer) {
            line("Refer", "YES (see the warnings)");
        }
        if (!plan.warnings.empty()) {
            fmt::print(m_out, "Warnings:\n");
            for (const auto& warning : plan.warnings) {
                fmt::print(m_out, "  ! {}\n", core::DescribeWarning(warning, plan.units));
            }
        }
        if (!plan.phases.empty()) {
            fmt::print(m_out, "Phases:\n");
            for (const auto& span : plan.phases) {
                fmt::print(m_out, "  {:<15}{} to {}\n", core::ToCode(span.phase),
                           core::FormatIsoDate(span.from), core::FormatIsoDate(span.to));
            }
        }
        fmt::print(m_out, "Sessions:{}\n", plan.sessions.empty() ? " none" : "");
        for (const auto& session : plan.sessions) {
            std::string status;
            if (session.status != core::PlannedSessionStatus::kPlanned) {
                status = fmt::format(" [{}{}]", core::ToCode(session.status),
                                     session.appointment_id
                                         ? fmt::format(", appointment {}", *session.appointment_id)
                                         : std::string());
            }
            if (session.moved_from) {
                status += fmt::format(" (moved from {})", core::FormatIsoDate(*session.moved_from));
            }
            fmt::print(m_out, "  {} ({})  {}{}\n", core::FormatIsoDate(session.date),
                       WeekdayName(session.date), core::ToCode(session.phase), status);
            std::vector<std::string> techniques;
            for (const auto technique : session.techniques) {
                techniques.emplace_back(core::ToCode(technique));
            }
            fmt::print(m_out, "    {}; {} min; pressure {}/10 ({})\n", fmt::join(techniques, ", "),
                       session.duration_min, session.pressure_max,
                       PressureWord(session.pressure_max));
            if (!session.regions.empty()) {
                std::vector<std::string> regions;
                for (const auto& region : session.regions) {
                    regions.push_back(core::DescribeRegion(region));
                }
                fmt::print(m_out, "    regions: {}\n", fmt::join(regions, ", "));
            }
            for (const auto& reason : session.reasons) {
                fmt::print(m_out, "    why: {}\n", core::DescribeReason(reason, plan.units));
            }
            for (const auto& caution : session.cautions) {
                fmt::print(m_out, "    caution: {}\n", core::DescribeCaution(caution, plan.units));
            }
        }
        if (!plan.home_care.empty()) {
            fmt::print(m_out, "Home care:\n");
            for (const auto& care : plan.home_care) {
                fmt::print(m_out, "  {:<15}{}\n", core::ToCode(care.phase),
                           core::DescribeHomeCare(care));
            }
        }
    }

    void PrintChanges(const core::Plan& before, const core::Plan& after) {
        const auto changes = core::DiffPlans(before, after);
        fmt::print(m_out, "Changes since the plan of {}:{}\n",
                   core::FormatIsoDate(before.generated_on), changes.empty() ? " none" : "");
        for (const auto& change : changes) {
            switch (change.kind) {
                case core::PlanChangeKind::kAdded:
                    fmt::print(m_out, "  + {} added\n", core::FormatIsoDate(change.date));
                    break;
                case core::PlanChangeKind::kRemoved:
                    fmt::print(m_out, "  - {} removed\n", core::FormatIsoDate(change.date));
                    break;
                case core::PlanChangeKind::kChanged:
                    fmt::print(m_out, "  ~ {} changed: {}\n", core::FormatIsoDate(change.date),
                               fmt::join(change.fields, ", "));
                    break;
            }
        }
    }

    static nlohmann::ordered_json AppointmentJson(const core::Appointment& appointment) {
        return {{"id", appointment.id},
                {"client_id", appointment.client_id},
                {"therapist_id", appointment.therapist_id},
                {"date", core::FormatIsoDate(appointment.date)},
                {"start_time", core::FormatClockTime(appointment.start_minute)},
                {"duration_min", appointment.duration_min},
                {"plan_id", appointment.plan_id ? nlohmann::ordered_json(*appointment.plan_id)
                                                : nlohmann::ordered_json()},
                {"plan_session", appointment.plan_session
                                     ? nlohmann::ordered_json(*appointment.plan_session)
                                     : nlohmann::ordered_json()},
                {"created_at", appointment.created_at}};
    }

    // Books the current plan's session on DATE with a therapist at a time.
    void PlanAccept() {
        AllowOnly({"therapist", "time", "duration"}, 4);
        const auto client_id = IdArgument(2);
        const auto date = DateArgument(3);
        core::Appointment appointment;
        appointment.therapist_id = StaffOption("therapist");
        const auto time = m_args.Value("time");
        if (!time) {
            throw UsageError("--time HH:MM is required");
        }
        const auto minute = core::ParseClockTime(*time);
        if (!minute) {
            throw InvalidInput(fmt::format(
                "start_time: '{}' is not a time; use the form HH:MM (00:00-23:59)", *time));
        }
        appointment.start_minute = *minute;
        const auto client = RequireClient(client_id);
        const auto plan = RequireCurrentPlan(client);
        const auto index = SessionOn(client, plan, date);
        // Capped, so a huge number is refused as out of range rather than wrapped.
        appointment.duration_min = static_cast<int>(std::min<std::int64_t>(
            NumberOption("duration", plan.sessions[index].duration_min), 100000));
        const auto today = db::LocalDate(db::SystemNow());
        if (date < today) {
            throw InvalidInput(fmt::format(
                "date: {} has passed; only a session from today on can be booked (what happened "
                "is a session note)",
                core::FormatIsoDate(date)));
        }
        db::PlanRepository(Database()).Accept(plan.id, static_cast<int>(index), appointment, today);
        if (Json()) {
            m_out << AppointmentJson(appointment).dump(2) << '\n';
        } else {
            m_out << appointment.id << '\n';
        }
    }

    void PlanMove() {
        AllowOnly({"to"}, 4);
        const auto client_id = IdArgument(2);
        const auto date = DateArgument(3);
        const auto to = RequiredDateOption("to");
        const auto client = RequireClient(client_id);
        const auto plan = RequireCurrentPlan(client);
        const auto index = SessionOn(client, plan, date);
        if (plan.sessions[index].status != core::PlannedSessionStatus::kPlanned) {
            throw db::ValidationError({{"status", core::ProblemCode::kLocked}});
        }
        const auto today = db::LocalDate(db::SystemNow());
        const auto inputs = db::LoadPlanInputs(Database(), client_id, today, plan.from);
        const auto moved = core::MoveSession(inputs, plan, index, to);
        if (!moved.allowed) {
            fmt::print(m_err, "myodesk-cli: the session of {} cannot move to {}:\n",
                       core::FormatIsoDate(date), core::FormatIsoDate(to));
            for (const auto& warning : moved.warnings) {
                fmt::print(m_err, "  {}\n", core::DescribeWarning(warning, plan.units));
            }
            throw InvalidInput("nothing was changed");
        }
        db::PlanRepository plans(Database());
        plans.ReplaceSession(plan.id, static_cast<int>(index), moved.session);
        if (Json()) {
            m_out << core::PlanToJson(*plans.Get(plan.id)).dump(2) << '\n';
            return;
        }
        for (const auto& warning : moved.warnings) {
            fmt::print(m_out, "! {}\n", core::DescribeWarning(warning, plan.units));
        }
        fmt::print(m_out, "Moved the session of {} to {} ({})\n", core::FormatIsoDate(date),
                   core::FormatIsoDate(to), WeekdayName(to));
    }

    void PlanSkip() {
        AllowOnly({}, 4);
        const auto client_id = IdArgument(2);
        const auto date = DateArgument(3);
        const auto client = RequireClient(client_id);
        const auto plan = RequireCurrentPlan(client);
        const auto index = SessionOn(client, plan, date);
        db::PlanRepository plans(Database());
        plans.Skip(plan.id, static_cast<int>(index));
        if (Json()) {
            m_out << core::PlanToJson(*plans.Get(plan.id)).dump(2) << '\n';
            return;
        }
        fmt::print(m_out, "Skipped the session of {}\n", core::FormatIsoDate(date));
    }

    void PlanHistory() {
        AllowOnly({}, 3);
        const auto client_id = IdArgument(2);
        const auto client = RequireClient(client_id);
        const auto history = db::PlanRepository(Database()).History(client_id);
        if (Json()) {
            nlohmann::ordered_json list = nlohmann::ordered_json::array();
            for (const auto& summary : history) {
                list.push_back({{"id", summary.id},
                                {"generated_on", core::FormatIsoDate(summary.generated_on)},
                                {"from", core::FormatIsoDate(summary.from)},
                                {"to", core::FormatIsoDate(summary.to)},
                                {"session_count", summary.session_count},
                                {"refer", summary.refer},
                                {"created_at", summary.created_at}});
            }
            m_out << list.dump(2) << '\n';
            return;
        }
        if (history.empty()) {
            fmt::print(m_out, "{} (client {}) has no plan yet.\n", core::DisplayName(client),
                       client_id);
            return;
        }
        fmt::print(m_out, "{:>8}  {:<10}  {:<10}  {:<10}  {:>8}  {}\n", "ID", "Made on", "From",
                   "To", "Sessions", "Saved at");
        for (const auto& summary : history) {
            fmt::print(m_out, "{:>8}  {:<10}  {:<10}  {:<10}  {:>8}  {}{}\n", summary.id,
                       core::FormatIsoDate(summary.generated_on), core::FormatIsoDate(summary.from),
                       core::FormatIsoDate(summary.to), summary.session_count, summary.created_at,
                       summary.refer ? "  REFER" : "");
        }
    }

    // The clinic's settings: the clinic details the reports print, the contraindication
    // windows and the plan generator's rules.
    void SettingsShow() {
        AllowOnly({}, 2);
        const auto settings = db::ClinicSettingsRepository(Database()).List();
        if (Json()) {
            nlohmann::ordered_json list = nlohmann::ordered_json::array();
            for (const auto& setting : settings) {
                if (setting.is_text) {
                    list.push_back({{"key", setting.key},
                                    {"value", setting.value},
                                    {"default", setting.default_value}});
                    continue;
                }
                list.push_back({{"key", setting.key},
                                {"value", nlohmann::json::parse(setting.value)},
                                {"default", nlohmann::json::parse(setting.default_value)},
                                {"minimum", setting.minimum},
                                {"maximum", setting.maximum}});
            }
            m_out << list.dump(2) << '\n';
            return;
        }
        // The text settings first, quoted (so an empty one and the address's line breaks show),
        // then the numbers with their defaults and ranges.
        fmt::print(m_out, "Clinic details (on every report)\n");
        for (const auto& setting : settings) {
            if (!setting.is_text) {
                continue;
            }
            const bool paper = setting.key == "report.paper";
            fmt::print(m_out, "{}  {}{}\n", Padded(setting.key, 42),
                       paper ? setting.value : Quoted(setting.value),
                       paper ? "  (a4 or letter)" : "");
        }
        fmt::print(m_out, "\n{}  {:>8}  {:>8}  {}\n", Padded("Setting", 42), "Value", "Default",
                   "Range");
        for (const auto& setting : settings) {
            if (setting.is_text) {
                continue;
            }
            fmt::print(m_out, "{}  {:>8}  {:>8}  {}-{}{}\n", Padded(setting.key, 42), setting.value,
                       setting.default_value, setting.minimum, setting.maximum,
                       setting.value == setting.default_value ? "" : "  (changed)");
        }
    }

    // Text as a JSON string literal: in double quotes, with quotes and line breaks escaped.
    static std::string Quoted(const std::string& text) { return nlohmann::json(text).dump(); }

    void SettingsSet() {
        AllowOnly({}, 4);
        const std::string& key = m_args.Positional()[2];
        const std::string& value = m_args.Positional()[3];
        db::ClinicSettingsRepository settings(Database());
        const auto all = settings.List();
        const auto found = std::find_if(all.begin(), all.end(),
                                        [&](const auto& setting) { return setting.key == key; });
        if (found == all.end()) {
            throw InvalidInput(
                fmt::format("'{}' is not a clinic setting (settings show lists them)", key));
        }
        try {
            settings.Set(key, value);
        } catch (const db::ValidationError& error) {
            if (error.Problems().size() == 1 &&
                error.Problems()[0].code == core::ProblemCode::kWrongType) {
                throw InvalidInput(fmt::format("{}: '{}' is not a {}", key, value,
                                               found->whole_number ? "whole number" : "number"));
            }
            throw;
        }
        const bool quote = found->is_text && key != "report.paper";
        fmt::print(m_out, "{} = {}\n", key, quote ? Quoted(value) : value);
    }

    // The --out path (and the name the messages give it).
    std::string OutPath(std::string_view kind) const {
        const auto path = m_args.Value("out");
        if (!path || path->empty()) {
            throw UsageError(fmt::format("--out FILE.{} is required", kind));
        }
        return *path;
    }

    // Writes a file with write(stream), put in place only when complete: a path that cannot be
    // written, or an error half way, leaves no file behind (and an older file unchanged).
    template <typename Write>
    auto WriteFile(const std::string& path, Write&& write) {
        try {
            reports::AtomicOutputFile file(path);
            auto result = write(file.Stream());
            file.Commit();
            return result;
        } catch (const reports::OutputFileError& error) {
            throw InvalidInput(error.what());
        }
    }

    void ExportClients() {
        AllowOnly({"out", "archived", "all"}, 2);
        const auto path = OutPath("csv");
        const auto filter = Filter();
        const auto exported = WriteFile(
            path, [&](std::ostream& out) { return WriteClientsCsv(Database(), filter, out); });
        fmt::print(m_out, "Exported {} {} to {}\n", exported, exported == 1 ? "client" : "clients",
                   path);
    }

    // --from and --to, both required, --from not after --to.
    std::pair<core::Date, core::Date> PeriodOptions() const {
        const auto from = RequiredDateOption("from");
        const auto to = RequiredDateOption("to");
        if (to < from) {
            throw InvalidInput(fmt::format("--from {} is after --to {}", core::FormatIsoDate(from),
                                           core::FormatIsoDate(to)));
        }
        return {from, to};
    }

    void ExportSessions() {
        AllowOnly({"out", "from", "to"}, 2);
        const auto [from, to] = PeriodOptions();
        const auto path = OutPath("csv");
        const auto exported = WriteFile(
            path, [&](std::ostream& out) { return WriteSessionsCsv(Database(), from, to, out); });
        fmt::print(m_out, "Exported {} {} to {}\n", exported,
                   exported == 1 ? "session" : "sessions", path);
    }

    // The clinic summary's period: --from, --to and --therapist (who must exist).
    reports::ClinicSummaryPeriod SummaryPeriod() {
        reports::ClinicSummaryPeriod period;
        std::tie(period.from, period.to) = PeriodOptions();
        if (const auto therapist = m_args.Value("therapist")) {
            const auto id = ParseId(*therapist, "a staff id");
            if (!db::StaffRepository(Database()).Get(id)) {
                throw db::NotFoundError(
                    fmt::format("--therapist: there is no staff member with id {}.", id));
            }
            period.therapist = id;
        }
        period.today = db::LocalDate(db::SystemNow());
        return period;
    }

    // The summary's tables as CSV; returns the number of data rows.
    static std::int64_t WriteSummaryCsv(const LoadedClinicSummary& loaded, std::ostream& out) {
        reports::CsvWriter csv(out);
        csv.WriteRow(reports::ClinicSummaryTableHeader());
        const auto rows = reports::ClinicSummaryTableRows(loaded.summary, loaded.names);
        for (const auto& row : rows) {
            csv.WriteRow(row);
        }
        return static_cast<std::int64_t>(rows.size());
    }

    void ExportClinic() {
        AllowOnly({"out", "from", "to", "therapist"}, 2);
        const auto period = SummaryPeriod();
        const auto path = OutPath("csv");
        const auto loaded = LoadClinicSummary(Database(), period);
        const auto rows =
            WriteFile(path, [&](std::ostream& out) { return WriteSummaryCsv(loaded, out); });
        fmt::print(m_out, "Exported the clinic summary ({} {}) to {}\n", rows,
                   rows == 1 ? "row" : "rows", path);
    }

    // --paper, or the clinic's paper (settings: report.paper).
    core::PaperSize Paper(const core::ClinicDetails& clinic) const {
        const auto text = m_args.Value("paper");
        if (!text) {
            return clinic.paper;
        }
        const auto paper = core::PaperSizeFromCode(*text);
        if (!paper) {
            throw InvalidInput(
                fmt::format("--paper: '{}' is not a paper size; use a4 or letter", *text));
        }
        return *paper;
    }

    // A logo the settings name that this computer cannot read is left out of the report; the
    // user is told why it is missing.
    void WarnAboutLogo(const core::ClinicDetails& clinic) {
        if (clinic.logo_path.empty()) {
            return;
        }
        std::ifstream logo(clinic.logo_path, std::ios::binary);
        if (!logo) {
            fmt::print(m_err,
                       "myodesk-cli: warning: the clinic logo {} cannot be read; the report has "
                       "no logo (settings set clinic.logo FILE.png)\n",
                       clinic.logo_path);
        }
    }

    // Draws the document into the PDF file at `path`; returns the number of pages.
    int WritePdf(const std::string& path, const reports::Document& document,
                 core::PaperSize paper) {
        reports::PdfOptions options;
        options.paper = paper;
        return WriteFile(
            path, [&](std::ostream& out) { return reports::RenderPdf(document, options, out); });
    }

    void PrintWritten(const std::string& path, int pages) {
        if (Json()) {
            m_out << nlohmann::ordered_json{{"out", path}, {"pages", pages}}.dump(2) << '\n';
            return;
        }
        fmt::print(m_out, "Wrote {} ({} {})\n", path, pages, pages == 1 ? "page" : "pages");
    }

    // The client's progress report, or with --physician the letter to their physician.
    void ReportClient() {
        AllowOnly({"out", "physician", "paper"}, 3);
        const auto client_id = IdArgument(2);
        const auto path = OutPath("pdf");
        const auto today = db::LocalDate(db::SystemNow());
        const auto inputs = LoadClientReportInputs(Database(), client_id, today);
        const auto paper = Paper(inputs.clinic);
        WarnAboutLogo(inputs.clinic);
        const auto report = reports::BuildClientReport(inputs);
        reports::ReportLocale locale;
        locale.units = report.units;  // distances as the client gave them
        const auto document = m_args.Flag("physician")
                                  ? reports::PhysicianLetterDocument(report, locale)
                                  : reports::ClientReportDocument(report, locale);
        PrintWritten(path, WritePdf(path, document, paper));
    }

    // The clinic summary of a period as a PDF, and its tables as CSV with --csv.
    void ReportClinic() {
        AllowOnly({"out", "from", "to", "therapist", "csv", "paper"}, 2);
        const auto period = SummaryPeriod();
        const auto path = OutPath("pdf");
        const auto csv_path = m_args.Value("csv");
        if (csv_path && csv_path->empty()) {
            throw UsageError("--csv needs a file name");
        }
        const auto loaded = LoadClinicSummary(Database(), period);
        const auto paper = Paper(loaded.clinic);
        WarnAboutLogo(loaded.clinic);
        const auto document = reports::ClinicSummaryDocument(
            loaded.summary, loaded.names, loaded.clinic, reports::ReportLocale{});
        // Both files are written before either is put in place: a CSV path that cannot be
        // written leaves no PDF behind either.
        int pages = 0;
        std::int64_t rows = 0;
        try {
            reports::AtomicOutputFile pdf(path);
            std::optional<reports::AtomicOutputFile> csv;
            if (csv_path) {
                csv.emplace(*csv_path);
            }
            reports::PdfOptions options;
            options.paper = paper;
            pages = reports::RenderPdf(document, options, pdf.Stream());
            if (csv) {
                rows = WriteSummaryCsv(loaded, csv->Stream());
                csv->Commit();
            }
            pdf.Commit();
        } catch (const reports::OutputFileError& error) {
            throw InvalidInput(error.what());
        }
        if (Json()) {
            nlohmann::ordered_json written{{"out", path}, {"pages", pages}};
            if (csv_path) {
                written["csv"] = *csv_path;
                written["rows"] = rows;
            }
            m_out << written.dump(2) << '\n';
            return;
        }
        PrintWritten(path, pages);
        if (csv_path) {
            fmt::print(m_out, "Wrote {} ({} {})\n", *csv_path, rows, rows == 1 ? "row" : "rows");
        }
    }

    // Fills an empty database with a demo practice (core::DemoPracticeGenerator), reporting
    // progress on the error stream every few thousand clients.
    void Demo() {
        AllowOnly({"clients", "years", "seed", "today"}, 1);
        if (!m_args.Value("clients")) {
            throw UsageError("--clients N is required");
        }
        const auto clients = NumberOption("clients", 0);
        if (clients < 1 || clients > core::DemoLimits::kMaxClients) {
            throw InvalidInput(fmt::format("clients: must be between 1 and {}, not {}",
                                           core::DemoLimits::kMaxClients, clients));
        }
        const auto years = NumberOption("years", 2);
        if (years < 1 || years > core::DemoLimits::kMaxYears) {
            throw InvalidInput(fmt::format("years: must be between 1 and {}, not {}",
                                           core::DemoLimits::kMaxYears, years));
        }
        std::uint64_t seed = 1;
        if (const auto text = m_args.Value("seed")) {
            const auto [end, error] =
                std::from_chars(text->data(), text->data() + text->size(), seed);
            if (error != std::errc() || end != text->data() + text->size()) {
                throw UsageError(fmt::format("--seed needs a whole number, not '{}'", *text));
            }
        }
        core::DemoOptions options;
        options.clients = static_cast<int>(clients);
        options.years = static_cast<int>(years);
        options.seed = seed;
        options.today = DateOption("today").value_or(db::LocalDate(db::SystemNow()));

        auto& database = Database();
        constexpr std::int64_t kProgressEvery = 2000;
        const auto started = std::chrono::steady_clock::now();
        db::DemoPracticeCounts counts;
        try {
            counts =
                db::WriteDemoPractice(database, options, [&](const db::DemoPracticeCounts& so_far) {
                    if (so_far.clients % kProgressEvery == 0 && so_far.clients < clients) {
                        fmt::print(m_err, "myodesk-cli: demo: {} of {} clients, {} session notes\n",
                                   so_far.clients, clients, so_far.notes);
                    }
                    return true;
                });
        } catch (const db::DatabaseNotEmptyError& error) {
            throw InvalidInput(error.what());
        }
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (Json()) {
            nlohmann::ordered_json summary{{"clients", counts.clients},
                                           {"therapists", counts.therapists},
                                           {"intakes", counts.intakes},
                                           {"training_entries", counts.training_entries},
                                           {"session_notes", counts.notes},
                                           {"plans", counts.plans},
                                           {"seconds", seconds}};
            m_out << summary.dump(2) << '\n';
            return;
        }
        fmt::print(m_out,
                   "Demo practice: {} clients, {} therapists, {} intakes, {} session notes, {} "
                   "plans in {:.1f} s\n",
                   counts.clients, counts.therapists, counts.intakes, counts.notes, counts.plans,
                   seconds);
    }

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

    std::istream& m_in;
    std::ostream& m_out;
    std::ostream& m_err;
    std::vector<std::string> m_value_options;
    Arguments m_args;
    std::unique_ptr<db::Database> m_database;
    std::map<core::StaffId, std::string> m_staff_names;
};

}  // namespace

int RunCli(const std::vector<std::string>& words, std::ostream& out, std::ostream& err) {
    return RunCli(words, std::cin, out, err);
}

int RunCli(const std::vector<std::string>& words, std::istream& in, std::ostream& out,
           std::ostream& err) {
    const auto fail = [&](ExitCode code, std::string_view message) {
        fmt::print(err, "myodesk-cli: {}\n", message);
        return static_cast<int>(code);
    };
    try {
        Cli cli(words, in, out, err);
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
    } catch (const soci::soci_error& error) {
        // Beginning or committing a transaction reports SOCI's own error.
        return fail(ExitCode::kDatabase, error.get_error_message());
    }
}

}  // namespace myodesk::app
