#include <myodesk/reports/client_table.h>

namespace myodesk::reports {

std::vector<std::string> ClientTableHeader() {
    return {"id",    "family_name", "given_name", "preferred_name", "date_of_birth",
            "phone", "email",       "archived"};
}

Row ClientTableRow(const core::ClientSummary& client) {
    return {std::int64_t{client.id},
            client.family_name,
            client.given_name,
            client.preferred_name,
            client.date_of_birth ? core::FormatIsoDate(*client.date_of_birth) : std::string(),
            client.phone,
            client.email,
            std::string(client.archived ? "yes" : "no")};
}

}  // namespace myodesk::reports
