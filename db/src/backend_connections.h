#pragma once

// How each backend is connected to and set up (Dialect::connect points at these).

#include <myodesk/db/connection_string.h>

#include <memory>

namespace myodesk::db::detail {

class Connection;

// A SQLite file (or ":memory:"): refuses another program's file, then applies the pragmas
// MyoDesk relies on.
std::unique_ptr<Connection> ConnectSqlite(const ConnectionTarget& target);

// A PostgreSQL server, from any connection string libpq accepts.
std::unique_ptr<Connection> ConnectPostgresql(const ConnectionTarget& target);

}  // namespace myodesk::db::detail
