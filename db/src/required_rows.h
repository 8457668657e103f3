#pragma once

// Checks, before a write, that the rows it points at exist, so the user is told which id is
// missing (NotFoundError) rather than shown the backend's foreign key failure.

#include <myodesk/core/client.h>
#include <myodesk/core/clinic_resources.h>
#include <myodesk/core/staff.h>
#include <myodesk/db/errors.h>

#include <fmt/format.h>
#include <soci/soci.h>

#include <string_view>

namespace myodesk::db::detail {

// `lock` (the dialect's lock_selected_rows, or empty) holds the client row until the
// transaction ends, so two desks cannot book the same client at the same time.
inline void RequireClient(soci::session& session, core::ClientId id, std::string_view lock = "") {
    long long client_id = id;
    long long found = 0;
    soci::statement statement =
        (session.prepare << fmt::format("SELECT id FROM clients WHERE id = :id{}", lock),
         soci::into(found), soci::use(client_id, "id"));
    if (!statement.execute(true)) {
        throw NotFoundError(fmt::format("There is no client with id {}.", id));
    }
}

// The kinds of row `hold` (the dialect's hold_booked_row) holds: its first key.
enum class HeldRow : int { kStaff = 1, kRoom = 2 };

// Runs the dialect's hold_booked_row (or nothing when it is empty) for the row.
inline void HoldRow(soci::session& session, std::string_view hold, HeldRow kind, long long id) {
    if (hold.empty()) {
        return;
    }
    int key = static_cast<int>(kind);
    session << std::string(hold), soci::use(key, "kind"), soci::use(id, "id");
}

// `hold` (the dialect's hold_booked_row, or empty) holds the therapist until the transaction
// ends, so two desks cannot book the same therapist for the same time. Not a row lock: that
// would need the right to change staff, which a therapist's login has not.
inline void RequireStaff(soci::session& session, core::StaffId id, std::string_view hold = "") {
    long long staff_id = id;
    long long found = 0;
    soci::statement statement = (session.prepare << "SELECT id FROM staff WHERE id = :id",
                                 soci::into(found), soci::use(staff_id, "id"));
    if (!statement.execute(true)) {
        throw NotFoundError(fmt::format("There is no staff member with id {}.", id));
    }
    HoldRow(session, hold, HeldRow::kStaff, staff_id);
}

// Returns the room's changeover in minutes. `hold` holds the room as RequireStaff holds the
// therapist, so two desks cannot book the same room for the same time.
inline int RequireRoom(soci::session& session, core::RoomId id, std::string_view hold = "") {
    long long room_id = id;
    int changeover = 0;
    soci::statement statement =
        (session.prepare << "SELECT changeover_min FROM rooms WHERE id = :id",
         soci::into(changeover), soci::use(room_id, "id"));
    if (!statement.execute(true)) {
        throw NotFoundError(fmt::format("There is no room with id {}.", id));
    }
    HoldRow(session, hold, HeldRow::kRoom, room_id);
    return changeover;
}

inline void RequireService(soci::session& session, core::ServiceId id) {
    long long service_id = id;
    long long found = 0;
    soci::statement statement = (session.prepare << "SELECT id FROM services WHERE id = :id",
                                 soci::into(found), soci::use(service_id, "id"));
    if (!statement.execute(true)) {
        throw NotFoundError(fmt::format("There is no service with id {}.", id));
    }
}

}  // namespace myodesk::db::detail
