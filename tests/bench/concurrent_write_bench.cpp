// Row 8: four desks or scripts writing to one SQLite file at once (issue 14). Four processes,
// each saving client after client with a session note for 60 s, each save on a connection of
// its own (as a script calling myodesk-cli once per save does, so the database is opened and
// checked by four processes at once too). Every save must succeed (the busy timeout waits for
// the other writers) and every acknowledged one must be there afterwards.
#include "bench.h"
#include "soci_session.h"

#include <myodesk/db/database.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/context.h>
#include <myodesk/services/note_service.h>
#include <myodesk/services/staff_service.h>

#include <fmt/format.h>
#include <soci/soci.h>

#include <array>
#include <filesystem>
#include <iostream>
#include <sys/wait.h>
#include <unistd.h>

namespace myodesk::bench {

namespace {

constexpr int kWriters = 4;
constexpr double kWritingSeconds = 60;

struct Tally {
    std::int64_t clients = 0;  // saves acknowledged
    std::int64_t notes = 0;
    std::int64_t failed = 0;
};

// Runs `save` on a connection of its own; false (and counted) when it throws.
template <typename Save>
bool SaveOnce(const std::string& path, Tally& tally, Save&& save) {
    try {
        db::Database database = db::OpenDatabase(path);
        services::Context context(database, services::Clock::System());
        save(context);
        return true;
    } catch (const std::exception& error) {
        if (tally.failed++ == 0) {
            std::cerr << fmt::format("myodesk_bench: a concurrent write failed: {}\n",
                                     error.what());
        }
        return false;
    }
}

// One writer: its own therapist, then client after client with a note each (ten a day, going
// back from today, so no two of the therapist's sessions overlap) until `seconds` are up.
Tally WriteFor(const std::string& path, int writer, double seconds, const core::Date& today) {
    Tally tally;
    core::StaffId therapist = 0;
    SaveOnce(path, tally, [&](services::Context& context) {
        core::Staff staff;
        staff.name = fmt::format("Writer {}", writer);
        therapist = services::StaffService(context).Add(staff).id;
    });
    const auto deadline = BenchClock::now() + std::chrono::duration_cast<BenchClock::duration>(
                                                  std::chrono::duration<double>(seconds));
    for (int i = 0; therapist != 0 && BenchClock::now() < deadline; ++i) {
        core::ClientId client_id = 0;
        const bool added = SaveOnce(path, tally, [&](services::Context& context) {
            core::Client client;
            client.given_name = fmt::format("Writer {}", writer);
            client.family_name = fmt::format("Client {}", i);
            client_id = services::ClientService(context).Add(client).id;
        });
        if (!added) {
            continue;
        }
        ++tally.clients;
        const bool noted = SaveOnce(path, tally, [&](services::Context& context) {
            core::SessionNote note;
            note.client_id = client_id;
            note.therapist_id = therapist;
            note.date = core::AddDays(today, -(1 + i / 10));
            note.start_minute = 8 * 60 + (i % 10) * 60;
            note.duration_min = 45;
            note.subjective = "Tight calves after the long run";
            note.techniques = {{core::Technique::kSports, 45}};
            // A treated session records its regions (the record rules of issue 15).
            note.regions = {{core::Region::kCalves, core::Side::kBilateral, 5, {}, {}}};
            services::NoteService(context).Save(note);
        });
        tally.notes += noted ? 1 : 0;
    }
    return tally;
}

// Starts a writer process; its tally comes back through `pipe_fd` (read end returned).
int StartWriter(const std::string& path, int writer, double seconds, const core::Date& today,
                pid_t& pid) {
    int fds[2];
    if (pipe(fds) != 0) {
        throw std::runtime_error("cannot make a pipe");
    }
    pid = fork();
    if (pid < 0) {
        throw std::runtime_error("cannot start a writer process");
    }
    if (pid == 0) {
        close(fds[0]);
        const Tally tally = WriteFor(path, writer, seconds, today);
        const bool sent = write(fds[1], &tally, sizeof tally) == sizeof tally;
        _exit(sent ? 0 : 1);
    }
    close(fds[1]);
    return fds[0];
}

}  // namespace

void RunConcurrentWriters(BenchContext& context) {
    const double seconds = std::max(kWritingSeconds * context.options.scale, 1.0);
    const std::string path = context.options.work_dir + "/writers.sqlite";
    std::filesystem::remove(path);
    std::array<pid_t, kWriters> pids{};
    std::array<int, kWriters> pipes{};
    for (int writer = 0; writer < kWriters; ++writer) {
        const auto index = static_cast<std::size_t>(writer);
        pipes[index] = StartWriter(path, writer, seconds, context.options.today, pids[index]);
    }
    Tally total;
    std::string per_writer;
    for (std::size_t index = 0; index < pipes.size(); ++index) {
        Tally tally;
        const bool read_whole = read(pipes[index], &tally, sizeof tally) == sizeof tally;
        close(pipes[index]);
        int status = 0;
        waitpid(pids[index], &status, 0);
        if (!read_whole || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            throw std::runtime_error(fmt::format("writer {} did not report", index));
        }
        total.clients += tally.clients;
        total.notes += tally.notes;
        total.failed += tally.failed;
        per_writer += fmt::format("{}{}", per_writer.empty() ? "" : " / ",
                                  FormatCount(tally.clients + tally.notes));
    }
    db::Database database = db::OpenDatabase(path);
    long long clients = 0, notes = 0;
    db::SociSession(database) << "SELECT COUNT(*) FROM clients", soci::into(clients);
    db::SociSession(database) << "SELECT COUNT(*) FROM session_notes", soci::into(notes);
    const std::int64_t lost = (total.clients - clients) + (total.notes - notes);
    const std::int64_t saved = total.clients + total.notes;
    context.table.Add(
        {fmt::format("{} processes writing clients and notes to one SQLite file for {:.0f} s",
                     kWriters, seconds),
         fmt::format("{} saves ({}; {:.0f}/s), {} failed, {} lost", FormatCount(saved), per_writer,
                     static_cast<double>(saved) / seconds, FormatCount(total.failed),
                     FormatCount(lost)),
         "—", "—", "0 failed, 0 lost", Check(total.failed == 0 && lost == 0),
         total.failed == 0 && lost == 0
             ? ""
             : fmt::format("{} saves failed, {} acknowledged saves missing", total.failed, lost)});
}

}  // namespace myodesk::bench
