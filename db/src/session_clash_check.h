#pragma once

// The one check that nobody is in two places at once, run by every write of a note or an
// appointment inside its transaction, after the client's and the therapist's rows are held
// (RequireClient, RequireStaff with the dialect's lock), so two desks cannot both pass it.

#include <myodesk/core/session_slot.h>
#include <myodesk/db/session_clash.h>

#include <soci/soci.h>

#include <vector>

namespace myodesk::db::detail {

std::vector<BookedSession> ReadSessionsOnDay(soci::session& session, const core::Date& date,
                                             const SlotHolders& holders);

// Throws ClashError naming the first session `wanted` clashes with, and why.
void CheckNoClash(soci::session& session, const core::SessionSlot& wanted);

}  // namespace myodesk::db::detail
