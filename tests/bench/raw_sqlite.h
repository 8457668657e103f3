#pragma once

// The benchmarks' "raw SQLite" side: the sqlite3 C API with nothing in between, so each figure
// MyoDesk reaches through SOCI and its repositories is shown beside what the same SQL costs.

#include <cstdint>
#include <optional>
#include <sqlite3.h>
#include <string>
#include <string_view>
#include <vector>

namespace myodesk::bench {

// One connection, opened with the settings MyoDesk's SQLite connections use (foreign keys, WAL,
// synchronous = FULL, busy timeout), so both sides do the same work.
class RawDb {
  public:
    explicit RawDb(const std::string& path);
    ~RawDb();
    RawDb(const RawDb&) = delete;
    RawDb& operator=(const RawDb&) = delete;

    void Exec(std::string_view sql);
    std::int64_t QueryInt(std::string_view sql);
    std::int64_t LastInsertId() { return sqlite3_last_insert_rowid(m_db); }
    sqlite3* Handle() { return m_db; }
    [[noreturn]] void Fail(std::string_view what) const;

  private:
    sqlite3* m_db = nullptr;
};

// A prepared statement; binds are 1-based like the C API's.
class RawStmt {
  public:
    RawStmt(RawDb& db, std::string_view sql);
    ~RawStmt();
    RawStmt(const RawStmt&) = delete;
    RawStmt& operator=(const RawStmt&) = delete;

    RawStmt& Bind(int index, std::int64_t value);
    RawStmt& Bind(int index, int value) { return Bind(index, static_cast<std::int64_t>(value)); }
    RawStmt& Bind(int index, double value);
    RawStmt& Bind(int index, std::string_view text);
    RawStmt& BindNull(int index);
    // The index of a named parameter (":name"), for binding by name.
    int ParameterIndex(std::string_view name) const;
    template <typename T>
    RawStmt& Bind(int index, const std::optional<T>& value) {
        return value ? Bind(index, *value) : BindNull(index);
    }

    // True while there is a row to read.
    bool Step();
    // Runs a statement that returns no rows (or only its first, e.g. RETURNING id).
    void Run();
    void Reset();

    std::int64_t Int64(int column) const;
    int Int(int column) const;
    double Double(int column) const;
    bool IsNull(int column) const;
    std::string_view Text(int column) const;

    // Steps through every row, copying each value out as a caller would (text into strings);
    // returns the number of rows.
    std::size_t ReadRows();

  private:
    RawDb& m_db;
    sqlite3_stmt* m_statement = nullptr;
    std::vector<std::string> m_values;
    std::int64_t m_numbers = 0;
};

// Drops the table's indexes and returns their CREATE statements, so that a bulk fill runs
// without them and they are made again afterwards, built sorted instead of row by row.
std::vector<std::string> DropIndexesOf(RawDb& db, const std::string& table);

}  // namespace myodesk::bench
