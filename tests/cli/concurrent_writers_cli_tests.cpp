// Several desks or scripts writing to one database at once, as real processes (the myodesk-cli
// binary): every write that is acknowledged (exit 0) is stored, and none fails because another
// process was writing at the same moment. The same with a database that none of them has set
// up yet, so they also create and migrate it together.
#include "cli_test_support.h"
#include "soci_session.h"
#include "test_database.h"

#include <boost/test/unit_test.hpp>
#include <fmt/chrono.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <soci/soci.h>

#include <chrono>
#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <latch>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

using namespace myodesk;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

constexpr int kWriters = 4;
constexpr auto kWritingTime = std::chrono::seconds(5);

// The binary under test: this build's, or (to measure another build) $MYODESK_CLI_UNDER_TEST.
std::string CliBinary() {
    const char* other = std::getenv("MYODESK_CLI_UNDER_TEST");
    return other != nullptr && *other != '\0' ? other : MYODESK_CLI_PATH;
}

// Runs the binary with `words` as its own process; its exit code and its output (standard
// output and error together). No Boost.Test checks here: it runs on the writers' threads.
test::CliResult RunProcess(const std::vector<std::string>& words) {
    std::vector<std::string> arguments{CliBinary()};
    arguments.insert(arguments.end(), words.begin(), words.end());
    std::vector<char*> argv;
    for (auto& argument : arguments) {
        argv.push_back(argument.data());
    }
    argv.push_back(nullptr);
    int output[2];
    if (pipe2(output, O_CLOEXEC) != 0) {
        return {-1, "pipe failed", ""};
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, output[1], 1);
    posix_spawn_file_actions_adddup2(&actions, output[1], 2);
    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(output[1]);
    std::string text;
    char buffer[4096];
    for (ssize_t n = 0; (n = read(output[0], buffer, sizeof buffer)) > 0;) {
        text.append(buffer, static_cast<std::size_t>(n));
    }
    close(output[0]);
    if (spawned != 0) {
        return {-1, "spawn failed", ""};
    }
    int status = 0;
    waitpid(pid, &status, 0);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), text, ""};
}

struct WriterTally {
    int clients = 0;  // acknowledged (exit 0)
    int notes = 0;
    int failed = 0;
    std::string first_failure;
};

// One writer: its own therapist, then client after client, each with a session note on a day
// of its own, until the time is up.
WriterTally Write(const std::string& location, int writer, const fs::path& folder,
                  std::latch& start) {
    WriterTally tally;
    const auto failed = [&](const std::string& what, const test::CliResult& result) {
        ++tally.failed;
        if (tally.first_failure.empty()) {
            tally.first_failure = fmt::format("{}: exit {}: {}", what, result.code, result.out);
        }
    };
    start.arrive_and_wait();
    const auto staff = RunProcess({"--db", location, "staff", "add", "--name",
                                   fmt::format("Writer {}", writer), "--role", "therapist"});
    if (staff.code != 0) {
        failed("staff add", staff);
        return tally;
    }
    const std::string therapist = std::to_string(std::stoll(staff.out));
    const std::string note_path = (folder / fmt::format("note-{}.json", writer)).string();
    const auto deadline = std::chrono::steady_clock::now() + kWritingTime;
    for (int i = 0; std::chrono::steady_clock::now() < deadline; ++i) {
        const auto client =
            RunProcess({"--db", location, "clients", "add", "--given", fmt::format("W{}", writer),
                        "--family", fmt::format("Client {}", i)});
        if (client.code != 0) {
            failed("clients add", client);
            continue;
        }
        ++tally.clients;
        const auto day =
            std::chrono::sys_days{std::chrono::year{2020} / 1 / 1} + std::chrono::days{i};
        const json note = {
            {"date", fmt::format("{:%Y-%m-%d}", day)},
            {"start_time", "09:00"},
            {"duration_min", 45},
            {"subjective", "Tight calves"},
            {"techniques", {{{"technique", "sports"}, {"minutes", 45}}}},
            {"regions", {{{"region", "calves"}, {"side", "bilateral"}, {"pressure", 6}}}}};
        std::ofstream(note_path) << note.dump();
        const auto added =
            RunProcess({"--db", location, "notes", "add", std::to_string(std::stoll(client.out)),
                        note_path, "--therapist", therapist});
        if (added.code != 0) {
            failed("notes add", added);
            continue;
        }
        ++tally.notes;
    }
    return tally;
}

long long CountRows(db::Database& database, const std::string& table) {
    long long rows = 0;
    db::SociSession(database) << "SELECT COUNT(*) FROM " + table, soci::into(rows);
    return rows;
}

// Four writers at once (numbered from `first_writer`); checks that none failed and returns the
// saves acknowledged: {clients, notes}.
std::pair<int, int> WriteAtOnce(const test::TestDatabase& test_db, int first_writer) {
    const test::TempFolder notes_folder;
    std::latch start(kWriters);
    std::vector<WriterTally> tallies(kWriters);
    {
        std::vector<std::jthread> writers;
        for (int writer = 0; writer < kWriters; ++writer) {
            writers.emplace_back([&, writer] {
                tallies[static_cast<std::size_t>(writer)] =
                    Write(test_db.Location(), first_writer + writer, notes_folder.path, start);
            });
        }
    }
    int clients = 0, notes = 0, failed = 0;
    for (int writer = 0; writer < kWriters; ++writer) {
        const WriterTally& tally = tallies[static_cast<std::size_t>(writer)];
        BOOST_TEST_MESSAGE(fmt::format("writer {}: {} clients and {} notes saved, {} failed",
                                       first_writer + writer, tally.clients, tally.notes,
                                       tally.failed));
        BOOST_TEST(tally.failed == 0, "writer " << writer << ": " << tally.first_failure);
        BOOST_TEST(tally.clients >= 3, "writer " << writer << " wrote too little to overlap");
        clients += tally.clients;
        notes += tally.notes;
        failed += tally.failed;
    }
    BOOST_TEST_MESSAGE(fmt::format("{} writers: {} clients, {} notes saved; {} writes failed",
                                   kWriters, clients, notes, failed));
    return {clients, notes};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(concurrent_writers_cli_tests)

MYODESK_DB_TEST(four_processes_writing_at_once_lose_and_fail_nothing) {
    // A database none of them has opened yet: they create and set it up together.
    const auto [new_clients, new_notes] = WriteAtOnce(test_db, 0);
    // One already set up: only the writes meet.
    const auto [more_clients, more_notes] = WriteAtOnce(test_db, kWriters);
    auto database = test_db.Open();
    BOOST_TEST(CountRows(database, "staff") == 2 * kWriters);
    BOOST_TEST(CountRows(database, "clients") == new_clients + more_clients);
    BOOST_TEST(CountRows(database, "session_notes") == new_notes + more_notes);
}

BOOST_AUTO_TEST_SUITE_END()
