#pragma once

// Lines and paragraphs the client progress report (client_report.cpp) and the physician letter
// (physician_letter.cpp) both write. Private to reports/src.

#include <myodesk/reports/client_report.h>

#include <string>
#include <string_view>
#include <vector>

namespace myodesk::reports::detail {

// "Left hamstring: pain 6/10".
std::string SorenessLine(const core::Soreness& soreness);
// The techniques' names, joined with `separator`.
std::string TechniqueList(const std::vector<core::Technique>& techniques,
                          std::string_view separator);
// The contraindication flags, one warning paragraph each; or why there are none.
void AddFlagParagraphs(const ClientReport& report, const ReportLocale& locale,
                       std::vector<Block>& blocks);
// The goal race's name, or "Goal race" when it has none.
std::string GoalRaceName(const GoalStatus& goal);
// The distance in the client's units.
std::string ClientDistance(const ClientReport& report, const ReportLocale& locale, double km);

}  // namespace myodesk::reports::detail
