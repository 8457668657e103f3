#include "test_database.h"

#include <myodesk/core/text.h>
#include <myodesk/db/client_repository.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/session_note_repository.h>
#include <myodesk/db/staff_repository.h>

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>
#include <soci/soci.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <functional>
#include <map>
#include <ostream>
#include <stdexcept>
#include <tuple>

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

namespace myodesk::db {
// How Boost.Test prints a ClientLastSession in a failed check.
std::ostream& boost_test_print_type(std::ostream& out, const ClientLastSession& seen) {
    return out << "client " << seen.client_id << " on " << core::FormatIsoDate(seen.date);
}
}  // namespace myodesk::db

namespace {

core::Date D(std::string_view text) {
    const auto date = core::ParseIsoDate(text);
    BOOST_TEST_REQUIRE(date.has_value(), text);
    return *date;
}

core::Date DaysAfter(std::string_view first, int days) {
    return core::Date{std::chrono::sys_days{D(first)} + std::chrono::days{days}};
}

// 2026-11-20 09:00 UTC, advanced by `minutes`.
db::TimePoint At(int minutes) {
    return std::chrono::sys_days{std::chrono::year{2026} / 11 / 20} + std::chrono::hours{9} +
           std::chrono::minutes{minutes};
}

db::TimePoint FixedNow() {
    return At(0);
}

core::ClientId AddClient(db::Database& database, std::string given = "Zoë") {
    db::ClientRepository clients(database, FixedNow);
    core::Client client;
    client.given_name = std::move(given);
    client.family_name = "Ångström";
    return clients.Add(client);
}

core::StaffId AddStaff(db::Database& database, std::string name,
                       core::StaffRole role = core::StaffRole::kTherapist) {
    db::StaffRepository staff(database, FixedNow);
    core::Staff member;
    member.name = std::move(name);
    member.role = role;
    return staff.Add(member);
}

// Every field set, text with quotes, Unicode and 10,000 characters, pain given and not.
SessionNote FullNote(core::ClientId client, core::StaffId therapist) {
    SessionNote note;
    note.client_id = client;
    note.therapist_id = therapist;
    note.date = D("2026-11-18");
    note.start_minute = 17 * 60 + 30;
    note.duration_min = 60;
    note.position = Position::kProne;
    note.subjective =
        "Both hamstrings «tight» since Sunday's 32 km; \"stiff on stairs\".\nSlept badly.";
    std::string objective;
    while (core::Utf8Length(objective) < 10000) {
        objective += "ø";
    }
    note.objective = objective;
    note.assessment = "Robert'); DROP TABLE session_notes;-- 反応良好, pain down 3 points";
    note.plan = "Re-check 2026-11-25: Swedish flush.\tHydrate; foam roll 2×10 min.";
    note.techniques = {{Technique::kTriggerPoint, 20}, {Technique::kSports, 35}};
    note.regions = {{Region::kHamstrings, Side::kLeft, 7, 5, 3},
                    {Region::kHamstrings, Side::kRight, 7, 6, 3},
                    {Region::kCalves, Side::kBilateral, 4, std::nullopt, std::nullopt},
                    {Region::kGlutes, Side::kLeft, 8, 2, std::nullopt}};
    return note;
}

// Only what a note needs: client, therapist, date and time. Every list empty.
SessionNote MinimalNote(core::ClientId client, core::StaffId therapist,
                        std::string_view date = "2026-11-18", int start_minute = 9 * 60,
                        int duration_min = 60) {
    SessionNote note;
    note.client_id = client;
    note.therapist_id = therapist;
    note.date = D(date);
    note.start_minute = start_minute;
    note.duration_min = duration_min;
    return note;
}

constexpr std::array<std::string_view, 4> kNoteTables{
    "session_notes", "session_note_techniques", "session_note_regions", "session_note_amendments"};

// Rows in each note table (the names are constants, not user input).
std::map<std::string_view, int> RowCounts(db::Database& database) {
    std::map<std::string_view, int> counts;
    for (const auto table : kNoteTables) {
        int count = -1;
        database.Session() << fmt::format("SELECT COUNT(*) FROM {}", table), soci::into(count);
        counts[table] = count;
    }
    return counts;
}

// The rows the notes take in each table.
std::map<std::string_view, int> RowsOf(const std::vector<SessionNote>& notes) {
    std::map<std::string_view, int> counts{{"session_notes", 0},
                                           {"session_note_techniques", 0},
                                           {"session_note_regions", 0},
                                           {"session_note_amendments", 0}};
    for (const auto& note : notes) {
        counts["session_notes"] += 1;
        counts["session_note_techniques"] += static_cast<int>(note.techniques.size());
        counts["session_note_regions"] += static_cast<int>(note.regions.size());
        counts["session_note_amendments"] += static_cast<int>(note.amendments.size());
    }
    return counts;
}

bool HasProblem(const db::ValidationError& error, std::string_view field, ProblemCode code) {
    const auto& problems = error.Problems();
    return std::any_of(problems.begin(), problems.end(), [&](const core::ValidationProblem& p) {
        return p.field == field && p.code == code;
    });
}

// Runs `action`, which must throw ValidationError naming `field` with `code`.
template <typename Action>
void ExpectProblem(Action&& action, std::string_view field, ProblemCode code,
                   std::string_view what) {
    try {
        action();
        BOOST_ERROR(what << ": must be refused");
    } catch (const db::ValidationError& error) {
        BOOST_TEST(HasProblem(error, field, code), what << ": " << error.what());
    }
}

// The summary a list shows of a stored note.
db::SessionNoteSummary SummaryOf(const SessionNote& note, const std::string& therapist_name) {
    db::SessionNoteSummary summary;
    summary.id = note.id;
    summary.client_id = note.client_id;
    summary.date = note.date;
    summary.start_minute = note.start_minute;
    summary.duration_min = note.duration_min;
    summary.therapist_id = note.therapist_id;
    summary.therapist_name = therapist_name;
    for (const auto& use : note.techniques) {
        summary.techniques.push_back(use.technique);
    }
    for (const auto& work : note.regions) {
        summary.regions.push_back({work.region, work.side});
    }
    summary.is_signed = core::IsSigned(note);
    summary.amendment_count = static_cast<int>(note.amendments.size());
    return summary;
}

std::string Describe(const db::SessionNoteSummary& summary) {
    return fmt::format("note {} {} {}", summary.id, core::FormatIsoDate(summary.date),
                       core::FormatClockTime(summary.start_minute));
}

}  // namespace

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
        notes.Amend(first->id, {0, "", therapist, "correction", section, "corrected"});
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
                          "Pain down 3 points on the LEFT."};
    ExpectProblem([&] { notes.Amend(note.id, first); }, "signed_at", ProblemCode::kRequired,
                  "unsigned");
    BOOST_TEST((RowCounts(database) == RowsOf({note})));

    notes.Sign(note.id, therapist);
    const auto signed_note = *notes.Get(note.id);
    ExpectProblem(
        [&] {
            notes.Amend(note.id, {0, "", therapist, " ", NoteSection::kPlan, "x"});
        },
        "reason", ProblemCode::kRequired, "no reason");
    ExpectProblem(
        [&] {
            notes.Amend(note.id, {0, "", therapist, "why", NoteSection::kPlan, ""});
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
                           "Re-check on 2026-11-27 instead.\nNo deep work."};
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

// 25 notes of one client entered in no particular order, two therapists, two sessions at the
// same time on each day: pages come newest first (date, start, then the later entry).
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
        SessionNote note = MinimalNote(client, i % 2 == 0 ? ann : bo, "2026-10-01",
                                       8 * 60 + static_cast<int>(i % 4 / 2) * 90);
        note.date = DaysAfter("2026-10-01", static_cast<int>(i / 4));
        note.techniques = {{techniques[i % 5], 30}};
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
    // Some signed, one amended: the summaries say so.
    for (std::size_t k = 0; k < added.size(); k += 4) {
        notes.Sign(added[k].id, added[k].therapist_id);
        added[k] = *notes.Get(added[k].id);
    }
    notes.Amend(added[4].id, {0, "", ann, "typo", NoteSection::kPlan, "Fixed."});
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
    notes.Amend(inside[3].id, {0, "", bo, "typo", NoteSection::kPlan, "Fixed."});

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
    const auto client = AddClient(database);
    std::vector<core::StaffId> therapists;
    for (const char* name : {"Ann", "Bo", "Cy", "Di", "Ed"}) {
        therapists.push_back(AddStaff(database, name));
    }
    const auto add = [&](std::size_t therapist, std::string_view date, int start) {
        SessionNote note = MinimalNote(client, therapists.at(therapist), date, start, 45);
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
    notes.Amend(ids[0], {0, "", ann, "Wrong side", NoteSection::kAssessment, "Left, not right."});
    notes.Amend(ids[3], {0, "", bo, "Typo", NoteSection::kPlan, "Re-check in 1 week."});
    notes.Amend(ids[0], {0, "", bo, "Called", NoteSection::kPlan, "No deep work «yet»."});

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
