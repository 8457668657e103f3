#include "staff/staff_dialog.h"

#include "common/code_names.h"
#include "common/error_message.h"
#include "common/wx_conversions.h"
#include "staff/staff_member_dialog.h"

#include <myodesk/db/errors.h>
#include <myodesk/services/account_service.h>

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>

#include <algorithm>

namespace myodesk::app {

StaffDialog::StaffDialog(wxWindow* parent, services::StaffService& staff,
                         std::optional<core::StaffId> at_desk)
    : FormDialog(parent, _("Staff"), "StaffDialog"), m_staff_service(staff), m_at_desk(at_desk) {
    auto* help = new wxStaticText(
        this, wxID_ANY,
        _("Everyone who writes or signs session notes. Staff who leave are deactivated, not "
          "removed: their notes keep their name."));
    help->Wrap(FromDIP(460));
    help->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));

    m_list = new wxListView(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(510, 240)),
                            wxLC_REPORT | wxLC_SINGLE_SEL);
    m_list->SetName("staff.list");
    m_list->AppendColumn(_("Name"), wxLIST_FORMAT_LEFT, FromDIP(180));
    m_list->AppendColumn(_("Username"), wxLIST_FORMAT_LEFT, FromDIP(100));
    m_list->AppendColumn(_("Role"), wxLIST_FORMAT_LEFT, FromDIP(100));
    m_list->AppendColumn(_("Status"), wxLIST_FORMAT_LEFT, FromDIP(110));
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, [this](wxListEvent&) { EditSelected(); });

    auto* add = new wxButton(this, wxID_ADD, _("&Add…"));
    m_edit = new wxButton(this, wxID_EDIT, _("&Edit…"));
    m_toggle = new wxButton(this, wxID_ANY, _("&Deactivate"));
    m_account = new wxButton(this, wxID_ANY, _("A&ccount…"));
    m_account->SetToolTip(_("The staff member's username and password for signing in"));
    m_account->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EditAccountOfSelected(); });
    m_account->Bind(wxEVT_UPDATE_UI, &StaffDialog::OnUpdateButtons, this);
    add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AddMember(); });
    m_edit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EditSelected(); });
    m_toggle->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { ToggleSelectedActive(); });
    m_edit->Bind(wxEVT_UPDATE_UI, &StaffDialog::OnUpdateButtons, this);
    m_toggle->Bind(wxEVT_UPDATE_UI, &StaffDialog::OnUpdateButtons, this);

    auto* side = new wxBoxSizer(wxVERTICAL);
    side->Add(add, wxSizerFlags().Expand());
    side->AddSpacer(FromDIP(6));
    side->Add(m_edit, wxSizerFlags().Expand());
    side->AddSpacer(FromDIP(6));
    side->Add(m_toggle, wxSizerFlags().Expand());
    side->AddSpacer(FromDIP(6));
    side->Add(m_account, wxSizerFlags().Expand());
    auto* middle = new wxBoxSizer(wxHORIZONTAL);
    middle->Add(m_list, wxSizerFlags(1).Expand());
    middle->Add(side, wxSizerFlags().Border(wxLEFT, FromDIP(10)));

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(help, wxSizerFlags().Border(wxALL, FromDIP(12)));
    top->Add(middle, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT, FromDIP(12)));
    top->Add(CreateCloseButton(), wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    SetSizerAndFit(top);
    RestoreGeometry();
    Reload(m_at_desk);
}

void StaffDialog::Reload(std::optional<core::StaffId> select) {
    try {
        m_staff = m_staff_service.List(true);
    } catch (const db::DatabaseError& error) {
        m_staff.clear();
        ShowErrorMessage(this, _("The list of staff could not be read."), error);
    }
    // The active first, each group by name as the repository lists it.
    std::stable_partition(m_staff.begin(), m_staff.end(),
                          [](const core::Staff& staff) { return staff.active; });
    m_list->DeleteAllItems();
    const wxColour grey = wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT);
    for (std::size_t i = 0; i < m_staff.size(); ++i) {
        const core::Staff& staff = m_staff[i];
        const long row = m_list->InsertItem(static_cast<long>(i), ToWx(staff.name));
        m_list->SetItem(row, 1, ToWx(staff.username));
        m_list->SetItem(row, 2, NameOf(staff.role));
        wxString status = staff.active ? _("Active") : _("Inactive");
        if (m_at_desk && staff.id == *m_at_desk) {
            status = _("At the desk");
        }
        m_list->SetItem(row, 3, status);
        if (!staff.active) {
            m_list->SetItemTextColour(row, grey);
        }
        if (select && staff.id == *select) {
            SelectRow(row);
        }
    }
    if (m_list->GetFirstSelected() < 0 && !m_staff.empty()) {
        SelectRow(0);
    }
}

void StaffDialog::SelectRow(long row) {
    if (row >= 0 && row < m_list->GetItemCount()) {
        m_list->Select(row);
        m_list->Focus(row);
    }
}

std::optional<core::Staff> StaffDialog::Selected() const {
    const long row = m_list->GetFirstSelected();
    if (row < 0 || static_cast<std::size_t>(row) >= m_staff.size()) {
        return std::nullopt;
    }
    return m_staff[static_cast<std::size_t>(row)];
}

void StaffDialog::AddMember() {
    StaffMemberDialog dialog(this, _("Add staff member"), core::Staff{});
    while (dialog.ShowModal() == wxID_OK) {
        core::Staff staff = dialog.GetStaff();
        try {
            staff = m_staff_service.Add(staff);
        } catch (const std::exception& error) {
            ShowErrorMessage(this, _("The staff member could not be added."), error);
            continue;
        }
        m_changed = true;
        Reload(staff.id);
        return;
    }
}

void StaffDialog::EditSelected() {
    const std::optional<core::Staff> selected = Selected();
    if (!selected) {
        return;
    }
    StaffMemberDialog dialog(this, wxString::Format(_("Edit %s"), ToWx(selected->name)), *selected);
    while (dialog.ShowModal() == wxID_OK) {
        try {
            m_staff_service.Update(dialog.GetStaff());
        } catch (const std::exception& error) {
            ShowErrorMessage(this, _("The change could not be saved."), error);
            continue;
        }
        m_changed = true;
        Reload(selected->id);
        return;
    }
}

void StaffDialog::ToggleSelectedActive() {
    std::optional<core::Staff> selected = Selected();
    if (!selected || (selected->active && m_at_desk && selected->id == *m_at_desk)) {
        return;
    }
    selected->active = !selected->active;
    try {
        m_staff_service.Update(*selected);
    } catch (const std::exception& error) {
        ShowErrorMessage(this, _("The change could not be saved."), error);
        return;
    }
    m_changed = true;
    Reload(selected->id);
}

void StaffDialog::EditAccountOfSelected() {
    const std::optional<core::Staff> selected = Selected();
    if (!selected) {
        return;
    }
    std::string username = selected->username;
    if (username.empty()) {
        wxTextEntryDialog ask(this,
                              _("A username for signing in: lower-case letters, digits, '.', "
                                "'_' or '-', starting with a letter."),
                              wxString::Format(_("Account for %s"), ToWx(selected->name)));
        if (ask.ShowModal() != wxID_OK) {
            return;
        }
        username = ToUtf8(ask.GetValue().Trim().Trim(false));
    }
    wxPasswordEntryDialog first(
        this, wxString::Format(_("A new password for %s (at least 8 characters):"), ToWx(username)),
        _("Password"));
    if (first.ShowModal() != wxID_OK) {
        return;
    }
    wxPasswordEntryDialog again(this, _("The same password again:"), _("Password"));
    if (again.ShowModal() != wxID_OK) {
        return;
    }
    if (again.GetValue() != first.GetValue()) {
        ShowErrorMessage(this, _("The two passwords typed differ."),
                         std::runtime_error(_("Nothing was changed.").utf8_string()));
        return;
    }
    SetAccountOfSelected(username, ToUtf8(first.GetValue()));
}

bool StaffDialog::SetAccountOfSelected(const std::string& username, const std::string& password) {
    const std::optional<core::Staff> selected = Selected();
    if (!selected) {
        return false;
    }
    try {
        services::AccountService accounts(m_staff_service.GetContext());
        if (selected->username.empty()) {
            accounts.GiveAccount(selected->id, username, password);
        } else {
            accounts.SetPassword(selected->username, password);
        }
    } catch (const std::exception& error) {
        ShowErrorMessage(this, _("The account could not be saved."), error);
        return false;
    }
    m_changed = true;
    Reload(selected->id);
    return true;
}

void StaffDialog::OnUpdateButtons(wxUpdateUIEvent& event) {
    const std::optional<core::Staff> selected = Selected();
    if (event.GetEventObject() == m_toggle) {
        const bool at_desk = selected && m_at_desk && selected->id == *m_at_desk;
        event.SetText(selected && !selected->active ? _("&Reactivate") : _("&Deactivate"));
        event.Enable(selected.has_value() && !(selected->active && at_desk));
        const wxString tip = at_desk ? _("This is who is at the desk: change who is at the "
                                         "desk first (File menu)")
                                     : wxString();
        if (m_toggle->GetToolTipText() != tip) {
            m_toggle->SetToolTip(tip);
        }
        return;
    }
    event.Enable(selected.has_value());
}

}  // namespace myodesk::app
