#pragma once

// The SOCI session under a Database. db's public headers do not mention SOCI: the repositories
// reach their session through here, and so do the tests that set up or inspect tables directly
// (the test support library has db/src on its include path, see db/CMakeLists.txt).

#include <myodesk/db/database.h>

#include <soci/soci.h>

#include <memory>
#include <utility>

namespace myodesk::db {

namespace detail {

class Connection {
  public:
    explicit Connection(std::unique_ptr<soci::session> session) : m_session(std::move(session)) {}
    soci::session& Session() { return *m_session; }

  private:
    std::unique_ptr<soci::session> m_session;
};

}  // namespace detail

inline soci::session& SociSession(Database& database) {
    return detail::ConnectionOf(database).Session();
}

}  // namespace myodesk::db
