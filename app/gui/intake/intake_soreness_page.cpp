#include "intake/intake_soreness_page.h"

#include "common/form_rows_panel.h"
#include "intake/intake_fields.h"

#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/statbox.h>

namespace myodesk::app {

using namespace intake_fields;

namespace {

namespace soreness_column {
constexpr std::size_t kRegion = 0, kSide = 1, kPain = 2;
}

}  // namespace

IntakeSorenessPage::IntakeSorenessPage(wxSimplebook* book)
    : IntakePage(book, _("Soreness and areas to avoid"),
                 _("Where it is sore today, with the client's own pain score from 0 (none) to "
                   "10 (worst), and any area the client does not want worked on.")) {
    const auto region_side = [](wxWindow* parent) -> std::vector<wxWindow*> {
        return {NewRegionChoice(parent, ChoosePlaceholder()),
                NewSideChoice(parent, ChoosePlaceholder())};
    };
    auto* sore_box = new wxStaticBoxSizer(wxVERTICAL, this, _("Soreness now"));
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
    AddList(m_soreness);
    sore_box->Add(m_soreness, wxSizerFlags().Expand().Border(wxALL, FromDIP(6)));
    Content()->Add(sore_box, wxSizerFlags().Expand());

    auto* avoid_box = new wxStaticBoxSizer(wxVERTICAL, this, _("Areas to avoid"));
    m_avoid =
        new FormRowsPanel(avoid_box->GetStaticBox(), "avoid_regions",
                          {{_("Region"), "region", 150, false}, {_("Side"), "side", 120, false}},
                          region_side, _("Add an area to avoid"), _("No areas to avoid."));
    AddList(m_avoid);
    avoid_box->Add(m_avoid, wxSizerFlags().Expand().Border(wxALL, FromDIP(6)));
    Content()->Add(avoid_box, wxSizerFlags().Expand().Border(wxTOP, FromDIP(10)));
}

void IntakeSorenessPage::Load(const core::Client&, const core::Intake& intake) {
    // Region and side are the first two columns of both lists.
    const auto select_place = [](FormRowsPanel* list, std::size_t row, core::RegionSide place) {
        SelectCode(list->CellAs<wxChoice>(row, soreness_column::kRegion),
                   core::AllValues<core::Region>(), std::optional(place.region));
        SelectCode(list->CellAs<wxChoice>(row, soreness_column::kSide),
                   core::AllValues<core::Side>(), std::optional(place.side));
    };
    m_soreness->Clear();
    for (const core::Soreness& sore : intake.soreness) {
        const std::size_t row = m_soreness->AddRow();
        select_place(m_soreness, row, core::RegionSide{sore.region, sore.side});
        m_soreness->CellAs<wxChoice>(row, soreness_column::kPain)
            ->SetSelection(sore.pain >= 0 && sore.pain <= 10 ? sore.pain + 1 : 0);
    }
    m_avoid->Clear();
    for (const core::RegionSide& area : intake.avoid_regions) {
        select_place(m_avoid, m_avoid->AddRow(), area);
    }
}

core::RegionSide IntakeSorenessPage::ReadRegionSide(const FormRowsPanel* list, std::size_t row,
                                                    core::ValidationProblems& problems) {
    core::RegionSide where;
    if (const auto region = SelectedCode(list->CellAs<wxChoice>(row, soreness_column::kRegion),
                                         core::AllValues<core::Region>())) {
        where.region = *region;
    } else {
        AddProblem(problems, Path(list->Path(), row, "region"), core::ProblemCode::kRequired);
    }
    if (const auto side = SelectedCode(list->CellAs<wxChoice>(row, soreness_column::kSide),
                                       core::AllValues<core::Side>())) {
        where.side = *side;
    } else {
        AddProblem(problems, Path(list->Path(), row, "side"), core::ProblemCode::kRequired);
    }
    return where;
}

void IntakeSorenessPage::Read(core::Client&, core::Intake& intake,
                              core::ValidationProblems& problems) const {
    intake.soreness.clear();
    for (std::size_t row = 0; row < m_soreness->RowCount(); ++row) {
        const core::RegionSide where = ReadRegionSide(m_soreness, row, problems);
        core::Soreness sore;
        sore.region = where.region;
        sore.side = where.side;
        const int pain = m_soreness->CellAs<wxChoice>(row, soreness_column::kPain)->GetSelection();
        if (pain > 0) {
            sore.pain = pain - 1;
        } else {
            AddProblem(problems, Path("soreness", row, "pain"), core::ProblemCode::kRequired);
        }
        intake.soreness.push_back(sore);
    }
    intake.avoid_regions.clear();
    for (std::size_t row = 0; row < m_avoid->RowCount(); ++row) {
        intake.avoid_regions.push_back(ReadRegionSide(m_avoid, row, problems));
    }
}

}  // namespace myodesk::app
