#pragma once

#include "common/form_dialog.h"

#include <myodesk/core/staff.h>
#include <myodesk/services/staff_service.h>

#include <optional>
#include <vector>

class wxButton;
class wxCommandEvent;
class wxListBox;
class wxStaticText;

namespace myodesk::app {

// "Who is at the desk?": the active staff to choose from (the last choice preselected, so
// Enter confirms it), and "Add staff member…" for the first start, when there is nobody yet.
// The notes written and signed at this desk are recorded under the choice.
class StaffPickerDialog : public FormDialog {
  public:
    // The service must outlive the dialog.
    StaffPickerDialog(wxWindow* parent, services::StaffService& staff,
                      std::optional<core::StaffId> preselect = std::nullopt);

    // The staff member chosen (after OK), or nullopt.
    std::optional<core::Staff> GetStaff() const;

    const std::vector<core::Staff>& Listed() const { return m_staff; }
    wxListBox* List() const { return m_list; }
    wxButton* AddButton() const { return m_add; }

    // Chooses the listed staff member with that id; false when not listed.
    bool Select(core::StaffId id);

    bool TransferDataFromWindow() override;

  private:
    void Reload(std::optional<core::StaffId> select);
    void OnAddButton(wxCommandEvent& event);
    void OnListDoubleClick(wxCommandEvent& event);
    void OnListSelect(wxCommandEvent& event);

    services::StaffService& m_staff_service;
    std::vector<core::Staff> m_staff;
    std::optional<core::Staff> m_chosen;

    wxListBox* m_list = nullptr;
    wxStaticText* m_empty = nullptr;
    wxButton* m_add = nullptr;
    wxButton* m_ok = nullptr;
};

}  // namespace myodesk::app
