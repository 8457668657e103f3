#include "client_json.h"

#include <myodesk/core/intake_json.h>

namespace myodesk::app {

namespace {

nlohmann::ordered_json DateOrNull(const std::optional<core::Date>& date) {
    return date ? nlohmann::ordered_json(core::FormatIsoDate(*date)) : nlohmann::ordered_json();
}

}  // namespace

nlohmann::ordered_json ClientSummaryToJson(const core::ClientSummary& client) {
    return {{"id", client.id},
            {"given_name", client.given_name},
            {"family_name", client.family_name},
            {"preferred_name", client.preferred_name},
            {"date_of_birth", DateOrNull(client.date_of_birth)},
            {"phone", client.phone},
            {"email", client.email},
            {"archived", client.archived}};
}

nlohmann::ordered_json StoredIntakeJson(const core::Intake& intake) {
    nlohmann::ordered_json json{
        {"id", intake.id}, {"client_id", intake.client_id}, {"created_at", intake.created_at}};
    const auto exchange = core::IntakeToJson(intake);  // kept alive while iterating
    for (const auto& [key, value] : exchange.items()) {
        json[key] = value;
    }
    return json;
}

}  // namespace myodesk::app
