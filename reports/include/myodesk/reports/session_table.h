#pragma once

#include <myodesk/core/session_note.h>
#include <myodesk/reports/csv.h>

#include <string>
#include <string_view>
#include <vector>

namespace myodesk::reports {

// The sessions-of-a-period export: one row per session note (date, start_time, client_id,
// client, therapist_id, therapist, duration_min, techniques, regions, pain, signed). Lists are
// joined with "; " in the note's order: techniques "sports 35 min", regions with side and
// pressure "hamstrings left 7/10", pain before and after "hamstrings left 6 → 3" (only the
// regions where it was asked; "?" for a score not taken).
std::vector<std::string> SessionTableHeader();
Row SessionTableRow(const core::SessionNote& note, std::string_view client_name,
                    std::string_view therapist_name);

}  // namespace myodesk::reports
