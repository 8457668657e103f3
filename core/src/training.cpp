#include "json_reader.h"

#include <myodesk/core/csv_text.h>
#include <myodesk/core/json_document.h>
#include <myodesk/core/text.h>
#include <myodesk/core/training.h>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <set>

namespace myodesk::core {

namespace {

using detail::JsonReader;
using nlohmann::json;

constexpr double kMaxDistanceKm = 400;

// Where a parsed entry came from, so a problem found by ValidateTrainingEntries (which names
// "entries[i].field") can be reported where the user wrote it: a CSV line, or a JSON path, and
// the distance column or key the user actually used (distance_mi when given in miles).
struct Origin {
    std::string path;            // "line 4" or "entries[2]" or "[2]"
    std::string distance_field;  // "distance_km" or "distance_mi"
};

// The accepted range of a distance, in the unit it was written in (miles rounded to 0.1).
double MaxDistanceIn(std::string_view field) {
    return field == "distance_mi" ? std::round(KmToMiles(kMaxDistanceKm) * 10) / 10
                                  : kMaxDistanceKm;
}

// Validates the entries in the order they were read and renames each problem's field to the
// entry's origin.
void ValidateRead(const std::vector<TrainingEntry>& entries, const std::vector<Origin>& origins,
                  ValidationProblems& problems) {
    for (auto problem : ValidateTrainingEntries(entries)) {
        // "entries[12].distance_km" -> index 12, field "distance_km"
        const auto open = problem.field.find('[');
        const auto close = problem.field.find(']');
        if (open == std::string::npos || close == std::string::npos) {
            problems.push_back(std::move(problem));
            continue;
        }
        std::size_t index = 0;
        std::from_chars(problem.field.data() + open + 1, problem.field.data() + close, index);
        std::string field =
            close + 2 <= problem.field.size() ? problem.field.substr(close + 2) : std::string();
        const Origin& origin = origins.at(index);
        if (field == "distance_km") {
            field = origin.distance_field;
            if (problem.code == ProblemCode::kOutOfRange && problem.maximum > 0) {
                problem.maximum = MaxDistanceIn(field);
            }
        }
        problem.field = field.empty() ? origin.path : origin.path + "." + field;
        problems.push_back(std::move(problem));
    }
}

void SortByDate(std::vector<TrainingEntry>& entries) {
    std::stable_sort(
        entries.begin(), entries.end(),
        [](const TrainingEntry& a, const TrainingEntry& b) { return a.date < b.date; });
}

// A rest or cross-training day written with a distance of 0 (what a spreadsheet or a watch
// export writes for "no run") has no distance; any other distance on a rest day stays refused.
void DropZeroDistancesOfDaysWithoutARun(std::vector<TrainingEntry>& entries) {
    for (TrainingEntry& entry : entries) {
        if (entry.distance_km && *entry.distance_km == 0 &&
            (entry.type == RunType::kRest || entry.type == RunType::kCross)) {
            entry.distance_km.reset();
        }
    }
}

// A distance as written ("12.5"); nullopt when it is not a plain finite number.
std::optional<double> ParseDistance(std::string_view text) {
    double value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

// --- CSV ------------------------------------------------------------------------------------

enum class Column { kDate, kType, kDistanceKm, kDistanceMi };

}  // namespace

bool IsHardTraining(RunType type) {
    return type == RunType::kLong || type == RunType::kTempo || type == RunType::kIntervals ||
           type == RunType::kRace;
}

ValidationProblems ValidateTrainingEntries(const std::vector<TrainingEntry>& entries) {
    ValidationProblems problems;
    if (entries.size() > TrainingLimits::kEntries) {
        problems.push_back({"entries", ProblemCode::kTooMany, TrainingLimits::kEntries});
        return problems;
    }
    std::set<Date> seen;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const TrainingEntry& entry = entries[i];
        const std::string at = fmt::format("entries[{}]", i);
        if (!entry.date.ok()) {
            problems.push_back({at + ".date", ProblemCode::kInvalidDate});
        } else if (entry.date < DateLimits::kEarliest || entry.date > DateLimits::kLatest) {
            CheckDateRange(problems, at + ".date", entry.date);
        } else if (!seen.insert(entry.date).second) {
            // One entry per day: the day's main session.
            problems.push_back({at + ".date", ProblemCode::kDuplicate});
        }
        if (entry.distance_km) {
            if (entry.type == RunType::kRest) {
                // A rest day has no distance: the range is empty.
                problems.push_back({at + ".distance_km", ProblemCode::kOutOfRange, 0, 0, 0});
            } else if (!(*entry.distance_km > 0 && *entry.distance_km <= kMaxDistanceKm)) {
                problems.push_back(
                    {at + ".distance_km", ProblemCode::kOutOfRange, 0, 0, kMaxDistanceKm});
            }
        }
    }
    return problems;
}

TrainingParseResult ParseTrainingCsv(std::string_view text) {
    TrainingParseResult result;
    auto& problems = result.problems;
    if (text.size() > JsonDocumentLimits::kMaxBytes) {
        problems.push_back({"document", ProblemCode::kTooLong, JsonDocumentLimits::kMaxBytes});
        return result;
    }
    if (text.substr(0, 3) == "\xEF\xBB\xBF") {
        text.remove_prefix(3);
    }
    const std::vector<CsvRecord> records = SplitCsv(text);
    if (records.empty()) {
        problems.push_back({"line 1", ProblemCode::kRequired});
        return result;
    }

    // The header: which column holds what.
    const CsvRecord& header = records.front();
    const std::string header_line = fmt::format("line {}", header.line);
    if (header.malformed) {
        problems.push_back({header_line, ProblemCode::kWrongType});
        return result;
    }
    static const std::map<std::string, Column, std::less<>> kColumns{
        {"date", Column::kDate},
        {"type", Column::kType},
        {"distance_km", Column::kDistanceKm},
        {"distance_mi", Column::kDistanceMi},
    };
    std::map<Column, std::size_t> column_at;
    for (std::size_t i = 0; i < header.cells.size(); ++i) {
        const std::string name = Trim(header.cells[i]);
        const auto known = kColumns.find(name);
        if (known == kColumns.end()) {
            problems.push_back({fmt::format("{}.{}", header_line,
                                            name.empty() ? fmt::format("column {}", i + 1) : name),
                                ProblemCode::kUnknownCode});
        } else if (!column_at.emplace(known->second, i).second) {
            problems.push_back({fmt::format("{}.{}", header_line, name), ProblemCode::kDuplicate});
        }
    }
    if (column_at.count(Column::kDate) == 0) {
        problems.push_back({header_line + ".date", ProblemCode::kRequired});
    }
    if (column_at.count(Column::kType) == 0) {
        problems.push_back({header_line + ".type", ProblemCode::kRequired});
    }
    const bool km = column_at.count(Column::kDistanceKm) > 0;
    const bool mi = column_at.count(Column::kDistanceMi) > 0;
    if (km && mi) {
        // One unit per file, so no row can disagree with itself.
        problems.push_back({header_line + ".distance_mi", ProblemCode::kDuplicate});
    } else if (!km && !mi) {
        problems.push_back({header_line + ".distance_km", ProblemCode::kRequired});
    }
    if (!problems.empty()) {
        return result;  // the rows cannot be read without a good header
    }
    const Column distance_column = km ? Column::kDistanceKm : Column::kDistanceMi;
    const std::string distance_name = km ? "distance_km" : "distance_mi";

    std::vector<Origin> origins;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const CsvRecord& record = records[r];
        const std::string line = fmt::format("line {}", record.line);
        if (record.malformed || record.cells.size() != header.cells.size()) {
            problems.push_back({line, ProblemCode::kWrongType});
            continue;
        }
        const auto cell = [&](Column column) { return Trim(record.cells[column_at.at(column)]); };
        bool readable = true;
        TrainingEntry entry;
        const std::string date = cell(Column::kDate);
        if (date.empty()) {
            problems.push_back({line + ".date", ProblemCode::kRequired});
            readable = false;
        } else if (const auto parsed = ParseIsoDate(date)) {
            entry.date = *parsed;
        } else {
            problems.push_back({line + ".date", ProblemCode::kInvalidDate});
            readable = false;
        }
        const std::string type = cell(Column::kType);
        if (type.empty()) {
            problems.push_back({line + ".type", ProblemCode::kRequired});
            readable = false;
        } else if (const auto parsed = FromCode<RunType>(type)) {
            entry.type = *parsed;
        } else {
            problems.push_back({line + ".type", ProblemCode::kUnknownCode});
            readable = false;
        }
        if (const std::string distance = cell(distance_column); !distance.empty()) {
            if (const auto value = ParseDistance(distance)) {
                entry.distance_km = km ? *value : MilesToKm(*value);
            } else {
                problems.push_back({line + "." + distance_name, ProblemCode::kWrongType});
                readable = false;
            }
        }
        if (readable) {
            result.entries.push_back(entry);
            origins.push_back({line, distance_name});
        }
    }
    DropZeroDistancesOfDaysWithoutARun(result.entries);
    ValidateRead(result.entries, origins, problems);
    SortByDate(result.entries);
    return result;
}

TrainingParseResult ParseTrainingJson(std::string_view text) {
    TrainingParseResult result;
    auto& problems = result.problems;
    JsonDocumentResult read = ReadJsonDocument(text);
    if (!read.problems.empty()) {
        problems = std::move(read.problems);
        return result;
    }
    const json& document = read.document;
    JsonReader reader(problems);
    const json* list = &document;
    std::string list_path;  // "" for a bare array: its elements are "[0]", "[1]", ...
    if (document.is_object()) {
        reader.OnlyKeys(document, "", {"entries"});
        list = reader.Member(document, "entries", "", true);
        if (list == nullptr) {
            return result;
        }
        list_path = "entries";
        if (!list->is_array()) {
            reader.Problem(list_path, ProblemCode::kWrongType);
            return result;
        }
    } else if (!document.is_array()) {
        reader.Problem("document", ProblemCode::kWrongType);
        return result;
    }
    if (list->size() > TrainingLimits::kEntries) {
        problems.push_back({list_path.empty() ? "document" : list_path, ProblemCode::kTooMany,
                            TrainingLimits::kEntries});
        return result;
    }

    std::vector<Origin> origins;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string at = JsonReader::ElementPath(list_path, i);
        const json* item = reader.Object((*list)[i], at);
        if (item == nullptr) {
            continue;
        }
        reader.OnlyKeys(*item, at, {"date", "type", "distance_km", "distance_mi"});
        bool readable = true;
        TrainingEntry entry;
        if (const auto date = reader.DateValue(*item, "date", at, true)) {
            entry.date = *date;
        } else {
            readable = false;
        }
        if (const auto type = reader.Code<RunType>(*item, "type", at, true)) {
            entry.type = *type;
        } else {
            readable = false;
        }
        const json* km = reader.Member(*item, "distance_km", at);
        const json* mi = reader.Member(*item, "distance_mi", at);
        const bool has_km = km != nullptr;
        const bool has_mi = mi != nullptr;
        std::string distance_field = "distance_km";
        if (has_km && has_mi) {
            reader.Problem(at + ".distance_mi", ProblemCode::kDuplicate);
            readable = false;
        } else if (has_km || has_mi) {
            const json& value = has_km ? *km : *mi;
            distance_field = has_km ? "distance_km" : "distance_mi";
            if (!value.is_number() || !std::isfinite(value.get<double>())) {
                reader.Problem(at + "." + distance_field, ProblemCode::kWrongType);
                readable = false;
            } else {
                entry.distance_km = has_km ? value.get<double>() : MilesToKm(value.get<double>());
            }
        }
        if (readable) {
            result.entries.push_back(entry);
            origins.push_back({at, distance_field});
        }
    }
    DropZeroDistancesOfDaysWithoutARun(result.entries);
    ValidateRead(result.entries, origins, problems);
    SortByDate(result.entries);
    return result;
}

TrainingParseResult ParseTrainingDocument(std::string_view text) {
    std::string_view rest = text;
    if (rest.substr(0, 3) == "\xEF\xBB\xBF") {
        rest.remove_prefix(3);
    }
    const auto first = rest.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && (rest[first] == '{' || rest[first] == '[')) {
        return ParseTrainingJson(rest);
    }
    return ParseTrainingCsv(text);
}

nlohmann::ordered_json TrainingToJson(const std::vector<TrainingEntry>& entries) {
    std::vector<TrainingEntry> sorted = entries;
    SortByDate(sorted);
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const auto& entry : sorted) {
        nlohmann::ordered_json item{{"date", FormatIsoDate(entry.date)},
                                    {"type", std::string(ToCode(entry.type))}};
        if (entry.distance_km) {
            item["distance_km"] = *entry.distance_km;
        }
        list.push_back(std::move(item));
    }
    return {{"entries", std::move(list)}};
}

}  // namespace myodesk::core
