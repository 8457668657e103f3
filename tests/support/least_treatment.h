#pragma once

// The least a session note records to be saved (core::ValidateSessionNote): one technique with
// minutes and one region. Tests about times, lists or signatures add it to their bare notes.

#include <myodesk/core/client.h>
#include <myodesk/core/date.h>
#include <myodesk/core/session_note.h>

#include <algorithm>

namespace myodesk::test {

inline void AddLeastTreatment(core::SessionNote& note) {
    note.techniques = {{core::Technique::kSwedish, std::min(note.duration_min, 30)}};
    note.regions = {{core::Region::kCalves, core::Side::kBilateral, 5, {}, {}}};
}

// An hour's note of the client with the therapist, `start_minute` on `date`, with the least
// treatment.
inline core::SessionNote TreatedNoteAt(core::ClientId client, core::StaffId therapist,
                                       const core::Date& date, int start_minute) {
    core::SessionNote note;
    note.client_id = client;
    note.therapist_id = therapist;
    note.date = date;
    note.start_minute = start_minute;
    note.duration_min = 60;
    AddLeastTreatment(note);
    return note;
}

}  // namespace myodesk::test
