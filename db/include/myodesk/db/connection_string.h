#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace myodesk::db {

enum class Backend { kSqlite, kPostgresql };

// Where a database is, parsed from what the user typed after --db.
struct ConnectionTarget {
    Backend backend = Backend::kSqlite;
    std::string sqlite_path;  // for SQLite: the file (":memory:" for a private in-memory db)
    std::string postgresql_conninfo;  // for PostgreSQL: handed to libpq as it is
    std::string display;              // for people: the path, or the URL with the password hidden
};

// A plain path or "sqlite:PATH" / "sqlite3:PATH" / "sqlite://PATH" opens SQLite;
// "postgresql://..." / "postgres://..." or a libpq keyword string ("host=... dbname=...")
// opens PostgreSQL. Throws std::invalid_argument for an empty string or one longer than
// kMaxConnectionStringLength (no path or server address is that long; the password patterns
// would otherwise take time that grows with the square of the length).
inline constexpr std::size_t kMaxConnectionStringLength = 4096;
ConnectionTarget ParseConnectionString(std::string_view text);

}  // namespace myodesk::db
