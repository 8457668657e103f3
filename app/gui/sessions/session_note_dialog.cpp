#include "sessions/session_note_dialog.h"

#include "common/code_names.h"
#include "common/date_field.h"
#include "common/discard_confirmation.h"
#include "common/error_message.h"
#include "common/form_rows_panel.h"
#include "common/problem_message.h"
#include "common/problem_panel.h"
#include "common/wx_conversions.h"
#include "intake/contraindication_banner_panel.h"
#include "intake/flag_override_dialog.h"
#include "sessions/body_chart_ctrl.h"
#include "sessions/clash_message.h"
#include "sessions/session_note_text.h"
#include "sessions/technique_list.h"

#include <myodesk/db/errors.h>
#include <myodesk/services/note_service.h>
#include <myodesk/vocabulary/words.h>

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/combobox.h>
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

}  // namespace

// --- Construction ---

SessionNoteDialog::SessionNoteDialog(wxWindow* parent, Context context, core::SessionNote note,
                                     SaveFunction save)
    : FormDialog(parent,
                 wxString::Format(context.correcting ? _("Correct session note: %s")
                                  : note.id == 0     ? _("New session note: %s")
                                                     : _("Session note: %s"),
                                  ToWx(core::DisplayName(context.client))),
                 "SessionNoteDialog"),
      m_context(std::move(context)),
      m_cautions(m_context.flags, m_context.client_avoids, m_context.modify_pressure_cap,
                 m_context.preferred_pressure),
      m_note(std::move(note)),
      m_save(std::move(save)) {
    CreateControls();
    EnableSaveShortcut();
    SetDiscardQuestion(_("Throw away this note?"), _("Session note"));

    TransferDataToWindow();
    m_initial = ReadControls().note;

    // Big enough for chart and text side by side, never bigger than the screen.
    SetMinSize(FromDIP(wxSize(900, 560)));
    RestoreGeometry(FromDIP(wxSize(1180, 780)));
    m_soap[0]->SetFocus();
}

core::SessionNote SessionNoteDialog::NewNote(core::ClientId client, core::StaffId therapist,
                                             const core::Date& today, int minute_of_day) {
    core::SessionNote note;
    note.client_id = client;
    note.therapist_id = therapist;
    note.date = today;
    note.duration_min = 60;
    note.start_minute = JustEndedSessionStart(minute_of_day, note.duration_min);
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
    if (!m_context.copied_from.empty()) {
        // Its own line, wrapped: which note was copied and what was (and was not) taken.
        m_copied_from = NewGreyText(this, m_context.copied_from);
        m_copied_from->SetName("copied_from");
        m_copied_from->Wrap(FromDIP(900));
        top->Add(m_copied_from,
                 wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    }
    if (m_context.correcting) {
        top->Add(CreateCorrectionReason(),
                 wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(12)));
    }
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
    m_date = new DateField(this, "date");
    m_date->SetMinSize(wxSize(FromDIP(120), -1));
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
    const auto on_duration = [this](wxCommandEvent& event) {
        event.Skip();
        if (m_techniques != nullptr) {
            m_techniques->UpdateTotal();
        }
    };
    m_duration->Bind(wxEVT_TEXT, on_duration);
    m_duration->Bind(wxEVT_COMBOBOX, on_duration);
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
    row->AddSpacer(FromDIP(16));

    // A session without treatment (turned away, refused, referred) says why instead of
    // listing techniques and regions.
    label(_("T&reatment"));
    m_treatment = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0,
                               wxDefaultValidator, "no_treatment");
    m_treatment->Append(_("Given"));
    for (const core::NoTreatment reason : core::AllNoTreatmentReasons()) {
        m_treatment->Append(wxString::Format(_("None: %s"), ToWx(vocabulary::NameOf(reason))));
    }
    m_controls.emplace("no_treatment", m_treatment);
    row->Add(m_treatment, wxSizerFlags().CentreVertical());

    row->AddStretchSpacer();
    auto* who = new wxBoxSizer(wxVERTICAL);
    auto* therapist = new wxStaticText(
        this, wxID_ANY, wxString::Format(_("Therapist: %s"), m_context.therapist_name));
    therapist->SetFont(therapist->GetFont().Bold());
    who->Add(therapist, wxSizerFlags().Right());
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
    m_techniques = new TechniqueList(this, m_cautions, [this] { return ReadDuration(); });
    column->Add(m_techniques, wxSizerFlags().Expand());
    return column;
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
    m_chart->SetAvoided(m_cautions.AvoidedAreas());
    m_chart->Bind(EVT_BODY_CHART_CLICKED,
                  [this](BodyChartEvent& event) { m_regions->ToggleArea(event.Area()); });
    column->Add(m_chart, wxSizerFlags(1).Expand());

    // The grid scrolls on its own below the chart; chart and grid always show the same
    // regions.
    m_regions = new RegionWorkGrid(this, m_cautions, [this] { SyncChart(); });
    column->Add(m_regions, wxSizerFlags().Expand());
    return column;
}

wxSizer* SessionNoteDialog::CreateCorrectionReason() {
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto* label = new wxStaticText(this, wxID_ANY, _("Reason for the c&orrection"));
    label->SetFont(label->GetFont().Bold());
    row->Add(label, wxSizerFlags().CentreVertical().Border(wxRIGHT, FromDIP(8)));
    m_correction_reason = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition,
                                         wxDefaultSize, 0, wxDefaultValidator, "reason");
    SayWhenFull(m_correction_reason, _("Reason for the correction"),
                core::SessionNoteLimits::kReason);
    m_correction_reason->SetHint(_("e.g. pain score recorded on the wrong side"));
    m_controls.emplace("reason", m_correction_reason);
    row->Add(m_correction_reason, wxSizerFlags(1).CentreVertical());
    return row;
}

std::string SessionNoteDialog::CorrectionReason() const {
    return m_correction_reason != nullptr ? ToUtf8(m_correction_reason->GetValue()) : std::string();
}

bool SessionNoteDialog::IsDirty() const {
    return IsModified() ||
           (m_correction_reason != nullptr && !m_correction_reason->GetValue().empty());
}

wxSizer* SessionNoteDialog::CreateButtons() {
    if (m_context.correcting) {
        auto* row = new wxBoxSizer(wxHORIZONTAL);
        row->Add(NewGreyText(this, _("The note as signed stays; the correction is added as an "
                                     "amendment (Ctrl+S).")),
                 wxSizerFlags().CentreVertical());
        row->AddStretchSpacer();
        row->Add(CreateFormButtons(wxID_SAVE, _("Save co&rrection"), wxString(), wxString(),
                                   /*enter_affirms=*/false),
                 wxSizerFlags().CentreVertical());
        return row;
    }
    auto* sign = new wxButton(this, kSignId, _("Save and si&gn"));
    sign->SetToolTip(wxString::Format(
        _("Save the note and sign it as %s; a signed note is locked (Ctrl+Shift+S)"),
        ToWx(m_context.at_desk.name)));
    sign->SetName("sign");
    sign->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { Save(true); });
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    auto* shortcuts = NewGreyText(this, _("Ctrl+S saves · Ctrl+Shift+S saves and signs"));
    row->Add(shortcuts, wxSizerFlags().CentreVertical());
    row->AddStretchSpacer();
    // Enter in a field never saves: a note is saved on purpose.
    row->Add(CreateFormButtons(wxID_SAVE, _("Sa&ve"),
                               _("Save the note unsigned, to finish later (Ctrl+S)"), wxString(),
                               /*enter_affirms=*/false),
             wxSizerFlags().CentreVertical());
    // The standard sizer leaves its own gap after Save.
    row->Add(sign, wxSizerFlags().CentreVertical());
    return row;
}

// --- Parts ---

FormRowsPanel* SessionNoteDialog::RegionGrid() const {
    return m_regions->Rows();
}

std::vector<core::RegionWork> SessionNoteDialog::GridRegions() const {
    return m_regions->Regions();
}

void SessionNoteDialog::SetRegionRow(std::size_t row, const core::RegionWork& work) {
    m_regions->SetRow(row, work);
}

void SessionNoteDialog::ToggleArea(core::RegionSide area) {
    m_regions->ToggleArea(area);
}

void SessionNoteDialog::SyncChart() {
    m_chart->SetRegions(m_regions->Regions());
}

wxCheckBox* SessionNoteDialog::TechniqueBox(core::Technique technique) const {
    return m_techniques->Box(technique);
}

wxTextCtrl* SessionNoteDialog::TechniqueMinutes(core::Technique technique) const {
    return m_techniques->Minutes(technique);
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

// --- Start time ---

void SessionNoteDialog::OnStartTimeKillFocus(wxFocusEvent& event) {
    event.Skip();
    if (const std::optional<int> minute = ParseTypedClockTime(m_start->GetValue())) {
        m_start->ChangeValue(ToWx(core::FormatClockTime(*minute)));
    }
}

// --- Transfer ---

bool SessionNoteDialog::TransferDataToWindow() {
    m_date->SetDate(m_note.date);
    m_start->ChangeValue(ToWx(core::FormatClockTime(m_note.start_minute)));
    m_duration->ChangeValue(wxString::Format("%d", m_note.duration_min));
    m_position->SetSelection(m_note.position ? static_cast<int>(*m_note.position)
                                             : static_cast<int>(core::AllPositions().size()));
    m_treatment->SetSelection(m_note.no_treatment ? static_cast<int>(*m_note.no_treatment) + 1 : 0);
    for (std::size_t i = 0; i < m_soap.size(); ++i) {
        m_soap[i]->ChangeValue(ToWx(SoapText(m_note, i)));
    }
    m_techniques->Load(m_note.techniques);
    m_regions->Load(m_note.regions);
    SyncChart();
    return true;
}

SessionNoteDialog::Reading SessionNoteDialog::ReadControls() const {
    Reading reading;
    core::SessionNote& note = reading.note;
    note = m_note;
    if (const std::optional<core::Date> date = m_date->GetDate()) {
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
    const int treatment = m_treatment->GetSelection();
    const auto& no_treatment = core::AllNoTreatmentReasons();
    note.no_treatment = treatment >= 1 && static_cast<std::size_t>(treatment) <= no_treatment.size()
                            ? std::optional(no_treatment[static_cast<std::size_t>(treatment) - 1])
                            : std::nullopt;
    for (std::size_t i = 0; i < m_soap.size(); ++i) {
        SoapText(note, i) = ToUtf8(m_soap[i]->GetValue());
    }
    note.techniques = m_techniques->Read();
    note.regions.clear();
    for (std::size_t row = 0; row < RegionGrid()->RowCount(); ++row) {
        if (std::optional<core::RegionWork> work = m_regions->ReadRow(row)) {
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
        return RegionGrid()->ControlFor(field);
    }
    if (field == "techniques") {
        return m_techniques->FirstField();
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
        if (const std::optional<core::RegionWork> work = m_regions->ReadRow(split->first)) {
            const wxString place = RegionSideName(work->region, work->side);
            const wxString full = FieldLabel(problem.field);
            const wxString leaf = full.AfterLast(wxUniChar(0x2014)).Trim(false);
            if (split->second.empty() || split->second == "region") {
                // TRANSLATORS: a row of the region grid named by its region, e.g.
                // "Regions — left hamstring".
                return wxString::Format(_("Regions — %s"), place);
            }
            // TRANSLATORS: a field of a region row, e.g. "Left hamstring — pressure".
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
    if (problem.code == core::ProblemCode::kInvalidDate && problem.field == "date") {
        return m_date->UnreadableMessage(label);
    }
    if (problem.code == core::ProblemCode::kOverlaps && m_clash) {
        return ClashMessage(label, *m_clash);
    }
    if (problem.code == core::ProblemCode::kWrongType && problem.field == "start_time") {
        return wxString::Format(_("%s: enter the time as hours and minutes, for example 09:30."),
                                label);
    }
    if (problem.code == core::ProblemCode::kWrongType && problem.field == "duration_min") {
        return wxString::Format(_("%s: enter the length in minutes, for example 60."), label);
    }
    if (problem.code == core::ProblemCode::kRequired &&
        (problem.field == "regions" || problem.field == "techniques")) {
        return problem.field == "regions"
                   ? _("Regions: click the body where you worked, or choose under Treatment why "
                       "none was given.")
                   : _("Techniques: tick the techniques used with their minutes, or choose "
                       "under Treatment why none was given.");
    }
    if (problem.code == core::ProblemCode::kContradicts &&
        (problem.field == "regions" || problem.field == "techniques")) {
        return wxString::Format(
            _("%s: a session without treatment has none; clear them, or choose Treatment "
              "given."),
            label);
    }
    if (problem.code == core::ProblemCode::kRequired && problem.field.substr(0, 7) == "regions") {
        return wxString::Format(_("%s: choose the region, or remove the row."),
                                FieldLabel(problem.field));
    }
    if (problem.code == core::ProblemCode::kOutOfRange && problem.field == "techniques") {
        int total = 0;
        for (const core::TechniqueUse& use : m_techniques->Read()) {
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
    ProblemDisplay display;
    display.heading_one = _("This note cannot be saved yet:");
    display.heading_many = _("This note cannot be saved yet. Please check:");
    display.message = [this](const core::ValidationProblem& problem) {
        return MessageFor(problem);
    };
    display.control_for = [this](std::string_view field) { return ControlFor(field); };
    FormDialog::ShowProblems(*m_problem_panel, m_problems, display);
}

// --- Saving ---

bool SessionNoteDialog::ConfirmSigning() {
    wxMessageDialog ask(this,
                        wxString::Format(_("Sign this note as %s?"), ToWx(m_context.at_desk.name)),
                        _("Sign note"), wxYES_NO | wxYES_DEFAULT | wxICON_QUESTION);
    ask.SetExtendedMessage(
        _("A signed note is locked: it cannot be changed afterwards. A correction is added "
          "as an amendment that keeps the original visible."));
    ask.SetYesNoLabels(_("&Sign"), _("&Keep editing"));
    return ask.ShowModal() == wxID_YES;
}

void SessionNoteDialog::SaveOverridingFlagsIfAsked(core::SessionNote& note) {
    try {
        m_save(note, m_sign);
    } catch (const services::AbsoluteFlagError& error) {
        const std::optional<std::string> reason =
            AskFlagOverride(this, m_context.client, error.Date(), error.Flags(),
                            m_sign ? _("Override, save and si&gn") : _("Override and &save"));
        if (!reason) {
            throw FlagNotOverridden();
        }
        note.flag_override = *reason;
        m_save(note, m_sign);
    }
}

void SessionNoteDialog::Save(bool sign) {
    m_sign = sign && !m_context.correcting;  // a correction is an amendment, never signed
    Affirm();
    m_sign = false;
}

bool SessionNoteDialog::Save() {
    if (m_sign && !ConfirmSigning()) {
        return false;
    }
    if (m_context.correcting && !IsModified()) {
        m_problems.clear();
        FormDialog::ShowProblems(*m_problem_panel, {}, {},
                                 {_("Nothing was corrected yet: change what was recorded "
                                    "wrongly, then save the correction.")});
        return false;
    }
    if (m_save) {
        core::SessionNote note = m_note;
        try {
            SaveOverridingFlagsIfAsked(note);
        } catch (const FlagNotOverridden&) {
            return false;  // the therapist chose not to go ahead: the note stays open
        } catch (const db::ClashError& error) {
            m_problems = error.Problems();
            m_clash = error.Other();
            ShowProblems();
            return false;
        } catch (const db::ValidationError& error) {
            m_problems = error.Problems();
            for (core::ValidationProblem& problem : m_problems) {
                // A correction's problems are named inside it ("corrected.regions[0]...").
                if (problem.field.starts_with("corrected.")) {
                    problem.field.erase(0, std::string_view("corrected.").size());
                }
            }
            m_clash.reset();
            ShowProblems();
            return false;
        } catch (const services::NoteNotEndedError& error) {
            // Nothing was saved: the note stays open to be saved unsigned (Ctrl+S).
            m_problems.clear();
            ProblemDisplay display;
            display.heading_one = _("This note cannot be signed yet:");
            FormDialog::ShowProblems(
                *m_problem_panel, {}, display,
                {wxString::Format(_("The session ends at %s on %s. A note is signed once its "
                                    "session has ended: save it now (Ctrl+S) and sign it then."),
                                  ToWx(core::FormatClockTime(error.EndMinute())),
                                  FormatReadableDate(error.EndDate()))});
            return false;
        } catch (const db::DatabaseError& error) {
            ShowErrorMessage(this,
                             _("The note could not be saved. What you entered is still in the "
                               "window."),
                             error, _("Session note"));
            return false;
        }
        m_note = std::move(note);
    }
    m_signed = m_sign;
    return true;
}

bool SessionNoteDialog::HandleKey(wxKeyEvent& event) {
    if (event.GetKeyCode() == 'S' && event.GetModifiers() == wxMOD_CONTROL) {
        Save(false);
        return true;
    }
    if (event.GetKeyCode() == 'S' && event.GetModifiers() == (wxMOD_CONTROL | wxMOD_SHIFT)) {
        Save(true);
        return true;
    }
    return false;
}

}  // namespace myodesk::app
