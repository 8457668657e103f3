#pragma once

#include <myodesk/core/plan.h>

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace myodesk::core {

// The plan format (docs/plan-format.md):
// {client_id, generated_on, from, to, race_date, intake_id, units, refer,
//  phases: [{phase, from, to}],
//  training: [{date, type, distance_km, assumed}],
//  sessions: [{date, phase, status, moved_from, appointment_id, techniques: [..],
//              duration_min, pressure_max, regions: [{region, side}],
//              reasons: [{code, text, ...detail}], cautions: [{code, text, ...detail}]}],
//  warnings: [{code, date, text, ...detail}], home_care: [{phase, code, text}]}
// Detail keys (date, run_type, distance_km, compared_km, days, pain, pressure, region, side,
// flag) appear when set; `text` is the sentence `texts` gives, left out without one. Storage
// keeps this document, so reading it back gives the same plan (texts are ignored when read).
// Core has no sentences: the stored and exported document carries the English ones of
// myodesk/vocabulary/plan_sentences.h (vocabulary::PlanDocument).
struct PlanTexts {
    std::function<std::string(const PlanReason&, DistanceUnit)> reason;
    std::function<std::string(const PlanCaution&, DistanceUnit)> caution;
    std::function<std::string(const PlanWarning&, DistanceUnit)> warning;
    std::function<std::string(const HomeCare&)> home_care;
};
nlohmann::ordered_json PlanToJson(const Plan& plan, const PlanTexts& texts);

struct PlanParseResult {
    Plan plan;
    ValidationProblems problems;  // by JSON path; the plan is only usable when empty
};
PlanParseResult PlanFromJson(const nlohmann::json& document);
// Reads the document's text: ReadJsonDocument (core/json_document.h), then PlanFromJson.
PlanParseResult PlanFromText(std::string_view text);

}  // namespace myodesk::core
