#pragma once

#include <myodesk/core/client.h>

#include <nlohmann/json.hpp>

namespace myodesk::app {

// JSON with the model's field names in snake_case; a missing date of birth is null.
nlohmann::ordered_json ClientToJson(const core::Client& client);
nlohmann::ordered_json ClientSummaryToJson(const core::ClientSummary& client);

}  // namespace myodesk::app
