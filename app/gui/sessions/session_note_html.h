#pragma once

#include <myodesk/core/session_note.h>
#include <myodesk/core/staff.h>

#include <wx/string.h>

#include <functional>

namespace myodesk::app {

// A session note as HTML for reading (wxHtmlWindow): when and how long, who treated and who
// signed, the four SOAP sections as written, techniques, regions with pressure and pain
// before and after, then every amendment after the original (when, by whom, why, which
// section and its corrected text). Sections corrected by an amendment are marked so that
// the reader looks below. No window is needed.
using StaffNameFunction = std::function<wxString(core::StaffId)>;

wxString SessionNoteToHtml(const core::SessionNote& note, const StaffNameFunction& staff_name);

// "3 Jun 2026 at 14:03" in local time for an ISO 8601 UTC timestamp, or the text as it is
// when it cannot be read.
wxString LocalDateTimeOf(const std::string& utc);

}  // namespace myodesk::app
