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

// Whether a text field holds one line (a name, a phone number) or several (notes, an address).
enum class TextLines { kOne, kMany };

// True when the text is well-formed UTF-8 without a character no field accepts from outside
// (documents, CLI options, GUI forms): NUL and the other C0 controls, DEL, the C1 controls
// U+0080-U+009F and the bidirectional controls (U+061C, U+200E, U+200F, U+202A-U+202E,
// U+2066-U+2069). Where lines are allowed (kMany), tab, line feed and carriage return are
// fine; a one-line field takes none of them.
bool IsAcceptableText(std::string_view text, TextLines lines);

// The text made safe to print on a terminal: every control character (C0 other than tab and
// line feed, DEL, C1) and every bidirectional control is shown as a visible escape \u{1b}
// (the code point in hex, Rust's notation) and an invalid byte as U+FFFD, so no text a user
// stored can move the cursor, change the title or reorder what is shown.
std::string EscapeForTerminal(std::string_view text);

// The same for JSON text (nlohmann's dump): DEL and the C1 controls, which dump leaves as
// they are, become \u007f-style JSON escapes, so the JSON stays valid and means the same.
// Bidirectional controls are left: JSON is read by programs.
std::string EscapeJsonForTerminal(std::string_view json);

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
