#pragma once

#include <myodesk/core/intake.h>
#include <myodesk/db/clock.h>
#include <myodesk/db/database.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace myodesk::db {

// One saved version of a client's intake, as the history lists it.
struct IntakeVersion {
    core::IntakeId id = 0;
    core::Date taken_on{};
    std::string created_at;  // ISO 8601 UTC
    friend bool operator==(const IntakeVersion&, const IntakeVersion&) = default;
};

// Intake questionnaires. Versions are only ever added: an old intake is never changed or
// deleted, so what a client declared on a date stays readable.
class IntakeRepository {
  public:
    explicit IntakeRepository(Database& database, Clock clock = SystemNow);

    // Validates (core::ValidateIntake) and saves a new version for intake.client_id, every
    // row in one transaction; sets intake.id and intake.created_at. Throws ValidationError
    // (nothing written), NotFoundError (no such client) or DatabaseError.
    core::IntakeId Add(core::Intake& intake);

    std::optional<core::Intake> Get(core::IntakeId id);

    // The newest version: the latest taken_on, then the latest saved.
    std::optional<core::Intake> Newest(core::ClientId client);

    // The newest version of each of `clients` that has an intake (as Newest picks it), read
    // for all of them in a few statements: for a view that shows many clients (the book).
    std::map<core::ClientId, core::Intake> NewestOf(const std::vector<core::ClientId>& clients);
    // As NewestOf, but each intake with only what core::ScreenContraindications reads: its
    // id, client, date and health answers (conditions, medications, surgeries, injuries,
    // pregnancy, allergies); its runner profile, soreness, regions to avoid, preferences,
    // consent and created_at are left empty. For a view that shows only the clients' flags (the
    // book), which would otherwise read several times the rows (the recent runs are most).
    std::map<core::ClientId, core::Intake> NewestHealthOf(
        const std::vector<core::ClientId>& clients);

    // The distance units of the newest version, or nullopt when the client has no intake: one
    // read, for a view that needs only that (the Plan tab).
    std::optional<core::DistanceUnit> NewestUnits(core::ClientId client);

    // Every version of the client's intake, newest first.
    std::vector<IntakeVersion> History(core::ClientId client);

  private:
    Database& m_database;
    Clock m_clock;
};

}  // namespace myodesk::db
