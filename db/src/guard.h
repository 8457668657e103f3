#pragma once

#include <myodesk/db/errors.h>

#include <fmt/format.h>
#include <soci/soci.h>

#include <string_view>

namespace myodesk::db {

// Runs a repository's database work, turning SOCI's errors into a DatabaseError that says what
// could not be done ("Could not add the intake: ..."). Other exceptions pass through.
template <typename Action>
auto Guard(std::string_view what, Action&& action) {
    try {
        return action();
    } catch (const soci::soci_error& error) {
        throw DatabaseError(fmt::format("Could not {}: {}", what, error.get_error_message()));
    }
}

}  // namespace myodesk::db
