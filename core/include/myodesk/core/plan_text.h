#pragma once

#include <myodesk/core/plan.h>

#include <string>

namespace myodesk::core {

// Plain-language English sentences for a plan's reasons, cautions, warnings and home care, as
// the CLI and the plan JSON show them. Distances in `units`. The GUI has the same sentences
// through _() (app/gui/plan_text.cpp; a test keeps the two in step).
std::string DescribeReason(const PlanReason& reason, DistanceUnit units);
std::string DescribeCaution(const PlanCaution& caution, DistanceUnit units);
std::string DescribeWarning(const PlanWarning& warning, DistanceUnit units);
std::string DescribeHomeCare(const HomeCare& care);

// "left calves", "hamstrings (both sides)", "lower back".
std::string DescribeRegion(const RegionSide& region);

}  // namespace myodesk::core
