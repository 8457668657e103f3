#include "command_context.h"

#include <myodesk/core/json_document.h>
#include <myodesk/db/connection_string.h>
#include <myodesk/db/default_location.h>
#include <myodesk/db/errors.h>
#include <myodesk/reports/atomic_output_file.h>
#include <myodesk/services/account_service.h>
#include <myodesk/services/database_service.h>
#include <myodesk/services/errors.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <istream>
#include <ostream>
#include <sstream>
#include <termios.h>
#include <unistd.h>
#include <utility>

namespace myodesk::app {

CommandContext::CommandContext(std::istream& in, std::ostream& out, std::ostream& err,
                               services::Clock clock)
    : m_in(in), m_out(out), m_err(err), m_clock(std::move(clock)) {}

CommandContext::~CommandContext() = default;

void CommandContext::CloseDatabase() {
    m_services.reset();
    m_database.reset();
}

std::string CommandContext::DatabaseLocation() const {
    return m_database_location ? *m_database_location : db::DefaultDatabasePath();
}

db::ConnectionTarget CommandContext::DatabaseTarget() const {
    try {
        return db::ParseConnectionString(m_database_location ? *m_database_location
                                                             : db::DefaultDatabasePath());
    } catch (const std::invalid_argument& error) {
        throw InvalidInput(fmt::format("--db: {}", error.what()));
    }
}

namespace {

// A line typed at the terminal with the echo off (nullopt without a terminal).
std::optional<std::string> ReadHidden(std::ostream& err, const std::string& prompt) {
    const int tty = open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (tty < 0) {
        return std::nullopt;
    }
    termios saved{};
    const bool can_hide = tcgetattr(tty, &saved) == 0;
    if (can_hide) {
        termios hidden = saved;
        hidden.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(tty, TCSAFLUSH, &hidden);
    }
    err << prompt << std::flush;
    std::string line;
    char c = 0;
    while (read(tty, &c, 1) == 1 && c != '\n' && line.size() <= services::kMaxPasswordLength) {
        line.push_back(c);
    }
    if (can_hide) {
        tcsetattr(tty, TCSAFLUSH, &saved);
    }
    err << '\n';
    close(tty);
    return line;
}

std::optional<std::string> Environment(const char* name) {
    const char* value = std::getenv(name);
    return value ? std::optional<std::string>(value) : std::nullopt;
}

}  // namespace

bool CommandContext::UserGiven() const {
    return m_user.has_value() || Environment("MYODESK_USER").has_value();
}

services::Context& CommandContext::ServicesNotSignedIn() {
    if (!m_services) {
        m_database = std::make_unique<db::Database>(services::OpenDatabase(m_database_location));
        m_services = std::make_unique<services::Context>(*m_database, m_clock);
    }
    return *m_services;
}

services::Context& CommandContext::Services() {
    if (m_services) {
        return *m_services;
    }
    const auto user = m_user ? m_user : Environment("MYODESK_USER");
    if (user && services::IsDatabaseServer(m_database_location)) {
        return SignedInToServer(*user);
    }
    services::Context& context = ServicesNotSignedIn();
    if (!user) {
        // A server connection that is itself an account's login (PGPASSWORD, ~/.pgpass).
        services::AccountService(context).SignInAsServerLogin();
        return context;
    }
    auto password = Environment("MYODESK_PASSWORD");
    if (!password) {
        password = ReadHidden(m_err, fmt::format("Password for {}: ", *user));
    }
    if (!password) {
        throw services::NotSignedInError();
    }
    services::AccountService(context).SignIn(*user, *password);
    return context;
}

// PostgreSQL: signing in is logging in to the server as the user, with MYODESK_PASSWORD, else
// libpq's own sources (PGPASSWORD, ~/.pgpass), else the password typed at the terminal.
services::Context& CommandContext::SignedInToServer(const std::string& user) {
    auto password = Environment("MYODESK_PASSWORD");
    const auto open = [&](const std::string& with) {
        m_database = std::make_unique<db::Database>(
            services::OpenDatabase(m_database_location, db::ServerLogin{user, with}));
    };
    try {
        open(password.value_or(""));
    } catch (const db::LoginRefusedError&) {
        if (password) {
            throw services::SignInFailedError();
        }
        password = ReadHidden(m_err, fmt::format("Password for {}: ", user));
        if (!password) {
            throw services::NotSignedInError();
        }
        try {
            open(*password);
        } catch (const db::LoginRefusedError&) {
            throw services::SignInFailedError();
        }
    }
    m_services = std::make_unique<services::Context>(*m_database, m_clock);
    if (!services::AccountService(*m_services).SignInAsServerLogin()) {
        // A login of the server that is none of the practice's accounts.
        throw services::SignInFailedError();
    }
    return *m_services;
}

std::string CommandContext::NewPassword() {
    if (auto password = Environment("MYODESK_NEW_PASSWORD")) {
        return *password;
    }
    const auto first = ReadHidden(m_err, "New password: ");
    if (!first) {
        throw InvalidInput("password: no terminal to type it at; set MYODESK_NEW_PASSWORD instead");
    }
    const auto again = ReadHidden(m_err, "The same password again: ");
    if (!again || *again != *first) {
        throw InvalidInput("password: the two passwords typed differ");
    }
    return *first;
}

std::string CommandContext::BackupPassphrase(bool confirm) {
    if (auto passphrase = Environment("MYODESK_BACKUP_PASSPHRASE")) {
        return *passphrase;
    }
    const auto first = ReadHidden(m_err, "Backup passphrase: ");
    if (!first) {
        throw InvalidInput(
            "passphrase: no terminal to type it at; set MYODESK_BACKUP_PASSPHRASE instead");
    }
    if (confirm) {
        const auto again = ReadHidden(m_err, "The same passphrase again: ");
        if (!again || *again != *first) {
            throw InvalidInput("passphrase: the two passphrases typed differ");
        }
    }
    return *first;
}

void CommandContext::PrintJson(const nlohmann::ordered_json& json) {
    m_out << json.dump(2) << '\n';
}

// Read through rdbuf (an istreambuf_iterator trips -Wnull-dereference at -O2).
std::string CommandContext::ReadText(const std::string& path) {
    std::ostringstream text;
    if (path == "-") {
        text << m_in.rdbuf();
    } else {
        std::ifstream file(path, std::ios::binary);
        if (!file) {
            throw InvalidInput(fmt::format("cannot read {}: {}", path, std::strerror(errno)));
        }
        text << file.rdbuf();
    }
    return text.str();
}

nlohmann::json CommandContext::ParseJson(const std::string& text, const std::string& path) {
    core::JsonDocumentResult read = core::ReadJsonDocument(text);
    if (!read.syntax_error.empty()) {
        throw InvalidInput(fmt::format("{} is not valid JSON: {}",
                                       path == "-" ? "standard input" : path, read.syntax_error));
    }
    if (!read.problems.empty()) {
        // A number out of range, a duplicate key, a control character, a limit: by path.
        throw db::ValidationError(std::move(read.problems));
    }
    return std::move(read.document);
}

std::int64_t CommandContext::WriteFile(const std::string& path,
                                       const std::function<std::int64_t(std::ostream&)>& write) {
    try {
        reports::AtomicOutputFile file(path, services::ProtectedOutputFiles(Services().Database()));
        const auto result = write(file.Stream());
        file.Commit();
        return result;
    } catch (const reports::OutputFileError& error) {
        throw InvalidInput(error.what());
    }
}

core::Date ParseDate(const std::string& text, std::string_view what) {
    const auto date = core::ParseIsoDate(text);
    if (!date) {
        throw InvalidInput(
            fmt::format("{}: '{}' is not a date; use the form YYYY-MM-DD", what, text));
    }
    return *date;
}

std::optional<core::Date> ParseDate(const std::optional<std::string>& text, std::string_view what) {
    if (!text) {
        return std::nullopt;
    }
    return ParseDate(*text, what);
}

}  // namespace myodesk::app
