// Row 2: search as you type. Per keystroke the client list (app/gui/shell/main_frame.cpp
// ApplySearch -> ClientListModel::SetQuery) reads the first page of
// ClientListModel::kDefaultPageSize (100) matches and whether more follow
// (ClientRepository::SearchPage: the key indexes' ranges merged in order, see
// db/src/client_search_sql.h). The raw side runs the same SQL statements (made by the same code),
// prepared once per statement text and kept, as the repository keeps them, and keeps the same rows.
#include "bench.h"
#include "client_search_sql.h"
#include "raw_sqlite.h"
#include "search_key.h"
#include "soci_session.h"

#include <myodesk/db/client_repository.h>

#include <fmt/format.h>
#include <soci/soci.h>

#include <algorithm>
#include <functional>
#include <iostream>
#include <map>
#include <memory>

namespace myodesk::bench {

namespace {

constexpr std::int64_t kPageSize = 100;  // ClientListModel::kDefaultPageSize
constexpr int kSampleClients = 12;
// Time box per database for both sides together (see MeasureBoth).
constexpr double kSearchSecondsPerDatabase = 30;

// The text typed so far after each keystroke: every prefix of `text` of `first` to `last`
// characters (UTF-8 characters, not bytes).
void AddKeystrokes(std::vector<std::string>& out, std::string_view text, std::size_t first,
                   std::size_t last) {
    std::size_t characters = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const bool boundary =
            i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
        if (!boundary || i == 0) {
            continue;
        }
        ++characters;
        if (characters >= first && characters <= last) {
            out.emplace_back(text.substr(0, i));
        }
    }
}

std::size_t Characters(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

struct RawSummary {
    std::int64_t id = 0;
    std::string given_name, family_name, preferred_name, date_of_birth, phone, email;
    bool archived = false;
};

// The raw side's prepared statements, kept from one keystroke to the next as ClientRepository
// keeps its own (one per statement text).
struct RawStatements {
    std::map<std::string, std::unique_ptr<RawStmt>> by_sql;

    RawStmt& For(RawDb& db, const std::string& sql) {
        auto found = by_sql.find(sql);
        if (found == by_sql.end()) {
            found = by_sql.emplace(sql, std::make_unique<RawStmt>(db, sql)).first;
        } else {
            found->second->Reset();
        }
        return *found->second;
    }
};

// One keystroke through the C API: the statements ClientRepository::SearchPage runs for the
// first page (made by the same db::detail::TypedSearch), their rows read and each client kept
// once under its first match, as SearchPage keeps them.
std::size_t RawKeystroke(RawDb& db, RawStatements& statements, const std::string& text) {
    using namespace db::detail;
    const TypedSearch search(db::ClientQuery{text, db::ArchiveFilter::kActive},
                             db::DialectFor(db::Backend::kSqlite));
    const auto wanted = static_cast<std::size_t>(kPageSize) + 1;
    std::vector<RawSummary> kept;
    kept.reserve(wanted);
    for (int group = 0; group < search.GroupCount() && kept.size() < wanted; ++group) {
        std::optional<db::ClientSearchCursor> last_read;
        for (;;) {
            const auto chunk = static_cast<std::int64_t>(wanted - kept.size()) + 8;
            const SearchStatement sql =
                search.GroupStatement(group, last_read ? &*last_read : nullptr, chunk);
            RawStmt& statement = statements.For(db, sql.sql);
            for (const auto& [name, value] : sql.texts) {
                statement.Bind(statement.ParameterIndex(name), std::string_view(value));
            }
            for (const auto& [name, value] : sql.numbers) {
                statement.Bind(statement.ParameterIndex(name), static_cast<std::int64_t>(value));
            }
            std::int64_t rows = 0;
            while (statement.Step()) {
                ++rows;
                db::ClientSearchCursor here{group, std::string(statement.Text(kMatchedColumn)),
                                            statement.Int64(kIdColumn)};
                const SearchKeys keys{std::string(statement.Text(kNameKeyColumn)),
                                      std::string(statement.Text(kNameReversedKeyColumn)),
                                      std::string(statement.Text(kPreferredKeyColumn)),
                                      std::string(statement.Text(kEmailKeyColumn)),
                                      std::string(statement.Text(kPhoneKeyColumn))};
                const bool repeated =
                    last_read && last_read->matched == here.matched && last_read->id == here.id;
                const auto owner = search.Owner(keys);
                if (!repeated && owner && owner->first == group && owner->second == here.matched) {
                    RawSummary row;
                    row.id = here.id;
                    row.given_name = statement.Text(kGivenNameColumn);
                    row.family_name = statement.Text(kFamilyNameColumn);
                    row.preferred_name = statement.Text(kPreferredNameColumn);
                    row.date_of_birth = statement.Text(kDateOfBirthColumn);
                    row.phone = statement.Text(kPhoneColumn);
                    row.email = statement.Text(kEmailColumn);
                    row.archived = statement.Int(kArchivedColumn) != 0;
                    kept.push_back(std::move(row));
                }
                last_read = std::move(here);
                if (kept.size() == wanted) {
                    break;
                }
            }
            if (kept.size() == wanted || rows < chunk) {
                break;
            }
        }
    }
    return std::min(kept.size(), static_cast<std::size_t>(kPageSize)) + 1;
}

// One keystroke as the client list makes it (ClientListModel::SetQuery with typed text).
std::size_t MyoDeskKeystroke(db::ClientRepository& clients, const std::string& text) {
    const db::ClientQuery query{text, db::ArchiveFilter::kActive};
    const db::ClientSearchPage page = clients.SearchPage(query, std::nullopt, kPageSize);
    return page.rows.size() + 1;
}

struct SearchFigures {
    Samples myodesk, raw;
    std::map<std::string, double> slowest;  // MyoDesk's slowest keystroke per query text
    bool timed_out = false;                 // the time box ended the sampling
};

using Keystroke = std::function<std::size_t(const std::string&)>;

// Two sides, keystroke by keystroke (both for each typed text, taking turns to go first), `rounds`
// times over the texts in a shuffled order, but for at most `budget_seconds`: where a keystroke
// costs a scan of the table there is no time for every sample, and the p95 is then of those
// measured.
SearchFigures MeasurePair(const Keystroke& first, const Keystroke& second,
                          std::vector<std::string> queries, int rounds, double budget_seconds,
                          std::uint64_t seed) {
    core::DemoRandom random(seed);
    for (std::size_t i = queries.size(); i > 1; --i) {
        std::swap(queries[i - 1], queries[random.Next() % i]);
    }
    SearchFigures figures;
    std::size_t sink = 0;
    if (!queries.empty()) {  // warm-up (one: on a large table a keystroke can take seconds)
        sink += first(queries.front()) + second(queries.front());
    }
    const auto started = BenchClock::now();
    for (int round = 0; round < rounds && !figures.timed_out; ++round) {
        for (std::size_t i = 0; i < queries.size(); ++i) {
            const std::string& text = queries[i];
            const auto timed = [&](const Keystroke& keystroke) {
                const auto start = BenchClock::now();
                sink += keystroke(text);
                return Seconds(start, BenchClock::now());
            };
            // Each side goes first every other time: the first to read a page the operating
            // system has dropped from its cache pays for reading it from disk.
            double first_seconds = 0;
            double second_seconds = 0;
            if ((i + static_cast<std::size_t>(round)) % 2 == 0) {
                first_seconds = timed(first);
                second_seconds = timed(second);
            } else {
                second_seconds = timed(second);
                first_seconds = timed(first);
            }
            figures.myodesk.Add(first_seconds);
            figures.slowest[text] = std::max(figures.slowest[text], first_seconds);
            figures.raw.Add(second_seconds);
            if (Seconds(started, BenchClock::now()) > budget_seconds) {
                figures.timed_out = true;
                break;
            }
        }
    }
    if (sink == 0) {
        std::cout << "  (no query matched anything)\n";
    }
    return figures;
}

int Rounds(const BenchOptions& options) {
    return std::max(2, options.repetitions / 100);
}

void AddSearchRow(BenchContext& context, const std::string& what, const SearchFigures& figures) {
    const double myodesk = figures.myodesk.P95();
    const double raw = figures.raw.P95();
    const double ratio = myodesk / raw;
    const bool met = myodesk < 1e-3 && ratio <= 3.0;
    std::string note;
    if (!met) {
        std::vector<std::pair<double, std::string>> slowest;
        for (const auto& [text, seconds] : figures.slowest) {
            slowest.emplace_back(seconds, text);
        }
        std::sort(slowest.rbegin(), slowest.rend());
        std::vector<std::string> worst;
        for (std::size_t i = 0; i < slowest.size() && i < 5; ++i) {
            worst.push_back(
                fmt::format("\"{}\" {}", slowest[i].second, FormatDuration(slowest[i].first)));
        }
        std::size_t over = 0;
        for (const auto& [text, seconds] : figures.slowest) {
            over += seconds >= 1e-3 ? 1 : 0;
        }
        note = fmt::format("{}: {} of {} typed texts measured took 1 ms or more; slowest: {}.",
                           what, over, figures.slowest.size(), fmt::join(worst, ", "));
        if (figures.timed_out) {
            note += fmt::format(
                " Sampling stopped at the time box of {} per database (texts in "
                "a shuffled order).",
                FormatDuration(kSearchSecondsPerDatabase));
        }
    }
    context.table.Add(
        {fmt::format("Search as you type, {}: first page of {} matches (p95 of {} keystrokes)",
                     what, kPageSize,
                     FormatCount(static_cast<std::int64_t>(figures.myodesk.Count()))),
         fmt::format("{} (p50 {})", FormatDuration(myodesk), FormatDuration(figures.myodesk.P50())),
         fmt::format("{} (p50 {})", FormatDuration(raw), FormatDuration(figures.raw.P50())),
         FormatRatio(ratio), "p95 < 1 ms and ≤ 3x raw", Check(met), note});
}

void SearchOne(BenchContext& context, const std::string& path, const std::string& what) {
    db::Database database = db::OpenDatabase(path);
    RawDb raw(path);
    const std::vector<std::string> queries =
        TypedQueries(database, kSampleClients, context.options.seed);
    std::cout << fmt::format("search as you type over {}: {} keystrokes × {} rounds\n", what,
                             queries.size(), Rounds(context.options))
              << std::flush;
    db::ClientRepository clients(database);
    RawStatements raw_statements;
    const SearchFigures figures = MeasurePair(
        [&](const std::string& text) { return MyoDeskKeystroke(clients, text); },
        [&](const std::string& text) { return RawKeystroke(raw, raw_statements, text); }, queries,
        Rounds(context.options), kSearchSecondsPerDatabase, context.options.seed);
    if (figures.timed_out) {
        std::cout << fmt::format("  time box of {} reached after {} keystrokes\n",
                                 FormatDuration(kSearchSecondsPerDatabase), figures.myodesk.Count())
                  << std::flush;
    }
    AddSearchRow(context, what, figures);
}

}  // namespace

std::vector<std::string> TypedQueries(db::Database& database, int clients, std::uint64_t seed) {
    long long max_id = 0;
    db::SociSession(database) << "SELECT COALESCE(MAX(id), 0) FROM clients", soci::into(max_id);
    db::ClientRepository repository(database);
    std::vector<std::string> queries;
    for (const core::ClientId id : SampleIds(max_id, clients, seed)) {
        const std::optional<core::Client> client = repository.Get(id);
        if (!client) {
            continue;
        }
        // Given name first, as stored (accents and capitals: the fold ignores them), into the
        // family name: "Z", "Zo", "Zoë", "Zoë ", "Zoë Å", "Zoë Ån".
        const std::string given_first = client->given_name + " " + client->family_name;
        AddKeystrokes(queries, given_first, 1, Characters(client->given_name) + 3);
        // Family name first, typed without accents: "angstrom z".
        const std::string family_first = SearchKey(client->family_name + " " + client->given_name);
        AddKeystrokes(queries, family_first, 1, Characters(SearchKey(client->family_name)) + 2);
        // The start of the email address.
        if (!client->email.empty()) {
            const std::string_view local =
                std::string_view(client->email).substr(0, client->email.find('@'));
            AddKeystrokes(queries, client->email, 1, std::min<std::size_t>(Characters(local), 8));
        }
        // Phone digits (three or more).
        const std::string digits = core::DigitsOnly(client->phone);
        if (digits.size() >= 3) {
            AddKeystrokes(queries, digits, 3, std::min<std::size_t>(digits.size(), 8));
        }
    }
    return queries;
}

SearchComparison CompareSearch(db::Database& first, db::Database& second,
                               const std::vector<std::string>& queries, int rounds,
                               double budget_seconds, std::uint64_t seed) {
    db::ClientRepository first_clients(first);
    db::ClientRepository second_clients(second);
    const SearchFigures figures =
        MeasurePair([&](const std::string& text) { return MyoDeskKeystroke(first_clients, text); },
                    [&](const std::string& text) { return MyoDeskKeystroke(second_clients, text); },
                    queries, rounds, budget_seconds, seed);
    return {figures.myodesk, figures.raw, figures.timed_out};
}

void RunSearch(BenchContext& context) {
    SearchOne(context, context.practice_path,
              fmt::format("{} clients", FormatCount(context.practice_clients)));
    const std::string million = MillionClientsPath(context);
    SearchOne(
        context, million,
        fmt::format("{} clients", FormatCount(Scaled(kSearchClients, context.options.scale, 10))));
}

}  // namespace myodesk::bench
