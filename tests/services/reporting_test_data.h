#pragma once

#include <myodesk/core/client.h>
#include <myodesk/core/date.h>
#include <myodesk/core/session_note.h>
#include <myodesk/core/staff.h>
#include <myodesk/db/client_repository.h>
#include <myodesk/db/database.h>
#include <myodesk/db/session_note_repository.h>
#include <myodesk/db/staff_repository.h>

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <string>
#include <string_view>

namespace myodesk::test {

inline core::Date Day(std::string_view text) {
    const auto date = core::ParseIsoDate(text);
    BOOST_TEST_REQUIRE(date.has_value(), text);
    return *date;
}

// 2026-11-20 09:00 UTC: notes up to that day are valid.
inline db::TimePoint ReportingNow() {
    return std::chrono::sys_days{std::chrono::year{2026} / 11 / 20} + std::chrono::hours{9};
}

// A clinic busy enough for the readers to take several chunks of 500 notes: October 2026 holds
// 620 sessions of Busy with Ann (20 a day, 25 minutes each, from 07:00) and one of Back with Bo.
// Before October, in the clinic summary's 90-day lapse window (from 3 Jul 2026): Gone (5 Jul
// and 12 Sep, Bo: lapsed), Back (1 Sep, Bo); before the window: Earlier (2 Jul, Ann).
struct BusyClinic {
    static constexpr int kBusySessions = 620;

    explicit BusyClinic(db::Database& database) {
        db::StaffRepository staff(database, ReportingNow);
        ann = AddStaff(staff, "Ann Ó Sé");
        bo = AddStaff(staff, "Bo Ærø");
        db::ClientRepository clients(database, ReportingNow);
        busy = AddClient(clients, "Busy");
        back = AddClient(clients, "Back");
        gone = AddClient(clients, "Gone");
        earlier = AddClient(clients, "Earlier");

        db::Transaction transaction(database);
        db::SessionNoteRepository notes(database, ReportingNow);
        const auto add = [&](core::ClientId client, core::StaffId therapist, core::Date date,
                             int start_minute) {
            core::SessionNote note;
            note.client_id = client;
            note.therapist_id = therapist;
            note.date = date;
            note.start_minute = start_minute;
            note.duration_min = 25;
            note.techniques = {{core::Technique::kSports, 20}};
            note.regions = {{core::Region::kCalves, core::Side::kLeft, 4, 5, 2}};
            notes.Add(note);
        };
        for (int i = 0; i < kBusySessions; ++i) {
            add(busy, ann, core::AddDays(Day("2026-10-01"), i / 20), 7 * 60 + 30 * (i % 20));
        }
        add(back, bo, Day("2026-10-10"), 9 * 60);
        add(back, bo, Day("2026-09-01"), 9 * 60);
        add(gone, bo, Day("2026-07-05"), 9 * 60);
        add(gone, bo, Day("2026-09-12"), 9 * 60);
        add(earlier, ann, Day("2026-07-02"), 9 * 60);
        transaction.Commit();
    }

    static core::StaffId AddStaff(db::StaffRepository& staff, std::string name) {
        core::Staff member;
        member.name = std::move(name);
        return staff.Add(member);
    }

    static core::ClientId AddClient(db::ClientRepository& clients, std::string given) {
        core::Client client;
        client.given_name = std::move(given);
        client.family_name = "Runner";
        return clients.Add(client);
    }

    core::StaffId ann = 0, bo = 0;
    core::ClientId busy = 0, back = 0, gone = 0, earlier = 0;
};

}  // namespace myodesk::test
