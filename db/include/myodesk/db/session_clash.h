#pragma once

#include <myodesk/core/appointment.h>
#include <myodesk/core/session_slot.h>
#include <myodesk/db/database.h>
#include <myodesk/db/errors.h>

#include <optional>
#include <string>
#include <vector>

namespace myodesk::db {

// A note or an appointment with the names people know it by, for saying which session a new
// one clashes with.
struct BookedSession {
    core::SessionSlot slot;
    std::string therapist_name;
    std::string client_name;  // core::DisplayName
    std::string room_name;    // empty without a room
    // An occurrence of a series not stored yet (slot.id 0): how the desk names it.
    std::optional<core::AppointmentRef> occurrence;
    friend bool operator==(const BookedSession&, const BookedSession&) = default;
};

// The session could not be saved or booked: the therapist, the client or the room already
// has `Other()` at an overlapping time (core::WhyClashes says which: `Reason()`). A
// ValidationError of field "start_time", kOverlaps, so a form marks the start time; nothing
// was written.
class ClashError : public ValidationError {
  public:
    explicit ClashError(BookedSession other,
                        core::ClashReason reason = core::ClashReason::kTherapist);
    const BookedSession& Other() const { return m_other; }
    core::ClashReason Reason() const { return m_reason; }

  private:
    BookedSession m_other;
    core::ClashReason m_reason;
};

// Whose sessions a day's read looks at: the therapist's, the client's and the room's.
struct SlotHolders {
    core::StaffId therapist = 0;
    core::ClientId client = 0;
    std::optional<core::RoomId> room;
};

// The notes and the appointments that hold their slot (not cancelled) of the therapist, the
// client or the room on `date`, by start time (notes before appointments at the same start).
std::vector<BookedSession> SessionsOnDay(Database& database, const core::Date& date,
                                         const SlotHolders& holders);

}  // namespace myodesk::db
