#include "intake/intake_contact_page.h"

#include "common/problem_message.h"
#include "common/wx_conversions.h"
#include "intake/intake_fields.h"

#include <myodesk/core/client_validation.h>

#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace myodesk::app {

using namespace intake_fields;
namespace field = core::client_field;

IntakeContactPage::IntakeContactPage(wxSimplebook* book, const core::Client& client)
    : IntakePage(book, _("Contact"),
                 wxString::Format(_("How to reach %s and who to call in an emergency. Changes "
                                    "here are saved to the client's record with the intake."),
                                  ToWx(core::DisplayName(client)))) {
    using Limits = core::ClientLimits;
    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(12, 8)));
    grid->AddGrowableCol(1, 1);
    m_phone = AddText(grid, field::kPhone, Limits::kPhone, false);
    m_email = AddText(grid, field::kEmail, Limits::kEmail, false);
    m_email->SetHint(_("name@example.com"));
    m_address = AddText(grid, field::kAddress, Limits::kAddress, true);
    m_emergency_name = AddText(grid, field::kEmergencyContactName, Limits::kContactName, false);
    m_emergency_name->SetHint(_("name and relationship, e.g. Sam Smith (partner)"));
    m_emergency_phone = AddText(grid, field::kEmergencyContactPhone, Limits::kPhone, false);
    m_physician = AddText(grid, field::kPhysician, Limits::kPhysician, false);
    m_physician->SetHint(_("name and practice"));
    Content()->Add(grid, wxSizerFlags().Expand());
}

wxTextCtrl* IntakeContactPage::AddText(wxSizer* grid, std::string_view name, std::size_t limit,
                                       bool multi_line) {
    auto* label = new wxStaticText(this, wxID_ANY, FieldLabel(name));
    grid->Add(label,
              multi_line ? wxSizerFlags().Left().Top().Border(wxTOP, FromDIP(4)) : LabelFlags());
    auto* text = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                multi_line ? wxTE_MULTILINE : 0, wxDefaultValidator, ToWx(name));
    if (multi_line) {
        text->SetMinSize(wxSize(-1, text->GetCharHeight() * 4 + FromDIP(12)));
    } else {
        text->SetMaxLength(static_cast<unsigned long>(limit));
    }
    grid->Add(text, wxSizerFlags().Expand());
    AddControl(std::string(name), text);
    return text;
}

void IntakeContactPage::Load(const core::Client& client, const core::Intake&) {
    LoadClient(client);
}

void IntakeContactPage::LoadClient(const core::Client& client) {
    m_phone->ChangeValue(ToWx(client.phone));
    m_email->ChangeValue(ToWx(client.email));
    m_address->ChangeValue(ToWx(client.address));
    m_emergency_name->ChangeValue(ToWx(client.emergency_contact_name));
    m_emergency_phone->ChangeValue(ToWx(client.emergency_contact_phone));
    m_physician->ChangeValue(ToWx(client.physician));
}

void IntakeContactPage::Read(core::Client& client, core::Intake&, core::ValidationProblems&) const {
    client.phone = Line(m_phone);
    client.email = Line(m_email);
    client.address = ToUtf8(m_address->GetValue());
    client.emergency_contact_name = Line(m_emergency_name);
    client.emergency_contact_phone = Line(m_emergency_phone);
    client.physician = Line(m_physician);
}

}  // namespace myodesk::app
