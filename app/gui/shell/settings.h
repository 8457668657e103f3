#pragma once

#include <myodesk/core/staff.h>

#include <optional>
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

    // Who was at the desk when MyoDesk last ran (preselected in the picker at the next
    // start), or nullopt.
    std::optional<core::StaffId> LastStaffAtDesk() const;
    void SetLastStaffAtDesk(core::StaffId id);

    // Whether the user chose "Start empty" when the demo practice was offered (it is then
    // never offered again).
    bool DemoPracticeDeclined() const;
    void SetDemoPracticeDeclined(bool declined);

  private:
    wxConfigBase* m_config;
};

}  // namespace myodesk::app
