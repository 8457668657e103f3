// Issue 18, "Speed": the whole practice the write row made (100,000 clients × --scale) through
// services::PracticeExportService, as `export all`, `import all` and `db copy` run it.
// - export all: records written per second (JSON Lines and CSV of every kind, their SHA-256,
//   the ZIP). Target: ≥ 100,000 rows/s.
// - import all: records read back per second into a new SQLite file (every line checked, one
//   transaction), against the rate the write row's demo writer wrote the same practice.
//   Target: ≥ 0.5× the demo writer's rows/s.
// - db copy to PostgreSQL (with a server): records copied per second, COPY in one transaction
//   and every kind read back and checked. Target: ≥ 50,000 rows/s.
#include "bench.h"

#include <myodesk/services/context.h>
#include <myodesk/services/practice_export_service.h>

#include <fmt/format.h>

#include <filesystem>
#include <iostream>

namespace myodesk::bench {

namespace {

namespace fs = std::filesystem;

std::string Rate(double rows_per_second) {
    return fmt::format("{} rows/s", FormatCount(static_cast<std::int64_t>(rows_per_second)));
}

}  // namespace

void RunPracticeExport(BenchContext& context) {
    const fs::path work = fs::path(context.options.work_dir) / "export-bench";
    fs::remove_all(work);
    fs::create_directories(work);
    const fs::path zip = work / "practice.zip";

    db::Database database = db::OpenDatabase(context.practice_path);
    services::Context services_context(database, services::Clock::System());
    std::cout << "exporting the practice (export all)\n" << std::flush;
    services::PracticeExportSummary exported;
    const double export_seconds = TimeSeconds(
        [&] { exported = services::PracticeExportService(services_context).ExportAll(zip); });
    const double export_rate = static_cast<double>(exported.records) / export_seconds;
    context.table.Add(
        {fmt::format("export all: the whole practice ({} records) as one ZIP of "
                     "JSON Lines and CSV, {} MB",
                     FormatCount(exported.records), fs::file_size(zip) / (1024 * 1024)),
         Rate(export_rate), "—", "—", "≥ 100,000 rows/s", Check(export_rate >= 100'000), ""});

    std::cout << "importing it into a new SQLite file (import all)\n" << std::flush;
    const std::string copy_path = (work / "imported.sqlite").string();
    services::PracticeExportSummary imported;
    double import_seconds = 0;
    {
        db::Database copy = db::OpenDatabase(copy_path);
        services::Context copy_context(copy, services::Clock::System());
        import_seconds = TimeSeconds([&] {
            imported = services::PracticeExportService(copy_context).ImportAll(zip, std::nullopt);
        });
    }
    const double import_rate = static_cast<double>(imported.records) / import_seconds;
    const double writer_rate = context.practice_write_rows_per_second;
    if (writer_rate > 0) {
        const double share = import_rate / writer_rate;
        context.table.Add(
            {fmt::format("import all into a new SQLite file ({} records, every line checked; "
                         "third column: the write row's demo writer)",
                         FormatCount(imported.records)),
             Rate(import_rate), Rate(writer_rate), fmt::format("{:.2f}x", share),
             "≥ 0.5x the demo writer's rows/s", Check(share >= 0.5),
             "The ratio is import's rows/s over the demo writer's."});
    } else {
        context.table.Add({fmt::format("import all into a new SQLite file ({} records)",
                                       FormatCount(imported.records)),
                           Rate(import_rate), "—", "—", "≥ 0.5x the demo writer's rows/s",
                           Verdict::kSkipped,
                           "The demo writer's rate comes from the write row: run it too."});
    }

    if (!context.options.postgresql || context.options.postgresql_conninfo.empty()) {
        context.table.Skip("db copy to PostgreSQL", "≥ 50,000 rows/s",
                           "No PostgreSQL server: set MYODESK_TEST_PG or --pg.");
    } else {
        const BenchSchema schema(context.options.postgresql_conninfo, "copy");
        std::cout << fmt::format("copying the practice to PostgreSQL {} (db copy)\n",
                                 schema.ServerVersion())
                  << std::flush;
        services::PracticeExportSummary copied;
        const double copy_seconds = TimeSeconds([&] {
            copied = services::PracticeExportService(services_context)
                         .CopyTo(schema.Location(), std::nullopt);
        });
        const double copy_rate = static_cast<double>(copied.records) / copy_seconds;
        context.table.Add({fmt::format("db copy to PostgreSQL on loopback ({} records, COPY in one "
                                       "transaction, every kind read back and checked)",
                                       FormatCount(copied.records)),
                           Rate(copy_rate), "—", "—", "≥ 50,000 rows/s", Check(copy_rate >= 50'000),
                           ""});
    }
    if (!context.options.keep) {
        fs::remove_all(work);
    }
}

}  // namespace myodesk::bench
