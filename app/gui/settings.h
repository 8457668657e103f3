#pragma once

#include <vector>

class wxConfigBase;

namespace myodesk::app {

// Typed access to the user's settings in wxConfig, so keys and formats live in one place.
// Window geometry is kept by wxPersistenceManager (it also writes to wxConfig).
class Settings {
  public:
    // Uses wxConfigBase::Get() when no config is given.
    explicit Settings(wxConfigBase* config = nullptr);

    // Widths in pixels of the client list's columns, in column order; empty when never saved.
    std::vector<int> ClientListColumnWidths() const;
    void SetClientListColumnWidths(const std::vector<int>& widths);

  private:
    wxConfigBase* m_config;
};

}  // namespace myodesk::app
