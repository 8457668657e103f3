#include "common/error_message.h"

#include "common/wx_conversions.h"

#include <myodesk/db/errors.h>

#include <wx/intl.h>
#include <wx/msgdlg.h>

#include <algorithm>
#include <cctype>
#include <initializer_list>
#include <string>
#include <string_view>

namespace myodesk::app {

namespace {

bool MentionsAny(std::string text, std::initializer_list<std::string_view> words) {
    std::transform(text.begin(), text.end(), text.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view word) { return text.find(word) != std::string::npos; });
}

}  // namespace

DatabaseFailure FailureOf(const std::exception& error) {
    if (dynamic_cast<const db::ConflictError*>(&error) != nullptr) {
        return DatabaseFailure::kConflict;
    }
    if (dynamic_cast<const db::NotFoundError*>(&error) != nullptr) {
        return DatabaseFailure::kGone;
    }
    if (dynamic_cast<const db::DatabaseError*>(&error) == nullptr) {
        return DatabaseFailure::kNone;
    }
    if (dynamic_cast<const db::BusyError*>(&error) != nullptr) {
        return DatabaseFailure::kBusy;
    }
    // Otherwise SQLite and libpq say these in words.
    if (MentionsAny(error.what(), {"database is locked", "database table is locked", "busy",
                                   "lock timeout", "could not obtain lock"})) {
        return DatabaseFailure::kBusy;
    }
    if (MentionsAny(error.what(),
                    {"server closed the connection", "connection to server", "no connection",
                     "connection refused", "could not connect", "terminating connection",
                     "connection not open", "broken pipe"})) {
        return DatabaseFailure::kConnectionLost;
    }
    return DatabaseFailure::kOther;
}

wxString FailureAdvice(DatabaseFailure failure) {
    switch (failure) {
        case DatabaseFailure::kNone:
            return wxString();
        case DatabaseFailure::kConflict:
            return _(
                "It was changed at another desk in the meantime, so nothing has been "
                "saved. Open it again to see the changes.");
        case DatabaseFailure::kGone:
            return _(
                "What it refers to is no longer in the database: it may have been removed "
                "at another desk.");
        case DatabaseFailure::kBusy:
            return _("The database is busy with another desk. Wait a moment and try again.");
        case DatabaseFailure::kConnectionLost:
            return _(
                "The connection to the database server was lost. Check the network, then "
                "try again.");
        case DatabaseFailure::kOther:
            return _(
                "Try again. If it happens again, tell whoever looks after MyoDesk, with "
                "the details below.");
    }
    return wxString();
}

void ShowErrorMessage(wxWindow* parent, const wxString& what, const std::exception& error,
                      const wxString& title) {
    wxMessageDialog dialog(parent, what, title, wxOK | wxICON_ERROR);
    const wxString advice = FailureAdvice(FailureOf(error));
    const wxString details = ToWx(error.what());
    dialog.SetExtendedMessage(advice.empty() ? details : advice + "\n\n" + details);
    dialog.ShowModal();
}

}  // namespace myodesk::app
