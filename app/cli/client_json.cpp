#include "client_json.h"

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

}  // namespace myodesk::app
