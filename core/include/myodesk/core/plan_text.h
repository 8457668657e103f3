#pragma once

#include <myodesk/core/plan.h>

#include <functional>
#include <string>
#include <string_view>

namespace myodesk::core {

// Plain-language English sentences for a plan's reasons, cautions, warnings and home care, as
// the CLI and the plan JSON show them. Distances in `units`. The GUI has the same sentences
// through _() (app/gui/plan/plan_text.cpp; a test keeps the two in step).
// Dates through `date_format` (a report's readable dates); ISO 8601 (YYYY-MM-DD) without one.
using PlanDateFormat = std::function<std::string(const Date&)>;
std::string DescribeReason(const PlanReason& reason, DistanceUnit units,
                           const PlanDateFormat& date_format = {});
std::string DescribeCaution(const PlanCaution& caution, DistanceUnit units,
                            const PlanDateFormat& date_format = {});
std::string DescribeWarning(const PlanWarning& warning, DistanceUnit units,
                            const PlanDateFormat& date_format = {});
std::string DescribeHomeCare(const HomeCare& care);

// "left calves", "hamstrings (both sides)", "lower back".
std::string DescribeRegion(const RegionSide& region);

// A region in plain English, without a side: "calves", "IT band", "lower back".
std::string_view RegionWords(Region region);

}  // namespace myodesk::core
