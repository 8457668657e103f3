#pragma once

// How each backend is connected to and set up (Dialect::connect points at these).

#include <myodesk/db/connection_string.h>

#include <memory>
#include <string>

namespace myodesk::db::detail {

class Connection;

// A SQLite file (or ":memory:"): refuses another program's file, then applies the pragmas
// MyoDesk relies on.
std::unique_ptr<Connection> ConnectSqlite(const ConnectionTarget& target);

// Creates `path` readable and writable by its owner only (0600: health data), unless it exists
// already (then its mode is left as it is). SQLite gives a database's -wal and -shm files the
// database file's mode.
void CreatePrivateFile(const std::string& path);

// fsync: a file's content, or a folder's entries (after a rename), safely on disk.
void SyncToDisk(const std::string& path);

// A PostgreSQL connection string as SOCI is given it, and what messages about it need.
struct PostgresqlConnectString {
    std::string keywords;   // keyword='value' pairs, as libpq reads them
    std::string for_soci;   // keyword="'value'" pairs, which SOCI passes on as the above
    std::string server;     // "host:port"
    std::string timeout_s;  // the connect_timeout in force, in seconds
};

// A server login that replaces the connection string's own user and password.
struct PostgresqlLogin {
    std::string user;
    std::string password;  // empty: libpq's usual sources (PGPASSWORD, ~/.pgpass)
};

// Parses any connection string libpq accepts (SOCI 4.0.3 mangles a postgresql:// URL) into
// keyword='value' pairs, adding MyoDesk's connect timeout (10 s) and keepalives where the
// string does not set its own, and `login` where given. Throws DatabaseError for a string
// libpq refuses.
PostgresqlConnectString PostgresqlConnectKeywords(const std::string& conninfo,
                                                  const PostgresqlLogin* login = nullptr);

// A PostgreSQL server, from any connection string libpq accepts.
std::unique_ptr<Connection> ConnectPostgresql(const ConnectionTarget& target);

}  // namespace myodesk::db::detail
