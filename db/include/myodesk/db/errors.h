#pragma once

#include <myodesk/core/validation.h>

#include <stdexcept>
#include <string>

namespace myodesk::db {

// Anything the database could not do (cannot open, SQL failure, lost connection).
class DatabaseError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// The database was written by a newer MyoDesk; opening it with this one is refused.
class SchemaTooNewError : public DatabaseError {
  public:
    SchemaTooNewError(int database_version, int app_version, const std::string& location);
    int DatabaseVersion() const { return m_database_version; }
    int AppVersion() const { return m_app_version; }

  private:
    int m_database_version;
    int m_app_version;
};

// The file exists but is not a MyoDesk database.
class NotMyoDeskDatabaseError : public DatabaseError {
  public:
    using DatabaseError::DatabaseError;
};

// Another desk (or script) held the database's write lock for longer than MyoDesk waits
// (SQLite's busy timeout); nothing was saved, and trying again in a moment will work.
class BusyError : public DatabaseError {
  public:
    BusyError();
};

// The database server turned the login away: a wrong or missing password, an unknown account
// or one turned off. Signing in on PostgreSQL is logging in to the server, so this is a failed
// sign-in.
class LoginRefusedError : public DatabaseError {
  public:
    using DatabaseError::DatabaseError;
};

// No record with that id.
class NotFoundError : public DatabaseError {
  public:
    using DatabaseError::DatabaseError;
};

// The record was changed by someone else since it was read (optimistic locking).
class ConflictError : public DatabaseError {
  public:
    using DatabaseError::DatabaseError;
};

// The record failed validation; nothing was written.
class ValidationError : public std::runtime_error {
  public:
    explicit ValidationError(core::ValidationProblems problems);
    const core::ValidationProblems& Problems() const { return m_problems; }

  private:
    core::ValidationProblems m_problems;
};

}  // namespace myodesk::db
