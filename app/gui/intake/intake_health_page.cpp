#include "intake/intake_health_page.h"

#include "common/code_names.h"
#include "common/form_rows_panel.h"
#include "common/wx_conversions.h"
#include "intake/intake_fields.h"

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>

#include <charconv>

namespace myodesk::app {

using namespace intake_fields;

namespace {

constexpr int kMaxPregnancyWeeks = 42;

// Column order of the rows of conditions on the body.
namespace regional_column {
constexpr std::size_t kCode = 0, kRegion = 1, kSide = 2, kSince = 3;
}

}  // namespace

IntakeHealthPage::IntakeHealthPage(wxSimplebook* book)
    : IntakePage(book, _("Health history"),
                 _("Tick what the client has now, or had and still affects them. Conditions "
                   "in one place on the body (such as bruising or varicose veins) are listed "
                   "under the checklist: choose where.")) {
    for (const core::ConditionCode condition : core::AllValues<core::ConditionCode>()) {
        if (core::IsRegional(condition)) {
            m_regional_conditions.push_back(condition);
        }
    }
    CreateChecklist();
    CreateRegionalRows();
}

void IntakeHealthPage::CreateChecklist() {
    std::map<core::BodySystem, wxStaticBoxSizer*> boxes;
    for (const core::BodySystem system : core::AllValues<core::BodySystem>()) {
        boxes[system] = new wxStaticBoxSizer(wxVERTICAL, this, NameOf(system));
    }
    for (const core::ConditionCode condition : core::AllValues<core::ConditionCode>()) {
        wxStaticBoxSizer* box = boxes.at(core::SystemOf(condition));
        auto* check = new wxCheckBox(box->GetStaticBox(), wxID_ANY, NameOf(condition));
        check->SetName("condition." + std::string(core::ToCode(condition)));
        check->Bind(wxEVT_CHECKBOX, &IntakeHealthPage::OnConditionBox, this);
        if (core::IsRegional(condition)) {
            check->SetToolTip(_("Ticking this adds a row below to say where on the body."));
        }
        m_condition_boxes[condition] = check;
        box->Add(check, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(2)));
    }
    CreatePregnancyRow(boxes.at(core::BodySystem::kReproductive));
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
    Content()->Add(checklist, wxSizerFlags().Expand());
}

void IntakeHealthPage::CreatePregnancyRow(wxStaticBoxSizer* reproductive) {
    wxWindow* box = reproductive->GetStaticBox();
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    m_pregnant = new wxCheckBox(box, wxID_ANY, _("Pregnant"));
    m_pregnant->SetName("health.pregnant");
    m_pregnant->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent& event) {
        m_pregnancy_weeks->Enable(event.IsChecked());
    });
    AddControl("health.pregnant", m_pregnant);
    row->Add(m_pregnant, wxSizerFlags().CentreVertical());
    row->Add(new wxStaticText(box, wxID_ANY, _("weeks")),
             wxSizerFlags().CentreVertical().Border(wxLEFT, FromDIP(10)));
    m_pregnancy_weeks = NewNumberChoice(box, _("not known"), 1, kMaxPregnancyWeeks);
    m_pregnancy_weeks->SetName("health.pregnancy_weeks");
    AddControl("health.pregnancy_weeks", m_pregnancy_weeks);
    row->Add(m_pregnancy_weeks, wxSizerFlags().CentreVertical().Border(wxLEFT, 6));
    reproductive->Add(row, wxSizerFlags().Border(wxALL, FromDIP(3)));
}

void IntakeHealthPage::CreateRegionalRows() {
    wxString regional_names;
    for (std::size_t i = 0; i < m_regional_conditions.size(); ++i) {
        if (i > 0) {
            // TRANSLATORS: between the last two items of a list: "bruising or varicose veins".
            regional_names << (i + 1 == m_regional_conditions.size() ? _(" or ") : ", ");
        }
        regional_names << NameOf(m_regional_conditions[i]).Lower();
    }
    auto* where = new wxStaticBoxSizer(wxVERTICAL, this, _("Conditions on the body"));
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
            return {code, NewRegionChoice(parent, ChoosePlaceholder()),
                    NewSideChoice(parent, ChoosePlaceholder()), NewDateField(parent, "since")};
        },
        _("Add a place"),
        wxString::Format(_("Nothing here. Ticking %s adds a row to say where."), regional_names));
    m_regional->SetOnRowsChanged([this] { SyncConditionBoxes(); });
    AddList(m_regional);
    where->Add(m_regional, wxSizerFlags().Expand().Border(wxALL, FromDIP(6)));
    Content()->Add(where, wxSizerFlags().Expand().Border(wxTOP, FromDIP(10)));
}

wxCheckBox* IntakeHealthPage::ConditionBox(core::ConditionCode condition) const {
    const auto found = m_condition_boxes.find(condition);
    return found == m_condition_boxes.end() ? nullptr : found->second;
}

void IntakeHealthPage::OnConditionBox(wxCommandEvent& event) {
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
        return;
    }
    // Unticked: its rows go.
    for (std::size_t row = m_regional->RowCount(); row-- > 0;) {
        const auto code = SelectedCode(m_regional->CellAs<wxChoice>(row, regional_column::kCode),
                                       m_regional_conditions);
        if (code == condition) {
            m_regional->RemoveRow(row);
        }
    }
}

void IntakeHealthPage::AddRegionalConditionRow(core::ConditionCode condition) {
    const std::size_t row = m_regional->AddRow();
    SelectCode(m_regional->CellAs<wxChoice>(row, regional_column::kCode), m_regional_conditions,
               std::optional(condition));
}

void IntakeHealthPage::SyncConditionBoxes() {
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

void IntakeHealthPage::Load(const core::Client&, const core::Intake& intake) {
    const core::Health& health = intake.health;
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
            SetDate(*m_regional->CellAs<DateField>(row, regional_column::kSince), condition.since);
            continue;
        }
        if (wxCheckBox* box = ConditionBox(condition.code)) {
            box->SetValue(true);
        }
        if (condition.since) {
            m_condition_since[condition.code] = *condition.since;
        }
    }
    SyncConditionBoxes();
    m_pregnant->SetValue(health.pregnant);
    SelectNumber(m_pregnancy_weeks, 1, health.pregnancy_weeks);
    m_pregnancy_weeks->Enable(health.pregnant);
}

void IntakeHealthPage::Read(core::Client&, core::Intake& intake,
                            core::ValidationProblems& problems) const {
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
            AddProblem(problems, Path("health.conditions", row, "code"),
                       core::ProblemCode::kRequired);
            condition.code = m_regional_conditions.front();
        }
        condition.region = SelectedCode(m_regional->CellAs<wxChoice>(row, regional_column::kRegion),
                                        core::AllValues<core::Region>());
        condition.side = SelectedCode(m_regional->CellAs<wxChoice>(row, regional_column::kSide),
                                      core::AllValues<core::Side>());
        condition.since = ReadDate(*m_regional->CellAs<DateField>(row, regional_column::kSince),
                                   Path("health.conditions", row, "since"), problems);
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
}

wxWindow* IntakeHealthPage::ControlFor(std::string_view name) const {
    // "health.conditions[i]" beyond the rows is a checklist condition (the row editor would
    // answer with its Add button).
    constexpr std::string_view kConditions = "health.conditions[";
    if (name.substr(0, kConditions.size()) == kConditions) {
        std::size_t index = 0;
        const std::string_view rest = name.substr(kConditions.size());
        std::from_chars(rest.data(), rest.data() + rest.size(), index);
        if (index >= m_regional->RowCount()) {
            // The n-th ticked one after the rows.
            std::size_t n = index - m_regional->RowCount();
            for (const core::ConditionCode code : core::AllValues<core::ConditionCode>()) {
                if (!core::IsRegional(code) && ConditionBox(code)->GetValue() && n-- == 0) {
                    return ConditionBox(code);
                }
            }
            return nullptr;
        }
    }
    return IntakePage::ControlFor(name);
}

}  // namespace myodesk::app
