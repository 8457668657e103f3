#include "intake/intake_history_page.h"

#include "common/form_rows_panel.h"
#include "common/wx_conversions.h"
#include "intake/intake_fields.h"

#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/textctrl.h>

#include <utility>

namespace myodesk::app {

using namespace intake_fields;

namespace {

namespace event_column {
constexpr std::size_t kDate = 0, kKind = 1, kRegion = 2, kSide = 3, kDescription = 4;
}

}  // namespace

IntakeHistoryPage::IntakeHistoryPage(wxSimplebook* book, const core::Date& today)
    : IntakePage(book, _("Surgeries and injuries"),
                 _("With dates: a surgery in the last six weeks, an acute injury in the last "
                   "week or a fracture in the last six weeks means avoiding that area.")),
      m_today(today) {
    m_surgeries = AddEventList(_("Surgeries"), "health.surgeries", false, _("Add a surgery"),
                               _("No surgeries."), 0);
    m_injuries = AddEventList(_("Injuries"), "health.injuries", true, _("Add an injury"),
                              _("No injuries."), FromDIP(10));
}

FormRowsPanel* IntakeHistoryPage::AddEventList(const wxString& title, std::string path,
                                               bool injuries, const wxString& add_label,
                                               const wxString& empty_text, int border) {
    auto* box = new wxStaticBoxSizer(wxVERTICAL, this, title);
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
                kind =
                    NewCodeChoice(parent, core::AllValues<core::InjuryKind>(), ChoosePlaceholder());
                kind->SetToolTip(
                    _("Acute: a sprain, strain or knock. An acute injury in the last week "
                      "or a fracture in the last six weeks means avoiding that area."));
            } else {
                auto* text = new wxTextCtrl(parent, wxID_ANY);
                text->SetHint(_("e.g. knee arthroscopy"));
                kind = text;
            }
            return {NewDateField(parent), kind, NewRegionChoice(parent, NonePlaceholder()),
                    NewSideChoice(parent, NonePlaceholder()), new wxTextCtrl(parent, wxID_ANY)};
        },
        add_label, empty_text);
    AddList(list);
    box->Add(list, wxSizerFlags().Expand().Border(wxALL, FromDIP(6)));
    Content()->Add(box, wxSizerFlags().Expand().Border(wxTOP, border));
    return list;
}

void IntakeHistoryPage::LoadEvents(FormRowsPanel* list,
                                   const std::vector<core::HealthEvent>& events, bool injuries) {
    list->Clear();
    for (const core::HealthEvent& event : events) {
        const std::size_t row = list->AddRow();
        SetDate(*list->CellAs<DateField>(row, event_column::kDate), event.date);
        if (injuries) {
            SelectCode(list->CellAs<wxChoice>(row, event_column::kKind),
                       core::AllValues<core::InjuryKind>(),
                       core::FromCode<core::InjuryKind>(event.kind));
        } else {
            list->CellAs<wxTextCtrl>(row, event_column::kKind)->ChangeValue(ToWx(event.kind));
        }
        SelectCode(list->CellAs<wxChoice>(row, event_column::kRegion),
                   core::AllValues<core::Region>(), event.region);
        SelectCode(list->CellAs<wxChoice>(row, event_column::kSide), core::AllValues<core::Side>(),
                   event.side);
        list->CellAs<wxTextCtrl>(row, event_column::kDescription)
            ->ChangeValue(ToWx(event.description));
    }
}

void IntakeHistoryPage::Load(const core::Client&, const core::Intake& intake) {
    LoadEvents(m_surgeries, intake.health.surgeries, false);
    LoadEvents(m_injuries, intake.health.injuries, true);
}

std::vector<core::HealthEvent> IntakeHistoryPage::ReadEvents(
    const FormRowsPanel* list, bool injuries, core::ValidationProblems& problems) const {
    using core::ProblemCode;
    std::vector<core::HealthEvent> events;
    for (std::size_t row = 0; row < list->RowCount(); ++row) {
        core::HealthEvent event;
        event.date = ReadDate(*list->CellAs<DateField>(row, event_column::kDate),
                              Path(list->Path(), row, "date"), problems, true)
                         .value_or(m_today);
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
}

void IntakeHistoryPage::Read(core::Client&, core::Intake& intake,
                             core::ValidationProblems& problems) const {
    intake.health.surgeries = ReadEvents(m_surgeries, false, problems);
    intake.health.injuries = ReadEvents(m_injuries, true, problems);
}

}  // namespace myodesk::app
