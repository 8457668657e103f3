#include "clients/client_dialog.h"

#include "common/date_field.h"
#include "common/problem_message.h"
#include "common/problem_panel.h"
#include "common/wx_conversions.h"

#include <myodesk/core/client_validation.h>
#include <myodesk/core/text.h>

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <utility>

namespace myodesk::app {

namespace {

namespace field = core::client_field;
using Limits = core::ClientLimits;

// Makes the label columns of the sections in one column of the dialog line up.
void EqualiseWidths(const std::vector<wxStaticText*>& labels) {
    int width = 0;
    for (const wxStaticText* label : labels) {
        width = std::max(width, label->GetBestSize().x);
    }
    for (wxStaticText* label : labels) {
        label->SetMinSize(wxSize(width, -1));
    }
}

wxSizerFlags LabelFlags() {
    return wxSizerFlags().Right().CentreVertical();
}
wxSizerFlags TopLabelFlags() {
    return wxSizerFlags().Right().Top().Border(wxTOP, 4);
}

wxFlexGridSizer* NewFormGrid(wxWindow* window) {
    auto* grid = new wxFlexGridSizer(2, window->FromDIP(wxSize(12, 8)));
    grid->AddGrowableCol(1, 1);
    return grid;
}

wxStaticBoxSizer* NewSection(wxWindow* parent, const wxString& title) {
    return new wxStaticBoxSizer(wxVERTICAL, parent, title);
}

}  // namespace

ClientDialog::ClientDialog(wxWindow* parent, const wxString& title, core::Client client,
                           const core::Date& today)
    : FormDialog(parent, title, "ClientDialog"), m_client(std::move(client)), m_today(today) {
    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    auto* left = new wxBoxSizer(wxVERTICAL);
    left->Add(CreateIdentitySection(), wxSizerFlags().Expand());
    left->AddSpacer(FromDIP(10));
    left->Add(CreateContactSection(), wxSizerFlags(1).Expand());
    auto* right = new wxBoxSizer(wxVERTICAL);
    right->Add(CreateEmergencySection(), wxSizerFlags().Expand());
    right->AddSpacer(FromDIP(10));
    right->Add(CreateCareSection(), wxSizerFlags().Expand());
    right->AddSpacer(FromDIP(10));
    right->Add(CreateNotesSection(), wxSizerFlags(1).Expand());
    EqualiseWidths(m_left_labels);
    EqualiseWidths(m_right_labels);
    columns->Add(left, wxSizerFlags(1).Expand());
    columns->AddSpacer(FromDIP(12));
    columns->Add(right, wxSizerFlags(1).Expand());

    wxSizer* buttons = CreateFormButtons(wxID_OK, _("&Save"), _("Save the client (Ctrl+S)"));
    EnableSaveShortcut();
    SetDiscardQuestion(_("Throw away the changes to this client?"));

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(columns, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(12)));
    m_problem_panel = new ProblemPanel(this, ProblemPanel::Style::kPlain);
    top->Add(m_problem_panel,
             wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    top->Add(buttons, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    SetSizerAndFit(top);
    SetSize(wxSize(std::max(GetSize().x, FromDIP(820)), GetSize().y));
    CentreOnParent();

    TransferDataToWindow();
    m_given_name->SetFocus();
}

void ClientDialog::AddLabel(wxWindow* parent, wxSizer* grid, const wxString& text,
                            std::vector<wxStaticText*>& column, bool top) {
    auto* label =
        new wxStaticText(parent, wxID_ANY, text, wxDefaultPosition, wxDefaultSize, wxALIGN_RIGHT);
    grid->Add(label, top ? TopLabelFlags() : LabelFlags());
    column.push_back(label);
}

wxTextCtrl* ClientDialog::AddText(wxWindow* parent, wxSizer* grid, std::string_view field_name,
                                  std::size_t max_length, int lines) {
    const long style = lines > 1 ? wxTE_MULTILINE : 0;
    auto* text = new wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                style, wxDefaultValidator, ToWx(field_name));
    if (lines > 1) {
        // GTK cannot limit a multi-line control; validation reports what is too long.
        text->SetMinSize(wxSize(-1, text->GetCharHeight() * lines + FromDIP(12)));
    } else {
        SayWhenFull(text, FieldLabel(field_name), max_length);
    }
    m_controls.emplace(std::string(field_name), text);
    if (grid != nullptr) {
        grid->Add(text, wxSizerFlags(1).Expand());
    }
    return text;
}

wxSizer* ClientDialog::CreateIdentitySection() {
    auto* section = NewSection(this, _("Identity"));
    wxWindow* box = section->GetStaticBox();
    auto* grid = NewFormGrid(box);

    AddLabel(box, grid, FieldLabel(field::kGivenName), m_left_labels);
    m_given_name = AddText(box, grid, field::kGivenName, Limits::kName);
    AddLabel(box, grid, FieldLabel(field::kFamilyName), m_left_labels);
    m_family_name = AddText(box, grid, field::kFamilyName, Limits::kName);
    AddLabel(box, grid, FieldLabel(field::kPreferredName), m_left_labels);
    m_preferred_name = AddText(box, grid, field::kPreferredName, Limits::kName);
    m_preferred_name->SetHint(_("if different from the given name"));

    AddLabel(box, grid, FieldLabel(field::kDateOfBirth), m_left_labels);
    auto* date_row = new wxBoxSizer(wxHORIZONTAL);
    m_date_of_birth = new DateField(box, ToWx(field::kDateOfBirth));
    m_date_of_birth->SetMinSize(wxSize(FromDIP(150), -1));
    m_controls.emplace(std::string(field::kDateOfBirth), m_date_of_birth);
    m_date_of_birth->Bind(wxEVT_TEXT, &ClientDialog::OnDateOfBirthChanged, this);
    date_row->Add(m_date_of_birth, wxSizerFlags().CentreVertical());
    m_age = new wxStaticText(box, wxID_ANY, wxString());
    date_row->Add(m_age, wxSizerFlags(1).CentreVertical().Border(wxLEFT, FromDIP(12)));
    grid->Add(date_row, wxSizerFlags().Expand());

    section->Add(grid, wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
    return section;
}

wxSizer* ClientDialog::CreateContactSection() {
    auto* section = NewSection(this, _("Contact"));
    wxWindow* box = section->GetStaticBox();
    auto* grid = NewFormGrid(box);

    AddLabel(box, grid, FieldLabel(field::kPhone), m_left_labels);
    m_phone = AddText(box, grid, field::kPhone, Limits::kPhone);
    AddLabel(box, grid, FieldLabel(field::kEmail), m_left_labels);
    m_email = AddText(box, grid, field::kEmail, Limits::kEmail);
    m_email->SetHint(_("name@example.com"));
    AddLabel(box, grid, FieldLabel(field::kAddress), m_left_labels, /*top=*/true);
    m_address = AddText(box, grid, field::kAddress, Limits::kAddress, 4);
    grid->AddGrowableRow(2, 1);

    section->Add(grid, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(8)));
    return section;
}

wxSizer* ClientDialog::CreateEmergencySection() {
    auto* section = NewSection(this, FieldLabel(field::kEmergencyContactName));
    wxWindow* box = section->GetStaticBox();
    auto* grid = NewFormGrid(box);

    AddLabel(box, grid, _("Name"), m_right_labels);
    m_emergency_contact_name =
        AddText(box, grid, field::kEmergencyContactName, Limits::kContactName);
    AddLabel(box, grid, FieldLabel(field::kPhone), m_right_labels);
    m_emergency_contact_phone = AddText(box, grid, field::kEmergencyContactPhone, Limits::kPhone);

    section->Add(grid, wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
    return section;
}

wxSizer* ClientDialog::CreateCareSection() {
    auto* section = NewSection(this, _("Care"));
    wxWindow* box = section->GetStaticBox();
    auto* grid = NewFormGrid(box);

    AddLabel(box, grid, FieldLabel(field::kPhysician), m_right_labels);
    m_physician = AddText(box, grid, field::kPhysician, Limits::kPhysician);
    AddLabel(box, grid, FieldLabel(field::kReferralSource), m_right_labels);
    m_referral_source = AddText(box, grid, field::kReferralSource, Limits::kReferralSource);
    m_referral_source->SetHint(_("e.g. running club, physio"));

    section->Add(grid, wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
    return section;
}

wxSizer* ClientDialog::CreateNotesSection() {
    auto* section = NewSection(this, FieldLabel(field::kNotes));
    m_notes = AddText(section->GetStaticBox(), nullptr, field::kNotes, Limits::kNotes, 6);
    section->Add(m_notes, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(8)));
    return section;
}

bool ClientDialog::TransferDataToWindow() {
    m_given_name->ChangeValue(ToWx(m_client.given_name));
    m_family_name->ChangeValue(ToWx(m_client.family_name));
    m_preferred_name->ChangeValue(ToWx(m_client.preferred_name));
    m_date_of_birth->SetDate(m_client.date_of_birth);
    m_phone->ChangeValue(ToWx(m_client.phone));
    m_email->ChangeValue(ToWx(m_client.email));
    m_address->ChangeValue(ToWx(m_client.address));
    m_emergency_contact_name->ChangeValue(ToWx(m_client.emergency_contact_name));
    m_emergency_contact_phone->ChangeValue(ToWx(m_client.emergency_contact_phone));
    m_physician->ChangeValue(ToWx(m_client.physician));
    m_referral_source->ChangeValue(ToWx(m_client.referral_source));
    m_notes->ChangeValue(ToWx(m_client.notes));
    UpdateAge();
    return true;
}

core::Client ClientDialog::ReadControls() const {
    // One-line fields lose surrounding spaces; multi-line text is kept as typed.
    const auto line = [](const wxTextCtrl* text) { return core::Trim(ToUtf8(text->GetValue())); };
    core::Client client = m_client;
    client.given_name = line(m_given_name);
    client.family_name = line(m_family_name);
    client.preferred_name = line(m_preferred_name);
    client.date_of_birth = m_date_of_birth->GetDate();
    client.phone = line(m_phone);
    client.email = line(m_email);
    client.address = ToUtf8(m_address->GetValue());
    client.emergency_contact_name = line(m_emergency_contact_name);
    client.emergency_contact_phone = line(m_emergency_contact_phone);
    client.physician = line(m_physician);
    client.referral_source = line(m_referral_source);
    client.notes = ToUtf8(m_notes->GetValue());
    return client;
}

bool ClientDialog::TransferDataFromWindow() {
    core::Client client = ReadControls();
    m_problems = core::ValidateClient(client, m_today);
    if (m_date_of_birth->IsUnreadable()) {
        // Never saved as "no date of birth": the typed text stays and is named.
        m_problems.insert(m_problems.begin(),
                          {std::string(field::kDateOfBirth), core::ProblemCode::kInvalidDate});
    }
    ShowProblems();
    if (!m_problems.empty()) {
        return false;
    }
    m_client = std::move(client);
    return true;
}

wxString ClientDialog::ProblemText() const {
    return m_problem_panel->Text();
}

wxString ClientDialog::AgeText() const {
    return m_age->GetLabelText();
}

wxWindow* ClientDialog::ControlFor(std::string_view field_name) const {
    const auto found = m_controls.find(field_name);
    return found == m_controls.end() ? nullptr : found->second;
}

void ClientDialog::ShowProblems() {
    ProblemDisplay display;
    display.heading_one = _("This client cannot be saved yet:");
    display.heading_many = _("This client cannot be saved yet. Please check:");
    display.control_for = [this](std::string_view field) { return ControlFor(field); };
    display.message = [this](const core::ValidationProblem& problem) {
        if (problem.field == field::kDateOfBirth &&
            problem.code == core::ProblemCode::kInvalidDate) {
            return m_date_of_birth->UnreadableMessage(FieldLabel(problem.field));
        }
        return ProblemMessage(problem);
    };
    display.marked = [this](const core::ValidationProblem& problem) {
        std::vector<wxWindow*> marked;
        if (wxWindow* control = ControlFor(problem.field)) {
            marked.push_back(control);
        }
        if (problem.code == core::ProblemCode::kRequired && problem.field == field::kGivenName) {
            marked.push_back(m_family_name);  // either name will do
        }
        return marked;
    };
    display.wrap_width = GetClientSize().x - FromDIP(80);
    FormDialog::ShowProblems(*m_problem_panel, m_problems, display);
}

void ClientDialog::OnDateOfBirthChanged(wxCommandEvent& event) {
    UpdateAge();
    event.Skip();
}

void ClientDialog::UpdateAge() {
    const std::optional<core::Date> born = m_date_of_birth->GetDate();
    if (!born) {
        // Shows the order of day, month and year the field reads (31 is never a month).
        const core::Date example{std::chrono::year{1990}, std::chrono::December,
                                 std::chrono::day{31}};
        m_age->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        m_age->SetLabelText(wxString::Format(_("e.g. %s"), FormatLocalDate(example)));
        return;
    }
    m_age->SetForegroundColour(wxNullColour);
    if (*born > m_today) {
        m_age->SetLabelText(wxString());
        return;
    }
    const int age = core::AgeInYears(*born, m_today);
    m_age->SetLabelText(
        wxString::Format(wxPLURAL("%d year old", "%d years old", static_cast<unsigned>(age)), age));
}

}  // namespace myodesk::app
