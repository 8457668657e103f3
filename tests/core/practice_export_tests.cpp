// One record of a practice export as a line of JSON (core/practice_export.h): written the same
// way every time, read back strictly (exactly the kind's fields, each of its type).
#include <myodesk/core/practice_export.h>

#include <boost/test/unit_test.hpp>

#include <set>
#include <string>

using namespace myodesk;

namespace {

const core::ExportKind& Kind(std::string_view name) {
    const auto* kind = core::FindExportKind(name);
    BOOST_REQUIRE(kind != nullptr);
    return *kind;
}

std::string Field(const core::ValidationProblems& problems) {
    return problems.empty() ? std::string() : problems.front().field;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(practice_export)

BOOST_AUTO_TEST_CASE(kinds_are_unique_and_their_order_is_unique) {
    std::set<std::string_view> names;
    for (const auto& kind : core::PracticeExportKinds()) {
        BOOST_TEST(names.insert(kind.name).second, kind.name);
        BOOST_TEST(!kind.fields.empty());
        BOOST_TEST(!kind.order.empty());
        std::set<std::string_view> fields;
        for (const auto& field : kind.fields) {
            BOOST_TEST(fields.insert(field.name).second, kind.name << "." << field.name);
        }
        BOOST_TEST(kind.has_id_sequence == (kind.fields.front().name == "id"), kind.name);
    }
    // References come first: staff before notes, clients before intakes, notes before regions.
    const auto position = [](std::string_view name) {
        const auto kinds = core::PracticeExportKinds();
        return std::find_if(kinds.begin(), kinds.end(),
                            [name](const auto& kind) { return kind.name == name; }) -
               kinds.begin();
    };
    BOOST_TEST(position("staff") < position("session_notes"));
    BOOST_TEST(position("clients") < position("intakes"));
    BOOST_TEST(position("appointments") < position("session_notes"));
    BOOST_TEST(position("plans") < position("appointments"));
    BOOST_TEST(position("session_notes") < position("session_note_regions"));
    BOOST_TEST(core::FindExportKind("password_hashes") == nullptr);
}

BOOST_AUTO_TEST_CASE(a_record_is_written_in_its_fields_order_and_read_back) {
    const auto& runs = Kind("intake_recent_runs");
    core::RecordBatch batch(runs);
    const std::string line =
        R"({"intake_id":4,"position":0,"run_date":"2026-11-01","distance_km":42.195,)"
        R"("run_type":"race"})";
    BOOST_REQUIRE(core::ReadRecordLine(line, batch).empty());
    BOOST_TEST(batch.Size() == 1U);
    std::string written;
    core::AppendRecordLine(batch, 0, written);
    BOOST_TEST(written == line);

    // Keys in another order read the same; numbers in the shortest exact form; text escaped.
    const auto& staff = Kind("staff");
    core::RecordBatch people(staff);
    BOOST_REQUIRE(core::ReadRecordLine(
                      R"({"username":null,"created_at":"t","active":false,"role":"therapist",)"
                      R"("name":"Tab\there \"quoted\" \\ Zoë","id":9007199254740993})",
                      people)
                      .empty());
    written.clear();
    core::AppendRecordLine(people, 0, written);
    BOOST_TEST(written == R"({"id":9007199254740993,"name":"Tab\there \"quoted\" \\ Zoë",)"
                          R"("role":"therapist","active":false,"created_at":"t","username":null})");
    core::RecordBatch numbers(runs);
    BOOST_REQUIRE(core::ReadRecordLine(R"({"intake_id":4,"position":0,"run_date":"d",)"
                                       R"("distance_km":10,"run_type":"easy"})",
                                       numbers)
                      .empty());
    written.clear();
    core::AppendRecordLine(numbers, 0, written);
    BOOST_TEST(written.find(R"("distance_km":10,)") != std::string::npos, written);
}

BOOST_AUTO_TEST_CASE(a_line_that_is_not_exactly_a_record_is_refused_and_nothing_is_added) {
    const auto& staff = Kind("staff");
    core::RecordBatch batch(staff);
    const auto refused = [&](const std::string& line) {
        auto problems = core::ReadRecordLine(line, batch);
        BOOST_TEST(batch.Size() == 0U, line);
        return problems;
    };
    const std::string rest = R"("role":"owner","active":true,"created_at":"t","username":null)";
    BOOST_TEST(Field(refused(R"({"id":1,"name":"A",)" + rest + R"(,"extra":1})")) == "extra");
    BOOST_TEST(Field(refused(R"({"id":1,)" + rest + "}")) == "name");
    BOOST_TEST(Field(refused(R"({"id":1.5,"name":"A",)" + rest + "}")) == "id");
    BOOST_TEST(Field(refused(R"({"id":18446744073709551615,"name":"A",)" + rest + "}")) == "id");
    BOOST_TEST(Field(refused(R"({"id":1,"name":null,)" + rest + "}")) == "name");
    BOOST_TEST(Field(refused(R"({"id":1,"name":"A","role":"owner","active":1,)"
                             R"("created_at":"t","username":null})")) == "active");
    BOOST_TEST(Field(refused("[1,2]")) == "record");
    BOOST_TEST(!refused("{\"id\":1,").empty());
    BOOST_TEST(!refused(R"({"id":1,"id":2})").empty());   // a key twice
    BOOST_TEST(!refused("{\"name\":\"\xff\"}").empty());  // not UTF-8
    BOOST_TEST(Field(refused(std::string(core::RecordLineLimits::kMaxLineBytes + 1, ' '))) ==
               "record");
}

BOOST_AUTO_TEST_SUITE_END()
