// SessionNoteRepository: a client's notes and the unsigned notes, a page at a time or whole.

#include "session_note_test_support.h"

using namespace myodesk;
using core::Amendment;
using core::NoteSection;
using core::Position;
using core::ProblemCode;
using core::Region;
using core::SessionNote;
using core::Side;
using core::Technique;
using db::SessionNoteRepository;
using namespace myodesk::note_tests;

BOOST_AUTO_TEST_SUITE(session_note_repository_tests)

// 25 notes of one client entered in no particular order, two therapists, two sessions at the
// same time on each day (as an older version could save them; a client is now in one session
// at a time): pages come newest first (date, start, then the later entry).

MYODESK_DB_TEST(pages_a_clients_notes_newest_first) {
    auto database = test_db.Open();
    SessionNoteRepository notes(database, FixedNow);
    const auto client = AddClient(database);
    const auto other_client = AddClient(database, "Other");
    const auto ann = AddStaff(database, "Ann Ó Sé");
    const auto bo = AddStaff(database, "Bo");
    const std::map<core::StaffId, std::string> names{{ann, "Ann Ó Sé"}, {bo, "Bo"}};
    const auto& techniques = core::AllTechniques();
    const auto& regions = core::AllValues<Region>();
    const auto& sides = core::AllValues<Side>();

    std::vector<SessionNote> added;
    for (std::size_t n = 0; n < 25; ++n) {
        const std::size_t i = n * 7 % 25;  // every number 0-24 once, out of order
        SessionNote note = MinimalNote(
            client, i % 2 == 0 ? ann : bo, "2026-10-01",
            8 * 60 + static_cast<int>(i % 4 / 2) * 90 + static_cast<int>(i % 2) * 45, 45);
        note.date = DaysAfter("2026-10-01", static_cast<int>(i / 4));
        note.techniques = {{techniques[i % 5], 25}};
        if (i % 3 == 0) {
            note.techniques.push_back({techniques[(i + 1) % 5], 20});
        }
        note.regions = {
            {regions[i % regions.size()], sides[i % sides.size()], 5, std::nullopt, std::nullopt}};
        if (i % 2 == 1) {
            note.regions.push_back({regions[(i + 3) % regions.size()], Side::kMidline, 3, 1, 0});
        }
        notes.Add(note);
        added.push_back(note);
    }
    // The second therapist's sessions moved onto the first's, behind the rules' back.
    for (SessionNote& note : added) {
        if ((note.start_minute - 8 * 60) % 90 == 45) {
            note.start_minute -= 45;
            long long id = note.id;
            db::SociSession(database)
                << "UPDATE session_notes SET start_minute = start_minute - 45 WHERE id = :id",
                soci::use(id, "id");
        }
    }
    // Some signed, one amended: the summaries say so.
    for (std::size_t k = 0; k < added.size(); k += 4) {
        notes.Sign(added[k].id, added[k].therapist_id);
        added[k] = *notes.Get(added[k].id);
    }
    notes.Amend(added[4].id, {0, "", ann, "typo", NoteSection::kPlan, "Fixed.", {}});
    added[4] = *notes.Get(added[4].id);
    SessionNote others = MinimalNote(other_client, ann, "2026-11-19");
    notes.Add(others);

    std::vector<SessionNote> expected = added;
    std::sort(expected.begin(), expected.end(), [](const SessionNote& a, const SessionNote& b) {
        return std::tie(a.date, a.start_minute, a.id) > std::tie(b.date, b.start_minute, b.id);
    });
    BOOST_TEST(notes.CountForClient(client) == 25);
    BOOST_TEST(notes.CountForClient(other_client) == 1);

    std::vector<db::SessionNoteSummary> listed;
    for (const auto& [offset, size] : {std::pair{0, 10u}, std::pair{10, 10u}, std::pair{20, 5u}}) {
        const auto page = notes.ListForClient(client, offset, 10);
        BOOST_TEST(page.size() == size, "page at " << offset);
        listed.insert(listed.end(), page.begin(), page.end());
    }
    BOOST_REQUIRE(listed.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const auto& note = expected[i];
        BOOST_TEST((listed[i] == SummaryOf(note, names.at(note.therapist_id))),
                   "row " << i << ": " << Describe(listed[i]) << ", expected note " << note.id);
    }
    // Ties on date and time: the later entry first.
    BOOST_TEST((expected[1].date == expected[2].date));
    BOOST_TEST(expected[1].start_minute == expected[2].start_minute);
    BOOST_TEST(listed[1].id > listed[2].id);
    BOOST_TEST(std::count_if(listed.begin(), listed.end(),
                             [](const auto& s) { return s.is_signed; }) == 7);
    BOOST_TEST(std::count_if(listed.begin(), listed.end(),
                             [](const auto& s) { return s.amendment_count == 1; }) == 1);

    BOOST_TEST(notes.ListForClient(client, 25, 10).empty());
    BOOST_TEST(notes.ListForClient(client, 0, 0).empty());
    const auto all = notes.ListForClient(client, 0, INT64_MAX);
    BOOST_TEST(all.size() == 25u);
    const auto own = notes.ListForClient(other_client, 0, 10);
    BOOST_REQUIRE(own.size() == 1u);
    BOOST_TEST((own[0] == SummaryOf(others, "Ann Ó Sé")));
}

MYODESK_DB_TEST(lists_unsigned_notes_oldest_first) {
    auto database = test_db.Open();
    SessionNoteRepository notes(database, FixedNow);
    const auto client = AddClient(database);
    const auto other_client = AddClient(database, "Other");
    const auto ann = AddStaff(database, "Ann");
    const auto bo = AddStaff(database, "Bo");
    BOOST_TEST(notes.CountUnsigned() == 0);
    BOOST_TEST(notes.ListUnsigned(0, 10).empty());

    SessionNote newest = FullNote(client, ann);  // 2026-11-18 17:30
    notes.Add(newest);
    SessionNote oldest = MinimalNote(other_client, bo, "2026-09-01", 12 * 60, 45);
    notes.Add(oldest);
    SessionNote signed_note = MinimalNote(client, bo, "2026-08-01");
    notes.Add(signed_note);
    notes.Sign(signed_note.id, bo);
    SessionNote same_day_earlier = MinimalNote(client, bo, "2026-11-18", 7 * 60, 30);
    notes.Add(same_day_earlier);

    BOOST_TEST(notes.CountUnsigned() == 3);
    const auto unsigned_notes = notes.ListUnsigned(0, 10);
    BOOST_REQUIRE(unsigned_notes.size() == 3u);
    BOOST_TEST((unsigned_notes[0] == SummaryOf(oldest, "Bo")));
    BOOST_TEST((unsigned_notes[1] == SummaryOf(same_day_earlier, "Bo")));
    BOOST_TEST((unsigned_notes[2] == SummaryOf(newest, "Ann")));
    const auto second_page = notes.ListUnsigned(1, 1);
    BOOST_REQUIRE(second_page.size() == 1u);
    BOOST_TEST(second_page[0].id == same_day_earlier.id);

    notes.Sign(oldest.id, bo);
    BOOST_TEST(notes.CountUnsigned() == 2);
    BOOST_TEST(notes.ListUnsigned(0, 10).front().id == same_day_earlier.id);
}

// The progress report reads every note of the client whole, oldest first, amendments included.

MYODESK_DB_TEST(lists_every_note_of_a_client_whole_oldest_first) {
    auto database = test_db.Open();
    int minute = 0;
    SessionNoteRepository notes(database, [&] { return At(minute++); });
    const auto client = AddClient(database);
    const auto other = AddClient(database, "Other");
    const auto ann = AddStaff(database, "Ann");
    const auto bo = AddStaff(database, "Bo");
    BOOST_TEST(notes.ListAllForClient(client).empty());

    std::vector<core::SessionNoteId> ids;
    // Added out of order; two on the same day, the later one added first.
    const std::vector<std::tuple<const char*, int, core::StaffId>> sessions{
        {"2026-11-18", 17 * 60 + 30, ann},
        {"2026-09-02", 9 * 60, bo},
        {"2026-10-10", 15 * 60, ann},
        {"2026-10-10", 8 * 60, bo},
        {"2026-01-05", 12 * 60, ann}};
    for (const auto& [date, start, therapist] : sessions) {
        SessionNote note = std::string_view(date) == "2026-11-18"
                               ? FullNote(client, therapist)
                               : MinimalNote(client, therapist, date, start);
        if (std::string_view(date) == "2026-10-10") {
            note.techniques = {{Technique::kSwedish, 20}};
            note.regions = {{Region::kCalves, Side::kLeft, 4, 5, 2}};
        }
        notes.Add(note);
        ids.push_back(note.id);
    }
    SessionNote others = MinimalNote(other, ann, "2026-10-10", 11 * 60);
    notes.Add(others);
    // Two amendments on one note, one on another, in the order made.
    notes.Sign(ids[0], ann);
    notes.Sign(ids[3], bo);
    notes.Amend(ids[0],
                {0, "", ann, "Wrong side", NoteSection::kAssessment, "Left, not right.", {}});
    notes.Amend(ids[3], {0, "", bo, "Typo", NoteSection::kPlan, "Re-check in 1 week.", {}});
    notes.Amend(ids[0], {0, "", bo, "Called", NoteSection::kPlan, "No deep work «yet».", {}});

    const auto listed = notes.ListAllForClient(client);
    BOOST_TEST_REQUIRE(listed.size() == 5u);
    const std::vector<core::SessionNoteId> expected_order{ids[4], ids[1], ids[3], ids[2], ids[0]};
    for (std::size_t i = 0; i < listed.size(); ++i) {
        BOOST_TEST(listed[i].id == expected_order[i], "row " << i);
        const auto stored = notes.Get(listed[i].id);
        BOOST_TEST_REQUIRE(stored.has_value());
        BOOST_TEST((listed[i] == *stored), "note " << listed[i].id);
    }
    BOOST_TEST_REQUIRE(listed[4].amendments.size() == 2u);
    BOOST_TEST(listed[4].amendments[0].text == "Left, not right.");
    BOOST_TEST(listed[4].amendments[1].text == "No deep work «yet».");
    BOOST_TEST(listed[4].regions.size() == 4u);
    BOOST_TEST_REQUIRE(listed[2].amendments.size() == 1u);
    BOOST_TEST(listed[2].amendments[0].amended_by == bo);
    BOOST_TEST(listed[0].amendments.empty());
    BOOST_TEST(notes.ListAllForClient(other).size() == 1u);
    BOOST_TEST(notes.ListAllForClient(other + 100).empty());

    // A period of the client's notes: both ends included, the same whole notes, in order.
    const auto period = notes.ListForClientBetween(client, D("2026-09-02"), D("2026-11-18"));
    BOOST_TEST_REQUIRE(period.size() == 4u);
    for (std::size_t i = 0; i < period.size(); ++i) {
        BOOST_TEST((period[i] == listed[i + 1]), "row " << i);
    }
    BOOST_TEST(notes.ListForClientBetween(client, D("2026-09-03"), D("2026-11-17")).size() == 2u);
    BOOST_TEST(notes.ListForClientBetween(client, D("2026-10-10"), D("2026-10-10")).size() == 2u);
    BOOST_TEST(notes.ListForClientBetween(client, D("2026-11-19"), D("2027-01-01")).empty());
    BOOST_TEST(notes.ListForClientBetween(other, D("2026-01-01"), D("2026-12-31")).size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
