// Row 7: rows 1-3's database work on PostgreSQL (the loopback server `./dev.sh bench` starts)
// beside the same work on SQLite, both through MyoDesk, on a practice of the same size. Writing
// over a connection costs a round trip per statement, so this practice is smaller than the
// SQLite rows' (--pg-scale; see README).
#include "bench.h"

#include <myodesk/db/connection_string.h>

#include <fmt/format.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <filesystem>
#include <iostream>
#include <unistd.h>

namespace myodesk::bench {

namespace {

// Adds search_path=<schema> to a libpq connection string in either of its forms.
std::string WithSearchPath(const std::string& conninfo, const std::string& schema) {
    if (conninfo.starts_with("postgresql://") || conninfo.starts_with("postgres://")) {
        const char separator = conninfo.find('?') == std::string::npos ? '?' : '&';
        return fmt::format("{}{}options=-csearch_path%3D{}", conninfo, separator, schema);
    }
    return fmt::format("{} options='-csearch_path={}'", conninfo, schema);
}

std::string Rate(const WriteResult& result) {
    return fmt::format("{} rows/s ({})",
                       FormatCount(static_cast<std::int64_t>(result.RowsPerSecond())),
                       FormatDuration(result.seconds));
}

}  // namespace

BenchSchema::BenchSchema(std::string conninfo, const std::string& what)
    : m_conninfo(std::move(conninfo)),
      m_name(what.empty() ? fmt::format("myodesk_bench_{}", getpid())
                          : fmt::format("myodesk_bench_{}_{}", what, getpid())) {
    soci::session admin(*soci::factory_postgresql(), m_conninfo);
    admin << "SET client_min_messages = WARNING";
    admin << "DROP SCHEMA IF EXISTS " + m_name + " CASCADE";
    admin << "CREATE SCHEMA " + m_name;
    admin << "SHOW server_version", soci::into(m_server_version);
}

BenchSchema::~BenchSchema() {
    try {
        soci::session admin(*soci::factory_postgresql(), m_conninfo);
        admin << "SET client_min_messages = WARNING";
        admin << "DROP SCHEMA " + m_name + " CASCADE";
    } catch (const std::exception& error) {
        std::cerr << "could not drop the benchmark schema: " << error.what() << '\n';
    }
}

std::string BenchSchema::Location() const {
    return WithSearchPath(m_conninfo, m_name);
}

void RunPostgresql(BenchContext& context) {
    const BenchOptions& options = context.options;
    const int clients = Scaled(kPracticeClients, options.scale * options.postgresql_scale, 20);
    const std::string size = fmt::format("{} clients", FormatCount(clients));
    if (!options.postgresql || options.postgresql_conninfo.empty()) {
        const std::string why = !options.postgresql
                                    ? "The PostgreSQL rows were not asked for (--no-postgresql)."
                                    : "No PostgreSQL server: set MYODESK_TEST_PG or --pg "
                                      "(./dev.sh bench starts one).";
        context.table.Skip("PostgreSQL vs SQLite: write, search, open a workspace", "≤ 3x SQLite",
                           why);
        return;
    }
    const BenchSchema schema(options.postgresql_conninfo);
    const core::DemoOptions demo = PracticeOptions(context, clients);
    const std::string sqlite_path = options.work_dir + "/postgresql-size.sqlite";
    std::cout << fmt::format("PostgreSQL {} on loopback: a practice of {}\n",
                             schema.ServerVersion(), size)
              << std::flush;

    for (const char* suffix : {"", "-wal", "-shm"}) {  // left by an earlier --keep run
        std::filesystem::remove(sqlite_path + suffix);
    }
    db::Database postgresql = db::OpenDatabase(schema.Location());
    db::Database sqlite = db::OpenDatabase(sqlite_path);
    const WriteResult pg_write = WritePracticeWithMyoDesk(postgresql, demo);
    std::cout << fmt::format("  PostgreSQL: {} rows in {}\n", FormatCount(pg_write.rows),
                             FormatDuration(pg_write.seconds))
              << std::flush;
    const WriteResult sqlite_write = WritePracticeWithMyoDesk(sqlite, demo);
    std::cout << fmt::format("  SQLite: {} rows in {}\n", FormatCount(sqlite_write.rows),
                             FormatDuration(sqlite_write.seconds))
              << std::flush;
    const double write_ratio = sqlite_write.RowsPerSecond() / pg_write.RowsPerSecond();
    const std::string note = fmt::format(
        "PostgreSQL {} on 127.0.0.1 (the throwaway server: fsync off), a practice of {} "
        "({} rows) on both backends, through MyoDesk on both: the third column is MyoDesk on "
        "SQLite here, not raw SQLite. Writing rows over a connection is a round trip per "
        "statement, so this practice is {} the size of the SQLite rows' to keep the run under "
        "10 minutes.",
        schema.ServerVersion(), size, FormatCount(pg_write.rows),
        fmt::format("1/{:.0f} of", 1.0 / options.postgresql_scale));
    context.table.Add({fmt::format("PostgreSQL: write a practice of {} (MyoDesk on PostgreSQL; "
                                   "third column: MyoDesk on SQLite)",
                                   size),
                       Rate(pg_write), Rate(sqlite_write), FormatRatio(write_ratio), "≤ 3x SQLite",
                       Check(write_ratio <= 3.0), note});

    const std::vector<std::string> queries = TypedQueries(sqlite, 12, options.seed);
    const int rounds = std::max(2, options.repetitions / 100);
    const SearchComparison search =
        CompareSearch(postgresql, sqlite, queries, rounds, 30, options.seed);
    const Samples& pg_search = search.first;
    const Samples& sqlite_search = search.second;
    const double search_ratio = pg_search.P95() / sqlite_search.P95();
    context.table.Add({fmt::format("PostgreSQL: search as you type over {} (p95 of {} keystrokes)",
                                   size, pg_search.Count()),
                       fmt::format("{} (p50 {})", FormatDuration(pg_search.P95()),
                                   FormatDuration(pg_search.P50())),
                       fmt::format("{} (p50 {})", FormatDuration(sqlite_search.P95()),
                                   FormatDuration(sqlite_search.P50())),
                       FormatRatio(search_ratio), "≤ 3x SQLite", Check(search_ratio <= 3.0), ""});

    const std::vector<core::ClientId> ids =
        SampleIds(clients, options.repetitions, options.seed + 1);
    const Samples pg_open = MeasureWorkspace(postgresql, ids, options.today);
    const Samples sqlite_open = MeasureWorkspace(sqlite, ids, options.today);
    const double open_ratio = pg_open.P95() / sqlite_open.P95();
    context.table.Add(
        {fmt::format("PostgreSQL: open a client workspace (p95 of {} clients)", pg_open.Count()),
         fmt::format("{} (p50 {})", FormatDuration(pg_open.P95()), FormatDuration(pg_open.P50())),
         fmt::format("{} (p50 {})", FormatDuration(sqlite_open.P95()),
                     FormatDuration(sqlite_open.P50())),
         FormatRatio(open_ratio), "≤ 3x SQLite", Check(open_ratio <= 3.0), ""});
}

}  // namespace myodesk::bench
