#pragma once

#include <wx/string.h>

#include <exception>

class wxWindow;

namespace myodesk::app {

// Why the database refused or failed, as far as the error tells.
enum class DatabaseFailure {
    kNone,            // not a database error
    kConflict,        // changed at another desk since it was read
    kGone,            // no longer in the database
    kBusy,            // another desk holds the database for the moment
    kConnectionLost,  // the database server cannot be reached
    kOther,
};

DatabaseFailure FailureOf(const std::exception& error);

// The sentence that says why and what to do for a kind of failure; empty for kNone.
wxString FailureAdvice(DatabaseFailure failure);

// Says in a message box that something failed: `what` in words ("The note could not be
// saved."), under it why and what to do when it is a database error (another desk changed
// it, it is gone, the database is busy, the connection was lost), and the error's own text,
// for whoever looks into the problem. Every error the GUI shows goes through here.
void ShowErrorMessage(wxWindow* parent, const wxString& what, const std::exception& error,
                      const wxString& title = wxString("MyoDesk"));

}  // namespace myodesk::app
