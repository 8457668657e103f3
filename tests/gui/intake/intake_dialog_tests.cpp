#include "common/date_field.h"
#include "common/form_rows_panel.h"
#include "common/wx_conversions.h"
#include "gui_test_support.h"
#include "intake/intake_dialog.h"

#include <myodesk/core/codes.h>
#include <myodesk/core/intake.h>

#include <boost/test/unit_test.hpp>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/radiobut.h>
#include <wx/textctrl.h>
#include <wx/tglbtn.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>

using namespace myodesk;
using app::IntakeDialog;
using app::test::MakeClient;
using app::test::WaitUntil;
using core::ProblemCode;
using Section = IntakeDialog::Section;
using app::test::Utf8;

namespace {

constexpr core::Date kToday{std::chrono::year{2026}, std::chrono::November, std::chrono::day{20}};

core::Date Day(int year, unsigned month, unsigned day) {
    return core::Date{std::chrono::year{year}, std::chrono::month{month}, std::chrono::day{day}};
}

template <typename Control>
Control* Find(IntakeDialog& dialog, std::string_view field) {
    auto* control = dynamic_cast<Control*>(dialog.ControlFor(field));
    BOOST_REQUIRE_MESSAGE(control != nullptr, "no control for " << field);
    return control;
}

bool HasProblem(const IntakeDialog& dialog, std::string_view field, ProblemCode code) {
    const auto& problems = dialog.Problems();
    return std::any_of(problems.begin(), problems.end(), [&](const core::ValidationProblem& p) {
        return p.field == field && p.code == code;
    });
}

// An intake with every field filled, its conditions in the order the form lists them (the
// conditions on the body first, then the checklist's order).
core::Intake EveryField() {
    using namespace core;
    Intake intake;
    intake.client_id = 7;
    intake.taken_on = Day(2026, 11, 10);
    Health& health = intake.health;
    health.conditions = {
        {ConditionCode::kVaricoseVeins, Region::kCalves, Side::kRight, Day(2019, 6, 1)},
        {ConditionCode::kBruising, Region::kShins, Side::kLeft, std::nullopt},
        {ConditionCode::kOsteoporosis, std::nullopt, std::nullopt, std::nullopt},
        {ConditionCode::kMigraine, std::nullopt, std::nullopt, Day(2020, 1, 1)},
    };
    health.medications = {{"Warfarin 5 mg", MedicationClass::kAnticoagulant},
                          {"Ibuprofen, as needed", MedicationClass::kNsaid}};
    health.surgeries = {
        {Day(2024, 5, 2), Region::kHips, Side::kRight, "hip arthroscopy", "no complications"}};
    health.injuries = {{Day(2026, 11, 16), Region::kAnkles, Side::kLeft, "acute", "trail sprain"}};
    health.allergies = "nut oils";
    RunnerProfile& runner = intake.runner;
    runner.goal_race = {"Valencia Marathon", Day(2026, 12, 6), 42.195};
    runner.goal = RaceGoal::kPersonalBest;
    runner.units = DistanceUnit::kKm;
    runner.runs_per_week = 5;
    runner.long_run_weekday = Weekday::kSunday;
    runner.weekly_distance_km = 55.5;
    runner.longest_run_30d_km = 32;
    runner.recent_runs = {{Day(2026, 11, 15), 30, RunType::kLong},
                          {Day(2026, 11, 17), 8.5, RunType::kEasy}};
    intake.soreness = {{Region::kHamstrings, Side::kLeft, 6}};
    intake.avoid_regions = {{Region::kNeck, Side::kMidline}};
    intake.preferences = {Pressure::kFirm, "no oil on the face"};
    intake.consent = {true, "Ann Smith", Day(2026, 11, 10)};
    return intake;
}

core::Client Ann() {
    core::Client client = MakeClient("Ann", "Smith");
    client.id = 7;
    client.version = 1;
    client.phone = "+44 20 7946 0958";
    return client;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(intake_dialog_tests)

BOOST_AUTO_TEST_CASE(every_field_round_trips_through_the_form) {
    const core::Intake original = EveryField();
    IntakeDialog dialog(nullptr, Ann(), original, kToday);
    BOOST_TEST(!dialog.IsModified());
    BOOST_REQUIRE_MESSAGE(dialog.TransferDataFromWindow(), Utf8(dialog.ProblemText()));
    BOOST_TEST((dialog.GetIntake() == original));
    BOOST_TEST((dialog.GetClient() == Ann()));

    // What the form shows.
    BOOST_TEST(Find<wxCheckBox>(dialog, "health.conditions[2]")->GetValue());  // osteoporosis
    BOOST_TEST(dialog.ConditionBox(core::ConditionCode::kVaricoseVeins)->GetValue());
    BOOST_TEST(dialog.ConditionBox(core::ConditionCode::kMigraine)->GetValue());
    BOOST_TEST(!dialog.ConditionBox(core::ConditionCode::kFever)->GetValue());
    BOOST_TEST(Utf8(Find<wxTextCtrl>(dialog, "runner.goal_race.distance_km")->GetValue()) ==
               "42.195");
    BOOST_TEST(Utf8(Find<wxChoice>(dialog, "soreness[0].pain")->GetStringSelection()) ==
               "6 – moderate");
    BOOST_TEST(Utf8(Find<wxChoice>(dialog, "health.medications[0].class")->GetStringSelection()) ==
               "Anticoagulant (blood thinner)");
}

BOOST_AUTO_TEST_CASE(distances_are_typed_in_the_clients_unit_and_kept_in_km) {
    core::Intake intake = EveryField();
    intake.runner.units = core::DistanceUnit::kMi;
    intake.runner.weekly_distance_km = core::MilesToKm(20);
    IntakeDialog dialog(nullptr, Ann(), intake, kToday);
    wxTextCtrl* weekly = Find<wxTextCtrl>(dialog, "runner.weekly_distance_km");
    BOOST_TEST(Utf8(weekly->GetValue()) == "20");
    BOOST_TEST(Utf8(Find<wxTextCtrl>(dialog, "runner.goal_race.distance_km")->GetValue()) ==
               "26.219");

    weekly->SetValue("26.2");
    BOOST_REQUIRE(dialog.TransferDataFromWindow());
    BOOST_TEST(*dialog.GetIntake().runner.weekly_distance_km == core::MilesToKm(26.2),
               boost::test_tools::tolerance(1e-9));
    BOOST_TEST(dialog.GetIntake().runner.recent_runs[0].distance_km == 30.0,
               boost::test_tools::tolerance(1e-3));

    // Switched to km, the numbers typed are taken as km.
    auto* km = dynamic_cast<wxRadioButton*>(dialog.FindWindow("runner.units.km"));
    BOOST_REQUIRE(km != nullptr);
    km->SetValue(true);
    BOOST_REQUIRE(dialog.TransferDataFromWindow());
    BOOST_TEST(*dialog.GetIntake().runner.weekly_distance_km == 26.2,
               boost::test_tools::tolerance(1e-9));
    BOOST_TEST((dialog.GetIntake().runner.units == core::DistanceUnit::kKm));

    weekly->SetValue("a lot");
    BOOST_TEST(!dialog.TransferDataFromWindow());
    BOOST_TEST(HasProblem(dialog, "runner.weekly_distance_km", ProblemCode::kWrongType));
    BOOST_TEST(Utf8(dialog.ProblemText()).find("Weekly distance: enter a number") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(every_problem_is_named_and_the_cursor_goes_to_the_first) {
    IntakeDialog dialog(nullptr, Ann(), IntakeDialog::NewIntake(7, kToday), kToday);
    dialog.Show();
    BOOST_REQUIRE(app::test::RaiseAndWait(dialog));

    app::FormRowsPanel* soreness = dialog.ListEditor("soreness");
    app::FormRowsPanel* medications = dialog.ListEditor("health.medications");
    BOOST_REQUIRE(soreness != nullptr);
    BOOST_REQUIRE(medications != nullptr);
    soreness->AddRow();  // nothing chosen
    medications->AddRow();
    medications->CellAs<wxTextCtrl>(0, 0)->SetValue("Prednisolone");
    Find<wxTextCtrl>(dialog, "email")->SetValue("ann.example.com");

    BOOST_TEST(!dialog.TransferDataFromWindow());
    BOOST_TEST(HasProblem(dialog, "email", ProblemCode::kInvalidEmail));
    BOOST_TEST(HasProblem(dialog, "health.medications[0].class", ProblemCode::kRequired));
    BOOST_TEST(HasProblem(dialog, "soreness[0].region", ProblemCode::kRequired));
    BOOST_TEST(HasProblem(dialog, "soreness[0].side", ProblemCode::kRequired));
    BOOST_TEST(HasProblem(dialog, "soreness[0].pain", ProblemCode::kRequired));
    BOOST_TEST(HasProblem(dialog, "consent.accepted", ProblemCode::kNotAccepted));
    BOOST_TEST(HasProblem(dialog, "consent.signed_name", ProblemCode::kRequired));

    const std::string shown = Utf8(dialog.ProblemText());
    for (const char* expected : {"Email: this does not look like an email address",
                                 "Medications, row 1 — kind of medication: this field is required.",
                                 "Soreness, row 1 — region: this field is required.",
                                 "Consent: the client must accept the consent statement",
                                 "Consent — name typed by the client: this field is required."}) {
        BOOST_TEST(shown.find(expected) != std::string::npos, expected << " in " << shown);
    }
    // In the order of the form: contact first, so the cursor is in the email field.
    BOOST_TEST(dialog.Problems().front().field == "email");
    BOOST_TEST((dialog.CurrentSection() == Section::kContact));
    BOOST_TEST(WaitUntil("the cursor is in the email field",
                         [&] { return wxWindow::FindFocus() == dialog.ControlFor("email"); }));
    // The sections with something to fix are marked.
    for (const Section section :
         {Section::kContact, Section::kMedications, Section::kSoreness, Section::kConsent}) {
        BOOST_TEST(Utf8(dialog.SectionButton(section)->GetLabelText()).find("⚠") !=
                   std::string::npos);
    }
    BOOST_TEST(Utf8(dialog.SectionButton(Section::kRunner)->GetLabelText()).find("⚠") ==
               std::string::npos);

    // Fixed up to the soreness: the cursor goes there.
    Find<wxTextCtrl>(dialog, "email")->SetValue("ann@example.com");
    medications->CellAs<wxChoice>(0, 1)->SetSelection(
        1 + static_cast<int>(core::MedicationClass::kCorticosteroid));
    BOOST_TEST(!dialog.TransferDataFromWindow());
    BOOST_TEST((dialog.CurrentSection() == Section::kSoreness));
    BOOST_TEST(WaitUntil("the cursor is in the first soreness row",
                         [&] { return wxWindow::FindFocus() == soreness->Cell(0, 0); }));
}

// Issue 15: every date of the intake is typed (the locale's form or ISO); text that is not a
// date is named with what was typed, stays in its field, and nothing is saved in its place.
BOOST_AUTO_TEST_CASE(a_date_the_form_cannot_read_is_named_and_kept) {
    IntakeDialog dialog(nullptr, Ann(), EveryField(), kToday);
    dialog.Show();
    BOOST_REQUIRE(app::test::RaiseAndWait(dialog));
    auto* race = Find<app::DateField>(dialog, "runner.goal_race.date");
    auto* taken = Find<app::DateField>(dialog, "taken_on");
    BOOST_TEST((race->GetDate() == std::optional(Day(2026, 12, 6))));
    race->ChangeValue("02/30/2026");
    taken->ChangeValue("2026-11-31");
    BOOST_TEST(!dialog.TransferDataFromWindow());
    BOOST_TEST(HasProblem(dialog, "runner.goal_race.date", ProblemCode::kInvalidDate));
    BOOST_TEST(HasProblem(dialog, "taken_on", ProblemCode::kInvalidDate));
    const std::string shown = Utf8(dialog.ProblemText());
    BOOST_TEST(shown.find("\u201C02/30/2026\u201D is not a date") != std::string::npos, shown);
    BOOST_TEST(shown.find("\u201C2026-11-31\u201D is not a date") != std::string::npos, shown);
    BOOST_TEST(Utf8(race->GetValue()) == "02/30/2026");  // kept as typed
    // The runner profile is marked; the contact section, where nothing is wrong, is not (the
    // intake date is above the sections).
    BOOST_TEST(Utf8(dialog.SectionButton(Section::kRunner)->GetLabelText()).find("⚠") !=
               std::string::npos);
    BOOST_TEST(Utf8(dialog.SectionButton(Section::kContact)->GetLabelText()).find("⚠") ==
               std::string::npos);

    // ISO and the locale's form are both read.
    race->ChangeValue("2026-12-13");
    taken->ChangeValue(app::FormatLocalDate(Day(2026, 11, 12)));
    BOOST_TEST(dialog.TransferDataFromWindow(), Utf8(dialog.ProblemText()));
    BOOST_TEST((dialog.GetIntake().runner.goal_race.date == std::optional(Day(2026, 12, 13))));
    BOOST_TEST((dialog.GetIntake().taken_on == Day(2026, 11, 12)));
}

BOOST_AUTO_TEST_CASE(ticking_a_condition_on_the_body_asks_where) {
    IntakeDialog dialog(nullptr, Ann(), IntakeDialog::NewIntake(7, kToday), kToday);
    wxCheckBox* bruising = dialog.ConditionBox(core::ConditionCode::kBruising);
    app::FormRowsPanel* where = dialog.ListEditor("health.conditions");
    BOOST_REQUIRE(bruising != nullptr);
    BOOST_REQUIRE(where != nullptr);
    const auto click = [](wxCheckBox* box, bool checked) {
        box->SetValue(checked);
        wxCommandEvent event(wxEVT_CHECKBOX, box->GetId());
        event.SetInt(checked ? 1 : 0);
        event.SetEventObject(box);
        box->ProcessWindowEvent(event);
    };
    click(bruising, true);
    BOOST_REQUIRE(where->RowCount() == 1u);
    BOOST_TEST(Utf8(where->CellAs<wxChoice>(0, 0)->GetStringSelection()) == "Bruising");

    BOOST_TEST(!dialog.TransferDataFromWindow());
    BOOST_TEST(HasProblem(dialog, "health.conditions[0].region", ProblemCode::kRequired));
    BOOST_TEST(dialog.ControlFor("health.conditions[0].region") == where->Cell(0, 1));

    click(bruising, false);
    BOOST_TEST(where->RowCount() == 0u);
}

BOOST_AUTO_TEST_CASE(a_renewal_keeps_the_answers_and_asks_for_consent_again) {
    core::Intake earlier = EveryField();
    earlier.id = 42;
    earlier.created_at = "2026-11-10T09:00:00Z";
    const core::Intake renewal = IntakeDialog::RenewalOf(earlier, kToday);
    BOOST_TEST(renewal.id == 0);
    BOOST_TEST(renewal.created_at.empty());
    BOOST_TEST((renewal.taken_on == kToday));
    BOOST_TEST(!renewal.consent.accepted);
    BOOST_TEST(renewal.consent.signed_name.empty());
    BOOST_TEST((renewal.consent.signed_on == kToday));
    BOOST_TEST((renewal.health == earlier.health));
    BOOST_TEST((renewal.runner == earlier.runner));

    IntakeDialog dialog(nullptr, Ann(), renewal, kToday, earlier.taken_on);
    BOOST_TEST(Utf8(dialog.GetTitle()) == "Renew intake: Ann Smith");
    BOOST_TEST(!Find<wxCheckBox>(dialog, "consent.accepted")->GetValue());
    BOOST_TEST(!dialog.TransferDataFromWindow());
    BOOST_TEST(HasProblem(dialog, "consent.accepted", ProblemCode::kNotAccepted));
    BOOST_TEST((dialog.CurrentSection() == Section::kConsent));
}

BOOST_AUTO_TEST_CASE(sections_are_reached_from_the_keyboard) {
    IntakeDialog dialog(nullptr, Ann(), IntakeDialog::NewIntake(7, kToday), kToday);
    const auto press = [&](int key, int modifiers) {
        wxKeyEvent event(wxEVT_CHAR_HOOK);
        event.m_keyCode = key;
        event.m_altDown = (modifiers & wxMOD_ALT) != 0;
        event.m_controlDown = (modifiers & wxMOD_CONTROL) != 0;
        event.SetEventObject(&dialog);
        dialog.ProcessWindowEvent(event);
    };
    BOOST_TEST((dialog.CurrentSection() == Section::kContact));
    press('H', wxMOD_ALT);  // &Health history
    BOOST_TEST((dialog.CurrentSection() == Section::kHealth));
    press(WXK_PAGEDOWN, wxMOD_CONTROL);
    BOOST_TEST((dialog.CurrentSection() == Section::kMedications));
    press(WXK_PAGEUP, wxMOD_CONTROL);
    BOOST_TEST((dialog.CurrentSection() == Section::kHealth));
    press('T', wxMOD_ALT);  // Consen&t
    BOOST_TEST((dialog.CurrentSection() == Section::kConsent));
    press(WXK_PAGEDOWN, wxMOD_CONTROL);  // the last one stays
    BOOST_TEST((dialog.CurrentSection() == Section::kConsent));
    // Every section has its own mnemonic.
    std::string letters;
    for (std::size_t i = 0; i < IntakeDialog::kSectionCount; ++i) {
        const wxString label = dialog.SectionButton(static_cast<Section>(i))->GetLabel();
        const int amp = label.Find('&');
        BOOST_REQUIRE(amp != wxNOT_FOUND);
        letters += static_cast<char>(wxToupper(label[static_cast<std::size_t>(amp) + 1]));
    }
    std::sort(letters.begin(), letters.end());
    BOOST_TEST((std::adjacent_find(letters.begin(), letters.end()) == letters.end()), letters);
    // Ctrl+S saves (here: validates, and refuses without consent).
    press('S', wxMOD_CONTROL);
    BOOST_TEST(HasProblem(dialog, "consent.accepted", ProblemCode::kNotAccepted));
}

BOOST_AUTO_TEST_SUITE_END()
