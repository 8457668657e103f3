#pragma once

#include <myodesk/core/date_format.h>

#include <string_view>

namespace myodesk::vocabulary {

// The readable date of the user's locale (LC_ALL, else LC_TIME, else LANG, as the C library
// reads them): the pattern core::ReadableDatePattern makes of the locale's date-and-time format
// and its month names. The GUI and the CLI both write dates with it, so a list, a profile and
// a report show one form per locale. The C and POSIX locales (and a locale that is not
// installed or not UTF-8) keep core::DateStyle's "6 Dec 2026". Read once per process.
const core::DateStyle& LocaleDateStyle();

// The same for a named locale ("de_DE.UTF-8"); a locale that cannot be loaded gives
// core::DateStyle{}.
core::DateStyle DateStyleOfLocale(std::string_view locale_name);

}  // namespace myodesk::vocabulary
