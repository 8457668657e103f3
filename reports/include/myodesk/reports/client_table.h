#pragma once

#include <myodesk/core/client.h>
#include <myodesk/reports/csv.h>

#include <string>
#include <vector>

namespace myodesk::reports {

// The client list export: one row per client, columns named as the model's fields (id,
// family_name, given_name, preferred_name, date_of_birth, phone, email, archived).
std::vector<std::string> ClientTableHeader();
Row ClientTableRow(const core::ClientSummary& client);

}  // namespace myodesk::reports
