// myodesk_bench: the benchmarks of issue 7, each figure beside its limit and, where there is
// one, beside the same work done with the sqlite3 C API. `./dev.sh bench` builds it in the
// release "bench" preset and runs it; see README.md, "Performance".
//
//   myodesk_bench [--scale X] [--pg-scale X] [--repetitions N] [--gui PATH | --no-gui]
//                 [--pg CONNINFO | --no-postgresql] [--work-dir DIR] [--keep] [--seed N]
//                 [--only STEP,STEP...]
//
// STEPs, run in this order: plans, write, search, workspace, reports, gui, writers, book, audit,
// backup, export, postgresql. Without "write", the practice a --keep run left in --work-dir is read
// again
// ("book" writes an appointment book of its own, "audit" a file with an audit log).
#include "bench.h"
#include "soci_session.h"

#include <myodesk/db/clock.h>

#include <fmt/format.h>
#include <soci/soci.h>

#include <cstdlib>
#include <exception>
#include <filesystem>
#include <functional>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace myodesk::bench;

constexpr std::string_view kUsage =
    "usage: myodesk_bench [--scale X] [--pg-scale X] [--repetitions N] [--gui PATH | --no-gui]\n"
    "                     [--pg CONNINFO | --no-postgresql] [--work-dir DIR] [--keep]\n"
    "                     [--seed N] [--only "
    "plans,write,search,workspace,reports,gui,writers,book,audit,backup,export,postgresql]\n";

struct Arguments {
    BenchOptions options;
    std::set<std::string> only;
    bool help = false;
};

Arguments Parse(int argc, char** argv) {
    Arguments arguments;
    BenchOptions& options = arguments.options;
    if (const char* server = std::getenv("MYODESK_TEST_PG")) {
        options.postgresql_conninfo = server;
    }
    const std::vector<std::string> words(argv + 1, argv + argc);
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& word = words[i];
        const auto value = [&]() -> const std::string& {
            if (i + 1 >= words.size()) {
                throw std::invalid_argument(fmt::format("{} needs a value", word));
            }
            return words[++i];
        };
        if (word == "--scale") {
            options.scale = std::stod(value());
        } else if (word == "--pg-scale") {
            options.postgresql_scale = std::stod(value());
        } else if (word == "--repetitions") {
            options.repetitions = std::stoi(value());
        } else if (word == "--gui") {
            options.gui_path = value();
        } else if (word == "--no-gui") {
            options.gui = false;
        } else if (word == "--pg") {
            options.postgresql_conninfo = value();
        } else if (word == "--no-postgresql") {
            options.postgresql = false;
        } else if (word == "--work-dir") {
            options.work_dir = value();
        } else if (word == "--keep") {
            options.keep = true;
        } else if (word == "--seed") {
            options.seed = std::stoull(value());
        } else if (word == "--only") {
            std::istringstream steps(value());
            std::string step;
            while (std::getline(steps, step, ',')) {
                arguments.only.insert(step);
            }
        } else if (word == "--help" || word == "-h") {
            arguments.help = true;
        } else {
            throw std::invalid_argument(fmt::format("unknown argument '{}'", word));
        }
    }
    if (!(options.scale > 0 && options.scale <= 10) ||
        !(options.postgresql_scale > 0 && options.postgresql_scale <= 1) ||
        options.repetitions < 1) {
        throw std::invalid_argument(
            "--scale must be in (0, 10], --pg-scale in (0, 1], "
            "--repetitions at least 1");
    }
    return arguments;
}

// A practice left by an earlier --keep run, when this run does not write one.
void ReuseKeptPractice(BenchContext& context) {
    const std::string path = context.options.work_dir + "/practice.sqlite";
    if (!std::filesystem::exists(path)) {
        throw std::runtime_error(
            fmt::format("no practice in {} (run the write step, or an earlier run with --keep)",
                        context.options.work_dir));
    }
    context.practice_path = path;
    myodesk::db::Database database = myodesk::db::OpenDatabase(path);
    long long clients = 0;
    myodesk::db::SociSession(database) << "SELECT COUNT(*) FROM clients", soci::into(clients);
    context.practice_clients = static_cast<int>(clients);
}

}  // namespace

int main(int argc, char** argv) {
    Arguments arguments;
    try {
        arguments = Parse(argc, argv);
    } catch (const std::exception& error) {
        std::cerr << "myodesk_bench: " << error.what() << '\n' << kUsage;
        return 2;
    }
    if (arguments.help) {
        std::cout << kUsage;
        return 0;
    }
    BenchContext context;
    context.options = arguments.options;
    context.options.today = myodesk::db::LocalDate(myodesk::db::SystemNow());
    bool own_work_dir = false;
    if (context.options.work_dir.empty()) {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "myodesk-bench.XXXXXX").string();
        if (mkdtemp(pattern.data()) == nullptr) {
            std::cerr << "myodesk_bench: cannot make a temporary folder\n";
            return 1;
        }
        context.options.work_dir = pattern;
        own_work_dir = true;
    } else {
        std::filesystem::create_directories(context.options.work_dir);
    }
    const auto selected = [&](const std::string& step) {
        return arguments.only.empty() || arguments.only.count(step) != 0;
    };

    std::cout << fmt::format("MyoDesk benchmarks, scale {} (PostgreSQL {}), in {}\n",
                             context.options.scale,
                             context.options.scale * context.options.postgresql_scale,
                             context.options.work_dir)
              << std::flush;
    const std::string load_before = LoadAverage();
    const auto started = BenchClock::now();
    int failures = 0;
    const std::vector<std::pair<std::string, std::function<void(BenchContext&)>>> steps{
        {"plans", RunPlanGeneration},
        {"write", RunPracticeWrite},
        {"search", RunSearch},
        {"workspace", RunWorkspace},
        {"reports", RunReports},
        {"gui", RunGuiStartup},
        {"writers", RunConcurrentWriters},
        {"book", RunAppointmentBook},
        {"audit", RunAuditLog},
        {"backup", RunBackup},
        {"export", RunPracticeExport},
        {"postgresql", RunPostgresql}};
    for (const auto& [name, run] : steps) {
        if (!selected(name)) {
            continue;
        }
        try {
            if (name != "plans" && name != "write" && name != "writers" && name != "book" &&
                name != "audit" && name != "postgresql" && context.practice_path.empty()) {
                ReuseKeptPractice(context);
            }
            const double seconds = TimeSeconds([&] { run(context); });
            std::cout << fmt::format("  ({} took {})\n", name, FormatDuration(seconds))
                      << std::flush;
        } catch (const std::exception& error) {
            ++failures;
            std::cerr << fmt::format("myodesk_bench: {} failed: {}\n", name, error.what());
            context.table.Skip(fmt::format("step '{}'", name), "—",
                               fmt::format("Failed: {}", error.what()));
        }
    }
    const double total = Seconds(started, BenchClock::now());

    std::cout << '\n';
    context.table.Print(std::cout);
    std::cout << fmt::format("\nMachine: {}; load average {} before, {} after\n", MachineLine(),
                             load_before, LoadAverage());
    std::cout << fmt::format(
        "Scale {} (1 = the issue's sizes); all steps took {}; peak memory of "
        "the benchmark process {:.0f} MB; {} target(s) missed.\n",
        context.options.scale, FormatDuration(total), PeakRssMb(), context.table.Missed());
    if (!context.options.keep) {
        std::error_code ignored;
        if (own_work_dir) {
            std::filesystem::remove_all(context.options.work_dir, ignored);
        } else {
            for (const auto& entry :
                 std::filesystem::directory_iterator(context.options.work_dir)) {
                const std::string name = entry.path().filename().string();
                if (name.ends_with(".sqlite") || name.ends_with(".sqlite-wal") ||
                    name.ends_with(".sqlite-shm") || name == "gui-home") {
                    std::filesystem::remove_all(entry.path(), ignored);
                }
            }
        }
    } else {
        std::cout << fmt::format("The databases are kept in {}\n", context.options.work_dir);
    }
    return failures == 0 ? 0 : 1;
}
