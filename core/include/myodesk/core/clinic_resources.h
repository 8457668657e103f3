#pragma once

// What an appointment may use besides a therapist (issue 16): a treatment room, whose
// changeover time keeps it free between two clients, and a service, whose default duration
// sets the appointment's length when it is chosen. The billing issue adds prices to services.

#include <myodesk/core/validation.h>

#include <cstdint>
#include <string>

namespace myodesk::core {

using RoomId = std::int64_t;
using ServiceId = std::int64_t;

struct Room {
    RoomId id = 0;  // 0: not saved
    std::string name;
    int changeover_min = 0;  // minutes the room stays free after an appointment ends
    bool active = true;      // an inactive room keeps its history but is not offered
    friend bool operator==(const Room&, const Room&) = default;
};

struct Service {
    ServiceId id = 0;  // 0: not saved
    std::string name;
    int duration_min = 60;
    bool active = true;
    friend bool operator==(const Service&, const Service&) = default;
};

struct ClinicResourceLimits {
    static constexpr std::size_t kName = 100;
    static constexpr int kMaxChangeover = 120;
    // A service lasts as long as an appointment may (core::ValidateAppointment).
    static constexpr int kMinDuration = 15;
    static constexpr int kMaxDuration = 240;
};

// Fields: name (required, one line, kName characters), changeover_min (0..kMaxChangeover).
ValidationProblems ValidateRoom(const Room& room);
// Fields: name (as a room's), duration_min (kMinDuration..kMaxDuration).
ValidationProblems ValidateService(const Service& service);

}  // namespace myodesk::core
