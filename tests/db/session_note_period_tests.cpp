// SessionNoteRepository: the notes of a period chunk by chunk, their count, and the clients'
// first and last sessions in a period.

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

// What ForEachBetween passed to visit for a period: every note in order, each chunk's size,
// and what it returned.
struct PeriodRead {
    std::vector<SessionNote> notes;
    std::vector<std::size_t> chunks;
    std::int64_t returned = 0;

    std::vector<core::SessionNoteId> Ids() const {
        std::vector<core::SessionNoteId> ids;
        for (const auto& note : notes) {
            ids.push_back(note.id);
        }
        return ids;
    }
};

PeriodRead ReadPeriod(SessionNoteRepository& notes, std::string_view from, std::string_view to,
                      std::int64_t chunk_size,
                      const std::function<void(const PeriodRead&)>& after_chunk = {}) {
    PeriodRead read;
    read.returned = notes.ForEachBetween(
        D(from), D(to), chunk_size, [&](const std::vector<SessionNote>& chunk) {
            BOOST_TEST(!chunk.empty());
            read.notes.insert(read.notes.end(), chunk.begin(), chunk.end());
            read.chunks.push_back(chunk.size());
            if (after_chunk) {
                after_chunk(read);
            }
            return true;
        });
    return read;
}

// The export of a period reads chunk by chunk: both ends included, oldest first, every list
// with its minutes, pressures and pain, no amendments.

MYODESK_DB_TEST(lists_the_notes_of_a_period_oldest_first_chunk_by_chunk) {
    auto database = test_db.Open();
    SessionNoteRepository notes(database, FixedNow);
    const auto client = AddClient(database);
    const auto other_client = AddClient(database, "Other");
    const auto ann = AddStaff(database, "Ann");
    const auto bo = AddStaff(database, "Bo");

    SessionNote before = MinimalNote(client, ann, "2026-10-31", 23 * 60);
    notes.Add(before);
    SessionNote after = MinimalNote(client, ann, "2026-11-19");
    notes.Add(after);
    std::vector<SessionNote> inside;
    for (int i = 0; i < 7; ++i) {
        SessionNote note = i == 3 ? FullNote(other_client, bo)  // 2026-11-18 17:30
                                  : MinimalNote(i % 2 == 0 ? client : other_client, ann,
                                                "2026-11-01", 8 * 60 + (6 - i) * 60);
        if (i != 3) {
            note.date = DaysAfter("2026-11-01", i * 17 % 18);  // 1 Nov to 18 Nov, out of order
            note.techniques = {{Technique::kSwedish, 15}};
            note.regions = {{Region::kCalves, Side::kRight, 3, 4, std::nullopt}};
        }
        notes.Add(note);
        inside.push_back(note);
    }
    notes.Sign(inside[3].id, bo);
    notes.Amend(inside[3].id, {0, "", bo, "typo", NoteSection::kPlan, "Fixed.", {}});

    std::vector<SessionNote> expected;
    for (const auto& note : inside) {
        SessionNote stored = *notes.Get(note.id);
        stored.amendments.clear();
        expected.push_back(stored);
    }
    std::sort(expected.begin(), expected.end(), [](const SessionNote& a, const SessionNote& b) {
        return std::tie(a.date, a.start_minute, a.id) < std::tie(b.date, b.start_minute, b.id);
    });

    const PeriodRead read = ReadPeriod(notes, "2026-11-01", "2026-11-18", 3);
    BOOST_TEST(read.returned == 7);
    BOOST_TEST(read.chunks == (std::vector<std::size_t>{3, 3, 1}),
               boost::test_tools::per_element());
    BOOST_REQUIRE(read.notes.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        BOOST_TEST((read.notes[i] == expected[i]),
                   "row " << i << ": note " << read.notes[i].id << ", expected " << expected[i].id);
    }
    BOOST_TEST(read.notes.back().signed_at != "");
    BOOST_TEST(read.notes.back().regions.size() == 4u);
    BOOST_TEST(read.notes.back().techniques.size() == 2u);

    // One day.
    const PeriodRead one_day = ReadPeriod(notes, "2026-11-19", "2026-11-19", 10);
    BOOST_TEST(one_day.Ids() == (std::vector<core::SessionNoteId>{after.id}),
               boost::test_tools::per_element());
}

// Ties of date and start time (other therapists) are ordered by id, also where a chunk ends
// inside them: every chunk size lists the same notes in the same order, none twice.
MYODESK_DB_TEST(lists_a_period_in_date_start_id_order_across_chunks) {
    auto database = test_db.Open();
    SessionNoteRepository notes(database, FixedNow);
    std::vector<core::StaffId> therapists;
    std::vector<core::ClientId> clients;  // each therapist's own: a client is in one session
    for (const char* name : {"Ann", "Bo", "Cy", "Di", "Ed"}) {
        therapists.push_back(AddStaff(database, name));
        clients.push_back(AddClient(database, name));
    }
    const auto add = [&](std::size_t therapist, std::string_view date, int start) {
        SessionNote note =
            MinimalNote(clients.at(therapist), therapists.at(therapist), date, start, 45);
        note.techniques = {{Technique::kSwedish, static_cast<int>(10 + therapist)}};
        note.regions = {{Region::kCalves, Side::kLeft, static_cast<int>(1 + therapist),
                         std::nullopt, std::nullopt}};
        return notes.Add(note);
    };
    // Added out of order, so id order is not list order.
    const auto ten_first = add(0, "2026-11-10", 10 * 60);
    const auto nine = add(0, "2026-11-10", 9 * 60);
    std::vector<core::SessionNoteId> ten;
    for (std::size_t therapist = 1; therapist < therapists.size(); ++therapist) {
        ten.push_back(add(therapist, "2026-11-10", 10 * 60));
    }
    const auto evening_before = add(1, "2026-11-09", 23 * 60);
    const auto midnight_after = add(1, "2026-11-11", 0);
    const auto ten_last = add(0, "2026-11-10", 11 * 60);

    const std::vector<core::SessionNoteId> expected{
        evening_before, nine, ten_first, ten[0], ten[1], ten[2], ten[3], ten_last, midnight_after};
    for (const std::int64_t chunk_size : {1, 2, 3, 4, 8, 9, 10, 500}) {
        BOOST_TEST_CONTEXT("chunks of " << chunk_size) {
            const PeriodRead read = ReadPeriod(notes, "2026-11-01", "2026-11-18", chunk_size);
            BOOST_TEST(read.Ids() == expected, boost::test_tools::per_element());
            BOOST_TEST(read.returned == static_cast<std::int64_t>(expected.size()));
            const std::size_t full = static_cast<std::size_t>(chunk_size);
            BOOST_TEST(read.chunks.size() == (expected.size() + full - 1) / full);
            // Each note has its own lists, not a neighbour's.
            for (const auto& note : read.notes) {
                BOOST_REQUIRE(note.techniques.size() == 1u);
                BOOST_REQUIRE(note.regions.size() == 1u);
                const auto therapist = static_cast<std::size_t>(
                    std::find(therapists.begin(), therapists.end(), note.therapist_id) -
                    therapists.begin());
                BOOST_TEST(note.techniques[0].minutes == static_cast<int>(10 + therapist));
                BOOST_TEST(note.regions[0].pressure == static_cast<int>(1 + therapist));
            }
        }
    }
}

// The first and last day are included from their first to their last minute; the days around
// them are not.
MYODESK_DB_TEST(a_period_includes_both_of_its_days_whole) {
    auto database = test_db.Open();
    SessionNoteRepository notes(database, FixedNow);
    const auto client = AddClient(database);
    const auto ann = AddStaff(database, "Ann");
    const auto add = [&](std::string_view date, int start) {
        SessionNote note = MinimalNote(client, ann, date, start, 30);
        return notes.Add(note);
    };
    add("2026-10-31", 23 * 60 + 59);
    const auto first_minute = add("2026-11-01", 0);
    const auto first_day = add("2026-11-01", 12 * 60);
    const auto last_day = add("2026-11-18", 7 * 60);
    const auto last_minute = add("2026-11-18", 23 * 60 + 59);
    add("2026-11-19", 0);

    const std::vector<core::SessionNoteId> expected{first_minute, first_day, last_day, last_minute};
    for (const std::int64_t chunk_size : {1, 2, 4, 100}) {
        BOOST_TEST_CONTEXT("chunks of " << chunk_size) {
            BOOST_TEST(ReadPeriod(notes, "2026-11-01", "2026-11-18", chunk_size).Ids() == expected,
                       boost::test_tools::per_element());
        }
    }
    BOOST_TEST(ReadPeriod(notes, "2026-11-18", "2026-11-18", 1).Ids() ==
                   (std::vector<core::SessionNoteId>{last_day, last_minute}),
               boost::test_tools::per_element());
    BOOST_TEST(notes.CountBetween(D("2026-11-01"), D("2026-11-18")) == 4);
}

// A period without notes never calls visit.
MYODESK_DB_TEST(an_empty_period_lists_nothing) {
    auto database = test_db.Open();
    SessionNoteRepository notes(database, FixedNow);
    BOOST_TEST(ReadPeriod(notes, "2026-01-01", "2026-12-31", 10).chunks.empty());
    const auto client = AddClient(database);
    const auto ann = AddStaff(database, "Ann");
    SessionNote note = MinimalNote(client, ann, "2026-11-18");
    notes.Add(note);
    for (const auto& [from, to] :
         {std::pair{"2026-11-19", "2026-12-31"}, std::pair{"2026-01-01", "2026-11-17"},
          std::pair{"2026-11-19", "2026-11-17"}}) {  // ends before it starts
        const PeriodRead read = ReadPeriod(notes, from, to, 1);
        BOOST_TEST(read.chunks.empty(), from << " to " << to);
        BOOST_TEST(read.returned == 0);
    }
}

// Notes added while the period is read (by visit itself, or at another desk) are listed when
// they come after the notes already passed to visit, and none is listed twice: with offsets,
// a note added before the read's place pushed the last note read into the next page again.
MYODESK_DB_TEST(notes_added_between_chunks_are_listed_once_when_ahead) {
    auto database = test_db.Open();
    SessionNoteRepository notes(database, FixedNow);
    const auto client = AddClient(database);
    const auto ann = AddStaff(database, "Ann");
    const auto add = [&](std::string_view date, int start) {
        SessionNote note = MinimalNote(client, ann, date, start, 30);
        note.techniques = {{Technique::kSports, 20}};
        return notes.Add(note);
    };
    const auto nov2 = add("2026-11-02", 9 * 60);
    const auto nov4 = add("2026-11-04", 9 * 60);
    const auto nov6 = add("2026-11-06", 9 * 60);
    const auto nov8 = add("2026-11-08", 9 * 60);

    std::vector<core::SessionNoteId> added_ahead;
    const PeriodRead read =
        ReadPeriod(notes, "2026-11-01", "2026-11-30", 2, [&](const PeriodRead& so_far) {
            if (so_far.chunks.size() != 1) {
                return;
            }
            add("2026-11-01", 9 * 60);  // before the notes read: not listed
            add("2026-11-04", 8 * 60);  // the last note's day, earlier: not listed
            added_ahead.push_back(add("2026-11-04", 10 * 60));  // same day, later
            added_ahead.push_back(add("2026-11-05", 9 * 60));
        });
    BOOST_REQUIRE(added_ahead.size() == 2u);
    BOOST_TEST(read.Ids() == (std::vector<core::SessionNoteId>{nov2, nov4, added_ahead[0],
                                                               added_ahead[1], nov6, nov8}),
               boost::test_tools::per_element());
    BOOST_TEST(read.returned == 6);
    for (const auto& note : read.notes) {
        BOOST_TEST(note.techniques.size() == 1u, "note " << note.id);
    }
    BOOST_TEST(notes.CountBetween(D("2026-11-01"), D("2026-11-30")) == 8);
}

// visit stops the read by returning false; a chunk needs at least one note.
MYODESK_DB_TEST(a_period_read_stops_when_visit_says_so) {
    auto database = test_db.Open();
    SessionNoteRepository notes(database, FixedNow);
    const auto client = AddClient(database);
    const auto ann = AddStaff(database, "Ann");
    for (int day = 1; day <= 5; ++day) {
        SessionNote note = MinimalNote(client, ann, "2026-11-01");
        note.date = DaysAfter("2026-11-01", day);
        notes.Add(note);
    }
    int visits = 0;
    const auto listed =
        notes.ForEachBetween(D("2026-11-01"), D("2026-11-30"), 2,
                             [&](const std::vector<SessionNote>&) { return ++visits < 2; });
    BOOST_TEST(visits == 2);
    BOOST_TEST(listed == 4);
    BOOST_CHECK_THROW(notes.ForEachBetween(D("2026-11-01"), D("2026-11-30"), 0,
                                           [](const std::vector<SessionNote>&) { return true; }),
                      std::invalid_argument);
}

MYODESK_DB_TEST(counts_the_notes_of_a_period) {
    auto database = test_db.Open();
    SessionNoteRepository notes(database, FixedNow);
    const auto client = AddClient(database);
    const auto ann = AddStaff(database, "Ann");
    BOOST_TEST(notes.CountBetween(D("2026-01-01"), D("2026-12-31")) == 0);
    int hour = 8;
    for (const auto* date :
         {"2026-10-31", "2026-11-01", "2026-11-01", "2026-11-18", "2026-11-19"}) {
        SessionNote note = MinimalNote(client, ann, date, hour++ * 60);
        notes.Add(note);
    }
    BOOST_TEST(notes.CountBetween(D("2026-11-01"), D("2026-11-18")) == 3);
    BOOST_TEST(notes.CountBetween(D("2026-11-01"), D("2026-11-01")) == 2);
    BOOST_TEST(notes.CountBetween(D("2026-10-01"), D("2026-12-31")) == 5);
    BOOST_TEST(notes.CountBetween(D("2026-11-20"), D("2026-12-31")) == 0);
    // The count is what ForEachBetween lists.
    BOOST_TEST(ReadPeriod(notes, "2026-11-01", "2026-11-18", 100).notes.size() == 3u);
}

// The clinic summary's new clients: first session ever (with the therapist, when given) in the
// period, both ends included.

MYODESK_DB_TEST(finds_the_clients_whose_first_session_is_in_a_period) {
    auto database = test_db.Open();
    SessionNoteRepository notes(database, FixedNow);
    const auto ann = AddStaff(database, "Ann");
    const auto bo = AddStaff(database, "Bo");
    BOOST_TEST(notes.FirstSessionsBetween(D("2026-01-01"), D("2026-12-31"), std::nullopt).empty());
    int hour = 6;
    const auto add = [&](core::ClientId client, core::StaffId therapist, const char* date) {
        SessionNote note = MinimalNote(client, therapist, date, hour++ * 60, 30);
        notes.Add(note);
    };
    const auto on_first_day = AddClient(database, "First");  // 2026-10-01
    const auto on_last_day = AddClient(database, "Last");    // 2026-10-31
    const auto seen_before = AddClient(database, "Before");  // 2026-09-30, then in the period
    const auto after = AddClient(database, "After");         // 2026-11-01
    const auto ann_then_bo = AddClient(database, "Switch");  // Ann in September, Bo in October
    const auto never = AddClient(database, "Never");
    add(on_first_day, ann, "2026-10-01");
    add(on_first_day, ann, "2026-10-20");
    add(on_last_day, bo, "2026-10-31");
    add(seen_before, ann, "2026-09-30");
    add(seen_before, ann, "2026-10-15");
    add(after, ann, "2026-11-01");
    add(ann_then_bo, ann, "2026-09-15");
    add(ann_then_bo, bo, "2026-10-10");
    BOOST_TEST(never > 0);

    using Ids = std::vector<core::ClientId>;
    BOOST_TEST(notes.FirstSessionsBetween(D("2026-10-01"), D("2026-10-31"), std::nullopt) ==
                   (Ids{on_first_day, on_last_day}),
               boost::test_tools::per_element());
    BOOST_TEST(
        notes.FirstSessionsBetween(D("2026-10-01"), D("2026-10-31"), ann) == (Ids{on_first_day}),
        boost::test_tools::per_element());
    // Bo saw the switching client first in October.
    BOOST_TEST(notes.FirstSessionsBetween(D("2026-10-01"), D("2026-10-31"), bo) ==
                   (Ids{on_last_day, ann_then_bo}),
               boost::test_tools::per_element());
    BOOST_TEST(notes.FirstSessionsBetween(D("2026-09-30"), D("2026-09-30"), std::nullopt) ==
                   (Ids{seen_before}),
               boost::test_tools::per_element());
    BOOST_TEST(notes.FirstSessionsBetween(D("2026-10-02"), D("2026-10-30"), std::nullopt).empty());
    BOOST_TEST(notes.FirstSessionsBetween(D("2026-01-01"), D("2026-12-31"), std::nullopt).size() ==
               5u);
    BOOST_TEST(notes.FirstSessionsBetween(D("2026-01-01"), D("2026-12-31"), bo + 100).empty());
}

// The lapse window of the clinic summary: each client seen in the period (with the therapist)
// and their last date then; both ends included.
MYODESK_DB_TEST(finds_each_clients_last_session_in_a_period) {
    auto database = test_db.Open();
    SessionNoteRepository notes(database, FixedNow);
    const auto ann = AddStaff(database, "Ann");
    const auto bo = AddStaff(database, "Bo");
    BOOST_TEST(notes.LastSessionsBetween(D("2026-01-01"), D("2026-12-31"), std::nullopt).empty());
    int hour = 6;
    const auto add = [&](core::ClientId client, core::StaffId therapist, const char* date) {
        SessionNote note = MinimalNote(client, therapist, date, hour++ * 60, 30);
        notes.Add(note);
    };
    const auto twice = AddClient(database, "Twice");  // 2026-09-02 and 2026-09-20, Ann
    const auto ends = AddClient(database, "Ends");    // 2026-09-01 (Bo) and 2026-09-30 (Ann)
    const auto outside = AddClient(database, "Out");  // 2026-08-31 and 2026-10-01
    const auto later = AddClient(database, "Later");  // 2026-09-10 (Bo), then 2026-10-05
    add(twice, ann, "2026-09-20");
    add(twice, ann, "2026-09-02");
    add(ends, bo, "2026-09-01");
    add(ends, ann, "2026-09-30");
    add(outside, ann, "2026-08-31");
    add(outside, ann, "2026-10-01");
    add(later, bo, "2026-09-10");
    add(later, bo, "2026-10-05");

    using Seen = std::vector<db::ClientLastSession>;
    BOOST_TEST(
        notes.LastSessionsBetween(D("2026-09-01"), D("2026-09-30"), std::nullopt) ==
            (Seen{{twice, D("2026-09-20")}, {ends, D("2026-09-30")}, {later, D("2026-09-10")}}),
        boost::test_tools::per_element());
    BOOST_TEST(notes.LastSessionsBetween(D("2026-09-01"), D("2026-09-30"), bo) ==
                   (Seen{{ends, D("2026-09-01")}, {later, D("2026-09-10")}}),
               boost::test_tools::per_element());
    BOOST_TEST(notes.LastSessionsBetween(D("2026-09-30"), D("2026-10-01"), std::nullopt) ==
                   (Seen{{ends, D("2026-09-30")}, {outside, D("2026-10-01")}}),
               boost::test_tools::per_element());
    BOOST_TEST(notes.LastSessionsBetween(D("2026-09-21"), D("2026-09-29"), std::nullopt).empty());
    BOOST_TEST(notes.LastSessionsBetween(D("2026-09-01"), D("2026-09-30"), bo + 100).empty());
}

BOOST_AUTO_TEST_SUITE_END()
