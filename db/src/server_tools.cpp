#include "server_tools.h"

#include "soci_session.h"

#include <myodesk/db/errors.h>

#include <fmt/format.h>
#include <soci/postgresql/soci-postgresql.h>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <libpq-fe.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace myodesk::db::detail {

namespace {

namespace fs = std::filesystem;

// A pipe whose ends are closed when it goes.
class Pipe {
  public:
    Pipe() {
        if (::pipe2(m_ends.data(), O_CLOEXEC) != 0) {
            throw DatabaseError(fmt::format("Cannot start a program: {}", std::strerror(errno)));
        }
    }
    ~Pipe() {
        CloseRead();
        CloseWrite();
    }
    Pipe(const Pipe&) = delete;
    Pipe& operator=(const Pipe&) = delete;
    int Read() const { return m_ends[0]; }
    int Write() const { return m_ends[1]; }
    void CloseRead() { Close(m_ends[0]); }
    void CloseWrite() { Close(m_ends[1]); }

  private:
    static void Close(int& end) {
        if (end >= 0) {
            ::close(end);
            end = -1;
        }
    }
    std::array<int, 2> m_ends{-1, -1};
};

// This program's environment with `overrides` in place of the same names.
std::vector<std::string> EnvironmentWith(const ToolEnvironment& overrides) {
    std::vector<std::string> result;
    for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
        const std::string_view text(*entry);
        const std::string name(text.substr(0, text.find('=')));
        if (!overrides.contains(name)) {
            result.emplace_back(text);
        }
    }
    for (const auto& [name, value] : overrides) {
        result.push_back(name + "=" + value);
    }
    return result;
}

std::vector<char*> Pointers(std::vector<std::string>& texts) {
    std::vector<char*> pointers;
    pointers.reserve(texts.size() + 1);
    for (std::string& text : texts) {
        pointers.push_back(text.data());
    }
    pointers.push_back(nullptr);
    return pointers;
}

// pg_dump and pg_restore report problems as "pg_dump: error: …", "pg_restore: detail: …",
// and the server's words after them.
bool ReportsProblem(std::string_view line) {
    return line.find("error:") != std::string_view::npos ||
           line.find("detail:") != std::string_view::npos ||
           line.find("hint:") != std::string_view::npos ||
           line.find("FATAL:") != std::string_view::npos ||
           line.find("ERROR:") != std::string_view::npos;
}

ToolEnvironment EnvironmentOfOptions(PQconninfoOption* options) {
    ToolEnvironment environment;
    for (const PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
        if (option->envvar != nullptr && option->val != nullptr && *option->val != '\0') {
            environment[option->envvar] = option->val;
        }
    }
    PQconninfoFree(options);
    environment["PGAPPNAME"] = "myodesk backup";
    return environment;
}

}  // namespace

bool ToolInstalled(std::string_view program) {
    const char* path = std::getenv("PATH");
    std::string_view folders = path != nullptr ? path : "/usr/bin:/bin";
    while (!folders.empty()) {
        const auto colon = folders.find(':');
        const std::string_view folder = folders.substr(0, colon);
        if (!folder.empty()) {
            const fs::path candidate = fs::path(folder) / program;
            if (::access(candidate.c_str(), X_OK) == 0) {
                return true;
            }
        }
        if (colon == std::string_view::npos) {
            break;
        }
        folders.remove_prefix(colon + 1);
    }
    return false;
}

ToolRun RunTool(const std::string& program, const std::vector<std::string>& arguments,
                const ToolEnvironment& environment,
                const std::function<void(std::string_view)>& on_error_line,
                const std::function<bool()>& keep_going, std::size_t output_limit) {
    Pipe output;
    Pipe errors;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, output.Write(), STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, errors.Write(), STDERR_FILENO);
    std::vector<std::string> argv_texts{program};
    argv_texts.insert(argv_texts.end(), arguments.begin(), arguments.end());
    std::vector<std::string> env_texts = EnvironmentWith(environment);
    std::vector<char*> argv = Pointers(argv_texts);
    std::vector<char*> envp = Pointers(env_texts);
    pid_t pid = 0;
    const int spawned =
        ::posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0) {
        throw DatabaseError(fmt::format("Cannot start {}: {}", program, std::strerror(spawned)));
    }
    output.CloseWrite();
    errors.CloseWrite();

    ToolRun run;
    std::string error_text;
    std::array<char, 8192> buffer{};
    std::array<pollfd, 2> open{pollfd{output.Read(), POLLIN, 0}, pollfd{errors.Read(), POLLIN, 0}};
    const auto stop = [&] {
        if (!run.cancelled && keep_going && !keep_going()) {
            run.cancelled = true;
            ::kill(pid, SIGTERM);
        }
    };
    const auto take_lines = [&](bool all) {
        for (auto end = error_text.find('\n'); end != std::string::npos;
             end = error_text.find('\n')) {
            const std::string line = error_text.substr(0, end);
            error_text.erase(0, end + 1);
            if (ReportsProblem(line)) {
                run.errors.push_back(line);
            }
            if (on_error_line) {
                on_error_line(line);
            }
            stop();
        }
        if (all && !error_text.empty()) {
            if (ReportsProblem(error_text)) {
                run.errors.push_back(error_text);
            }
            error_text.clear();
        }
    };
    while (open[0].fd >= 0 || open[1].fd >= 0) {
        const int ready = ::poll(open.data(), open.size(), 100);
        if (ready < 0 && errno != EINTR) {
            break;
        }
        for (std::size_t i = 0; i < open.size(); ++i) {
            if (open[i].fd < 0 || (open[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) {
                continue;
            }
            const ssize_t got = ::read(open[i].fd, buffer.data(), buffer.size());
            if (got <= 0) {
                if (got < 0 && errno == EINTR) {
                    continue;
                }
                open[i].fd = -1;
                continue;
            }
            const std::string_view piece(buffer.data(), static_cast<std::size_t>(got));
            if (i == 0) {
                if (run.output.size() < output_limit) {
                    run.output.append(piece.substr(0, output_limit - run.output.size()));
                }
            } else {
                error_text.append(piece);
                take_lines(false);
            }
        }
        stop();
    }
    take_lines(true);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

ToolEnvironment ServerEnvironmentOf(Database& database) {
    if (database.Target().backend != Backend::kPostgresql) {
        throw DatabaseError("Only a PostgreSQL practice is reached by the server's programs.");
    }
    auto* backend =
        static_cast<soci::postgresql_session_backend*>(SociSession(database).get_backend());
    // What the live connection used (the password a signed-in login gave included): the
    // programs reach the same database as the same login.
    PQconninfoOption* options = PQconninfo(backend->conn_);
    if (options == nullptr) {
        throw DatabaseError("Cannot read the server connection's settings.");
    }
    return EnvironmentOfOptions(options);
}

ToolEnvironment ServerEnvironmentFor(const std::string& conninfo) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
    if (options == nullptr) {
        const std::string message = error != nullptr ? error : "out of memory";
        PQfreemem(error);
        throw DatabaseError(
            fmt::format("The PostgreSQL connection string is not valid: {}", message));
    }
    return EnvironmentOfOptions(options);
}

}  // namespace myodesk::db::detail
