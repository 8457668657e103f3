// Issue 17, "Speed": the audit log's two rows, on one SQLite file made for them.
//
// The file: the demo generator's clients (50,000 × --scale, through db::ClientRepository::Add)
// and a dozen staff, then an audit log of 10,000,000 × --scale rows written straight into
// `audit_log` with a sqlite3 prepared insert, 100,000 rows a transaction, without the table's
// indexes, which are then made again from their stored definitions (the same indexes, built
// sorted instead of row by row; as the 1,000,000-client file of the search row is made). The
// rows are what five years of a busy clinic's desks write (docs/audit-log.md): a mix of
// client.open, note.open/create/sign/update/amend, client.update/create, report.client about
// the clients (about 78 rows in 100, evenly over the clients, so a client has about 156) and
// sign_in, lock, sign_out, sign_in_failed and export.sessions about none; each by one of the
// staff at their desk, with a detail of the kind and size the app writes for that action (before
// and after JSON, drawn from texts made from generated clients and notes), and `at` rising with
// the id up to now. previous_hash and hash are random hex chained to each other, not SHA-256 over
// the rows
// (`audit verify` would find the first row broken): AuditRepository::List never reads the chain,
// and hashing 10,000,000 rows would only make the file slower to write.
//
// Row 1, audited writes: a client's details changed through services::ClientService::Update
// (what `clients update` and the app's Edit client… call: the client read again for "before",
// the UPDATE, and a "client.update" row with the whole client before and after appended to the
// hash chain, in one transaction) beside the same change through db::ClientRepository::Update
// in a transaction of its own (the UPDATE alone: the write as it was before issue 17). Each
// side changes its own clients (read beforehand, as the editor has them), taking turns to go
// first, on one connection to the file above, so the audited side appends to a log of the size
// row 2 reads. Both fsync each commit (synchronous = FULL in WAL mode, as every MyoDesk
// connection). Target: audited client changes per second at least 0.85 × the unaudited ones.
//
// Row 2, `audit list --client ID`: db::AuditRepository::List with only the client filter,
// offset 0, limit 100 (the command's page, app/cli/commands/audit.cpp), newest first, for
// clients at random, beside the same SELECT through the sqlite3 C API (prepared each time, as
// List prepares it, every column copied out). The file is in the system's cache after being
// written, as a practice's file is after a while of use. Target: p95 < 50 ms.
#include "bench.h"
#include "raw_sqlite.h"
#include "soci_session.h"

#include <myodesk/core/intake_json.h>
#include <myodesk/core/session_json.h>
#include <myodesk/db/audit_repository.h>
#include <myodesk/db/client_repository.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/context.h>
#include <myodesk/services/staff_service.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <soci/soci.h>

#include <array>
#include <chrono>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <unistd.h>

namespace myodesk::bench {

namespace {

// The sizes; --scale multiplies both, so a client has as many rows at every scale.
constexpr int kAuditRows = 10'000'000;
constexpr int kAuditClients = 50'000;
constexpr int kLogDays = 5 * 365;  // the period the log covers, up to now
constexpr int kRowsPerTransaction = 100'000;
constexpr int kStaff = 12;  // therapists, the manager, the front desk
// Client changes on each side of row 1 (fewer when the file has too few clients).
constexpr int kWrites = 2'000;
constexpr std::int64_t kListLimit = 100;  // `audit list`'s page
constexpr int kWarmUps = 10;              // each side, before the timing
constexpr double kAuditedShare = 0.85;    // row 1's target
constexpr double kListTargetSeconds = 50e-3;
// How many detail texts of each kind the log's rows are drawn from.
constexpr int kDetailTexts = 300;

std::size_t Consume(std::size_t value) {
    static volatile std::size_t sink = 0;
    sink = sink + value;
    return value;
}

// What a row of the log is about. Weights are rows in 100.
enum class Detail { kNone, kClientAfter, kClientChange, kNoteAfter, kNoteChange, kPeriod };
struct ActionKind {
    const char* action;
    const char* record;
    bool names_client;
    Detail detail;
    int weight;
};
constexpr std::array<ActionKind, 14> kActions{{
    {"client.open", "client", true, Detail::kNone, 30},
    {"note.open", "session_note", true, Detail::kNone, 14},
    {"note.create", "session_note", true, Detail::kNoteAfter, 12},
    {"note.sign", "session_note", true, Detail::kNone, 11},
    {"note.update", "session_note", true, Detail::kNoteChange, 4},
    {"client.update", "client", true, Detail::kClientChange, 3},
    {"report.client", "client", true, Detail::kNone, 2},
    {"note.amend", "session_note", true, Detail::kNoteChange, 1},
    {"client.create", "client", true, Detail::kClientAfter, 1},
    {"sign_in", "", false, Detail::kNone, 9},
    {"lock", "", false, Detail::kNone, 8},
    {"sign_out", "", false, Detail::kNone, 3},
    {"sign_in_failed", "", false, Detail::kNone, 1},
    {"export.sessions", "session_note", false, Detail::kPeriod, 1},
}};

// Detail texts as the services write them (client_service.cpp, note_service.cpp), made from
// generated clients and their notes.
struct DetailTexts {
    std::vector<std::string> client_after, client_change, note_after, note_change, period;

    const std::vector<std::string>& Of(Detail detail) const {
        switch (detail) {
            case Detail::kClientAfter:
                return client_after;
            case Detail::kClientChange:
                return client_change;
            case Detail::kNoteAfter:
                return note_after;
            case Detail::kNoteChange:
                return note_change;
            case Detail::kPeriod:
                return period;
            case Detail::kNone:
                break;
        }
        throw std::logic_error("no detail texts");
    }

    void AddFrom(const core::DemoClient& generated, core::ClientId id) {
        if (static_cast<int>(client_after.size()) >= kDetailTexts) {
            return;
        }
        core::Client client = generated.client;
        client.id = id;
        client.version = 1;
        const auto before = core::ClientToJson(client);
        client_after.push_back(nlohmann::ordered_json{{"after", before}}.dump());
        client.phone = fmt::format("416-555-{:04}", id % 10'000);
        client.version = 2;
        client_change.push_back(
            nlohmann::ordered_json{{"before", before}, {"after", core::ClientToJson(client)}}
                .dump());
        if (!generated.notes.empty()) {
            core::SessionNote note = generated.notes.back();
            note.id = id * 10;
            note.client_id = id;
            note.version = 1;
            const auto stored = core::StoredSessionNoteToJson(note);
            note_after.push_back(nlohmann::ordered_json{{"after", stored}}.dump());
            note.assessment += " Reassessed after the session: less tender.";
            note.version = 2;
            note_change.push_back(nlohmann::ordered_json{
                {"before", stored}, {"after", core::StoredSessionNoteToJson(note)}}
                                      .dump());
            const core::Date to = note.date;
            period.push_back(nlohmann::ordered_json{
                {"from", core::FormatIsoDate(core::AddDays(to, -6))},
                {"to", core::FormatIsoDate(
                           to)}}.dump());
        }
    }
};

// The clinic's staff as the log names them: the staff id, the username they sign in with and
// their desk's computer.
struct LogStaff {
    core::StaffId id = 0;
    std::string username;
    std::string desk;
};

struct AuditFile {
    std::int64_t log_rows = 0;
    int clients = 0;  // ids 1..clients
    std::vector<LogStaff> staff;
    core::Staff desk_user;  // who row 1's audited changes are made by
    DetailTexts details;
};

// The staff and the clients, through the services and the repository, in one transaction.
void WritePractice(db::Database& database, int clients, const BenchOptions& options,
                   AuditFile& file) {
    db::Transaction transaction(database);
    services::Context context(database, services::Clock::FixedOn(options.today));
    services::StaffService staff(context);
    for (int i = 0; i < kStaff; ++i) {
        core::Staff member;
        const bool therapist = i < kStaff - 2;
        member.name = therapist ? fmt::format("Therapist {:02}", i + 1)
                                : (i == kStaff - 2 ? "Practice Manager" : "Front Desk");
        member.role =
            therapist ? core::StaffRole::kTherapist
                      : (i == kStaff - 2 ? core::StaffRole::kManager : core::StaffRole::kFrontDesk);
        const core::Staff added = staff.Add(member);
        if (i == 0) {
            file.desk_user = added;
        }
        file.staff.push_back(
            {added.id,
             therapist ? fmt::format("therapist{:02}", i + 1)
                       : (i == kStaff - 2 ? std::string("manager") : std::string("desk")),
             therapist ? fmt::format("treatment-{}", i % 5 + 1)
                       : (i == kStaff - 2 ? std::string("office") : std::string("reception"))});
    }
    core::DemoOptions demo;
    demo.clients = clients;
    demo.seed = options.seed;
    demo.today = options.today;
    core::DemoPracticeGenerator generator(demo);
    db::ClientRepository repository(database);
    core::DemoClient generated;
    while (generator.Next(generated)) {
        const core::ClientId id = repository.Add(generated.client);
        file.details.AddFrom(generated, id);
        ++file.clients;
    }
    transaction.Commit();
    if (file.clients != clients || file.details.note_after.empty()) {
        throw std::runtime_error("the generated clients were not written as expected");
    }
}

// 64 random lower-case hex digits: what a SHA-256 in the chain looks like.
void RandomHex(core::DemoRandom& random, std::string& out) {
    static constexpr std::string_view kDigits = "0123456789abcdef";
    out.resize(64);
    for (std::size_t word = 0; word < 4; ++word) {
        std::uint64_t value = random.Next();
        for (std::size_t i = 0; i < 16; ++i) {
            out[word * 16 + i] = kDigits[value & 15];
            value >>= 4;
        }
    }
}

// The log's rows, straight into the table (see the top of the file); returns the seconds the
// indexes took to make again.
double FillAuditLog(const std::string& path, std::int64_t rows, const BenchOptions& options,
                    const AuditFile& file) {
    RawDb raw(path);
    // The fill is not a figure: it need not wait for the disk (the file is checkpointed and
    // synced before anything is timed).
    raw.Exec("PRAGMA synchronous = OFF");
    const std::vector<std::string> indexes = DropIndexesOf(raw, "audit_log");
    if (indexes.empty()) {
        throw std::runtime_error("audit_log has no indexes: is the schema older than version 12?");
    }
    RawStmt insert(raw,
                   "INSERT INTO audit_log (at, staff_id, username, desk, action, client_id, "
                   "record, record_id, detail, previous_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, "
                   "?, ?, ?, ?)");
    core::DemoRandom random(options.seed + 170);
    std::vector<int> weights;
    for (const ActionKind& kind : kActions) {
        weights.push_back(kind.weight);
    }
    using namespace std::chrono;
    const auto span = duration_cast<seconds>(days{kLogDays}).count();
    const auto first = floor<seconds>(system_clock::now()) - seconds{span};
    std::string previous_hash(64, '0');
    std::string hash;
    raw.Exec("BEGIN");
    for (std::int64_t i = 0; i < rows; ++i) {
        if (i > 0 && i % kRowsPerTransaction == 0) {
            raw.Exec("COMMIT");
            raw.Exec("BEGIN");
        }
        const ActionKind& kind = kActions[random.Weighted(weights)];
        const LogStaff& staff = file.staff[static_cast<std::size_t>(random.Between(0, kStaff - 1))];
        const bool failed = std::string_view(kind.action) == "sign_in_failed";
        insert.Bind(1, db::UtcTimestamp(first + seconds{span * i / rows}));
        // A failed sign-in names the account as typed; now and then it is nobody's.
        if (failed && random.Chance(0.3)) {
            insert.BindNull(2).Bind(3, std::string_view("(not a username)"));
        } else {
            insert.Bind(2, static_cast<std::int64_t>(staff.id)).Bind(3, staff.username);
        }
        insert.Bind(4, staff.desk).Bind(5, std::string_view(kind.action));
        if (kind.names_client) {
            const auto client = static_cast<std::int64_t>(random.Between(1, file.clients));
            insert.Bind(6, client).Bind(7, std::string_view(kind.record));
            insert.Bind(8, std::string_view(kind.record) == "client"
                               ? client
                               : client * 100 + random.Between(0, 99));
        } else {
            insert.BindNull(6).Bind(7, std::string_view(kind.record)).BindNull(8);
        }
        if (kind.detail == Detail::kNone) {
            insert.Bind(9, std::string_view());
        } else {
            insert.Bind(9, std::string_view(random.Pick(file.details.Of(kind.detail))));
        }
        RandomHex(random, hash);
        insert.Bind(10, previous_hash).Bind(11, hash);
        insert.Run();
        std::swap(previous_hash, hash);
    }
    raw.Exec("COMMIT");
    const double index_seconds = TimeSeconds([&] {
        for (const std::string& sql : indexes) {
            raw.Exec(sql);
        }
    });
    raw.Exec("PRAGMA synchronous = FULL");
    raw.Exec("PRAGMA wal_checkpoint(TRUNCATE)");
    return index_seconds;
}

// Waits until the file is on the disk: the fill's pages, written without syncing, would
// otherwise still be going out while row 1 is timed and slow its syncs down.
void SyncToDisk(const std::string& path) {
    const int file = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (file < 0 || ::fsync(file) != 0) {
        if (file >= 0) {
            ::close(file);
        }
        throw std::runtime_error(fmt::format("cannot sync {} to disk", path));
    }
    ::close(file);
}

// How long the disk takes to sync a small write, measured in the work folder just before row 1
// (p50 of 50): every change on both sides waits for at least one such sync, so the share row 1
// finds depends on it (a slow sync hides the audit row's own cost).
double SyncLatency(const std::string& folder) {
    const std::string path = folder + "/sync-probe";
    const int file = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (file < 0) {
        throw std::runtime_error(fmt::format("cannot write {}", path));
    }
    const std::string page(4096, 'x');
    Samples samples;
    for (int i = 0; i < 50; ++i) {
        const bool written = ::pwrite(file, page.data(), page.size(), (i % 8) * 4096) ==
                             static_cast<ssize_t>(page.size());
        const auto started = BenchClock::now();
        if (!written || ::fsync(file) != 0) {
            ::close(file);
            throw std::runtime_error(fmt::format("cannot sync {}", path));
        }
        samples.Add(Seconds(started, BenchClock::now()));
    }
    ::close(file);
    std::filesystem::remove(path);
    return samples.P50();
}

// Client changes: the desk's new phone number for each, on a copy read beforehand.
std::vector<core::Client> ClientsToChange(db::Database& database,
                                          const std::vector<core::ClientId>& ids) {
    db::ClientRepository clients(database);
    std::vector<core::Client> changed;
    for (const core::ClientId id : ids) {
        std::optional<core::Client> client = clients.Get(id);
        if (!client) {
            throw std::runtime_error(fmt::format("no client {}", id));
        }
        client->phone = fmt::format("416-555-{:04}", (id * 7) % 10'000);
        changed.push_back(std::move(*client));
    }
    return changed;
}

struct WriteComparison {
    Samples audited, unaudited;
    std::int64_t audit_rows_added = 0;
};

WriteComparison CompareWrites(db::Database& database, int count, const BenchOptions& options,
                              const AuditFile& file) {
    // A therapist picked at the open practice's desk, so the rows name somebody as they would.
    services::DeskSession desk;
    desk.staff = file.desk_user;
    desk.desk = file.staff.front().desk;
    services::Context context(database, services::Clock::System(), desk);
    services::ClientService service(context);
    db::ClientRepository repository(database);

    const std::vector<core::ClientId> ids =
        SampleIds(file.clients, 2 * (count + kWarmUps), options.seed + 171);
    std::vector<core::Client> clients = ClientsToChange(database, ids);
    long long audit_before = 0;
    db::SociSession(database) << "SELECT COUNT(*) FROM audit_log", soci::into(audit_before);

    const auto audited = [&](core::Client& client) {
        Consume(static_cast<std::size_t>(service.Update(client).version));
    };
    const auto unaudited = [&](core::Client& client) {
        db::Transaction transaction(database);
        repository.Update(client);
        transaction.Commit();
        Consume(static_cast<std::size_t>(client.version));
    };
    WriteComparison result;
    for (int i = 0; i < count + kWarmUps; ++i) {
        core::Client& mine = clients[static_cast<std::size_t>(2 * i)];
        core::Client& theirs = clients[static_cast<std::size_t>(2 * i + 1)];
        const bool timed = i >= kWarmUps;
        // Taking turns to go first: neither always finds the pages the other just wrote, and
        // each side pays for the WAL checkpoints in proportion to the pages it writes.
        if (i % 2 == 0) {
            const double audited_seconds = TimeSeconds([&] { audited(mine); });
            const double unaudited_seconds = TimeSeconds([&] { unaudited(theirs); });
            if (timed) {
                result.audited.Add(audited_seconds);
                result.unaudited.Add(unaudited_seconds);
            }
        } else {
            const double unaudited_seconds = TimeSeconds([&] { unaudited(theirs); });
            const double audited_seconds = TimeSeconds([&] { audited(mine); });
            if (timed) {
                result.audited.Add(audited_seconds);
                result.unaudited.Add(unaudited_seconds);
            }
        }
    }
    long long audit_after = 0;
    db::SociSession(database) << "SELECT COUNT(*) FROM audit_log", soci::into(audit_after);
    result.audit_rows_added = audit_after - audit_before;
    if (result.audit_rows_added != count + kWarmUps) {
        throw std::runtime_error(fmt::format("{} audit rows for {} audited changes",
                                             result.audit_rows_added, count + kWarmUps));
    }
    return result;
}

// `audit list --client ID`'s page through the C API: AuditRepository::List's SELECT.
constexpr std::string_view kListSql =
    "SELECT id, at, staff_id, username, desk, action, client_id, record, record_id, detail, "
    "previous_hash, hash FROM audit_log WHERE client_id = :client ORDER BY id DESC LIMIT :limit "
    "OFFSET :offset";

std::size_t RawList(RawDb& raw, core::ClientId client) {
    RawStmt statement(raw, kListSql);
    statement.Bind(1, static_cast<std::int64_t>(client))
        .Bind(2, kListLimit)
        .Bind(3, std::int64_t{0});
    return Consume(statement.ReadRows());
}

std::size_t MyoDeskList(db::AuditRepository& audit, core::ClientId client) {
    db::AuditFilter filter;
    filter.client_id = client;
    return Consume(audit.List(filter, 0, kListLimit).size());
}

// How SQLite reads List's SELECT (printed, so a plan that stops using audit_by_client shows).
std::string QueryPlan(RawDb& raw) {
    RawStmt statement(raw, fmt::format("EXPLAIN QUERY PLAN {}", kListSql));
    statement.Bind(1, std::int64_t{1}).Bind(2, kListLimit).Bind(3, std::int64_t{0});
    std::string plan;
    while (statement.Step()) {
        plan += fmt::format("{}{}", plan.empty() ? "" : "; ", statement.Text(3));
    }
    return plan;
}

std::string P95Text(const Samples& samples) {
    return fmt::format("{} (p50 {})", FormatDuration(samples.P95()), FormatDuration(samples.P50()));
}

std::string RateText(const Samples& samples) {
    return fmt::format("{} changes/s ({} in {})",
                       FormatCount(static_cast<std::int64_t>(static_cast<double>(samples.Count()) /
                                                             std::max(samples.Sum(), 1e-9))),
                       FormatCount(static_cast<std::int64_t>(samples.Count())),
                       FormatDuration(samples.Sum()));
}

// Both rows on the file, MyoDesk and the raw side each on a connection of its own (closed
// before the file is removed).
void MeasureAuditFile(BenchContext& context, const std::string& path, const AuditFile& file) {
    const BenchOptions& options = context.options;
    const std::int64_t log_rows = file.log_rows;
    const int clients = file.clients;
    db::Database database = db::OpenDatabase(path);
    RawDb raw(path);
    const std::string size =
        fmt::format("{} audit rows, {} clients", FormatCount(log_rows), FormatCount(clients));

    // Row 1.
    const int writes = std::min(kWrites, clients / 2 - kWarmUps);
    std::cout << fmt::format("changing {} clients with and {} without an audit row\n", writes,
                             writes)
              << std::flush;
    const double sync = SyncLatency(options.work_dir);
    const WriteComparison writes_result = CompareWrites(database, writes, options, file);
    const double audited_rate = static_cast<double>(writes_result.audited.Count()) /
                                std::max(writes_result.audited.Sum(), 1e-9);
    const double unaudited_rate = static_cast<double>(writes_result.unaudited.Count()) /
                                  std::max(writes_result.unaudited.Sum(), 1e-9);
    const double share = audited_rate / unaudited_rate;
    context.table.Add(
        {fmt::format("Audited write: change a client through ClientService::Update (+ "
                     "\"client.update\" row, before and after), one transaction each, log of {} "
                     "(third column: the same change unaudited, ClientRepository::Update)",
                     size),
         RateText(writes_result.audited), RateText(writes_result.unaudited),
         fmt::format("{:.2f}x", share), "audited ≥ 0.85x unaudited changes/s",
         Check(share >= kAuditedShare),
         fmt::format("Rows per second are client rows saved; the audited side also reads the "
                     "client for \"before\" and appends the audit row. A change took p50 {} / "
                     "p95 {} / max {} audited, p50 {} / p95 {} / max {} unaudited; the ratio is "
                     "audited ÷ unaudited changes/s. Each commit is synced to disk (synchronous "
                     "= FULL, WAL) on both sides (a sync of a small write took {} on this disk "
                     "just before); the audited side writes more pages a commit (the log's row "
                     "and its four indexes), so more WAL checkpoints fall on it.",
                     FormatDuration(writes_result.audited.P50()),
                     FormatDuration(writes_result.audited.P95()),
                     FormatDuration(writes_result.audited.Max()),
                     FormatDuration(writes_result.unaudited.P50()),
                     FormatDuration(writes_result.unaudited.P95()),
                     FormatDuration(writes_result.unaudited.Max()), FormatDuration(sync))});

    // Row 2.
    // A client once each (at the smallest scales there are fewer clients than repetitions).
    const int lists = std::min(options.repetitions, clients - kWarmUps);
    const std::vector<core::ClientId> ids =
        SampleIds(clients, lists + kWarmUps, options.seed + 172);
    std::cout << fmt::format("listing one client's audit rows for {} clients (plan: {})\n", lists,
                             QueryPlan(raw))
              << std::flush;
    db::AuditRepository audit(database);
    for (int i = 0; i < kWarmUps; ++i) {
        const core::ClientId client = ids[static_cast<std::size_t>(lists + i)];
        MyoDeskList(audit, client);
        RawList(raw, client);
    }
    Samples myodesk, raw_samples;
    std::size_t listed = 0;
    for (int i = 0; i < lists; ++i) {
        const core::ClientId client = ids[static_cast<std::size_t>(i)];
        if (i % 2 == 0) {
            myodesk.Add(TimeSeconds([&] { listed += MyoDeskList(audit, client); }));
            raw_samples.Add(TimeSeconds([&] { RawList(raw, client); }));
        } else {
            raw_samples.Add(TimeSeconds([&] { RawList(raw, client); }));
            myodesk.Add(TimeSeconds([&] { listed += MyoDeskList(audit, client); }));
        }
    }
    context.table.Add(
        {fmt::format("audit list --client: one client's newest {} rows, {} (p95 of {} clients, "
                     "{:.0f} rows a page)",
                     kListLimit, size, myodesk.Count(),
                     static_cast<double>(listed) / static_cast<double>(myodesk.Count())),
         P95Text(myodesk), P95Text(raw_samples), FormatRatio(myodesk.P95() / raw_samples.P95()),
         "p95 < 50 ms", Check(myodesk.P95() < kListTargetSeconds), ""});
}

}  // namespace

void RunAuditLog(BenchContext& context) {
    const BenchOptions& options = context.options;
    const std::int64_t log_rows = Scaled(kAuditRows, options.scale, 1'000);
    const int clients = Scaled(kAuditClients, options.scale, 100);
    const std::string path = options.work_dir + "/audit.sqlite";
    for (const char* suffix : {"", "-wal", "-shm"}) {  // left by an earlier --keep run
        std::filesystem::remove(path + suffix);
    }

    std::cout << fmt::format("writing {} clients and an audit log of {} rows\n",
                             FormatCount(clients), FormatCount(log_rows))
              << std::flush;
    AuditFile file;
    const double practice_seconds = TimeSeconds([&] {
        db::Database database = db::OpenDatabase(path);
        WritePractice(database, clients, options, file);
    });
    double index_seconds = 0;
    const double fill_seconds =
        TimeSeconds([&] { index_seconds = FillAuditLog(path, log_rows, options, file); });
    SyncToDisk(path);
    file.log_rows = log_rows;
    std::cout << fmt::format(
                     "  clients in {}; log rows in {} (of which the indexes {}); {:.1f} GB\n",
                     FormatDuration(practice_seconds), FormatDuration(fill_seconds),
                     FormatDuration(index_seconds),
                     static_cast<double>(std::filesystem::file_size(path)) / 1e9)
              << std::flush;

    MeasureAuditFile(context, path, file);
    if (!options.keep) {
        for (const char* suffix : {"", "-wal", "-shm"}) {
            std::filesystem::remove(path + suffix);
        }
    }
}

}  // namespace myodesk::bench
