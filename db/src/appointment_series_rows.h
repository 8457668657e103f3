#pragma once

// The `appointment_series` row as SOCI binds it, and the reads of series that both the
// appointment reads and the clash check need: the series alive on some days, their stored
// occurrences, and the unstored occurrences of one day for the clash check.

#include "appointment_row.h"
#include "row_binding.h"

#include <myodesk/core/appointment.h>
#include <myodesk/db/session_clash.h>

#include <soci/soci.h>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace myodesk::db::detail {

inline constexpr StoredValues kStoredSeries{"appointment series"};

struct SeriesRow {
    long long id = 0;
    long long client_id = 0;
    long long therapist_id = 0;
    std::string first_date;
    int start_minute = 0;
    int duration_min = 0;
    Nullable<long long> room_id;
    Nullable<long long> service_id;
    std::string notes;
    std::string flag_override;
    int every_weeks = 1;
    Nullable<std::string> until_date;
    Nullable<int> occurrence_count;
    std::string last_date;
    std::string created_at;

    // `last_date` from the rule (core::LastOccurrence); the series must be valid.
    static SeriesRow From(const core::AppointmentSeries& series);
    // Without exceptions: those are the stored occurrences (StoredOccurrenceDays).
    core::AppointmentSeries ToSeries() const;
};

// Every column of `appointment_series` but id, in one fixed order.
template <typename Visit>
void VisitColumns(SeriesRow& row, Visit&& visit) {
    visit("client_id", row.client_id);
    visit("therapist_id", row.therapist_id);
    visit("first_date", row.first_date);
    visit("start_minute", row.start_minute);
    visit("duration_min", row.duration_min);
    visit("room_id", row.room_id);
    visit("service_id", row.service_id);
    visit("notes", row.notes);
    visit("flag_override", row.flag_override);
    visit("every_weeks", row.every_weeks);
    visit("until_date", row.until_date);
    visit("occurrence_count", row.occurrence_count);
    visit("last_date", row.last_date);
    visit("created_at", row.created_at);
}

// Where and when the appointment is, for the clash check; `changeover` is its room's.
inline core::SessionSlot SlotOf(const core::Appointment& appointment, int changeover) {
    return {.kind = core::SessionKind::kAppointment,
            .id = appointment.id,
            .date = appointment.date,
            .start_minute = appointment.start_minute,
            .duration_min = appointment.duration_min,
            .therapist_id = appointment.therapist_id,
            .client_id = appointment.client_id,
            .room_id = appointment.room_id,
            .room_changeover_min = changeover};
}

// The appointments a WHERE clause over `appointments` selects, binding the texts and numbers
// by name, by date, time and id.
std::vector<core::Appointment> SelectAppointments(
    soci::session& session, const std::string& where,
    const std::vector<std::pair<const char*, std::string>>& texts,
    const std::vector<std::pair<const char*, long long>>& numbers);

// Saves every field of a stored appointment but its client, plan link and creation (its
// series and day too), raising its version.
void SaveAppointmentRow(soci::session& session, AppointmentRow& row);

// Which series a read selects: alive on some day of [from, to], of a therapist or a client.
struct SeriesSelection {
    core::Date from{};
    core::Date to{};
    std::optional<core::StaffId> therapist;
    std::optional<core::ClientId> client;
    std::optional<core::SeriesId> id;
    bool lock = false;  // hold the rows until the transaction ends (PostgreSQL)
    std::string_view lock_clause;
};

// The series the selection names, by id, each with the days of its stored occurrences in
// [from, to] as its exceptions.
std::vector<core::AppointmentSeries> ReadSeries(soci::session& session,
                                                const SeriesSelection& selection);

// The unstored occurrences of `[from, to]` of the series alive then, as appointments (id 0),
// by date and start; a status filter other than booked selects none.
std::vector<core::Appointment> UnstoredOccurrences(soci::session& session,
                                                   const SeriesSelection& selection);

// What the clash check leaves out: the occurrences of the series being booked or changed
// (all of them, or only the one of `day`), which are the booking itself.
struct OwnOccurrences {
    std::optional<core::SeriesId> series;
    std::optional<core::Date> day;
};

// The unstored occurrences on `date` of the therapist's, the client's or the room's series,
// as the clash check sees them (id 0, named by the series' first stored appointment).
void ReadSeriesOnDay(soci::session& session, const core::Date& date, const SlotHolders& holders,
                     const OwnOccurrences& own, std::vector<BookedSession>& into);

}  // namespace myodesk::db::detail
