#include "staff/staff_picker_dialog.h"

#include "common/code_names.h"
#include "common/error_message.h"
#include "common/wx_conversions.h"
#include "staff/staff_member_dialog.h"

#include <myodesk/db/errors.h>

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/listbox.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>

namespace myodesk::app {

namespace {

wxString StaffLine(const core::Staff& staff) {
    if (staff.role == core::StaffRole::kManager) {
        // TRANSLATORS: a manager in the list of who is at the desk, e.g. "Sam Lee (manager)".
        return wxString::Format(_("%s (manager)"), ToWx(staff.name));
    }
    return ToWx(staff.name);
}

}  // namespace

StaffPickerDialog::StaffPickerDialog(wxWindow* parent, services::StaffService& staff,
                                     std::optional<core::StaffId> preselect)
    : FormDialog(parent, _("Who is at the desk?"), "StaffPickerDialog"), m_staff_service(staff) {
    auto* heading = new wxStaticText(this, wxID_ANY, _("Who is at the desk?"));
    heading->SetFont(heading->GetFont().Scaled(1.3f).Bold());
    auto* help = new wxStaticText(
        this, wxID_ANY,
        _("Session notes written and signed at this desk are recorded under this name. You "
          "can change it any time with File ▸ Change who is at the desk…"));
    help->Wrap(FromDIP(380));
    help->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));

    m_list = new wxListBox(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(380, 200)), 0, nullptr,
                           wxLB_SINGLE, wxDefaultValidator, "staff.list");
    m_list->SetFont(m_list->GetFont().Scaled(1.15f));
    m_list->Bind(wxEVT_LISTBOX_DCLICK, &StaffPickerDialog::OnListDoubleClick, this);
    m_list->Bind(wxEVT_LISTBOX, &StaffPickerDialog::OnListSelect, this);
    m_empty = new wxStaticText(this, wxID_ANY,
                               _("Nobody has been added yet. Add yourself to start: your name "
                                 "and whether you are a therapist or the clinic's manager."));
    m_empty->Wrap(FromDIP(380));

    m_add = new wxButton(this, wxID_ADD, _("&Add staff member…"));
    m_add->Bind(wxEVT_BUTTON, &StaffPickerDialog::OnAddButton, this);
    wxStdDialogButtonSizer* standard =
        CreateFormButtons(wxID_OK, _("&Start"), wxString(), _("&Not now"));
    standard->GetCancelButton()->SetToolTip(
        _("Look at clients without writing notes; choose later from the File menu"));
    m_ok = standard->GetAffirmativeButton();
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(m_add, wxSizerFlags().CentreVertical());
    buttons->AddStretchSpacer();
    buttons->Add(standard, wxSizerFlags().CentreVertical());

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(heading, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(16)));
    top->AddSpacer(FromDIP(6));
    top->Add(help, wxSizerFlags().Border(wxLEFT | wxRIGHT, FromDIP(16)));
    top->Add(m_list, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(16)));
    top->Add(m_empty, wxSizerFlags().Expand().Border(wxALL, FromDIP(16)));
    top->Add(buttons, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(16)));
    SetSizer(top);

    Reload(preselect);
    Fit();
    RestoreGeometry();
}

void StaffPickerDialog::Reload(std::optional<core::StaffId> select) {
    try {
        m_staff = m_staff_service.List(false);
    } catch (const db::DatabaseError& error) {
        m_staff.clear();
        ShowErrorMessage(this, _("The list of staff could not be read."), error);
    }
    m_list->Clear();
    for (const core::Staff& staff : m_staff) {
        m_list->Append(StaffLine(staff));
    }
    const bool empty = m_staff.empty();
    m_list->Show(!empty);
    m_empty->Show(empty);
    if (empty) {
        m_add->SetDefault();
        m_add->SetFocus();
    } else {
        m_ok->SetDefault();
        if (!(select && Select(*select))) {
            m_list->SetSelection(0);
        }
        m_list->SetFocus();
    }
    m_ok->Enable(!empty);
    Layout();
}

bool StaffPickerDialog::Select(core::StaffId id) {
    const auto found = std::find_if(m_staff.begin(), m_staff.end(),
                                    [id](const core::Staff& staff) { return staff.id == id; });
    if (found == m_staff.end()) {
        return false;
    }
    m_list->SetSelection(static_cast<int>(found - m_staff.begin()));
    return true;
}

std::optional<core::Staff> StaffPickerDialog::GetStaff() const {
    return m_chosen;
}

bool StaffPickerDialog::TransferDataFromWindow() {
    const int selection = m_list->GetSelection();
    if (selection == wxNOT_FOUND || static_cast<std::size_t>(selection) >= m_staff.size()) {
        wxBell();
        return false;
    }
    m_chosen = m_staff[static_cast<std::size_t>(selection)];
    return true;
}

void StaffPickerDialog::OnAddButton(wxCommandEvent&) {
    StaffMemberDialog dialog(this, _("Add staff member"), core::Staff{});
    while (dialog.ShowModal() == wxID_OK) {
        core::Staff staff = dialog.GetStaff();
        try {
            staff = m_staff_service.Add(staff);
        } catch (const std::exception& error) {
            ShowErrorMessage(this, _("The staff member could not be added."), error);
            continue;
        }
        Reload(staff.id);
        Fit();
        return;
    }
}

void StaffPickerDialog::OnListDoubleClick(wxCommandEvent&) {
    Affirm();
}

void StaffPickerDialog::OnListSelect(wxCommandEvent&) {
    m_ok->Enable(m_list->GetSelection() != wxNOT_FOUND);
}

}  // namespace myodesk::app
