#include "staff/staff_member_dialog.h"

#include "common/problem_message.h"
#include "common/problem_panel.h"
#include "common/wx_conversions.h"

#include <myodesk/core/text.h>

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <utility>

namespace myodesk::app {

StaffMemberDialog::StaffMemberDialog(wxWindow* parent, const wxString& title, core::Staff staff)
    : FormDialog(parent, title, "StaffMemberDialog", wxDEFAULT_DIALOG_STYLE),
      m_staff(std::move(staff)) {
    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(12, 8)));
    grid->AddGrowableCol(1, 1);
    grid->Add(new wxStaticText(this, wxID_ANY, _("&Name")), wxSizerFlags().CentreVertical());
    m_name = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                            wxDefaultValidator, "name");
    SayWhenFull(m_name, _("Name"), 100);
    m_name->SetMinSize(wxSize(FromDIP(280), -1));
    m_name->SetHint(_("as it is signed under notes, e.g. Jane Doe"));
    grid->Add(m_name, wxSizerFlags().Expand());
    grid->Add(new wxStaticText(this, wxID_ANY, _("Role")), wxSizerFlags().CentreVertical());
    auto* roles = new wxBoxSizer(wxHORIZONTAL);
    m_therapist = new wxRadioButton(this, wxID_ANY, _("&Therapist"), wxDefaultPosition,
                                    wxDefaultSize, wxRB_GROUP);
    m_manager = new wxRadioButton(this, wxID_ANY, _("&Manager"));
    m_owner = new wxRadioButton(this, wxID_ANY, _("&Owner"));
    m_front_desk = new wxRadioButton(this, wxID_ANY, _("&Front desk"));
    for (wxRadioButton* role : {m_therapist, m_manager, m_front_desk, m_owner}) {
        roles->Add(role);
        roles->AddSpacer(FromDIP(16));
    }
    grid->Add(roles);

    m_problem = new ProblemLabel(this);

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(grid, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    top->Add(m_problem, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    top->Add(CreateFormButtons(wxID_OK, wxString()),
             wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    SetSizerAndFit(top);
    RestoreGeometry();
    TransferDataToWindow();
    m_name->SetFocus();
}

bool StaffMemberDialog::TransferDataToWindow() {
    m_name->ChangeValue(ToWx(m_staff.name));
    m_therapist->SetValue(m_staff.role == core::StaffRole::kTherapist);
    m_manager->SetValue(m_staff.role == core::StaffRole::kManager);
    m_owner->SetValue(m_staff.role == core::StaffRole::kOwner);
    m_front_desk->SetValue(m_staff.role == core::StaffRole::kFrontDesk);
    return true;
}

bool StaffMemberDialog::TransferDataFromWindow() {
    core::Staff staff = m_staff;
    staff.name = core::Trim(ToUtf8(m_name->GetValue()));
    staff.role = m_manager->GetValue()      ? core::StaffRole::kManager
                 : m_owner->GetValue()      ? core::StaffRole::kOwner
                 : m_front_desk->GetValue() ? core::StaffRole::kFrontDesk
                                            : core::StaffRole::kTherapist;
    const core::ValidationProblems problems = core::ValidateStaff(staff);
    if (!problems.empty()) {
        m_problem->ShowText(ProblemMessage(problems.front()));
        Fit();
        m_name->SetFocus();
        m_name->SelectAll();
        wxBell();
        return false;
    }
    m_staff = std::move(staff);
    return true;
}

wxString StaffMemberDialog::ProblemText() const {
    return m_problem->Text();
}

}  // namespace myodesk::app
