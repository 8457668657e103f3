// Signing in at the desk (issue 17): the open practice's bar and turning sign-in on, File ▸
// Lock, the lock after idle time, another user taking over, and the front desk's view of a
// client without its health record.

#include "clients/client_workspace_panel.h"
#include "dialog_script.h"
#include "gui_test_support.h"
#include "reports/audit_log_dialog.h"
#include "shell/main_frame.h"
#include "shell/sign_in_dialog.h"

#include <myodesk/db/client_repository.h>
#include <myodesk/services/account_service.h>

#include <boost/test/unit_test.hpp>
#include <wx/notebook.h>
#include <wx/statusbr.h>
#include <wx/textctrl.h>

#include <string>

using namespace myodesk;
using app::MainFrame;
using app::OwnerSetupDialog;
using app::SignInDialog;
using app::test::DialogScript;
using app::test::MakeClient;
using app::test::TempDatabase;
using app::test::WaitUntil;

namespace {

const std::string kPassword = "correct horse";

struct SignInFrame {
    TempDatabase database;
    services::Context context{database.Get(), app::test::TestClock()};
    core::ClientId ann = 0;
    MainFrame* frame = nullptr;

    SignInFrame() {
        core::Client client = MakeClient("Ann", "Smith");
        db::ClientRepository(database.Get()).Add(client);
        ann = client.id;
    }

    // The owner Olive (signed in), the therapist Tess and Fred at the front desk.
    void TurnOnAccounts() {
        services::AccountService accounts(context);
        accounts.SetUpOwner("Olive Owner", "olive", kPassword);
        accounts.AddStaff({0, "Tess", core::StaffRole::kTherapist, true, "tess"}, kPassword);
        accounts.AddStaff({0, "Fred", core::StaffRole::kFrontDesk, true, "fred"}, kPassword);
    }

    void Open() {
        frame = new MainFrame(nullptr, context);
        frame->Show();
        BOOST_REQUIRE(app::test::RaiseAndWait(*frame));
    }

    ~SignInFrame() {
        if (frame != nullptr) {
            app::test::DestroyAndWait(frame);
        }
    }

    wxString DeskStatus() const { return frame->GetStatusBar()->GetStatusText(1); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(sign_in_tests)

BOOST_FIXTURE_TEST_CASE(an_open_practice_says_so_until_sign_in_is_turned_on, SignInFrame) {
    Open();
    BOOST_TEST(frame->OpenPracticeBar() != nullptr);
    wxString refused;
    DialogScript<OwnerSetupDialog> script([&](OwnerSetupDialog& dialog) {
        dialog.NameCtrl()->SetValue("Olive Owner");
        dialog.UsernameCtrl()->SetValue("olive");
        dialog.PasswordCtrl()->SetValue("short");
        dialog.AgainCtrl()->SetValue("short");
        dialog.TryCreate();  // too short: stays open, says why
        refused = dialog.Problem();
        dialog.PasswordCtrl()->SetValue(kPassword);
        dialog.AgainCtrl()->SetValue(kPassword);
        dialog.TryCreate();
    });
    wxCommandEvent turn_on(wxEVT_BUTTON, MainFrame::kIdTurnOnSignIn);
    frame->ProcessWindowEvent(turn_on);
    BOOST_TEST(script.Ran());
    BOOST_TEST(refused.Contains("at least 8"), refused);
    BOOST_TEST(context.AccountsOn());
    BOOST_TEST(frame->OpenPracticeBar() == nullptr);
    BOOST_TEST(DeskStatus().Contains("Signed in: Olive Owner"), DeskStatus());
}

BOOST_FIXTURE_TEST_CASE(a_locked_window_shows_nothing_until_the_same_user_signs_in, SignInFrame) {
    TurnOnAccounts();
    Open();
    BOOST_REQUIRE(frame->OpenClient(ann));
    bool hidden = false;
    bool locked = false;
    wxString refused;
    DialogScript<SignInDialog> script([&](SignInDialog& dialog) {
        locked = frame->IsLocked() && !context.Desk().signed_in;
        hidden = !frame->Workspace()->IsShownOnScreen();
        BOOST_TEST_MESSAGE(
            "locked; the username is filled in: " << dialog.UsernameCtrl()->GetValue());
        dialog.PasswordCtrl()->SetValue("wrong password");
        dialog.TrySignIn();
        refused = dialog.Problem();
        dialog.PasswordCtrl()->SetValue(kPassword);
        dialog.TrySignIn();
    });
    frame->Lock();
    BOOST_TEST(script.Ran());
    BOOST_TEST(locked);
    BOOST_TEST(hidden);
    BOOST_TEST(refused.Contains("wrong"), refused);
    // The same user carries on where they were.
    BOOST_TEST(!frame->IsLocked());
    BOOST_TEST(frame->IsWorkspaceShown());
    BOOST_TEST(frame->Workspace()->IsShownOnScreen());
    BOOST_TEST(context.Desk().staff->username == "olive");
}

BOOST_FIXTURE_TEST_CASE(the_window_locks_itself_after_the_idle_time, SignInFrame) {
    TurnOnAccounts();
    Open();
    frame->SetLockAfter(std::chrono::seconds(1));
    bool locked = false;
    DialogScript<SignInDialog> script([&](SignInDialog& dialog) {
        locked = frame->IsLocked();
        dialog.PasswordCtrl()->SetValue(kPassword);
        dialog.TrySignIn();
    });
    BOOST_TEST(WaitUntil("the idle lock and the sign-in", [&] { return script.Ran(); }));
    BOOST_TEST(locked);
    frame->SetLockAfter(std::chrono::minutes(5));
    BOOST_TEST(WaitUntil("unlocked", [&] { return !frame->IsLocked(); }));
}

BOOST_FIXTURE_TEST_CASE(another_user_at_the_lock_closes_the_first_users_client, SignInFrame) {
    TurnOnAccounts();
    Open();
    BOOST_REQUIRE(frame->OpenClient(ann));
    DialogScript<SignInDialog> script([&](SignInDialog& dialog) {
        dialog.UsernameCtrl()->SetValue("tess");
        dialog.PasswordCtrl()->SetValue(kPassword);
        dialog.TrySignIn();
    });
    frame->Lock();
    BOOST_TEST(script.Ran());
    BOOST_TEST(!frame->IsWorkspaceShown());
    BOOST_TEST(DeskStatus().Contains("Signed in: Tess"), DeskStatus());
}

BOOST_FIXTURE_TEST_CASE(the_front_desk_sees_a_client_without_the_health_record, SignInFrame) {
    TurnOnAccounts();
    services::AccountService(context).SignIn("fred", kPassword);
    Open();
    BOOST_REQUIRE(frame->OpenClient(ann));
    BOOST_TEST(frame->Workspace()->Tabs()->GetPageCount() == 1u);  // Profile only
    services::AccountService(context).SignIn("olive", kPassword);
    BOOST_REQUIRE(frame->OpenClient(ann));
    BOOST_TEST(frame->Workspace()->Tabs()->GetPageCount() == 5u);
}

BOOST_FIXTURE_TEST_CASE(the_owner_reads_the_audit_log_and_who_saw_a_client, SignInFrame) {
    TurnOnAccounts();
    services::AccountService(context).SignIn("tess", kPassword);
    Open();
    BOOST_REQUIRE(frame->OpenClient(ann));  // recorded: Tess opened Ann's record
    services::AccountService(context).SignIn("olive", kPassword);
    std::size_t all_rows = 0;
    wxString chain;
    DialogScript<app::AuditLogDialog> everything([&](app::AuditLogDialog& dialog) {
        all_rows = dialog.Rows().size();
        chain = dialog.CheckChain();
        dialog.EndModal(wxID_CANCEL);
    });
    wxCommandEvent audit_log(wxEVT_MENU, MainFrame::kIdAuditLog);
    frame->ProcessWindowEvent(audit_log);
    BOOST_TEST(everything.Ran());
    BOOST_TEST(all_rows > 5u);
    BOOST_TEST(chain.Contains("whole"), chain);

    std::vector<db::AuditEntry> anns;
    DialogScript<app::AuditLogDialog> for_ann([&](app::AuditLogDialog& dialog) {
        anns = dialog.Rows();
        dialog.EndModal(wxID_CANCEL);
    });
    wxCommandEvent access(wxEVT_MENU, MainFrame::kIdClientAccess);
    frame->ProcessWindowEvent(access);
    BOOST_TEST(for_ann.Ran());
    BOOST_REQUIRE(!anns.empty());
    BOOST_TEST(anns.front().action == "client.open");
    BOOST_TEST(anns.front().username == "tess");
    for (const auto& entry : anns) {
        BOOST_TEST((entry.client_id == ann));
    }
}

BOOST_AUTO_TEST_SUITE_END()
