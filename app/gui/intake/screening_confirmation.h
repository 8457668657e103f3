#pragma once

#include <myodesk/core/client.h>
#include <myodesk/core/date.h>
#include <myodesk/services/intake_service.h>

#include <wx/string.h>

class wxWindow;

namespace myodesk::app {

// What a session for a client asks first when the client was not screened (no intake, or one
// over a year old on `day`): "Ann Smith has no intake: contraindications were not screened.
// Write the note anyway?". `go_ahead` labels the button that goes on ("&Write the note",
// "&Book it"); Cancel is the default. True when there is nothing to ask or the user goes on.
bool ConfirmScreening(wxWindow* parent, services::IntakeService& intakes,
                      const core::Client& client, const core::Date& day, const wxString& question,
                      const wxString& go_ahead);

}  // namespace myodesk::app
