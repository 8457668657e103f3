#pragma once

#include <myodesk/core/date.h>

#include <wx/datetime.h>
#include <wx/string.h>

#include <optional>
#include <string>
#include <string_view>

namespace myodesk::app {

// The model holds UTF-8 std::string; wx holds wxString. Every crossing goes through these two
// functions so that names such as "Zoë Ångström" or "李小龙" survive the round trip.
wxString ToWx(std::string_view utf8);
std::string ToUtf8(const wxString& text);

// wxWidgets turns narrow string literals into wxString with the C library's character set
// (LC_CTYPE). Our literals, translated ones included, are UTF-8 ("New client…"): under the
// C/POSIX locale or a legacy 8-bit one they would come out empty. This switches LC_CTYPE
// alone to UTF-8 when it is not; dates and numbers keep following the user's locale. Call it
// after every setlocale(LC_ALL, ...), e.g. after wxUILocale::UseDefault().
void UseUtf8ForNarrowStrings();

// core::Date <-> wxDateTime (a date at local midnight). An invalid wxDateTime means "no date".
wxDateTime ToWxDate(const core::Date& date);
std::optional<core::Date> ToCoreDate(const wxDateTime& date);

// The date in the user's short date format with a four-digit year ("14/05/1988" in en_GB,
// "05/14/1988" in en_US, "14.05.1988" in de_DE): the form a DateField shows and reads (dates
// of birth span a century, so two-digit years are ambiguous). For reading, FormatReadableDate.
wxString FormatLocalDate(const core::Date& date);

}  // namespace myodesk::app
