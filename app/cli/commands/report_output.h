#pragma once

#include "command_context.h"

#include <myodesk/core/clinic_details.h>
#include <myodesk/reports/clinic_summary.h>
#include <myodesk/services/practice_export_service.h>
#include <myodesk/services/report_service.h>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace myodesk::app {

// What the report and export commands share.

// {"clients": 60, "session_notes": 590, …}: the records of each kind an export, an import or a
// copy handled, for --json.
nlohmann::ordered_json KindCountsJson(const std::vector<services::KindCount>& kinds);

// --out FILE: the path, a usage error naming the kind of file when it is missing.
std::string RequireOut(const std::optional<std::string>& out, std::string_view kind);

// A clinic summary's period from --from, --to and --therapist, in the options' words.
reports::ClinicSummaryPeriod ClinicPeriod(CommandContext& context, const std::string& from,
                                          const std::string& to,
                                          const std::optional<std::int64_t>& therapist);

// --from and --to for a period, --from not after --to (in the options' words).
std::pair<core::Date, core::Date> Period(const std::string& from, const std::string& to);

// --paper, or the clinic's paper (settings: report.paper).
core::PaperSize Paper(const std::optional<std::string>& paper, const core::ClinicDetails& clinic);

// A logo the settings name that reports::ReadLogo refuses (missing, not a regular file, not a
// PNG, over the limits) is left out of the report; the user is told why on stderr.
void WarnAboutLogo(CommandContext& context, const core::ClinicDetails& clinic);

}  // namespace myodesk::app
