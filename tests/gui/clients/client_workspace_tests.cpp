#include "clients/client_dialog.h"
#include "clients/client_list_ctrl.h"
#include "clients/client_workspace_panel.h"
#include "common/code_names.h"
#include "common/date_field.h"
#include "common/form_rows_panel.h"
#include "common/wx_conversions.h"
#include "dialog_script.h"
#include "gui_test_support.h"
#include "intake/contraindication_banner.h"
#include "intake/intake_dialog.h"
#include "plan/plan_panel.h"
#include "reports/reports_panel.h"
#include "shell/main_frame.h"

#include <myodesk/db/client_repository.h>
#include <myodesk/db/clock.h>
#include <myodesk/db/intake_repository.h>

#include <boost/test/unit_test.hpp>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/notebook.h>
#include <wx/radiobut.h>
#include <wx/settings.h>
#include <wx/textctrl.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace myodesk;
using namespace std::chrono_literals;
using app::ClientWorkspacePanel;
using app::IntakeDialog;
using app::MainFrame;
using app::test::ClickAt;
using app::test::ClickInto;
using app::test::ClickUntil;
using app::test::DialogRecorder;
using app::test::IntakeDialogScript;
using app::test::MakeClient;
using app::test::PressKey;
using app::test::RaiseAndWait;
using app::test::TempDatabase;
using app::test::TypeInto;
using app::test::WaitUntil;
using app::test::WaitUntilFocusIn;
using Section = IntakeDialog::Section;
using app::test::Contains;
using app::test::Utf8;

namespace {

// Steps run inside the dialog's event loop, where a Boost.Test exception must not be thrown:
// a missing control ends the run loudly instead.
template <typename Control>
Control& Field(IntakeDialog& dialog, std::string_view name) {
    auto* control = dynamic_cast<Control*>(dialog.ControlFor(name));
    if (control == nullptr) {
        std::fprintf(stderr, "the intake dialog has no control for '%.*s'\n",
                     static_cast<int>(name.size()), name.data());
        std::abort();
    }
    return *control;
}

// A window of a dialog by type and name, or the end of the run (see Field).
template <typename Control>
Control& Named(wxWindow& dialog, const char* name) {
    auto* control = dynamic_cast<Control*>(dialog.FindWindow(name));
    if (control == nullptr) {
        std::fprintf(stderr, "no window named '%s'\n", name);
        std::abort();
    }
    return *control;
}

app::FormRowsPanel& List(IntakeDialog& dialog, std::string_view path) {
    app::FormRowsPanel* list = dialog.ListEditor(path);
    if (list == nullptr) {
        std::fprintf(stderr, "the intake dialog has no list '%.*s'\n",
                     static_cast<int>(path.size()), path.data());
        std::abort();
    }
    return *list;
}

template <typename Enum>
int ChoiceIndex(Enum value) {
    return 1 + static_cast<int>(value);  // after the "Choose…" item
}

// As a person does it: on the consent page, tick "accepts", type the name, click Save; then
// wait until the form has closed (false, with the error named, when something did not happen).
bool AcceptConsentAndSave(IntakeDialog& dialog, const char* name) {
    dialog.ShowSection(Section::kConsent);
    auto& accepted = Field<wxCheckBox>(dialog, "consent.accepted");
    return RaiseAndWait(dialog) &&
           ClickUntil(&accepted, "a click ticked \"accepts\"",
                      [&] { return accepted.GetValue(); }) &&
           TypeInto(&Field<wxTextCtrl>(dialog, "consent.signed_name"), name) &&
           ClickInto(dialog.FindWindow(wxID_SAVE)) &&
           WaitUntil("Save closed the intake form", [&] { return !dialog.IsModal(); });
}

core::Date DaysAgo(int days) {
    return core::Date{std::chrono::sys_days{app::test::TestClock().Today()} -
                      std::chrono::days{days}};
}

// The first step of the acceptance test's intake form (New intake…), ten days ago: a blood
// thinner, a sore left calf, 20 miles a week, a new phone number.
IntakeDialogScript::Step FillInTheFirstIntake(core::Date first_day) {
    return [first_day](IntakeDialog& dialog) {
        Field<app::DateField>(dialog, "taken_on").SetDate(first_day);
        Field<wxTextCtrl>(dialog, "phone").SetValue("+44 20 7946 0111");
        app::FormRowsPanel& medications = List(dialog, "health.medications");
        medications.AddRow();
        medications.CellAs<wxTextCtrl>(0, 0)->SetValue("Warfarin");
        medications.CellAs<wxChoice>(0, 1)->SetSelection(
            ChoiceIndex(core::MedicationClass::kAnticoagulant));
        app::FormRowsPanel& soreness = List(dialog, "soreness");
        soreness.AddRow();
        soreness.CellAs<wxChoice>(0, 0)->SetSelection(ChoiceIndex(core::Region::kCalves));
        soreness.CellAs<wxChoice>(0, 1)->SetSelection(ChoiceIndex(core::Side::kLeft));
        soreness.CellAs<wxChoice>(0, 2)->SetSelection(1 + 6);  // pain 6
        Named<wxRadioButton>(dialog, "runner.units.mi").SetValue(true);
        Field<wxTextCtrl>(dialog, "runner.weekly_distance_km").SetValue("20");
        AcceptConsentAndSave(dialog, "Ann Smith");
    };
}

// The second step (Renew from this…): the answers are there, consent is asked again (what
// the form showed goes to `prefilled_for_renewal`). Fever today.
IntakeDialogScript::Step RenewWithFeverToday(bool& prefilled_for_renewal) {
    return [&prefilled_for_renewal](IntakeDialog& dialog) {
        prefilled_for_renewal =
            List(dialog, "health.medications").RowCount() == 1 &&
            List(dialog, "health.medications").CellAs<wxTextCtrl>(0, 0)->GetValue() == "Warfarin" &&
            !Field<wxCheckBox>(dialog, "consent.accepted").GetValue();
        dialog.ConditionBox(core::ConditionCode::kFever)->SetValue(true);
        AcceptConsentAndSave(dialog, "Ann Smith");
    };
}

// A main window on its own temp database with two clients, shown, destroyed at the end.
struct WorkspaceFrame {
    TempDatabase database;
    services::Context context{database.Get(), app::test::TestClock()};
    db::ClientRepository clients{database.Get()};
    db::IntakeRepository intakes{database.Get()};
    core::Client ann;
    MainFrame* frame = nullptr;

    WorkspaceFrame() {
        DialogRecorder::Instance().Reset();
        core::Client bob = MakeClient("Bob", "Adams");
        clients.Add(bob);
        ann = MakeClient("Ann", "Smith");
        ann.date_of_birth = core::ParseIsoDate("1990-04-02");
        clients.Add(ann);
        frame = new MainFrame(nullptr, context);
        frame->Show();
        BOOST_REQUIRE(RaiseAndWait(*frame));
    }

    ~WorkspaceFrame() {
        if (frame != nullptr) {
            app::test::DestroyAndWait(frame);
        }
    }

    ClientWorkspacePanel& Workspace() { return *frame->Workspace(); }

    bool IsDark() const { return wxSystemSettings::GetAppearance().IsDark(); }

    // --- The steps of the acceptance test, in the order the therapist takes them ---------

    // Ann Smith is the second row (Adams, Smith): click it and press Enter. The click waits
    // until the row is laid out and still (on a busy machine the list may still be laying
    // out). Returns her workspace.
    ClientWorkspacePanel& OpenAnnFromTheListWithTheKeyboard() {
        app::ClientListCtrl* list = frame->ListCtrl();
        BOOST_REQUIRE(
            WaitUntil("the list shows both clients", [&] { return list->GetItemCount() == 2; }));
        const auto second_row = [list] {
            wxRect row;
            list->GetItemRect(1, row);
            return list->ClientToScreen(wxPoint(row.GetLeft() + std::min(row.GetWidth() / 2, 80),
                                                row.GetTop() + row.GetHeight() / 2));
        };
        BOOST_REQUIRE(ClickUntil(list, second_row, "a click on the second row selected it",
                                 [&] { return list->SelectedIndex() == 1; }));
        BOOST_REQUIRE(WaitUntilFocusIn(list));
        BOOST_REQUIRE(PressKey(WXK_RETURN, wxMOD_NONE, [&] { return frame->IsWorkspaceShown(); }));
        BOOST_REQUIRE_MESSAGE(WaitUntil("Enter on the list opened the client",
                                        [&] { return frame->IsWorkspaceShown(); }),
                              "Enter on the list did not open the client");
        return Workspace();
    }

    // Her header, and no intake yet: no banner, nothing to renew, no versions to choose.
    void SeeTheWorkspaceWithoutAnIntake(ClientWorkspacePanel& workspace) {
        BOOST_TEST(Utf8(workspace.HeaderName()) == "Ann Smith");
        BOOST_TEST(Contains(workspace.HeaderDetails(), "years old"));
        BOOST_TEST(Contains(frame->GetTitle(), "Ann Smith"));
        BOOST_TEST(Contains(workspace.StatusText(), "No intake yet"));
        BOOST_TEST(!workspace.IsBannerShown());
        BOOST_TEST(workspace.Tabs()->GetSelection() ==
                   static_cast<int>(ClientWorkspacePanel::kIntakeTab));
        BOOST_TEST(!workspace.RenewIntakeButton()->IsEnabled());
        BOOST_TEST(!workspace.VersionChoice()->IsShown());
    }

    // New intake…: the script's first step fills in the form and saves it. Saved, with what
    // was entered; the contact change with it. Returns the saved intake.
    core::Intake SaveTheFirstIntake(ClientWorkspacePanel& workspace, IntakeDialogScript& script,
                                    core::Date first_day) {
        // The button's click is not what is tested here: it is pressed as its handler sees it.
        BOOST_REQUIRE(app::test::Press(workspace.NewIntakeButton()));
        BOOST_REQUIRE_MESSAGE(WaitUntil("New intake… opened the form and saving closed it",
                                        [&] {
                                            return script.StepsRun() == 1 &&
                                                   !app::test::FindShownDialog<IntakeDialog>();
                                        }),
                              "New intake… did not open the form, or saving did not close it");
        BOOST_TEST(!script.TimedOut());

        const std::optional<core::Intake> first = intakes.Newest(ann.id);
        BOOST_REQUIRE(first);
        BOOST_TEST((first->taken_on == first_day));
        BOOST_REQUIRE(first->health.medications.size() == 1u);
        BOOST_TEST(first->health.medications[0].name == "Warfarin");
        BOOST_TEST((first->health.medications[0].medication_class ==
                    core::MedicationClass::kAnticoagulant));
        BOOST_REQUIRE(first->soreness.size() == 1u);
        BOOST_TEST(
            (first->soreness[0] == core::Soreness{core::Region::kCalves, core::Side::kLeft, 6}));
        BOOST_TEST((first->runner.units == core::DistanceUnit::kMi));
        BOOST_REQUIRE(first->runner.weekly_distance_km);
        BOOST_TEST(*first->runner.weekly_distance_km == core::MilesToKm(20),
                   boost::test_tools::tolerance(1e-9));
        BOOST_TEST(first->consent.accepted);
        BOOST_TEST(first->consent.signed_name == "Ann Smith");
        BOOST_TEST(clients.Get(ann.id)->phone == "+44 20 7946 0111");
        return *first;
    }

    // The banner: amber, no deep tissue.
    void SeeTheCautionBanner(ClientWorkspacePanel& workspace) {
        BOOST_TEST(workspace.IsBannerShown());
        BOOST_TEST((workspace.Banner().level == app::BannerLevel::kCaution));
        BOOST_TEST(Contains(workspace.BannerText(), "No deep tissue: anticoagulants"),
                   Utf8(workspace.BannerText()));
        BOOST_TEST((workspace.BannerBackground() ==
                    app::ColoursFor(app::BannerLevel::kCaution, IsDark()).background));
        BOOST_TEST(Contains(workspace.IntakeText(), "Warfarin"));
        BOOST_TEST(Contains(workspace.IntakeText(), "20 mi"));
        BOOST_TEST(workspace.Versions().size() == 1u);
        BOOST_TEST(workspace.RenewIntakeButton()->IsEnabled());
    }

    // Renew from this…: the script's second step adds fever today and saves.
    void RenewTheIntake(ClientWorkspacePanel& workspace, IntakeDialogScript& script) {
        BOOST_REQUIRE(app::test::Press(workspace.RenewIntakeButton()));
        BOOST_REQUIRE_MESSAGE(
            WaitUntil("Renew from this… opened the form and saving closed it",
                      [&] { return script.Ran() && !app::test::FindShownDialog<IntakeDialog>(); }),
            "Renew from this… did not open the form, or saving did not close it");
        BOOST_TEST(!script.TimedOut());
    }

    // A second version, the `first` kept as it was, and the banner turns red.
    void SeeTheSecondVersionAndTheStopBanner(ClientWorkspacePanel& workspace,
                                             const core::Intake& first) {
        BOOST_TEST(intakes.History(ann.id).size() == 2u);
        const std::optional<core::Intake> second = intakes.Newest(ann.id);
        BOOST_REQUIRE(second);
        BOOST_TEST(second->id != first.id);
        BOOST_TEST((second->taken_on == DaysAgo(0)));
        BOOST_TEST(second->health.medications.size() == 1u);
        BOOST_TEST((intakes.Get(first.id) == first));  // the first is kept as it was
        BOOST_TEST((workspace.Banner().level == app::BannerLevel::kStop));
        BOOST_TEST(Contains(workspace.BannerText(), "No massage — refer: fever"),
                   Utf8(workspace.BannerText()));
        BOOST_TEST(Contains(workspace.BannerText(), "No deep tissue: anticoagulants"));
        BOOST_TEST((workspace.BannerBackground() ==
                    app::ColoursFor(app::BannerLevel::kStop, IsDark()).background));
    }

    // The version chooser lists both, newest first; choosing the first shows its date.
    void ChooseTheFirstVersion(ClientWorkspacePanel& workspace, const core::Intake& first,
                               core::Date first_day) {
        wxChoice* versions = workspace.VersionChoice();
        BOOST_REQUIRE(versions->GetCount() == 2u);
        BOOST_TEST(versions->IsShown());
        const std::string first_date = Utf8(app::FormatReadableDate(first_day));
        BOOST_TEST(Contains(versions->GetString(0), "newest"));
        BOOST_TEST(Contains(versions->GetString(1), first_date));
        versions->SetSelection(1);
        wxCommandEvent choose(wxEVT_CHOICE, versions->GetId());
        choose.SetInt(1);
        choose.SetEventObject(versions);
        versions->ProcessWindowEvent(choose);
        BOOST_TEST(Contains(workspace.IntakeText(), "Intake taken on " + first_date),
                   Utf8(workspace.IntakeText()));
        BOOST_TEST(Contains(workspace.IntakeText(), "Older version"));
        BOOST_TEST((workspace.ShownIntake()->id == first.id));
        // The banner stays that of the newest.
        BOOST_TEST((workspace.Banner().level == app::BannerLevel::kStop));
    }

    // Back to the list with Escape: Ann still selected, and no message box came up.
    void GoBackToTheListWithEscape(ClientWorkspacePanel& workspace) {
        BOOST_REQUIRE(ClickInto(workspace.VersionChoice()->GetParent()));
        BOOST_REQUIRE(WaitUntilFocusIn(&workspace));
        BOOST_REQUIRE(PressKey(WXK_ESCAPE, wxMOD_NONE, [&] { return !frame->IsWorkspaceShown(); }));
        BOOST_REQUIRE(
            WaitUntil("Escape went back to the list", [&] { return !frame->IsWorkspaceShown(); }));
        BOOST_TEST(frame->ListCtrl()->SelectedClient()->id == ann.id);
        BOOST_TEST(Utf8(frame->GetTitle()) == "MyoDesk");
        BOOST_TEST(DialogRecorder::Instance().Messages().empty());
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(client_workspace_tests)

// The acceptance test: open a client from the list with the keyboard, fill in a new intake
// through the real controls, save it, see the banner; renew it, see the new flag, and find
// the first version again in the version chooser.
BOOST_FIXTURE_TEST_CASE(open_a_client_fill_in_intakes_and_see_their_flags, WorkspaceFrame) {
    ClientWorkspacePanel& workspace = OpenAnnFromTheListWithTheKeyboard();
    SeeTheWorkspaceWithoutAnIntake(workspace);

    // The intake form comes twice: New intake…, ten days ago; then Renew from this…, today.
    const core::Date first_day = DaysAgo(10);
    bool prefilled_for_renewal = false;
    IntakeDialogScript script({
        FillInTheFirstIntake(first_day),
        RenewWithFeverToday(prefilled_for_renewal),
    });

    const core::Intake first = SaveTheFirstIntake(workspace, script, first_day);
    SeeTheCautionBanner(workspace);
    RenewTheIntake(workspace, script);
    BOOST_TEST(prefilled_for_renewal);
    SeeTheSecondVersionAndTheStopBanner(workspace, first);
    ChooseTheFirstVersion(workspace, first, first_day);
    GoBackToTheListWithEscape(workspace);
}

BOOST_FIXTURE_TEST_CASE(save_without_consent_is_refused_and_nothing_is_saved, WorkspaceFrame) {
    BOOST_REQUIRE(frame->OpenClient(ann.id));
    ClientWorkspacePanel& workspace = Workspace();

    bool stayed_open_after_enter = false;
    bool stayed_open_after_save = false;
    wxString problems;
    Section section_shown = Section::kContact;
    bool consent_focused = false;
    IntakeDialogScript script([&](IntakeDialog& dialog) {
        app::FormRowsPanel& avoid = List(dialog, "avoid_regions");
        avoid.AddRow();
        avoid.CellAs<wxChoice>(0, 0)->SetSelection(ChoiceIndex(core::Region::kNeck));
        avoid.CellAs<wxChoice>(0, 1)->SetSelection(ChoiceIndex(core::Side::kMidline));
        dialog.ShowSection(Section::kConsent);
        RaiseAndWait(dialog);
        // Enter in a one-line field does not close the form: once the key is handled (and
        // whatever it set off), the form is still open.
        TypeInto(&Field<wxTextCtrl>(dialog, "consent.signed_name"), "Ann Smith");
        PressKey(WXK_RETURN, wxMOD_NONE, [&] { return !dialog.IsModal(); });
        app::test::WaitForIdle();
        stayed_open_after_enter = dialog.IsModal();
        // Save, without ticking "accepts".
        ClickInto(dialog.FindWindow(wxID_SAVE));
        WaitUntil("Save named a problem or closed the form",
                  [&] { return !dialog.ProblemText().empty() || !dialog.IsModal(); });
        stayed_open_after_save = dialog.IsModal();
        problems = dialog.ProblemText();
        section_shown = dialog.CurrentSection();
        consent_focused = WaitUntil("the cursor is on \"accepts\"", [&] {
            return wxWindow::FindFocus() == dialog.ControlFor("consent.accepted");
        });
        dialog.EndModal(wxID_CANCEL);
    });
    BOOST_TEST(!workspace.NewIntake());
    BOOST_TEST(script.Ran());
    BOOST_TEST(!script.TimedOut());
    BOOST_TEST(stayed_open_after_enter);
    BOOST_TEST(stayed_open_after_save);
    BOOST_TEST(Contains(problems, "Consent: the client must accept the consent statement"),
               Utf8(problems));
    BOOST_TEST((section_shown == Section::kConsent));
    BOOST_TEST(consent_focused);

    BOOST_TEST(!intakes.Newest(ann.id));
    BOOST_TEST(intakes.History(ann.id).empty());
    BOOST_TEST(Contains(workspace.StatusText(), "No intake yet"));
    BOOST_TEST(DialogRecorder::Instance().Messages().empty());
}

BOOST_FIXTURE_TEST_CASE(cancelling_a_filled_in_form_asks_first, WorkspaceFrame) {
    BOOST_REQUIRE(frame->OpenClient(ann.id));
    bool open_after_keep_editing = false;
    IntakeDialogScript script([&](IntakeDialog& dialog) {
        dialog.ConditionBox(core::ConditionCode::kMigraine)->SetValue(true);
        // "Keep editing" (the recorder's default answer), then "Throw away".
        wxCommandEvent cancel(wxEVT_BUTTON, wxID_CANCEL);
        dialog.FindWindow(wxID_CANCEL)->ProcessWindowEvent(cancel);
        open_after_keep_editing = dialog.IsModal();
        DialogRecorder::Instance().Answer(wxID_YES);
        dialog.FindWindow(wxID_CANCEL)->ProcessWindowEvent(cancel);
    });
    BOOST_TEST(!Workspace().NewIntake());
    BOOST_TEST(script.Ran());
    BOOST_TEST(open_after_keep_editing);
    BOOST_REQUIRE(DialogRecorder::Instance().Messages().size() == 2u);
    BOOST_TEST(Contains(DialogRecorder::Instance().Messages()[0], "Throw away this intake?"));
    BOOST_TEST(intakes.History(ann.id).empty());
}

BOOST_FIXTURE_TEST_CASE(an_old_intake_asks_for_renewal_and_the_profile_can_be_edited,
                        WorkspaceFrame) {
    core::Intake old = IntakeDialog::NewIntake(ann.id, DaysAgo(400));
    old.consent = {true, "Ann Smith", DaysAgo(400)};
    intakes.Add(old);
    BOOST_REQUIRE(frame->OpenClient(ann.id));
    BOOST_TEST(Contains(Workspace().StatusText(), "Intake over a year old"));
    BOOST_TEST(!Workspace().IsBannerShown());
    BOOST_TEST(Workspace().VersionChoice()->GetCount() == 1u);
    // The Reports tab is the client's reports, not a promise.
    BOOST_TEST(Workspace().Tabs()->GetPage(ClientWorkspacePanel::kReportsTab) ==
               static_cast<wxWindow*>(Workspace().Reports()));
    // The Plan tab has no plan yet, and says how to make one.
    BOOST_TEST(Workspace().Tabs()->GetPage(ClientWorkspacePanel::kPlanTab) == Workspace().Plan());
    BOOST_TEST(Contains(Workspace().Plan()->EmptyText(),
                        "Generate a plan from the intake and the training calendar"),
               Utf8(Workspace().Plan()->EmptyText()));
    // Edit details… on the Profile tab: the client dialog, then the profile and header show
    // the change.
    BOOST_TEST(Contains(Workspace().ProfileText(), "Phone: —"));
    app::test::ClientDialogScript edit([](app::ClientDialog& dialog) {
        Named<wxTextCtrl>(dialog, "phone").SetValue("+44 20 7946 0222");
        Named<wxTextCtrl>(dialog, "preferred_name").SetValue("Annie");
        dialog.EndModal(dialog.TransferDataFromWindow() ? wxID_OK : wxID_CANCEL);
    });
    wxCommandEvent edit_click(wxEVT_BUTTON, ClientWorkspacePanel::kIdEditClient);
    Workspace().ProcessWindowEvent(edit_click);
    BOOST_TEST(edit.Ran());
    BOOST_TEST(Contains(Workspace().ProfileText(), "Phone: +44 20 7946 0222"),
               Utf8(Workspace().ProfileText()));
    BOOST_TEST(Utf8(Workspace().HeaderName()) == "Ann \u201CAnnie\u201D Smith");
    BOOST_TEST(Contains(frame->GetTitle(), "Annie"));
    BOOST_TEST(clients.Get(ann.id)->phone == "+44 20 7946 0222");

    // Ctrl+F from the workspace goes back to the search box.
    wxCommandEvent find(wxEVT_MENU, wxID_FIND);
    frame->ProcessWindowEvent(find);
    BOOST_TEST(!frame->IsWorkspaceShown());
}

BOOST_AUTO_TEST_SUITE_END()
