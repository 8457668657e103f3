#pragma once

#include <myodesk/core/client.h>
#include <myodesk/core/intake.h>
#include <myodesk/core/intake_json.h>
#include <myodesk/core/screening.h>
#include <myodesk/db/intake_repository.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/context.h>

#include <map>
#include <optional>
#include <vector>

namespace myodesk::services {

// An intake as it reads on a day: the flags it raises then, and whether it is over a year old.
struct IntakeOnDay {
    core::Client client;
    core::Intake intake;
    core::Date on{};
    std::vector<core::ContraindicationFlag> flags;
    bool outdated = false;  // ask for a new intake
};

// Why a session for a client is to be confirmed first: nothing was screened, or the screening
// is over a year old on the session's day (the front ends ask, or warn, and go ahead).
struct ScreeningGap {
    enum class Kind { kNoIntake, kOutdated } kind = Kind::kNoIntake;
    std::optional<core::Date> taken_on;  // kOutdated: the newest intake's day
};

// A saved intake, and whether the document's "client" object was left unused (the intake is
// for the client named, not for the one the document describes).
struct ImportedIntake {
    core::Intake intake;
    bool client_object_ignored = false;
};

// Intakes: saving new versions, reading one with its flags on a day, the history.
class IntakeService {
  public:
    explicit IntakeService(Context& context);

    // Saves a new intake version for the client (NotFoundError for an unknown client). The
    // document's problems (apart from its "client" object's, which is not used) refuse it.
    ImportedIntake Import(core::ClientId client, core::IntakeParseResult parsed);
    // Saves a new intake version (validated against today).
    core::Intake Add(core::Intake intake);
    // Saves the client's changed contact details and a new intake version for them in one
    // transaction: both or neither (optimistic locking on client.version, as Update).
    ClientWithIntake AddWithClientUpdate(core::Client client, core::Intake intake);

    // The newest intake (or version `intake`, which must be the client's) and its flags on
    // `on` (today when not given). NoIntakeError when the client has none; NotFoundError for
    // an unknown client or version.
    IntakeOnDay Show(core::ClientId client, const std::optional<core::IntakeId>& intake = {},
                     const std::optional<core::Date>& on = {});
    // What a note or booking for the client on `session_date` should confirm first: no intake,
    // or an intake over a year old then; nullopt when the client was screened within the year.
    // (nullopt where !BookScreens()).
    std::optional<ScreeningGap> ScreeningGapOn(core::ClientId client,
                                               const core::Date& session_date);
    // The rule for a note or booking for the client on `date`: when the newest intake raises an
    // absolute flag (no massage: refer) that day, a reason to override it is required
    // (AbsoluteFlagError when `reason` is blank); without such a flag there is nothing to
    // override and `reason` is cleared (a report would otherwise print an override of nothing).
    // Returns whether a flag was overridden.
    // Not checked (false) where the desk may not read intakes at all (BookScreens()).
    bool CheckFlagOverride(core::ClientId client, const core::Date& date, std::string& reason);
    // Whether the book screens this desk's bookings and marks its appointments' flags. The
    // services read the intake for that even for the front desk (who sees a mark, never the
    // answers), but a database server gives the front desk's login no intake to read at all
    // (docs/roles.md): there its bookings are not screened; the therapist's screens still are.
    bool BookScreens() const;
    // The contraindications of the newest intake today (none without an intake).
    std::vector<core::ContraindicationFlag> FlagsToday(core::ClientId client);
    std::optional<core::Intake> Newest(core::ClientId client);
    // The newest intake of each of `clients` that has one, in a few reads: for the book.
    std::map<core::ClientId, core::Intake> NewestOf(const std::vector<core::ClientId>& clients);
    // The same with each intake's health answers only, all that Flags() reads (the rest
    // empty; db::IntakeRepository::NewestHealthOf): for the book's flags (none where
    // !BookScreens()).
    std::map<core::ClientId, core::Intake> NewestHealthOf(
        const std::vector<core::ClientId>& clients);
    // Intake version `intake`, or nullopt.
    std::optional<core::Intake> Get(core::IntakeId intake);
    // The contraindications `intake` raises on `on` (today when not given), with the clinic's
    // screening settings.
    std::vector<core::ContraindicationFlag> Flags(const core::Intake& intake,
                                                  const std::optional<core::Date>& on = {});
    // Every version, newest first (NotFoundError for an unknown client).
    std::vector<db::IntakeVersion> History(core::ClientId client);
    // The units the client reads distances in: those of the newest intake, km without one.
    core::DistanceUnit Units(core::ClientId client);
    // The units of the newest intake, or nullopt when the client has none.
    std::optional<core::DistanceUnit> NewestUnits(core::ClientId client);

  private:
    void AuditAdded(const core::Intake& intake);
    Context& m_context;
    db::IntakeRepository m_intakes;
};

}  // namespace myodesk::services
