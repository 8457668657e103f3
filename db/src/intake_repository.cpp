#include "guard.h"
#include "id_chunks.h"
#include "intake_lists_sql.h"
#include "intake_row.h"
#include "one_call_statement.h"
#include "required_rows.h"
#include "row_binding.h"
#include "soci_session.h"

#include <myodesk/core/intake_validation.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/intake_repository.h>

#include <fmt/format.h>
#include <soci/soci.h>

#include <algorithm>
#include <cstddef>
#include <map>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace myodesk::db {

namespace {

using core::Intake;
using detail::ColumnNames;
using detail::InsertRow;
using detail::IntakeRow;
using detail::Into;
using detail::Nullable;
using detail::RequireClient;

constexpr detail::StoredValues kStored{"intake"};

const std::string& SelectColumnsSql() {
    static const std::string sql = fmt::format("id, {}", fmt::join(ColumnNames<IntakeRow>(), ", "));
    return sql;
}

// The columns IntakeRow::ToHealthIntake reads.
const std::string& HealthColumnsSql() {
    static const std::string sql = [] {
        IntakeRow row;
        std::string text = "id";
        detail::VisitHealthColumns(
            row, [&](const char* name, auto&) { text += fmt::format(", {}", name); });
        return text;
    }();
    return sql;
}

// A row of the lists' statements (intake_lists_sql.h) as SOCI reads it.
struct ListRow {
    int list = 0;
    int position = 0;
    std::string sort_key;
    Nullable<std::string> a, b, c, d, e, f;
    Nullable<double> number;

    void Into(soci::statement& statement) {
        statement.exchange(soci::into(list));
        statement.exchange(soci::into(position));
        statement.exchange(soci::into(sort_key));
        for (Nullable<std::string>* text : {&a, &b, &c, &d, &e, &f}) {
            statement.exchange(soci::into(text->value, text->indicator));
        }
        statement.exchange(soci::into(number.value, number.indicator));
    }

    // Adds the row to its list of `intake`: one intake's read and many intakes' share this.
    void AddTo(core::Intake& intake) const {
        core::Health& health = intake.health;
        switch (list) {
            case detail::kConditions:
                health.conditions.push_back(
                    {kStored.Code<core::ConditionCode>(a.value, "intake_conditions.code"),
                     kStored.Code<core::Region>(b, "intake_conditions.region"),
                     kStored.Code<core::Side>(c, "intake_conditions.side"),
                     kStored.Date(d, "intake_conditions.since")});
                break;
            case detail::kMedications:
                health.medications.push_back(
                    {a.value, kStored.Code<core::MedicationClass>(
                                  b.value, "intake_medications.medication_class")});
                break;
            case detail::kHealthEvents: {
                core::HealthEvent event{
                    kStored.Date(a.value, "intake_health_events.event_date"),
                    kStored.Code<core::Region>(b, "intake_health_events.region"),
                    kStored.Code<core::Side>(c, "intake_health_events.side"), d.value, e.value};
                if (sort_key == detail::kSurgeryEvent) {
                    health.surgeries.push_back(std::move(event));
                } else if (sort_key == detail::kInjuryEvent) {
                    health.injuries.push_back(std::move(event));
                } else {
                    kStored.Unreadable("intake_health_events.event_type", sort_key);
                }
                break;
            }
            case detail::kRecentRuns:
                intake.runner.recent_runs.push_back(
                    {kStored.Date(a.value, "intake_recent_runs.run_date"), number.value,
                     kStored.Code<core::RunType>(b.value, "intake_recent_runs.run_type")});
                break;
            case detail::kSoreness:
                intake.soreness.push_back(
                    {kStored.Code<core::Region>(a.value, "intake_soreness.region"),
                     kStored.Code<core::Side>(b.value, "intake_soreness.side"),
                     static_cast<int>(number.value)});
                break;
            case detail::kAvoid:
                intake.avoid_regions.push_back(
                    {kStored.Code<core::Region>(a.value, "intake_avoid_regions.region"),
                     kStored.Code<core::Side>(b.value, "intake_avoid_regions.side")});
                break;
            default:
                break;
        }
    }
};

// The six lists of an intake in one statement (see intake_lists_sql.h).
void ReadLists(soci::session& session, long long intake_id, core::Intake& intake) {
    ListRow row;
    long long i0 = intake_id, i1 = intake_id, i2 = intake_id, i3 = intake_id, i4 = intake_id,
              i5 = intake_id;
    soci::statement statement(session);
    row.Into(statement);
    statement.exchange(soci::use(i0, "i0"));
    statement.exchange(soci::use(i1, "i1"));
    statement.exchange(soci::use(i2, "i2"));
    statement.exchange(soci::use(i3, "i3"));
    statement.exchange(soci::use(i4, "i4"));
    statement.exchange(soci::use(i5, "i5"));
    statement.alloc();
    detail::PrepareForOneCall(statement, detail::IntakeListsSql());
    statement.define_and_bind();
    statement.execute(false);
    while (statement.fetch()) {
        row.AddTo(intake);
    }
}

// The first `lists` lists (intake_lists_sql.h) of a chunk of intakes (their ids bound by
// `chunk`) in one statement, each row added to its intake in `by_id`.
void ReadListsOfMany(soci::session& session, detail::IdChunk& chunk,
                     std::map<long long, core::Intake*>& by_id, std::size_t lists) {
    long long intake_id = 0;
    ListRow row;
    soci::statement statement(session);
    statement.exchange(soci::into(intake_id));
    row.Into(statement);
    chunk.Use(statement);
    statement.alloc();
    detail::PrepareForOneCall(statement, detail::IntakeListsOfManySql(chunk.InList(), lists));
    statement.define_and_bind();
    statement.execute(false);
    std::map<long long, std::vector<ListRow>> rows;
    while (statement.fetch()) {
        rows[intake_id].push_back(row);
    }
    // Each intake's rows in the order one intake's read has them (its ORDER BY).
    for (auto& [id, intake_rows] : rows) {
        std::sort(intake_rows.begin(), intake_rows.end(), [](const ListRow& x, const ListRow& y) {
            return std::tie(x.list, x.sort_key, x.position) <
                   std::tie(y.list, y.sort_key, y.position);
        });
        core::Intake& intake = *by_id.at(id);
        for (const ListRow& intake_row : intake_rows) {
            intake_row.AddTo(intake);
        }
    }
}

// Each of `clients`' newest intake, as Newest() picks it, with its lists: whole, or with its
// health answers only (IntakeRow::ToHealthIntake and the kHealthLists lists).
std::map<core::ClientId, Intake> ReadNewestOf(soci::session& session,
                                              const std::vector<core::ClientId>& clients,
                                              bool health_only) {
    std::map<core::ClientId, Intake> newest;
    detail::ForEachChunkOfIds(clients, [&](detail::IdChunk& chunk) {
        // Each client's newest intake, then the lists of those.
        IntakeRow row;
        soci::statement statement(session);
        statement.exchange(soci::into(row.id));
        const auto into = [&](const char*, auto& field) { Into(statement, field); };
        if (health_only) {
            detail::VisitHealthColumns(row, into);
        } else {
            VisitColumns(row, into);
        }
        chunk.Use(statement);
        statement.alloc();
        detail::PrepareForOneCall(
            statement,
            // Every version of the chunk's clients in Newest()'s order, the first of each
            // kept: a range of the intakes_by_client index read backwards (picking each
            // client's newest in SQL, per row or with a window function, took SQLite
            // several times as long as reading the few older versions too).
            fmt::format("SELECT {} FROM intakes WHERE client_id IN ({}) ORDER BY client_id "
                        "DESC, taken_on DESC, id DESC",
                        health_only ? HealthColumnsSql() : SelectColumnsSql(), chunk.InList()));
        statement.define_and_bind();
        statement.execute(false);
        std::vector<long long> ids;
        std::map<long long, Intake*> by_id;
        while (statement.fetch()) {
            if (newest.count(row.client_id) == 0) {
                Intake& intake = newest[row.client_id] =
                    health_only ? row.ToHealthIntake() : row.ToIntake();
                ids.push_back(row.id);
                by_id[row.id] = &intake;
            }
        }
        const std::size_t lists =
            health_only ? detail::kHealthLists : detail::kIntakeListSelects.size();
        detail::ForEachChunkOfIds(ids, [&](detail::IdChunk& intakes) {
            ReadListsOfMany(session, intakes, by_id, lists);
        });
    });
    return newest;
}

}  // namespace

IntakeRepository::IntakeRepository(Database& database, Clock clock)
    : m_database(database), m_clock(std::move(clock)) {}

core::IntakeId IntakeRepository::Add(Intake& intake) {
    const auto now = m_clock();
    auto problems = core::ValidateIntake(intake, LocalDate(now));
    if (!problems.empty()) {
        throw ValidationError(std::move(problems));
    }
    return Guard("add the intake", [&] {
        Transaction transaction(m_database);
        soci::session& session = SociSession(m_database);
        IntakeRow row = IntakeRow::From(intake);
        row.created_at = UtcTimestamp(now);

        RequireClient(session, intake.client_id);

        const long long id = InsertRow(session, "intakes", row);
        detail::IntakeListRows::From(id, intake)
            .ForEachTable([&](std::string_view table, const auto& rows) {
                detail::InsertEach(session, table, rows);
            });
        transaction.Commit();

        intake.id = id;
        intake.created_at = row.created_at;
        return intake.id;
    });
}

std::optional<Intake> IntakeRepository::Get(core::IntakeId id) {
    return Guard("read the intake", [&]() -> std::optional<Intake> {
        soci::session& session = SociSession(m_database);
        IntakeRow row;
        long long intake_id = id;
        soci::statement statement(session);
        statement.exchange(soci::into(row.id));
        VisitColumns(row, [&](const char*, auto& field) { Into(statement, field); });
        statement.exchange(soci::use(intake_id, "id"));
        statement.alloc();
        detail::PrepareForOneCall(
            statement, fmt::format("SELECT {} FROM intakes WHERE id = :id", SelectColumnsSql()));
        statement.define_and_bind();
        if (!statement.execute(true)) {
            return std::nullopt;
        }
        Intake intake = row.ToIntake();
        ReadLists(session, intake_id, intake);
        return intake;
    });
}

std::optional<Intake> IntakeRepository::Newest(core::ClientId client) {
    const auto newest = Guard("find the newest intake", [&] {
        return detail::FirstIdForClient(SociSession(m_database),
                                        "SELECT id FROM intakes WHERE client_id = :client_id "
                                        "ORDER BY taken_on DESC, id DESC LIMIT 1",
                                        client);
    });
    return newest ? Get(*newest) : std::nullopt;
}

std::map<core::ClientId, Intake> IntakeRepository::NewestOf(
    const std::vector<core::ClientId>& clients) {
    return Guard("read the newest intakes",
                 [&] { return ReadNewestOf(SociSession(m_database), clients, false); });
}

std::map<core::ClientId, Intake> IntakeRepository::NewestHealthOf(
    const std::vector<core::ClientId>& clients) {
    return Guard("read the newest intakes",
                 [&] { return ReadNewestOf(SociSession(m_database), clients, true); });
}

std::optional<core::DistanceUnit> IntakeRepository::NewestUnits(core::ClientId client) {
    return Guard("find the newest intake", [&]() -> std::optional<core::DistanceUnit> {
        long long client_id = client;
        std::string units;
        soci::statement statement = detail::OneCallStatement(
            SociSession(m_database),
            "SELECT units FROM intakes WHERE client_id = :client_id ORDER BY taken_on DESC, id "
            "DESC LIMIT 1",
            soci::into(units), soci::use(client_id, "client_id"));
        if (!statement.execute(true)) {
            return std::nullopt;
        }
        return kStored.Code<core::DistanceUnit>(units, "intakes.units");
    });
}

std::vector<IntakeVersion> IntakeRepository::History(core::ClientId client) {
    return Guard("list the intake versions", [&] {
        long long client_id = client;
        long long id = 0;
        std::string taken_on, created_at;
        soci::statement statement = detail::OneCallStatement(
            SociSession(m_database),
            "SELECT id, taken_on, created_at FROM intakes WHERE client_id = :client_id "
            "ORDER BY taken_on DESC, id DESC",
            soci::into(id), soci::into(taken_on), soci::into(created_at),
            soci::use(client_id, "client_id"));
        std::vector<IntakeVersion> versions;
        statement.execute(false);
        while (statement.fetch()) {
            versions.push_back({id, kStored.Date(taken_on, "intakes.taken_on"), created_at});
        }
        return versions;
    });
}

}  // namespace myodesk::db
