#pragma once

// A practice with accounts on either backend, for the tests of the accounts' rules
// (account_service_tests.cpp) and of the server's own (server_rights_tests.cpp).

#include "least_treatment.h"

#include <myodesk/core/appointment.h>
#include <myodesk/services/account_service.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/note_service.h>

#include <chrono>
#include <string>

namespace myodesk::test {

inline const core::Date kToday =
    core::Date{std::chrono::year{2026}, std::chrono::December, std::chrono::day{2}};

inline const std::string kPassword = "correct horse";

// A practice with accounts: the owner, two therapists, a manager and the front desk, one
// client, and a note by each therapist (Tess's private), ended at 10:00 with the clock at noon.
struct AccountsPractice {
    explicit AccountsPractice(db::Database& database)
        : now(services::Clock::FixedOn(kToday).Now()),
          context(database, services::Clock([this] { return now; })) {
        services::AccountService accounts(context);
        owner = accounts.SetUpOwner("Olive Owner", "olive", kPassword);
        tess = accounts.AddStaff({0, "Tess", core::StaffRole::kTherapist, true, "tess"}, kPassword);
        theo = accounts.AddStaff({0, "Theo", core::StaffRole::kTherapist, true, "theo"}, kPassword);
        accounts.AddStaff({0, "Mia", core::StaffRole::kManager, true, "mia"}, kPassword);
        accounts.AddStaff({0, "Fred", core::StaffRole::kFrontDesk, true, "fred"}, kPassword);
        core::Client client;
        client.given_name = "Ann";
        client.family_name = "Smith";
        ann = services::ClientService(context).Add(client).id;
        SignIn("tess");
        private_note = TreatedNoteAt(ann, tess.id, kToday, 9 * 60);
        private_note.is_private = true;
        services::NoteService(context).Save(private_note);
        SignIn("theo");
        theos_note = TreatedNoteAt(ann, theo.id, kToday, 10 * 60);
        services::NoteService(context).Save(theos_note);
    }

    // An hour's appointment for Ann tomorrow, not booked yet.
    core::Appointment AnnTomorrowWith(core::StaffId therapist, int start_minute) const {
        core::Appointment appointment;
        appointment.client_id = ann;
        appointment.therapist_id = therapist;
        appointment.date = core::AddDays(kToday, 1);
        appointment.start_minute = start_minute;
        return appointment;
    }

    void SignIn(const std::string& username) {
        services::AccountService(context).SignIn(username, kPassword);
    }

    services::TimePoint now;
    services::Context context;
    core::Staff owner;
    core::Staff tess;
    core::Staff theo;
    core::ClientId ann = 0;
    core::SessionNote private_note;
    core::SessionNote theos_note;
};

}  // namespace myodesk::test
