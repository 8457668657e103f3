#pragma once

// The six lists of an intake read in one statement (IntakeRepository), shared with the
// benchmark's raw SQLite side so both run the same SQL. On PostgreSQL each statement is a round
// trip; reading an intake was seven. The lists' rows come side by side as (list, position,
// sort_key, up to six text columns a-f, a number), in list order; the first SELECT names and
// types the columns. IntakeListsSql() reads one intake, its id bound six times, as :i0 to :i5
// (in that order); IntakeListsOfManySql() the lists of many intakes, their ids bound once each.

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace myodesk::db::detail {

enum IntakeList { kConditions, kMedications, kHealthEvents, kRecentRuns, kSoreness, kAvoid };

// The lists of an intake's health answers (core::Health) come first: conditions, medications,
// and the health events (surgeries and injuries).
inline constexpr std::size_t kHealthLists = kHealthEvents + 1;

// Each list's columns and table, in IntakeList order: both statements are made from these.
struct IntakeListSelect {
    std::string_view columns;
    std::string_view table;
};

inline constexpr std::array<IntakeListSelect, 6> kIntakeListSelects{{
    {"0 AS list, position, '' AS sort_key, code AS a, region AS b, side AS c, since AS d, "
     "CAST(NULL AS TEXT) AS e, CAST(NULL AS TEXT) AS f, CAST(NULL AS DOUBLE PRECISION) AS number",
     "intake_conditions"},
    {"1, position, '', name, medication_class, NULL, NULL, NULL, NULL, NULL", "intake_medications"},
    {"2, position, event_type, event_date, region, side, kind, description, NULL, NULL",
     "intake_health_events"},
    {"3, position, '', run_date, run_type, NULL, NULL, NULL, NULL, distance_km",
     "intake_recent_runs"},
    {"4, position, '', region, side, NULL, NULL, NULL, NULL, pain", "intake_soreness"},
    {"5, position, '', region, side, NULL, NULL, NULL, NULL, NULL", "intake_avoid_regions"},
}};

// One intake's lists: (list, position, sort_key, a-f, number).
inline const std::string& IntakeListsSql() {
    static const std::string sql = [] {
        std::string text;
        for (std::size_t i = 0; i < kIntakeListSelects.size(); ++i) {
            text += fmt::format("{}SELECT {} FROM {} WHERE intake_id = :i{} ",
                                i == 0 ? "" : "UNION ALL ", kIntakeListSelects[i].columns,
                                kIntakeListSelects[i].table, i);
        }
        return text + "ORDER BY list, sort_key, position";
    }();
    return sql;
}

// The lists of the intakes whose ids `in_list` binds (":c0, :c1, ..."), each row led by its
// intake's id: (intake_id, list, position, sort_key, a-f, number), in no particular order (the
// reader puts each intake's rows in order: sorting them here took SQLite longer than reading
// them). The ids are named once, in a common table the SELECTs share. The first `lists` lists
// (all six, or kHealthLists for the health answers only).
inline std::string IntakeListsOfManySql(std::string_view in_list,
                                        std::size_t lists = kIntakeListSelects.size()) {
    std::string text =
        fmt::format("WITH wanted AS (SELECT id FROM intakes WHERE id IN ({})) ", in_list);
    for (std::size_t i = 0; i < std::min(lists, kIntakeListSelects.size()); ++i) {
        text += fmt::format(
            "{}SELECT intake_id, {} FROM {} WHERE intake_id IN (SELECT id FROM wanted)",
            i == 0 ? "" : "UNION ALL ", kIntakeListSelects[i].columns, kIntakeListSelects[i].table);
    }
    return text;
}

}  // namespace myodesk::db::detail
