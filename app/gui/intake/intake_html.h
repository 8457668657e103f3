#pragma once

#include <myodesk/core/date.h>
#include <myodesk/core/intake.h>

#include <wx/string.h>

#include <optional>

namespace myodesk::app {

// One intake as HTML for reading (wxHtmlWindow), in sections: health, runner profile (in the
// client's units), soreness, areas to avoid, preferences, consent. No window is needed, so
// the text can be tested and, later, printed.
struct IntakeHtmlOptions {
    // Set when this is not the newest version: the date of the newest one, for the notice
    // that says so.
    std::optional<core::Date> newest_taken_on;
};

wxString IntakeToHtml(const core::Intake& intake, const IntakeHtmlOptions& options = {});

// What the Intake tab shows when the client has no intake yet.
wxString NoIntakeHtml();

// Text made safe for HTML: & < > " escaped, line breaks kept.
wxString EscapeHtml(const wxString& text);

}  // namespace myodesk::app
