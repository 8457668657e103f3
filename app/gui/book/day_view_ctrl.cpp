#include "book/day_view_ctrl.h"

#include "common/code_names.h"
#include "common/wx_conversions.h"

#include <myodesk/core/session_note.h>

#include <wx/datetime.h>
#include <wx/dcbuffer.h>
#include <wx/intl.h>
#include <wx/settings.h>

#include <algorithm>
#include <cstdlib>

namespace myodesk::app {

wxDEFINE_EVENT(EVT_BOOK_SELECTION_CHANGED, wxCommandEvent);
wxDEFINE_EVENT(EVT_BOOK_ACTIVATED, wxCommandEvent);
wxDEFINE_EVENT(EVT_BOOK_DROPPED, wxCommandEvent);

namespace {

constexpr int kMinutesPerDay = 24 * 60;

struct StatusColours {
    wxColour fill;
    wxColour border;
};

StatusColours ColoursOf(core::AppointmentStatus status) {
    switch (status) {
        case core::AppointmentStatus::kArrived:
            return {wxColour(255, 236, 179), wxColour(191, 140, 0)};
        case core::AppointmentStatus::kCompleted:
            return {wxColour(212, 240, 218), wxColour(46, 125, 70)};
        case core::AppointmentStatus::kNoShow:
            return {wxColour(255, 218, 218), wxColour(183, 45, 45)};
        case core::AppointmentStatus::kBooked:
        case core::AppointmentStatus::kCancelled:
        case core::AppointmentStatus::kLateCancelled:
            break;
    }
    return {wxColour(219, 231, 255), wxColour(52, 101, 200)};
}

// The status written on a block; booked needs no word (it is the usual state).
wxString StatusWord(core::AppointmentStatus status) {
    return status == core::AppointmentStatus::kBooked ? wxString() : NameOf(status);
}

bool Covers(const std::vector<core::TimeRange>& hours, int minute) {
    return std::any_of(hours.begin(), hours.end(), [&](const core::TimeRange& range) {
        return minute >= range.start_minute && minute < range.end_minute;
    });
}

wxString TimeText(int minute) {
    return ToWx(core::FormatClockTime(minute % kMinutesPerDay));
}

}  // namespace

DayViewCtrl::DayViewCtrl(wxWindow* parent, wxWindowID id)
    : wxScrolledCanvas(parent, id, wxDefaultPosition, wxDefaultSize,
                       wxVSCROLL | wxHSCROLL | wxWANTS_CHARS | wxFULL_REPAINT_ON_RESIZE) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetScrollRate(FromDIP(10), FromDIP(10));
    Bind(wxEVT_PAINT, &DayViewCtrl::OnPaint, this);
    Bind(wxEVT_LEFT_DOWN, &DayViewCtrl::OnLeftDown, this);
    Bind(wxEVT_LEFT_DCLICK, &DayViewCtrl::OnLeftDouble, this);
    Bind(wxEVT_MOTION, &DayViewCtrl::OnMotion, this);
    Bind(wxEVT_LEFT_UP, &DayViewCtrl::OnLeftUp, this);
    Bind(wxEVT_MOUSE_CAPTURE_LOST, &DayViewCtrl::OnCaptureLost, this);
    Bind(wxEVT_KEY_DOWN, &DayViewCtrl::OnKeyDown, this);
    Bind(wxEVT_SIZE, &DayViewCtrl::OnSize, this);
    SetName("appointment_day_view");
}

int DayViewCtrl::RowHeight() const {
    // Two quarter hours hold a block's two lines (the client, then the time and service).
    return std::max(FromDIP(15), (GetCharHeight() * 2 + FromDIP(8)) / 2);
}

int DayViewCtrl::HeaderHeight() const {
    return FromDIP(30);
}

int DayViewCtrl::Gutter() const {
    return GetTextExtent("00:00").x + FromDIP(14);
}

int DayViewCtrl::ColumnWidth() const {
    const int columns = std::max<int>(1, static_cast<int>(m_day.columns.size()));
    const int available = GetClientSize().x - Gutter();
    // A week's seven days fit a laptop screen; therapists' columns keep room for a name.
    return std::max(FromDIP(m_day.week ? 110 : 150), available / columns);
}

int DayViewCtrl::ColumnLeft(std::size_t column) const {
    return Gutter() + static_cast<int>(column) * ColumnWidth();
}

int DayViewCtrl::MinuteTop(int minute) const {
    return HeaderHeight() + (minute - m_first_minute) * RowHeight() / kSlotMinutes;
}

// "Mon 7 Dec": the weekday and the day, short enough for a week's column.
wxString DayViewCtrl::ColumnDay(const core::Date& date) {
    const wxDateTime day(static_cast<wxDateTime::wxDateTime_t>(static_cast<unsigned>(date.day())),
                         static_cast<wxDateTime::Month>(static_cast<unsigned>(date.month()) - 1),
                         static_cast<int>(date.year()));
    return wxString::Format("%s %d %s", day.Format("%a"), static_cast<int>(day.GetDay()),
                            day.Format("%b"));
}

std::optional<std::size_t> DayViewCtrl::ColumnOf(const core::Appointment& appointment) const {
    for (std::size_t i = 0; i < m_day.columns.size(); ++i) {
        const services::BookColumn& column = m_day.columns[i];
        const bool holder = column.room ? column.room->id == appointment.room_id.value_or(0)
                                        : column.therapist.id == appointment.therapist_id;
        if (holder && column.date == appointment.date) {
            return i;
        }
    }
    return std::nullopt;
}

bool DayViewCtrl::Shows(const services::BookEntry& entry) const {
    return core::HoldsSlot(entry.appointment.status) && ColumnOf(entry.appointment).has_value();
}

wxSize DayViewCtrl::DoGetBestClientSize() const {
    return FromDIP(wxSize(720, 480));
}

void DayViewCtrl::UpdateRange() {
    int first = 8 * 60;
    int last = 20 * 60;
    const auto widen = [&](int start, int end) {
        if (end - start < kMinutesPerDay) {  // a day with no hours set does not count
            first = std::min(first, start);
            last = std::max(last, end);
        }
    };
    for (const auto& range : m_day.clinic_hours) {
        widen(range.start_minute, range.end_minute);
    }
    for (const auto& column : m_day.columns) {
        for (const auto& range : column.hours) {
            widen(range.start_minute, range.end_minute);
        }
    }
    for (const auto& entry : m_day.entries) {
        if (Shows(entry)) {
            first = std::min(first, entry.appointment.start_minute);
            last = std::max(last, std::min(kMinutesPerDay, entry.appointment.start_minute +
                                                               entry.appointment.duration_min));
        }
    }
    m_first_minute = first / 60 * 60;
    m_last_minute = std::min(kMinutesPerDay, (last + 59) / 60 * 60);
}

void DayViewCtrl::UpdateVirtualSize() {
    const int columns = std::max<int>(1, static_cast<int>(m_day.columns.size()));
    SetVirtualSize(Gutter() + columns * ColumnWidth(), MinuteTop(m_last_minute) + FromDIP(4));
}

void DayViewCtrl::SetDay(services::BookDay day, std::optional<core::LocalMoment> now) {
    m_day = std::move(day);
    m_now = now;
    UpdateRange();
    UpdateLanes();
    if (m_selected_appointment &&
        std::none_of(m_day.entries.begin(), m_day.entries.end(), [&](const auto& entry) {
            return core::KeyOf(entry.appointment) == *m_selected_appointment && Shows(entry);
        })) {
        m_selected_appointment.reset();
    }
    if (m_slot.column >= m_day.columns.size()) {
        m_slot.column = 0;
    }
    m_slot.minute = std::clamp(m_slot.minute, m_first_minute, m_last_minute - kSlotMinutes);
    if (const services::BookEntry* covering =
            m_selected_appointment ? nullptr : EntryCovering(m_slot)) {
        m_selected_appointment = core::KeyOf(covering->appointment);  // not "free" time
    }
    UpdateVirtualSize();
    Refresh();
}

const services::BookEntry* DayViewCtrl::SelectedEntry() const {
    if (!m_selected_appointment) {
        return nullptr;
    }
    for (const auto& entry : m_day.entries) {
        if (core::KeyOf(entry.appointment) == *m_selected_appointment) {
            return &entry;
        }
    }
    return nullptr;
}

std::optional<DayViewCtrl::Slot> DayViewCtrl::SelectedSlot() const {
    if (m_selected_appointment || m_day.columns.empty()) {
        return std::nullopt;
    }
    return m_slot;
}

void DayViewCtrl::SelectAppointment(core::AppointmentId id) {
    SelectAppointment(core::AppointmentKey{id, 0, core::Date{}});
}

void DayViewCtrl::SelectAppointment(const core::AppointmentKey& key) {
    for (const auto& entry : m_day.entries) {
        if (core::KeyOf(entry.appointment) == key && Shows(entry)) {
            m_selected_appointment = key;
            m_slot = {*ColumnOf(entry.appointment),
                      entry.appointment.start_minute / kSlotMinutes * kSlotMinutes};
            ScrollToSelection();
            Refresh();
            return;
        }
    }
}

void DayViewCtrl::SelectSlot(const Slot& slot) {
    m_selected_appointment.reset();
    m_slot = slot;
    // A slot inside an appointment selects the appointment.
    if (const services::BookEntry* entry = EntryCovering(slot)) {
        m_selected_appointment = core::KeyOf(entry->appointment);
    }
    ScrollToSelection();
    Refresh();
}

const services::BookEntry* DayViewCtrl::EntryCovering(const Slot& slot) const {
    for (const auto& entry : m_day.entries) {
        const auto& appointment = entry.appointment;
        if (Shows(entry) && ColumnOf(appointment) == slot.column &&
            slot.minute >= appointment.start_minute / kSlotMinutes * kSlotMinutes &&
            slot.minute < appointment.start_minute + appointment.duration_min) {
            return &entry;
        }
    }
    return nullptr;
}

wxRect DayViewCtrl::SlotRect(const Slot& slot) const {
    const wxPoint origin =
        CalcScrolledPosition(wxPoint(ColumnLeft(slot.column), MinuteTop(slot.minute)));
    return wxRect(origin, wxSize(ColumnWidth(), RowHeight()));
}

std::optional<DayViewCtrl::Slot> DayViewCtrl::SlotAt(const wxPoint& point) const {
    const wxPoint at = CalcUnscrolledPosition(point);
    if (point.y < HeaderHeight() || point.x < Gutter() || m_day.columns.empty()) {
        return std::nullopt;
    }
    const int column = (at.x - Gutter()) / ColumnWidth();
    const int minute = m_first_minute + (at.y - HeaderHeight()) / RowHeight() * kSlotMinutes;
    if (column < 0 || static_cast<std::size_t>(column) >= m_day.columns.size() ||
        minute >= m_last_minute) {
        return std::nullopt;
    }
    return Slot{static_cast<std::size_t>(column), minute};
}

const services::BookEntry* DayViewCtrl::EntryAt(const wxPoint& point) const {
    const auto slot = SlotAt(point);
    if (!slot) {
        return nullptr;
    }
    const int minute = MinuteAt(point);
    const int x = CalcUnscrolledPosition(point).x;
    for (std::size_t index = 0; index < m_day.entries.size(); ++index) {
        const auto& entry = m_day.entries[index];
        const auto& appointment = entry.appointment;
        if (Shows(entry) && ColumnOf(appointment) == slot->column &&
            minute >= appointment.start_minute &&
            minute < appointment.start_minute + appointment.duration_min) {
            // Side by side (a column that may overlap): the one under the pointer.
            const wxRect block = BlockRect(index);
            if (m_lanes[index].count == 1 || (x >= block.GetLeft() && x <= block.GetRight())) {
                return &entry;
            }
        }
    }
    return nullptr;
}

wxRect DayViewCtrl::BlockRect(std::size_t index) const {
    const core::Appointment& appointment = m_day.entries[index].appointment;
    const Lane lane = index < m_lanes.size() ? m_lanes[index] : Lane{};
    const int column = static_cast<int>(ColumnOf(appointment).value_or(0));
    const int inner = ColumnWidth() - FromDIP(6);
    const int lane_width = inner / std::max(1, lane.count);
    const int end = std::min(m_last_minute, appointment.start_minute + appointment.duration_min);
    const int top = MinuteTop(appointment.start_minute);
    return wxRect(
        ColumnLeft(static_cast<std::size_t>(column)) + FromDIP(3) + lane.lane * lane_width, top + 1,
        lane_width - (lane.lane + 1 < lane.count ? FromDIP(2) : 0), MinuteTop(end) - top - 2);
}

void DayViewCtrl::UpdateLanes() {
    // Appointments that overlap in a column (only the day by room's "No room" column holds
    // them: the rules keep a therapist's and a room's apart) share it side by side.
    m_lanes.assign(m_day.entries.size(), Lane{});
    for (std::size_t column = 0; column < m_day.columns.size(); ++column) {
        std::vector<std::size_t> order;
        for (std::size_t index = 0; index < m_day.entries.size(); ++index) {
            if (Shows(m_day.entries[index]) &&
                ColumnOf(m_day.entries[index].appointment) == column) {
                order.push_back(index);
            }
        }
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return m_day.entries[a].appointment.start_minute <
                   m_day.entries[b].appointment.start_minute;
        });
        std::vector<int> lane_ends;        // where each lane of the cluster is free again
        std::vector<std::size_t> cluster;  // the entries of the overlapping group
        int cluster_end = -1;
        const auto close_cluster = [&] {
            for (const std::size_t member : cluster) {
                m_lanes[member].count = static_cast<int>(lane_ends.size());
            }
            cluster.clear();
            lane_ends.clear();
        };
        for (const std::size_t index : order) {
            const core::Appointment& appointment = m_day.entries[index].appointment;
            const int end = appointment.start_minute + appointment.duration_min;
            if (appointment.start_minute >= cluster_end) {
                close_cluster();
            }
            std::size_t lane = 0;
            while (lane < lane_ends.size() && lane_ends[lane] > appointment.start_minute) {
                ++lane;
            }
            if (lane == lane_ends.size()) {
                lane_ends.push_back(end);
            } else {
                lane_ends[lane] = end;
            }
            m_lanes[index].lane = static_cast<int>(lane);
            cluster.push_back(index);
            cluster_end = std::max(cluster_end, end);
        }
        close_cluster();
    }
}

const services::BookProposal* DayViewCtrl::ProposalAt(const Slot& slot) const {
    if (slot.column >= m_day.columns.size()) {
        return nullptr;
    }
    const services::BookColumn& column = m_day.columns[slot.column];
    if (column.room) {
        return nullptr;  // a ghost belongs to a therapist's column
    }
    for (const services::BookProposal& proposal : m_day.proposals) {
        const core::Appointment& proposed = proposal.appointment;
        if (proposed.therapist_id == column.therapist.id && proposed.date == column.date &&
            slot.minute >= proposed.start_minute &&
            slot.minute < proposed.start_minute + proposed.duration_min) {
            return &proposal;
        }
    }
    return nullptr;
}

void DayViewCtrl::ScrollToSelection() {
    int unit_x = 1, unit_y = 1;
    GetScrollPixelsPerUnit(&unit_x, &unit_y);
    const wxRect slot(wxPoint(ColumnLeft(m_slot.column), MinuteTop(m_slot.minute)),
                      wxSize(ColumnWidth(), RowHeight()));
    const wxPoint view = CalcUnscrolledPosition(wxPoint(0, 0));
    const wxSize client = GetClientSize();
    int x = view.x, y = view.y;
    if (slot.GetTop() - HeaderHeight() < view.y) {
        y = slot.GetTop() - HeaderHeight();
    } else if (slot.GetBottom() > view.y + client.y) {
        y = slot.GetBottom() - client.y + RowHeight();
    }
    if (slot.GetLeft() - Gutter() < view.x) {
        x = slot.GetLeft() - Gutter();
    } else if (slot.GetRight() > view.x + client.x) {
        x = slot.GetRight() - client.x;
    }
    if (x != view.x || y != view.y) {
        Scroll(std::max(0, x / std::max(1, unit_x)), std::max(0, y / std::max(1, unit_y)));
    }
}

void DayViewCtrl::Notify(const wxEventType& type) {
    wxCommandEvent event(type, GetId());
    event.SetEventObject(this);
    ProcessWindowEvent(event);
}

void DayViewCtrl::OnPaint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    const wxSize client = GetClientSize();
    const wxPoint view = CalcUnscrolledPosition(wxPoint(0, 0));
    const int header = HeaderHeight();
    const int gutter = Gutter();
    const int width = ColumnWidth();
    dc.SetBackground(wxBrush(wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOW)));
    dc.Clear();
    dc.SetFont(GetFont());
    const wxColour text = wxSystemSettings::GetColour(wxSYS_COLOUR_WINDOWTEXT);
    const wxColour closed(236, 236, 236);
    const wxColour hour_line(200, 200, 200);
    const wxColour half_line(228, 228, 228);
    const auto x_of = [&](std::size_t column) { return ColumnLeft(column) - view.x; };
    const auto y_of = [&](int minute) { return MinuteTop(minute) - view.y; };

    if (m_day.columns.empty()) {
        dc.SetTextForeground(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
        const wxString empty = m_day.clinic_closed
                                   ? _("The clinic is closed on this day.")
                                   : _("Nobody works on this day. Add therapists with Edit ▸ "
                                       "Staff…, and their hours with Edit ▸ Hours and rooms….");
        dc.DrawLabel(empty, wxRect(client), wxALIGN_CENTRE);
        return;
    }

    // Time outside each therapist's hours, shaded quarter by quarter.
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.SetBrush(wxBrush(closed));
    for (std::size_t column = 0; column < m_day.columns.size(); ++column) {
        const auto& hours = m_day.columns[column].hours;
        const bool off = m_day.columns[column].day_off || m_day.clinic_closed;
        for (int minute = m_first_minute; minute < m_last_minute; minute += kSlotMinutes) {
            if (off || !Covers(hours, minute) || !Covers(m_day.clinic_hours, minute)) {
                dc.DrawRectangle(x_of(column), y_of(minute), width, RowHeight());
            }
        }
    }

    // The grid: hour lines, half-hour lines, column separators.
    for (int minute = m_first_minute; minute <= m_last_minute; minute += 30) {
        dc.SetPen(wxPen(minute % 60 == 0 ? hour_line : half_line));
        dc.DrawLine(gutter, y_of(minute), client.x, y_of(minute));
    }
    dc.SetPen(wxPen(hour_line));
    for (std::size_t column = 0; column <= m_day.columns.size(); ++column) {
        dc.DrawLine(x_of(column), header, x_of(column), y_of(m_last_minute));
    }

    // The selected free slot.
    if (!m_selected_appointment) {
        const wxColour highlight = wxSystemSettings::GetColour(wxSYS_COLOUR_HIGHLIGHT);
        // A plain DC paints no alpha: the highlight mixed with white by hand.
        dc.SetBrush(wxBrush(highlight.ChangeLightness(170)));
        dc.SetPen(wxPen(highlight, FromDIP(2)));
        dc.DrawRectangle(x_of(m_slot.column) + 1, y_of(m_slot.minute) + 1, width - 1, RowHeight());
    }

    const wxFont bold = GetFont().Bold();
    const wxFont small = GetFont().Smaller();
    // The plans' proposals: ghosts, under the selection's outline so a chosen one shows.
    for (const services::BookProposal& proposal : m_day.proposals) {
        const core::Appointment& proposed = proposal.appointment;
        const auto column = ColumnOf(proposed);
        if (!column) {
            continue;
        }
        const int end = std::min(m_last_minute, proposed.start_minute + proposed.duration_min);
        wxRect ghost(x_of(*column) + FromDIP(3), y_of(proposed.start_minute) + 1,
                     width - FromDIP(6), y_of(end) - y_of(proposed.start_minute) - 2);
        const wxColour plan_colour(90, 120, 170);
        dc.SetBrush(*wxTRANSPARENT_BRUSH);
        dc.SetPen(wxPen(plan_colour, FromDIP(2), wxPENSTYLE_SHORT_DASH));
        dc.DrawRoundedRectangle(ghost, FromDIP(3));
        wxDCClipper clip(dc, ghost.Deflate(FromDIP(3)));
        dc.SetTextForeground(plan_colour);
        dc.SetFont(small);
        const int x = ghost.GetLeft() + FromDIP(6);
        int y = ghost.GetTop() + FromDIP(2);
        // TRANSLATORS: a session a client's plan proposes in the book, e.g. "Plan: Ann Lee".
        dc.DrawText(wxString::Format(_("Plan: %s"), ToWx(proposal.client_name)), x, y);
        y += dc.GetCharHeight();
        // TRANSLATORS: a proposed session's length and training phase, e.g. "60 min · Build".
        dc.DrawText(
            wxString::Format(_("%d min · %s"), proposed.duration_min, NameOf(proposal.phase)), x,
            y);
        dc.SetFont(GetFont());
    }

    // A room's changeover after each appointment, hatched: the room is not free yet.
    for (const auto& entry : m_day.entries) {
        const auto column = Shows(entry) ? ColumnOf(entry.appointment) : std::nullopt;
        const auto& room = column ? m_day.columns[*column].room : std::nullopt;
        if (!room || room->changeover_min <= 0) {
            continue;
        }
        const int end = entry.appointment.start_minute + entry.appointment.duration_min;
        const int until = std::min(m_last_minute, end + room->changeover_min);
        if (until > end) {
            dc.SetPen(*wxTRANSPARENT_PEN);
            dc.SetBrush(wxBrush(wxColour(160, 160, 160), wxBRUSHSTYLE_BDIAGONAL_HATCH));
            dc.DrawRectangle(x_of(*column) + FromDIP(3), y_of(end), width - FromDIP(6),
                             y_of(until) - y_of(end));
        }
    }

    // The appointments.
    for (std::size_t index = 0; index < m_day.entries.size(); ++index) {
        const services::BookEntry& entry = m_day.entries[index];
        if (!Shows(entry)) {
            continue;
        }
        const auto& appointment = entry.appointment;
        wxRect block = BlockRect(index);
        block.Offset(-view.x, -view.y);
        const StatusColours colours = ColoursOf(appointment.status);
        const bool selected = m_selected_appointment == core::KeyOf(appointment);
        dc.SetBrush(wxBrush(colours.fill));
        dc.SetPen(wxPen(selected ? text : colours.border, selected ? FromDIP(3) : 1));
        dc.DrawRoundedRectangle(block, FromDIP(3));
        dc.SetPen(wxPen(colours.border, FromDIP(4)));
        dc.DrawLine(block.GetLeft() + FromDIP(2), block.GetTop() + FromDIP(2),
                    block.GetLeft() + FromDIP(2), block.GetBottom() - FromDIP(1));

        wxDCClipper clip(dc, block.Deflate(FromDIP(2)));
        int y = block.GetTop() + FromDIP(2);
        const int x = block.GetLeft() + FromDIP(9);
        dc.SetTextForeground(text);
        // The status word on the first line's right, so a narrow column still shows it; the
        // name gets what is left.
        int name_right = block.GetRight() - FromDIP(4) - (entry.flag ? FromDIP(14) : 0);
        dc.SetFont(bold);
        const int line_height = dc.GetCharHeight();
        const wxString status = StatusWord(appointment.status);
        if (!status.empty()) {
            dc.SetFont(small);
            const int status_x = std::max(x, name_right - dc.GetTextExtent(status).x);
            dc.DrawText(status, status_x, y + (line_height - dc.GetCharHeight()) / 2);
            name_right = status_x - FromDIP(6);
            dc.SetFont(bold);
        }
        if (name_right > x) {
            wxDCClipper name_clip(dc, wxRect(x, y, name_right - x, line_height));
            dc.DrawText(ToWx(entry.client_name), x, y);
        }
        y += line_height;
        dc.SetFont(small);
        wxString detail = TimeText(appointment.start_minute) + wxString::FromUTF8("–") +
                          TimeText(appointment.start_minute + appointment.duration_min);
        if (appointment.series_id) {
            detail += wxString::FromUTF8(" ↻");  // one of a series
        }
        // A room's column names the therapist instead of the room.
        const std::string& who = m_day.by_room ? entry.therapist_name : entry.room_name;
        for (const std::string& part : {entry.service_name, who}) {
            if (!part.empty()) {
                detail += wxString::FromUTF8(" · ") + ToWx(part);
            }
        }
        dc.DrawText(detail, x, y);
        if (entry.flag) {
            const int radius = FromDIP(5);
            dc.SetPen(*wxTRANSPARENT_PEN);
            dc.SetBrush(wxBrush(*entry.flag == core::FlagLevel::kAbsolute ? wxColour(200, 30, 30)
                                                                          : wxColour(230, 150, 0)));
            dc.DrawCircle(block.GetRight() - radius - FromDIP(4),
                          block.GetTop() + radius + FromDIP(4), radius);
        }
        dc.SetFont(GetFont());
    }

    // Where a dragged appointment will land, and its new times.
    if (const auto target = DragTarget()) {
        const int end = std::min(m_last_minute, target->start_minute + target->duration_min);
        wxRect outline(x_of(target->column) + FromDIP(3), y_of(target->start_minute) + 1,
                       width - FromDIP(6), y_of(end) - y_of(target->start_minute) - 2);
        const wxColour highlight = wxSystemSettings::GetColour(wxSYS_COLOUR_HIGHLIGHT);
        dc.SetBrush(wxBrush(highlight.ChangeLightness(180)));
        dc.SetPen(wxPen(highlight, FromDIP(2), wxPENSTYLE_SHORT_DASH));
        dc.DrawRoundedRectangle(outline, FromDIP(3));
        wxDCClipper clip(dc, outline.Deflate(FromDIP(2)));
        dc.SetFont(bold);
        dc.SetTextForeground(text);
        dc.DrawText(TimeText(target->start_minute) + wxString::FromUTF8("–") +
                        TimeText(target->start_minute + target->duration_min),
                    outline.GetLeft() + FromDIP(9), outline.GetTop() + FromDIP(2));
        dc.SetFont(GetFont());
    }

    // Now, across today's columns.
    if (m_now && m_now->minute >= m_first_minute && m_now->minute <= m_last_minute) {
        dc.SetPen(wxPen(wxColour(220, 30, 30), FromDIP(2)));
        for (std::size_t column = 0; column < m_day.columns.size(); ++column) {
            if (m_day.columns[column].date == m_now->date) {
                dc.DrawLine(x_of(column), y_of(m_now->minute), x_of(column) + width,
                            y_of(m_now->minute));
            }
        }
    }

    // The hours down the side and the names on top stay in place while the day scrolls.
    const wxColour face = wxSystemSettings::GetColour(wxSYS_COLOUR_BTNFACE);
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.SetBrush(wxBrush(face));
    dc.DrawRectangle(0, 0, gutter, client.y);
    dc.SetTextForeground(text);
    for (int minute = m_first_minute; minute < m_last_minute; minute += 60) {
        dc.DrawText(TimeText(minute), FromDIP(6), y_of(minute) + 1);
    }
    dc.SetBrush(wxBrush(face));
    dc.DrawRectangle(0, 0, client.x, header);
    dc.SetFont(bold);
    for (std::size_t column = 0; column < m_day.columns.size(); ++column) {
        const auto& each = m_day.columns[column];
        // A week names each column's day; a day each column's therapist or room.
        wxString name = m_day.week ? ColumnDay(each.date) : ToWx(each.therapist.name);
        if (each.room) {
            name = each.room->id != 0 ? ToWx(each.room->name) : _("No room");
        } else if (each.day_off) {
            name += wxString::FromUTF8(" · ") + _("day off");
        } else if (each.hours.empty() && !m_day.week) {
            name += wxString::FromUTF8(" · ") + _("not working");  // a week's grey says it
        }
        wxDCClipper clip(dc, wxRect(x_of(column), 0, width, header));
        dc.DrawLabel(name, wxRect(x_of(column), 0, width, header), wxALIGN_CENTRE);
    }
    dc.SetPen(wxPen(hour_line));
    dc.DrawLine(0, header - 1, client.x, header - 1);
    dc.DrawLine(gutter - 1, 0, gutter - 1, client.y);
}

int DayViewCtrl::MinuteAt(const wxPoint& point) const {
    return m_first_minute +
           (CalcUnscrolledPosition(point).y - HeaderHeight()) * kSlotMinutes / RowHeight();
}

bool DayViewCtrl::OnResizeEdge(const wxPoint& point) const {
    const services::BookEntry* entry = EntryAt(point);
    if (entry == nullptr || entry->appointment.status != core::AppointmentStatus::kBooked) {
        return false;
    }
    const int end = entry->appointment.start_minute + entry->appointment.duration_min;
    const int bottom = MinuteTop(std::min(m_last_minute, end)) - CalcUnscrolledPosition(point).y;
    return bottom >= 0 && bottom <= FromDIP(5);
}

std::optional<DayViewCtrl::Drop> DayViewCtrl::DragTarget() const {
    if (!m_drag || !m_drag->started) {
        return std::nullopt;
    }
    return m_drag->target;
}

void DayViewCtrl::UpdateDrag(const wxPoint& point) {
    Drop& target = m_drag->target;
    if (target.resize) {
        // The end follows the pointer to the nearest quarter hour; at least a quarter long.
        const int end = (MinuteAt(point) + kSlotMinutes / 2) / kSlotMinutes * kSlotMinutes;
        target.duration_min = std::clamp(end - target.start_minute, kSlotMinutes,
                                         kMinutesPerDay - target.start_minute);
    } else {
        const int columns = static_cast<int>(m_day.columns.size());
        const int column = (CalcUnscrolledPosition(point).x - Gutter()) / ColumnWidth();
        target.column = static_cast<std::size_t>(std::clamp(column, 0, columns - 1));
        const int start = MinuteAt(point) - m_drag->grab_minutes;
        const int snapped =
            (start + kSlotMinutes / 2 + kMinutesPerDay) / kSlotMinutes * kSlotMinutes -
            kMinutesPerDay;
        target.start_minute = std::clamp(snapped, m_first_minute,
                                         std::max(m_first_minute, m_last_minute - kSlotMinutes));
    }
    // Near the top or bottom edge the day scrolls along.
    int unit_x = 1, unit_y = 1;
    GetScrollPixelsPerUnit(&unit_x, &unit_y);
    const wxPoint view = GetViewStart();
    if (point.y < HeaderHeight() + RowHeight()) {
        Scroll(-1, std::max(0, view.y - 1));
    } else if (point.y > GetClientSize().y - RowHeight()) {
        Scroll(-1, view.y + 1);
    }
    Refresh();
}

void DayViewCtrl::EndDrag() {
    m_drag.reset();
    if (HasCapture()) {
        ReleaseMouse();
    }
    Refresh();
}

void DayViewCtrl::OnLeftUp(wxMouseEvent& event) {
    if (m_drag && m_drag->started) {
        const Drop target = m_drag->target;
        const bool moved = target.column != m_drag->original_column ||
                           target.start_minute != m_drag->original_start ||
                           target.duration_min != m_drag->original_duration;
        EndDrag();
        if (moved) {
            m_drop = target;
            Notify(EVT_BOOK_DROPPED);
        }
    } else {
        EndDrag();
    }
    event.Skip();
}

void DayViewCtrl::OnCaptureLost(wxMouseCaptureLostEvent&) {
    m_drag.reset();
    Refresh();
}

void DayViewCtrl::OnLeftDown(wxMouseEvent& event) {
    SetFocus();
    if (const auto* entry = EntryAt(event.GetPosition())) {
        m_selected_appointment = core::KeyOf(entry->appointment);
        m_slot = {*ColumnOf(entry->appointment),
                  entry->appointment.start_minute / kSlotMinutes * kSlotMinutes};
        m_drag.reset();
        if (entry->appointment.status == core::AppointmentStatus::kBooked) {
            Drag drag;
            drag.target = {core::KeyOf(entry->appointment), m_slot.column,
                           entry->appointment.start_minute, entry->appointment.duration_min,
                           OnResizeEdge(event.GetPosition())};
            drag.pressed = event.GetPosition();
            drag.grab_minutes = MinuteAt(event.GetPosition()) - entry->appointment.start_minute;
            drag.original_column = m_slot.column;
            drag.original_start = entry->appointment.start_minute;
            drag.original_duration = entry->appointment.duration_min;
            m_drag = drag;
        }
        Refresh();
        Notify(EVT_BOOK_SELECTION_CHANGED);
    } else if (const auto slot = SlotAt(event.GetPosition())) {
        m_selected_appointment.reset();
        m_slot = *slot;
        Refresh();
        Notify(EVT_BOOK_SELECTION_CHANGED);
    }
    event.Skip();
}

void DayViewCtrl::OnLeftDouble(wxMouseEvent& event) {
    if (EntryAt(event.GetPosition()) != nullptr || SlotAt(event.GetPosition())) {
        Notify(EVT_BOOK_ACTIVATED);
    }
}

void DayViewCtrl::OnMotion(wxMouseEvent& event) {
    if (m_drag && event.LeftIsDown()) {
        const wxPoint moved = event.GetPosition() - m_drag->pressed;
        const int threshold_x = std::max(3, wxSystemSettings::GetMetric(wxSYS_DRAG_X, this));
        const int threshold_y = std::max(3, wxSystemSettings::GetMetric(wxSYS_DRAG_Y, this));
        if (!m_drag->started &&
            (std::abs(moved.x) >= threshold_x || std::abs(moved.y) >= threshold_y)) {
            m_drag->started = true;
            UnsetToolTip();
            if (!HasCapture()) {
                CaptureMouse();
            }
        }
        if (m_drag->started) {
            UpdateDrag(event.GetPosition());
            return;
        }
    }
    SetCursor(OnResizeEdge(event.GetPosition()) ? wxCursor(wxCURSOR_SIZENS) : wxNullCursor);
    const auto* entry = EntryAt(event.GetPosition());
    if (entry == nullptr) {
        UnsetToolTip();
    } else {
        wxString tip = ToWx(entry->client_name) + "\n" + TimeText(entry->appointment.start_minute) +
                       wxString::FromUTF8("–") +
                       TimeText(entry->appointment.start_minute + entry->appointment.duration_min);
        if (!entry->appointment.notes.empty()) {
            tip += "\n" + ToWx(entry->appointment.notes);
        }
        SetToolTip(tip);
    }
    event.Skip();
}

void DayViewCtrl::OnKeyDown(wxKeyEvent& event) {
    if (m_drag && m_drag->started && event.GetKeyCode() == WXK_ESCAPE) {
        EndDrag();  // Escape: the appointment stays where it was
        return;
    }
    if (m_day.columns.empty()) {
        event.Skip();
        return;
    }
    Slot slot = m_slot;
    const auto* entry = SelectedEntry();
    switch (event.GetKeyCode()) {
        case WXK_UP:
            slot.minute = std::max(m_first_minute, slot.minute - kSlotMinutes);
            break;
        case WXK_DOWN:
            // From an appointment, down goes to the quarter after it.
            slot.minute = entry != nullptr
                              ? entry->appointment.start_minute + entry->appointment.duration_min
                              : slot.minute + kSlotMinutes;
            slot.minute = std::min(m_last_minute - kSlotMinutes,
                                   (slot.minute + kSlotMinutes - 1) / kSlotMinutes * kSlotMinutes);
            break;
        case WXK_LEFT:
            slot.column = slot.column == 0 ? 0 : slot.column - 1;
            break;
        case WXK_RIGHT:
            slot.column = std::min(m_day.columns.size() - 1, slot.column + 1);
            break;
        case WXK_RETURN:
        case WXK_NUMPAD_ENTER:
            Notify(EVT_BOOK_ACTIVATED);
            return;
        default:
            event.Skip();
            return;
    }
    SelectSlot(slot);
    Notify(EVT_BOOK_SELECTION_CHANGED);
}

void DayViewCtrl::OnSize(wxSizeEvent& event) {
    UpdateVirtualSize();
    event.Skip();
}

}  // namespace myodesk::app
