#pragma once

#include "common/form_dialog.h"

#include <myodesk/core/staff.h>
#include <myodesk/services/staff_service.h>

#include <optional>
#include <string>
#include <vector>

class wxButton;
class wxListEvent;
class wxListView;
class wxUpdateUIEvent;

namespace myodesk::app {

// Edit ▸ Staff…: everyone who works at the clinic, leavers greyed. Add…, Edit… (name and
// role), Account… (username and password) and Deactivate / Reactivate. Staff are never deleted,
// since notes name them; an inactive member is no longer offered at the desk. The person at the
// desk cannot be deactivated from it.
class StaffDialog : public FormDialog {
  public:
    // The service must outlive the dialog.
    StaffDialog(wxWindow* parent, services::StaffService& staff,
                std::optional<core::StaffId> at_desk = std::nullopt);

    // Whether anything was saved while the dialog was open.
    bool Changed() const { return m_changed; }

    const std::vector<core::Staff>& Listed() const { return m_staff; }
    wxListView* List() const { return m_list; }
    void SelectRow(long row);

    // The buttons' actions, as a click does them.
    void AddMember();
    void EditSelected();
    void ToggleSelectedActive();
    // Account…: asks for the selected member's username (if they have none yet) and a new
    // password, twice, then SetAccountOfSelected.
    void EditAccountOfSelected();
    // Gives the selected member the account `username` with the password, or (with one
    // already) sets a new password. Refusals are shown; true when saved.
    bool SetAccountOfSelected(const std::string& username, const std::string& password);

  private:
    void Reload(std::optional<core::StaffId> select);
    std::optional<core::Staff> Selected() const;

    void OnUpdateButtons(wxUpdateUIEvent& event);

    services::StaffService& m_staff_service;
    std::optional<core::StaffId> m_at_desk;
    std::vector<core::Staff> m_staff;
    bool m_changed = false;

    wxListView* m_list = nullptr;
    wxButton* m_edit = nullptr;
    wxButton* m_toggle = nullptr;
    wxButton* m_account = nullptr;
};

}  // namespace myodesk::app
