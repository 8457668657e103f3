#pragma once

#include <myodesk/core/training.h>
#include <myodesk/db/database.h>

#include <optional>
#include <vector>

namespace myodesk::db {

// A client's training calendar: at most one entry per date.
class TrainingRepository {
  public:
    explicit TrainingRepository(Database& database);

    // Validates (core::ValidateTrainingEntries) and saves the entries in one transaction; an
    // entry replaces the client's entry on the same date. NotFoundError for an unknown client.
    // Returns how many entries were new (the others replaced one).
    int Import(core::ClientId client, const std::vector<core::TrainingEntry>& entries);

    // Adds or replaces the entry on its date (the GUI editor).
    void Put(core::ClientId client, const core::TrainingEntry& entry);

    // Removes the entry on that date; false when there was none.
    bool Remove(core::ClientId client, const core::Date& date);

    // Entries from..to inclusive (either end open), by date.
    std::vector<core::TrainingEntry> List(core::ClientId client,
                                          const std::optional<core::Date>& from = std::nullopt,
                                          const std::optional<core::Date>& to = std::nullopt);

  private:
    Database& m_database;
};

}  // namespace myodesk::db
