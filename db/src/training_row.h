#pragma once

// The `training_entries` row as SOCI binds it, shared by TrainingRepository and the demo
// practice writer.

#include "row_binding.h"

#include <myodesk/core/training.h>

#include <string>

namespace myodesk::db::detail {

struct TrainingRow {
    long long client_id = 0;
    std::string run_date;
    std::string run_type;
    Nullable<double> distance_km;

    static TrainingRow From(long long client_id, const core::TrainingEntry& entry) {
        return {client_id, core::FormatIsoDate(entry.date), Code(entry.type),
                NullableOf(entry.distance_km)};
    }
};

// Every column of `training_entries`, in one fixed order.
template <typename Visit>
void VisitColumns(TrainingRow& row, Visit&& visit) {
    visit("client_id", row.client_id);
    visit("run_date", row.run_date);
    visit("run_type", row.run_type);
    visit("distance_km", row.distance_km);
}

}  // namespace myodesk::db::detail
