#include "text_layout.h"

#include <myodesk/core/text.h>

#include <fmt/format.h>
#include <fmt/ostream.h>
#include <nlohmann/json.hpp>

namespace myodesk::app {

std::string Padded(std::string text, std::size_t width) {
    const auto used = core::DisplayWidth(text);
    text.append(used < width ? width - used : 0, ' ');
    return text;
}

std::string Decimal(double value) {
    std::string text = fmt::format("{:.1f}", value);
    if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) {
        text.resize(text.size() - 2);
    }
    return text;
}

std::string Distance(double km, core::DistanceUnit units) {
    const double value = units == core::DistanceUnit::kMi ? core::KmToMiles(km) : km;
    return fmt::format("{} {}", Decimal(value), core::ToCode(units));
}

std::string Quoted(const std::string& text) {
    return nlohmann::json(text).dump();
}

void PrintField(std::ostream& out, std::string_view label, const std::string& value) {
    fmt::print(out, "{:<20}{}\n", fmt::format("{}:", label), value);
}

void PrintFieldIfAny(std::ostream& out, std::string_view label, const std::string& value) {
    if (!value.empty()) {
        PrintField(out, label, value);
    }
}

void PrintSubField(std::ostream& out, std::string_view label, const std::string& value) {
    fmt::print(out, "  {:<18}{}\n", fmt::format("{}:", label), value);
}

std::string Count(std::int64_t count, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", count, count == 1 ? one : many);
}

}  // namespace myodesk::app
