#include <myodesk/db/default_location.h>
#include <myodesk/db/errors.h>

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace myodesk::db {

std::string DefaultDatabasePath() {
    namespace fs = std::filesystem;
    fs::path data_home;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg == '/') {
        data_home = xdg;  // the XDG spec ignores relative paths
    } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
        data_home = fs::path(home) / ".local" / "share";
    } else {
        data_home = fs::current_path();
    }
    return (data_home / "myodesk" / "myodesk.sqlite").string();
}

std::string DemoDatabasePath() {
    return (std::filesystem::path(DefaultDatabasePath()).parent_path() / "demo.sqlite").string();
}

void EnsureDefaultDatabaseFolder() {
    const auto folder = std::filesystem::path(DefaultDatabasePath()).parent_path();
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    if (error) {
        throw DatabaseError(
            fmt::format("Cannot create the folder {}: {}", folder.string(), error.message()));
    }
    // MyoDesk's own folder holds health data: its owner's only (an older MyoDesk made it 0755).
    std::filesystem::permissions(folder, std::filesystem::perms::owner_all, error);
    if (error) {
        throw DatabaseError(
            fmt::format("Cannot make the folder {} private: {}", folder.string(), error.message()));
    }
}

}  // namespace myodesk::db
