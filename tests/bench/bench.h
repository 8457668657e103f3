#pragma once

// The benchmarks of issue 7: what each one measures and the data sets they share.

#include "bench_support.h"

#include <myodesk/core/date.h>
#include <myodesk/core/demo_practice.h>
#include <myodesk/core/plan.h>
#include <myodesk/db/database.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace myodesk::bench {

// The sizes; --scale multiplies them.
inline constexpr int kPracticeClients = 100'000;  // with about 1,000,000 session notes
inline constexpr int kSearchClients = 1'000'000;
inline constexpr int kReportSessions = 200;
inline constexpr int kSummarySessions = 100'000;  // in the clinic summary's year
inline constexpr int kPlanWeeks = 16;

struct BenchOptions {
    double scale = 1.0;
    // The PostgreSQL rows run on a practice this much smaller than the SQLite one (see README).
    double postgresql_scale = 0.05;
    int repetitions = 200;  // samples per percentile, where one sample is a single operation
    bool gui = true;
    std::string gui_path;  // the myodesk executable (default: beside this one's build tree)
    bool postgresql = true;
    std::string postgresql_conninfo;  // --pg, else $MYODESK_TEST_PG
    std::string work_dir;             // where the databases are made (a new temp folder)
    bool keep = false;                // keep the databases afterwards
    std::uint64_t seed = 7;
    core::Date today{};
};

// Scales an issue size, never below `minimum`.
int Scaled(int full, double scale, int minimum = 1);

// Everything the benchmarks share.
struct BenchContext {
    BenchOptions options;
    ResultTable table;
    std::string practice_path;  // MyoDesk's SQLite practice (written by the write benchmark)
    int practice_clients = 0;
    double generation_seconds = 0;  // core::DemoPracticeGenerator alone, for all clients
    double practice_write_rows_per_second = 0;  // MyoDesk's rate in the write row (0: not run)
};

// The demo practice every benchmark reads: `clients` runners and their history (about ten
// session notes each over two years), deterministic for the seed.
core::DemoOptions PracticeOptions(const BenchContext& context, int clients);

// Rows in every MyoDesk table (schema_migrations aside).
std::int64_t CountRows(db::Database& database);

// What core::GeneratePlan gets for a generated runner, built from the generated records as
// services::PlanService::LoadInputs builds it from the stored ones (newest intake, calendar, recent
// notes and the last one, default settings); ids as stored.
core::PlanInputs PlanInputsFor(const core::DemoClient& client, core::ClientId id,
                               const core::Date& today, std::optional<int> weeks);

// `count` distinct client ids from 1..max_id, chosen with the seed.
std::vector<core::ClientId> SampleIds(std::int64_t max_id, int count, std::uint64_t seed);

// The benchmarks, in the order main() runs them. Each adds its rows to context.table.
void RunPlanGeneration(BenchContext& context);     // row 4; also times the generator alone
void RunPracticeWrite(BenchContext& context);      // row 1; leaves context.practice_path
void RunSearch(BenchContext& context);             // row 2
void RunWorkspace(BenchContext& context);          // row 3
void RunReports(BenchContext& context);            // row 5
void RunGuiStartup(BenchContext& context);         // row 6 (makes the 1,000,000-client file)
void RunConcurrentWriters(BenchContext& context);  // row 8 (issue 14): 4 writer processes
void RunAppointmentBook(BenchContext& context);    // issue 16: day, week, booking (and PostgreSQL)
void RunAuditLog(BenchContext& context);           // issue 17: audited writes, audit list
void RunBackup(BenchContext& context);             // issue 18: backup create against .backup
void RunPracticeExport(BenchContext& context);     // issue 18: export all, import all, db copy
void RunPostgresql(BenchContext& context);         // row 7

// A schema of its own on the PostgreSQL server (myodesk_bench_<what>_<pid>) for as long as it
// lives: the PostgreSQL rows write into it and drop it afterwards.
class BenchSchema {
  public:
    explicit BenchSchema(std::string conninfo, const std::string& what = "");
    ~BenchSchema();
    BenchSchema(const BenchSchema&) = delete;
    BenchSchema& operator=(const BenchSchema&) = delete;

    // The connection string with search_path set to the schema.
    std::string Location() const;
    const std::string& ServerVersion() const { return m_server_version; }

  private:
    std::string m_conninfo;
    std::string m_name;
    std::string m_server_version;
};

// Shared by the SQLite and PostgreSQL rows.
struct WriteResult {
    double seconds = 0;
    std::int64_t rows = 0;
    // Rows per second of the time less `other_seconds` (work both sides did besides writing).
    double RowsPerSecond(double other_seconds = 0) const {
        return static_cast<double>(rows) / std::max(seconds - other_seconds, 1e-9);
    }
};
WriteResult WritePracticeWithMyoDesk(db::Database& database, const core::DemoOptions& options);
// The same practice through sqlite3 prepared inserts in one transaction, into a new file at
// `path` made by MyoDesk's migrations.
WriteResult WritePracticeRaw(const std::string& path, const core::DemoOptions& options);

// Keystrokes as typed into the search box for a sample of the database's clients: names
// given-first (accented as stored) and family-first (folded), email and phone digits.
std::vector<std::string> TypedQueries(db::Database& database, int clients, std::uint64_t seed);
// Keystrokes as the client list handles them (CountMatching, then the first page) on two
// databases, alternately, in a shuffled order, for at most `budget_seconds`.
struct SearchComparison {
    Samples first, second;
    bool timed_out = false;
};
SearchComparison CompareSearch(db::Database& first, db::Database& second,
                               const std::vector<std::string>& queries, int rounds,
                               double budget_seconds, std::uint64_t seed);

// Opening a client's workspace as ClientWorkspacePanel, SessionsPanel and PlanPanel read it.
void OpenWorkspace(db::Database& database, core::ClientId client, const core::Date& today);
Samples MeasureWorkspace(db::Database& database, const std::vector<core::ClientId>& clients,
                         const core::Date& today);

// The 1,000,000-client database for the search and the GUI rows (made once, then reused).
std::string MillionClientsPath(BenchContext& context);

}  // namespace myodesk::bench
