#include "bench.h"
#include "raw_sqlite.h"
#include "soci_session.h"

#include <myodesk/core/screening.h>
#include <myodesk/db/migrations.h>

#include <fmt/format.h>
#include <soci/soci.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <set>

namespace myodesk::bench {

int Scaled(int full, double scale, int minimum) {
    return std::max(minimum, static_cast<int>(std::lround(full * scale)));
}

core::DemoOptions PracticeOptions(const BenchContext& context, int clients) {
    core::DemoOptions options;
    options.clients = clients;
    options.years = 2;
    options.seed = context.options.seed;
    options.today = context.options.today;
    return options;
}

std::int64_t CountRows(db::Database& database) {
    soci::session& session = db::SociSession(database);
    std::vector<std::string> tables;
    {
        std::string name;
        const std::string sql =
            database.GetDialect().backend == db::Backend::kSqlite
                ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                  "'sqlite_%' ORDER BY name"
                : "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                  "current_schema() ORDER BY table_name";
        soci::statement statement = (session.prepare << sql, soci::into(name));
        statement.execute(false);
        while (statement.fetch()) {
            if (name != "schema_migrations") {
                tables.push_back(name);
            }
        }
    }
    std::int64_t rows = 0;
    for (const std::string& table : tables) {
        long long count = 0;
        session << "SELECT COUNT(*) FROM " + table, soci::into(count);
        rows += count;
    }
    return rows;
}

core::PlanInputs PlanInputsFor(const core::DemoClient& client, core::ClientId id,
                               const core::Date& today, std::optional<int> weeks) {
    core::PlanInputs inputs;
    inputs.client_id = id;
    inputs.today = today;
    inputs.from = today;
    inputs.weeks = weeks;
    if (!client.intakes.empty()) {
        inputs.intake = client.intakes.back();
        inputs.intake->client_id = id;
    }
    inputs.training = client.training;
    // As LoadPlanInputs: the notes of the last recent_notes_days days, and the last one ever.
    const core::Date since = core::AddDays(today, -(inputs.settings.recent_notes_days - 1));
    for (const core::SessionNote& note : client.notes) {
        if (note.date >= since && note.date <= today) {
            inputs.recent_notes.push_back(note);
            inputs.recent_notes.back().client_id = id;
        }
    }
    if (!client.notes.empty()) {
        const core::SessionNote& last = client.notes.back();
        if (last.date < since && last.date <= today) {
            inputs.recent_notes.push_back(last);
            inputs.recent_notes.back().client_id = id;
        }
    }
    return inputs;
}

std::vector<core::ClientId> SampleIds(std::int64_t max_id, int count, std::uint64_t seed) {
    core::DemoRandom random(seed);
    std::set<core::ClientId> chosen;
    const auto wanted = static_cast<std::size_t>(std::min<std::int64_t>(count, max_id));
    while (chosen.size() < wanted) {
        const std::uint64_t value = random.Next() % static_cast<std::uint64_t>(max_id);
        chosen.insert(static_cast<core::ClientId>(value) + 1);
    }
    std::vector<core::ClientId> ids(chosen.begin(), chosen.end());
    // In a random order, so that neighbouring ids are not read one after the other.
    for (std::size_t i = ids.size(); i > 1; --i) {
        std::swap(ids[i - 1], ids[random.Next() % i]);
    }
    return ids;
}

std::string MillionClientsPath(BenchContext& context) {
    const std::string path = context.options.work_dir + "/million-clients.sqlite";
    if (std::filesystem::exists(path)) {
        return path;
    }
    const int target = Scaled(kSearchClients, context.options.scale, 10);
    const auto started = BenchClock::now();
    {
        // The schema as MyoDesk makes it.
        db::Database database = db::OpenDatabase(path);
    }
    RawDb raw(path);
    // The clients are the practice's generated ones, copied until there are enough (names,
    // emails and phones repeat, as they do among 1,000,000 generated runners drawn from the same
    // name lists). The copy runs without the indexes, which are then made again from their
    // stored definitions: the same indexes, built sorted instead of row by row.
    const std::vector<std::string> indexes = DropIndexesOf(raw, "clients");
    std::string quoted;
    for (const char c : context.practice_path) {
        quoted += c == '\'' ? std::string("''") : std::string(1, c);
    }
    raw.Exec(fmt::format("ATTACH DATABASE '{}' AS practice", quoted));
    raw.Exec("BEGIN");
    constexpr std::string_view kColumns =
        "given_name, family_name, preferred_name, date_of_birth, phone, email, address, "
        "emergency_contact_name, emergency_contact_phone, physician, referral_source, notes, "
        "archived, created_at, updated_at, version, search_name, search_name_reversed, "
        "search_preferred, search_email, search_phone";
    std::int64_t copied = 0;
    while (copied < target) {
        raw.Exec(
            fmt::format("INSERT INTO clients ({0}) SELECT {0} FROM practice.clients ORDER BY "
                        "id LIMIT {1}",
                        kColumns, target - copied));
        copied = raw.QueryInt("SELECT COUNT(*) FROM clients");
    }
    raw.Exec("COMMIT");
    raw.Exec("DETACH DATABASE practice");
    for (const std::string& sql : indexes) {
        raw.Exec(sql);
    }
    raw.Exec("PRAGMA wal_checkpoint(TRUNCATE)");
    std::cout << fmt::format("  made {} clients in {} ({})\n", FormatCount(copied), path,
                             FormatDuration(Seconds(started, BenchClock::now())))
              << std::flush;
    return path;
}

}  // namespace myodesk::bench
