#pragma once

#include <myodesk/db/session_clash.h>

#include <wx/string.h>

namespace myodesk::app {

// The sentence for a session that cannot be saved or booked because of `other` (ClashError):
// "Start time: this clashes with the session note of Tom Ng with Anna Berg, 4 Dec 2026,
// 10:00–11:00." `label` names the field.
wxString ClashMessage(const wxString& label, const db::BookedSession& other,
                      core::ClashReason reason = core::ClashReason::kTherapist);

}  // namespace myodesk::app
