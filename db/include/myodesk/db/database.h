#pragma once

#include <myodesk/db/connection_string.h>
#include <myodesk/db/dialect.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace myodesk::db {

class Database;

namespace detail {
// The connection under a Database (db/src/soci_session.h): db's own business, so nothing
// outside db needs SOCI.
class Connection;
Connection& ConnectionOf(Database& database);
}  // namespace detail

// A login to a database server in place of the connection string's own user and password.
struct ServerLogin {
    std::string user;
    std::string password;  // empty: libpq's own sources (PGPASSWORD, ~/.pgpass)
};

// An open MyoDesk database: one connection, its dialect and where it is.
class Database {
  public:
    Database(std::unique_ptr<detail::Connection> connection, ConnectionTarget target);
    ~Database();
    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;

    const Dialect& GetDialect() const { return DialectFor(m_target.backend); }
    const ConnectionTarget& Target() const { return m_target; }
    // The path, or the PostgreSQL URL without its password: safe to show.
    const std::string& Location() const { return m_target.display; }

    // PostgreSQL: signs in to the server as `user` (the server checks the password; an empty
    // one means libpq's own sources, PGPASSWORD or ~/.pgpass). The same database through a new
    // connection, which replaces this one only once it is open, outside any transaction.
    // LoginRefusedError when the server refuses; DatabaseError on SQLite.
    void LogInAs(const ServerLogin& login);
    // Counts the connections this Database has had, from 1: whatever is set up per connection
    // (a change watcher's LISTEN) is set up again when it changes.
    int ConnectionNumber() const { return m_connection_number; }

  private:
    friend class Transaction;
    friend detail::Connection& detail::ConnectionOf(Database& database);
    std::unique_ptr<detail::Connection> m_connection;
    ConnectionTarget m_target;
    int m_transaction_depth = 0;
    bool m_rollback_only = false;
    int m_connection_number = 1;
};

// A transaction on the database. Transactions nest: an inner one joins the outermost, so a
// repository method that writes several rows is atomic on its own and also inside a
// caller's larger unit of work. Leaving a scope without Commit() rolls the whole unit back
// (an inner one marks it, and the outer Commit() then throws DatabaseError).
class Transaction {
  public:
    explicit Transaction(Database& database);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void Commit();

  private:
    Database& m_database;
    bool m_outermost;
    bool m_done = false;
};

struct OpenOptions {
    // Bring the schema up to date (creating it in a new database). Off only in tests that
    // step through the migrations themselves.
    bool migrate = true;
    // PostgreSQL: connect as this login (signing in is logging in to the server). Ignored for
    // SQLite, which has no logins.
    std::optional<ServerLogin> login;
};

// How long a SQLite connection waits for another desk's write before giving up (BusyError).
inline constexpr int kSqliteBusyTimeoutMs = 5000;

// The value of PRAGMA application_id in every MyoDesk SQLite file ("MYOD").
inline constexpr int kSqliteApplicationId = 0x4D594F44;

// Opens the database that `location` names (see ParseConnectionString), applies the SQLite
// settings, refuses a file that is not MyoDesk's, and migrates it: a database newer than
// this app is refused (SchemaTooNewError), and an existing SQLite file is backed up beside
// itself before it is upgraded. Throws DatabaseError with a message for people.
Database OpenDatabase(std::string_view location, const OpenOptions& options = {});

}  // namespace myodesk::db
