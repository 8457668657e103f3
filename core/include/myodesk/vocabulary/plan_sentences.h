#pragma once

// A plan's sentences, defined once for the Plan tab, the reports, the CLI and the plan
// document: why a session is planned (reason), what to watch out for (caution), the plan's
// warnings, the home-care advice and what a regeneration changed. Translated through Tr
// (translation.h). Distances in `units`; dates and numbers through `formats` (ISO dates and
// plain numbers by default).

#include <myodesk/core/plan.h>
#include <myodesk/core/plan_json.h>
#include <myodesk/vocabulary/words.h>

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace myodesk::vocabulary {

std::string ReasonSentence(const core::PlanReason& reason, core::DistanceUnit units,
                           const TextFormats& formats = {});
std::string CautionSentence(const core::PlanCaution& caution, core::DistanceUnit units,
                            const TextFormats& formats = {});
std::string WarningSentence(const core::PlanWarning& warning, core::DistanceUnit units,
                            const TextFormats& formats = {});
std::string HomeCareSentence(const core::HomeCare& care);

// A field a regeneration changed (core::PlanChange::fields): "techniques", "pressure".
std::string ChangedFieldName(std::string_view field);
// What a regeneration changed, one line per session: "Added: Tue 3 Dec 2026", "Removed: …",
// "Changed: Tue 3 Dec 2026 (techniques, pressure)"; each day through `day`.
std::string PlanChangesText(const std::vector<core::PlanChange>& changes, const DateFormat& day);

// The sentences in English with ISO dates, whatever the translator: what a stored or exported
// plan document carries as `text`.
core::PlanTexts EnglishPlanTexts();
// The plan document (core/plan_json.h, docs/plan-format.md) with those sentences.
nlohmann::ordered_json PlanDocument(const core::Plan& plan);

}  // namespace myodesk::vocabulary
