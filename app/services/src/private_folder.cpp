#include "private_folder.h"

#include <myodesk/db/errors.h>

#include <fmt/format.h>

#include <cstdlib>
#include <string>
#include <system_error>

namespace myodesk::services::detail {

namespace fs = std::filesystem;

void MakeFolder(const fs::path& folder) {
    std::error_code error;
    if (fs::is_directory(folder, error)) {
        return;
    }
    fs::create_directories(folder, error);
    if (error) {
        throw db::DatabaseError(
            fmt::format("Cannot make the folder {}: {}", folder.string(), error.message()));
    }
    fs::permissions(folder, fs::perms::owner_all, fs::perm_options::replace, error);
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
