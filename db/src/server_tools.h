#pragma once

// PostgreSQL's own client programs (pg_dump, pg_restore), run by db for a server's backups:
// never through a shell, connected through libpq's environment variables so that no password
// is ever on a command line another user of the machine could read.

#include <myodesk/db/database.h>

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace myodesk::db::detail {

// What a program run said and how it ended.
struct ToolRun {
    int exit_code = -1;               // the program's exit status; -1 when it ended by a signal
    std::string output;               // its standard output, up to the limit asked for
    bool cancelled = false;           // `keep_going` said stop and the program was ended
    std::vector<std::string> errors;  // its lines on standard error that report a problem
};

// Environment variables to set for the program (over this program's own).
using ToolEnvironment = std::map<std::string, std::string>;

// Whether `program` is an executable file on PATH.
bool ToolInstalled(std::string_view program);

// Runs `program` (from PATH) with `arguments`. Each line it writes to standard error goes to
// `on_error_line` (pg_dump --verbose says there which table it is on); `keep_going` is asked
// after each line and every 100 ms, and false ends the program (SIGTERM). Standard output is
// kept up to `output_limit` bytes (more is read and dropped). DatabaseError when the program
// cannot be started.
ToolRun RunTool(const std::string& program, const std::vector<std::string>& arguments,
                const ToolEnvironment& environment,
                const std::function<void(std::string_view)>& on_error_line = {},
                const std::function<bool()>& keep_going = {}, std::size_t output_limit = 0);

// The libpq variables (PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD, PGSSLMODE…) that connect
// a program to the same server, database and login as the open PostgreSQL `database` is.
ToolEnvironment ServerEnvironmentOf(Database& database);
// The same for a connection string (a URL or keyword=value pairs), as libpq reads it.
ToolEnvironment ServerEnvironmentFor(const std::string& conninfo);

}  // namespace myodesk::db::detail
