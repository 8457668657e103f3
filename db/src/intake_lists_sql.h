#pragma once

// The six lists of an intake read in one statement (IntakeRepository), shared with the
// benchmark's raw SQLite side so both run the same SQL. On PostgreSQL each statement is a round
// trip; reading an intake was seven. The lists' rows come side by side as (list, position,
// sort_key, up to six text columns a-f, a number), in list order; the first SELECT names and
// types the columns. The intake's id is bound six times, as :i0 to :i5 (in that order).

#include <string_view>

namespace myodesk::db::detail {

enum IntakeList { kConditions, kMedications, kHealthEvents, kRecentRuns, kSoreness, kAvoid };

inline constexpr std::string_view kIntakeListsSql =
    "SELECT 0 AS list, position, '' AS sort_key, code AS a, region AS b, side AS c, since AS d, "
    "CAST(NULL AS TEXT) AS e, CAST(NULL AS TEXT) AS f, CAST(NULL AS DOUBLE PRECISION) AS number "
    "FROM intake_conditions WHERE intake_id = :i0 "
    "UNION ALL SELECT 1, position, '', name, medication_class, NULL, NULL, NULL, NULL, NULL "
    "FROM intake_medications WHERE intake_id = :i1 "
    "UNION ALL SELECT 2, position, event_type, event_date, region, side, kind, description, "
    "NULL, NULL FROM intake_health_events WHERE intake_id = :i2 "
    "UNION ALL SELECT 3, position, '', run_date, run_type, NULL, NULL, NULL, NULL, distance_km "
    "FROM intake_recent_runs WHERE intake_id = :i3 "
    "UNION ALL SELECT 4, position, '', region, side, NULL, NULL, NULL, NULL, pain "
    "FROM intake_soreness WHERE intake_id = :i4 "
    "UNION ALL SELECT 5, position, '', region, side, NULL, NULL, NULL, NULL, NULL "
    "FROM intake_avoid_regions WHERE intake_id = :i5 "
    "ORDER BY list, sort_key, position";

}  // namespace myodesk::db::detail
