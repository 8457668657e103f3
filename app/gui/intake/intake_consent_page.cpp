#include "intake/intake_consent_page.h"

#include "common/wx_conversions.h"
#include "intake/intake_fields.h"

#include <wx/checkbox.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace myodesk::app {

using namespace intake_fields;

namespace {

// The statement the client accepts.
wxString ConsentStatement() {
    return _(
        "I have given accurate information about my health to the best of my knowledge and "
        "will tell my therapist about any change. I understand that massage therapy does not "
        "replace medical examination, diagnosis or treatment, and that my therapist does not "
        "diagnose illness or prescribe medication. I may ask at any time for the pressure to "
        "be changed or for the session to stop. I consent to receive massage therapy.");
}

}  // namespace

IntakeConsentPage::IntakeConsentPage(wxSimplebook* book)
    : IntakePage(book, _("Consent"),
                 _("Let the client read the statement. The intake is saved only when the client "
                   "accepts it and types their name.")) {
    auto* statement_box = new wxStaticBoxSizer(wxVERTICAL, this, _("Statement"));
    auto* statement = new wxStaticText(statement_box->GetStaticBox(), wxID_ANY, ConsentStatement());
    statement->SetFont(statement->GetFont().Scaled(1.1f));
    statement->Wrap(FromDIP(640));
    statement_box->Add(statement, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    Content()->Add(statement_box, wxSizerFlags().Expand());

    m_accepted =
        new wxCheckBox(this, wxID_ANY, _("The client has read the statement and &accepts it"),
                       wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, "consent.accepted");
    AddControl("consent.accepted", m_accepted);
    AddControl("consent", m_accepted);
    Content()->Add(m_accepted, wxSizerFlags().Border(wxTOP | wxBOTTOM, FromDIP(12)));

    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(12, 8)));
    grid->AddGrowableCol(1, 1);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Name, typed by the client")), LabelFlags());
    m_name = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                            wxDefaultValidator, "consent.signed_name");
    m_name->SetHint(_("the client's full name"));
    AddControl("consent.signed_name", m_name);
    grid->Add(m_name, wxSizerFlags().Expand());
    grid->Add(new wxStaticText(this, wxID_ANY, _("Date")), LabelFlags());
    m_date = NewDateField(this);
    m_date->SetName("consent.signed_on");
    AddControl("consent.signed_on", m_date);
    grid->Add(m_date);
    Content()->Add(grid, wxSizerFlags().Expand());
}

void IntakeConsentPage::Load(const core::Client&, const core::Intake& intake) {
    m_accepted->SetValue(intake.consent.accepted);
    m_name->ChangeValue(ToWx(intake.consent.signed_name));
    SetDate(*m_date, intake.consent.signed_on);
}

void IntakeConsentPage::Read(core::Client&, core::Intake& intake,
                             core::ValidationProblems& problems) const {
    intake.consent.accepted = m_accepted->GetValue();
    intake.consent.signed_name = Line(m_name);
    intake.consent.signed_on = ReadDate(*m_date, "consent.signed_on", problems);
}

}  // namespace myodesk::app
