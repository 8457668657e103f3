#include "private_folder.h"

#include <myodesk/db/errors.h>

#include <fmt/format.h>

#include <cstdlib>
#include <string>
#include <system_error>
#include <vector>

namespace myodesk::services::detail {

namespace fs = std::filesystem;

void MakeFolder(const fs::path& folder) {
    std::error_code error;
    if (fs::is_directory(folder, error)) {
        return;
    }
    // Every folder made here is private, the parents it needed as much as the last one
    // ("server-backups/<database>" in a new data folder).
    std::vector<fs::path> missing;
    for (fs::path level = folder; !level.empty() && !fs::exists(level, error);
         level = level.parent_path()) {
        missing.push_back(level);
        if (level == level.parent_path()) {
            break;
        }
    }
    for (auto level = missing.rbegin(); level != missing.rend(); ++level) {
        fs::create_directory(*level, error);
        if (error) {
            throw db::DatabaseError(
                fmt::format("Cannot make the folder {}: {}", folder.string(), error.message()));
        }
        fs::permissions(*level, fs::perms::owner_all, fs::perm_options::replace, error);
    }
}

WorkFolder::WorkFolder(const fs::path& beside) {
    MakeFolder(beside);
    // mkdtemp's template: it replaces the six X with a unique name.
    std::string pattern = (beside / ".myodesk-work-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
        throw db::DatabaseError(fmt::format("Cannot make a private folder in {}", beside.string()));
    }
    m_path = pattern;
}

WorkFolder::~WorkFolder() {
    std::error_code ignored;
    fs::remove_all(m_path, ignored);
}

}  // namespace myodesk::services::detail
