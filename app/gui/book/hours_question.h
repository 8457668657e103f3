#pragma once

#include <myodesk/core/working_hours.h>

#include <wx/string.h>

namespace myodesk::app {

// Why a booking lies outside the hours, as the desk is asked before it goes ahead ("That time
// is outside Ann's working hours."); empty for kWithin.
wxString HoursQuestion(core::HoursVerdict verdict, const wxString& therapist);

}  // namespace myodesk::app
