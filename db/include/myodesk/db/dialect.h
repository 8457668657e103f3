#pragma once

#include <myodesk/db/connection_string.h>

#include <string_view>

namespace myodesk::db {

// The few places where SQLite and PostgreSQL SQL differ. Everything else is plain SQL that
// both accept; nothing outside this struct asks which backend is in use.
struct Dialect {
    Backend backend;
    std::string_view name;               // "SQLite" / "PostgreSQL", for messages
    std::string_view id_primary_key;     // column type of a generated 64-bit primary key
    std::string_view byte_ordered_text;  // text compared byte by byte (prefix range search)
    std::string_view lock_migrations;    // run before migrating (other desks wait), or empty
    std::string_view unlock_migrations;  // run after migrating, or empty
    // Appended to a SELECT of one row to hold that row until the transaction ends, so two
    // desks checking the same thing take turns; empty where a writer locks the whole file.
    std::string_view lock_selected_rows;
};

const Dialect& DialectFor(Backend backend);

}  // namespace myodesk::db
