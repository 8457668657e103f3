#pragma once

#include <myodesk/core/client.h>
#include <myodesk/core/clinic_resources.h>
#include <myodesk/core/date.h>
#include <myodesk/core/staff.h>

#include <cstdint>
#include <optional>
#include <vector>

namespace myodesk::core {

// A session takes a therapist and a client for a time: written up as a session note, or booked
// as an appointment.
enum class SessionKind { kNote, kAppointment };

// Where and when one session is, for the rule that nobody is in two places at once.
struct SessionSlot {
    SessionKind kind = SessionKind::kNote;
    std::int64_t id = 0;  // the note's or appointment's id; 0 when not saved yet
    Date date{};
    int start_minute = 0;  // minutes after midnight, local time
    int duration_min = 0;
    StaffId therapist_id = 0;
    ClientId client_id = 0;
    // The room an appointment takes (notes have none) and how long the room then stays free
    // for its changeover.
    std::optional<RoomId> room_id;
    int room_changeover_min = 0;

    int EndMinute() const { return start_minute + duration_min; }
    friend bool operator==(const SessionSlot&, const SessionSlot&) = default;
};

// What two sessions at overlapping times have in common, in the order a refusal names it.
enum class ClashReason { kTherapist, kClient, kRoom };

// Why `wanted` cannot take place because of `other`, or nullopt when it can: the same day,
// overlapping times (one ending as the other starts is fine), and the same therapist, the same
// client or the same room. In the same room the earlier one's changeover counts as taken. A
// note and an appointment of the same client with the same therapist are one session (the
// note writes up the booking), so they never clash; a record never clashes with itself.
std::optional<ClashReason> WhyClashes(const SessionSlot& wanted, const SessionSlot& other);
bool Clashes(const SessionSlot& wanted, const SessionSlot& other);

// The first of `that_day` (in its order) that `wanted` clashes with; nullptr when none.
const SessionSlot* FirstClash(const SessionSlot& wanted, const std::vector<SessionSlot>& that_day);

// Where a new note starts by default: at `wanted.start_minute` (the session that has just
// ended), unless the therapist has already written up a session ending later that day, then
// right after the last one; from there, the first start at which it clashes with nothing in
// `that_day` (the therapist's and the client's notes and appointments). Stays within the day:
// when no later start is free, `wanted.start_minute` is kept and saving names the clash.
int FirstFreeStart(const SessionSlot& wanted, const std::vector<SessionSlot>& that_day);

}  // namespace myodesk::core
