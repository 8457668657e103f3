#pragma once

#include <myodesk/core/date.h>

#include <wx/textctrl.h>

#include <optional>

namespace myodesk::app {

// A date typed in the locale's short form (12/31/1990 in the US, 31/12/1990 in much of Europe)
// or as ISO 1990-12-31. Nothing is guessed: text that is not a date in one of these forms
// (02/30/1990, day-first under a month-first locale, a two-digit year) stays as typed, and the
// form says so by name instead of saving no date in its place.
std::optional<core::Date> ParseTypedDate(const wxString& text);

class DateField : public wxTextCtrl {
  public:
    DateField(wxWindow* parent, const wxString& name);

    // Shows `date` in the locale's form; empty for none.
    void SetDate(const std::optional<core::Date>& date);
    // The date typed; nullopt when the field is empty or holds something else (IsUnreadable).
    std::optional<core::Date> GetDate() const;
    bool IsBlank() const;
    // Something is typed, and it is not a date.
    bool IsUnreadable() const;
    // What a form says when the field IsUnreadable, naming it by `label`: "Date of birth:
    // “02/30/1990” is not a date. Type it as 12/31/1990 or 1990-12-31."
    wxString UnreadableMessage(const wxString& label) const;
};

}  // namespace myodesk::app
