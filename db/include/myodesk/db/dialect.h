#pragma once

#include <myodesk/db/connection_string.h>

#include <memory>
#include <string_view>

namespace myodesk::db {

namespace detail {
class Connection;  // db/src/soci_session.h
}

// Everything in which SQLite and PostgreSQL differ. Everything else is plain SQL that both
// accept; nothing outside this struct asks which backend is in use.
struct Dialect {
    Backend backend;
    std::string_view name;               // "SQLite" / "PostgreSQL", for messages
    std::string_view id_primary_key;     // column type of a generated 64-bit primary key
    std::string_view byte_ordered_text;  // text compared byte by byte (prefix range search)
    // Starts a transaction. SQLite's takes the write lock at once (BEGIN IMMEDIATE), so two
    // desks' transactions that read and then write take turns instead of one failing.
    std::string_view begin_transaction;
    std::string_view lock_migrations;    // run before migrating (other desks wait), or empty
    std::string_view unlock_migrations;  // run after migrating, or empty
    // Appended to a SELECT of one row to hold that row until the transaction ends, so two
    // desks checking the same thing take turns; empty where a writer locks the whole file.
    std::string_view lock_selected_rows;
    // Holds a therapist or room (:kind, :id) until the transaction ends, so two desks cannot
    // book the same one for the same time; empty where the transaction already holds the file.
    std::string_view hold_booked_row;
    // Run first in the demo practice's first transaction, so a second demo run waits and then
    // finds the database no longer empty; empty where the transaction already holds the file.
    std::string_view lock_demo_practice;
    // Settings kept in the database file itself (SQLite's WAL journal), applied once a
    // database is known to be one this MyoDesk may use (never on a refused one); or empty.
    std::string_view settle_storage;
    // Run in the transaction that makes a new database's schema, marking it as MyoDesk's
    // (SQLite's application id); or empty.
    std::string_view claim_new_database;
    // Counts the tables of the current schema named :name.
    std::string_view count_tables_named;
    // Written before a column in a WHERE to keep the planner from using an index on it ("+"
    // in SQLite), or empty where no such hint exists.
    std::string_view not_by_index;
    // Whether every index ends with the row's id by itself (SQLite's rowid), so an index on
    // (key) already reads in (key, id) order; otherwise the id is spelled out.
    bool indexes_end_with_id;
    // Whether the planner merges sorted ranges only when each is itself ordered and limited
    // (PostgreSQL's Merge Append), so a typed search's arms are wrapped in ORDER BY ... LIMIT.
    bool merges_only_limited_ranges;
    // Whether the database is a file MyoDesk copies beside itself before an upgrade (a
    // server is backed up with its own tools).
    bool backs_up_file_before_upgrade;
    // Connects to `target` and applies MyoDesk's settings to the new connection (SQLite: its
    // pragmas, after refusing another program's file; PostgreSQL: quiet notices). Throws
    // DatabaseError for a bad location, and lets the driver's errors through to OpenDatabase.
    std::unique_ptr<detail::Connection> (*connect)(const ConnectionTarget& target);
};

const Dialect& DialectFor(Backend backend);

}  // namespace myodesk::db
