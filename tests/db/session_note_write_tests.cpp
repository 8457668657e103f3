// SessionNoteRepository: adding, editing, signing and amending notes, and copying the last one.

#include "session_note_test_support.h"

#include <myodesk/db/session_clash.h>

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

MYODESK_DB_TEST(round_trips_every_field) {
    auto database = test_db.Open();
    SessionNoteRepository notes(database, FixedNow);
    const auto therapist = AddStaff(database, "Máire Ní Dhomhnaill");
    SessionNote full = FullNote(AddClient(database), therapist);
    full.version = 7;              // storage decides these
    full.signed_at = "yesterday";  // a new note is never signed
    const auto id = notes.Add(full);
    BOOST_TEST(id > 0);
    BOOST_TEST(full.id == id);
    BOOST_TEST(full.version == 1);
    BOOST_TEST(full.created_at == "2026-11-20T09:00:00Z");
    BOOST_TEST(full.updated_at == "2026-11-20T09:00:00Z");
    BOOST_TEST(!core::IsSigned(full));

    const auto stored = notes.Get(id);
    BOOST_REQUIRE(stored);
    BOOST_TEST((*stored == full));
    // The parts compared one by one too, so a failure says which part differs.
    BOOST_TEST((stored->techniques == full.techniques));
    BOOST_TEST((stored->regions == full.regions));
    BOOST_TEST(stored->objective == full.objective);
    BOOST_TEST(core::Utf8Length(stored->objective) == 10000u);
    BOOST_TEST(stored->assessment == full.assessment);
    BOOST_TEST((RowCounts(database) == RowsOf({full})));
    BOOST_TEST(!notes.Get(id + 1000).has_value());

    // No position, no lists.
    SessionNote minimal = MinimalNote(full.client_id, therapist, "2026-11-19");
    notes.Add(minimal);
    const auto stored_minimal = notes.Get(minimal.id);
    BOOST_REQUIRE(stored_minimal);
    BOOST_TEST((*stored_minimal == minimal));
    BOOST_TEST(!stored_minimal->position.has_value());
}

// Every code can be stored and read back: the CHECK lists frozen in the migration must keep up
// with core's codes (a new code needs a new migration step).
MYODESK_DB_TEST(stores_every_code) {
    auto database = test_db.Open();
    SessionNoteRepository notes(database, FixedNow);
    const auto client = AddClient(database);
    const auto therapist = AddStaff(database, "Ann");
    const auto& positions = core::AllPositions();
    const auto& sides = core::AllValues<Side>();
    for (std::size_t i = 0; i < positions.size(); ++i) {
        SessionNote note = MinimalNote(client, therapist, "2026-11-10", int(i) * 300, 60);
        note.position = positions[i];
        if (i == 0) {
            note.duration_min = 240;
            note.techniques.clear();
            note.regions.clear();
            for (const auto technique : core::AllTechniques()) {
                note.techniques.push_back({technique, 10});
            }
            std::size_t n = 0;
            for (const auto region : core::AllValues<Region>()) {
                note.regions.push_back({region, sides[n % sides.size()], int(n % 10) + 1,
                                        int(n % 11), int((n + 5) % 11)});
                ++n;
            }
        }
        notes.Add(note);
        const auto stored = notes.Get(note.id);
        BOOST_REQUIRE(stored);
        BOOST_TEST((*stored == note), "note " << i);
    }
    const auto first = notes.Latest(client);  // the one at 10:00
    BOOST_REQUIRE(first);
    notes.Sign(first->id, therapist);
    for (const auto section : {NoteSection::kSubjective, NoteSection::kObjective,
                               NoteSection::kAssessment, NoteSection::kPlan}) {
        notes.Amend(first->id, {0, "", therapist, "correction", section, "corrected", {}});
    }
    const auto amended = notes.Get(first->id);
    BOOST_REQUIRE(amended);
    BOOST_REQUIRE(amended->amendments.size() == 4u);
    BOOST_TEST((amended->amendments[3].section == NoteSection::kPlan));
}

MYODESK_DB_TEST(refuses_invalid_notes_and_writes_nothing) {
    auto database = test_db.Open();
    SessionNoteRepository notes(database, FixedNow);
    const auto client = AddClient(database);
    const auto therapist = AddStaff(database, "Ann");
    struct Case {
        const char* what;
        std::function<void(SessionNote&)> change;
        const char* field;
    };
    const std::vector<Case> cases{
        {"pressure 0", [](SessionNote& n) { n.regions[0].pressure = 0; }, "regions[0].pressure"},
        {"pressure 11", [](SessionNote& n) { n.regions[3].pressure = 11; }, "regions[3].pressure"},
        {"pain before 11", [](SessionNote& n) { n.regions[1].pain_before = 11; },
         "regions[1].pain_before"},
        {"pain after -1", [](SessionNote& n) { n.regions[0].pain_after = -1; },
         "regions[0].pain_after"},
    };
    for (const auto& c : cases) {
        SessionNote note = FullNote(client, therapist);
        c.change(note);
        ExpectProblem([&] { notes.Add(note); }, c.field, ProblemCode::kOutOfRange, c.what);
        BOOST_TEST(note.id == 0);
    }
    SessionNote tomorrow = FullNote(client, therapist);
    tomorrow.date = D("2026-11-21");
    ExpectProblem([&] { notes.Add(tomorrow); }, "date", ProblemCode::kInFuture, "tomorrow");

    SessionNote unknown_client = FullNote(client + 1000, therapist);
    BOOST_CHECK_THROW(notes.Add(unknown_client), db::NotFoundError);
    SessionNote unknown_therapist = FullNote(client, therapist + 1000);
    BOOST_CHECK_THROW(notes.Add(unknown_therapist), db::NotFoundError);
    BOOST_TEST(unknown_therapist.id == 0);

    BOOST_TEST((RowCounts(database) == RowsOf({})));
    BOOST_TEST(notes.CountForClient(client) == 0);
}

MYODESK_DB_TEST(refuses_an_overlapping_session_of_the_same_therapist) {
    auto database = test_db.Open();
    SessionNoteRepository notes(database, FixedNow);
    const auto client = AddClient(database);
    const auto other_client = AddClient(database, "Other");
    const auto ann = AddStaff(database, "Ann");
    const auto bo = AddStaff(database, "Bo");
    SessionNote booked = FullNote(client, ann);  // 2026-11-18 17:30-18:30
    notes.Add(booked);
    const auto before = RowCounts(database);

    struct Case {
        const char* what;
        int start;
        int duration;
    };
    for (const auto& c : {Case{"the same time", 17 * 60 + 30, 60},
                          Case{"starts inside", 18 * 60, 60}, Case{"ends inside", 17 * 60, 31},
                          Case{"contains it", 17 * 60, 120}, Case{"inside it", 17 * 60 + 45, 15}}) {
        SessionNote note = FullNote(other_client, ann);
        note.start_minute = c.start;
        note.duration_min = c.duration;
        note.techniques = {{Technique::kSwedish, 5}};
        ExpectProblem([&] { notes.Add(note); }, "start_time", ProblemCode::kOverlaps, c.what);
        BOOST_TEST(note.id == 0);
        BOOST_TEST((RowCounts(database) == before), c.what);
    }

    // Another therapist at the same time, and back-to-back sessions of the same one, are fine.
    SessionNote other_therapist = FullNote(other_client, bo);
    BOOST_CHECK_NO_THROW(notes.Add(other_therapist));
    SessionNote right_after = MinimalNote(other_client, ann, "2026-11-18", 18 * 60 + 30, 30);
    BOOST_CHECK_NO_THROW(notes.Add(right_after));
    SessionNote right_before = MinimalNote(other_client, ann, "2026-11-18", 16 * 60 + 30, 60);
    BOOST_CHECK_NO_THROW(notes.Add(right_before));
    SessionNote next_day = MinimalNote(client, ann, "2026-11-19", 17 * 60 + 30, 60);
    BOOST_CHECK_NO_THROW(notes.Add(next_day));
    BOOST_TEST(notes.CountForClient(other_client) == 3);
}

MYODESK_DB_TEST(refuses_a_client_in_two_sessions_and_names_the_clash) {
    auto database = test_db.Open();
    SessionNoteRepository notes(database, FixedNow);
    const auto client = AddClient(database);
    const auto ann = AddStaff(database, "Ann");
    const auto bo = AddStaff(database, "Bo");
    SessionNote with_ann = FullNote(client, ann);  // 2026-11-18 17:30-18:30
    notes.Add(with_ann);
    const auto before = RowCounts(database);

    SessionNote with_bo = MinimalNote(client, bo, "2026-11-18", 18 * 60, 60);
    try {
        notes.Add(with_bo);
        BOOST_ERROR("a client with two therapists at once was saved");
    } catch (const db::ClashError& error) {
        BOOST_TEST(error.Problems().front().field == "start_time");
        BOOST_TEST((error.Other().slot.kind == core::SessionKind::kNote));
        BOOST_TEST(error.Other().slot.id == with_ann.id);
        BOOST_TEST(error.Other().slot.start_minute == 17 * 60 + 30);
        BOOST_TEST(error.Other().therapist_name == "Ann");
        BOOST_TEST(error.Other().client_name == "Zoë Ångström");
    }
    BOOST_TEST((RowCounts(database) == before));

    // Moving an unsigned note onto the other one is refused the same way; the day's sessions
    // are listed with their names, by start.
    SessionNote earlier = MinimalNote(client, bo, "2026-11-18", 16 * 60, 60);
    notes.Add(earlier);
    earlier.start_minute = 17 * 60;
    BOOST_CHECK_THROW(notes.Update(earlier), db::ClashError);
    const auto day = db::SessionsOnDay(database, D("2026-11-18"), {bo, client, std::nullopt});
    BOOST_TEST_REQUIRE(day.size() == 2u);
    BOOST_TEST(day[0].slot.id == earlier.id);
    BOOST_TEST(day[0].slot.start_minute == 16 * 60);
    BOOST_TEST(day[1].slot.id == with_ann.id);
    BOOST_TEST(day[1].therapist_name == "Ann");
}

// The last child row violates a CHECK constraint (a side no enumerator has, which validation
// cannot see): everything written before it in the same Add is rolled back.
MYODESK_DB_TEST(a_failure_in_the_last_child_row_leaves_nothing) {
    auto database = test_db.Open();
    SessionNoteRepository notes(database, FixedNow);
    const auto client = AddClient(database);
    const auto therapist = AddStaff(database, "Ann");
    SessionNote note = FullNote(client, therapist);
    note.regions.push_back({Region::kFeet, static_cast<Side>(99), 3, std::nullopt, std::nullopt});
    try {
        notes.Add(note);
        BOOST_FAIL("the CHECK constraint must refuse the row");
    } catch (const db::DatabaseError& error) {
        std::string message = error.what();
        std::transform(message.begin(), message.end(), message.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        BOOST_TEST(message.find("check constraint") != std::string::npos, message);
    }
    BOOST_TEST(note.id == 0);
    BOOST_TEST((RowCounts(database) == RowsOf({})));
    // The connection is still usable afterwards.
    SessionNote valid = FullNote(client, therapist);
    notes.Add(valid);
    BOOST_TEST((RowCounts(database) == RowsOf({valid})));
}

MYODESK_DB_TEST(updates_an_unsigned_note_and_its_lists) {
    auto database = test_db.Open();
    int minute = 0;
    SessionNoteRepository notes(database, [&] { return At(minute++); });
    const auto client = AddClient(database);
    const auto ann = AddStaff(database, "Ann");
    const auto bo = AddStaff(database, "Bo");
    SessionNote note = FullNote(client, ann);
    notes.Add(note);
    SessionNote other = MinimalNote(client, ann, "2026-11-18", 10 * 60, 60);
    notes.Add(other);

    SessionNote changed = *notes.Get(note.id);
    changed.therapist_id = bo;
    changed.start_minute += 15;  // overlaps its own old time: not a conflict with itself
    changed.position = Position::kSideLying;
    changed.assessment = "Updated: «better»";
    changed.techniques = {{Technique::kMyofascial, 25}};
    changed.regions = {{Region::kItBand, Side::kRight, 6, 4, 2}};
    notes.Update(changed);
    BOOST_TEST(changed.version == 2);
    BOOST_TEST(changed.updated_at == "2026-11-20T09:02:00Z");
    BOOST_TEST(changed.created_at == "2026-11-20T09:00:00Z");
    const auto stored = notes.Get(note.id);
    BOOST_REQUIRE(stored);
    BOOST_TEST((*stored == changed));
    // The old child rows are gone, the other note's untouched.
    BOOST_TEST((RowCounts(database) == RowsOf({changed, other})));
    BOOST_TEST((*notes.Get(other.id) == other));

    // Moved onto the other note's time with the same therapist: refused, nothing changed.
    SessionNote clash = *stored;
    clash.therapist_id = ann;
    clash.start_minute = 10 * 60 + 30;
    ExpectProblem([&] { notes.Update(clash); }, "start_time", ProblemCode::kOverlaps, "clash");
    SessionNote invalid = *stored;
    invalid.regions[0].pressure = 11;
    ExpectProblem([&] { notes.Update(invalid); }, "regions[0].pressure", ProblemCode::kOutOfRange,
                  "pressure 11");
    BOOST_TEST((*notes.Get(note.id) == changed));

    SessionNote missing = changed;
    missing.id += 1000;
    BOOST_CHECK_THROW(notes.Update(missing), db::NotFoundError);
    SessionNote unknown_therapist = changed;
    unknown_therapist.therapist_id = bo + 1000;
    BOOST_CHECK_THROW(notes.Update(unknown_therapist), db::NotFoundError);
}

MYODESK_DB_TEST(a_stale_update_is_a_conflict) {
    auto database = test_db.Open();
    SessionNoteRepository notes(database, FixedNow);
    const auto client = AddClient(database);
    const auto therapist = AddStaff(database, "Ann");
    SessionNote note = FullNote(client, therapist);
    notes.Add(note);
    SessionNote desk_a = *notes.Get(note.id);
    SessionNote desk_b = *notes.Get(note.id);
    desk_a.plan = "Desk A's plan";
    notes.Update(desk_a);
    desk_b.plan = "Desk B's plan";
    desk_b.regions.clear();
    BOOST_CHECK_THROW(notes.Update(desk_b), db::ConflictError);
    const auto stored = notes.Get(note.id);
    BOOST_REQUIRE(stored);
    BOOST_TEST((*stored == desk_a));
    BOOST_TEST(stored->version == 2);
    BOOST_TEST(stored->regions.size() == 4u);
}

MYODESK_DB_TEST(signing_locks_the_note) {
    auto database = test_db.Open();
    int minute = 0;
    SessionNoteRepository notes(database, [&] { return At(minute++); });
    const auto client = AddClient(database);
    const auto therapist = AddStaff(database, "Ann");
    const auto manager = AddStaff(database, "Bo", core::StaffRole::kManager);
    SessionNote note = FullNote(client, therapist);
    notes.Add(note);  // 09:00

    BOOST_CHECK_THROW(notes.Sign(note.id + 1000, therapist), db::NotFoundError);
    BOOST_CHECK_THROW(notes.Sign(note.id, therapist + 1000), db::NotFoundError);
    BOOST_TEST(!core::IsSigned(*notes.Get(note.id)));

    notes.Sign(note.id, therapist);
    const auto signed_note = notes.Get(note.id);
    BOOST_REQUIRE(signed_note);
    BOOST_TEST(core::IsSigned(*signed_note));
    BOOST_TEST(signed_note->signed_at.rfind("2026-11-20T09:0", 0) == 0u, signed_note->signed_at);
    BOOST_TEST((signed_note->signed_by == therapist));
    BOOST_TEST(signed_note->version == 2);
    BOOST_TEST(signed_note->updated_at == signed_note->signed_at);

    // Locked: no edit, no second signature; the note stays as it was.
    SessionNote edit = *signed_note;
    edit.assessment = "changed after signing";
    ExpectProblem([&] { notes.Update(edit); }, "signed_at", ProblemCode::kLocked, "edit");
    ExpectProblem([&] { notes.Sign(note.id, manager); }, "signed_at", ProblemCode::kLocked,
                  "second signature");
    const auto after = notes.Get(note.id);
    BOOST_REQUIRE(after);
    BOOST_TEST((*after == *signed_note));
}

// An unsigned note written by mistake is deleted with its lists (issue 15: it could not be);
// a signed one is kept.
MYODESK_DB_TEST(an_unsigned_note_is_deleted_and_a_signed_one_kept) {
    auto database = test_db.Open();
    SessionNoteRepository notes(database, FixedNow);
    const auto client = AddClient(database);
    const auto therapist = AddStaff(database, "Ann");
    SessionNote kept = FullNote(client, therapist);
    notes.Add(kept);
    SessionNote mistake = FullNote(client, therapist);
    mistake.start_minute = 8 * 60;  // the morning before the kept one
    notes.Add(mistake);
    BOOST_TEST((RowCounts(database) == RowsOf({kept, mistake})));

    notes.Delete(mistake.id);
    BOOST_TEST(!notes.Get(mistake.id).has_value());
    BOOST_TEST((RowCounts(database) == RowsOf({kept})));  // its techniques and regions too
    BOOST_CHECK_THROW(notes.Delete(mistake.id), db::NotFoundError);

    notes.Sign(kept.id, therapist);
    ExpectProblem([&] { notes.Delete(kept.id); }, "signed_at", ProblemCode::kLocked, "delete");
    BOOST_TEST(notes.Get(kept.id).has_value());
    BOOST_TEST((RowCounts(database) == RowsOf({kept})));
}

MYODESK_DB_TEST(amendments_keep_the_original_and_their_order) {
    auto database = test_db.Open();
    int minute = 0;
    SessionNoteRepository notes(database, [&] { return At(minute++); });
    const auto client = AddClient(database);
    const auto therapist = AddStaff(database, "Ann");
    const auto manager = AddStaff(database, "Bo", core::StaffRole::kManager);
    SessionNote note = FullNote(client, therapist);
    notes.Add(note);

    const Amendment first{0,
                          "",
                          therapist,
                          "Wrong side recorded",
                          NoteSection::kAssessment,
                          "Pain down 3 points on the LEFT.",
                          {}};
    ExpectProblem([&] { notes.Amend(note.id, first); }, "signed_at", ProblemCode::kRequired,
                  "unsigned");
    BOOST_TEST((RowCounts(database) == RowsOf({note})));

    notes.Sign(note.id, therapist);
    const auto signed_note = *notes.Get(note.id);
    ExpectProblem(
        [&] {
            notes.Amend(note.id, {0, "", therapist, " ", NoteSection::kPlan, "x", {}});
        },
        "reason", ProblemCode::kRequired, "no reason");
    ExpectProblem(
        [&] {
            notes.Amend(note.id, {0, "", therapist, "why", NoteSection::kPlan, "", {}});
        },
        "text", ProblemCode::kRequired, "no text");
    BOOST_CHECK_THROW(notes.Amend(note.id + 1000, first), db::NotFoundError);
    Amendment by_nobody = first;
    by_nobody.amended_by = manager + 1000;
    BOOST_CHECK_THROW(notes.Amend(note.id, by_nobody), db::NotFoundError);
    BOOST_TEST((RowCounts(database) == RowsOf({signed_note})));

    const auto saved_first = notes.Amend(note.id, first);
    BOOST_TEST(saved_first.id > 0);
    BOOST_TEST(saved_first.amended_at.size() == 20u);
    const Amendment second{0,
                           "",
                           manager,
                           "Plan «clarified» after a call",
                           NoteSection::kPlan,
                           "Re-check on 2026-11-27 instead.\nNo deep work.",
                           {}};
    const auto saved_second = notes.Amend(note.id, second);
    BOOST_TEST(saved_second.id > saved_first.id);
    BOOST_TEST(saved_second.amended_at > saved_first.amended_at);

    const auto amended = notes.Get(note.id);
    BOOST_REQUIRE(amended);
    BOOST_REQUIRE(amended->amendments.size() == 2u);
    BOOST_TEST((amended->amendments[0] == saved_first));
    BOOST_TEST((amended->amendments[1] == saved_second));
    BOOST_TEST(amended->amendments[1].amended_by == manager);
    BOOST_TEST(amended->amendments[1].text == second.text);
    // The original stays as it was signed.
    BOOST_TEST(amended->assessment == note.assessment);
    BOOST_TEST(amended->plan == note.plan);
    BOOST_TEST((amended->regions == note.regions));
    BOOST_TEST(amended->signed_at == signed_note.signed_at);
    BOOST_TEST(amended->version == signed_note.version + 2);
    BOOST_TEST((RowCounts(database) == RowsOf({*amended})));
}

MYODESK_DB_TEST(copies_the_latest_note_for_the_next_session) {
    auto database = test_db.Open();
    SessionNoteRepository notes(database, FixedNow);
    const auto client = AddClient(database);
    const auto other_client = AddClient(database, "Other");
    const auto ann = AddStaff(database, "Ann");
    const auto bo = AddStaff(database, "Bo");
    BOOST_TEST(!notes.Latest(client).has_value());

    SessionNote latest = FullNote(client, ann);  // 2026-11-18 17:30
    notes.Add(latest);
    SessionNote earlier_that_day = MinimalNote(client, bo, "2026-11-18", 8 * 60, 60);
    notes.Add(earlier_that_day);  // entered later, but earlier in the day
    SessionNote older = MinimalNote(client, ann, "2026-11-04", 18 * 60, 60);
    notes.Add(older);
    SessionNote others = MinimalNote(other_client, bo, "2026-11-19", 9 * 60, 30);
    notes.Add(others);

    const auto last = notes.Latest(client);
    BOOST_REQUIRE(last);
    BOOST_TEST(last->id == latest.id);
    notes.Sign(last->id, ann);

    SessionNote next = core::CopyForNextSession(*notes.Latest(client), D("2026-11-19"), 8 * 60, bo);
    notes.Add(next);
    const auto stored = notes.Get(next.id);
    BOOST_REQUIRE(stored);
    BOOST_TEST((*stored == next));
    BOOST_TEST(stored->therapist_id == bo);
    BOOST_TEST(core::FormatIsoDate(stored->date) == "2026-11-19");
    BOOST_TEST((stored->techniques == latest.techniques));
    BOOST_TEST((stored->position == latest.position));
    BOOST_TEST(stored->duration_min == latest.duration_min);
    BOOST_REQUIRE(stored->regions.size() == latest.regions.size());
    for (std::size_t i = 0; i < latest.regions.size(); ++i) {
        BOOST_TEST((stored->regions[i].region == latest.regions[i].region));
        BOOST_TEST((stored->regions[i].side == latest.regions[i].side));
        BOOST_TEST(stored->regions[i].pressure == latest.regions[i].pressure);
        BOOST_TEST(!stored->regions[i].pain_before.has_value());
        BOOST_TEST(!stored->regions[i].pain_after.has_value());
    }
    BOOST_TEST(stored->subjective.empty());
    BOOST_TEST(!core::IsSigned(*stored));
    BOOST_TEST(stored->amendments.empty());
    BOOST_TEST(notes.Latest(client)->id == next.id);
    BOOST_TEST(notes.Latest(other_client)->id == others.id);
}

// Add joins a caller's transaction: when the caller's later step fails, the note goes too.

MYODESK_DB_TEST(add_inside_a_failed_outer_transaction_leaves_nothing) {
    auto database = test_db.Open();
    SessionNoteRepository notes(database, FixedNow);
    const auto client = AddClient(database);
    const auto therapist = AddStaff(database, "Ann");
    try {
        db::Transaction outer(database);
        SessionNote note = FullNote(client, therapist);
        notes.Add(note);
        BOOST_TEST(notes.Get(note.id).has_value());  // visible inside the transaction
        throw std::runtime_error("a later step of the same change failed");
    } catch (const std::runtime_error&) {
    }
    BOOST_TEST((RowCounts(database) == RowsOf({})));
    BOOST_TEST(!notes.Latest(client).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
