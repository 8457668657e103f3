#pragma once

#include <myodesk/core/plan.h>
#include <myodesk/db/database.h>

#include <optional>

namespace myodesk::db {

// What core::GeneratePlan needs for a client on `today`, for the demo writer's plans only: the
// app reads a plan's inputs through services::PlanService::LoadInputs, the one place of that
// use case. NotFoundError for an unknown client.
core::PlanInputs LoadPlanInputs(Database& database, core::ClientId client, const core::Date& today,
                                const std::optional<core::Date>& from = std::nullopt,
                                const std::optional<int>& weeks = std::nullopt);

}  // namespace myodesk::db
