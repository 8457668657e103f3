#include "raw_sqlite.h"

#include <fmt/format.h>

#include <stdexcept>

namespace myodesk::bench {

RawDb::RawDb(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &m_db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        const std::string message = m_db != nullptr ? sqlite3_errmsg(m_db) : "out of memory";
        sqlite3_close(m_db);
        throw std::runtime_error(fmt::format("raw SQLite: cannot open {}: {}", path, message));
    }
    // As db/src/database.cpp sets up every MyoDesk SQLite connection.
    Exec("PRAGMA foreign_keys = ON");
    Exec("PRAGMA busy_timeout = 5000");
    Exec("PRAGMA journal_mode = WAL");
    Exec("PRAGMA synchronous = FULL");
}

RawDb::~RawDb() {
    sqlite3_close(m_db);
}

void RawDb::Fail(std::string_view what) const {
    throw std::runtime_error(fmt::format("raw SQLite: {}: {}", what, sqlite3_errmsg(m_db)));
}

void RawDb::Exec(std::string_view sql) {
    const std::string text(sql);
    if (sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
        Fail(text);
    }
}

std::int64_t RawDb::QueryInt(std::string_view sql) {
    RawStmt statement(*this, sql);
    return statement.Step() ? statement.Int64(0) : 0;
}

RawStmt::RawStmt(RawDb& db, std::string_view sql) : m_db(db) {
    if (sqlite3_prepare_v2(db.Handle(), sql.data(), static_cast<int>(sql.size()), &m_statement,
                           nullptr) != SQLITE_OK) {
        db.Fail(fmt::format("prepare {}", sql));
    }
}

RawStmt::~RawStmt() {
    sqlite3_finalize(m_statement);
}

RawStmt& RawStmt::Bind(int index, std::int64_t value) {
    if (sqlite3_bind_int64(m_statement, index, value) != SQLITE_OK) {
        m_db.Fail("bind");
    }
    return *this;
}

RawStmt& RawStmt::Bind(int index, double value) {
    if (sqlite3_bind_double(m_statement, index, value) != SQLITE_OK) {
        m_db.Fail("bind");
    }
    return *this;
}

RawStmt& RawStmt::Bind(int index, std::string_view text) {
    // An empty view may have no data pointer, which the C API would bind as NULL.
    const char* data = text.data() != nullptr ? text.data() : "";
    if (sqlite3_bind_text(m_statement, index, data, static_cast<int>(text.size()),
                          SQLITE_TRANSIENT) != SQLITE_OK) {
        m_db.Fail("bind");
    }
    return *this;
}

int RawStmt::ParameterIndex(std::string_view name) const {
    const std::string parameter = fmt::format(":{}", name);
    const int index = sqlite3_bind_parameter_index(m_statement, parameter.c_str());
    if (index == 0) {
        m_db.Fail(fmt::format("no parameter {}", parameter));
    }
    return index;
}

RawStmt& RawStmt::BindNull(int index) {
    if (sqlite3_bind_null(m_statement, index) != SQLITE_OK) {
        m_db.Fail("bind");
    }
    return *this;
}

bool RawStmt::Step() {
    const int result = sqlite3_step(m_statement);
    if (result == SQLITE_ROW) {
        return true;
    }
    if (result != SQLITE_DONE) {
        m_db.Fail(fmt::format("step {}", sqlite3_sql(m_statement)));
    }
    return false;
}

void RawStmt::Run() {
    Step();
    Reset();
}

void RawStmt::Reset() {
    sqlite3_reset(m_statement);
}

std::int64_t RawStmt::Int64(int column) const {
    return sqlite3_column_int64(m_statement, column);
}

int RawStmt::Int(int column) const {
    return sqlite3_column_int(m_statement, column);
}

double RawStmt::Double(int column) const {
    return sqlite3_column_double(m_statement, column);
}

bool RawStmt::IsNull(int column) const {
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

std::string_view RawStmt::Text(int column) const {
    const auto* text = sqlite3_column_text(m_statement, column);
    if (text == nullptr) {
        return {};
    }
    return {reinterpret_cast<const char*>(text),
            static_cast<std::size_t>(sqlite3_column_bytes(m_statement, column))};
}

std::size_t RawStmt::ReadRows() {
    std::size_t rows = 0;
    const int columns = sqlite3_column_count(m_statement);
    while (Step()) {
        m_values.clear();
        for (int column = 0; column < columns; ++column) {
            switch (sqlite3_column_type(m_statement, column)) {
                case SQLITE_INTEGER:
                    m_numbers += sqlite3_column_int64(m_statement, column);
                    break;
                case SQLITE_FLOAT:
                    m_numbers +=
                        static_cast<std::int64_t>(sqlite3_column_double(m_statement, column));
                    break;
                case SQLITE_NULL:
                    break;
                default:
                    m_values.emplace_back(Text(column));
                    break;
            }
        }
        ++rows;
    }
    return rows;
}

std::vector<std::string> DropIndexesOf(RawDb& db, const std::string& table) {
    std::vector<std::string> names;
    std::vector<std::string> definitions;
    {
        RawStmt statement(db,
                          "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                          "tbl_name = '" +
                              table + "' AND sql IS NOT NULL");
        while (statement.Step()) {
            names.emplace_back(statement.Text(0));
            definitions.emplace_back(statement.Text(1));
        }
    }
    for (const std::string& name : names) {
        db.Exec("DROP INDEX " + name);
    }
    return definitions;
}

}  // namespace myodesk::bench
