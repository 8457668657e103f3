#pragma once

// Helpers shared by the repositories that map a record onto row variables: nullable columns
// and binding them to SOCI statements, the column lists and INSERTs built from a row struct,
// the first id a query selects, and reading stored codes and dates strictly.

#include <myodesk/core/codes.h>
#include <myodesk/core/date.h>
#include <myodesk/db/errors.h>

#include <fmt/format.h>
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace myodesk::db::detail {

// A code column's text (core/codes.h), and the same for optional codes and dates.
template <typename Enum>
std::string Code(Enum value) {
    return std::string(ToCode(value));  // found by ADL where the enum is declared
}

template <typename Enum>
std::optional<std::string> OptionalCode(const std::optional<Enum>& value) {
    return value ? std::optional<std::string>(Code(*value)) : std::nullopt;
}

inline std::optional<std::string> OptionalDate(const std::optional<core::Date>& date) {
    return date ? std::optional<std::string>(core::FormatIsoDate(*date)) : std::nullopt;
}

// A column that may be NULL, as SOCI binds it: the value and its indicator.
template <typename T>
struct Nullable {
    T value{};
    soci::indicator indicator = soci::i_null;

    void Set(const std::optional<T>& optional) {
        value = optional.value_or(T{});
        indicator = optional ? soci::i_ok : soci::i_null;
    }
    std::optional<T> Get() const {
        return indicator == soci::i_ok ? std::optional<T>(value) : std::nullopt;
    }
};

template <typename T>
Nullable<T> NullableOf(const std::optional<T>& value) {
    Nullable<T> nullable;
    nullable.Set(value);
    return nullable;
}

template <typename T>
void Use(soci::statement& statement, const char* name, T& field) {
    statement.exchange(soci::use(field, name));
}

template <typename T>
void Use(soci::statement& statement, const char* name, Nullable<T>& field) {
    statement.exchange(soci::use(field.value, field.indicator, name));
}

template <typename T>
void Into(soci::statement& statement, T& field) {
    statement.exchange(soci::into(field));
}

template <typename T>
void Into(soci::statement& statement, Nullable<T>& field) {
    statement.exchange(soci::into(field.value, field.indicator));
}

// ":a, :b, :c" for the column names a, b, c.
inline std::string NamedBinds(const std::vector<std::string>& names) {
    std::vector<std::string> binds;
    for (const auto& name : names) {
        binds.push_back(":" + name);
    }
    return fmt::format("{}", fmt::join(binds, ", "));
}

// The column names of a row struct, in the order of the VisitColumns(Row&, visit) declared
// beside it (found by argument-dependent lookup), which also gives the binds and intos.
template <typename Row>
std::vector<std::string> ColumnNames() {
    Row row;
    std::vector<std::string> names;
    VisitColumns(row, [&](const char* name, auto&) { names.emplace_back(name); });
    return names;
}

// "INSERT INTO table (a, b, c) VALUES (:a, :b, :c)" for a row struct's columns: each table's
// INSERT column list is its row's VisitColumns, written once.
template <typename Row>
std::string InsertSql(std::string_view table) {
    const std::vector<std::string> names = ColumnNames<Row>();
    return fmt::format("INSERT INTO {} ({}) VALUES ({})", table, fmt::join(names, ", "),
                       NamedBinds(names));
}

// Inserts `rows` into `table` with one statement, prepared once and executed per row.
template <typename Row>
void InsertEach(soci::session& session, std::string_view table, const std::vector<Row>& rows) {
    if (rows.empty()) {
        return;
    }
    Row bound;  // the statement reads its values from here; each row is copied in in turn
    soci::statement statement(session);
    VisitColumns(bound, [&](const char* name, auto& field) { Use(statement, name, field); });
    statement.alloc();
    statement.prepare(InsertSql<Row>(table));
    statement.define_and_bind();
    for (const Row& row : rows) {
        bound = row;
        statement.execute(true);
    }
}

// The id in the first row `sql` selects for the client (bound as :client_id); nullopt when
// it selects none. For "the client's newest ...": the query's ORDER BY says which is first.
inline std::optional<std::int64_t> FirstIdForClient(soci::session& session, const std::string& sql,
                                                    std::int64_t client) {
    long long client_id = client;
    long long id = 0;
    soci::statement statement =
        (session.prepare << sql, soci::into(id), soci::use(client_id, "client_id"));
    if (!statement.execute(true)) {
        return std::nullopt;
    }
    return id;
}

// Runs `sql`, an INSERT ... RETURNING id, with the values bind(statement) binds, and returns
// the new id. The statement is finished when this returns: SQLite refuses to commit while an
// INSERT ... RETURNING is still open.
template <typename Bind>
long long InsertReturningId(soci::session& session, const std::string& sql, Bind&& bind) {
    long long id = 0;
    soci::statement statement(session);
    bind(statement);
    statement.exchange(soci::into(id));
    statement.alloc();
    // A one-time query: one round trip on PostgreSQL instead of PREPARE, EXECUTE, DEALLOCATE.
    statement.prepare(sql, soci::details::st_one_time_query);
    statement.define_and_bind();
    statement.execute(true);
    return id;
}

// Inserts a row struct's columns (its VisitColumns) into `table` and returns the new id.
template <typename Row>
long long InsertRow(soci::session& session, std::string_view table, Row& row) {
    return InsertReturningId(
        session, InsertSql<Row>(table) + " RETURNING id", [&](soci::statement& statement) {
            VisitColumns(row, [&](const char* name, auto& field) { Use(statement, name, field); });
        });
}

// Reads stored values strictly: a code or date this MyoDesk does not know means the row was
// written by a newer MyoDesk or changed outside it, and is refused rather than guessed at.
class StoredValues {
  public:
    // `record` names what is read, for the message ("intake", "session note").
    explicit constexpr StoredValues(std::string_view record) : m_record(record) {}

    [[noreturn]] void Unreadable(std::string_view column, const std::string& text) const {
        throw DatabaseError(fmt::format(
            "A stored {} holds '{}' in {}, which this MyoDesk does not know (was the database "
            "changed by a newer MyoDesk?).",
            m_record, text, column));
    }

    template <typename Enum, typename Parse>
    Enum Code(const std::string& code, std::string_view column, Parse parse) const {
        const std::optional<Enum> value = parse(code);
        if (!value) {
            Unreadable(column, code);
        }
        return *value;
    }

    // For the enumerations of core/codes.h.
    template <typename Enum>
    Enum Code(const std::string& code, std::string_view column) const {
        return Code<Enum>(code, column, core::FromCode<Enum>);
    }

    template <typename Enum>
    std::optional<Enum> Code(const Nullable<std::string>& code, std::string_view column) const {
        if (code.indicator != soci::i_ok) {
            return std::nullopt;
        }
        return Code<Enum>(code.value, column);
    }

    core::Date Date(const std::string& text, std::string_view column) const {
        const auto date = core::ParseIsoDate(text);
        if (!date) {
            Unreadable(column, text);
        }
        return *date;
    }

    std::optional<core::Date> Date(const Nullable<std::string>& text,
                                   std::string_view column) const {
        if (text.indicator != soci::i_ok) {
            return std::nullopt;
        }
        return Date(text.value, column);
    }

  private:
    std::string_view m_record;
};

}  // namespace myodesk::db::detail
