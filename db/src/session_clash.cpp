#include "guard.h"
#include "one_call_statement.h"
#include "session_clash_check.h"
#include "soci_session.h"

#include <myodesk/core/client.h>

#include <fmt/format.h>

#include <algorithm>
#include <utility>

namespace myodesk::db {

namespace {

// One table's sessions of that day for the therapist or the client, with the names.
void ReadTable(soci::session& session, core::SessionKind kind, const core::Date& date,
               core::StaffId therapist, core::ClientId client, std::vector<BookedSession>& into) {
    const char* table = kind == core::SessionKind::kNote ? "session_notes" : "appointments";
    std::string session_date = core::FormatIsoDate(date);
    long long therapist_id = therapist;
    long long client_id = client;
    long long id = 0, row_therapist = 0, row_client = 0;
    int start_minute = 0, duration_min = 0;
    core::ClientSummary person;
    std::string therapist_name;
    soci::statement statement = detail::OneCallStatement(
        session,
        fmt::format("SELECT t.id, t.start_minute, t.duration_min, t.therapist_id, t.client_id, "
                    "s.name, c.given_name, c.family_name, c.preferred_name FROM {} t "
                    "JOIN staff s ON s.id = t.therapist_id JOIN clients c ON c.id = t.client_id "
                    "WHERE t.session_date = :session_date AND (t.therapist_id = :therapist_id "
                    "OR t.client_id = :client_id) ORDER BY t.start_minute, t.id",
                    table),
        soci::into(id), soci::into(start_minute), soci::into(duration_min),
        soci::into(row_therapist), soci::into(row_client), soci::into(therapist_name),
        soci::into(person.given_name), soci::into(person.family_name),
        soci::into(person.preferred_name), soci::use(session_date, "session_date"),
        soci::use(therapist_id, "therapist_id"), soci::use(client_id, "client_id"));
    statement.execute(false);
    while (statement.fetch()) {
        into.push_back({core::SessionSlot{kind, id, date, start_minute, duration_min, row_therapist,
                                          row_client},
                        therapist_name, core::DisplayName(person)});
    }
}

}  // namespace

ClashError::ClashError(BookedSession other)
    : ValidationError({{"start_time", core::ProblemCode::kOverlaps}}), m_other(std::move(other)) {}

namespace detail {

std::vector<BookedSession> ReadSessionsOnDay(soci::session& session, const core::Date& date,
                                             core::StaffId therapist, core::ClientId client) {
    std::vector<BookedSession> sessions;
    ReadTable(session, core::SessionKind::kNote, date, therapist, client, sessions);
    ReadTable(session, core::SessionKind::kAppointment, date, therapist, client, sessions);
    std::stable_sort(sessions.begin(), sessions.end(),
                     [](const BookedSession& a, const BookedSession& b) {
                         return a.slot.start_minute < b.slot.start_minute;
                     });
    return sessions;
}

void CheckNoClash(soci::session& session, const core::SessionSlot& wanted) {
    for (BookedSession& other :
         ReadSessionsOnDay(session, wanted.date, wanted.therapist_id, wanted.client_id)) {
        if (core::Clashes(wanted, other.slot)) {
            throw ClashError(std::move(other));
        }
    }
}

}  // namespace detail

std::vector<BookedSession> SessionsOnDay(Database& database, const core::Date& date,
                                         core::StaffId therapist, core::ClientId client) {
    return Guard("read the day's sessions", [&] {
        return detail::ReadSessionsOnDay(SociSession(database), date, therapist, client);
    });
}

}  // namespace myodesk::db
