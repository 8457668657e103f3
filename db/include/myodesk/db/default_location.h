#pragma once

#include <string>

namespace myodesk::db {

// The embedded default database: $XDG_DATA_HOME/myodesk/myodesk.sqlite, or
// ~/.local/share/myodesk/myodesk.sqlite when XDG_DATA_HOME is unset or empty.
std::string DefaultDatabasePath();

// The demo practice the app offers on its first start, in its own file beside the default
// database (demo.sqlite), so real data is never mixed with it.
std::string DemoDatabasePath();

// Creates the folder of the default database when it is missing (the first start).
void EnsureDefaultDatabaseFolder();

}  // namespace myodesk::db
