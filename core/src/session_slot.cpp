#include <myodesk/core/session_slot.h>

#include <algorithm>

namespace myodesk::core {

namespace {

constexpr int kMinutesPerDay = 24 * 60;

bool SameRecord(const SessionSlot& a, const SessionSlot& b) {
    return a.kind == b.kind && a.id != 0 && a.id == b.id;
}

bool OneSessionWrittenUp(const SessionSlot& a, const SessionSlot& b) {
    return a.kind != b.kind && a.client_id == b.client_id && a.therapist_id == b.therapist_id;
}

}  // namespace

std::optional<ClashReason> WhyClashes(const SessionSlot& wanted, const SessionSlot& other) {
    if (wanted.date != other.date || SameRecord(wanted, other) ||
        OneSessionWrittenUp(wanted, other)) {
        return std::nullopt;
    }
    const bool overlap =
        wanted.start_minute < other.EndMinute() && other.start_minute < wanted.EndMinute();
    if (overlap && wanted.therapist_id == other.therapist_id) {
        return ClashReason::kTherapist;
    }
    if (overlap && wanted.client_id == other.client_id) {
        return ClashReason::kClient;
    }
    if (wanted.room_id && wanted.room_id == other.room_id &&
        wanted.start_minute < other.EndMinute() + other.room_changeover_min &&
        other.start_minute < wanted.EndMinute() + wanted.room_changeover_min) {
        return ClashReason::kRoom;
    }
    return std::nullopt;
}

bool Clashes(const SessionSlot& wanted, const SessionSlot& other) {
    return WhyClashes(wanted, other).has_value();
}

const SessionSlot* FirstClash(const SessionSlot& wanted, const std::vector<SessionSlot>& that_day) {
    const auto found =
        std::find_if(that_day.begin(), that_day.end(),
                     [&](const SessionSlot& other) { return Clashes(wanted, other); });
    return found == that_day.end() ? nullptr : &*found;
}

int FirstFreeStart(const SessionSlot& wanted, const std::vector<SessionSlot>& that_day) {
    SessionSlot trying = wanted;
    for (const SessionSlot& other : that_day) {
        if (other.kind == SessionKind::kNote && other.date == wanted.date &&
            other.therapist_id == wanted.therapist_id && !SameRecord(wanted, other)) {
            trying.start_minute = std::max(trying.start_minute, other.EndMinute());
        }
    }
    // Each step moves past one clash, so this ends within as many steps as there are sessions.
    for (std::size_t step = 0; step <= that_day.size(); ++step) {
        if (trying.EndMinute() > kMinutesPerDay) {
            return wanted.start_minute;
        }
        const SessionSlot* clash = FirstClash(trying, that_day);
        if (clash == nullptr) {
            return trying.start_minute;
        }
        trying.start_minute = clash->EndMinute();
    }
    return wanted.start_minute;
}

}  // namespace myodesk::core
