#pragma once

#include <myodesk/core/demo_practice.h>
#include <myodesk/db/database.h>
#include <myodesk/db/errors.h>

#include <cstdint>
#include <functional>
#include <stdexcept>

namespace myodesk::db {

// What a demo practice holds once written (or so far, while it is being written).
struct DemoPracticeCounts {
    std::int64_t clients = 0;
    std::int64_t therapists = 0;
    std::int64_t intakes = 0;
    std::int64_t training_entries = 0;
    std::int64_t notes = 0;
    std::int64_t plans = 0;
    std::int64_t appointments = 0;
    friend bool operator==(const DemoPracticeCounts&, const DemoPracticeCounts&) = default;
};

// Called after each client is written, with the counts so far; returning false stops the
// writing (DemoCancelledError).
using DemoProgress = std::function<bool(const DemoPracticeCounts&)>;

// The database already holds clients; a demo practice is only ever written into an empty one,
// so real data is never mixed with it. Nothing was written.
class DatabaseNotEmptyError : public DatabaseError {
  public:
    using DatabaseError::DatabaseError;
};

// The progress callback asked to stop. The clients of the batch being written were not saved;
// earlier batches were.
class DemoCancelledError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct DemoWriteOptions {
    // Clients written per transaction: one commit per batch, not per row.
    int clients_per_transaction = 500;
};

// Fills an empty database with the demo practice core::DemoPracticeGenerator makes for
// `options`: its therapists, then client after client with their intakes, training calendar and
// session notes (signed as the generator says), and for each client with a race ahead a plan
// made as the app makes one (the plan's inputs read back, core::GeneratePlan, PlanRepository::Save)
// on options.today. Every record is validated as the repositories validate it; statements are
// prepared once and reused, and every value is bound. Timestamps come from the generated data,
// so the same options write the same database content. Refuses a database that has clients
// (DatabaseNotEmptyError); sets the clinic's name when none is set.
DemoPracticeCounts WriteDemoPractice(Database& database, const core::DemoOptions& options,
                                     const DemoProgress& progress = {},
                                     const DemoWriteOptions& write_options = {});

}  // namespace myodesk::db
