#include "guard.h"
#include "one_call_statement.h"
#include "row_binding.h"
#include "session_clash_check.h"
#include "soci_session.h"

#include <myodesk/core/client.h>

#include <fmt/format.h>

#include <algorithm>
#include <utility>

namespace myodesk::db {

namespace {

// The sessions of that day for the therapist, the client or the room, with the names. Notes
// take no room; cancelled appointments take nothing.
void ReadTable(soci::session& session, core::SessionKind kind, const core::Date& date,
               const SlotHolders& holders, std::vector<BookedSession>& into) {
    const bool notes = kind == core::SessionKind::kNote;
    std::string session_date = core::FormatIsoDate(date);
    long long therapist_id = holders.therapist;
    long long client_id = holders.client;
    // Ids start at 1, so 0 matches no room (and notes, which have none, test it is negative).
    long long room_id = holders.room.value_or(0);
    long long id = 0, row_therapist = 0, row_client = 0;
    int start_minute = 0, duration_min = 0, changeover = 0;
    detail::Nullable<long long> row_room;
    core::ClientSummary person;
    std::string therapist_name, room_name;
    soci::statement statement = detail::OneCallStatement(
        session,
        fmt::format("SELECT t.id, t.start_minute, t.duration_min, t.therapist_id, t.client_id, "
                    "s.name, c.given_name, c.family_name, c.preferred_name, {room} FROM {table} t "
                    "JOIN staff s ON s.id = t.therapist_id JOIN clients c ON c.id = t.client_id "
                    "{join_room} WHERE t.session_date = :session_date AND {held}(t.therapist_id "
                    "= :therapist_id OR t.client_id = :client_id OR {in_room}) "
                    "ORDER BY t.start_minute, t.id",
                    fmt::arg("table", notes ? "session_notes" : "appointments"),
                    fmt::arg("room", notes ? "CAST(NULL AS BIGINT), '', 0"
                                           : "t.room_id, COALESCE(r.name, ''), "
                                             "COALESCE(r.changeover_min, 0)"),
                    fmt::arg("join_room", notes ? "" : "LEFT JOIN rooms r ON r.id = t.room_id"),
                    fmt::arg("held", notes ? ""
                                           : "t.status NOT IN ('cancelled', 'late_cancelled') "
                                             "AND "),
                    fmt::arg("in_room", notes ? ":room_id < 0" : "t.room_id = :room_id")),
        soci::into(id), soci::into(start_minute), soci::into(duration_min),
        soci::into(row_therapist), soci::into(row_client), soci::into(therapist_name),
        soci::into(person.given_name), soci::into(person.family_name),
        soci::into(person.preferred_name), soci::into(row_room.value, row_room.indicator),
        soci::into(room_name), soci::into(changeover), soci::use(session_date, "session_date"),
        soci::use(therapist_id, "therapist_id"), soci::use(client_id, "client_id"),
        soci::use(room_id, "room_id"));
    statement.execute(false);
    while (statement.fetch()) {
        const core::SessionSlot slot{.kind = kind,
                                     .id = id,
                                     .date = date,
                                     .start_minute = start_minute,
                                     .duration_min = duration_min,
                                     .therapist_id = row_therapist,
                                     .client_id = row_client,
                                     .room_id = row_room.Get(),
                                     .room_changeover_min = changeover};
        into.push_back({slot, therapist_name, core::DisplayName(person), room_name, std::nullopt});
    }
}

}  // namespace

ClashError::ClashError(BookedSession other, core::ClashReason reason)
    : ValidationError({{"start_time", core::ProblemCode::kOverlaps}}),
      m_other(std::move(other)),
      m_reason(reason) {}

namespace detail {

std::vector<BookedSession> ReadSessionsOnDay(soci::session& session, const core::Date& date,
                                             const SlotHolders& holders,
                                             const OwnOccurrences& own) {
    std::vector<BookedSession> sessions;
    ReadTable(session, core::SessionKind::kNote, date, holders, sessions);
    ReadTable(session, core::SessionKind::kAppointment, date, holders, sessions);
    ReadSeriesOnDay(session, date, holders, own, sessions);
    std::stable_sort(sessions.begin(), sessions.end(),
                     [](const BookedSession& a, const BookedSession& b) {
                         return a.slot.start_minute < b.slot.start_minute;
                     });
    return sessions;
}

void CheckNoClash(soci::session& session, const core::SessionSlot& wanted,
                  const OwnOccurrences& own) {
    for (BookedSession& other : ReadSessionsOnDay(
             session, wanted.date, {wanted.therapist_id, wanted.client_id, wanted.room_id}, own)) {
        if (const auto reason = core::WhyClashes(wanted, other.slot)) {
            throw ClashError(std::move(other), *reason);
        }
    }
}

}  // namespace detail

std::vector<BookedSession> SessionsOnDay(Database& database, const core::Date& date,
                                         const SlotHolders& holders) {
    return Guard("read the day's sessions",
                 [&] { return detail::ReadSessionsOnDay(SociSession(database), date, holders); });
}

}  // namespace myodesk::db
