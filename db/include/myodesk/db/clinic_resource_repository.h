#pragma once

#include <myodesk/core/clinic_resources.h>
#include <myodesk/db/clock.h>
#include <myodesk/db/database.h>

#include <optional>
#include <vector>

namespace myodesk::db {

// Rooms and services. Like staff they are never deleted (appointments point at them): one no
// longer used is made inactive and is no longer offered.
class ClinicResourceRepository {
  public:
    explicit ClinicResourceRepository(Database& database, Clock clock = SystemNow);

    // Validates (core::ValidateRoom) and inserts; sets room.id. Throws ValidationError.
    core::RoomId AddRoom(core::Room& room);
    // Saves name, changeover and active. ValidationError or NotFoundError.
    void UpdateRoom(const core::Room& room);
    std::optional<core::Room> GetRoom(core::RoomId id);
    // By name; inactive rooms only when asked.
    std::vector<core::Room> Rooms(bool include_inactive = false);

    core::ServiceId AddService(core::Service& service);
    void UpdateService(const core::Service& service);
    std::optional<core::Service> GetService(core::ServiceId id);
    std::vector<core::Service> Services(bool include_inactive = false);

  private:
    Database& m_database;
    Clock m_clock;
};

}  // namespace myodesk::db
