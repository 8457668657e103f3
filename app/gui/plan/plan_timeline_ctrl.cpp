#include "plan/plan_timeline_ctrl.h"

#include "common/code_names.h"
#include "common/wx_conversions.h"
#include "plan/plan_text.h"
#include "sessions/session_note_text.h"

#include <wx/dcbuffer.h>
#include <wx/dcgraph.h>
#include <wx/intl.h>
#include <wx/settings.h>

#include <algorithm>
#include <cmath>
#include <vector>

wxDEFINE_EVENT(myodesk::app::EVT_PLAN_SESSION_CHOSEN, wxCommandEvent);

namespace myodesk::app {

namespace {

using core::PlannedSessionStatus;
using core::PlanPhase;
using core::RunType;

struct Palette {
    wxColour background;
    wxColour text;
    wxColour faint_text;
    wxColour grid;
    wxColour band_text;
    wxColour today;
    wxColour marker;
    wxColour marker_fill;
    wxColour skipped;
    wxColour selection;
    wxColour weekend;
};

Palette PaletteFor(bool dark) {
    if (dark) {
        return {wxColour(0x2b, 0x2b, 0x2b), wxColour(0xee, 0xee, 0xee), wxColour(0xa8, 0xa8, 0xa8),
                wxColour(0x48, 0x48, 0x48), wxColour(0xf2, 0xf2, 0xf2), wxColour(0xff, 0x6b, 0x6b),
                wxColour(0x4d, 0xd0, 0xc0), wxColour(0x2b, 0x2b, 0x2b), wxColour(0x90, 0x90, 0x90),
                wxColour(0x3d, 0x5a, 0x80), wxColour(0x33, 0x33, 0x33)};
    }
    return {wxColour(0xff, 0xff, 0xff), wxColour(0x22, 0x22, 0x22), wxColour(0x6c, 0x6c, 0x6c),
            wxColour(0xdd, 0xdd, 0xdd), wxColour(0x26, 0x26, 0x26), wxColour(0xd3, 0x2f, 0x2f),
            wxColour(0x00, 0x79, 0x6b), wxColour(0xff, 0xff, 0xff), wxColour(0x9e, 0x9e, 0x9e),
            wxColour(0xd6, 0xe6, 0xfa), wxColour(0xf6, 0xf6, 0xf6)};
}

wxColour PhaseColour(PlanPhase phase, bool dark) {
    struct Pair {
        unsigned long light;
        unsigned long dark;
    };
    Pair colours{0xdddddd, 0x555555};
    switch (phase) {
        case PlanPhase::kBase:
            colours = {0xcfe0f1, 0x2f4a66};
            break;
        case PlanPhase::kBuild:
            colours = {0xc8e6cf, 0x2e5a3a};
            break;
        case PlanPhase::kPeak:
            colours = {0xf7d49f, 0x6b4a1a};
            break;
        case PlanPhase::kTaper:
            colours = {0xdccdf0, 0x4b3a66};
            break;
        case PlanPhase::kRaceWeek:
            colours = {0xf5b8b8, 0x6e2a2a};
            break;
        case PlanPhase::kPostRace:
            colours = {0xc4e8ea, 0x285a5e};
            break;
        case PlanPhase::kRecoveryWeek:
            colours = {0xf2ebb3, 0x5e5628};
            break;
    }
    const unsigned long rgb = dark ? colours.dark : colours.light;
    return wxColour(static_cast<unsigned char>((rgb >> 16) & 0xff),
                    static_cast<unsigned char>((rgb >> 8) & 0xff),
                    static_cast<unsigned char>(rgb & 0xff));
}

wxColour RunColour(RunType type, bool dark) {
    switch (type) {
        case RunType::kEasy:
            return dark ? wxColour(0x7d, 0x9c, 0xbd) : wxColour(0xa3, 0xbd, 0xd8);
        case RunType::kLong:
            return dark ? wxColour(0x6f, 0xa8, 0xe8) : wxColour(0x1f, 0x4e, 0x85);
        case RunType::kTempo:
            return dark ? wxColour(0xf0, 0xa8, 0x50) : wxColour(0xe0, 0x8e, 0x2b);
        case RunType::kIntervals:
            return dark ? wxColour(0xf0, 0x80, 0x40) : wxColour(0xc2, 0x57, 0x1a);
        case RunType::kRace:
            return dark ? wxColour(0xff, 0x5c, 0x5c) : wxColour(0xc6, 0x28, 0x28);
        case RunType::kCross:
            return dark ? wxColour(0x8c, 0xc0, 0x8c) : wxColour(0x86, 0xb5, 0x86);
        case RunType::kRest:
            break;
    }
    return dark ? wxColour(0x70, 0x70, 0x70) : wxColour(0xbb, 0xbb, 0xbb);
}

bool IsDark() {
    return wxSystemSettings::GetAppearance().IsDark();
}

// The first Monday on or after a day.
core::Date MondayFrom(const core::Date& day) {
    const int weekday = core::IsoWeekdayIndex(day);
    return weekday == 0 ? day : core::AddDays(day, 7 - weekday);
}

}  // namespace

PlanTimelineCtrl::PlanTimelineCtrl(wxWindow* parent, wxWindowID id)
    : wxScrolledCanvas(parent, id, wxDefaultPosition, wxDefaultSize,
                       wxHSCROLL | wxWANTS_CHARS | wxBORDER_THEME | wxFULL_REPAINT_ON_RESIZE) {
    SetName("plan.timeline");
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    // The row labels on the left and the legend stay put while the days scroll: the whole
    // window is painted again on every scroll.
    EnableScrolling(false, false);
    SetScrollRate(FromDIP(8), 0);
    ShowScrollbars(wxSHOW_SB_DEFAULT, wxSHOW_SB_NEVER);
    Bind(wxEVT_PAINT, &PlanTimelineCtrl::OnPaint, this);
    Bind(wxEVT_SIZE, &PlanTimelineCtrl::OnSize, this);
    Bind(wxEVT_LEFT_DOWN, &PlanTimelineCtrl::OnLeftDown, this);
    Bind(wxEVT_MOTION, &PlanTimelineCtrl::OnMotion, this);
    Bind(wxEVT_KEY_DOWN, &PlanTimelineCtrl::OnKeyDown, this);
    Bind(wxEVT_SET_FOCUS, [this](wxFocusEvent& event) {
        Refresh();
        event.Skip();
    });
    Bind(wxEVT_KILL_FOCUS, [this](wxFocusEvent& event) {
        Refresh();
        event.Skip();
    });
}

void PlanTimelineCtrl::SetPlan(const core::Plan* plan, core::DistanceUnit units,
                               const core::Date& today) {
    m_plan = plan;
    m_units = units;
    m_today = today;
    m_selection = -1;
    m_tooltip_day.reset();
    UnsetToolTip();
    UpdateVirtualSize();
    // Today (or the plan's start) in view.
    if (m_plan != nullptr) {
        Scroll(0, 0);
        if (today > m_plan->from && today <= m_plan->to) {
            ScrollToDay(today);
        }
    }
    Refresh();
}

void PlanTimelineCtrl::SetSelection(int index) {
    if (m_plan == nullptr || index < 0 ||
        static_cast<std::size_t>(index) >= m_plan->sessions.size()) {
        index = -1;
    }
    m_selection = index;
    if (index >= 0) {
        ScrollToDay(m_plan->sessions[static_cast<std::size_t>(index)].date);
    }
    Refresh();
}

// --- Geometry ---

PlanTimelineCtrl::Rows PlanTimelineCtrl::Layout() const {
    Rows rows{};
    const int line = GetCharHeight();
    rows.axis_top = FromDIP(4);
    rows.axis_height = line + FromDIP(4);
    rows.phase_top = rows.axis_top + rows.axis_height;
    rows.phase_height = line + FromDIP(8);
    rows.training_top = rows.phase_top + rows.phase_height + FromDIP(4);
    rows.training_height = FromDIP(42) + line;  // bars and the distance labels over them
    rows.massage_top = rows.training_top + rows.training_height + FromDIP(4);
    rows.massage_height = FromDIP(26);
    rows.legend_top = rows.massage_top + rows.massage_height + FromDIP(6);
    rows.legend_height = line + FromDIP(4);
    return rows;
}

wxSize PlanTimelineCtrl::DoGetBestClientSize() const {
    const Rows rows = Layout();
    return wxSize(FromDIP(600), rows.legend_top + rows.legend_height + FromDIP(4) +
                                    wxSystemSettings::GetMetric(wxSYS_HSCROLL_Y, this));
}

int PlanTimelineCtrl::DayCount() const {
    if (m_plan == nullptr || m_plan->to < m_plan->from) {
        return 0;
    }
    return core::DaysBetween(m_plan->from, m_plan->to) + 1;
}

int PlanTimelineCtrl::Gutter() const {
    int width = 0;
    for (const wxString& label : {_("Phase"), _("Training"), _("Massage")}) {
        width = std::max(width, GetTextExtent(label).x);
    }
    return width + FromDIP(16);
}

int PlanTimelineCtrl::DayWidth() const {
    const int days = DayCount();
    if (days == 0) {
        return FromDIP(12);
    }
    // As wide as the window allows, but never so narrow that a marker cannot be told apart.
    const int available = GetClientSize().x - Gutter() - FromDIP(8);
    return std::max(FromDIP(11), available / days);
}

int PlanTimelineCtrl::DayLeft(const core::Date& day) const {
    const int scrolled = CalcUnscrolledPosition(wxPoint(0, 0)).x;
    return Gutter() + core::DaysBetween(m_plan->from, day) * DayWidth() - scrolled;
}

void PlanTimelineCtrl::UpdateVirtualSize() {
    if (GetClientSize().x <= Gutter()) {
        return;  // not laid out yet (a hidden page): sized when it is shown
    }
    const int width = Gutter() + DayCount() * DayWidth() + FromDIP(8);
    SetVirtualSize(width, GetClientSize().y);
}

void PlanTimelineCtrl::ScrollToDay(const core::Date& day) {
    if (m_plan == nullptr) {
        return;
    }
    const int left = DayLeft(day);
    const int visible_from = Gutter();
    const int visible_to = GetClientSize().x - FromDIP(8);
    if (left >= visible_from && left + DayWidth() <= visible_to) {
        return;
    }
    // The day a little in from the left edge, with some days before it in view.
    int rate_x = 1;
    int rate_y = 1;
    GetScrollPixelsPerUnit(&rate_x, &rate_y);
    const int virtual_left = core::DaysBetween(m_plan->from, day) * DayWidth() - 7 * DayWidth();
    Scroll(std::max(0, virtual_left / std::max(rate_x, 1)), -1);
    Refresh();
}

std::optional<core::Date> PlanTimelineCtrl::DayAt(const wxPoint& point) const {
    if (m_plan == nullptr || point.x < Gutter()) {
        return std::nullopt;
    }
    const int scrolled = CalcUnscrolledPosition(wxPoint(0, 0)).x;
    const int offset = point.x - Gutter() + scrolled;
    if (offset < 0) {
        return std::nullopt;
    }
    const int day = offset / DayWidth();
    if (day >= DayCount()) {
        return std::nullopt;
    }
    return core::AddDays(m_plan->from, day);
}

int PlanTimelineCtrl::SessionAt(const wxPoint& point) const {
    const std::optional<core::Date> day = DayAt(point);
    if (!day) {
        return -1;
    }
    for (std::size_t i = 0; i < m_plan->sessions.size(); ++i) {
        if (m_plan->sessions[i].date == *day) {
            return static_cast<int>(i);
        }
    }
    // A marker is wider than a narrow day: a click just beside it counts too.
    const Rows rows = Layout();
    if (point.y >= rows.massage_top && point.y < rows.massage_top + rows.massage_height) {
        for (std::size_t i = 0; i < m_plan->sessions.size(); ++i) {
            const wxPoint centre = SessionPoint(i);
            if (std::abs(centre.x - point.x) <= FromDIP(8)) {
                return static_cast<int>(i);
            }
        }
    }
    return -1;
}

wxPoint PlanTimelineCtrl::SessionPoint(std::size_t index) const {
    if (m_plan == nullptr || index >= m_plan->sessions.size()) {
        return wxDefaultPosition;
    }
    const Rows rows = Layout();
    return wxPoint(DayLeft(m_plan->sessions[index].date) + DayWidth() / 2,
                   rows.massage_top + rows.massage_height / 2);
}

wxString PlanTimelineCtrl::DayDescription(const core::Date& day) const {
    if (m_plan == nullptr) {
        return {};
    }
    const wxString dot = wxString::FromUTF8(" · ");
    wxString text = DayText(day);
    for (const core::PhaseSpan& span : m_plan->phases) {
        if (span.from <= day && day <= span.to) {
            text << dot << NameOf(span.phase);
            break;
        }
    }
    for (const core::PlanRun& run : m_plan->training) {
        if (run.date != day) {
            continue;
        }
        text << dot << NameOf(run.type);
        if (run.distance_km) {
            text << ' ' << FormatDistance(*run.distance_km, m_units);
        }
        if (run.assumed) {
            // TRANSLATORS: a run assumed from the intake's long-run day or race date.
            text << ' ' << _("(assumed from the intake)");
        }
    }
    for (const core::PlannedSession& session : m_plan->sessions) {
        if (session.date != day) {
            continue;
        }
        // TRANSLATORS: a planned session in a tooltip, e.g. "Massage: Sports, 45 min (planned)".
        text << dot
             << wxString::Format(_("Massage: %s, %d min (%s)"),
                                 TechniquesSummary(session.techniques), session.duration_min,
                                 NameOf(session.status).Lower());
    }
    if (day == m_today) {
        text << dot << _("today");
    }
    return text;
}

// --- Events ---

void PlanTimelineCtrl::Choose(int index) {
    if (index < 0 || index == m_selection) {
        return;
    }
    SetSelection(index);
    wxCommandEvent event(EVT_PLAN_SESSION_CHOSEN, GetId());
    event.SetEventObject(this);
    event.SetInt(index);
    ProcessWindowEvent(event);
}

void PlanTimelineCtrl::OnSize(wxSizeEvent& event) {
    UpdateVirtualSize();
    Refresh();
    event.Skip();
}

void PlanTimelineCtrl::OnLeftDown(wxMouseEvent& event) {
    SetFocus();
    Choose(SessionAt(event.GetPosition()));
    event.Skip();
}

void PlanTimelineCtrl::OnMotion(wxMouseEvent& event) {
    const std::optional<core::Date> day = DayAt(event.GetPosition());
    if (day != m_tooltip_day) {
        m_tooltip_day = day;
        if (day) {
            SetToolTip(DayDescription(*day));
        } else {
            UnsetToolTip();
        }
    }
    event.Skip();
}

void PlanTimelineCtrl::OnKeyDown(wxKeyEvent& event) {
    if (m_plan == nullptr || m_plan->sessions.empty()) {
        event.Skip();
        return;
    }
    const int count = static_cast<int>(m_plan->sessions.size());
    switch (event.GetKeyCode()) {
        case WXK_LEFT:
            Choose(m_selection < 0 ? 0 : std::max(0, m_selection - 1));
            return;
        case WXK_RIGHT:
            Choose(m_selection < 0 ? 0 : std::min(count - 1, m_selection + 1));
            return;
        case WXK_HOME:
            Choose(0);
            return;
        case WXK_END:
            Choose(count - 1);
            return;
        default:
            break;
    }
    event.Skip();
}

// --- Painting ---

// What every drawing step needs: the device context, the colours and where things go.
struct PlanTimelineCtrl::Paint {
    wxDC& dc;
    bool dark;
    Palette palette;
    wxFont small_font;
    Rows rows;
    int gutter;
    int day_width;
    int days;
    int first_x;      // the left of the plan's first day
    int body_bottom;  // the bottom of the massage row
    bool today_shown;
    wxRect today_label;  // where "Today" goes over the axis
};

void PlanTimelineCtrl::OnPaint(wxPaintEvent&) {
    wxAutoBufferedPaintDC paint_dc(this);
    const bool dark = IsDark();
    const Palette palette = PaletteFor(dark);
    paint_dc.SetBackground(wxBrush(palette.background));
    paint_dc.Clear();
    wxGCDC dc(paint_dc);
    dc.SetFont(GetFont());
    const Rows rows = Layout();
    if (m_plan == nullptr || DayCount() == 0) {
        dc.SetTextForeground(palette.faint_text);
        dc.DrawText(_("No plan yet."), FromDIP(8), rows.phase_top);
        return;
    }
    Paint paint{dc,
                dark,
                palette,
                GetFont().Scaled(0.85f),
                rows,
                Gutter(),
                DayWidth(),
                DayCount(),
                DayLeft(m_plan->from),
                rows.massage_top + rows.massage_height,
                m_today >= m_plan->from && m_today <= m_plan->to,
                wxRect()};

    // The days scroll under the row labels: clip them to the right of the labels.
    dc.SetClippingRegion(paint.gutter, 0, GetClientSize().x - paint.gutter, paint.body_bottom);
    PaintWeekends(paint);
    PaintAxis(paint);
    PaintPhases(paint);
    PaintSelection(paint);
    PaintTraining(paint);
    PaintMassage(paint);
    PaintToday(paint);
    dc.DestroyClippingRegion();
    PaintRowLabels(paint);
    PaintLegend(paint);
}

void PlanTimelineCtrl::PaintWeekends(Paint& paint) const {
    // Weekends a shade darker.
    wxDC& dc = paint.dc;
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.SetBrush(wxBrush(paint.palette.weekend));
    for (int i = 0; i < paint.days; ++i) {
        const core::Date day = core::AddDays(m_plan->from, i);
        if (core::IsoWeekdayIndex(day) >= 5) {
            dc.DrawRectangle(paint.first_x + i * paint.day_width, paint.rows.training_top,
                             paint.day_width, paint.body_bottom - paint.rows.training_top);
        }
    }
}

void PlanTimelineCtrl::PaintAxis(Paint& paint) const {
    wxDC& dc = paint.dc;
    const Rows& rows = paint.rows;
    // Where "Today" goes over the axis, so that no week label is written under it.
    if (paint.today_shown) {
        dc.SetFont(paint.small_font.Bold());
        const wxSize extent = dc.GetTextExtent(_("Today"));
        const int x = DayLeft(m_today) + paint.day_width / 2;
        paint.today_label = wxRect(std::max(paint.gutter + FromDIP(2), x - extent.x / 2),
                                   rows.axis_top, extent.x, extent.y);
    }
    // Every Monday with its date, a line down through the rows.
    dc.SetFont(paint.small_font);
    dc.SetTextForeground(paint.palette.faint_text);
    for (core::Date monday = MondayFrom(m_plan->from); monday <= m_plan->to;
         monday = core::AddDays(monday, 7)) {
        const int x = DayLeft(monday);
        dc.SetPen(wxPen(paint.palette.grid, 1));
        dc.DrawLine(x, rows.axis_top, x, paint.body_bottom);
        const wxDateTime date = ToWxDate(monday);
        wxString label = date.Format(
            paint.day_width * 7 >= GetTextExtent("00 MMM").x + FromDIP(6) ? "%d %b" : "%d");
        if (label.StartsWith("0")) {
            label = label.Mid(1);
        }
        const wxRect where(wxPoint(x + FromDIP(3), rows.axis_top), dc.GetTextExtent(label));
        if (!(paint.today_shown && where.Inflate(FromDIP(3), 0).Intersects(paint.today_label))) {
            dc.DrawText(label, where.GetPosition());
        }
    }
}

void PlanTimelineCtrl::PaintPhases(Paint& paint) const {
    // One coloured band each, named when the name fits.
    wxDC& dc = paint.dc;
    dc.SetFont(GetFont());
    for (const core::PhaseSpan& span : m_plan->phases) {
        const int left = DayLeft(span.from);
        const int width = (core::DaysBetween(span.from, span.to) + 1) * paint.day_width;
        dc.SetPen(wxPen(paint.palette.background, 1));
        dc.SetBrush(wxBrush(PhaseColour(span.phase, paint.dark)));
        dc.DrawRectangle(left, paint.rows.phase_top, width, paint.rows.phase_height);
        const wxString name = NameOf(span.phase);
        const wxSize extent = dc.GetTextExtent(name);
        if (extent.x + FromDIP(8) <= width) {
            dc.SetTextForeground(paint.palette.band_text);
            dc.DrawText(name, left + (width - extent.x) / 2,
                        paint.rows.phase_top + (paint.rows.phase_height - extent.y) / 2);
        }
    }
}

void PlanTimelineCtrl::PaintSelection(Paint& paint) const {
    // The chosen session's day, across the rows.
    if (m_selection < 0) {
        return;
    }
    const core::PlannedSession& chosen = m_plan->sessions[static_cast<std::size_t>(m_selection)];
    const int left = DayLeft(chosen.date);
    paint.dc.SetPen(*wxTRANSPARENT_PEN);
    paint.dc.SetBrush(wxBrush(paint.palette.selection));
    const int width = std::max(paint.day_width, FromDIP(18));
    paint.dc.DrawRectangle(left + paint.day_width / 2 - width / 2, paint.rows.training_top, width,
                           paint.body_bottom - paint.rows.training_top);
}

void PlanTimelineCtrl::PaintTraining(Paint& paint) const {
    // A bar per day, as long as its distance.
    wxDC& dc = paint.dc;
    double longest = 1;
    for (const core::PlanRun& run : m_plan->training) {
        if (run.distance_km && run.date >= m_plan->from && run.date <= m_plan->to) {
            longest = std::max(longest, *run.distance_km);
        }
    }
    const int bars_top = paint.rows.training_top + dc.GetCharHeight();
    const int bars_bottom = paint.rows.training_top + paint.rows.training_height;
    const int bar_space = bars_bottom - bars_top;
    int last_label_right = -100000;
    dc.SetPen(wxPen(paint.palette.grid, 1));
    dc.DrawLine(paint.first_x, bars_bottom, paint.first_x + paint.days * paint.day_width,
                bars_bottom);
    for (const core::PlanRun& run : m_plan->training) {
        if (run.date < m_plan->from || run.date > m_plan->to || run.type == RunType::kRest) {
            continue;
        }
        const int left = DayLeft(run.date);
        const double share = run.distance_km ? *run.distance_km / longest : 0.35;
        const int height = std::max(FromDIP(4), static_cast<int>(std::lround(bar_space * share)));
        const int inset = paint.day_width >= FromDIP(8) ? FromDIP(2) : 1;
        const wxRect bar(left + inset, bars_bottom - height,
                         std::max(2, paint.day_width - 2 * inset), height);
        const wxColour colour = RunColour(run.type, paint.dark);
        if (run.assumed) {
            dc.SetPen(wxPen(colour, FromDIP(2), wxPENSTYLE_SHORT_DASH));
            dc.SetBrush(*wxTRANSPARENT_BRUSH);
        } else {
            dc.SetPen(*wxTRANSPARENT_PEN);
            dc.SetBrush(wxBrush(colour));
        }
        dc.DrawRectangle(bar);
        PaintRunLabel(paint, run, bar, last_label_right);
    }
}

void PlanTimelineCtrl::PaintRunLabel(Paint& paint, const core::PlanRun& run, const wxRect& bar,
                                     int& last_label_right) const {
    // Long runs and the race carry their distance; the race a flag.
    if (run.type != RunType::kLong && run.type != RunType::kRace) {
        return;
    }
    wxDC& dc = paint.dc;
    wxString label = run.distance_km ? FormatDistance(*run.distance_km, m_units) : wxString();
    if (run.type == RunType::kRace) {
        label = label.empty() ? _("Race") : wxString::Format(_("Race %s"), label);
        dc.SetFont(GetFont().Bold());
        dc.SetTextForeground(RunColour(RunType::kRace, paint.dark));
    } else {
        dc.SetFont(paint.small_font);
        dc.SetTextForeground(paint.palette.text);
    }
    if (label.empty()) {
        return;
    }
    const wxSize extent = dc.GetTextExtent(label);
    const int centre = DayLeft(run.date) + paint.day_width / 2;
    int x = centre - extent.x / 2;
    if (run.type == RunType::kRace) {
        x = std::max(x, last_label_right + FromDIP(4));
    }
    if (x <= last_label_right + FromDIP(2)) {
        return;  // no room beside the last label: the tooltip tells
    }
    const int y = std::max(paint.rows.training_top, bar.GetTop() - extent.y - FromDIP(1));
    dc.DrawText(label, x, y);
    last_label_right = x + extent.x;
}

void PlanTimelineCtrl::PaintMassage(Paint& paint) const {
    // A marker per session.
    wxDC& dc = paint.dc;
    const Palette& palette = paint.palette;
    const int radius = FromDIP(7);
    const int centre_y = paint.rows.massage_top + paint.rows.massage_height / 2;
    for (std::size_t i = 0; i < m_plan->sessions.size(); ++i) {
        const core::PlannedSession& session = m_plan->sessions[i];
        const int centre_x = DayLeft(session.date) + paint.day_width / 2;
        switch (session.status) {
            case PlannedSessionStatus::kPlanned:
                dc.SetPen(wxPen(palette.marker, FromDIP(2)));
                dc.SetBrush(wxBrush(palette.marker_fill));
                dc.DrawCircle(centre_x, centre_y, radius);
                break;
            case PlannedSessionStatus::kBooked:
                dc.SetPen(wxPen(palette.marker, FromDIP(2)));
                dc.SetBrush(wxBrush(palette.marker));
                dc.DrawCircle(centre_x, centre_y, radius);
                break;
            case PlannedSessionStatus::kSkipped:
            case PlannedSessionStatus::kMissed: {
                dc.SetPen(wxPen(palette.skipped, FromDIP(2)));
                dc.SetBrush(*wxTRANSPARENT_BRUSH);
                dc.DrawCircle(centre_x, centre_y, radius);
                const int arm = radius * 7 / 10;
                dc.DrawLine(centre_x - arm, centre_y - arm, centre_x + arm, centre_y + arm);
                dc.DrawLine(centre_x - arm, centre_y + arm, centre_x + arm, centre_y - arm);
                break;
            }
        }
        if (static_cast<int>(i) == m_selection) {
            dc.SetPen(wxPen(HasFocus() ? palette.text : palette.faint_text, FromDIP(2)));
            dc.SetBrush(*wxTRANSPARENT_BRUSH);
            dc.DrawCircle(centre_x, centre_y, radius + FromDIP(4));
        }
    }
}

void PlanTimelineCtrl::PaintToday(Paint& paint) const {
    // A red line through the rows.
    if (!paint.today_shown) {
        return;
    }
    wxDC& dc = paint.dc;
    const int x = DayLeft(m_today) + paint.day_width / 2;
    dc.SetPen(wxPen(paint.palette.today, FromDIP(2)));
    dc.DrawLine(x, paint.rows.phase_top, x, paint.body_bottom);
    dc.SetFont(paint.small_font.Bold());
    dc.SetTextForeground(paint.palette.today);
    dc.DrawText(_("Today"), paint.today_label.GetPosition());
}

void PlanTimelineCtrl::PaintRowLabels(Paint& paint) const {
    // Over anything scrolled under them.
    wxDC& dc = paint.dc;
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.SetBrush(wxBrush(paint.palette.background));
    dc.DrawRectangle(0, 0, paint.gutter, paint.body_bottom + 1);
    dc.SetFont(GetFont());
    dc.SetTextForeground(paint.palette.faint_text);
    const auto row_label = [&](const wxString& text, int top, int height) {
        const wxSize extent = dc.GetTextExtent(text);
        dc.DrawText(text, FromDIP(6), top + (height - extent.y) / 2);
    };
    row_label(_("Phase"), paint.rows.phase_top, paint.rows.phase_height);
    row_label(_("Training"), paint.rows.training_top, paint.rows.training_height);
    row_label(_("Massage"), paint.rows.massage_top, paint.rows.massage_height);
}

void PlanTimelineCtrl::PaintLegend(Paint& paint) const {
    // The plan's phases, then what the marks mean.
    wxDC& dc = paint.dc;
    const Palette& palette = paint.palette;
    dc.SetFont(paint.small_font);
    int x = paint.gutter;
    const int legend_y = paint.rows.legend_top;
    const int swatch = dc.GetCharHeight() - FromDIP(2);
    const int gap = FromDIP(14);
    const auto legend_text = [&](const wxString& text) {
        dc.SetTextForeground(palette.text);
        dc.DrawText(text, x, legend_y);
        x += dc.GetTextExtent(text).x + gap;
    };
    std::vector<PlanPhase> shown;
    for (const core::PhaseSpan& span : m_plan->phases) {
        if (std::find(shown.begin(), shown.end(), span.phase) != shown.end()) {
            continue;
        }
        shown.push_back(span.phase);
        dc.SetPen(*wxTRANSPARENT_PEN);
        dc.SetBrush(wxBrush(PhaseColour(span.phase, paint.dark)));
        dc.DrawRectangle(x, legend_y + FromDIP(1), swatch * 2, swatch);
        x += swatch * 2 + FromDIP(4);
        legend_text(NameOf(span.phase));
    }
    x += gap;
    const auto bar_sample = [&](RunType type, const wxString& text) {
        dc.SetPen(*wxTRANSPARENT_PEN);
        dc.SetBrush(wxBrush(RunColour(type, paint.dark)));
        dc.DrawRectangle(x, legend_y + FromDIP(1), FromDIP(6), swatch);
        x += FromDIP(10);
        legend_text(text);
    };
    bar_sample(RunType::kLong, _("Long run"));
    bar_sample(RunType::kRace, _("Race"));
    bar_sample(RunType::kTempo, _("Tempo, intervals"));
    bar_sample(RunType::kEasy, _("Easy, cross-training"));
    const int marker_y = legend_y + dc.GetCharHeight() / 2;
    const int small_radius = swatch / 2;
    dc.SetPen(wxPen(palette.marker, FromDIP(2)));
    dc.SetBrush(wxBrush(palette.marker_fill));
    dc.DrawCircle(x + small_radius, marker_y, small_radius);
    x += 2 * small_radius + FromDIP(4);
    legend_text(NameOf(PlannedSessionStatus::kPlanned));
    dc.SetBrush(wxBrush(palette.marker));
    dc.DrawCircle(x + small_radius, marker_y, small_radius);
    x += 2 * small_radius + FromDIP(4);
    legend_text(NameOf(PlannedSessionStatus::kBooked));
    dc.SetPen(wxPen(palette.skipped, FromDIP(2)));
    dc.SetBrush(*wxTRANSPARENT_BRUSH);
    dc.DrawCircle(x + small_radius, marker_y, small_radius);
    dc.DrawLine(x + 1, marker_y - small_radius + 1, x + 2 * small_radius - 1,
                marker_y + small_radius - 1);
    x += 2 * small_radius + FromDIP(4);
    legend_text(NameOf(PlannedSessionStatus::kSkipped));
    dc.SetPen(wxPen(palette.today, FromDIP(2)));
    dc.DrawLine(x + FromDIP(3), legend_y, x + FromDIP(3), legend_y + swatch + FromDIP(2));
    x += FromDIP(10);
    legend_text(_("Today"));
}

}  // namespace myodesk::app
