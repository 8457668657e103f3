#pragma once

#include <myodesk/core/client.h>
#include <myodesk/core/intake.h>

#include <nlohmann/json.hpp>

namespace myodesk::app {

// A list row as JSON, with the model's field names in snake_case; a missing date of birth is
// null. (A whole client: core::ClientToJson.)
nlohmann::ordered_json ClientSummaryToJson(const core::ClientSummary& client);

// A stored intake as JSON: its ids and save time, then the exchange format's fields.
nlohmann::ordered_json StoredIntakeJson(const core::Intake& intake);

}  // namespace myodesk::app
