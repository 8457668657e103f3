#pragma once

#include <myodesk/db/errors.h>

#include <fmt/format.h>
#include <soci/soci.h>

#include <string_view>

namespace myodesk::db {

namespace detail {
// Whether SOCI's error is SQLite's "database is locked" (SQLITE_BUSY): another connection held
// the write lock for longer than the busy timeout.
bool IsBusy(const soci::soci_error& error);
}  // namespace detail

// Runs a repository's database work, turning SOCI's errors into a DatabaseError that says what
// could not be done ("Could not add the intake: ..."), or a BusyError when another desk held
// the database for longer than MyoDesk waits. Other exceptions pass through.
template <typename Action>
auto Guard(std::string_view what, Action&& action) {
    try {
        return action();
    } catch (const soci::soci_error& error) {
        if (detail::IsBusy(error)) {
            throw BusyError();
        }
        throw DatabaseError(fmt::format("Could not {}: {}", what, error.get_error_message()));
    }
}

}  // namespace myodesk::db
