#include <myodesk/core/session_json.h>
#include <myodesk/core/session_note.h>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <functional>
#include <ostream>

using namespace myodesk::core;
using namespace std::chrono;
using nlohmann::json;

namespace {

const Date kToday{year{2026}, November, day{20}};

SessionNote HamstringNote() {
    SessionNote note;
    note.client_id = 7;
    note.therapist_id = 3;
    note.date = Date{year{2026}, November, day{19}};
    note.start_minute = 17 * 60 + 30;
    note.duration_min = 60;
    note.position = Position::kProne;
    note.subjective = "Both hamstrings tight after Sunday's 32 km; \"stiff on stairs\".";
    note.objective = "Tender mid-belly, R > L. Straight-leg raise 70°/75°.";
    note.assessment = "Responded well; pain down 3 points on the right.";
    note.plan = "Re-check in 7 days. Hydrate; easy run only tomorrow.";
    note.techniques = {{Technique::kTriggerPoint, 20}, {Technique::kSports, 35}};
    note.regions = {{Region::kHamstrings, Side::kLeft, 7, 5, 3},
                    {Region::kHamstrings, Side::kRight, 7, 6, 3},
                    {Region::kCalves, Side::kBilateral, 5, std::nullopt, std::nullopt}};
    return note;
}

struct Case {
    const char* name;
    std::function<void(SessionNote&)> change;
    std::vector<std::pair<std::string, ProblemCode>> expected;
};

std::ostream& operator<<(std::ostream& out, const Case& c) {
    return out << c.name;
}

const std::vector<Case> kCases{
    {"a good note", [](SessionNote&) {}, {}},
    {"tomorrow",
     [](SessionNote& n) {
         n.date = Date{year{2026}, November, day{21}};
     },
     {{"date", ProblemCode::kInFuture}}},
    {"pressure 0",
     [](SessionNote& n) { n.regions[0].pressure = 0; },
     {{"regions[0].pressure", ProblemCode::kOutOfRange}}},
    {"pressure 11",
     [](SessionNote& n) { n.regions[1].pressure = 11; },
     {{"regions[1].pressure", ProblemCode::kOutOfRange}}},
    {"pain after 11",
     [](SessionNote& n) { n.regions[0].pain_after = 11; },
     {{"regions[0].pain_after", ProblemCode::kOutOfRange}}},
    {"pain before -1",
     [](SessionNote& n) { n.regions[0].pain_before = -1; },
     {{"regions[0].pain_before", ProblemCode::kOutOfRange}}},
    {"the same region and side twice",
     [](SessionNote& n) {
         n.regions.push_back({Region::kHamstrings, Side::kLeft, 5, {}, {}});
     },
     {{"regions[3].region", ProblemCode::kDuplicate}}},
    {"a technique twice",
     [](SessionNote& n) {
         n.techniques.push_back({Technique::kSports, 1});
     },
     {{"techniques[2].technique", ProblemCode::kDuplicate}}},
    {"technique minutes over the session",
     [](SessionNote& n) { n.techniques[1].minutes = 45; },
     {{"techniques", ProblemCode::kOutOfRange}}},
    {"zero minutes",
     [](SessionNote& n) { n.techniques[0].minutes = 0; },
     {{"techniques[0].minutes", ProblemCode::kOutOfRange}}},
    {"duration 4",
     [](SessionNote& n) {
         n.duration_min = 4;
         n.techniques = {{Technique::kSports, 4}};
     },
     {{"duration_min", ProblemCode::kOutOfRange}}},
    {"start 24:00",
     [](SessionNote& n) { n.start_minute = 24 * 60; },
     {{"start_time", ProblemCode::kOutOfRange}}},
    {"long text",
     [](SessionNote& n) { n.plan = std::string(20001, 'p'); },
     {{"plan", ProblemCode::kTooLong}}},
    {"dated 0001-01-01",
     [](SessionNote& n) {
         n.date = Date{year{1}, January, day{1}};
     },
     {{"date", ProblemCode::kTooFarInPast}}},
    {"dated 1899-12-31",
     [](SessionNote& n) {
         n.date = Date{year{1899}, December, day{31}};
     },
     {{"date", ProblemCode::kTooFarInPast}}},
    {"dated 1900-01-01", [](SessionNote& n) { n.date = DateLimits::kEarliest; }, {}},
    {"tabs and line breaks in the text",
     [](SessionNote& n) { n.subjective = "Line one\n\tLine two\n"; },
     {}},
    {"a carriage return in the text",
     [](SessionNote& n) { n.subjective = "Line one\r\nLine two"; },
     {{"subjective", ProblemCode::kInvalidText}}},
    {"ESC in the text",
     [](SessionNote& n) { n.objective = "ok\x1b]0;title\x07"; },
     {{"objective", ProblemCode::kInvalidText}}},
    {"NUL in the text",
     [](SessionNote& n) { n.assessment = std::string("a\0b", 3); },
     {{"assessment", ProblemCode::kInvalidText}}},
    {"a right-to-left override in the text",
     [](SessionNote& n) { n.plan = "fdp.\u202Eexe"; },
     {{"plan", ProblemCode::kInvalidText}}},
    {"an empty note: no technique, no region, no reason",
     [](SessionNote& n) {
         n.techniques.clear();
         n.regions.clear();
     },
     {{"techniques", ProblemCode::kRequired}, {"regions", ProblemCode::kRequired}}},
    {"a region but no technique",
     [](SessionNote& n) { n.techniques.clear(); },
     {{"techniques", ProblemCode::kRequired}}},
    {"no treatment: the client was referred",
     [](SessionNote& n) {
         n.techniques.clear();
         n.regions.clear();
         n.no_treatment = NoTreatment::kReferred;
     },
     {}},
    {"no treatment, yet techniques and regions",
     [](SessionNote& n) { n.no_treatment = NoTreatment::kRefused; },
     {{"techniques", ProblemCode::kContradicts}, {"regions", ProblemCode::kContradicts}}},
    {"a flag override's reason of 1001 characters",
     [](SessionNote& n) { n.flag_override = std::string(1001, 'r'); },
     {{"flag_override", ProblemCode::kTooLong}}},
    {"101 regions",
     [](SessionNote& n) { n.regions.assign(SessionNoteLimits::kRegions + 1, n.regions[0]); },
     {{"regions", ProblemCode::kTooMany}}},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(session_note_tests)

BOOST_DATA_TEST_CASE(validates_the_note, boost::unit_test::data::make(kCases), sample) {
    SessionNote note = HamstringNote();
    sample.change(note);
    const auto problems = ValidateSessionNote(note, kToday);
    BOOST_TEST_REQUIRE(problems.size() == sample.expected.size());
    for (std::size_t i = 0; i < problems.size(); ++i) {
        BOOST_TEST(problems[i].field == sample.expected[i].first);
        BOOST_TEST(ProblemCodeName(problems[i].code) == ProblemCodeName(sample.expected[i].second));
    }
}

BOOST_AUTO_TEST_CASE(amendments_need_a_reason_and_text) {
    BOOST_TEST(ValidateAmendment({0,
                                  "",
                                  3,
                                  "Wrong side recorded",
                                  NoteSection::kAssessment,
                                  "Left hamstring responded best.",
                                  {}},
                                 kToday)
                   .empty());
    const auto problems = ValidateAmendment({0, "", 3, " ", NoteSection::kPlan, "", {}}, kToday);
    BOOST_TEST_REQUIRE(problems.size() == 2u);
    BOOST_TEST(problems[0].field == "reason");
    BOOST_TEST(problems[1].field == "text");
}

BOOST_AUTO_TEST_CASE(a_whole_note_correction_is_checked_like_a_note) {
    Amendment amendment{
        0, "", 3, "Pain recorded on the wrong side", NoteSection::kAssessment, "", HamstringNote()};
    BOOST_TEST(ValidateAmendment(amendment, kToday).empty());
    amendment.corrected->regions[1].pain_after = 12;
    amendment.corrected->techniques.clear();
    const auto problems = ValidateAmendment(amendment, kToday);
    BOOST_TEST_REQUIRE(problems.size() == 2u);
    BOOST_TEST(problems[0].field == "corrected.regions[1].pain_after");
    BOOST_TEST(problems[1].field == "corrected.techniques");
}

BOOST_AUTO_TEST_CASE(the_corrected_note_applies_amendments_in_order) {
    SessionNote note = HamstringNote();
    SessionNote whole = HamstringNote();
    whole.regions[0].pain_after = 1;  // recorded on the wrong side
    whole.regions[1].pain_after = 3;
    whole.start_minute = 17 * 60;
    whole.assessment = "Corrected in full.";
    note.amendments.push_back({1, "", 3, "typo", NoteSection::kPlan, "Re-check in 5 days.", {}});
    note.amendments.push_back({2, "", 3, "wrong side", NoteSection::kPlan, "", whole});
    note.amendments.push_back({3, "", 3, "typo", NoteSection::kAssessment, "Last word.", {}});

    const SessionNote corrected = AsCorrected(note);
    BOOST_TEST((corrected.regions[0].pain_after == 1));
    BOOST_TEST(corrected.start_minute == 17 * 60);
    // The whole correction replaced the earlier plan amendment; the later one applies on top.
    BOOST_TEST(corrected.plan == whole.plan);
    BOOST_TEST(corrected.assessment == "Last word.");
    BOOST_TEST(corrected.amendments.size() == 3u);
    BOOST_TEST(corrected.id == note.id);
    BOOST_TEST((note.regions[0].pain_after == 3));  // the original is unchanged
}

BOOST_AUTO_TEST_CASE(sessions_overlap_only_when_their_times_do) {
    SessionNote a = HamstringNote();  // 17:30-18:30
    SessionNote b = a;
    b.start_minute = 18 * 60 + 30;  // starts as a ends
    BOOST_TEST(!Overlaps(a, b));
    b.start_minute = 18 * 60 + 29;
    BOOST_TEST(Overlaps(a, b));
    BOOST_TEST(Overlaps(b, a));
    b.start_minute = 17 * 60;
    b.duration_min = 30;  // ends as a starts
    BOOST_TEST(!Overlaps(a, b));
    b.duration_min = 31;
    BOOST_TEST(Overlaps(a, b));
    b.date = Date{year{2026}, November, day{18}};
    BOOST_TEST(!Overlaps(a, b));
}

BOOST_AUTO_TEST_CASE(copy_last_note_keeps_places_and_techniques_not_text_or_pain) {
    SessionNote previous = HamstringNote();
    previous.id = 41;
    previous.signed_at = "2026-11-19T18:35:00Z";
    previous.signed_by = 3;
    previous.amendments.push_back(
        {1, "2026-11-19T19:00:00Z", 3, "typo", NoteSection::kPlan, "x", {}});
    const SessionNote next = CopyForNextSession(previous, kToday, 9 * 60, 5);
    BOOST_TEST(next.id == 0);
    BOOST_TEST(next.client_id == 7);
    BOOST_TEST(next.therapist_id == 5);
    BOOST_TEST((next.date == kToday));
    BOOST_TEST(next.start_minute == 9 * 60);
    BOOST_TEST(next.duration_min == 60);
    BOOST_TEST((next.position == Position::kProne));
    BOOST_TEST((next.techniques == previous.techniques));
    BOOST_TEST_REQUIRE(next.regions.size() == 3u);
    BOOST_TEST(next.regions[1].pressure == 7);
    BOOST_TEST(!next.regions[1].pain_before.has_value());
    BOOST_TEST(!next.regions[1].pain_after.has_value());
    BOOST_TEST(next.subjective.empty());
    BOOST_TEST(!IsSigned(next));
    BOOST_TEST(next.amendments.empty());
}

BOOST_AUTO_TEST_CASE(clock_times) {
    BOOST_TEST(*ParseClockTime("07:05") == 425);
    BOOST_TEST(*ParseClockTime("23:59") == 1439);
    BOOST_TEST(!ParseClockTime("24:00"));
    BOOST_TEST(!ParseClockTime("7:05"));
    BOOST_TEST(!ParseClockTime("07:60"));
    BOOST_TEST(FormatClockTime(17 * 60 + 30) == "17:30");
}

BOOST_AUTO_TEST_CASE(a_note_round_trips_through_json) {
    const SessionNote original = HamstringNote();
    const auto document = json::parse(SessionNoteToJson(original).dump());
    BOOST_TEST(document["start_time"] == "17:30");
    BOOST_TEST(document["position"] == "prone");
    BOOST_TEST(document["techniques"][0]["technique"] == "trigger_point");
    BOOST_TEST(document["regions"][1]["side"] == "right");
    BOOST_TEST(!document["regions"][2].contains("pain_before"));
    const auto parsed = SessionNoteFromJson(document);
    BOOST_TEST_REQUIRE(parsed.problems.empty());
    SessionNote expected = original;
    expected.client_id = 0;  // not part of the exchange format
    BOOST_TEST((parsed.note == expected));
}

BOOST_AUTO_TEST_CASE(stored_notes_add_ids_signature_and_amendments) {
    SessionNote note = HamstringNote();
    note.id = 12;
    const auto unsigned_json = json::parse(StoredSessionNoteToJson(note).dump());
    BOOST_TEST(unsigned_json["id"] == 12);
    BOOST_TEST(unsigned_json["signed_at"].is_null());
    BOOST_TEST(unsigned_json["amendments"].empty());
    note.signed_at = "2026-11-19T18:35:00Z";
    note.signed_by = 3;
    note.amendments.push_back(
        {4, "2026-11-20T08:00:00Z", 3, "Wrong side", NoteSection::kAssessment, "Left first.", {}});
    const auto stored = json::parse(StoredSessionNoteToJson(note).dump());
    BOOST_TEST(stored["signed_by"] == 3);
    BOOST_TEST(stored["amendments"][0]["section"] == "assessment");
    BOOST_TEST(stored["amendments"][0]["reason"] == "Wrong side");
    // What show --json prints can be read back as a new note.
    BOOST_TEST(SessionNoteFromJson(stored).problems.empty());
}

BOOST_AUTO_TEST_CASE(bad_documents_name_every_problem) {
    const auto result = SessionNoteFromJson(json::parse(R"({
        "date": "2026-02-30", "start_time": "25:00", "position": "standing",
        "techniques": [{"technique": "reiki", "minutes": 10}],
        "regions": [{"region": "hamstrings", "side": "up", "pressure": "hard"}],
        "mood": "good"
    })"));
    std::vector<std::string> fields;
    for (const auto& problem : result.problems) {
        fields.push_back(problem.field + ":" + std::string(ProblemCodeName(problem.code)));
    }
    const std::vector<std::string> expected{
        "mood:unknown_code",
        "date:invalid_date",
        "start_time:invalid_date",
        "duration_min:required",
        "position:unknown_code",
        "techniques[0].technique:unknown_code",
        "regions[0].side:unknown_code",
        "regions[0].pressure:wrong_type",
    };
    BOOST_TEST(fields == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
