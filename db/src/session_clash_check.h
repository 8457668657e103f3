#pragma once

// The one check that nobody is in two places at once, run by every write of a note or an
// appointment inside its transaction, after the client's and the therapist's rows are held
// (RequireClient, RequireStaff with the dialect's lock), so two desks cannot both pass it.

#include "appointment_series_rows.h"

#include <myodesk/core/session_slot.h>
#include <myodesk/db/session_clash.h>

#include <soci/soci.h>

#include <vector>

namespace myodesk::db::detail {

// The notes, the appointments and the unstored occurrences of series on `date` of the holders
// (`own` left out), by start time.
std::vector<BookedSession> ReadSessionsOnDay(soci::session& session, const core::Date& date,
                                             const SlotHolders& holders,
                                             const OwnOccurrences& own = {});

// Throws ClashError naming the first session `wanted` clashes with, and why. `own`: the
// occurrences of a series that are the booking itself.
void CheckNoClash(soci::session& session, const core::SessionSlot& wanted,
                  const OwnOccurrences& own = {});

}  // namespace myodesk::db::detail
