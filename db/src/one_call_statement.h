#pragma once

// Statements run once per call. SOCI prepares a statement on the server by default, which with
// PostgreSQL costs three round trips: PREPARE, EXECUTE, and DEALLOCATE when the statement object
// goes. A one-time query is sent with its values in one round trip (PQexecParams). SQLite
// prepares the same way either way. Statements run many times in a loop (inserts of a list's
// rows) stay prepared.

#include <soci/soci.h>

#include <string>
#include <utility>

namespace myodesk::db::detail {

inline void PrepareForOneCall(soci::statement& statement, const std::string& sql) {
    statement.prepare(sql, soci::details::st_one_time_query);
}

// As (session.prepare << sql, into(...), use(...)), but a one-time query: bound and ready to
// execute.
template <typename... Elements>
soci::statement OneCallStatement(soci::session& session, const std::string& sql,
                                 Elements&&... elements) {
    soci::statement statement(session);
    (statement.exchange(std::forward<Elements>(elements)), ...);
    statement.alloc();
    PrepareForOneCall(statement, sql);
    statement.define_and_bind();
    return statement;
}

}  // namespace myodesk::db::detail
