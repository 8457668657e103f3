#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace myodesk::core {

// Number of Unicode code points in UTF-8 text (length limits count characters, not bytes).
// Invalid bytes count one each.
std::size_t Utf8Length(std::string_view text);

// Columns the text takes in a terminal: East Asian wide and fullwidth characters (CJK,
// Hangul, fullwidth forms, most emoji) take two, combining marks none, the rest one.
std::size_t DisplayWidth(std::string_view text);

// True when the text is well-formed UTF-8.
bool IsValidUtf8(std::string_view text);

// Removes leading and trailing ASCII white space.
std::string Trim(std::string_view text);

// The key used for search as you type: lower case with the accents of Latin letters removed
// (Zoë -> zoe, Ångström -> angstrom), Greek and Cyrillic capitals lowered, everything else
// (CJK, digits, punctuation) kept as it is. The same function builds the stored key and the
// query, so both sides always agree.
std::string FoldForSearch(std::string_view text);

// Only the digits 0-9 of the text ("+44 (0)20 7946-0958" -> "4402079460958").
std::string DigitsOnly(std::string_view text);

}  // namespace myodesk::core
