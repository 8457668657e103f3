// The Plan tab in the real window: a runner with a goal race and a long-run day, a plan
// generated with its button, sessions booked, moved and skipped through their dialogs, and
// the training calendar edited and imported.
#include "clients/client_workspace_panel.h"
#include "common/code_names.h"
#include "common/date_field.h"
#include "common/wx_conversions.h"
#include "dialog_script.h"
#include "gui_test_support.h"
#include "plan/book_session_dialog.h"
#include "plan/move_session_dialog.h"
#include "plan/plan_controller.h"
#include "plan/plan_panel.h"
#include "plan/plan_session_list_ctrl.h"
#include "plan/plan_text.h"
#include "plan/plan_timeline_ctrl.h"
#include "plan/training_day_dialog.h"
#include "plan/training_log_panel.h"
#include "shell/main_frame.h"
#include "shell/settings.h"

#include <myodesk/db/client_repository.h>
#include <myodesk/db/clock.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/intake_repository.h>
#include <myodesk/db/plan_repository.h>
#include <myodesk/db/staff_repository.h>
#include <myodesk/db/training_repository.h>
#include <myodesk/services/practice_setup_service.h>

#include <boost/test/unit_test.hpp>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <string>
#include <vector>

using namespace myodesk;
using namespace std::chrono_literals;
using app::ClientWorkspacePanel;
using app::MainFrame;
using app::PlanPanel;
using app::PlanSessionListCtrl;
using app::test::ClickAt;
using app::test::ClickInto;
using app::test::Contains;
using app::test::DialogRecorder;
using app::test::Press;
using app::test::RaiseAndWait;
using app::test::TempDatabase;
using app::test::TypeInto;
using app::test::Utf8;
using app::test::WaitUntil;
using app::test::WaitUntilLaidOut;
using core::PlannedSessionStatus;

namespace {

core::Date Today() {
    return app::test::TestClock().Today();
}

wxString LastMessage() {
    const auto& messages = DialogRecorder::Instance().Messages();
    return messages.empty() ? wxString() : messages.back();
}

std::string WriteFile(const app::test::TempDir& dir, const char* name, const std::string& text) {
    const std::string path = (dir.Path() / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

// The main window with a runner, Ann Smith, whose newest intake has a goal marathon ten
// weeks ahead and Sunday long runs, and a therapist, Jane Doe, at the desk.
struct PlanFrame : app::test::ClinicFrame {
    db::IntakeRepository intakes{database.Get()};
    db::PlanRepository plans{database.Get()};
    db::TrainingRepository training{database.Get()};
    core::Date race{};

    explicit PlanFrame(core::DistanceUnit units = core::DistanceUnit::kKm,
                       bool with_intake = true) {
        race = core::AddDays(Today(), 70);
        if (with_intake) {
            core::Intake intake;
            intake.client_id = ann.id;
            intake.taken_on = Today();
            intake.runner.goal_race = {"City Marathon", race, 42.195};
            intake.runner.units = units;
            intake.runner.long_run_weekday = core::Weekday::kSunday;
            intake.runner.runs_per_week = 5;
            intake.runner.weekly_distance_km = 55;
            intake.runner.longest_run_30d_km = 28;
            intake.soreness.push_back({core::Region::kHamstrings, core::Side::kLeft, 5});
            intake.consent = {true, "Ann Smith", Today()};
            intakes.Add(intake);
        }
        // The clinic is open 07:00-21:00 every day: a plan's day is any day, its evening not.
        services::PracticeSetupService setup(context);
        for (int day = 0; day < 7; ++day) {
            setup.SetDay(std::nullopt, static_cast<core::Weekday>(day),
                         std::vector<core::TimeRange>{{7 * 60, 21 * 60}});
        }
        Open(jane);
    }

    PlanPanel& Plan() { return *frame->Workspace()->Plan(); }
    PlanSessionListCtrl& List() { return *Plan().SessionList(); }

    void OpenPlanTab() {
        BOOST_REQUIRE(frame->OpenClient(ann.id));
        Workspace().Tabs()->SetSelection(ClientWorkspacePanel::kPlanTab);
        BOOST_REQUIRE(WaitUntilLaidOut(&Plan()));
    }

    // Presses Generate plan (or Regenerate: the button's click is not what is tested) and
    // waits until the plan is saved and its sessions are listed.
    void PressGenerate() {
        const std::size_t before = plans.History(ann.id).size();
        BOOST_REQUIRE(Press(Plan().GenerateButton()));
        BOOST_REQUIRE_MESSAGE(WaitUntil("Generate plan saved a plan",
                                        [&] { return plans.History(ann.id).size() == before + 1; }),
                              "Generate plan saved no plan: " << Utf8(LastMessage()));
        BOOST_REQUIRE(WaitUntil("the new plan's sessions are listed", [&] {
            const std::optional<core::Plan> plan = plans.Current(ann.id);
            return plan && List().GetItemCount() == static_cast<int>(plan->sessions.size());
        }));
        BOOST_REQUIRE(app::test::WaitForIdle());
    }

    // The first session the therapist can still book, after `after`.
    int FirstBookable(int after = -1) {
        for (std::size_t i = static_cast<std::size_t>(after + 1);
             i < Plan().Controller().SessionCount(); ++i) {
            if (Plan().Controller().CanBook(i)) {
                return static_cast<int>(i);
            }
        }
        return -1;
    }

    // Clicks a session's row in the list, once it is scrolled into view and still.
    void ClickRow(int row) {
        List().EnsureVisible(row);
        BOOST_REQUIRE(ClickAt(&List(), [&] {
            wxRect rect;
            List().GetItemRect(row, rect);
            return List().ClientToScreen(
                wxPoint(rect.GetLeft() + 40, rect.GetTop() + rect.GetHeight() / 2));
        }));
        BOOST_REQUIRE(WaitUntil("a click on row " + std::to_string(row) + " chose its session",
                                [&] { return Plan().SelectedSession() == row; }));
    }

    // --- The steps of the acceptance test, in the order the therapist takes them ---------

    // Before anything is generated, the tab says how to make a plan.
    void SeeThatThereIsNoPlanYet() {
        BOOST_TEST(Contains(Plan().EmptyText(), "No plan yet"));
        BOOST_TEST(Contains(Plan().EmptyText(),
                            "Generate a plan from the intake and the training calendar"));
        BOOST_TEST(Utf8(Plan().GenerateButton()->GetLabelText()) == "Generate plan");
    }

    // Generate plan: the list shows the saved plan's sessions, one row each, and the plan's
    // line, warnings and home care. Returns the saved plan.
    core::Plan GenerateAndCheckThePlan() {
        PressGenerate();
        const std::optional<core::Plan> saved = plans.Current(ann.id);
        BOOST_REQUIRE(saved);
        BOOST_REQUIRE(!saved->sessions.empty());
        BOOST_TEST(List().GetItemCount() == static_cast<int>(saved->sessions.size()));
        BOOST_TEST(Plan().Controller().Plan()->id == saved->id);
        for (std::size_t i = 0; i < saved->sessions.size(); ++i) {
            const core::PlannedSession& session = saved->sessions[i];
            const long row = static_cast<long>(i);
            BOOST_TEST(Utf8(List().CellText(row, PlanSessionListCtrl::Column::kDate)) ==
                       Utf8(app::DayText(session.date)));
            BOOST_TEST(Utf8(List().CellText(row, PlanSessionListCtrl::Column::kPressure)) ==
                       std::to_string(session.pressure_max) + "/10");
            BOOST_TEST(Utf8(List().CellText(row, PlanSessionListCtrl::Column::kStatus)) ==
                       "Planned");
            BOOST_TEST(Utf8(List().CellText(row, PlanSessionListCtrl::Column::kPhase)) ==
                       Utf8(app::NameOf(session.phase)));
        }
        BOOST_TEST(Utf8(Plan().GenerateButton()->GetLabelText()) == "Regenerate");
        BOOST_TEST(Plan().EmptyText().empty());
        // The plan's line and its warnings, in the words the CLI uses.
        BOOST_TEST(Contains(Plan().SummaryText(), "race " + Utf8(app::FormatReadableDate(race))),
                   Utf8(Plan().SummaryText()));
        BOOST_TEST(Contains(Plan().SummaryText(), "(in 10 weeks)"), Utf8(Plan().SummaryText()));
        // Made today, from today: the date is said once (it read "Plan of D, D – ...").
        BOOST_TEST(Contains(Plan().SummaryText(), "made that day"), Utf8(Plan().SummaryText()));
        wxString warnings;
        for (const core::PlanWarning& warning : saved->warnings) {
            warnings << (warnings.empty() ? "" : "\n")
                     << app::PlanWarningText(warning, saved->units);
        }
        BOOST_TEST(Utf8(Plan().WarningsText()) == Utf8(warnings));
        BOOST_TEST(!Plan().IsReferShown());
        // No calendar yet: the long runs were assumed on Sundays, and the plan says so.
        BOOST_TEST(Contains(Plan().WarningsText(), "long runs are assumed"),
                   Utf8(Plan().WarningsText()));
        BOOST_TEST(Contains(Plan().HomeCareText(), "Sleep 7-9 hours"), Utf8(Plan().HomeCareText()));
        return *saved;
    }

    // The next session is chosen: its reasons on the right, and on the timeline.
    void SeeWhyTheChosenSessionIsThere(const core::Plan& saved) {
        BOOST_REQUIRE(Plan().SelectedSession() >= 0);
        const auto chosen = static_cast<std::size_t>(Plan().SelectedSession());
        BOOST_TEST(Plan().Timeline()->GetSelection() == Plan().SelectedSession());
        BOOST_TEST(Contains(Plan().DetailsText(), "Why"));
        for (const core::PlanReason& reason : saved.sessions[chosen].reasons) {
            BOOST_TEST(
                Contains(Plan().DetailsText(), Utf8(app::PlanReasonText(reason, saved.units))),
                Utf8(Plan().DetailsText()));
        }
    }

    // A click on another session's marker on the timeline chooses it in the list too.
    void ChooseAnotherSessionOnTheTimeline(const core::Plan& saved) {
        if (saved.sessions.size() > 1) {
            const int other = Plan().SelectedSession() == 0 ? 1 : 0;
            Plan().Timeline()->SetSelection(-1);
            app::PlanTimelineCtrl* timeline = Plan().Timeline();
            BOOST_REQUIRE(ClickAt(timeline, [&] {
                return timeline->ClientToScreen(
                    timeline->SessionPoint(static_cast<std::size_t>(other)));
            }));
            BOOST_TEST(WaitUntil("a click on the marker chose its session",
                                 [&] { return Plan().SelectedSession() == other; }));
            BOOST_TEST(List().SelectedIndex() == other);
        }
    }

    // Book… the first session ahead: a wrong time is named, then 10:30 with Jane Doe. Returns
    // the booked session's row.
    int BookTheFirstSession(const core::Plan& saved) {
        const int booked = FirstBookable();
        BOOST_REQUIRE(booked >= 0);
        ClickRow(booked);
        BOOST_TEST(Plan().BookButton()->IsEnabled());
        wxString problem_shown;
        wxString hours_shown;
        wxString therapist_shown;
        wxString duration_shown;
        app::test::PlanBookDialogScript book([&](app::BookSessionDialog& dialog) {
            RaiseAndWait(dialog);
            therapist_shown = dialog.TherapistChoice()->GetStringSelection();
            duration_shown = dialog.DurationCtrl()->GetValue();
            dialog.TimeCtrl()->Clear();
            TypeInto(dialog.TimeCtrl(), "25:00");
            ClickInto(dialog.FindWindow(wxID_OK));
            WaitUntil("OK named the wrong time", [&] { return !dialog.ProblemText().empty(); });
            problem_shown = dialog.ProblemText();
            // 22:00, after the clinic closes: the desk is asked, says no, and it is named.
            app::test::DialogRecorder::Instance().Answer(wxID_NO);
            dialog.TimeCtrl()->SelectAll();
            dialog.TimeCtrl()->Clear();
            TypeInto(dialog.TimeCtrl(), "22:00");
            ClickInto(dialog.FindWindow(wxID_OK));
            WaitUntil("OK named the hours", [&] {
                return Contains(dialog.ProblemText(), "Not booked: the time is outside");
            });
            hours_shown = dialog.ProblemText();
            dialog.TimeCtrl()->SelectAll();
            dialog.TimeCtrl()->Clear();
            TypeInto(dialog.TimeCtrl(), "10:30");
            ClickInto(dialog.FindWindow(wxID_OK));
            WaitUntil("OK booked the session and closed", [&] { return !dialog.IsModal(); });
        });
        // The button's click is not what is tested here: it is pressed as its handler sees it.
        BOOST_REQUIRE(Press(Plan().BookButton()));
        BOOST_REQUIRE_MESSAGE(
            WaitUntil("Book… opened the dialog and booking closed it",
                      [&] {
                          return book.Ran() &&
                                 !app::test::FindShownDialog<app::BookSessionDialog>();
                      }),
            "Book… did not open the dialog, or booking did not close it");
        BOOST_TEST(!book.TimedOut());
        BOOST_TEST(Utf8(therapist_shown) == "Jane Doe");
        BOOST_TEST(Utf8(duration_shown) ==
                   std::to_string(saved.sessions[static_cast<std::size_t>(booked)].duration_min));
        BOOST_TEST(Contains(problem_shown, "Start time"), Utf8(problem_shown));
        BOOST_TEST(Contains(hours_shown, "Not booked: the time is outside"), Utf8(hours_shown));
        const auto& asked = app::test::DialogRecorder::Instance().Messages();
        BOOST_TEST(std::any_of(asked.begin(), asked.end(), [](const wxString& message) {
            return Contains(message, "outside the clinic's opening hours");
        }));
        SeeTheSessionBookedAtHalfPastTen(booked);
        return booked;
    }

    // What Book… saved: the session booked, one appointment at 10:30 with Jane Doe on its
    // day, shown in the list and the details; it is not booked, moved or skipped again.
    void SeeTheSessionBookedAtHalfPastTen(int booked) {
        const std::optional<core::Plan> now = plans.Current(ann.id);
        BOOST_REQUIRE(now);
        BOOST_TEST((now->sessions[static_cast<std::size_t>(booked)].status ==
                    PlannedSessionStatus::kBooked));
        const std::vector<core::Appointment> appointments = plans.Appointments(ann.id, Today());
        BOOST_REQUIRE(appointments.size() == 1u);
        BOOST_TEST(appointments[0].start_minute == 10 * 60 + 30);
        BOOST_TEST(appointments[0].therapist_id == jane.id);
        BOOST_TEST((appointments[0].date == now->sessions[static_cast<std::size_t>(booked)].date));
        BOOST_TEST(Utf8(List().CellText(booked, PlanSessionListCtrl::Column::kStatus)) ==
                   "Booked 10:30");
        BOOST_TEST(Plan().SelectedSession() == booked);
        BOOST_TEST(Contains(Plan().DetailsText(), "Booked 10:30 with Jane Doe"),
                   Utf8(Plan().DetailsText()));
        // A booked session is not booked, moved or skipped again.
        BOOST_TEST(!Plan().BookButton()->IsEnabled());
        BOOST_TEST(!Plan().MoveButton()->IsEnabled());
        BOOST_TEST(!Plan().SkipButton()->IsEnabled());
    }

    // Skip the next one after `booked`: asked first, then marked skipped. Returns its row.
    int SkipTheNextSession(int booked) {
        const int skipped = FirstBookable(booked);
        BOOST_REQUIRE(skipped >= 0);
        ClickRow(skipped);
        DialogRecorder::Instance().Answer(wxID_YES);
        BOOST_REQUIRE(Press(Plan().SkipButton()));
        BOOST_REQUIRE(WaitUntil("Skip marked the session skipped", [&] {
            const std::optional<core::Plan> now = plans.Current(ann.id);
            return now && now->sessions[static_cast<std::size_t>(skipped)].status ==
                              PlannedSessionStatus::kSkipped;
        }));
        BOOST_TEST(Contains(LastMessage(), "Skip the session of"), Utf8(LastMessage()));
        BOOST_TEST(Utf8(List().CellText(skipped, PlanSessionListCtrl::Column::kStatus)) ==
                   "Skipped");
        BOOST_TEST(!Plan().SkipButton()->IsEnabled());
        BOOST_TEST(!Plan().BookButton()->IsEnabled());
        return skipped;
    }

    // Move… the next one after `skipped`: the dialog shows what the rules say, Move saves it.
    void MoveTheNextSession(int skipped) {
        const int moved = FirstBookable(skipped);
        BOOST_REQUIRE(moved >= 0);
        ClickRow(moved);
        const core::Date from =
            plans.Current(ann.id)->sessions[static_cast<std::size_t>(moved)].date;
        std::optional<core::Date> to;
        wxString preview;
        app::test::PlanMoveDialogScript move([&](app::MoveSessionDialog& dialog) {
            RaiseAndWait(dialog);
            // Issue 15: the day is typed; text that is no date, or a day outside the plan,
            // is named in the preview and Move stays off.
            dialog.DateCtrl()->SetValue("31/31/2026");  // a text event, as typing sends
            const wxString unreadable = dialog.PreviewText();
            const bool refused_unreadable = !dialog.MoveButton()->IsEnabled();
            dialog.DateCtrl()->SetValue(
                app::FormatLocalDate(core::AddDays(plans.Current(ann.id)->to, 1)));
            const wxString outside = dialog.PreviewText();
            BOOST_TEST(refused_unreadable);
            BOOST_TEST(Contains(unreadable, "31/31/2026"), Utf8(unreadable));
            BOOST_TEST(Contains(unreadable, "is not a date"), Utf8(unreadable));
            BOOST_TEST(Contains(outside, "is not a day of the plan"), Utf8(outside));
            BOOST_TEST(!dialog.MoveButton()->IsEnabled());
            // The next day it may go to.
            for (int days = 1; days <= 6 && !to; ++days) {
                dialog.SetDate(core::AddDays(from, days));
                if (dialog.Result() && dialog.Result()->allowed) {
                    to = core::AddDays(from, days);
                }
            }
            preview = dialog.PreviewText();
            if (to) {
                ClickInto(dialog.MoveButton());
                WaitUntil("Move saved the session and closed", [&] { return !dialog.IsModal(); });
            } else {
                dialog.EndModal(wxID_CANCEL);
            }
        });
        BOOST_REQUIRE(Press(Plan().MoveButton()));
        BOOST_REQUIRE(WaitUntil("Move… opened the dialog and it closed", [&] {
            return move.Ran() && !app::test::FindShownDialog<app::MoveSessionDialog>();
        }));
        BOOST_REQUIRE_MESSAGE(
            to, "no day in the week after " << core::FormatIsoDate(from) << " took the session");
        BOOST_TEST(Contains(preview, "On " + Utf8(app::DayText(*to))), Utf8(preview));
        const std::optional<core::Plan> now = plans.Current(ann.id);
        BOOST_REQUIRE(now);
        const auto found =
            std::find_if(now->sessions.begin(), now->sessions.end(),
                         [&](const core::PlannedSession& session) { return session.date == *to; });
        BOOST_REQUIRE(found != now->sessions.end());
        BOOST_TEST((found->moved_from == from));
        BOOST_TEST(Plan().SelectedSession() == static_cast<int>(found - now->sessions.begin()));
        BOOST_TEST(Utf8(List().CellText(Plan().SelectedSession(),
                                        PlanSessionListCtrl::Column::kStatus)) == "Planned, moved");
    }

    // Import… a training calendar (CSV: a tempo run and a Sunday long run each week up to
    // the race, then the race): saved, listed, and the plan says it is out of date; nothing is
    // regenerated until asked. Returns how many days the file held.
    std::size_t ImportATrainingCalendar(const app::test::TempDir& files) {
        Plan().Pages()->SetSelection(PlanPanel::kTrainingPage);
        BOOST_REQUIRE(WaitUntilLaidOut(Plan().Training()));
        std::string csv = "date,type,distance_km\n";
        core::Date sunday = Today();
        while (core::IsoWeekdayIndex(sunday) != 6) {
            sunday = core::AddDays(sunday, 1);
        }
        std::size_t days = 0;
        for (int week = 0; core::AddDays(sunday, 7 * week) < race; ++week) {
            const core::Date day = core::AddDays(sunday, 7 * week);
            csv += core::FormatIsoDate(core::AddDays(day, -4)) + ",tempo,10\n";
            csv += core::FormatIsoDate(day) + ",long," + std::to_string(24 + week) + "\n";
            days += 2;
        }
        csv += core::FormatIsoDate(race) + ",race,42.2\n";
        ++days;
        const std::size_t plans_before = plans.History(ann.id).size();
        DialogRecorder::Instance().Answer(wxID_OK);
        BOOST_REQUIRE(
            Plan().Training()->ImportFile(app::ToWx(WriteFile(files, "training.csv", csv))));
        BOOST_TEST(training.List(ann.id).size() == days);
        BOOST_TEST(Plan().Training()->List()->GetItemCount() == static_cast<int>(days));
        BOOST_TEST(Contains(Plan().Training()->RowText(1), "Long run\t24 km"),
                   Utf8(Plan().Training()->RowText(1)));
        BOOST_TEST(Contains(LastMessage(), std::to_string(days) + " days imported: " +
                                               std::to_string(days) + " new, 0 replaced."),
                   Utf8(LastMessage()));
        BOOST_TEST(Contains(Plan().OutdatedText(), "The training calendar changed"),
                   Utf8(Plan().OutdatedText()));
        BOOST_TEST(plans.History(ann.id).size() == plans_before);
        return days;
    }

    // A file with problems: each named by line and column, and nothing saved (the calendar
    // still holds its `days` days).
    void ImportAFileWithProblems(const app::test::TempDir& files, std::size_t days) {
        const std::string bad = "date,type,distance_km\n" + core::FormatIsoDate(Today()) +
                                ",long,-3\n2026-02-30,easy,5\n" + core::FormatIsoDate(Today()) +
                                ",sprint,4\n";
        BOOST_TEST(!Plan().Training()->ImportFile(app::ToWx(WriteFile(files, "bad.csv", bad))));
        BOOST_TEST(Contains(LastMessage(), "Nothing was imported"), Utf8(LastMessage()));
        BOOST_TEST(Contains(LastMessage(), "Line 2 — distance (km)"), Utf8(LastMessage()));
        BOOST_TEST(Contains(LastMessage(), "Line 3 — date"), Utf8(LastMessage()));
        BOOST_TEST(Contains(LastMessage(), "Line 4 — type of run"), Utf8(LastMessage()));
        BOOST_TEST(training.List(ann.id).size() == days);
    }

    // Regenerate: the new plan is built around the calendar, and what changed is shown.
    void RegenerateAroundTheCalendar() {
        PressGenerate();
        BOOST_TEST(Plan().OutdatedText().empty());
        BOOST_TEST(Contains(LastMessage(), "The plan was made again"), Utf8(LastMessage()));
        BOOST_TEST(!Contains(Plan().WarningsText(), "long runs are assumed"),
                   Utf8(Plan().WarningsText()));
        BOOST_TEST(List().GetItemCount() ==
                   static_cast<int>(plans.Current(ann.id)->sessions.size()));
        BOOST_TEST(Plan().Pages()->GetSelection() == static_cast<int>(PlanPanel::kSessionsPage));
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(plan_panel_tests)

// The acceptance test of the Plan tab: generate, book through the dialog, skip, move, and
// import the training calendar; what the tab shows is what the database holds.
BOOST_FIXTURE_TEST_CASE(generate_book_skip_move_and_import, PlanFrame) {
    OpenPlanTab();
    SeeThatThereIsNoPlanYet();
    const core::Plan saved = GenerateAndCheckThePlan();
    SeeWhyTheChosenSessionIsThere(saved);
    ChooseAnotherSessionOnTheTimeline(saved);
    const int booked = BookTheFirstSession(saved);
    const int skipped = SkipTheNextSession(booked);
    MoveTheNextSession(skipped);
    const app::test::TempDir files;
    const std::size_t days = ImportATrainingCalendar(files);
    ImportAFileWithProblems(files, days);
    RegenerateAroundTheCalendar();
}

// Ctrl+G (Client ▸ Generate plan) in the workspace goes to the Plan tab and makes the plan.
BOOST_FIXTURE_TEST_CASE(the_menu_generates_the_plan, PlanFrame) {
    BOOST_REQUIRE(frame->OpenClient(ann.id));
    wxCommandEvent generate(wxEVT_MENU, MainFrame::kIdPlanGenerate);
    frame->ProcessWindowEvent(generate);
    BOOST_TEST(Workspace().Tabs()->GetSelection() ==
               static_cast<int>(ClientWorkspacePanel::kPlanTab));
    BOOST_REQUIRE(plans.Current(ann.id));
    BOOST_TEST(List().GetItemCount() == static_cast<int>(plans.Current(ann.id)->sessions.size()));
}

// Training days added and edited by hand, in miles for a runner who counts in miles.
struct MilesPlanFrame : PlanFrame {
    MilesPlanFrame() : PlanFrame(core::DistanceUnit::kMi) {}
};

BOOST_FIXTURE_TEST_CASE(training_days_are_entered_in_the_clients_units, MilesPlanFrame) {
    OpenPlanTab();
    Plan().Pages()->SetSelection(PlanPanel::kTrainingPage);
    BOOST_REQUIRE(WaitUntilLaidOut(Plan().Training()));
    const core::Date day = core::AddDays(Today(), 3);
    wxString problem;
    wxString date_problem;
    app::test::TrainingEntryDialogScript add([&](app::TrainingDayDialog& dialog) {
        RaiseAndWait(dialog);
        // Issue 15: a date the field cannot read is named, with the text as typed.
        dialog.DateCtrl()->ChangeValue("02/30/2026");
        dialog.TypeChoice()->SetSelection(static_cast<int>(core::RunType::kLong));
        ClickInto(dialog.FindWindow(wxID_OK));
        WaitUntil("OK named the date", [&] { return !dialog.ProblemText().empty(); });
        date_problem = dialog.ProblemText();
        dialog.DateCtrl()->ChangeValue(app::ToWx(core::FormatIsoDate(day)));  // ISO is read too
        dialog.DistanceCtrl()->ChangeValue("300");                            // 483 km: too far
        ClickInto(dialog.FindWindow(wxID_OK));
        WaitUntil("OK named the distance",
                  [&] { return Contains(dialog.ProblemText(), "Distance"); });
        problem = dialog.ProblemText();
        dialog.DistanceCtrl()->ChangeValue("20");
        ClickInto(dialog.FindWindow(wxID_OK));
        WaitUntil("OK saved the day and closed", [&] { return !dialog.IsModal(); });
    });
    BOOST_REQUIRE(Press(Plan().Training()->AddButton()));
    BOOST_REQUIRE(WaitUntil("Add… opened the dialog and it closed", [&] {
        return add.Ran() && !app::test::FindShownDialog<app::TrainingDayDialog>();
    }));
    BOOST_TEST(Contains(date_problem, "Date: \u201C02/30/2026\u201D is not a date"),
               Utf8(date_problem));
    BOOST_TEST(Contains(problem, "Distance"), Utf8(problem));
    BOOST_TEST(Contains(problem, "mi"), Utf8(problem));
    std::vector<core::TrainingEntry> entries = training.List(ann.id);
    BOOST_REQUIRE(entries.size() == 1u);
    BOOST_TEST((entries[0].date == day));
    BOOST_TEST((entries[0].type == core::RunType::kLong));
    BOOST_REQUIRE(entries[0].distance_km);
    BOOST_TEST(*entries[0].distance_km == core::MilesToKm(20), boost::test_tools::tolerance(1e-6));
    BOOST_TEST(Contains(Plan().Training()->RowText(0), "Long run\t20 mi"),
               Utf8(Plan().Training()->RowText(0)));
    // No plan yet: nothing to call out of date.
    BOOST_TEST(Plan().OutdatedText().empty());

    // Edit… moves it a day later as a rest day: one entry, on the new day, without distance.
    Plan().Training()->List()->Select(0);
    app::test::TrainingEntryDialogScript edit([&](app::TrainingDayDialog& dialog) {
        RaiseAndWait(dialog);
        dialog.DateCtrl()->ChangeValue(app::FormatLocalDate(core::AddDays(day, 1)));
        dialog.TypeChoice()->SetSelection(static_cast<int>(core::RunType::kRest));
        ClickInto(dialog.FindWindow(wxID_OK));
        WaitUntil("OK saved the day and closed", [&] { return !dialog.IsModal(); });
    });
    BOOST_TEST(Plan().Training()->EditSelected());
    BOOST_TEST(edit.Ran());
    entries = training.List(ann.id);
    BOOST_REQUIRE(entries.size() == 1u);
    BOOST_TEST((entries[0].date == core::AddDays(day, 1)));
    BOOST_TEST((entries[0].type == core::RunType::kRest));
    BOOST_TEST(!entries[0].distance_km);

    // Remove: gone.
    Plan().Training()->List()->Select(0);
    BOOST_TEST(Plan().Training()->RemoveSelected());
    BOOST_TEST(training.List(ann.id).empty());
    BOOST_TEST(Plan().Training()->List()->GetItemCount() == 0);
}

// A client without an intake: the tab says nothing was screened, and the plan still comes.
struct NoIntakeFrame : PlanFrame {
    NoIntakeFrame() : PlanFrame(core::DistanceUnit::kKm, false) {}
};

BOOST_FIXTURE_TEST_CASE(without_an_intake_the_plan_says_nothing_was_screened, NoIntakeFrame) {
    OpenPlanTab();
    BOOST_TEST(Contains(Plan().EmptyText(), "no intake yet"), Utf8(Plan().EmptyText()));
    PressGenerate();
    BOOST_TEST(Contains(Plan().WarningsText(), "nothing was screened"),
               Utf8(Plan().WarningsText()));
    BOOST_TEST(List().GetItemCount() == static_cast<int>(plans.Current(ann.id)->sessions.size()));

    // Book… asks first, as nothing was screened; Cancel books nothing.
    const int first = FirstBookable();
    BOOST_REQUIRE(first >= 0);
    ClickRow(first);
    DialogRecorder::Instance().Reset();
    DialogRecorder::Instance().Answer(wxID_NO);
    BOOST_TEST(!Plan().BookSelected());
    BOOST_REQUIRE(DialogRecorder::Instance().Messages().size() == 1u);
    BOOST_TEST(Contains(DialogRecorder::Instance().Messages()[0],
                        "Ann Smith has no intake: contraindications were not screened. Book the "
                        "session anyway?"),
               Utf8(DialogRecorder::Instance().Messages()[0]));
    BOOST_TEST(plans.Appointments(ann.id, Today()).empty());
}

// Many warnings do not push the plan off the screen: the band shows a few and scrolls, and
// all of them are a click away.
BOOST_FIXTURE_TEST_CASE(many_warnings_scroll_within_their_band, PlanFrame) {
    core::Plan plan;
    plan.client_id = ann.id;
    plan.generated_on = Today();
    plan.from = Today();
    plan.to = core::AddDays(Today(), 27);
    plan.phases.push_back({core::PlanPhase::kBase, plan.from, plan.to});
    core::PlannedSession session;
    session.date = core::AddDays(Today(), 2);
    session.techniques = {core::Technique::kSwedish};
    session.regions = {{core::Region::kCalves, core::Side::kBilateral}};
    session.reasons = {{core::PlanReasonCode::kBaseMaintenance, {}}};
    plan.sessions.push_back(session);
    for (int week = 0; week < 7; ++week) {
        core::PlanDetail detail;
        detail.run_type = core::RunType::kLong;
        detail.distance_km = 30 + week;
        detail.compared_km = 25;
        plan.warnings.push_back(
            {core::PlanWarningCode::kMileageSpike, core::AddDays(Today(), 7 * week), detail});
    }
    plans.Save(plan);
    OpenPlanTab();
    BOOST_TEST(Plan().WarningsText().Freq('\n') == 6u, Utf8(Plan().WarningsText()));
    const int line = Plan().GetCharHeight();
    const int few = Plan().WarningBandHeight();
    BOOST_TEST(few > 0);
    BOOST_TEST(few < 6 * line, few);
    BOOST_TEST(List().GetItemCount() == 1);

    // "All 7 warnings…" shows every one of them in a window.
    BOOST_REQUIRE(Plan().MoreWarningsButton()->IsShown());
    BOOST_TEST(Utf8(Plan().MoreWarningsButton()->GetLabelText()) == "All 7 warnings…");
    BOOST_REQUIRE(Press(Plan().MoreWarningsButton()));
    BOOST_REQUIRE(WaitUntil("the window with every warning was shown",
                            [&] { return Contains(LastMessage(), "What to watch out for"); }));
    for (const core::PlanWarning& warning : plan.warnings) {
        BOOST_TEST(Contains(LastMessage(), Utf8(app::PlanWarningText(warning, plan.units))));
    }
    BOOST_TEST(Plan().WarningBandHeight() == few);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(plan_controller_tests)

// The controller without a window: a plan made, booking refused by storage the second time,
// and the calendar's effect on the plan.
BOOST_AUTO_TEST_CASE(books_and_tells_when_the_plan_is_out_of_date) {
    TempDatabase database;
    db::ClientRepository clients(database.Get());
    db::StaffRepository staff(database.Get());
    core::Client client = app::test::MakeClient("Bo", "Lind");
    clients.Add(client);
    core::Staff therapist{0, "Kim Park", core::StaffRole::kTherapist, true, ""};
    staff.Add(therapist);

    services::Context context(database.Get(), app::test::TestClock());
    app::PlanController plan(context);
    plan.ShowClient(client.id);
    BOOST_TEST(!plan.HasPlan());
    BOOST_TEST(!plan.HasIntake());
    BOOST_TEST(!plan.IsPlanOutdated());
    BOOST_TEST((plan.Units() == core::DistanceUnit::kKm));

    const app::PlanController::GenerateResult first = plan.Generate();
    BOOST_TEST(!first.had_previous);
    BOOST_REQUIRE(plan.HasPlan());
    BOOST_REQUIRE(plan.SessionCount() > 0u);
    BOOST_TEST(!plan.IsPlanOutdated());

    // The booking dialog's start: the session's day and length, 09:00.
    std::size_t index = 0;
    while (index < plan.SessionCount() && !plan.CanBook(index)) {
        ++index;
    }
    BOOST_REQUIRE(index < plan.SessionCount());
    core::Appointment appointment = plan.NewAppointment(index, therapist.id);
    BOOST_TEST((appointment.date == plan.Session(index)->date));
    BOOST_TEST(appointment.duration_min == plan.Session(index)->duration_min);
    BOOST_TEST(appointment.start_minute == 9 * 60);
    plan.Book(index, appointment);
    BOOST_TEST(appointment.id > 0);
    BOOST_TEST((plan.Session(index)->status == PlannedSessionStatus::kBooked));
    BOOST_TEST(!plan.CanBook(index));
    BOOST_TEST(!plan.CanMove(index));
    BOOST_REQUIRE(plan.AppointmentOf(index));
    BOOST_TEST(plan.AppointmentOf(index)->id == appointment.id);
    BOOST_TEST(Utf8(plan.StaffName(therapist.id)) == "Kim Park");

    // Booking it again is refused by storage.
    core::Appointment again = plan.NewAppointment(index, therapist.id);
    BOOST_CHECK_THROW(plan.Book(index, again), db::ValidationError);

    // A calendar entry inside the plan makes it out of date, until it is made again.
    plan.PutTraining({core::AddDays(Today(), 2), core::RunType::kLong, 30.0});
    BOOST_TEST(plan.IsPlanOutdated());
    const app::PlanController::GenerateResult second = plan.Generate();
    BOOST_TEST(second.had_previous);
    BOOST_TEST(!plan.IsPlanOutdated());

    // An import with a problem saves nothing.
    const app::PlanController::ImportResult result =
        plan.ImportTraining("date,type,distance_km\n2026-01-05,long,abc\n");
    BOOST_TEST(!result.problems.empty());
    BOOST_TEST(plan.Training().size() == 1u);
}

BOOST_AUTO_TEST_CASE(training_problems_name_the_line_and_column) {
    using core::ProblemCode;
    BOOST_TEST(Utf8(app::TrainingProblemMessage(
                   {"line 4.distance_km", ProblemCode::kOutOfRange, 0, 0, 400})) ==
               "Line 4 — distance (km): enter more than 0 and at most 400.");
    BOOST_TEST(Utf8(app::TrainingProblemMessage({"line 2.type", ProblemCode::kUnknownCode})) ==
               "Line 2 — type of run: use easy, long, tempo, intervals, race, rest or cross.");
    BOOST_TEST(Utf8(app::TrainingProblemMessage({"entries[0].date", ProblemCode::kInvalidDate})) ==
               "Entry 1 — date: write the date as YYYY-MM-DD, e.g. 2026-06-14.");
    BOOST_TEST(Contains(app::TrainingProblemMessage({"line 3", ProblemCode::kWrongType}),
                        "Line 3: this row cannot be read"));
    BOOST_TEST(Contains(app::TrainingProblemMessage({"document", ProblemCode::kWrongType}),
                        "neither a training CSV file nor a training JSON document"));
}

BOOST_AUTO_TEST_SUITE_END()
