// The plan proposes, the book disposes (issue 16): the sessions of the clients' plans that
// nobody has booked show in the book as ghosts at a free time, and booking one links it.
#include <myodesk/db/plan_repository.h>
#include <myodesk/db/session_note_repository.h>
#include <myodesk/services/appointment_service.h>
#include <myodesk/services/client_service.h>

#include <algorithm>
#include <cstddef>
#include <optional>
#include <vector>

namespace myodesk::services {

namespace {

// A busy day of a big clinic shows every proposal; a limit keeps a runaway one cheap.
constexpr std::size_t kMaxProposals = 200;
constexpr int kStepMinutes = 15;
constexpr int kNoHoursStart = 9 * 60;

bool Overlaps(int start, int end, const core::Appointment& other) {
    return start < other.start_minute + other.duration_min && other.start_minute < end;
}

// The first time in the column's hours that `duration` minutes fit without touching a booking
// of its therapist that day or a proposal placed there already.
std::optional<int> FreeStart(const BookDay& day, const BookColumn& column, int duration) {
    if (column.day_off || (day.clinic_closed && !day.week)) {
        return std::nullopt;
    }
    const auto taken = [&](int start) {
        const int end = start + duration;
        const auto same_column = [&](const core::Appointment& a) {
            return a.therapist_id == column.therapist.id && a.date == column.date;
        };
        return std::any_of(day.entries.begin(), day.entries.end(),
                           [&](const BookEntry& entry) {
                               return core::HoldsSlot(entry.appointment.status) &&
                                      same_column(entry.appointment) &&
                                      Overlaps(start, end, entry.appointment);
                           }) ||
               std::any_of(day.proposals.begin(), day.proposals.end(),
                           [&](const BookProposal& proposal) {
                               return same_column(proposal.appointment) &&
                                      Overlaps(start, end, proposal.appointment);
                           });
    };
    for (const core::TimeRange& range : column.hours) {
        // No hours set (the whole day): from the desk's usual 09:00, not midnight.
        const bool whole_day = range.start_minute == 0 && range.end_minute >= 24 * 60;
        for (int start = whole_day ? kNoHoursStart : range.start_minute;
             start + duration <= range.end_minute; start += kStepMinutes) {
            if (!taken(start)) {
                return start;
            }
        }
    }
    return std::nullopt;
}

}  // namespace

void AppointmentService::AddProposals(BookDay& day) {
    if (day.columns.empty()) {
        return;
    }
    db::Database& database = m_context.Database();
    db::PlanRepository plans(database, m_context.GetClock().Storage());
    db::SessionNoteRepository notes(database, m_context.GetClock().Storage());
    ClientService clients(m_context);
    // A planned day gone by was missed, not bookable (PlanRepository::Accept): no ghosts then.
    const core::Date first = std::max(day.columns.front().date, m_context.Today());
    const core::Date last = day.columns.back().date;
    if (last < first) {
        return;
    }
    for (const db::UpcomingPlannedSession& upcoming : plans.Upcoming(first, last)) {
        if (upcoming.status != core::PlannedSessionStatus::kPlanned) {
            continue;
        }
        if (day.proposals.size() >= kMaxProposals) {
            break;
        }
        // A client booked that day already (at any time, with anyone) needs no ghost. A day's
        // entries hold every therapist's appointments; a week's only its therapist's.
        const auto holds = [&](const core::Appointment& a) {
            return a.client_id == upcoming.client_id && a.date == upcoming.date &&
                   core::HoldsSlot(a.status);
        };
        bool booked = false;
        if (day.week) {
            db::AppointmentFilter theirs;
            theirs.client = upcoming.client_id;
            const auto appointments = m_appointments.Between(upcoming.date, upcoming.date, theirs);
            booked = std::any_of(appointments.begin(), appointments.end(), holds);
        } else {
            booked = std::any_of(day.entries.begin(), day.entries.end(),
                                 [&](const BookEntry& entry) { return holds(entry.appointment); });
        }
        if (booked) {
            continue;
        }
        const auto plan = plans.Get(upcoming.plan_id);
        if (!plan || upcoming.index < 0 ||
            static_cast<std::size_t>(upcoming.index) >= plan->sessions.size()) {
            continue;
        }
        const core::PlannedSession& session =
            plan->sessions[static_cast<std::size_t>(upcoming.index)];
        std::optional<core::StaffId> usual;
        if (const auto latest = notes.Latest(upcoming.client_id)) {
            usual = latest->therapist_id;
        }
        const auto usual_column =
            std::find_if(day.columns.begin(), day.columns.end(), [&](const BookColumn& column) {
                return column.date == upcoming.date && usual && column.therapist.id == *usual;
            });
        // A week is one therapist's: only their own clients' sessions.
        if (day.week && usual_column == day.columns.end()) {
            continue;
        }
        core::Appointment proposed;
        proposed.client_id = upcoming.client_id;
        proposed.date = upcoming.date;
        proposed.duration_min = session.duration_min;
        proposed.plan_id = upcoming.plan_id;
        proposed.plan_session = upcoming.index;
        for (const BookColumn& column : day.columns) {
            const bool candidate = usual_column != day.columns.end() ? &column == &*usual_column
                                                                     : column.date == upcoming.date;
            if (!candidate) {
                continue;
            }
            proposed.therapist_id = column.therapist.id;
            if (const auto start = FreeStart(day, column, proposed.duration_min)) {
                proposed.start_minute = *start;
                BookProposal proposal;
                proposal.appointment = proposed;
                proposal.client_name = core::DisplayName(clients.Get(upcoming.client_id));
                proposal.phase = session.phase;
                day.proposals.push_back(std::move(proposal));
                break;
            }
        }
    }
}

void AppointmentService::BookFromPlan(core::Appointment& appointment) {
    db::Database& database = m_context.Database();
    db::Transaction transaction(database);
    db::PlanRepository plans(database, m_context.GetClock().Storage());
    const auto plan = plans.Get(*appointment.plan_id);
    const int index = *appointment.plan_session;
    const bool linkable = plan && plan->client_id == appointment.client_id && index >= 0 &&
                          static_cast<std::size_t>(index) < plan->sessions.size() &&
                          plan->sessions[static_cast<std::size_t>(index)].status ==
                              core::PlannedSessionStatus::kPlanned &&
                          plan->sessions[static_cast<std::size_t>(index)].date == appointment.date;
    if (linkable) {
        // Marks the session booked and the appointment its own, both or neither.
        plans.Accept(*appointment.plan_id, index, appointment, m_context.Today());
    } else {
        appointment.plan_id.reset();
        appointment.plan_session.reset();
        m_appointments.Book(appointment, m_context.Today());
    }
    transaction.Commit();
}

}  // namespace myodesk::services
