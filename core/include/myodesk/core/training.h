#pragma once

#include <myodesk/core/client.h>
#include <myodesk/core/codes.h>
#include <myodesk/core/date.h>
#include <myodesk/core/validation.h>

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace myodesk::core {

// One day of a runner's training calendar. A calendar holds at most one entry per date (the
// day's main session). Distances are stored in km; rest days have none.
struct TrainingEntry {
    Date date{};
    RunType type = RunType::kEasy;
    std::optional<double> distance_km;
    friend bool operator==(const TrainingEntry&, const TrainingEntry&) = default;
};

// Hard training: what a deep massage must not come the day before, or within 24-36 h after.
bool IsHardTraining(RunType type);  // long, tempo, intervals, race

// The most entries a calendar takes (docs/training-format.md, "Limits"): over 27 years of
// days.
struct TrainingLimits {
    static constexpr std::size_t kEntries = 10000;
};

// Checks entries: at most TrainingLimits::kEntries; dates within DateLimits; distance
// 0 < km <= 400 when given; none for `rest`; one entry per date.
// Field names are paths ("entries[3].distance_km", "entries[3].date" for a repeated date).
ValidationProblems ValidateTrainingEntries(const std::vector<TrainingEntry>& entries);

// The training exchange formats (docs/training-format.md).
//
// CSV (RFC 4180, UTF-8, optional BOM): a header row naming the columns `date`, `type` and
// either `distance_km` or `distance_mi` (any order; other columns are refused), then one row
// per day. An empty distance cell means none. Problems name the row as "line N" and column:
// field "line 4.distance_km".
//
// JSON: {"entries": [{"date": "YYYY-MM-DD", "type": "long", "distance_km": 30}]} or the bare
// array; "distance_mi" may be given instead of "distance_km". Problems by JSON path
// ("entries[2].type").
struct TrainingParseResult {
    std::vector<TrainingEntry> entries;  // sorted by date; only usable when problems is empty
    ValidationProblems problems;
};

TrainingParseResult ParseTrainingCsv(std::string_view text);
TrainingParseResult ParseTrainingJson(std::string_view text);
// JSON when the first non-blank character is '{' or '[', CSV otherwise.
TrainingParseResult ParseTrainingDocument(std::string_view text);

// {"entries": [...]} with distance_km (left out when none), sorted by date.
nlohmann::ordered_json TrainingToJson(const std::vector<TrainingEntry>& entries);

}  // namespace myodesk::core
