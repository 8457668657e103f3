#pragma once

#include <myodesk/db/database.h>

#include <string>
#include <string_view>

namespace myodesk::db {

// The PostgreSQL channel the schema's triggers notify when something the appointment book
// shows changes (migration 11).
inline constexpr std::string_view kBookChangesChannel = "myodesk_book";

// Tells cheaply whether another desk (another connection) changed the database since the last
// look, so a screen re-reads only then. SQLite: PRAGMA data_version, which moves with every
// commit of another connection (a query on the file, no table read). PostgreSQL: LISTEN on
// kBookChangesChannel; a look reads the notifications already on the connection's socket, no
// round trip to the server. This desk's own changes do not count: it shows what it did.
class ChangeWatcher {
  public:
    // Starts watching (on PostgreSQL: LISTEN). The database must outlive the watcher.
    explicit ChangeWatcher(Database& database);
    ~ChangeWatcher();
    ChangeWatcher(const ChangeWatcher&) = delete;
    ChangeWatcher& operator=(const ChangeWatcher&) = delete;

    // True when another connection committed a change since the previous call (or since the
    // watcher began). DatabaseError when the connection is lost.
    bool Changed();

  private:
    void Listen();

    Database& m_database;
    int m_connection_number = 0;   // the database's connection this one listens on
    long long m_data_version = 0;  // SQLite: the last PRAGMA data_version seen
    std::string m_schema;          // PostgreSQL: the schema whose changes count
};

}  // namespace myodesk::db
