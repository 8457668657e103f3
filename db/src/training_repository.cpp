#include "guard.h"
#include "one_call_statement.h"
#include "required_rows.h"
#include "row_binding.h"
#include "soci_session.h"
#include "training_row.h"

#include <myodesk/db/errors.h>
#include <myodesk/db/training_repository.h>

#include <soci/soci.h>

namespace myodesk::db {

namespace {

using detail::Nullable;
using detail::RequireClient;

constexpr detail::StoredValues kStored{"training entry"};

void Validate(const std::vector<core::TrainingEntry>& entries) {
    auto problems = core::ValidateTrainingEntries(entries);
    if (!problems.empty()) {
        throw ValidationError(std::move(problems));
    }
}

// Writes the entries (already validated) for the client, each replacing the client's entry on
// its date; returns how many dates had no entry before. One statement of each kind, prepared
// once.
int Upsert(soci::session& session, core::ClientId client,
           const std::vector<core::TrainingEntry>& entries) {
    detail::TrainingRow row;
    int existing = 0;
    soci::statement exists =
        (session.prepare << "SELECT COUNT(*) FROM training_entries WHERE client_id = :client_id "
                            "AND run_date = :run_date",
         soci::into(existing), soci::use(row.client_id, "client_id"),
         soci::use(row.run_date, "run_date"));
    soci::statement upsert(session);
    VisitColumns(row, [&](const char* name, auto& field) { detail::Use(upsert, name, field); });
    upsert.alloc();
    upsert.prepare(detail::InsertSql<detail::TrainingRow>("training_entries") +
                   " ON CONFLICT (client_id, run_date) DO UPDATE SET run_type = "
                   "excluded.run_type, distance_km = excluded.distance_km");
    upsert.define_and_bind();
    int added = 0;
    for (const auto& entry : entries) {
        row = detail::TrainingRow::From(client, entry);
        exists.execute(true);
        added += existing == 0 ? 1 : 0;
        upsert.execute(true);
    }
    return added;
}

}  // namespace

TrainingRepository::TrainingRepository(Database& database) : m_database(database) {}

int TrainingRepository::Import(core::ClientId client,
                               const std::vector<core::TrainingEntry>& entries) {
    Validate(entries);
    return Guard("import the training entries", [&] {
        Transaction transaction(m_database);
        RequireClient(SociSession(m_database), client);
        const int added = Upsert(SociSession(m_database), client, entries);
        transaction.Commit();
        return added;
    });
}

void TrainingRepository::Put(core::ClientId client, const core::TrainingEntry& entry) {
    Validate({entry});
    Guard("save the training entry", [&] {
        Transaction transaction(m_database);
        RequireClient(SociSession(m_database), client);
        Upsert(SociSession(m_database), client, {entry});
        transaction.Commit();
    });
}

bool TrainingRepository::Remove(core::ClientId client, const core::Date& date) {
    return Guard("remove the training entry", [&] {
        long long client_id = client;
        const std::string run_date = core::FormatIsoDate(date);
        soci::statement statement =
            (SociSession(m_database).prepare << "DELETE FROM training_entries WHERE client_id = "
                                                ":client_id AND run_date = :run_date",
             soci::use(client_id, "client_id"), soci::use(run_date, "run_date"));
        statement.execute(true);
        return statement.get_affected_rows() > 0;
    });
}

std::vector<core::TrainingEntry> TrainingRepository::List(core::ClientId client,
                                                          const std::optional<core::Date>& from,
                                                          const std::optional<core::Date>& to) {
    return Guard("read the training calendar", [&] {
        long long client_id = client;
        // An open end is the first or last date text can hold: YYYY-MM-DD compares as text.
        const std::string from_date = from ? core::FormatIsoDate(*from) : "0000-00-00";
        const std::string to_date = to ? core::FormatIsoDate(*to) : "9999-99-99";
        std::string run_date, run_type;
        Nullable<double> distance_km;
        soci::statement statement = detail::OneCallStatement(
            SociSession(m_database),
            "SELECT run_date, run_type, distance_km FROM training_entries WHERE "
            "client_id = :client_id AND run_date >= :from_date AND run_date <= :to_date "
            "ORDER BY run_date",
            soci::into(run_date), soci::into(run_type),
            soci::into(distance_km.value, distance_km.indicator), soci::use(client_id, "client_id"),
            soci::use(from_date, "from_date"), soci::use(to_date, "to_date"));
        statement.execute(false);
        std::vector<core::TrainingEntry> entries;
        while (statement.fetch()) {
            entries.push_back({kStored.Date(run_date, "training_entries.run_date"),
                               kStored.Code<core::RunType>(run_type, "training_entries.run_type"),
                               distance_km.Get()});
        }
        return entries;
    });
}

}  // namespace myodesk::db
