#include "intake/intake_dialog.h"

#include "common/date_field.h"
#include "common/error_message.h"
#include "common/form_rows_panel.h"
#include "common/problem_message.h"
#include "common/problem_panel.h"
#include "common/wx_conversions.h"
#include "intake/intake_consent_page.h"
#include "intake/intake_contact_page.h"
#include "intake/intake_fields.h"
#include "intake/intake_health_page.h"
#include "intake/intake_history_page.h"
#include "intake/intake_medications_page.h"
#include "intake/intake_preferences_page.h"
#include "intake/intake_runner_page.h"
#include "intake/intake_soreness_page.h"

#include <myodesk/core/client_validation.h>
#include <myodesk/core/intake_validation.h>
#include <myodesk/db/errors.h>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/intl.h>
#include <wx/panel.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/statline.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/tglbtn.h>

#include <algorithm>
#include <cctype>
#include <utility>

namespace myodesk::app {

namespace {

using Section = IntakeDialog::Section;

wxWindow* FirstFocusable(wxWindow* window) {
    for (wxWindow* child : window->GetChildren()) {
        if (!child->IsShown() || !child->IsEnabled()) {
            continue;
        }
        if (child->AcceptsFocus() && dynamic_cast<wxStaticBox*>(child) == nullptr) {
            return child;
        }
        if (wxWindow* inner = FirstFocusable(child)) {
            return inner;
        }
    }
    return nullptr;
}

// The letter after '&' in a label, upper case, or 0.
wxChar Mnemonic(const wxString& label) {
    const int amp = label.Find('&');
    if (amp == wxNOT_FOUND || static_cast<std::size_t>(amp) + 1 >= label.length()) {
        return 0;
    }
    return static_cast<wxChar>(wxToupper(label[static_cast<std::size_t>(amp) + 1]));
}

}  // namespace

// --- Construction ---

IntakeDialog::IntakeDialog(wxWindow* parent, core::Client client, core::Intake intake,
                           const core::Date& today, std::optional<core::Date> renewed_from,
                           SaveFunction save, ReloadFunction reload)
    : FormDialog(parent,
                 wxString::Format(renewed_from ? _("Renew intake: %s") : _("New intake: %s"),
                                  ToWx(core::DisplayName(client))),
                 "IntakeDialog"),
      m_client(std::move(client)),
      m_intake(std::move(intake)),
      m_today(today),
      m_save(std::move(save)),
      m_reload(std::move(reload)) {
    CreateControls(renewed_from);
    EnableSaveShortcut();
    SetDiscardQuestion(_("Throw away this intake?"), _("Intake"));

    TransferDataToWindow();
    m_initial = ReadControls();
    ShowSection(Section::kContact);

    // Big enough for the longest page, never bigger than the screen.
    SetMinSize(FromDIP(wxSize(760, 480)));
    RestoreGeometry(FromDIP(wxSize(1100, 760)));
    FocusFirstControl(Section::kContact);
}

core::Intake IntakeDialog::NewIntake(core::ClientId client, const core::Date& today) {
    core::Intake intake;
    intake.client_id = client;
    intake.taken_on = today;
    intake.consent.signed_on = today;
    return intake;
}

core::Intake IntakeDialog::RenewalOf(const core::Intake& earlier, const core::Date& today) {
    core::Intake intake = earlier;
    intake.id = 0;
    intake.created_at.clear();
    intake.taken_on = today;
    intake.consent = core::Consent{};
    intake.consent.signed_on = today;
    return intake;
}

void IntakeDialog::CreateControls(std::optional<core::Date> renewed_from) {
    wxSizer* header = CreateHeader(renewed_from);
    // The pages, created before the section buttons so that Tab goes from the date into the
    // page, then to the buttons at the bottom; the section buttons have mnemonics.
    m_pages = new wxSimplebook(this);
    CreatePages();
    m_problem_panel = new ProblemPanel(this, ProblemPanel::Style::kTinted);
    wxSizer* buttons = CreateButtons();
    wxWindow* sidebar = CreateSidebar(this);

    auto* middle = new wxBoxSizer(wxHORIZONTAL);
    middle->Add(sidebar, wxSizerFlags().Expand());
    middle->Add(new wxStaticLine(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLI_VERTICAL),
                wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(10)));
    middle->Add(m_pages, wxSizerFlags(1).Expand());

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(header, wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    top->Add(new wxStaticLine(this), wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(12)));
    top->Add(middle, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(12)));
    top->Add(m_problem_panel,
             wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    top->Add(buttons, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    SetSizer(top);
}

wxSizer* IntakeDialog::CreateHeader(std::optional<core::Date> renewed_from) {
    // The date the intake is taken and where it was copied from.
    auto* header = new wxBoxSizer(wxHORIZONTAL);
    auto* taken_label = new wxStaticText(this, wxID_ANY, _("Intake &date"));
    header->Add(taken_label, intake_fields::LabelFlags().Border(wxRIGHT, FromDIP(8)));
    m_taken_on = intake_fields::NewDateField(this, "taken_on");
    header->Add(m_taken_on, wxSizerFlags().CentreVertical());
    wxString note = _("Fill in each section with the client, from Contact to Consent.");
    if (renewed_from) {
        note = wxString::Format(_("Copied from the intake of %s: go through each section with "
                                  "the client. Consent is given again."),
                                FormatReadableDate(*renewed_from));
    }
    auto* note_text = intake_fields::NewGreyText(this, note);
    header->Add(note_text, wxSizerFlags(1).CentreVertical().Border(wxLEFT, FromDIP(16)));
    return header;
}

void IntakeDialog::CreatePages() {
    m_contact = new IntakeContactPage(m_pages, m_client);
    m_health = new IntakeHealthPage(m_pages);
    m_page_of = {
        m_contact,
        m_health,
        new IntakeMedicationsPage(m_pages),
        new IntakeHistoryPage(m_pages, m_today),
        new IntakeRunnerPage(m_pages, m_today),
        new IntakeSorenessPage(m_pages),
        new IntakePreferencesPage(m_pages),
        new IntakeConsentPage(m_pages),
    };
}

wxSizer* IntakeDialog::CreateButtons() {
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    m_previous = new wxButton(this, wxID_BACKWARD, _("◂ Pre&vious"));
    m_next = new wxButton(this, wxID_FORWARD, _("&Next ▸"));
    m_previous->SetToolTip(_("Previous section (Ctrl+Page Up)"));
    m_next->SetToolTip(_("Next section (Ctrl+Page Down)"));
    m_previous->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const auto index = static_cast<std::size_t>(CurrentSection());
        if (index > 0) {
            GoToSection(static_cast<Section>(index - 1));
        }
    });
    m_next->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        const auto index = static_cast<std::size_t>(CurrentSection());
        if (index + 1 < kSectionCount) {
            GoToSection(static_cast<Section>(index + 1));
        }
    });
    buttons->Add(m_previous, wxSizerFlags().CentreVertical());
    buttons->AddSpacer(FromDIP(6));
    buttons->Add(m_next, wxSizerFlags().CentreVertical());
    buttons->AddStretchSpacer();
    // Enter never closes this long form: Save is pressed, or Ctrl+S.
    buttons->Add(CreateFormButtons(wxID_SAVE, _("&Save"),
                                   _("Save this intake as a new version (Ctrl+S)"), wxString(),
                                   /*enter_affirms=*/false),
                 wxSizerFlags().CentreVertical());
    return buttons;
}

wxWindow* IntakeDialog::CreateSidebar(wxWindow* parent) {
    m_section_labels = {
        _("&Contact"),
        _("&Health history"),
        _("&Medications, allergies"),
        _("S&urgeries, injuries"),
        _("&Runner profile"),
        _("S&oreness, areas to avoid"),
        _("&Preferences"),
        _("Consen&t"),
    };
    auto* panel = new wxPanel(parent);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    for (std::size_t i = 0; i < kSectionCount; ++i) {
        auto* button = new wxToggleButton(panel, wxID_ANY, m_section_labels[i], wxDefaultPosition,
                                          wxDefaultSize, wxBU_LEFT);
        button->SetName("section" + std::to_string(i));
        button->Bind(wxEVT_TOGGLEBUTTON, &IntakeDialog::OnSectionButton, this);
        m_section_buttons[i] = button;
        sizer->Add(button, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(4)));
    }
    // Wide enough for the boldest label with its problem mark, so that the pages do not move
    // when the current section changes.
    int width = 0;
    for (std::size_t i = 0; i < kSectionCount; ++i) {
        wxToggleButton* button = m_section_buttons[i];
        button->SetFont(GetFont().Bold());
        button->SetLabel(wxString::Format(_("%s  ⚠"), m_section_labels[i]));
        width = std::max(width, button->GetBestSize().x);
        button->SetLabel(m_section_labels[i]);
        button->SetFont(GetFont());
    }
    panel->SetMinSize(wxSize(width, -1));
    sizer->AddStretchSpacer();
    auto* keys = intake_fields::NewGreyText(panel, _("Ctrl+Page Down: next section\nCtrl+S: save"));
    sizer->Add(keys, wxSizerFlags().Border(wxTOP, FromDIP(8)));
    panel->SetSizer(sizer);
    return panel;
}

// --- Sections ---

void IntakeDialog::ShowSection(Section section) {
    const auto index = static_cast<std::size_t>(section);
    if (index >= kSectionCount) {
        return;
    }
    m_pages->ChangeSelection(index);
    for (std::size_t i = 0; i < kSectionCount; ++i) {
        m_section_buttons[i]->SetValue(i == index);
        // The current section stands out more than GTK's pressed look alone.
        wxFont font = GetFont();
        if (i == index) {
            font.MakeBold();
        }
        m_section_buttons[i]->SetFont(font);
    }
    m_previous->Enable(index > 0);
    m_next->Enable(index + 1 < kSectionCount);
}

void IntakeDialog::GoToSection(Section section) {
    ShowSection(section);
    FocusFirstControl(section);
}

IntakeDialog::Section IntakeDialog::CurrentSection() const {
    const int selection = m_pages->GetSelection();
    return static_cast<Section>(selection < 0 ? 0 : selection);
}

wxToggleButton* IntakeDialog::SectionButton(Section section) const {
    return m_section_buttons.at(static_cast<std::size_t>(section));
}

void IntakeDialog::FocusFirstControl(Section section) {
    if (wxWindow* first = FirstFocusable(m_pages->GetPage(static_cast<std::size_t>(section)))) {
        first->SetFocus();
    }
}

std::optional<IntakeDialog::Section> IntakeDialog::SectionOf(wxWindow* control) const {
    for (wxWindow* window = control; window != nullptr; window = window->GetParent()) {
        if (window->GetParent() == m_pages) {
            const int page = m_pages->FindPage(window);
            if (page >= 0) {
                return static_cast<Section>(page);
            }
        }
        if (window == this) {
            break;
        }
    }
    return std::nullopt;
}

void IntakeDialog::OnSectionButton(wxCommandEvent& event) {
    for (std::size_t i = 0; i < kSectionCount; ++i) {
        if (event.GetEventObject() == m_section_buttons[i]) {
            GoToSection(static_cast<Section>(i));
            return;
        }
    }
}

bool IntakeDialog::HandleKey(wxKeyEvent& event) {
    // The sections' mnemonics (Alt+H...) also from controls that keep Alt+letter from GTK,
    // such as the text of a date picker.
    if (event.GetModifiers() == wxMOD_ALT && event.GetKeyCode() < 128 &&
        std::isalpha(event.GetKeyCode())) {
        const auto letter = static_cast<wxChar>(std::toupper(event.GetKeyCode()));
        for (std::size_t i = 0; i < kSectionCount; ++i) {
            if (Mnemonic(m_section_labels[i]) == letter) {
                GoToSection(static_cast<Section>(i));
                return true;
            }
        }
    }
    if (event.GetModifiers() != wxMOD_CONTROL) {
        return false;
    }
    const auto index = static_cast<std::size_t>(CurrentSection());
    if (event.GetKeyCode() == WXK_PAGEDOWN) {
        if (index + 1 < kSectionCount) {
            GoToSection(static_cast<Section>(index + 1));
        }
        return true;
    }
    if (event.GetKeyCode() == WXK_PAGEUP) {
        if (index > 0) {
            GoToSection(static_cast<Section>(index - 1));
        }
        return true;
    }
    return false;
}

wxCheckBox* IntakeDialog::ConditionBox(core::ConditionCode condition) const {
    return m_health->ConditionBox(condition);
}

// --- Data ---

bool IntakeDialog::TransferDataToWindow() {
    m_taken_on->SetDate(m_intake.taken_on);
    for (IntakePage* page : m_page_of) {
        page->Load(m_client, m_intake);
    }
    return true;
}

IntakeDialog::Reading IntakeDialog::ReadControls() const {
    Reading reading{m_client, m_intake, {}};
    reading.intake.taken_on =
        intake_fields::ReadDate(*m_taken_on, "taken_on", reading.problems, true).value_or(m_today);
    for (const IntakePage* page : m_page_of) {
        page->Read(reading.client, reading.intake, reading.problems);
    }
    return reading;
}

bool IntakeDialog::IsModified() const {
    const Reading now = ReadControls();
    return !(now.client == m_initial.client && now.intake == m_initial.intake &&
             now.problems == m_initial.problems);
}

bool IntakeDialog::TransferDataFromWindow() {
    Reading reading = ReadControls();
    m_problems = std::move(reading.problems);
    // What core finds, except on fields already reported as unreadable.
    const auto already_reported = [&](const core::ValidationProblem& problem) {
        return std::any_of(
            m_problems.begin(), m_problems.end(),
            [&](const core::ValidationProblem& p) { return p.field == problem.field; });
    };
    core::ValidationProblems found = core::ValidateClient(reading.client, m_today);
    for (core::ValidationProblem& problem : core::ValidateIntake(reading.intake, m_today)) {
        found.push_back(std::move(problem));
    }
    for (core::ValidationProblem& problem : found) {
        if (!already_reported(problem)) {
            m_problems.push_back(std::move(problem));
        }
    }
    SortProblemsInFormOrder();
    ShowProblems();
    if (!m_problems.empty()) {
        return false;
    }
    m_client = std::move(reading.client);
    m_intake = std::move(reading.intake);
    return true;
}

void IntakeDialog::SortProblemsInFormOrder() {
    // So that the cursor goes to the first one.
    const auto rank = [this](const core::ValidationProblem& problem) {
        const auto section = SectionOf(ControlFor(problem.field));
        return section ? static_cast<int>(*section) : -1;
    };
    std::stable_sort(m_problems.begin(), m_problems.end(),
                     [&](const core::ValidationProblem& a, const core::ValidationProblem& b) {
                         return rank(a) < rank(b);
                     });
}

// --- Problems ---

wxWindow* IntakeDialog::ControlFor(std::string_view name) const {
    if (name == "taken_on") {
        return m_taken_on;
    }
    for (const IntakePage* page : m_page_of) {
        if (wxWindow* control = page->ControlFor(name)) {
            return control;
        }
    }
    return nullptr;
}

FormRowsPanel* IntakeDialog::ListEditor(std::string_view path) const {
    for (const IntakePage* page : m_page_of) {
        for (FormRowsPanel* list : page->Lists()) {
            if (list->Path() == path) {
                return list;
            }
        }
    }
    return nullptr;
}

wxString IntakeDialog::ProblemText() const {
    return m_problem_panel->Text();
}

void IntakeDialog::MarkSectionsWithProblems() {
    std::array<bool, kSectionCount> bad{};
    for (const core::ValidationProblem& problem : m_problems) {
        wxWindow* control = ControlFor(problem.field);
        const auto section = SectionOf(control);
        if (control != nullptr && !section) {
            continue;  // the intake date, above every section: marked where it is
        }
        bad[static_cast<std::size_t>(section.value_or(Section::kContact))] = true;
    }
    for (std::size_t i = 0; i < kSectionCount; ++i) {
        // TRANSLATORS: a section of the intake form that has something to fix.
        m_section_buttons[i]->SetLabel(bad[i] ? wxString::Format(_("%s  ⚠"), m_section_labels[i])
                                              : m_section_labels[i]);
    }
}

void IntakeDialog::ShowProblems(const std::vector<wxString>& extra) {
    MarkSectionsWithProblems();
    ProblemDisplay display;
    display.heading_one = _("This intake cannot be saved yet:");
    display.heading_many = _("This intake cannot be saved yet. Please check:");
    display.message = [this](const core::ValidationProblem& problem) {
        // A date field keeps what was typed; the message quotes it and shows the forms.
        const auto* date = dynamic_cast<const DateField*>(ControlFor(problem.field));
        if (problem.code == core::ProblemCode::kInvalidDate && date != nullptr &&
            date->IsUnreadable()) {
            return date->UnreadableMessage(FieldLabel(problem.field));
        }
        if (problem.code == core::ProblemCode::kWrongType) {
            return wxString::Format(_("%s: enter a number, for example 42.5."),
                                    FieldLabel(problem.field));
        }
        return ProblemMessage(problem);
    };
    display.control_for = [this](std::string_view field) { return ControlFor(field); };
    FormDialog::ShowProblems(*m_problem_panel, m_problems, display, extra);
}

void IntakeDialog::RevealField(wxWindow* field) {
    const auto section = SectionOf(field);
    if (section) {
        ShowSection(*section);
    }
    auto* page = dynamic_cast<wxScrolledWindow*>(
        m_pages->GetPage(static_cast<std::size_t>(CurrentSection())));
    if (field == nullptr || page == nullptr || !IsShownOnScreen()) {
        return;
    }
    // Scrolled into view.
    int x = 0;
    int y = 0;
    page->CalcUnscrolledPosition(0, 0, &x, &y);
    const wxPoint where = page->ScreenToClient(field->GetScreenPosition());
    int unit_x = 0;
    int unit_y = 1;
    page->GetScrollPixelsPerUnit(&unit_x, &unit_y);
    if (unit_y > 0 && (where.y < 0 || where.y > page->GetClientSize().y - FromDIP(30))) {
        page->Scroll(-1, std::max(0, (y + where.y - FromDIP(40)) / unit_y));
    }
}

// --- Saving ---

bool IntakeDialog::Save() {
    if (!m_save) {
        return true;
    }
    core::Client client = m_client;
    core::Intake intake = m_intake;
    try {
        m_save(client, intake);
    } catch (const db::ValidationError& error) {
        m_problems = error.Problems();
        ShowProblems();
        return false;
    } catch (const db::DatabaseError& error) {
        if (FailureOf(error) == DatabaseFailure::kConflict) {
            // The client's record changed at another desk: the Contact section shows it as
            // saved now, to be checked and saved again.
            std::optional<core::Client> fresh = m_reload ? m_reload() : std::nullopt;
            ShowErrorMessage(this,
                             _("The intake could not be saved. The Contact section now shows "
                               "the client's record as it is saved; check it and save again."),
                             error, _("Intake"));
            if (fresh) {
                m_client = std::move(*fresh);
                m_contact->LoadClient(m_client);
                ShowSection(Section::kContact);
            }
            return false;
        }
        ShowErrorMessage(this,
                         _("The intake could not be saved. What you entered is still in the "
                           "window."),
                         error, _("Intake"));
        return false;
    }
    m_client = std::move(client);
    m_intake = std::move(intake);
    return true;
}

}  // namespace myodesk::app
