#include "sessions/session_note_dialog.h"

#include "common/code_names.h"
#include "common/discard_confirmation.h"
#include "common/error_message.h"
#include "common/form_rows_panel.h"
#include "common/problem_message.h"
#include "common/problem_panel.h"
#include "common/wx_conversions.h"
#include "intake/contraindication_banner_panel.h"
#include "sessions/body_chart_ctrl.h"
#include "sessions/session_note_text.h"

#include <myodesk/db/errors.h>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/datectrl.h>
#include <wx/dateevt.h>
#include <wx/display.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/statline.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/valtext.h>

#include <algorithm>
#include <charconv>
#include <numeric>
#include <utility>

namespace myodesk::app {

namespace {

constexpr int kSignId = wxID_HIGHEST + 300;

constexpr std::array<int, 4> kQuickDurations{30, 45, 60, 90};

// The SOAP sections in the order shown, with their field names.
constexpr std::array<std::string_view, 4> kSoapFields{"subjective", "objective", "assessment",
                                                      "plan"};

wxString SoapTitle(std::size_t index) {
    switch (index) {
        case 0:
            return _("&Subjective");
        case 1:
            return _("&Objective");
        case 2:
            return _("&Assessment");
        default:
            return _("&Plan");
    }
}

wxString SoapHelp(std::size_t index) {
    switch (index) {
        case 0:
            return _(
                "what the client reports: where, since when, how bad, training since the "
                "last visit");
        case 1:
            return _("what you find: posture, gait, tone, tenderness, range of motion");
        case 2:
            return _("the response to treatment");
        default:
            return _("next session, home care (stretching, hydration, sleep), referrals");
    }
}

std::string& SoapText(core::SessionNote& note, std::size_t index) {
    switch (index) {
        case 0:
            return note.subjective;
        case 1:
            return note.objective;
        case 2:
            return note.assessment;
        default:
            return note.plan;
    }
}

wxStaticText* NewGreyText(wxWindow* parent, const wxString& text) {
    auto* label = new wxStaticText(parent, wxID_ANY, text);
    label->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    return label;
}

// "regions[3].pressure" -> 3 and "pressure"; nullopt when the path is not in `list`.
std::optional<std::pair<std::size_t, std::string_view>> SplitIndex(std::string_view path,
                                                                   std::string_view list) {
    if (path.substr(0, list.size()) != list || path.size() <= list.size() ||
        path[list.size()] != '[') {
        return std::nullopt;
    }
    const std::size_t close = path.find(']', list.size());
    if (close == std::string_view::npos) {
        return std::nullopt;
    }
    std::size_t index = 0;
    const std::string_view digits = path.substr(list.size() + 1, close - list.size() - 1);
    if (std::from_chars(digits.data(), digits.data() + digits.size(), index).ec != std::errc{}) {
        return std::nullopt;
    }
    std::string_view leaf = path.substr(close + 1);
    if (!leaf.empty() && leaf.front() == '.') {
        leaf.remove_prefix(1);
    }
    return std::pair{index, leaf};
}

// Where a problem's field is in the form, top to bottom, for the order of the problems.
int FormRank(std::string_view field) {
    static constexpr std::array<std::string_view, 9> kOrder{
        "date",      "start_time", "duration_min", "position",  "subjective",
        "objective", "assessment", "plan",         "techniques"};
    for (std::size_t i = 0; i < kOrder.size(); ++i) {
        if (field.substr(0, kOrder[i].size()) == kOrder[i]) {
            return static_cast<int>(i);
        }
    }
    if (field.substr(0, 7) == "regions") {
        return static_cast<int>(kOrder.size());
    }
    return static_cast<int>(kOrder.size()) + 1;
}

bool Overlap(core::Side a, core::Side b) {
    return SideCovers(a, b) || SideCovers(b, a);
}

}  // namespace

// --- Construction ---

SessionNoteDialog::SessionNoteDialog(wxWindow* parent, Context context, core::SessionNote note,
                                     SaveFunction save)
    : wxDialog(parent, wxID_ANY,
               wxString::Format(note.id == 0 ? _("New session note: %s") : _("Session note: %s"),
                                ToWx(core::DisplayName(context.client))),
               wxDefaultPosition, wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_context(std::move(context)),
      m_note(std::move(note)),
      m_save(std::move(save)) {
    SetName("SessionNoteDialog");
    CreateControls();

    Bind(wxEVT_BUTTON, &SessionNoteDialog::OnSaveButton, this, wxID_SAVE);
    Bind(wxEVT_BUTTON, &SessionNoteDialog::OnSignButton, this, kSignId);
    Bind(wxEVT_BUTTON, &SessionNoteDialog::OnCancelButton, this, wxID_CANCEL);
    Bind(wxEVT_CHAR_HOOK, &SessionNoteDialog::OnCharHook, this);

    TransferDataToWindow();
    m_initial = ReadControls().note;

    // Big enough for chart and text side by side, never bigger than the screen.
    wxSize size = FromDIP(wxSize(1180, 780));
    const int display = wxDisplay::GetFromWindow(parent != nullptr ? parent : this);
    const wxRect area =
        wxDisplay(display == wxNOT_FOUND ? 0u : static_cast<unsigned>(display)).GetClientArea();
    size.x = std::min(size.x, area.width - FromDIP(20));
    size.y = std::min(size.y, area.height - FromDIP(20));
    SetMinSize(FromDIP(wxSize(900, 560)));
    SetSize(size);
    CentreOnParent();
    m_soap[0]->SetFocus();
}

core::SessionNote SessionNoteDialog::NewNote(core::ClientId client, core::StaffId therapist,
                                             const core::Date& today, int minute_of_day) {
    core::SessionNote note;
    note.client_id = client;
    note.therapist_id = therapist;
    note.date = today;
    note.start_minute = RoundToQuarterHour(minute_of_day);
    note.duration_min = 60;
    note.position = core::Position::kProne;
    return note;
}

void SessionNoteDialog::CreateControls() {
    auto* columns = new wxBoxSizer(wxHORIZONTAL);
    columns->Add(CreateSoapColumn(), wxSizerFlags(4).Expand());
    columns->AddSpacer(FromDIP(16));
    columns->Add(CreateChartColumn(), wxSizerFlags(5).Expand());

    m_banner = new ContraindicationBannerPanel(this, 1.0f);
    m_banner->SetBanner(m_context.banner);

    auto* top = new wxBoxSizer(wxVERTICAL);
    top->Add(CreateHeader(), wxSizerFlags().Expand().Border(wxALL, FromDIP(12)));
    top->Add(m_banner, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    top->Add(new wxStaticLine(this), wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(12)));
    top->Add(columns, wxSizerFlags(1).Expand().Border(wxALL, FromDIP(12)));
    m_problem_panel = new ProblemPanel(this, ProblemPanel::Style::kTinted);
    top->Add(m_problem_panel,
             wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    top->Add(CreateButtons(),
             wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    SetSizer(top);
}

wxSizer* SessionNoteDialog::CreateHeader() {
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    const auto label = [&](const wxString& text) {
        row->Add(new wxStaticText(this, wxID_ANY, text),
                 wxSizerFlags().CentreVertical().Border(wxRIGHT, FromDIP(6)));
    };
    label(_("&Date"));
    m_date =
        new wxDatePickerCtrl(this, wxID_ANY, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize,
                             wxDP_DROPDOWN | wxDP_SHOWCENTURY, wxDefaultValidator, "date");
    m_controls.emplace("date", m_date);
    row->Add(m_date, wxSizerFlags().CentreVertical());
    row->AddSpacer(FromDIP(16));

    label(_("S&tart"));
    m_start = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                             wxDefaultValidator, "start_time");
    m_start->SetMaxLength(5);
    m_start->SetInitialSize(m_start->GetSizeFromTextSize(m_start->GetTextExtent("00:00").x));
    m_start->SetToolTip(_("The time the session started, e.g. 09:30 (930 and 9.30 work too)"));
    m_start->Bind(wxEVT_KILL_FOCUS, &SessionNoteDialog::OnStartTimeKillFocus, this);
    m_controls.emplace("start_time", m_start);
    row->Add(m_start, wxSizerFlags().CentreVertical());
    row->AddSpacer(FromDIP(16));

    label(_("D&uration"));
    wxArrayString durations;
    for (const int minutes : kQuickDurations) {
        durations.Add(wxString::Format("%d", minutes));
    }
    m_duration = new wxComboBox(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                durations, 0, wxDefaultValidator, "duration_min");
    m_duration->SetInitialSize(m_duration->GetSizeFromTextSize(m_duration->GetTextExtent("000").x));
    m_duration->SetToolTip(_("Minutes: choose 30, 45, 60 or 90, or type any length"));
    m_duration->Bind(wxEVT_TEXT, &SessionNoteDialog::OnDurationChanged, this);
    m_duration->Bind(wxEVT_COMBOBOX, &SessionNoteDialog::OnDurationChanged, this);
    m_controls.emplace("duration_min", m_duration);
    row->Add(m_duration, wxSizerFlags().CentreVertical());
    row->Add(new wxStaticText(this, wxID_ANY, _("min")),
             wxSizerFlags().CentreVertical().Border(wxLEFT, FromDIP(4)));
    row->AddSpacer(FromDIP(16));

    label(_("Pos&ition"));
    m_position = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0,
                              wxDefaultValidator, "position");
    for (const core::Position position : core::AllPositions()) {
        m_position->Append(NameOf(position));
    }
    m_position->Append(_("Not recorded"));
    m_controls.emplace("position", m_position);
    row->Add(m_position, wxSizerFlags().CentreVertical());

    row->AddStretchSpacer();
    auto* who = new wxBoxSizer(wxVERTICAL);
    auto* therapist = new wxStaticText(
        this, wxID_ANY, wxString::Format(_("Therapist: %s"), m_context.therapist_name));
    therapist->SetFont(therapist->GetFont().Bold());
    who->Add(therapist, wxSizerFlags().Right());
    if (!m_context.copied_from.empty()) {
        who->Add(NewGreyText(this, m_context.copied_from), wxSizerFlags().Right());
    }
    row->Add(who, wxSizerFlags().CentreVertical().Border(wxLEFT, FromDIP(16)));
    return row;
}

wxSizer* SessionNoteDialog::CreateSoapColumn() {
    auto* column = new wxBoxSizer(wxVERTICAL);
    for (std::size_t i = 0; i < kSoapFields.size(); ++i) {
        auto* heading = new wxBoxSizer(wxHORIZONTAL);
        auto* title = new wxStaticText(this, wxID_ANY, SoapTitle(i));
        title->SetFont(title->GetFont().Bold());
        heading->Add(title, wxSizerFlags().Bottom());
        auto* help = NewGreyText(this, SoapHelp(i));
        help->SetFont(help->GetFont().Smaller());
        heading->Add(help, wxSizerFlags(1).Bottom().Border(wxLEFT, FromDIP(8)));
        column->Add(heading, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(3)));
        auto* text = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                    wxTE_MULTILINE, wxDefaultValidator, ToWx(kSoapFields[i]));
        text->SetMinSize(wxSize(FromDIP(300), text->GetCharHeight() * 3 + FromDIP(12)));
        m_soap[i] = text;
        m_controls.emplace(std::string(kSoapFields[i]), text);
        column->Add(text, wxSizerFlags(1).Expand().Border(wxBOTTOM, FromDIP(10)));
    }
    column->Add(CreateTechniques(), wxSizerFlags().Expand());
    return column;
}

wxSizer* SessionNoteDialog::CreateTechniques() {
    auto* box = new wxBoxSizer(wxVERTICAL);
    auto* heading = new wxBoxSizer(wxHORIZONTAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Techniques"));
    title->SetFont(title->GetFont().Bold());
    heading->Add(title, wxSizerFlags().Bottom());
    m_technique_total = NewGreyText(this, wxString());
    heading->Add(m_technique_total, wxSizerFlags(1).Bottom().Border(wxLEFT, FromDIP(8)));
    box->Add(heading, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(4)));

    // Two columns of "[x] Technique [minutes] min".
    auto* grid = new wxFlexGridSizer(6, FromDIP(wxSize(6, 4)));
    grid->AddGrowableCol(0, 1);
    grid->AddGrowableCol(3, 1);
    const std::vector<core::Technique>& all = core::AllTechniques();
    for (std::size_t i = 0; i < all.size(); ++i) {
        const std::string code(core::ToCode(all[i]));
        auto* check = new wxCheckBox(this, wxID_ANY, NameOf(all[i]), wxDefaultPosition,
                                     wxDefaultSize, 0, wxDefaultValidator, "technique." + code);
        check->Bind(wxEVT_CHECKBOX, &SessionNoteDialog::OnTechniqueBox, this);
        // Minutes are typed (digits only): narrower and quicker than a spin control.
        auto* minutes =
            new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_RIGHT,
                           wxTextValidator(wxFILTER_DIGITS), "technique." + code + ".minutes");
        minutes->SetMaxLength(3);
        minutes->SetInitialSize(minutes->GetSizeFromTextSize(minutes->GetTextExtent("0000").x));
        minutes->SetToolTip(wxString::Format(_("Minutes of %s"), NameOf(all[i])));
        minutes->Bind(wxEVT_TEXT, &SessionNoteDialog::OnTechniqueMinutes, this);
        minutes->Disable();
        m_technique_boxes.push_back(check);
        m_technique_minutes.push_back(minutes);
        grid->Add(check, wxSizerFlags().CentreVertical());
        grid->Add(minutes, wxSizerFlags().CentreVertical());
        grid->Add(new wxStaticText(this, wxID_ANY, _("min")),
                  wxSizerFlags().CentreVertical().Border(wxRIGHT, FromDIP(16)));
    }
    box->Add(grid, wxSizerFlags().Expand());
    return box;
}

wxSizer* SessionNoteDialog::CreateChartColumn() {
    auto* column = new wxBoxSizer(wxVERTICAL);
    auto* heading = new wxBoxSizer(wxHORIZONTAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Regions"));
    title->SetFont(title->GetFont().Bold());
    heading->Add(title, wxSizerFlags().Bottom());
    auto* help = NewGreyText(this, _("click the body to add or remove a region and side"));
    help->SetFont(help->GetFont().Smaller());
    heading->Add(help, wxSizerFlags(1).Bottom().Border(wxLEFT, FromDIP(8)));
    column->Add(heading, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(4)));

    m_chart = new BodyChartCtrl(this);
    m_chart->SetMinSize(FromDIP(wxSize(320, 300)));
    std::vector<core::RegionSide> avoided = m_context.client_avoids;
    for (const core::ContraindicationFlag& flag : m_context.flags) {
        if (flag.level == core::FlagLevel::kLocal && flag.region) {
            avoided.push_back({*flag.region, flag.side.value_or(core::Side::kBilateral)});
        }
    }
    m_chart->SetAvoided(std::move(avoided));
    m_chart->Bind(EVT_BODY_CHART_CLICKED, &SessionNoteDialog::OnChartClicked, this);
    column->Add(m_chart, wxSizerFlags(1).Expand());

    // The grid scrolls on its own below the chart, so that many regions never push the chart
    // off the dialog; its headings stay above the scrolled rows. Fixed column widths keep
    // them aligned.
    const std::array<std::pair<wxString, int>, 5> headings{
        std::pair{_("Region"), 135}, std::pair{_("Side"), 105}, std::pair{_("Pressure"), 120},
        std::pair{_("Pain before"), 84}, std::pair{_("Pain after"), 84}};
    auto* heading_row = new wxBoxSizer(wxHORIZONTAL);
    for (const auto& [text, width] : headings) {
        auto* label = NewGreyText(this, text);
        label->SetMinSize(wxSize(FromDIP(width), -1));
        heading_row->Add(label, wxSizerFlags().Bottom().Border(wxRIGHT, FromDIP(8)));
    }
    column->Add(heading_row, wxSizerFlags().Border(wxTOP, FromDIP(8)));

    auto* scroller = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                          wxVSCROLL | wxTAB_TRAVERSAL);
    scroller->SetScrollRate(0, FromDIP(10));
    m_regions = new FormRowsPanel(
        scroller, "regions",
        {{wxString(), "region", headings[0].second},
         {wxString(), "side", headings[1].second},
         {wxString(), "pressure", headings[2].second},
         {wxString(), "pain_before", headings[3].second},
         {wxString(), "pain_after", headings[4].second}},
        [this](wxWindow* parent) { return CreateRegionRow(parent); }, _("Add &region"),
        _("No regions yet: click them on the body, or add them here."));
    m_regions->UseCompactRemoveButtons();
    m_regions->SetOnRowsChanged([this] {
        // A row added or removed with its buttons.
        m_accepted_rows.resize(m_regions->RowCount());
        for (std::size_t row = 0; row < m_regions->RowCount(); ++row) {
            m_accepted_rows[row] = ReadRegionRow(row);
        }
        SyncChart();
    });
    m_regions->Bind(wxEVT_CHOICE, &SessionNoteDialog::OnRegionChoice, this);
    auto* scroller_sizer = new wxBoxSizer(wxVERTICAL);
    scroller_sizer->Add(m_regions, wxSizerFlags().Expand().Border(wxRIGHT, FromDIP(4)));
    scroller->SetSizer(scroller_sizer);
    // Four rows and the Add button; more scroll.
    scroller->SetMinSize(wxSize(-1, FromDIP(185)));
    column->Add(scroller, wxSizerFlags().Expand().Border(wxTOP, FromDIP(2)));
    return column;
}

std::vector<wxWindow*> SessionNoteDialog::CreateRegionRow(wxWindow* parent) {
    auto* region = new wxChoice(parent, wxID_ANY);
    region->Append(_("Choose…"));
    for (const core::Region value : core::AllValues<core::Region>()) {
        region->Append(NameOf(value));
    }
    region->SetSelection(0);
    auto* side = new wxChoice(parent, wxID_ANY);
    for (const core::Side value : core::AllValues<core::Side>()) {
        side->Append(NameOf(value));
    }
    side->SetSelection(static_cast<int>(core::Side::kBilateral));
    auto* pressure = new wxChoice(parent, wxID_ANY);
    for (int level = 1; level <= 10; ++level) {
        pressure->Append(PressureText(level));
    }
    pressure->SetSelection(DefaultPressure() - 1);
    const auto pain = [parent] {
        // Numbers only, to fit; the tooltip gives the bands.
        auto* choice = new wxChoice(parent, wxID_ANY);
        choice->Append(wxString::FromUTF8("—"));
        for (int level = 0; level <= 10; ++level) {
            choice->Append(wxString::Format("%d", level));
        }
        choice->SetSelection(0);
        choice->SetToolTip(
            _("Pain on the 0-10 scale: 0 none, 1-3 mild, 4-6 moderate, 7-10 "
              "severe; — when not asked"));
        return choice;
    };
    return {region, side, pressure, pain(), pain()};
}

wxSizer* SessionNoteDialog::CreateButtons() {
    auto* cancel = new wxButton(this, wxID_CANCEL);
    auto* save = new wxButton(this, wxID_SAVE, _("Sa&ve"));
    save->SetToolTip(_("Save the note unsigned, to finish later (Ctrl+S)"));
    auto* sign = new wxButton(this, kSignId, _("Save and si&gn"));
    sign->SetToolTip(wxString::Format(
        _("Save the note and sign it as %s; a signed note is locked (Ctrl+Shift+S)"),
        ToWx(m_context.at_desk.name)));
    sign->SetName("sign");
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto* shortcuts = NewGreyText(this, _("Ctrl+S saves · Ctrl+Shift+S saves and signs"));
    row->Add(shortcuts, wxSizerFlags().CentreVertical());
    row->AddStretchSpacer();
    row->Add(cancel, wxSizerFlags().CentreVertical());
    row->AddSpacer(FromDIP(6));
    row->Add(save, wxSizerFlags().CentreVertical());
    row->AddSpacer(FromDIP(6));
    row->Add(sign, wxSizerFlags().CentreVertical());
    return row;
}

// --- Contraindications ---

bool SessionNoteDialog::IsAvoided(core::RegionSide place) const {
    const bool client_asked =
        std::any_of(m_context.client_avoids.begin(), m_context.client_avoids.end(),
                    [&](const core::RegionSide& avoid) {
                        return avoid.region == place.region && Overlap(avoid.side, place.side);
                    });
    return client_asked || std::any_of(m_context.flags.begin(), m_context.flags.end(),
                                       [&](const core::ContraindicationFlag& f) {
                                           return f.level == core::FlagLevel::kLocal &&
                                                  f.region == place.region &&
                                                  (!f.side || Overlap(*f.side, place.side));
                                       });
}

bool SessionNoteDialog::HasModifyFlag() const {
    return std::any_of(m_context.flags.begin(), m_context.flags.end(),
                       [](const core::ContraindicationFlag& flag) {
                           return flag.level == core::FlagLevel::kModify;
                       });
}

int SessionNoteDialog::DefaultPressure() const {
    int pressure = m_context.preferred_pressure ? core::PressureLevel(*m_context.preferred_pressure)
                                                : core::PressureLevel(core::Pressure::kMedium);
    if (HasModifyFlag()) {
        pressure = std::min(pressure, m_context.modify_pressure_cap);
    }
    return std::clamp(pressure, 1, 10);
}

bool SessionNoteDialog::ConfirmAvoided(core::RegionSide place) {
    wxString reasons;
    for (const core::ContraindicationFlag& flag : m_context.flags) {
        if (flag.level == core::FlagLevel::kLocal && flag.region == place.region &&
            (!flag.side || Overlap(*flag.side, place.side))) {
            reasons << (reasons.empty() ? "" : "\n") << FlagSentence(flag);
        }
    }
    wxMessageDialog ask(this,
                        wxString::Format(_("Add %s to the note anyway?"),
                                         RegionSideInSentence(place.region, place.side)),
                        _("Area to avoid"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
    ask.SetExtendedMessage(_("This area is to be avoided:") + "\n" + reasons + "\n\n" +
                           _("Add it only if you worked around it with care, and say how in "
                             "the note."));
    ask.SetYesNoLabels(_("&Add anyway"), _("&Don't add"));
    return ask.ShowModal() == wxID_YES;
}

bool SessionNoteDialog::ConfirmDeepPressure(int pressure) {
    wxString reasons;
    for (const core::ContraindicationFlag& flag : m_context.flags) {
        if (flag.level == core::FlagLevel::kModify) {
            reasons << (reasons.empty() ? "" : "\n") << FlagSentence(flag);
        }
    }
    wxMessageDialog ask(this,
                        wxString::Format(_("Pressure %s for a client who should have lighter "
                                           "pressure?"),
                                         PressureText(pressure)),
                        _("Deep pressure"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
    ask.SetExtendedMessage(reasons + "\n\n" +
                           wxString::Format(_("The clinic's limit under these flags is %s."),
                                            PressureText(m_context.modify_pressure_cap)));
    ask.SetYesNoLabels(_("&Use it anyway"), _("&Keep it lighter"));
    return ask.ShowModal() == wxID_YES;
}

bool SessionNoteDialog::ConfirmDeepTissue() {
    wxString reasons;
    for (const core::ContraindicationFlag& flag : m_context.flags) {
        if (flag.level == core::FlagLevel::kModify) {
            reasons << (reasons.empty() ? "" : "\n") << FlagSentence(flag);
        }
    }
    wxMessageDialog ask(this, _("Deep tissue for a client who should have no deep tissue?"),
                        _("Deep tissue"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
    ask.SetExtendedMessage(reasons);
    ask.SetYesNoLabels(_("&Record it anyway"), _("&Leave it out"));
    return ask.ShowModal() == wxID_YES;
}

// --- Chart and grid ---

std::optional<core::RegionWork> SessionNoteDialog::ReadRegionRow(std::size_t row) const {
    if (row >= m_regions->RowCount()) {
        return std::nullopt;
    }
    const int region = m_regions->CellAs<wxChoice>(row, kRegionColumn)->GetSelection();
    const std::vector<core::Region>& regions = core::AllValues<core::Region>();
    if (region < 1 || static_cast<std::size_t>(region) > regions.size()) {
        return std::nullopt;
    }
    core::RegionWork work;
    work.region = regions[static_cast<std::size_t>(region - 1)];
    const int side = m_regions->CellAs<wxChoice>(row, kSideColumn)->GetSelection();
    const std::vector<core::Side>& sides = core::AllValues<core::Side>();
    work.side = side >= 0 && static_cast<std::size_t>(side) < sides.size()
                    ? sides[static_cast<std::size_t>(side)]
                    : core::Side::kBilateral;
    work.pressure = m_regions->CellAs<wxChoice>(row, kPressureColumn)->GetSelection() + 1;
    const int before = m_regions->CellAs<wxChoice>(row, kPainBeforeColumn)->GetSelection();
    const int after = m_regions->CellAs<wxChoice>(row, kPainAfterColumn)->GetSelection();
    if (before > 0) {
        work.pain_before = before - 1;
    }
    if (after > 0) {
        work.pain_after = after - 1;
    }
    return work;
}

void SessionNoteDialog::SetRegionRow(std::size_t row, const core::RegionWork& work) {
    if (row >= m_regions->RowCount()) {
        return;
    }
    m_regions->CellAs<wxChoice>(row, kRegionColumn)
        ->SetSelection(static_cast<int>(work.region) + 1);
    m_regions->CellAs<wxChoice>(row, kSideColumn)->SetSelection(static_cast<int>(work.side));
    m_regions->CellAs<wxChoice>(row, kPressureColumn)
        ->SetSelection(std::clamp(work.pressure, 1, 10) - 1);
    m_regions->CellAs<wxChoice>(row, kPainBeforeColumn)
        ->SetSelection(work.pain_before ? std::clamp(*work.pain_before, 0, 10) + 1 : 0);
    m_regions->CellAs<wxChoice>(row, kPainAfterColumn)
        ->SetSelection(work.pain_after ? std::clamp(*work.pain_after, 0, 10) + 1 : 0);
    if (m_accepted_rows.size() < m_regions->RowCount()) {
        m_accepted_rows.resize(m_regions->RowCount());
    }
    m_accepted_rows[row] = work;
}

std::vector<core::RegionWork> SessionNoteDialog::GridRegions() const {
    std::vector<core::RegionWork> regions;
    for (std::size_t row = 0; row < m_regions->RowCount(); ++row) {
        if (std::optional<core::RegionWork> work = ReadRegionRow(row)) {
            regions.push_back(*work);
        }
    }
    return regions;
}

std::optional<std::size_t> SessionNoteDialog::RowOf(const wxWindow* control,
                                                    std::size_t* column) const {
    for (std::size_t row = 0; row < m_regions->RowCount(); ++row) {
        for (std::size_t c = 0; c < m_regions->ColumnCount(); ++c) {
            if (m_regions->Cell(row, c) == control) {
                if (column != nullptr) {
                    *column = c;
                }
                return row;
            }
        }
    }
    return std::nullopt;
}

void SessionNoteDialog::SyncChart() {
    m_chart->SetRegions(GridRegions());
}

void SessionNoteDialog::ToggleArea(core::RegionSide area) {
    for (std::size_t row = 0; row < m_regions->RowCount(); ++row) {
        std::optional<core::RegionWork> work = ReadRegionRow(row);
        if (!work || work->region != area.region || !SideCovers(work->side, area.side)) {
            continue;
        }
        if (work->side == core::Side::kBilateral) {
            // Both sides marked, one clicked off: the other side stays.
            work->side = area.side == core::Side::kLeft ? core::Side::kRight : core::Side::kLeft;
            SetRegionRow(row, *work);
        } else {
            m_regions->RemoveRow(row);
            if (row < m_accepted_rows.size()) {
                m_accepted_rows.erase(m_accepted_rows.begin() + static_cast<std::ptrdiff_t>(row));
            }
        }
        SyncChart();
        return;
    }
    if (IsAvoided(area) && !ConfirmAvoided(area)) {
        return;
    }
    const std::size_t row = m_regions->AddRow();
    SetRegionRow(row, core::RegionWork{area.region, area.side, DefaultPressure(), std::nullopt,
                                       std::nullopt});
    SyncChart();
    // The new row in view, for its pressure and pain.
    if (auto* scroller = dynamic_cast<wxScrolledWindow*>(m_regions->GetParent())) {
        scroller->FitInside();
        int unit_x = 0;
        int unit_y = 0;
        scroller->GetScrollPixelsPerUnit(&unit_x, &unit_y);
        if (unit_y > 0) {
            scroller->Scroll(-1, scroller->GetVirtualSize().y / unit_y);
        }
    }
}

void SessionNoteDialog::OnChartClicked(BodyChartEvent& event) {
    ToggleArea(event.Area());
}

void SessionNoteDialog::OnRegionChoice(wxCommandEvent& event) {
    event.Skip();
    std::size_t column = 0;
    const std::optional<std::size_t> row =
        RowOf(dynamic_cast<wxWindow*>(event.GetEventObject()), &column);
    if (!row) {
        return;
    }
    if (m_accepted_rows.size() < m_regions->RowCount()) {
        m_accepted_rows.resize(m_regions->RowCount());
    }
    const std::optional<core::RegionWork> before = m_accepted_rows[*row];
    const std::optional<core::RegionWork> now = ReadRegionRow(*row);
    bool keep = true;
    if (now && (column == kRegionColumn || column == kSideColumn)) {
        const core::RegionSide place{now->region, now->side};
        const bool was_avoided =
            before && before->region == now->region && IsAvoided({before->region, before->side});
        if (IsAvoided(place) && !was_avoided) {
            keep = ConfirmAvoided(place);
        }
    } else if (now && column == kPressureColumn && now->pressure >= 8 && HasModifyFlag() &&
               (!before || before->pressure < 8)) {
        keep = ConfirmDeepPressure(now->pressure);
    }
    if (!keep) {
        // Back to what it was.
        if (before) {
            SetRegionRow(*row, *before);
        } else {
            m_regions->CellAs<wxChoice>(*row, kRegionColumn)->SetSelection(0);
        }
    }
    m_accepted_rows[*row] = ReadRegionRow(*row);
    SyncChart();
}

// --- Techniques ---

wxCheckBox* SessionNoteDialog::TechniqueBox(core::Technique technique) const {
    const auto& all = core::AllTechniques();
    const auto found = std::find(all.begin(), all.end(), technique);
    return found == all.end() ? nullptr
                              : m_technique_boxes[static_cast<std::size_t>(found - all.begin())];
}

wxTextCtrl* SessionNoteDialog::TechniqueMinutes(core::Technique technique) const {
    const auto& all = core::AllTechniques();
    const auto found = std::find(all.begin(), all.end(), technique);
    return found == all.end() ? nullptr
                              : m_technique_minutes[static_cast<std::size_t>(found - all.begin())];
}

std::vector<core::TechniqueUse> SessionNoteDialog::ReadTechniques() const {
    std::vector<core::TechniqueUse> uses;
    const auto& all = core::AllTechniques();
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (m_technique_boxes[i]->GetValue()) {
            long minutes = 0;
            if (!m_technique_minutes[i]->GetValue().ToLong(&minutes) || minutes < 0 ||
                minutes > 9999) {
                minutes = 0;  // reported as out of range by validation
            }
            uses.push_back({all[i], static_cast<int>(minutes)});
        }
    }
    return uses;
}

std::optional<int> SessionNoteDialog::ReadDuration() const {
    long minutes = 0;
    wxString text = m_duration->GetValue();
    text.Trim(true).Trim(false);
    if (!text.ToLong(&minutes) || minutes < 0 || minutes > 24 * 60) {
        return std::nullopt;
    }
    return static_cast<int>(minutes);
}

void SessionNoteDialog::OnTechniqueBox(wxCommandEvent& event) {
    auto* box = dynamic_cast<wxCheckBox*>(event.GetEventObject());
    const auto found = std::find(m_technique_boxes.begin(), m_technique_boxes.end(), box);
    if (found == m_technique_boxes.end()) {
        return;
    }
    const auto index = static_cast<std::size_t>(found - m_technique_boxes.begin());
    const core::Technique technique = core::AllTechniques()[index];
    if (box->GetValue() && technique == core::Technique::kDeepTissue && HasModifyFlag() &&
        !ConfirmDeepTissue()) {
        box->SetValue(false);
    }
    wxTextCtrl* minutes = m_technique_minutes[index];
    minutes->Enable(box->GetValue());
    if (!box->GetValue()) {
        minutes->ChangeValue(wxString());
    }
    if (box->GetValue()) {
        // What is left of the session, as a start.
        int others = 0;
        for (const core::TechniqueUse& use : ReadTechniques()) {
            if (use.technique != technique) {
                others += use.minutes;
            }
        }
        const int left = ReadDuration().value_or(60) - others;
        minutes->ChangeValue(wxString::Format("%d", left >= 5 ? left : 10));
        minutes->SetFocus();
        minutes->SelectAll();
    }
    UpdateTechniqueTotal();
}

void SessionNoteDialog::OnTechniqueMinutes(wxCommandEvent& event) {
    event.Skip();
    UpdateTechniqueTotal();
}

void SessionNoteDialog::OnDurationChanged(wxCommandEvent& event) {
    event.Skip();
    UpdateTechniqueTotal();
}

void SessionNoteDialog::UpdateTechniqueTotal() {
    if (m_technique_total == nullptr) {
        return;
    }
    int total = 0;
    for (const core::TechniqueUse& use : ReadTechniques()) {
        total += use.minutes;
    }
    const std::optional<int> duration = ReadDuration();
    wxString text;
    if (total > 0 && duration) {
        // TRANSLATORS: the minutes of the techniques ticked, of the session's length.
        text = wxString::Format(_("%d of %d min"), total, *duration);
    }
    const bool over = duration && total > *duration;
    m_technique_total->SetForegroundColour(
        over ? (wxSystemSettings::GetAppearance().IsDark() ? wxColour(0xff, 0x8a, 0x80)
                                                           : wxColour(0xb0, 0x00, 0x20))
             : wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    if (over) {
        text << wxString::FromUTF8(" — ") << _("more than the session");
    }
    m_technique_total->SetLabelText(text);
}

// --- Start time ---

void SessionNoteDialog::OnStartTimeKillFocus(wxFocusEvent& event) {
    event.Skip();
    if (const std::optional<int> minute = ParseTypedClockTime(m_start->GetValue())) {
        m_start->ChangeValue(ToWx(core::FormatClockTime(*minute)));
    }
}

// --- Transfer ---

bool SessionNoteDialog::TransferDataToWindow() {
    m_date->SetValue(ToWxDate(m_note.date));
    m_start->ChangeValue(ToWx(core::FormatClockTime(m_note.start_minute)));
    m_duration->ChangeValue(wxString::Format("%d", m_note.duration_min));
    m_position->SetSelection(m_note.position ? static_cast<int>(*m_note.position)
                                             : static_cast<int>(core::AllPositions().size()));
    for (std::size_t i = 0; i < m_soap.size(); ++i) {
        m_soap[i]->ChangeValue(ToWx(SoapText(m_note, i)));
    }
    const auto& all = core::AllTechniques();
    for (std::size_t i = 0; i < all.size(); ++i) {
        const auto use =
            std::find_if(m_note.techniques.begin(), m_note.techniques.end(),
                         [&](const core::TechniqueUse& u) { return u.technique == all[i]; });
        const bool used = use != m_note.techniques.end();
        m_technique_boxes[i]->SetValue(used);
        m_technique_minutes[i]->Enable(used);
        m_technique_minutes[i]->ChangeValue(used ? wxString::Format("%d", use->minutes)
                                                 : wxString());
    }
    m_regions->Clear();
    m_accepted_rows.clear();
    for (const core::RegionWork& work : m_note.regions) {
        SetRegionRow(m_regions->AddRow(), work);
    }
    SyncChart();
    UpdateTechniqueTotal();
    return true;
}

SessionNoteDialog::Reading SessionNoteDialog::ReadControls() const {
    Reading reading;
    core::SessionNote& note = reading.note;
    note = m_note;
    if (const std::optional<core::Date> date = ToCoreDate(m_date->GetValue())) {
        note.date = *date;
    } else {
        reading.problems.push_back({"date", core::ProblemCode::kInvalidDate});
    }
    if (const std::optional<int> minute = ParseTypedClockTime(m_start->GetValue())) {
        note.start_minute = *minute;
    } else {
        reading.problems.push_back({"start_time", core::ProblemCode::kWrongType});
    }
    if (const std::optional<int> duration = ReadDuration()) {
        note.duration_min = *duration;
    } else {
        reading.problems.push_back({"duration_min", core::ProblemCode::kWrongType});
    }
    const int position = m_position->GetSelection();
    note.position =
        position >= 0 && static_cast<std::size_t>(position) < core::AllPositions().size()
            ? std::optional(core::AllPositions()[static_cast<std::size_t>(position)])
            : std::nullopt;
    for (std::size_t i = 0; i < m_soap.size(); ++i) {
        SoapText(note, i) = ToUtf8(m_soap[i]->GetValue());
    }
    note.techniques = ReadTechniques();
    note.regions.clear();
    for (std::size_t row = 0; row < m_regions->RowCount(); ++row) {
        if (std::optional<core::RegionWork> work = ReadRegionRow(row)) {
            note.regions.push_back(*work);
            reading.region_rows.push_back(row);
        } else {
            reading.problems.push_back(
                {"regions[" + std::to_string(row) + "].region", core::ProblemCode::kRequired});
        }
    }
    return reading;
}

bool SessionNoteDialog::TransferDataFromWindow() {
    Reading reading = ReadControls();
    m_problems = std::move(reading.problems);
    m_problem_techniques.clear();
    for (const core::TechniqueUse& use : reading.note.techniques) {
        m_problem_techniques.push_back(use.technique);
    }
    m_problem_region_rows = reading.region_rows;
    const auto already_reported = [&](const core::ValidationProblem& problem) {
        return std::any_of(
            m_problems.begin(), m_problems.end(),
            [&](const core::ValidationProblem& p) { return p.field == problem.field; });
    };
    for (core::ValidationProblem& problem :
         core::ValidateSessionNote(reading.note, m_context.today)) {
        // Core counts the regions of the note; the form counts the rows of the grid.
        if (const auto split = SplitIndex(problem.field, "regions")) {
            if (split->first < reading.region_rows.size()) {
                problem.field = "regions[" + std::to_string(reading.region_rows[split->first]) +
                                "]" + (split->second.empty() ? "" : ".") +
                                std::string(split->second);
            }
        }
        if (!already_reported(problem)) {
            m_problems.push_back(std::move(problem));
        }
    }
    std::stable_sort(m_problems.begin(), m_problems.end(),
                     [](const core::ValidationProblem& a, const core::ValidationProblem& b) {
                         return FormRank(a.field) < FormRank(b.field);
                     });
    ShowProblems();
    if (!m_problems.empty()) {
        return false;
    }
    m_note = std::move(reading.note);
    return true;
}

bool SessionNoteDialog::IsModified() const {
    return !(ReadControls().note == m_initial);
}

// --- Problems ---

wxWindow* SessionNoteDialog::ControlFor(std::string_view field) const {
    if (const auto found = m_controls.find(field); found != m_controls.end()) {
        return found->second;
    }
    if (field.substr(0, 7) == "regions") {
        return m_regions->ControlFor(field);
    }
    if (field == "techniques") {
        for (std::size_t i = 0; i < m_technique_boxes.size(); ++i) {
            if (m_technique_boxes[i]->GetValue()) {
                return m_technique_minutes[i];
            }
        }
        return m_technique_boxes.front();
    }
    if (const auto split = SplitIndex(field, "techniques")) {
        if (split->first < m_problem_techniques.size()) {
            const core::Technique technique = m_problem_techniques[split->first];
            return split->second == "minutes" ? static_cast<wxWindow*>(TechniqueMinutes(technique))
                                              : TechniqueBox(technique);
        }
    }
    return nullptr;
}

wxString SessionNoteDialog::LabelFor(const core::ValidationProblem& problem) const {
    if (const auto split = SplitIndex(problem.field, "regions")) {
        if (const std::optional<core::RegionWork> work = ReadRegionRow(split->first)) {
            const wxString place = RegionSideName(work->region, work->side);
            const wxString full = FieldLabel(problem.field);
            const wxString leaf = full.AfterLast(wxUniChar(0x2014)).Trim(false);
            if (split->second.empty() || split->second == "region") {
                // TRANSLATORS: a row of the region grid named by its region, e.g.
                // "Regions — left hamstrings".
                return wxString::Format(_("Regions — %s"), place);
            }
            // TRANSLATORS: a field of a region row, e.g. "Left hamstrings — pressure".
            return wxString::Format(_("%s — %s"), place, leaf);
        }
    }
    if (const auto split = SplitIndex(problem.field, "techniques")) {
        if (split->first < m_problem_techniques.size()) {
            const wxString name = NameOf(m_problem_techniques[split->first]);
            return split->second == "minutes"
                       // TRANSLATORS: e.g. "Trigger point therapy — minutes".
                       ? wxString::Format(_("%s — minutes"), name)
                       : name;
        }
    }
    return FieldLabel(problem.field);
}

wxString SessionNoteDialog::MessageFor(const core::ValidationProblem& problem) const {
    const wxString label = LabelFor(problem);
    if (problem.code == core::ProblemCode::kWrongType && problem.field == "start_time") {
        return wxString::Format(_("%s: enter the time as hours and minutes, for example 09:30."),
                                label);
    }
    if (problem.code == core::ProblemCode::kWrongType && problem.field == "duration_min") {
        return wxString::Format(_("%s: enter the length in minutes, for example 60."), label);
    }
    if (problem.code == core::ProblemCode::kRequired && problem.field.substr(0, 7) == "regions") {
        return wxString::Format(_("%s: choose the region, or remove the row."),
                                FieldLabel(problem.field));
    }
    if (problem.code == core::ProblemCode::kOutOfRange && problem.field == "techniques") {
        int total = 0;
        for (const core::TechniqueUse& use : ReadTechniques()) {
            total += use.minutes;
        }
        return wxString::Format(
            _("Techniques: the minutes add up to %d, more than the session's %s minutes."), total,
            wxString::FromDouble(problem.maximum));
    }
    if (problem.code == core::ProblemCode::kDuplicate && problem.field.substr(0, 7) == "regions") {
        return wxString::Format(_("%s: this region and side is in the note twice."), label);
    }
    if (problem.code == core::ProblemCode::kLocked) {
        return _(
            "This note has been signed in the meantime (perhaps at another desk), so it "
            "can no longer be changed. Close this window and add an amendment to the "
            "signed note instead.");
    }
    return ProblemMessage(problem, label);
}

wxString SessionNoteDialog::ProblemText() const {
    return m_problem_panel->Text();
}

void SessionNoteDialog::ShowProblems() {
    m_problem_panel->Clear();
    if (m_problems.empty()) {
        Layout();
        return;
    }
    wxString text = m_problems.size() == 1 ? _("This note cannot be saved yet:")
                                           : _("This note cannot be saved yet. Please check:");
    for (const core::ValidationProblem& problem : m_problems) {
        text << '\n' << MessageFor(problem);
        m_problem_panel->MarkField(dynamic_cast<wxTextCtrl*>(ControlFor(problem.field)));
    }
    m_problem_panel->ShowText(text, std::max(FromDIP(400), GetClientSize().x - FromDIP(90)));
    Layout();
    FocusProblemField(ControlFor(m_problems.front().field));
    wxBell();
}

// --- Saving ---

void SessionNoteDialog::Save(bool sign) {
    if (!TransferDataFromWindow()) {
        return;
    }
    if (sign) {
        wxMessageDialog ask(
            this, wxString::Format(_("Sign this note as %s?"), ToWx(m_context.at_desk.name)),
            _("Sign note"), wxYES_NO | wxYES_DEFAULT | wxICON_QUESTION);
        ask.SetExtendedMessage(
            _("A signed note is locked: it cannot be changed afterwards. A correction is added "
              "as an amendment that keeps the original visible."));
        ask.SetYesNoLabels(_("&Sign"), _("&Keep editing"));
        if (ask.ShowModal() != wxID_YES) {
            return;
        }
    }
    if (m_save) {
        core::SessionNote note = m_note;
        const auto show_error = [this](const wxString& what, const std::exception& error) {
            ShowErrorMessage(this, what, error, _("Session note"));
        };
        try {
            m_save(note, sign);
        } catch (const db::ValidationError& error) {
            m_problems = error.Problems();
            ShowProblems();
            return;
        } catch (const db::ConflictError& error) {
            show_error(_("This note was changed at another desk while you were editing it. "
                         "Nothing has been saved. Close this window and open the note again "
                         "to see the changes."),
                       error);
            return;
        } catch (const db::NotFoundError& error) {
            show_error(_("The client, the therapist or the note is no longer in the database, "
                         "so the note cannot be saved."),
                       error);
            return;
        } catch (const db::DatabaseError& error) {
            show_error(_("The note could not be saved. What you entered is still in the "
                         "window; try again."),
                       error);
            return;
        }
        m_note = std::move(note);
    }
    m_signed = sign;
    EndModal(wxID_OK);
}

void SessionNoteDialog::OnSaveButton(wxCommandEvent&) {
    Save(false);
}

void SessionNoteDialog::OnSignButton(wxCommandEvent&) {
    Save(true);
}

void SessionNoteDialog::OnCancelButton(wxCommandEvent&) {
    if (IsModified() && !ConfirmThrowAway(this, _("Throw away this note?"), _("Session note"))) {
        return;
    }
    EndModal(wxID_CANCEL);
}

void SessionNoteDialog::OnCharHook(wxKeyEvent& event) {
    if (event.GetKeyCode() == 'S' && event.GetModifiers() == wxMOD_CONTROL) {
        Save(false);
        return;
    }
    if (event.GetKeyCode() == 'S' && event.GetModifiers() == (wxMOD_CONTROL | wxMOD_SHIFT)) {
        Save(true);
        return;
    }
    if (event.GetKeyCode() == WXK_ESCAPE && event.GetModifiers() == wxMOD_NONE) {
        wxCommandEvent cancel(wxEVT_BUTTON, wxID_CANCEL);
        OnCancelButton(cancel);
        return;
    }
    event.Skip();
}

}  // namespace myodesk::app
