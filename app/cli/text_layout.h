#pragma once

#include <myodesk/core/codes.h>

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>

namespace myodesk::app {

// How the CLI lays out human output.

// Text padded to `width` terminal columns (Unicode names line up).
std::string Padded(std::string text, std::size_t width);
// A number with one decimal, without a trailing ".0": 42.2, 30.
std::string Decimal(double value);
// A distance stored in km, in the units the client reads: "42.2 km", "26.2 mi".
std::string Distance(double km, core::DistanceUnit units);
// Text as a JSON string literal: in double quotes, with quotes and line breaks escaped.
std::string Quoted(const std::string& text);
// "Label:              value" (the value in column 21).
void PrintField(std::ostream& out, std::string_view label, const std::string& value);
// The same, left out when the value is empty.
void PrintFieldIfAny(std::ostream& out, std::string_view label, const std::string& value);
// "  Label:            value", under a heading.
void PrintSubField(std::ostream& out, std::string_view label, const std::string& value);
// "1 entry", "3 entries".
std::string Count(std::int64_t count, std::string_view one, std::string_view many);

}  // namespace myodesk::app
