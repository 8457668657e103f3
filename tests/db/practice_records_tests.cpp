// The practice export's list of kinds and fields (core::PracticeExportKinds) against the schema
// as the migrations leave it, on both backends: every table is a kind, every column a field or
// left out on purpose, so a migration that adds a column cannot be forgotten by the export.
// And db::PracticeRecords writes and reads a batch back as it was, ids and nulls included.
#include "soci_session.h"
#include "test_database.h"

#include <myodesk/core/practice_export.h>
#include <myodesk/db/practice_records.h>

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

using namespace myodesk;

namespace {

std::vector<std::string> Strings(db::Database& database, const std::string& sql,
                                 const std::string& bound = {}) {
    std::vector<std::string> values(10000);
    auto& session = db::SociSession(database);
    if (bound.empty()) {
        session << sql, soci::into(values);
    } else {
        session << sql, soci::use(bound), soci::into(values);
    }
    return values;
}

std::vector<std::string> Tables(db::Database& database) {
    if (database.GetDialect().backend == db::Backend::kSqlite) {
        return Strings(database,
                       "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                       "'sqlite_%' ORDER BY name");
    }
    return Strings(database,
                   "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                   "current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name");
}

std::vector<std::string> Columns(db::Database& database, const std::string& table) {
    if (database.GetDialect().backend == db::Backend::kSqlite) {
        return Strings(database, "SELECT name FROM pragma_table_info(:t)", table);
    }
    return Strings(database,
                   "SELECT column_name FROM information_schema.columns WHERE table_schema = "
                   "current_schema() AND table_name = :t",
                   table);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(practice_records)

MYODESK_DB_TEST(every_table_and_column_is_in_the_export_format) {
    auto database = test_db.Open();
    std::set<std::string> kinds;
    for (const auto& kind : core::PracticeExportKinds()) {
        kinds.insert(std::string(kind.name));
    }
    std::set<std::string> tables;
    for (const auto& table : Tables(database)) {
        if (table != "schema_migrations") {
            tables.insert(table);
        }
    }
    BOOST_TEST(tables == kinds);
    for (const auto& kind : core::PracticeExportKinds()) {
        const auto columns = Columns(database, std::string(kind.name));
        std::set<std::string> expected;
        for (const auto& field : kind.fields) {
            expected.insert(std::string(field.name));
        }
        for (const auto& left_out : core::LeftOutColumns()) {
            if (left_out.table == kind.name) {
                expected.insert(std::string(left_out.column));
            }
        }
        BOOST_TEST(std::set<std::string>(columns.begin(), columns.end()) == expected,
                   kind.name << ": the table's columns and the export's fields differ");
    }
}

MYODESK_DB_TEST(a_batch_is_written_and_read_back_as_it_was) {
    auto database = test_db.Open();
    const auto* staff = core::FindExportKind("staff");
    const auto* days_off = core::FindExportKind("days_off");
    BOOST_REQUIRE(staff != nullptr && days_off != nullptr);
    core::RecordBatch people(*staff);
    for (const auto* line :
         {R"({"id":7,"name":"Zoë Ó Briain","role":"owner","active":true,)"
          R"("created_at":"2026-01-01T00:00:00Z","username":"zoe"})",
          R"({"id":9,"name":"Tab\tand \\ back","role":"therapist","active":false,)"
          R"("created_at":"2026-01-02T00:00:00Z","username":null})"}) {
        BOOST_REQUIRE(core::ReadRecordLine(line, people).empty());
    }
    core::RecordBatch holidays(*days_off);
    BOOST_REQUIRE(core::ReadRecordLine(R"({"id":3,"staff_id":null,"from_date":"2026-12-25",)"
                                       R"("to_date":"2026-12-26","created_at":"x"})",
                                       holidays)
                      .empty());
    db::PracticeRecords records(database);
    BOOST_TEST(records.Empty());
    {
        db::Transaction transaction(database);
        records.Write(people);
        records.Write(holidays);
        records.ContinueIdSequences();
        transaction.Commit();
    }
    BOOST_TEST(!records.Empty());
    BOOST_TEST(records.Count(*staff) == 2);
    std::string written;
    for (std::size_t row = 0; row < people.Size(); ++row) {
        core::AppendRecordLine(people, row, written);
        written.push_back('\n');
    }
    std::string read;
    int batches = 0;
    records.Read(*staff, 1, [&](const core::RecordBatch& batch) {
        ++batches;
        for (std::size_t row = 0; row < batch.Size(); ++row) {
            core::AppendRecordLine(batch, row, read);
            read.push_back('\n');
        }
    });
    BOOST_TEST(batches == 2);  // one record a batch
    BOOST_TEST(read == written);
    // The sort names are worked out again, and new ids follow the imported ones.
    std::string sort_name;
    db::SociSession(database) << "SELECT sort_name FROM staff WHERE id = 7", soci::into(sort_name);
    BOOST_TEST(sort_name == "zoe o briain");
    db::SociSession(database) << "INSERT INTO days_off (staff_id, from_date, to_date, "
                                 "created_at) VALUES (7, '2027-01-01', '2027-01-01', 'x')";
    long long id = 0;
    db::SociSession(database) << "SELECT MAX(id) FROM days_off", soci::into(id);
    BOOST_TEST(id == 4);
}

BOOST_AUTO_TEST_SUITE_END()
