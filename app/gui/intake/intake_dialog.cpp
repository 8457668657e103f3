#include "intake/intake_dialog.h"

#include "common/code_names.h"
#include "common/discard_confirmation.h"
#include "common/error_message.h"
#include "common/form_rows_panel.h"
#include "common/problem_message.h"
#include "common/problem_panel.h"
#include "common/wx_conversions.h"

#include <myodesk/core/client_validation.h>
#include <myodesk/core/codes.h>
#include <myodesk/core/intake_validation.h>
#include <myodesk/core/text.h>
#include <myodesk/db/errors.h>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/datectrl.h>
#include <wx/display.h>
#include <wx/intl.h>
#include <wx/panel.h>
#include <wx/radiobox.h>
#include <wx/radiobut.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/statline.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/tglbtn.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <utility>

namespace myodesk::app {

namespace {

using Section = IntakeDialog::Section;
namespace field = core::client_field;

constexpr int kMaxRunsPerWeek = 14;
constexpr int kMaxPregnancyWeeks = 42;

// Column order of each list's rows.
namespace regional_column {
constexpr std::size_t kCode = 0, kRegion = 1, kSide = 2, kSince = 3;
}
namespace medication_column {
constexpr std::size_t kName = 0, kClass = 1;
}
namespace event_column {
constexpr std::size_t kDate = 0, kKind = 1, kRegion = 2, kSide = 3, kDescription = 4;
}
namespace run_column {
constexpr std::size_t kDate = 0, kDistance = 1, kType = 2;
}
namespace soreness_column {
constexpr std::size_t kRegion = 0, kSide = 1, kPain = 2;
}
namespace avoid_column {
constexpr std::size_t kRegion = 0, kSide = 1;
}

wxString ChoosePlaceholder() {
    return _("Choose…");
}

wxString NonePlaceholder() {
    return wxString::FromUTF8("—");
}

// A choice of a code's values in words, with a first item that stands for "nothing chosen".
template <typename Enum>
wxChoice* NewCodeChoice(wxWindow* parent, const std::vector<Enum>& values,
                        const wxString& placeholder) {
    wxArrayString items;
    items.Add(placeholder);
    for (const Enum value : values) {
        items.Add(NameOf(value));
    }
    auto* choice = new wxChoice(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, items);
    choice->SetSelection(0);
    return choice;
}

template <typename Enum>
std::optional<Enum> SelectedCode(const wxChoice* choice, const std::vector<Enum>& values) {
    const int selection = choice->GetSelection();
    if (selection <= 0 || static_cast<std::size_t>(selection) > values.size()) {
        return std::nullopt;
    }
    return values[static_cast<std::size_t>(selection - 1)];
}

template <typename Enum>
void SelectCode(wxChoice* choice, const std::vector<Enum>& values,
                const std::optional<Enum>& value) {
    int selection = 0;
    if (value) {
        const auto found = std::find(values.begin(), values.end(), *value);
        if (found != values.end()) {
            selection = static_cast<int>(found - values.begin()) + 1;
        }
    }
    choice->SetSelection(selection);
}

// A choice of whole numbers first..last after a placeholder item.
wxChoice* NewNumberChoice(wxWindow* parent, const wxString& placeholder, int first, int last) {
    wxArrayString items;
    items.Add(placeholder);
    for (int value = first; value <= last; ++value) {
        items.Add(wxString::Format("%d", value));
    }
    auto* choice = new wxChoice(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, items);
    choice->SetSelection(0);
    return choice;
}

std::optional<int> SelectedNumber(const wxChoice* choice, int first) {
    const int selection = choice->GetSelection();
    if (selection <= 0) {
        return std::nullopt;
    }
    return first + selection - 1;
}

void SelectNumber(wxChoice* choice, int first, const std::optional<int>& value) {
    const int selection = value ? *value - first + 1 : 0;
    choice->SetSelection(
        selection >= 0 && selection < static_cast<int>(choice->GetCount()) ? selection : 0);
}

wxChoice* NewPainChoice(wxWindow* parent) {
    wxArrayString items;
    items.Add(ChoosePlaceholder());
    for (int pain = 0; pain <= 10; ++pain) {
        items.Add(PainText(pain));
    }
    auto* choice = new wxChoice(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, items);
    choice->SetSelection(0);
    return choice;
}

wxDatePickerCtrl* NewDatePicker(wxWindow* parent, bool allow_none) {
    long style = wxDP_DROPDOWN | wxDP_SHOWCENTURY;
    if (allow_none) {
        style |= wxDP_ALLOWNONE;
    }
    return new wxDatePickerCtrl(parent, wxID_ANY, wxDefaultDateTime, wxDefaultPosition,
                                wxDefaultSize, style);
}

void SetDate(wxDatePickerCtrl& picker, const std::optional<core::Date>& date) {
    picker.SetValue(date ? ToWxDate(*date) : wxDefaultDateTime);
}

std::string Line(const wxTextCtrl* text) {
    return core::Trim(ToUtf8(text->GetValue()));
}

// A distance typed in the chosen unit, stored in km; the text shows it back in that unit.
wxString DistanceText(const std::optional<double>& km, core::DistanceUnit unit) {
    if (!km) {
        return {};
    }
    return FormatNumber(unit == core::DistanceUnit::kMi ? core::KmToMiles(*km) : *km, 3);
}

std::string Path(std::string_view list, std::size_t row, std::string_view leaf) {
    std::string path(list);
    path += '[';
    path += std::to_string(row);
    path += "].";
    path += leaf;
    return path;
}

void AddProblem(core::ValidationProblems& problems, std::string path, core::ProblemCode code) {
    core::ValidationProblem problem;
    problem.field = std::move(path);
    problem.code = code;
    problems.push_back(std::move(problem));
}

wxStaticText* NewGreyText(wxWindow* parent, const wxString& text) {
    auto* label = new wxStaticText(parent, wxID_ANY, text);
    label->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    return label;
}

wxSizerFlags LabelFlags() {
    return wxSizerFlags().Left().CentreVertical();
}

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

// The statement the client accepts, shown on the consent page.
wxString ConsentStatement() {
    return _(
        "I have given accurate information about my health to the best of my knowledge and "
        "will tell my therapist about any change. I understand that massage therapy does not "
        "replace medical examination, diagnosis or treatment, and that my therapist does not "
        "diagnose illness or prescribe medication. I may ask at any time for the pressure to "
        "be changed or for the session to stop. I consent to receive massage therapy.");
}

}  // namespace

// --- Construction ---

IntakeDialog::IntakeDialog(wxWindow* parent, core::Client client, core::Intake intake,
                           const core::Date& today, std::optional<core::Date> renewed_from,
                           SaveFunction save, ReloadFunction reload)
    : wxDialog(parent, wxID_ANY,
               wxString::Format(renewed_from ? _("Renew intake: %s") : _("New intake: %s"),
                                ToWx(core::DisplayName(client))),
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_client(std::move(client)),
      m_intake(std::move(intake)),
      m_today(today),
      m_save(std::move(save)),
      m_reload(std::move(reload)) {
    SetName("IntakeDialog");
    for (const core::ConditionCode condition : core::AllValues<core::ConditionCode>()) {
        if (core::IsRegional(condition)) {
            m_regional_conditions.push_back(condition);
        }
    }
    CreateControls(renewed_from);

    Bind(wxEVT_BUTTON, &IntakeDialog::OnSaveButton, this, wxID_SAVE);
    Bind(wxEVT_BUTTON, &IntakeDialog::OnCancelButton, this, wxID_CANCEL);
    Bind(wxEVT_CHAR_HOOK, &IntakeDialog::OnCharHook, this);

    TransferDataToWindow();
    m_initial = ReadControls();
    ShowSection(Section::kContact);

    // Big enough for the longest page, never bigger than the screen.
    wxSize size = FromDIP(wxSize(1100, 760));
    const int display = wxDisplay::GetFromWindow(parent != nullptr ? parent : this);
    const wxRect area =
        wxDisplay(display == wxNOT_FOUND ? 0u : static_cast<unsigned>(display)).GetClientArea();
    size.x = std::min(size.x, area.width - FromDIP(40));
    size.y = std::min(size.y, area.height - FromDIP(40));
    SetMinSize(FromDIP(wxSize(760, 480)));
    SetSize(size);
    CentreOnParent();
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
    // Header: the date the intake is taken and where it was copied from.
    auto* header = new wxBoxSizer(wxHORIZONTAL);
    auto* taken_label = new wxStaticText(this, wxID_ANY, _("Intake &date"));
    header->Add(taken_label, LabelFlags().Border(wxRIGHT, FromDIP(8)));
    m_taken_on = NewDatePicker(this, false);
    m_taken_on->SetName("taken_on");
    m_controls.emplace("taken_on", m_taken_on);
    header->Add(m_taken_on, wxSizerFlags().CentreVertical());
    wxString note = _("Fill in each section with the client, from Contact to Consent.");
    if (renewed_from) {
        note = wxString::Format(_("Copied from the intake of %s: go through each section with "
                                  "the client. Consent is given again."),
                                FormatReadableDate(*renewed_from));
    }
    auto* note_text = NewGreyText(this, note);
    header->Add(note_text, wxSizerFlags(1).CentreVertical().Border(wxLEFT, FromDIP(16)));

    // The pages, created before the section buttons so that Tab goes from the date into the
    // page, then to the buttons at the bottom; the section buttons have mnemonics.
    m_pages = new wxSimplebook(this);
    CreateContactPage();
    CreateHealthPage();
    CreateMedicationsPage();
    CreateHistoryPage();
    CreateRunnerPage();
    CreateSorenessPage();
    CreatePreferencesPage();
    CreateConsentPage();

    m_problem_panel = new ProblemPanel(this, ProblemPanel::Style::kTinted);

    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    m_previous = new wxButton(this, wxID_BACKWARD, _("◂ Pre&vious"));
    m_next = new wxButton(this, wxID_FORWARD, _("&Next ▸"));
    m_previous->SetToolTip(_("Previous section (Ctrl+Page Up)"));
    m_next->SetToolTip(_("Next section (Ctrl+Page Down)"));
    m_previous->Bind(wxEVT_BUTTON, &IntakeDialog::OnPreviousButton, this);
    m_next->Bind(wxEVT_BUTTON, &IntakeDialog::OnNextButton, this);
    auto* cancel = new wxButton(this, wxID_CANCEL);
    auto* save = new wxButton(this, wxID_SAVE, _("&Save"));
    save->SetToolTip(_("Save this intake as a new version (Ctrl+S)"));
    buttons->Add(m_previous, wxSizerFlags().CentreVertical());
    buttons->AddSpacer(FromDIP(6));
    buttons->Add(m_next, wxSizerFlags().CentreVertical());
    buttons->AddStretchSpacer();
    buttons->Add(cancel, wxSizerFlags().CentreVertical());
    buttons->AddSpacer(FromDIP(6));
    buttons->Add(save, wxSizerFlags().CentreVertical());

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
    auto* keys = NewGreyText(panel, _("Ctrl+Page Down: next section\nCtrl+S: save"));
    sizer->Add(keys, wxSizerFlags().Border(wxTOP, FromDIP(8)));
    panel->SetSizer(sizer);
    return panel;
}

wxScrolledWindow* IntakeDialog::NewPage(const wxString& title, const wxString& help,
                                        wxSizer*& content) {
    auto* page = new wxScrolledWindow(m_pages, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                      wxVSCROLL | wxHSCROLL | wxTAB_TRAVERSAL);
    // Scrolls only when the dialog is smaller than the page (a small screen).
    page->SetScrollRate(FromDIP(12), FromDIP(12));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* heading = new wxStaticText(page, wxID_ANY, wxStripMenuCodes(title));
    heading->SetFont(heading->GetFont().Scaled(1.25f).Bold());
    sizer->Add(heading, wxSizerFlags().Border(wxBOTTOM, FromDIP(4)));
    if (!help.empty()) {
        auto* help_text = NewGreyText(page, help);
        help_text->Wrap(FromDIP(720));
        sizer->Add(help_text, wxSizerFlags().Border(wxBOTTOM, FromDIP(10)));
    }
    content = new wxBoxSizer(wxVERTICAL);
    sizer->Add(content, wxSizerFlags(1).Expand().Border(wxRIGHT, FromDIP(12)));
    page->SetSizer(sizer);
    m_pages->AddPage(page, wxStripMenuCodes(title));
    return page;
}

void IntakeDialog::CreateContactPage() {
    wxSizer* content = nullptr;
    wxWindow* page = NewPage(
        _("Contact"),
        wxString::Format(_("How to reach %s and who to call in an emergency. Changes here are "
                           "saved to the client's record with the intake."),
                         ToWx(core::DisplayName(m_client))),
        content);
    using Limits = core::ClientLimits;
    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(12, 8)));
    grid->AddGrowableCol(1, 1);
    const auto add_text = [&](std::string_view name, std::size_t limit, bool multi_line) {
        auto* label = new wxStaticText(page, wxID_ANY, FieldLabel(name));
        grid->Add(label, multi_line ? wxSizerFlags().Left().Top().Border(wxTOP, FromDIP(4))
                                    : LabelFlags());
        auto* text =
            new wxTextCtrl(page, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                           multi_line ? wxTE_MULTILINE : 0, wxDefaultValidator, ToWx(name));
        if (multi_line) {
            text->SetMinSize(wxSize(-1, text->GetCharHeight() * 4 + FromDIP(12)));
        } else {
            text->SetMaxLength(static_cast<unsigned long>(limit));
        }
        grid->Add(text, wxSizerFlags().Expand());
        m_controls.emplace(std::string(name), text);
        return text;
    };
    m_phone = add_text(field::kPhone, Limits::kPhone, false);
    m_email = add_text(field::kEmail, Limits::kEmail, false);
    m_email->SetHint(_("name@example.com"));
    m_address = add_text(field::kAddress, Limits::kAddress, true);
    m_emergency_name = add_text(field::kEmergencyContactName, Limits::kContactName, false);
    m_emergency_name->SetHint(_("name and relationship, e.g. Sam Smith (partner)"));
    m_emergency_phone = add_text(field::kEmergencyContactPhone, Limits::kPhone, false);
    m_physician = add_text(field::kPhysician, Limits::kPhysician, false);
    m_physician->SetHint(_("name and practice"));
    content->Add(grid, wxSizerFlags().Expand());
}

void IntakeDialog::CreateHealthPage() {
    wxSizer* content = nullptr;
    wxWindow* page =
        NewPage(_("Health history"),
                _("Tick what the client has now, or had and still affects them. Conditions "
                  "in one place on the body (such as bruising or varicose veins) are listed "
                  "under the checklist: choose where."),
                content);

    std::map<core::BodySystem, wxStaticBoxSizer*> boxes;
    for (const core::BodySystem system : core::AllValues<core::BodySystem>()) {
        boxes[system] = new wxStaticBoxSizer(wxVERTICAL, page, NameOf(system));
    }
    for (const core::ConditionCode condition : core::AllValues<core::ConditionCode>()) {
        wxStaticBoxSizer* box = boxes.at(core::SystemOf(condition));
        auto* check = new wxCheckBox(box->GetStaticBox(), wxID_ANY, NameOf(condition));
        check->SetName("condition." + std::string(core::ToCode(condition)));
        check->Bind(wxEVT_CHECKBOX, &IntakeDialog::OnConditionBox, this);
        if (core::IsRegional(condition)) {
            check->SetToolTip(_("Ticking this adds a row below to say where on the body."));
        }
        m_condition_boxes[condition] = check;
        box->Add(check, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(2)));
    }
    // Pregnancy, with the reproductive system.
    wxStaticBoxSizer* reproductive = boxes.at(core::BodySystem::kReproductive);
    auto* pregnancy_row = new wxBoxSizer(wxHORIZONTAL);
    m_pregnant = new wxCheckBox(reproductive->GetStaticBox(), wxID_ANY, _("Pregnant"));
    m_pregnant->SetName("health.pregnant");
    m_pregnant->Bind(wxEVT_CHECKBOX, &IntakeDialog::OnPregnantBox, this);
    m_controls.emplace("health.pregnant", m_pregnant);
    pregnancy_row->Add(m_pregnant, wxSizerFlags().CentreVertical());
    pregnancy_row->Add(new wxStaticText(reproductive->GetStaticBox(), wxID_ANY, _("weeks")),
                       wxSizerFlags().CentreVertical().Border(wxLEFT, FromDIP(10)));
    m_pregnancy_weeks =
        NewNumberChoice(reproductive->GetStaticBox(), _("not known"), 1, kMaxPregnancyWeeks);
    m_pregnancy_weeks->SetName("health.pregnancy_weeks");
    m_controls.emplace("health.pregnancy_weeks", m_pregnancy_weeks);
    pregnancy_row->Add(m_pregnancy_weeks, wxSizerFlags().CentreVertical().Border(wxLEFT, 6));
    reproductive->Add(pregnancy_row, wxSizerFlags().Border(wxALL, FromDIP(3)));

    for (auto& [system, box] : boxes) {
        box->AddSpacer(FromDIP(4));
    }
    // Three columns, the boxes stacked so that the columns come out about as tall.
    using core::BodySystem;
    const std::vector<std::vector<BodySystem>> columns = {
        {BodySystem::kGeneral, BodySystem::kMusculoskeletal, BodySystem::kDigestive},
        {BodySystem::kSkin, BodySystem::kNervous, BodySystem::kReproductive},
        {BodySystem::kCardiovascular},
    };
    auto* checklist = new wxBoxSizer(wxHORIZONTAL);
    for (std::size_t c = 0; c < columns.size(); ++c) {
        auto* column = new wxBoxSizer(wxVERTICAL);
        for (std::size_t b = 0; b < columns[c].size(); ++b) {
            column->Add(boxes.at(columns[c][b]),
                        wxSizerFlags().Expand().Border(wxTOP, b == 0 ? 0 : FromDIP(8)));
        }
        checklist->Add(column, wxSizerFlags(1).Border(wxLEFT, c == 0 ? 0 : FromDIP(10)));
    }
    content->Add(checklist, wxSizerFlags().Expand());

    // Where on the body, for the regional conditions.
    wxString regional_names;
    for (std::size_t i = 0; i < m_regional_conditions.size(); ++i) {
        if (i > 0) {
            // TRANSLATORS: between the last two items of a list: "bruising or varicose veins".
            regional_names << (i + 1 == m_regional_conditions.size() ? _(" or ") : ", ");
        }
        regional_names << NameOf(m_regional_conditions[i]).Lower();
    }
    auto* where = new wxStaticBoxSizer(wxVERTICAL, page, _("Conditions on the body"));
    m_regional = new FormRowsPanel(
        where->GetStaticBox(), "health.conditions",
        {{_("Condition"), "code", 150, false},
         {_("Region"), "region", 140, false},
         {_("Side"), "side", 110, false},
         {_("Since (optional)"), "since", 130, false}},
        [this](wxWindow* parent) -> std::vector<wxWindow*> {
            auto* code = NewCodeChoice(parent, m_regional_conditions, ChoosePlaceholder());
            code->Bind(wxEVT_CHOICE, [this](wxCommandEvent& event) {
                SyncConditionBoxes();
                event.Skip();
            });
            return {code,
                    NewCodeChoice(parent, core::AllValues<core::Region>(), ChoosePlaceholder()),
                    NewCodeChoice(parent, core::AllValues<core::Side>(), ChoosePlaceholder()),
                    NewDatePicker(parent, true)};
        },
        _("Add a place"),
        wxString::Format(_("Nothing here. Ticking %s adds a row to say where."), regional_names));
    m_regional->SetOnRowsChanged([this] { SyncConditionBoxes(); });
    m_lists.push_back(m_regional);
    where->Add(m_regional, wxSizerFlags().Expand().Border(wxALL, FromDIP(6)));
    content->Add(where, wxSizerFlags().Expand().Border(wxTOP, FromDIP(10)));
}

void IntakeDialog::CreateMedicationsPage() {
    wxSizer* content = nullptr;
    wxWindow* page = NewPage(_("Medications and allergies"),
                             _("Blood thinners, steroids, painkillers, muscle relaxants and "
                               "anti-inflammatories change how you can work: choose what kind "
                               "each medication is."),
                             content);
    auto* box = new wxStaticBoxSizer(wxVERTICAL, page, _("Medications"));
    m_medications = new FormRowsPanel(
        box->GetStaticBox(), "health.medications",
        {{_("Name"), "name", 220, true}, {_("Kind"), "class", 250, false}},
        [](wxWindow* parent) -> std::vector<wxWindow*> {
            auto* name = new wxTextCtrl(parent, wxID_ANY);
            name->SetHint(_("e.g. warfarin"));
            return {name, NewCodeChoice(parent, core::AllValues<core::MedicationClass>(),
                                        ChoosePlaceholder())};
        },
        _("Add a medication"), _("No medications."));
    m_lists.push_back(m_medications);
    box->Add(m_medications, wxSizerFlags().Expand().Border(wxALL, FromDIP(6)));
    content->Add(box, wxSizerFlags().Expand());

    auto* allergies_box = new wxStaticBoxSizer(
        wxVERTICAL, page, _("Allergies and sensitivities (e.g. nut oils, latex, lanolin)"));
    m_allergies =
        new wxTextCtrl(allergies_box->GetStaticBox(), wxID_ANY, wxString(), wxDefaultPosition,
                       wxDefaultSize, wxTE_MULTILINE, wxDefaultValidator, "health.allergies");
    m_allergies->SetMinSize(wxSize(-1, m_allergies->GetCharHeight() * 3 + FromDIP(12)));
    m_controls.emplace("health.allergies", m_allergies);
    allergies_box->Add(m_allergies, wxSizerFlags().Expand().Border(wxALL, FromDIP(6)));
    content->Add(allergies_box, wxSizerFlags().Expand().Border(wxTOP, FromDIP(10)));
}

void IntakeDialog::CreateHistoryPage() {
    wxSizer* content = nullptr;
    wxWindow* page = NewPage(_("Surgeries and injuries"),
                             _("With dates: a surgery in the last six weeks, an acute injury in "
                               "the last week or a fracture in the last six weeks means avoiding "
                               "that area."),
                             content);
    const auto add_list = [&](const wxString& title, std::string path, bool injuries,
                              const wxString& add_label, const wxString& empty_text) {
        auto* box = new wxStaticBoxSizer(wxVERTICAL, page, title);
        auto* list = new FormRowsPanel(
            box->GetStaticBox(), std::move(path),
            {{_("Date"), "date", 115, false},
             {injuries ? _("Kind") : _("Operation"), "kind", 150, false},
             {_("Region"), "region", 115, false},
             {_("Side"), "side", 95, false},
             {_("Notes"), "description", 130, true}},
            [injuries](wxWindow* parent) -> std::vector<wxWindow*> {
                wxWindow* kind = nullptr;
                if (injuries) {
                    kind = NewCodeChoice(parent, core::AllValues<core::InjuryKind>(),
                                         ChoosePlaceholder());
                    kind->SetToolTip(
                        _("Acute: a sprain, strain or knock. An acute injury in the last week "
                          "or a fracture in the last six weeks means avoiding that area."));
                } else {
                    auto* text = new wxTextCtrl(parent, wxID_ANY);
                    text->SetHint(_("e.g. knee arthroscopy"));
                    kind = text;
                }
                return {NewDatePicker(parent, true), kind,
                        NewCodeChoice(parent, core::AllValues<core::Region>(), NonePlaceholder()),
                        NewCodeChoice(parent, core::AllValues<core::Side>(), NonePlaceholder()),
                        new wxTextCtrl(parent, wxID_ANY)};
            },
            add_label, empty_text);
        m_lists.push_back(list);
        box->Add(list, wxSizerFlags().Expand().Border(wxALL, FromDIP(6)));
        return std::pair{box, list};
    };
    auto [surgeries_box, surgeries] =
        add_list(_("Surgeries"), "health.surgeries", false, _("Add a surgery"), _("No surgeries."));
    m_surgeries = surgeries;
    content->Add(surgeries_box, wxSizerFlags().Expand());
    auto [injuries_box, injuries] =
        add_list(_("Injuries"), "health.injuries", true, _("Add an injury"), _("No injuries."));
    m_injuries = injuries;
    content->Add(injuries_box, wxSizerFlags().Expand().Border(wxTOP, FromDIP(10)));
}

void IntakeDialog::CreateRunnerPage() {
    wxSizer* content = nullptr;
    wxWindow* page = NewPage(_("Runner profile"),
                             _("Training now and the race ahead. Enter distances in the unit "
                               "the client uses; MyoDesk converts them."),
                             content);
    auto* grid = new wxFlexGridSizer(4, FromDIP(wxSize(12, 8)));
    grid->AddGrowableCol(1, 1);
    grid->AddGrowableCol(3, 1);
    const auto label = [&](const wxString& text) {
        grid->Add(new wxStaticText(page, wxID_ANY, text), LabelFlags());
    };
    const auto distance = [&](std::string name, wxTextCtrl*& text) {
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        text = new wxTextCtrl(page, wxID_ANY, wxString(), wxDefaultPosition,
                              wxSize(FromDIP(90), -1), 0, wxDefaultValidator, name);
        m_controls.emplace(std::move(name), text);
        row->Add(text, wxSizerFlags().CentreVertical());
        auto* unit = new wxStaticText(page, wxID_ANY, NameOf(core::DistanceUnit::kKm));
        m_unit_labels.push_back(unit);
        row->Add(unit, wxSizerFlags().CentreVertical().Border(wxLEFT, FromDIP(6)));
        grid->Add(row, wxSizerFlags().Expand());
    };
    const auto add = [&](wxWindow* control, std::string name) {
        control->SetName(name);
        m_controls.emplace(std::move(name), control);
        grid->Add(control, wxSizerFlags().Expand());
    };

    label(_("Distances in"));
    auto* units = new wxBoxSizer(wxHORIZONTAL);
    m_units_km = new wxRadioButton(page, wxID_ANY, _("kilometres"), wxDefaultPosition,
                                   wxDefaultSize, wxRB_GROUP);
    m_units_mi = new wxRadioButton(page, wxID_ANY, _("miles"));
    m_units_km->SetName("runner.units.km");
    m_units_mi->SetName("runner.units.mi");
    m_controls.emplace("runner.units", m_units_km);
    m_units_km->Bind(wxEVT_RADIOBUTTON, &IntakeDialog::OnUnitsButton, this);
    m_units_mi->Bind(wxEVT_RADIOBUTTON, &IntakeDialog::OnUnitsButton, this);
    units->Add(m_units_km, wxSizerFlags().CentreVertical());
    units->Add(m_units_mi, wxSizerFlags().CentreVertical().Border(wxLEFT, FromDIP(12)));
    grid->Add(units);
    label(_("Runs per week"));
    m_runs_per_week = NewNumberChoice(page, NonePlaceholder(), 0, kMaxRunsPerWeek);
    add(m_runs_per_week, "runner.runs_per_week");

    label(_("Goal race"));
    m_race_name = new wxTextCtrl(page, wxID_ANY);
    m_race_name->SetHint(_("e.g. Berlin Marathon"));
    add(m_race_name, "runner.goal_race.name");
    label(_("Long-run day"));
    {
        std::vector<core::Weekday> days = core::AllValues<core::Weekday>();
        m_long_run_day = NewCodeChoice(page, days, NonePlaceholder());
        add(m_long_run_day, "runner.long_run_weekday");
    }

    label(_("Race date"));
    m_race_date = NewDatePicker(page, true);
    m_race_date->SetName("runner.goal_race.date");
    m_controls.emplace("runner.goal_race.date", m_race_date);
    grid->Add(m_race_date);
    label(_("Weekly distance now"));
    distance("runner.weekly_distance_km", m_weekly_distance);

    label(_("Race distance"));
    distance("runner.goal_race.distance_km", m_race_distance);
    m_race_distance->SetToolTip(_("Marathon 42.195 km (26.2 mi), half marathon 21.0975 km"));
    label(_("Longest run, last 30 days"));
    distance("runner.longest_run_30d_km", m_longest_run);

    label(_("Goal"));
    m_goal = NewCodeChoice(page, core::AllValues<core::RaceGoal>(), NonePlaceholder());
    add(m_goal, "runner.goal");
    content->Add(grid, wxSizerFlags().Expand());

    auto* box = new wxStaticBoxSizer(wxVERTICAL, page, _("Recent runs"));
    m_recent_runs = new FormRowsPanel(
        box->GetStaticBox(), "runner.recent_runs",
        {{_("Date"), "date", 130, false},
         {_("Distance (km)"), "distance_km", 90, false},
         {_("Type"), "type", 150, false}},
        [](wxWindow* parent) -> std::vector<wxWindow*> {
            return {NewDatePicker(parent, true), new wxTextCtrl(parent, wxID_ANY),
                    NewCodeChoice(parent, core::AllValues<core::RunType>(), ChoosePlaceholder())};
        },
        _("Add a run"), _("No recent runs entered."));
    m_lists.push_back(m_recent_runs);
    box->Add(m_recent_runs, wxSizerFlags().Expand().Border(wxALL, FromDIP(6)));
    content->Add(box, wxSizerFlags().Expand().Border(wxTOP, FromDIP(12)));
}

void IntakeDialog::CreateSorenessPage() {
    wxSizer* content = nullptr;
    wxWindow* page =
        NewPage(_("Soreness and areas to avoid"),
                _("Where it is sore today, with the client's own pain score from 0 (none) to 10 "
                  "(worst), and any area the client does not want worked on."),
                content);
    const auto region_side = [](wxWindow* parent) -> std::vector<wxWindow*> {
        return {NewCodeChoice(parent, core::AllValues<core::Region>(), ChoosePlaceholder()),
                NewCodeChoice(parent, core::AllValues<core::Side>(), ChoosePlaceholder())};
    };
    auto* sore_box = new wxStaticBoxSizer(wxVERTICAL, page, _("Soreness now"));
    m_soreness = new FormRowsPanel(
        sore_box->GetStaticBox(), "soreness",
        {{_("Region"), "region", 150, false},
         {_("Side"), "side", 120, false},
         {_("Pain (0–10)"), "pain", 140, false}},
        [region_side](wxWindow* parent) {
            std::vector<wxWindow*> row = region_side(parent);
            row.push_back(NewPainChoice(parent));
            return row;
        },
        _("Add a sore area"), _("Nothing sore today."));
    m_lists.push_back(m_soreness);
    sore_box->Add(m_soreness, wxSizerFlags().Expand().Border(wxALL, FromDIP(6)));
    content->Add(sore_box, wxSizerFlags().Expand());

    auto* avoid_box = new wxStaticBoxSizer(wxVERTICAL, page, _("Areas to avoid"));
    m_avoid =
        new FormRowsPanel(avoid_box->GetStaticBox(), "avoid_regions",
                          {{_("Region"), "region", 150, false}, {_("Side"), "side", 120, false}},
                          region_side, _("Add an area to avoid"), _("No areas to avoid."));
    m_lists.push_back(m_avoid);
    avoid_box->Add(m_avoid, wxSizerFlags().Expand().Border(wxALL, FromDIP(6)));
    content->Add(avoid_box, wxSizerFlags().Expand().Border(wxTOP, FromDIP(10)));
}

void IntakeDialog::CreatePreferencesPage() {
    wxSizer* content = nullptr;
    wxWindow* page = NewPage(_("Preferences"),
                             _("How firm the client likes the work, and anything else to know: "
                               "sensitivities, oils, what they hope massage will do for them."),
                             content);
    wxArrayString pressures;
    pressures.Add(_("Not stated"));
    for (const core::Pressure pressure : core::AllValues<core::Pressure>()) {
        pressures.Add(NameOf(pressure));
    }
    m_pressure =
        new wxRadioBox(page, wxID_ANY, _("Pressure"), wxDefaultPosition, wxDefaultSize, pressures,
                       0, wxRA_SPECIFY_COLS, wxDefaultValidator, "preferences.pressure");
    m_controls.emplace("preferences.pressure", m_pressure);
    content->Add(m_pressure, wxSizerFlags().Expand());

    auto* notes_box = new wxStaticBoxSizer(
        wxVERTICAL, page, _("Notes: sensitivities, oils, what the client hopes massage will do"));
    m_preference_notes =
        new wxTextCtrl(notes_box->GetStaticBox(), wxID_ANY, wxString(), wxDefaultPosition,
                       wxDefaultSize, wxTE_MULTILINE, wxDefaultValidator, "preferences.notes");
    m_preference_notes->SetMinSize(
        wxSize(-1, m_preference_notes->GetCharHeight() * 6 + FromDIP(12)));
    m_controls.emplace("preferences.notes", m_preference_notes);
    notes_box->Add(m_preference_notes, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(6)));
    content->Add(notes_box, wxSizerFlags(1).Expand().Border(wxTOP, FromDIP(10)));
}

void IntakeDialog::CreateConsentPage() {
    wxSizer* content = nullptr;
    wxWindow* page = NewPage(_("Consent"),
                             _("Let the client read the statement. The intake is saved only "
                               "when the client accepts it and types their name."),
                             content);
    auto* statement_box = new wxStaticBoxSizer(wxVERTICAL, page, _("Statement"));
    auto* statement = new wxStaticText(statement_box->GetStaticBox(), wxID_ANY, ConsentStatement());
    statement->SetFont(statement->GetFont().Scaled(1.1f));
    statement->Wrap(FromDIP(640));
    statement_box->Add(statement, wxSizerFlags().Expand().Border(wxALL, FromDIP(10)));
    content->Add(statement_box, wxSizerFlags().Expand());

    m_consent_accepted =
        new wxCheckBox(page, wxID_ANY, _("The client has read the statement and &accepts it"),
                       wxDefaultPosition, wxDefaultSize, 0, wxDefaultValidator, "consent.accepted");
    m_controls.emplace("consent.accepted", m_consent_accepted);
    m_controls.emplace("consent", m_consent_accepted);
    content->Add(m_consent_accepted, wxSizerFlags().Border(wxTOP | wxBOTTOM, FromDIP(12)));

    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(12, 8)));
    grid->AddGrowableCol(1, 1);
    grid->Add(new wxStaticText(page, wxID_ANY, _("Name, typed by the client")), LabelFlags());
    m_consent_name = new wxTextCtrl(page, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                                    wxDefaultValidator, "consent.signed_name");
    m_consent_name->SetHint(_("the client's full name"));
    m_controls.emplace("consent.signed_name", m_consent_name);
    grid->Add(m_consent_name, wxSizerFlags().Expand());
    grid->Add(new wxStaticText(page, wxID_ANY, _("Date")), LabelFlags());
    m_consent_date = NewDatePicker(page, true);
    m_consent_date->SetName("consent.signed_on");
    m_controls.emplace("consent.signed_on", m_consent_date);
    grid->Add(m_consent_date);
    content->Add(grid, wxSizerFlags().Expand());
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
            ShowSection(static_cast<Section>(i));
            FocusFirstControl(static_cast<Section>(i));
            return;
        }
    }
}

void IntakeDialog::OnPreviousButton(wxCommandEvent&) {
    const auto index = static_cast<std::size_t>(CurrentSection());
    if (index > 0) {
        ShowSection(static_cast<Section>(index - 1));
        FocusFirstControl(CurrentSection());
    }
}

void IntakeDialog::OnNextButton(wxCommandEvent&) {
    const auto index = static_cast<std::size_t>(CurrentSection());
    if (index + 1 < kSectionCount) {
        ShowSection(static_cast<Section>(index + 1));
        FocusFirstControl(CurrentSection());
    }
}

void IntakeDialog::OnCharHook(wxKeyEvent& event) {
    // The sections' mnemonics (Alt+H...) also from controls that keep Alt+letter from GTK,
    // such as the text of a date picker.
    if (event.GetModifiers() == wxMOD_ALT && event.GetKeyCode() < 128 &&
        std::isalpha(event.GetKeyCode())) {
        const auto letter = static_cast<wxChar>(std::toupper(event.GetKeyCode()));
        for (std::size_t i = 0; i < kSectionCount; ++i) {
            const int amp = m_section_labels[i].Find('&');
            if (amp != wxNOT_FOUND &&
                static_cast<std::size_t>(amp) + 1 < m_section_labels[i].length() &&
                wxToupper(m_section_labels[i][static_cast<std::size_t>(amp) + 1]) == letter) {
                ShowSection(static_cast<Section>(i));
                FocusFirstControl(static_cast<Section>(i));
                return;
            }
        }
    }
    if (event.GetModifiers() == wxMOD_CONTROL) {
        switch (event.GetKeyCode()) {
            case 'S': {
                Save();
                return;
            }
            case WXK_PAGEDOWN: {
                wxCommandEvent next(wxEVT_BUTTON, wxID_FORWARD);
                OnNextButton(next);
                return;
            }
            case WXK_PAGEUP: {
                wxCommandEvent previous(wxEVT_BUTTON, wxID_BACKWARD);
                OnPreviousButton(previous);
                return;
            }
            default:
                break;
        }
    }
    event.Skip();
}

// --- Health checklist and its rows ---

wxCheckBox* IntakeDialog::ConditionBox(core::ConditionCode condition) const {
    const auto found = m_condition_boxes.find(condition);
    return found == m_condition_boxes.end() ? nullptr : found->second;
}

void IntakeDialog::OnConditionBox(wxCommandEvent& event) {
    core::ConditionCode condition{};
    bool found = false;
    for (const auto& [code, box] : m_condition_boxes) {
        if (box == event.GetEventObject()) {
            condition = code;
            found = true;
        }
    }
    if (!found || !core::IsRegional(condition)) {
        return;
    }
    if (event.IsChecked()) {
        AddRegionalConditionRow(condition);
    } else {
        // Unticked: its rows go.
        for (std::size_t row = m_regional->RowCount(); row-- > 0;) {
            const auto code = SelectedCode(
                m_regional->CellAs<wxChoice>(row, regional_column::kCode), m_regional_conditions);
            if (code == condition) {
                m_regional->RemoveRow(row);
            }
        }
    }
}

void IntakeDialog::AddRegionalConditionRow(core::ConditionCode condition) {
    const std::size_t row = m_regional->AddRow();
    SelectCode(m_regional->CellAs<wxChoice>(row, regional_column::kCode), m_regional_conditions,
               std::optional(condition));
}

void IntakeDialog::SyncConditionBoxes() {
    for (const core::ConditionCode condition : m_regional_conditions) {
        bool listed = false;
        for (std::size_t row = 0; row < m_regional->RowCount(); ++row) {
            listed =
                listed || SelectedCode(m_regional->CellAs<wxChoice>(row, regional_column::kCode),
                                       m_regional_conditions) == condition;
        }
        if (wxCheckBox* box = ConditionBox(condition)) {
            box->SetValue(listed);
        }
    }
}

void IntakeDialog::OnPregnantBox(wxCommandEvent& event) {
    m_pregnancy_weeks->Enable(event.IsChecked());
}

void IntakeDialog::OnUnitsButton(wxCommandEvent&) {
    UpdateUnitLabels();
}

void IntakeDialog::UpdateUnitLabels() {
    const core::DistanceUnit unit =
        m_units_mi->GetValue() ? core::DistanceUnit::kMi : core::DistanceUnit::kKm;
    for (wxStaticText* label : m_unit_labels) {
        label->SetLabel(NameOf(unit));
    }
    m_recent_runs->SetHeading(run_column::kDistance,
                              wxString::Format(_("Distance (%s)"), NameOf(unit)));
    m_pages->GetPage(static_cast<std::size_t>(Section::kRunner))->Layout();
}

// --- Data ---

bool IntakeDialog::TransferDataToWindow() {
    // Contact
    m_phone->ChangeValue(ToWx(m_client.phone));
    m_email->ChangeValue(ToWx(m_client.email));
    m_address->ChangeValue(ToWx(m_client.address));
    m_emergency_name->ChangeValue(ToWx(m_client.emergency_contact_name));
    m_emergency_phone->ChangeValue(ToWx(m_client.emergency_contact_phone));
    m_physician->ChangeValue(ToWx(m_client.physician));

    m_taken_on->SetValue(ToWxDate(m_intake.taken_on));

    // Health
    const core::Health& health = m_intake.health;
    m_regional->Clear();
    m_condition_since.clear();
    for (auto& [code, box] : m_condition_boxes) {
        box->SetValue(false);
    }
    for (const core::HealthCondition& condition : health.conditions) {
        if (core::IsRegional(condition.code)) {
            const std::size_t row = m_regional->AddRow();
            SelectCode(m_regional->CellAs<wxChoice>(row, regional_column::kCode),
                       m_regional_conditions, std::optional(condition.code));
            SelectCode(m_regional->CellAs<wxChoice>(row, regional_column::kRegion),
                       core::AllValues<core::Region>(), condition.region);
            SelectCode(m_regional->CellAs<wxChoice>(row, regional_column::kSide),
                       core::AllValues<core::Side>(), condition.side);
            SetDate(*m_regional->CellAs<wxDatePickerCtrl>(row, regional_column::kSince),
                    condition.since);
        } else {
            if (wxCheckBox* box = ConditionBox(condition.code)) {
                box->SetValue(true);
            }
            if (condition.since) {
                m_condition_since[condition.code] = *condition.since;
            }
        }
    }
    SyncConditionBoxes();
    m_pregnant->SetValue(health.pregnant);
    SelectNumber(m_pregnancy_weeks, 1, health.pregnancy_weeks);
    m_pregnancy_weeks->Enable(health.pregnant);

    m_medications->Clear();
    for (const core::Medication& medication : health.medications) {
        const std::size_t row = m_medications->AddRow();
        m_medications->CellAs<wxTextCtrl>(row, medication_column::kName)
            ->ChangeValue(ToWx(medication.name));
        SelectCode(m_medications->CellAs<wxChoice>(row, medication_column::kClass),
                   core::AllValues<core::MedicationClass>(),
                   std::optional(medication.medication_class));
    }
    m_allergies->ChangeValue(ToWx(health.allergies));

    const auto fill_events = [](FormRowsPanel* list, const std::vector<core::HealthEvent>& events,
                                bool injuries) {
        list->Clear();
        for (const core::HealthEvent& event : events) {
            const std::size_t row = list->AddRow();
            SetDate(*list->CellAs<wxDatePickerCtrl>(row, event_column::kDate), event.date);
            if (injuries) {
                SelectCode(list->CellAs<wxChoice>(row, event_column::kKind),
                           core::AllValues<core::InjuryKind>(),
                           core::FromCode<core::InjuryKind>(event.kind));
            } else {
                list->CellAs<wxTextCtrl>(row, event_column::kKind)->ChangeValue(ToWx(event.kind));
            }
            SelectCode(list->CellAs<wxChoice>(row, event_column::kRegion),
                       core::AllValues<core::Region>(), event.region);
            SelectCode(list->CellAs<wxChoice>(row, event_column::kSide),
                       core::AllValues<core::Side>(), event.side);
            list->CellAs<wxTextCtrl>(row, event_column::kDescription)
                ->ChangeValue(ToWx(event.description));
        }
    };
    fill_events(m_surgeries, health.surgeries, false);
    fill_events(m_injuries, health.injuries, true);

    // Runner profile, in the client's unit.
    const core::RunnerProfile& runner = m_intake.runner;
    const core::DistanceUnit unit = runner.units;
    m_units_km->SetValue(unit == core::DistanceUnit::kKm);
    m_units_mi->SetValue(unit == core::DistanceUnit::kMi);
    m_race_name->ChangeValue(ToWx(runner.goal_race.name));
    SetDate(*m_race_date, runner.goal_race.date);
    m_race_distance->ChangeValue(DistanceText(runner.goal_race.distance_km, unit));
    SelectCode(m_goal, core::AllValues<core::RaceGoal>(), runner.goal);
    SelectNumber(m_runs_per_week, 0, runner.runs_per_week);
    SelectCode(m_long_run_day, core::AllValues<core::Weekday>(), runner.long_run_weekday);
    m_weekly_distance->ChangeValue(DistanceText(runner.weekly_distance_km, unit));
    m_longest_run->ChangeValue(DistanceText(runner.longest_run_30d_km, unit));
    m_recent_runs->Clear();
    for (const core::RecentRun& run : runner.recent_runs) {
        const std::size_t row = m_recent_runs->AddRow();
        SetDate(*m_recent_runs->CellAs<wxDatePickerCtrl>(row, run_column::kDate), run.date);
        m_recent_runs->CellAs<wxTextCtrl>(row, run_column::kDistance)
            ->ChangeValue(DistanceText(run.distance_km, unit));
        SelectCode(m_recent_runs->CellAs<wxChoice>(row, run_column::kType),
                   core::AllValues<core::RunType>(), std::optional(run.type));
    }
    UpdateUnitLabels();

    // Soreness and areas to avoid
    m_soreness->Clear();
    for (const core::Soreness& sore : m_intake.soreness) {
        const std::size_t row = m_soreness->AddRow();
        SelectCode(m_soreness->CellAs<wxChoice>(row, soreness_column::kRegion),
                   core::AllValues<core::Region>(), std::optional(sore.region));
        SelectCode(m_soreness->CellAs<wxChoice>(row, soreness_column::kSide),
                   core::AllValues<core::Side>(), std::optional(sore.side));
        m_soreness->CellAs<wxChoice>(row, soreness_column::kPain)
            ->SetSelection(sore.pain >= 0 && sore.pain <= 10 ? sore.pain + 1 : 0);
    }
    m_avoid->Clear();
    for (const core::RegionSide& area : m_intake.avoid_regions) {
        const std::size_t row = m_avoid->AddRow();
        SelectCode(m_avoid->CellAs<wxChoice>(row, avoid_column::kRegion),
                   core::AllValues<core::Region>(), std::optional(area.region));
        SelectCode(m_avoid->CellAs<wxChoice>(row, avoid_column::kSide),
                   core::AllValues<core::Side>(), std::optional(area.side));
    }

    // Preferences and consent
    const auto& pressures = core::AllValues<core::Pressure>();
    int pressure = 0;
    if (m_intake.preferences.pressure) {
        const auto found =
            std::find(pressures.begin(), pressures.end(), *m_intake.preferences.pressure);
        pressure = found == pressures.end() ? 0 : static_cast<int>(found - pressures.begin()) + 1;
    }
    m_pressure->SetSelection(pressure);
    m_preference_notes->ChangeValue(ToWx(m_intake.preferences.notes));
    m_consent_accepted->SetValue(m_intake.consent.accepted);
    m_consent_name->ChangeValue(ToWx(m_intake.consent.signed_name));
    SetDate(*m_consent_date, m_intake.consent.signed_on);
    return true;
}

IntakeDialog::Reading IntakeDialog::ReadControls() const {
    using core::ProblemCode;
    Reading reading{m_client, m_intake, {}};
    core::Client& client = reading.client;
    core::Intake& intake = reading.intake;
    core::ValidationProblems& problems = reading.problems;

    client.phone = Line(m_phone);
    client.email = Line(m_email);
    client.address = ToUtf8(m_address->GetValue());
    client.emergency_contact_name = Line(m_emergency_name);
    client.emergency_contact_phone = Line(m_emergency_phone);
    client.physician = Line(m_physician);

    intake.taken_on = ToCoreDate(m_taken_on->GetValue()).value_or(m_today);

    // Health: the conditions on the body first (so that "health.conditions[i]" is row i of
    // their list), then the checklist in its order.
    core::Health& health = intake.health;
    health.conditions.clear();
    for (std::size_t row = 0; row < m_regional->RowCount() && !m_regional_conditions.empty();
         ++row) {
        core::HealthCondition condition;
        const auto code = SelectedCode(m_regional->CellAs<wxChoice>(row, regional_column::kCode),
                                       m_regional_conditions);
        if (code) {
            condition.code = *code;
        } else {
            AddProblem(problems, Path("health.conditions", row, "code"), ProblemCode::kRequired);
            condition.code = m_regional_conditions.front();
        }
        condition.region = SelectedCode(m_regional->CellAs<wxChoice>(row, regional_column::kRegion),
                                        core::AllValues<core::Region>());
        condition.side = SelectedCode(m_regional->CellAs<wxChoice>(row, regional_column::kSide),
                                      core::AllValues<core::Side>());
        condition.since = ToCoreDate(
            m_regional->CellAs<wxDatePickerCtrl>(row, regional_column::kSince)->GetValue());
        health.conditions.push_back(condition);
    }
    for (const core::ConditionCode code : core::AllValues<core::ConditionCode>()) {
        if (core::IsRegional(code) || !ConditionBox(code)->GetValue()) {
            continue;
        }
        core::HealthCondition condition;
        condition.code = code;
        if (const auto since = m_condition_since.find(code); since != m_condition_since.end()) {
            condition.since = since->second;
        }
        health.conditions.push_back(condition);
    }
    health.pregnant = m_pregnant->GetValue();
    health.pregnancy_weeks =
        health.pregnant ? SelectedNumber(m_pregnancy_weeks, 1) : std::optional<int>();

    health.medications.clear();
    for (std::size_t row = 0; row < m_medications->RowCount(); ++row) {
        core::Medication medication;
        medication.name = Line(m_medications->CellAs<wxTextCtrl>(row, medication_column::kName));
        const auto kind =
            SelectedCode(m_medications->CellAs<wxChoice>(row, medication_column::kClass),
                         core::AllValues<core::MedicationClass>());
        if (kind) {
            medication.medication_class = *kind;
        } else {
            AddProblem(problems, Path("health.medications", row, "class"), ProblemCode::kRequired);
        }
        health.medications.push_back(std::move(medication));
    }
    health.allergies = core::Trim(ToUtf8(m_allergies->GetValue()));

    const auto read_events = [&](const FormRowsPanel* list, bool injuries) {
        std::vector<core::HealthEvent> events;
        for (std::size_t row = 0; row < list->RowCount(); ++row) {
            core::HealthEvent event;
            if (const auto date = ToCoreDate(
                    list->CellAs<wxDatePickerCtrl>(row, event_column::kDate)->GetValue())) {
                event.date = *date;
            } else {
                AddProblem(problems, Path(list->Path(), row, "date"), ProblemCode::kRequired);
                event.date = m_today;
            }
            if (injuries) {
                const auto kind = SelectedCode(list->CellAs<wxChoice>(row, event_column::kKind),
                                               core::AllValues<core::InjuryKind>());
                if (kind) {
                    event.kind = std::string(core::ToCode(*kind));
                } else {
                    AddProblem(problems, Path(list->Path(), row, "kind"), ProblemCode::kRequired);
                }
            } else {
                event.kind = Line(list->CellAs<wxTextCtrl>(row, event_column::kKind));
            }
            event.region = SelectedCode(list->CellAs<wxChoice>(row, event_column::kRegion),
                                        core::AllValues<core::Region>());
            event.side = SelectedCode(list->CellAs<wxChoice>(row, event_column::kSide),
                                      core::AllValues<core::Side>());
            event.description = Line(list->CellAs<wxTextCtrl>(row, event_column::kDescription));
            events.push_back(std::move(event));
        }
        return events;
    };
    health.surgeries = read_events(m_surgeries, false);
    health.injuries = read_events(m_injuries, true);

    // Runner profile: distances typed in the chosen unit, kept in km.
    core::RunnerProfile& runner = intake.runner;
    runner.units = m_units_mi->GetValue() ? core::DistanceUnit::kMi : core::DistanceUnit::kKm;
    const auto to_km = [&](double value) {
        return runner.units == core::DistanceUnit::kMi ? core::MilesToKm(value) : value;
    };
    const auto read_distance = [&](const wxTextCtrl* text, const std::string& path) {
        if (core::Trim(ToUtf8(text->GetValue())).empty()) {
            return std::optional<double>();
        }
        if (const auto value = ParseNumber(text->GetValue())) {
            return std::optional(to_km(*value));
        }
        AddProblem(problems, path, ProblemCode::kWrongType);
        return std::optional<double>();
    };
    runner.goal_race.name = Line(m_race_name);
    runner.goal_race.date = ToCoreDate(m_race_date->GetValue());
    runner.goal_race.distance_km = read_distance(m_race_distance, "runner.goal_race.distance_km");
    runner.goal = SelectedCode(m_goal, core::AllValues<core::RaceGoal>());
    runner.runs_per_week = SelectedNumber(m_runs_per_week, 0);
    runner.long_run_weekday = SelectedCode(m_long_run_day, core::AllValues<core::Weekday>());
    runner.weekly_distance_km = read_distance(m_weekly_distance, "runner.weekly_distance_km");
    runner.longest_run_30d_km = read_distance(m_longest_run, "runner.longest_run_30d_km");
    runner.recent_runs.clear();
    for (std::size_t row = 0; row < m_recent_runs->RowCount(); ++row) {
        core::RecentRun run;
        if (const auto date = ToCoreDate(
                m_recent_runs->CellAs<wxDatePickerCtrl>(row, run_column::kDate)->GetValue())) {
            run.date = *date;
        } else {
            AddProblem(problems, Path("runner.recent_runs", row, "date"), ProblemCode::kRequired);
            run.date = m_today;
        }
        const std::string distance_path = Path("runner.recent_runs", row, "distance_km");
        const auto* distance = m_recent_runs->CellAs<wxTextCtrl>(row, run_column::kDistance);
        if (const auto km = read_distance(distance, distance_path)) {
            run.distance_km = *km;
        } else if (core::Trim(ToUtf8(distance->GetValue())).empty()) {
            AddProblem(problems, distance_path, ProblemCode::kRequired);
        }
        const auto type = SelectedCode(m_recent_runs->CellAs<wxChoice>(row, run_column::kType),
                                       core::AllValues<core::RunType>());
        if (type) {
            run.type = *type;
        } else {
            AddProblem(problems, Path("runner.recent_runs", row, "type"), ProblemCode::kRequired);
        }
        runner.recent_runs.push_back(run);
    }

    // Soreness and areas to avoid: every column must be chosen.
    const auto read_region_side = [&](const FormRowsPanel* list, std::size_t row,
                                      std::size_t region_column, std::size_t side_column) {
        core::RegionSide where;
        if (const auto region = SelectedCode(list->CellAs<wxChoice>(row, region_column),
                                             core::AllValues<core::Region>())) {
            where.region = *region;
        } else {
            AddProblem(problems, Path(list->Path(), row, "region"), ProblemCode::kRequired);
        }
        if (const auto side = SelectedCode(list->CellAs<wxChoice>(row, side_column),
                                           core::AllValues<core::Side>())) {
            where.side = *side;
        } else {
            AddProblem(problems, Path(list->Path(), row, "side"), ProblemCode::kRequired);
        }
        return where;
    };
    intake.soreness.clear();
    for (std::size_t row = 0; row < m_soreness->RowCount(); ++row) {
        const core::RegionSide where =
            read_region_side(m_soreness, row, soreness_column::kRegion, soreness_column::kSide);
        core::Soreness sore;
        sore.region = where.region;
        sore.side = where.side;
        const int pain = m_soreness->CellAs<wxChoice>(row, soreness_column::kPain)->GetSelection();
        if (pain > 0) {
            sore.pain = pain - 1;
        } else {
            AddProblem(problems, Path("soreness", row, "pain"), ProblemCode::kRequired);
        }
        intake.soreness.push_back(sore);
    }
    intake.avoid_regions.clear();
    for (std::size_t row = 0; row < m_avoid->RowCount(); ++row) {
        intake.avoid_regions.push_back(
            read_region_side(m_avoid, row, avoid_column::kRegion, avoid_column::kSide));
    }

    // Preferences and consent
    const int pressure = m_pressure->GetSelection();
    const auto& pressures = core::AllValues<core::Pressure>();
    intake.preferences.pressure =
        pressure > 0 && static_cast<std::size_t>(pressure) <= pressures.size()
            ? std::optional(pressures[static_cast<std::size_t>(pressure - 1)])
            : std::nullopt;
    intake.preferences.notes = core::Trim(ToUtf8(m_preference_notes->GetValue()));
    intake.consent.accepted = m_consent_accepted->GetValue();
    intake.consent.signed_name = Line(m_consent_name);
    intake.consent.signed_on = ToCoreDate(m_consent_date->GetValue());
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
    // In the order of the form, so that the cursor goes to the first one.
    std::stable_sort(m_problems.begin(), m_problems.end(),
                     [this](const core::ValidationProblem& a, const core::ValidationProblem& b) {
                         const auto rank = [this](const core::ValidationProblem& problem) {
                             const auto section = SectionOf(ControlFor(problem.field));
                             return section ? static_cast<int>(*section) : -1;
                         };
                         return rank(a) < rank(b);
                     });
    ShowProblems();
    if (!m_problems.empty()) {
        return false;
    }
    m_client = std::move(reading.client);
    m_intake = std::move(reading.intake);
    return true;
}

// --- Problems ---

wxWindow* IntakeDialog::ControlFor(std::string_view name) const {
    if (const auto found = m_controls.find(name); found != m_controls.end()) {
        return found->second;
    }
    constexpr std::string_view kConditions = "health.conditions[";
    if (name.substr(0, kConditions.size()) == kConditions) {
        std::size_t index = 0;
        const std::string_view rest = name.substr(kConditions.size());
        std::from_chars(rest.data(), rest.data() + rest.size(), index);
        if (index >= m_regional->RowCount()) {
            // A checklist condition: the n-th ticked one after the rows.
            std::size_t n = index - m_regional->RowCount();
            for (const core::ConditionCode code : core::AllValues<core::ConditionCode>()) {
                if (!core::IsRegional(code) && ConditionBox(code)->GetValue() && n-- == 0) {
                    return ConditionBox(code);
                }
            }
            return nullptr;
        }
    }
    for (const FormRowsPanel* list : m_lists) {
        if (wxWindow* control = list->ControlFor(name)) {
            return control;
        }
    }
    return nullptr;
}

FormRowsPanel* IntakeDialog::ListEditor(std::string_view path) const {
    for (FormRowsPanel* list : m_lists) {
        if (list->Path() == path) {
            return list;
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
        const auto section = SectionOf(ControlFor(problem.field));
        bad[static_cast<std::size_t>(section.value_or(Section::kContact))] = true;
    }
    for (std::size_t i = 0; i < kSectionCount; ++i) {
        // TRANSLATORS: a section of the intake form that has something to fix.
        m_section_buttons[i]->SetLabel(bad[i] ? wxString::Format(_("%s  ⚠"), m_section_labels[i])
                                              : m_section_labels[i]);
    }
}

void IntakeDialog::ShowProblems(const std::vector<wxString>& extra) {
    m_problem_panel->Clear();
    MarkSectionsWithProblems();
    if (m_problems.empty() && extra.empty()) {
        Layout();
        return;
    }

    wxString text = m_problems.size() + extra.size() == 1
                        ? _("This intake cannot be saved yet:")
                        : _("This intake cannot be saved yet. Please check:");
    for (const core::ValidationProblem& problem : m_problems) {
        text << '\n';
        if (problem.code == core::ProblemCode::kWrongType) {
            text << wxString::Format(_("%s: enter a number, for example 42.5."),
                                     FieldLabel(problem.field));
        } else {
            text << ProblemMessage(problem);
        }
        m_problem_panel->MarkField(dynamic_cast<wxTextCtrl*>(ControlFor(problem.field)));
    }
    for (const wxString& line : extra) {
        text << '\n' << line;
    }
    m_problem_panel->ShowText(text, GetClientSize().x - FromDIP(90));
    Layout();

    if (!m_problems.empty()) {
        wxWindow* first = ControlFor(m_problems.front().field);
        const auto section = SectionOf(first);
        if (section) {
            ShowSection(*section);
        }
        if (first != nullptr) {
            FocusProblemField(first);
            if (auto* page = !IsShownOnScreen()
                                 ? nullptr
                                 : dynamic_cast<wxScrolledWindow*>(m_pages->GetPage(
                                       static_cast<std::size_t>(CurrentSection())))) {
                // Scrolled into view.
                int x = 0;
                int y = 0;
                page->CalcUnscrolledPosition(0, 0, &x, &y);
                const wxPoint where = page->ScreenToClient(first->GetScreenPosition());
                int unit_x = 0;
                int unit_y = 1;
                page->GetScrollPixelsPerUnit(&unit_x, &unit_y);
                if (unit_y > 0 &&
                    (where.y < 0 || where.y > page->GetClientSize().y - FromDIP(30))) {
                    page->Scroll(-1, std::max(0, (y + where.y - FromDIP(40)) / unit_y));
                }
            }
        }
    }
    wxBell();
}

// --- Saving ---

void IntakeDialog::OnSaveButton(wxCommandEvent&) {
    Save();
}

void IntakeDialog::Save() {
    if (!TransferDataFromWindow()) {
        return;
    }
    if (m_save) {
        core::Client client = m_client;
        core::Intake intake = m_intake;
        const auto show_error = [this](const wxString& what, const std::exception& error) {
            ShowErrorMessage(this, what, error, _("Intake"));
        };
        try {
            m_save(client, intake);
        } catch (const db::ValidationError& error) {
            m_problems = error.Problems();
            ShowProblems();
            return;
        } catch (const db::ConflictError& error) {
            std::optional<core::Client> fresh = m_reload ? m_reload() : std::nullopt;
            show_error(_("Someone else changed this client's record while the intake was being "
                         "filled in. Nothing has been saved. The Contact section now shows the "
                         "record as it is saved; check it and save again."),
                       error);
            if (fresh) {
                m_client = std::move(*fresh);
                m_phone->ChangeValue(ToWx(m_client.phone));
                m_email->ChangeValue(ToWx(m_client.email));
                m_address->ChangeValue(ToWx(m_client.address));
                m_emergency_name->ChangeValue(ToWx(m_client.emergency_contact_name));
                m_emergency_phone->ChangeValue(ToWx(m_client.emergency_contact_phone));
                m_physician->ChangeValue(ToWx(m_client.physician));
                ShowSection(Section::kContact);
            }
            return;
        } catch (const db::NotFoundError& error) {
            show_error(_("This client is no longer in the database, so the intake cannot be "
                         "saved."),
                       error);
            return;
        } catch (const db::DatabaseError& error) {
            show_error(_("The intake could not be saved. What you entered is still in the "
                         "window; try again."),
                       error);
            return;
        }
        m_client = std::move(client);
        m_intake = std::move(intake);
    }
    EndModal(wxID_OK);
}

void IntakeDialog::OnCancelButton(wxCommandEvent&) {
    if (IsModified() && !ConfirmThrowAway(this, _("Throw away this intake?"), _("Intake"))) {
        return;
    }
    EndModal(wxID_CANCEL);
}

}  // namespace myodesk::app
