#pragma once

#include <myodesk/core/date.h>
#include <myodesk/db/database.h>
#include <myodesk/services/context.h>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <iosfwd>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace myodesk::app {

// A command line the user got wrong (exit code 2).
class UsageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A value the user gave that cannot be used (exit code 3); the message names the field.
class InvalidInput : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// What every command works with: the streams, the global options (--db, --json) and, opened
// on first use, the database and the services' context (the clock the program passed in,
// nobody at the desk: each command names the staff member it acts for).
class CommandContext {
  public:
    CommandContext(std::istream& in, std::ostream& out, std::ostream& err, services::Clock clock);
    ~CommandContext();
    CommandContext(const CommandContext&) = delete;
    CommandContext& operator=(const CommandContext&) = delete;

    std::ostream& Out() { return m_out; }
    std::ostream& Err() { return m_err; }

    // The global options, filled in while the command line is read.
    std::optional<std::string>& DatabaseOption() { return m_database_location; }
    bool& JsonOption() { return m_json; }
    // --user (else MYODESK_USER): who signs in when the practice has accounts.
    std::optional<std::string>& UserOption() { return m_user; }
    // Whether a user signs in (--user or MYODESK_USER).
    bool UserGiven() const;
    bool Json() const { return m_json; }

    // The database --db names (the app's own without it) and the services' context on it,
    // signed in as --user (MYODESK_USER) with MYODESK_PASSWORD or a password typed at the
    // terminal. Without a user the desk is nobody: a practice with accounts then refuses
    // (services::NotSignedInError, exit 6).
    services::Context& Services();
    // Opens the database without signing in (setup, which makes the first account).
    services::Context& ServicesNotSignedIn();
    // Closes the database (a restore replaces its file); the next Services() opens it again.
    void CloseDatabase();
    // Where --db points (the app's own database without it), parsed but not opened.
    db::ConnectionTarget DatabaseTarget() const;
    // Where --db points as it was given (the app's own database without it).
    std::string DatabaseLocation() const;
    const services::Clock& GetClock() const { return m_clock; }
    // A new password: MYODESK_NEW_PASSWORD, else typed twice at the terminal (InvalidInput
    // naming "password" when there is no terminal or the two differ).
    std::string NewPassword();
    // An encrypted backup's passphrase: MYODESK_BACKUP_PASSPHRASE, else typed at the terminal
    // (twice when `confirm`, for a new one); InvalidInput naming "passphrase" otherwise.
    std::string BackupPassphrase(bool confirm);
    core::Date Today() const { return m_clock.Today(); }

    // JSON to the output, indented like every --json answer.
    void PrintJson(const nlohmann::ordered_json& json);

    // The file named on the command line ("-": standard input); InvalidInput when unreadable.
    std::string ReadText(const std::string& path);
    // Its text as JSON, read strictly (core::ReadJsonDocument): InvalidInput naming the file
    // when it is not JSON; db::ValidationError with the paths for what the strict reading
    // refuses (a number out of range, a duplicate key, a control character, a limit).
    static nlohmann::json ParseJson(const std::string& text, const std::string& path);
    nlohmann::json ReadDocument(const std::string& path) { return ParseJson(ReadText(path), path); }

    // Writes a file with write(stream), put in place only when complete: a path that cannot
    // be written, or an error half way, leaves no file behind (and an older file unchanged).
    // The open database, any other database, a folder, a device or a pipe is refused
    // (InvalidInput), see reports::AtomicOutputFile.
    std::int64_t WriteFile(const std::string& path,
                           const std::function<std::int64_t(std::ostream&)>& write);

  private:
    services::Context& SignedInToServer(const std::string& user);

    std::istream& m_in;
    std::ostream& m_out;
    std::ostream& m_err;
    services::Clock m_clock;
    std::optional<std::string> m_database_location;
    bool m_json = false;
    std::optional<std::string> m_user;
    std::unique_ptr<db::Database> m_database;
    std::unique_ptr<services::Context> m_services;
};

// Values the user typed, read as the documentation says (InvalidInput otherwise, naming
// `what`: an option "--from" or a field "date").
core::Date ParseDate(const std::string& text, std::string_view what);
std::optional<core::Date> ParseDate(const std::optional<std::string>& text, std::string_view what);

}  // namespace myodesk::app
