#pragma once

// Folders MyoDesk makes for health data: readable by their owner only (0700).

#include <filesystem>

namespace myodesk::services::detail {

// Makes `folder` (and its parents) when it is not there, readable by its owner only; a folder
// that is already there is left as it is. db::DatabaseError when it cannot be made.
void MakeFolder(const std::filesystem::path& folder);

// A private folder (0700) for files that must not outlive the work: an encrypted backup's
// plain copy before it is sealed or after it is opened, an export's files before they are in
// the ZIP. Hidden (".myodesk-work-…") beside `beside`; removed with everything in it.
class WorkFolder {
  public:
    explicit WorkFolder(const std::filesystem::path& beside);
    ~WorkFolder();
    WorkFolder(const WorkFolder&) = delete;
    WorkFolder& operator=(const WorkFolder&) = delete;
    const std::filesystem::path& Path() const { return m_path; }

  private:
    std::filesystem::path m_path;
};

}  // namespace myodesk::services::detail
