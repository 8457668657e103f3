#pragma once

#include <myodesk/core/training.h>
#include <myodesk/db/training_repository.h>
#include <myodesk/services/context.h>

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace myodesk::services {

// What an import saved.
struct TrainingImportResult {
    std::size_t entries = 0;  // in the document
    int added = 0;            // days new to the calendar (the others replaced a day)
    int Replaced() const { return static_cast<int>(entries) - added; }
};

// A runner's training calendar. NotFoundError for an unknown client.
class TrainingService {
  public:
    explicit TrainingService(Context& context);

    // A calendar document (CSV or JSON, core::ParseTrainingDocument), all or nothing: its
    // problems refuse it (db::ValidationError); a day already there is replaced.
    TrainingImportResult Import(core::ClientId client, std::string_view text);
    // Adds or replaces the entry on its date (problems name the entry's own fields: "date",
    // "type", "distance_km"); `replacing` is the date of the entry edited when it moved to
    // another date (that one is removed), in one transaction. True when the day was new.
    bool Put(core::ClientId client, const core::TrainingEntry& entry,
             const std::optional<core::Date>& replacing = std::nullopt);
    // False when there was no entry that day.
    bool Remove(core::ClientId client, const core::Date& date);
    // The calendar, by date, `from` to `to` when given.
    std::vector<core::TrainingEntry> List(core::ClientId client,
                                          const std::optional<core::Date>& from = std::nullopt,
                                          const std::optional<core::Date>& to = std::nullopt);

  private:
    Context& m_context;
    db::TrainingRepository m_training;
};

}  // namespace myodesk::services
