#include "sessions/region_work_grid.h"

#include "common/code_names.h"
#include "common/form_rows_panel.h"
#include "sessions/body_chart_ctrl.h"
#include "sessions/note_cautions.h"

#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>
#include <array>
#include <utility>

namespace myodesk::app {

RegionWorkGrid::RegionWorkGrid(wxWindow* parent, const NoteCautions& cautions,
                               std::function<void()> on_changed)
    : wxPanel(parent), m_cautions(cautions), m_on_changed(std::move(on_changed)) {
    // Fixed column widths keep the headings above the scrolled rows aligned with them.
    const std::array<std::pair<wxString, int>, 5> headings{
        std::pair{_("Region"), 135}, std::pair{_("Side"), 105}, std::pair{_("Pressure"), 120},
        std::pair{_("Pain before"), 84}, std::pair{_("Pain after"), 84}};
    auto* heading_row = new wxBoxSizer(wxHORIZONTAL);
    for (const auto& [text, width] : headings) {
        auto* label = new wxStaticText(this, wxID_ANY, text);
        label->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        label->SetMinSize(wxSize(FromDIP(width), -1));
        heading_row->Add(label, wxSizerFlags().Bottom().Border(wxRIGHT, FromDIP(8)));
    }

    m_scroller = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                      wxVSCROLL | wxTAB_TRAVERSAL);
    m_scroller->SetScrollRate(0, FromDIP(10));
    m_rows = new FormRowsPanel(
        m_scroller, "regions",
        {{wxString(), "region", headings[0].second},
         {wxString(), "side", headings[1].second},
         {wxString(), "pressure", headings[2].second},
         {wxString(), "pain_before", headings[3].second},
         {wxString(), "pain_after", headings[4].second}},
        [this](wxWindow* row_parent) { return CreateRow(row_parent); }, _("Add &region"),
        _("No regions yet: click them on the body, or add them here."));
    m_rows->UseCompactRemoveButtons();
    m_rows->SetOnRowsChanged([this] {
        // A row added or removed with its buttons.
        RememberRows();
        m_on_changed();
    });
    m_rows->Bind(wxEVT_CHOICE, &RegionWorkGrid::OnChoice, this);
    auto* scroller_sizer = new wxBoxSizer(wxVERTICAL);
    scroller_sizer->Add(m_rows, wxSizerFlags().Expand().Border(wxRIGHT, FromDIP(4)));
    m_scroller->SetSizer(scroller_sizer);
    // Four rows and the Add button; more scroll.
    m_scroller->SetMinSize(wxSize(-1, FromDIP(185)));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(heading_row, wxSizerFlags().Border(wxTOP, FromDIP(8)));
    sizer->Add(m_scroller, wxSizerFlags().Expand().Border(wxTOP, FromDIP(2)));
    SetSizer(sizer);
}

std::vector<wxWindow*> RegionWorkGrid::CreateRow(wxWindow* parent) {
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
    pressure->SetSelection(m_cautions.DefaultPressure() - 1);
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

void RegionWorkGrid::Load(const std::vector<core::RegionWork>& regions) {
    m_rows->Clear();
    m_accepted_rows.clear();
    for (const core::RegionWork& work : regions) {
        SetRow(m_rows->AddRow(), work);
    }
}

std::optional<core::RegionWork> RegionWorkGrid::ReadRow(std::size_t row) const {
    if (row >= m_rows->RowCount()) {
        return std::nullopt;
    }
    const int region = m_rows->CellAs<wxChoice>(row, kRegionColumn)->GetSelection();
    const std::vector<core::Region>& regions = core::AllValues<core::Region>();
    if (region < 1 || static_cast<std::size_t>(region) > regions.size()) {
        return std::nullopt;
    }
    core::RegionWork work;
    work.region = regions[static_cast<std::size_t>(region - 1)];
    const int side = m_rows->CellAs<wxChoice>(row, kSideColumn)->GetSelection();
    const std::vector<core::Side>& sides = core::AllValues<core::Side>();
    work.side = side >= 0 && static_cast<std::size_t>(side) < sides.size()
                    ? sides[static_cast<std::size_t>(side)]
                    : core::Side::kBilateral;
    work.pressure = m_rows->CellAs<wxChoice>(row, kPressureColumn)->GetSelection() + 1;
    const int before = m_rows->CellAs<wxChoice>(row, kPainBeforeColumn)->GetSelection();
    const int after = m_rows->CellAs<wxChoice>(row, kPainAfterColumn)->GetSelection();
    if (before > 0) {
        work.pain_before = before - 1;
    }
    if (after > 0) {
        work.pain_after = after - 1;
    }
    return work;
}

void RegionWorkGrid::SetRow(std::size_t row, const core::RegionWork& work) {
    if (row >= m_rows->RowCount()) {
        return;
    }
    m_rows->CellAs<wxChoice>(row, kRegionColumn)->SetSelection(static_cast<int>(work.region) + 1);
    m_rows->CellAs<wxChoice>(row, kSideColumn)->SetSelection(static_cast<int>(work.side));
    m_rows->CellAs<wxChoice>(row, kPressureColumn)
        ->SetSelection(std::clamp(work.pressure, 1, 10) - 1);
    m_rows->CellAs<wxChoice>(row, kPainBeforeColumn)
        ->SetSelection(work.pain_before ? std::clamp(*work.pain_before, 0, 10) + 1 : 0);
    m_rows->CellAs<wxChoice>(row, kPainAfterColumn)
        ->SetSelection(work.pain_after ? std::clamp(*work.pain_after, 0, 10) + 1 : 0);
    if (m_accepted_rows.size() < m_rows->RowCount()) {
        m_accepted_rows.resize(m_rows->RowCount());
    }
    m_accepted_rows[row] = work;
}

std::vector<core::RegionWork> RegionWorkGrid::Regions() const {
    std::vector<core::RegionWork> regions;
    for (std::size_t row = 0; row < m_rows->RowCount(); ++row) {
        if (std::optional<core::RegionWork> work = ReadRow(row)) {
            regions.push_back(*work);
        }
    }
    return regions;
}

void RegionWorkGrid::RememberRows() {
    m_accepted_rows.resize(m_rows->RowCount());
    for (std::size_t row = 0; row < m_rows->RowCount(); ++row) {
        m_accepted_rows[row] = ReadRow(row);
    }
}

std::optional<std::size_t> RegionWorkGrid::RowOf(const wxWindow* control,
                                                 std::size_t* column) const {
    for (std::size_t row = 0; row < m_rows->RowCount(); ++row) {
        for (std::size_t c = 0; c < m_rows->ColumnCount(); ++c) {
            if (m_rows->Cell(row, c) == control) {
                if (column != nullptr) {
                    *column = c;
                }
                return row;
            }
        }
    }
    return std::nullopt;
}

std::optional<std::size_t> RegionWorkGrid::RowOfOtherSide(core::RegionSide area) const {
    if (area.side != core::Side::kLeft && area.side != core::Side::kRight) {
        return std::nullopt;
    }
    const core::Side other =
        area.side == core::Side::kLeft ? core::Side::kRight : core::Side::kLeft;
    for (std::size_t row = 0; row < m_rows->RowCount(); ++row) {
        const std::optional<core::RegionWork> work = ReadRow(row);
        if (work && work->region == area.region && work->side == other) {
            return row;
        }
    }
    return std::nullopt;
}

void RegionWorkGrid::ToggleArea(core::RegionSide area) {
    for (std::size_t row = 0; row < m_rows->RowCount(); ++row) {
        std::optional<core::RegionWork> work = ReadRow(row);
        if (!work || work->region != area.region || !SideCovers(work->side, area.side)) {
            continue;
        }
        if (work->side == core::Side::kBilateral) {
            // Both sides marked, one clicked off: the other side stays.
            work->side = area.side == core::Side::kLeft ? core::Side::kRight : core::Side::kLeft;
            SetRow(row, *work);
        } else {
            m_rows->RemoveRow(row);
            if (row < m_accepted_rows.size()) {
                m_accepted_rows.erase(m_accepted_rows.begin() + static_cast<std::ptrdiff_t>(row));
            }
        }
        m_on_changed();
        return;
    }
    if (m_cautions.IsAvoided(area) && !m_cautions.ConfirmAvoided(this, area)) {
        return;
    }
    if (const std::optional<std::size_t> other = RowOfOtherSide(area)) {
        // Left and right of one region are "both sides": one row, as Add region records it.
        std::optional<core::RegionWork> work = ReadRow(*other);
        work->side = core::Side::kBilateral;
        SetRow(*other, *work);
        if (*other < m_accepted_rows.size()) {
            m_accepted_rows[*other] = work;
        }
        m_on_changed();
        return;
    }
    const std::size_t row = m_rows->AddRow();
    SetRow(row, core::RegionWork{area.region, area.side, m_cautions.DefaultPressure(), std::nullopt,
                                 std::nullopt});
    m_on_changed();
    ScrollToEnd();  // the new row in view, for its pressure and pain
}

void RegionWorkGrid::ScrollToEnd() {
    m_scroller->FitInside();
    int unit_x = 0;
    int unit_y = 0;
    m_scroller->GetScrollPixelsPerUnit(&unit_x, &unit_y);
    if (unit_y > 0) {
        m_scroller->Scroll(-1, m_scroller->GetVirtualSize().y / unit_y);
    }
}

void RegionWorkGrid::OnChoice(wxCommandEvent& event) {
    event.Skip();
    std::size_t column = 0;
    const std::optional<std::size_t> row =
        RowOf(dynamic_cast<wxWindow*>(event.GetEventObject()), &column);
    if (!row) {
        return;
    }
    if (m_accepted_rows.size() < m_rows->RowCount()) {
        m_accepted_rows.resize(m_rows->RowCount());
    }
    const std::optional<core::RegionWork> before = m_accepted_rows[*row];
    const std::optional<core::RegionWork> now = ReadRow(*row);
    bool keep = true;
    if (now && (column == kRegionColumn || column == kSideColumn)) {
        const core::RegionSide place{now->region, now->side};
        const bool was_avoided = before && before->region == now->region &&
                                 m_cautions.IsAvoided({before->region, before->side});
        if (m_cautions.IsAvoided(place) && !was_avoided) {
            keep = m_cautions.ConfirmAvoided(this, place);
        }
    } else if (now && column == kPressureColumn && now->pressure >= 8 &&
               m_cautions.HasModifyFlag() && (!before || before->pressure < 8)) {
        keep = m_cautions.ConfirmDeepPressure(this, now->pressure);
    }
    if (!keep) {
        // Back to what it was.
        if (before) {
            SetRow(*row, *before);
        } else {
            m_rows->CellAs<wxChoice>(*row, kRegionColumn)->SetSelection(0);
        }
    }
    m_accepted_rows[*row] = ReadRow(*row);
    m_on_changed();
}

}  // namespace myodesk::app
