// Row 6: the GUI's cold start with 1,000,000 clients. Runs `myodesk --db FILE --bench-startup`
// (app/gui/shell/startup_benchmark.h) on the display this program was given (`./dev.sh bench` runs
// it under xvfb-run): the time from starting the process until the client list has painted
// its first rows, the peak memory of that process (wait4's rusage), and how many rows the list
// read to show its first and then its last rows.
#include "bench.h"

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <map>
#include <spawn.h>
#include <sstream>
#include <stdexcept>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace myodesk::bench {

namespace {

constexpr int kRuns = 5;

struct StartupRun {
    double first_rows_seconds = -1;  // from spawning until the first rows were painted
    double scrolled_seconds = -1;    // ... until the last row was painted
    std::map<std::string, std::string> first_rows, scrolled;  // the lines' key=value pairs
    double peak_rss_mb = 0;
    int status = -1;
};

std::map<std::string, std::string> Fields(const std::string& line) {
    std::map<std::string, std::string> fields;
    std::istringstream words(line);
    std::string word;
    while (words >> word) {
        const auto equals = word.find('=');
        if (equals != std::string::npos) {
            fields[word.substr(0, equals)] = word.substr(equals + 1);
        }
    }
    return fields;
}

StartupRun RunOnce(const std::string& program, const std::string& database,
                   const std::string& home) {
    int out[2];
    if (pipe(out) != 0) {
        throw std::runtime_error("pipe failed");
    }
    // The app's settings and data go to a folder of their own, not the user's.
    std::vector<std::string> environment;
    for (char** variable = environ; *variable != nullptr; ++variable) {
        const std::string entry(*variable);
        if (!entry.starts_with("XDG_CONFIG_HOME=") && !entry.starts_with("XDG_DATA_HOME=")) {
            environment.push_back(entry);
        }
    }
    environment.push_back("XDG_CONFIG_HOME=" + home + "/config");
    environment.push_back("XDG_DATA_HOME=" + home + "/data");
    std::vector<char*> env;
    for (std::string& entry : environment) {
        env.push_back(entry.data());
    }
    env.push_back(nullptr);
    std::string arg0 = program, arg1 = "--db", arg2 = database, arg3 = "--bench-startup";
    char* argv[] = {arg0.data(), arg1.data(), arg2.data(), arg3.data(), nullptr};

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);

    StartupRun run;
    pid_t pid = 0;
    const auto started = BenchClock::now();
    const int spawned = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv, env.data());
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    if (spawned != 0) {
        close(out[0]);
        throw std::runtime_error(fmt::format("cannot start {}", program));
    }
    FILE* lines = fdopen(out[0], "r");
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, lines) != nullptr) {
        const std::string line(buffer);
        const double seconds = Seconds(started, BenchClock::now());
        if (line.starts_with("myodesk-bench-startup first_rows")) {
            run.first_rows_seconds = seconds;
            run.first_rows = Fields(line);
        } else if (line.starts_with("myodesk-bench-startup scroll")) {
            run.scrolled_seconds = seconds;
            run.scrolled = Fields(line);
        }
    }
    std::fclose(lines);
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    run.status = status;
    run.peak_rss_mb = static_cast<double>(usage.ru_maxrss) / 1024.0;
    return run;
}

std::string DefaultGuiPath() {
    std::error_code error;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
    if (error) {
        return {};
    }
    // <build>/tests/bench/myodesk_bench -> <build>/app/gui/myodesk
    return (self.parent_path().parent_path().parent_path() / "app" / "gui" / "myodesk").string();
}

}  // namespace

void RunGuiStartup(BenchContext& context) {
    const std::string operation =
        fmt::format("GUI cold start to a populated client list, {} clients, Xvfb",
                    FormatCount(Scaled(kSearchClients, context.options.scale, 10)));
    if (!context.options.gui) {
        context.table.Skip(operation, "< 1 s", "The GUI rows were not asked for (--no-gui).");
        return;
    }
    const std::string program =
        context.options.gui_path.empty() ? DefaultGuiPath() : context.options.gui_path;
    if (program.empty() || !std::filesystem::exists(program)) {
        context.table.Skip(operation, "< 1 s",
                           fmt::format("No myodesk executable at '{}' (--gui PATH).", program));
        return;
    }
    const char* display = std::getenv("DISPLAY");
    if (display == nullptr || *display == '\0') {
        context.table.Skip(operation, "< 1 s",
                           "No display: run under xvfb-run (./dev.sh bench does).");
        return;
    }
    const std::string database = MillionClientsPath(context);
    const std::string home = context.options.work_dir + "/gui-home";
    std::filesystem::create_directories(home);
    std::cout << fmt::format("GUI start with {}: 1 warm-up + {} runs\n", database, kRuns)
              << std::flush;

    Samples first_rows, since_exec, scrolled;
    double peak_rss = 0;
    std::string rows_fetched_end, pages_end, rows;
    std::string failure;
    for (int run_number = -1; run_number < kRuns; ++run_number) {
        const StartupRun run = RunOnce(program, database, home);
        if (run.first_rows_seconds < 0 || run.scrolled_seconds < 0 || !WIFEXITED(run.status) ||
            WEXITSTATUS(run.status) != 0) {
            failure = fmt::format(
                "myodesk --bench-startup did not finish as expected (status {}, "
                "first rows {}, scrolled {}).",
                run.status, run.first_rows_seconds, run.scrolled_seconds);
            break;
        }
        if (run_number < 0) {
            continue;  // warm-up: the file in the page cache, fontconfig's caches
        }
        first_rows.Add(run.first_rows_seconds);
        scrolled.Add(run.scrolled_seconds - run.first_rows_seconds);
        if (const auto ms = run.first_rows.find("ms"); ms != run.first_rows.end()) {
            since_exec.Add(std::stod(ms->second) / 1e3);
        }
        peak_rss = std::max(peak_rss, run.peak_rss_mb);
        rows = run.first_rows.count("rows") != 0
                   ? FormatCount(std::atoll(run.first_rows.at("rows").c_str()))
                   : "?";
        rows_fetched_end =
            run.scrolled.count("rows_fetched") != 0 ? run.scrolled.at("rows_fetched") : "?";
        pages_end =
            run.scrolled.count("pages_fetched") != 0 ? run.scrolled.at("pages_fetched") : "?";
        std::cout << fmt::format("  first rows after {}, end painted {} later, {:.0f} MB peak\n",
                                 FormatDuration(run.first_rows_seconds),
                                 FormatDuration(run.scrolled_seconds - run.first_rows_seconds),
                                 run.peak_rss_mb)
                  << std::flush;
    }
    if (!failure.empty() || first_rows.Empty()) {
        throw std::runtime_error(failure.empty() ? "no run finished" : failure);
    }
    const double worst = first_rows.Max();
    context.table.Add(
        {fmt::format("{} (worst of {} runs after a warm-up; {} active clients listed)", operation,
                     first_rows.Count(), rows),
         fmt::format("{} (the app's own clock: {})", FormatDuration(worst),
                     FormatDuration(since_exec.Max())),
         "—", "—", "< 1 s", Check(worst < 1.0), ""});
    context.table.Add({"GUI peak memory (max RSS of that process, worst run)",
                       fmt::format("{:.0f} MB", peak_rss), "—", "—", "< 150 MB",
                       Check(peak_rss < 150), ""});
    const long long fetched = std::atoll(rows_fetched_end.c_str());
    context.table.Add({"GUI scroll to the last row: rows the list read from the database",
                       fmt::format("{} rows in {} pages (end painted {} after the first rows)",
                                   rows_fetched_end, pages_end, FormatDuration(scrolled.Max())),
                       "—", "—", "not the table (≤ 1,000 rows)",
                       Check(fetched > 0 && fetched <= 1000), ""});
}

}  // namespace myodesk::bench
