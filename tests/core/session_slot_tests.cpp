#include <myodesk/core/session_slot.h>

#include <boost/test/unit_test.hpp>

using namespace myodesk::core;
using namespace std::chrono;

namespace {

const Date kDay{year{2026}, December, day{4}};

SessionSlot Slot(SessionKind kind, std::int64_t id, int start_hour, int start_minute,
                 int duration_min, StaffId therapist, ClientId client) {
    return SessionSlot{.kind = kind,
                       .id = id,
                       .date = kDay,
                       .start_minute = start_hour * 60 + start_minute,
                       .duration_min = duration_min,
                       .therapist_id = therapist,
                       .client_id = client,
                       .room_id = std::nullopt,
                       .room_changeover_min = 0};
}

SessionSlot Note(std::int64_t id, int hour, int minute, int duration, StaffId therapist,
                 ClientId client) {
    return Slot(SessionKind::kNote, id, hour, minute, duration, therapist, client);
}

SessionSlot Booking(std::int64_t id, int hour, int minute, int duration, StaffId therapist,
                    ClientId client) {
    return Slot(SessionKind::kAppointment, id, hour, minute, duration, therapist, client);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(session_slot)

BOOST_AUTO_TEST_CASE(same_therapist_or_same_client_at_overlapping_times_clash) {
    const SessionSlot wanted = Note(0, 10, 0, 60, 1, 7);
    BOOST_TEST(Clashes(wanted, Note(5, 10, 30, 60, 1, 8)));     // therapist busy
    BOOST_TEST(Clashes(wanted, Note(5, 9, 30, 60, 2, 7)));      // client with another
    BOOST_TEST(Clashes(wanted, Booking(5, 10, 59, 30, 2, 7)));  // client booked elsewhere
    BOOST_TEST(Clashes(wanted, Booking(5, 9, 0, 180, 1, 9)));   // therapist booked
    BOOST_TEST(!Clashes(wanted, Note(5, 10, 0, 60, 2, 8)));     // other people
    BOOST_TEST(!Clashes(wanted, Note(5, 11, 0, 60, 1, 7)));     // starts as it ends
    BOOST_TEST(!Clashes(wanted, Note(5, 9, 0, 60, 2, 7)));      // ends as it starts
    SessionSlot next_day = Note(5, 10, 0, 60, 1, 7);
    next_day.date = AddDays(kDay, 1);
    BOOST_TEST(!Clashes(wanted, next_day));
}

BOOST_AUTO_TEST_CASE(a_room_is_taken_until_its_changeover_is_over) {
    SessionSlot wanted = Booking(0, 11, 0, 60, 1, 7);
    wanted.room_id = 3;
    wanted.room_changeover_min = 15;
    SessionSlot before = Booking(5, 10, 0, 50, 2, 8);  // other therapist, other client
    before.room_id = 3;
    before.room_changeover_min = 15;
    // 10:00-10:50 plus 15 minutes' changeover runs to 11:05.
    BOOST_TEST((WhyClashes(wanted, before) == ClashReason::kRoom));
    before.duration_min = 45;  // free at 11:00 exactly
    BOOST_TEST(!Clashes(wanted, before));
    // The wanted one's changeover keeps the room from the next client too.
    SessionSlot after = Booking(6, 12, 10, 30, 2, 8);
    after.room_id = 3;
    after.room_changeover_min = 15;
    BOOST_TEST((WhyClashes(wanted, after) == ClashReason::kRoom));
    after.room_id = 4;
    BOOST_TEST(!Clashes(wanted, after));
    // Without a room there is nothing to share.
    wanted.room_id.reset();
    after.room_id = std::nullopt;
    BOOST_TEST(!Clashes(wanted, after));
}

BOOST_AUTO_TEST_CASE(the_clash_is_named_therapist_first_then_client) {
    SessionSlot wanted = Booking(0, 10, 0, 60, 1, 7);
    wanted.room_id = 3;
    SessionSlot both = Booking(5, 10, 30, 60, 1, 7);
    both.kind = SessionKind::kAppointment;
    both.room_id = 3;
    BOOST_TEST((WhyClashes(wanted, both) == ClashReason::kTherapist));
    both.therapist_id = 2;
    BOOST_TEST((WhyClashes(wanted, both) == ClashReason::kClient));
    both.client_id = 8;
    BOOST_TEST((WhyClashes(wanted, both) == ClashReason::kRoom));
}

BOOST_AUTO_TEST_CASE(a_note_writing_up_its_booking_is_one_session) {
    const SessionSlot note = Note(0, 10, 0, 60, 1, 7);
    BOOST_TEST(!Clashes(note, Booking(3, 10, 0, 60, 1, 7)));
    BOOST_TEST(!Clashes(Booking(0, 10, 15, 45, 1, 7), Note(3, 10, 0, 60, 1, 7)));
    // Two notes of the same pair at the same time are two sessions: one is a mistake.
    BOOST_TEST(Clashes(note, Note(3, 10, 0, 60, 1, 7)));
    BOOST_TEST(Clashes(Booking(0, 10, 0, 60, 1, 7), Booking(3, 10, 0, 60, 1, 7)));
}

BOOST_AUTO_TEST_CASE(a_record_does_not_clash_with_itself) {
    BOOST_TEST(!Clashes(Note(4, 10, 0, 60, 1, 7), Note(4, 10, 30, 60, 1, 7)));
    BOOST_TEST(Clashes(Note(4, 10, 0, 60, 1, 7), Booking(4, 10, 30, 60, 1, 8)));
    // An unsaved record (id 0) is not any saved one.
    BOOST_TEST(Clashes(Note(0, 10, 0, 60, 1, 7), Note(0, 10, 30, 60, 1, 8)));
}

BOOST_AUTO_TEST_CASE(first_clash_is_the_first_in_order) {
    const std::vector<SessionSlot> day = {Note(1, 8, 0, 60, 1, 7), Note(2, 10, 0, 60, 2, 7),
                                          Booking(3, 10, 30, 60, 1, 8)};
    const SessionSlot* clash = FirstClash(Note(0, 10, 15, 60, 1, 7), day);
    BOOST_TEST_REQUIRE(clash != nullptr);
    BOOST_TEST(clash->id == 2);
    BOOST_TEST(FirstClash(Note(0, 12, 0, 60, 1, 7), day) == nullptr);
}

BOOST_AUTO_TEST_CASE(new_note_starts_after_the_therapists_last_note_of_the_day) {
    // 11:40 now: the hour that has just ended started at 10:30; the therapist wrote up
    // 10:00-11:00 already, so the next note starts at 11:00.
    const std::vector<SessionSlot> day = {Note(1, 9, 0, 60, 1, 7), Note(2, 10, 0, 60, 1, 8)};
    BOOST_TEST(FirstFreeStart(Note(0, 10, 30, 60, 1, 9), day) == 11 * 60);
    // Nothing written yet later than the default: it stays.
    BOOST_TEST(FirstFreeStart(Note(0, 14, 0, 60, 1, 9), day) == 14 * 60);
    // Another therapist's notes do not move it.
    BOOST_TEST(FirstFreeStart(Note(0, 10, 30, 60, 2, 9), day) == 10 * 60 + 30);
}

BOOST_AUTO_TEST_CASE(new_note_skips_every_clash_of_therapist_and_client) {
    // After the therapist's 10:00-11:00 note, the client is with therapist 2 until 12:00 and
    // the therapist has a booking with someone else 12:00-12:30.
    const std::vector<SessionSlot> day = {Note(1, 10, 0, 60, 1, 8), Note(2, 11, 0, 60, 2, 9),
                                          Booking(3, 12, 0, 30, 1, 6),
                                          Booking(4, 12, 30, 60, 1, 9)};
    // The client's own booking with this therapist at 12:30 is the session being written up.
    BOOST_TEST(FirstFreeStart(Note(0, 9, 0, 60, 1, 9), day) == 12 * 60 + 30);
}

BOOST_AUTO_TEST_CASE(no_free_start_before_midnight_keeps_the_default) {
    const std::vector<SessionSlot> day = {Note(1, 22, 0, 120, 1, 8)};
    BOOST_TEST(FirstFreeStart(Note(0, 22, 0, 60, 1, 9), day) == 22 * 60);
}

BOOST_AUTO_TEST_SUITE_END()
