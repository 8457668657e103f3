// The appointment book in the real window (issue 16): a column per working therapist, a free
// slot booked through the dialog with the client found as you type, a clash named in the
// dialog, the hours question, and the status buttons.

#include "book/appointment_book_panel.h"
#include "book/book_appointment_dialog.h"
#include "book/book_frame.h"
#include "book/day_sheet_dialog.h"
#include "book/day_view_ctrl.h"
#include "common/date_field.h"
#include "dialog_script.h"
#include "gui_test_support.h"
#include "reports/report_view_panel.h"
#include "sessions/session_note_dialog.h"
#include "shell/main_frame.h"

#include <myodesk/db/plan_repository.h>
#include <myodesk/db/session_note_repository.h>
#include <myodesk/services/appointment_service.h>
#include <myodesk/services/intake_service.h>
#include <myodesk/services/practice_setup_service.h>

#include <boost/test/unit_test.hpp>
#include <wx/button.h>
#include <wx/calctrl.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/generic/calctrlg.h>
#include <wx/listbox.h>
#include <wx/spinctrl.h>
#include <wx/srchctrl.h>
#include <wx/textctrl.h>

#include <string>

using namespace myodesk;
using app::AppointmentBookPanel;
using app::BookAppointmentDialog;
using app::DayViewCtrl;
using app::test::BookFrame;
using app::test::Contains;
using app::test::DialogRecorder;
using app::test::DialogScript;
using app::test::Press;
using app::test::WaitUntil;

namespace {

// The dialog's step: finds Ann by typing, sets the start, and books.
void BookAnnAt(BookAppointmentDialog& dialog, const char* start) {
    dialog.ClientSearch()->SetValue("Ann");  // sends the text event, as typing does
    BOOST_REQUIRE(WaitUntil("Ann Smith is the one match",
                            [&] { return dialog.ClientMatches()->GetCount() == 1u; }));
    dialog.TimeCtrl()->ChangeValue(start);
    dialog.Affirm();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(appointment_book)

BOOST_FIXTURE_TEST_CASE(a_column_per_therapist_and_a_free_slot_booked, BookFrame) {
    BOOST_TEST(frame->IsAppointmentBookShown());
    BOOST_REQUIRE(View().Day().columns.size() == 2u);
    BOOST_REQUIRE(View().Day().entries.size() == 1u);
    BOOST_TEST(View().Day().entries[0].client_name == "Bea Stride");

    // Jane's 14:00, free: the dialog starts there with Jane; Ann is found as she is typed.
    View().SelectSlot({ColumnOf(jane.id), 14 * 60});
    BOOST_TEST(Contains(Book().DetailsText(), "Free time"));
    DialogScript<BookAppointmentDialog> script([&](BookAppointmentDialog& dialog) {
        BOOST_TEST((dialog.DateCtrl()->GetDate() == Tomorrow()));
        BookAnnAt(dialog, "14:00");
    });
    BOOST_TEST(Book().BookSelectedSlot());
    BOOST_TEST(script.Ran());
    BOOST_TEST(Booked() == 2u);
    const auto* entry = View().SelectedEntry();
    BOOST_REQUIRE(entry != nullptr);
    BOOST_TEST(entry->client_name == "Ann Smith");
    BOOST_TEST(entry->appointment.start_minute == 14 * 60);
    BOOST_TEST(entry->appointment.therapist_id == jane.id);
    BOOST_TEST(Contains(Book().DetailsText(), "Ann Smith"));
}

BOOST_FIXTURE_TEST_CASE(a_clash_is_named_in_the_dialog_and_nothing_is_booked, BookFrame) {
    View().SelectSlot({ColumnOf(jane.id), 11 * 60});
    wxString problem;
    DialogScript<BookAppointmentDialog> script([&](BookAppointmentDialog& dialog) {
        BookAnnAt(dialog, "10:30");
        problem = dialog.ProblemText();
        BOOST_TEST(dialog.IsModal());  // it stays open
        dialog.EndModal(wxID_CANCEL);
    });
    BOOST_TEST(!Book().BookSelectedSlot());
    BOOST_TEST(script.Ran());
    BOOST_TEST(Contains(problem, "clashes with the booked session of"), app::test::Utf8(problem));
    BOOST_TEST(Booked() == 1u);
}

BOOST_FIXTURE_TEST_CASE(outside_the_hours_the_desk_is_asked_first, BookFrame) {
    View().SelectSlot({ColumnOf(bo.id), 9 * 60});
    DialogRecorder::Instance().Answer(wxID_NO);   // not at 18:00 after all
    DialogRecorder::Instance().Answer(wxID_YES);  // then yes
    DialogScript<BookAppointmentDialog> script([&](BookAppointmentDialog& dialog) {
        BookAnnAt(dialog, "18:00");
        BOOST_TEST(dialog.IsModal());
        BOOST_TEST(!dialog.ProblemText().empty());
        dialog.Affirm();  // asked again, answered yes
    });
    BOOST_TEST(Book().BookSelectedSlot());
    BOOST_TEST(script.Ran());
    const auto& asked = DialogRecorder::Instance().Messages();
    BOOST_REQUIRE(asked.size() == 2u);
    BOOST_TEST(Contains(asked[0], "opening hours"), app::test::Utf8(asked[0]));
    BOOST_TEST(Booked() == 2u);
}

BOOST_FIXTURE_TEST_CASE(the_buttons_mark_arrived_and_no_show, BookFrame) {
    Book().SelectAppointment(booked.id);
    auto* arrived = Book().FindWindow(AppointmentBookPanel::kIdArrived);
    auto* no_show = Book().FindWindow(AppointmentBookPanel::kIdNoShow);
    auto* move = Book().FindWindow(AppointmentBookPanel::kIdMove);
    BOOST_REQUIRE(arrived != nullptr);
    BOOST_TEST(Contains(Book().DetailsText(), "Bea Stride"));
    BOOST_TEST(Press(arrived));
    services::AppointmentService service(context);
    BOOST_TEST((service.Get(booked.id).status == core::AppointmentStatus::kArrived));
    BOOST_TEST(Contains(Book().DetailsText(), "Arrived"), app::test::Utf8(Book().DetailsText()));
    BOOST_TEST(!no_show->IsEnabled());  // an arrival is not a no-show
    BOOST_TEST(!move->IsEnabled());     // only a booked appointment moves
    service.Undo(booked.id);
    Book().Reload();
    Book().SelectAppointment(booked.id);
    BOOST_TEST(Press(no_show));
    BOOST_TEST((service.Get(booked.id).status == core::AppointmentStatus::kNoShow));
}

BOOST_FIXTURE_TEST_CASE(the_previous_and_next_buttons_change_the_day, BookFrame) {
    BOOST_TEST(Press(Book().FindWindow(AppointmentBookPanel::kIdPreviousDay)));
    BOOST_TEST((Book().DayShown() == context.Today()));
    BOOST_TEST(View().Day().entries.empty());
    BOOST_TEST(Press(Book().FindWindow(AppointmentBookPanel::kIdNextDay)));
    BOOST_TEST(View().Day().entries.size() == 1u);
    // A slot inside an appointment chooses the appointment.
    View().SelectSlot({ColumnOf(jane.id), 10 * 60 + 30});
    BOOST_REQUIRE(View().SelectedEntry() != nullptr);
    BOOST_TEST(View().SelectedEntry()->appointment.id == booked.id);
}

// Another desk books on the day shown: the book shows it without anyone pressing a thing, and
// keeps the appointment chosen here.
BOOST_FIXTURE_TEST_CASE(a_booking_made_at_another_desk_appears, BookFrame) {
    Book().SelectAppointment(booked.id);
    core::Appointment elsewhere;
    elsewhere.client_id = ann.id;
    elsewhere.therapist_id = bo.id;
    elsewhere.date = Tomorrow();
    elsewhere.start_minute = 15 * 60;
    // The other desk: its own connection to the same file.
    db::Database other_connection = db::OpenDatabase(database.Get().Location());
    services::Context other_desk(other_connection, app::test::TestClock());
    services::AppointmentService(other_desk).Book(elsewhere);
    BOOST_TEST(WaitUntil("the other desk's booking is in the book",
                         [&] { return View().Day().entries.size() == 2u; }));
    BOOST_REQUIRE(View().SelectedEntry() != nullptr);
    BOOST_TEST(View().SelectedEntry()->appointment.id == booked.id);
}

// A weekly series booked from the dialog shows on the weeks after; a day of it marked arrived
// is stored then, and moving another asks whether the ones after it move too.
BOOST_FIXTURE_TEST_CASE(a_weekly_series_is_booked_and_its_days_changed, BookFrame) {
    View().SelectSlot({ColumnOf(jane.id), 14 * 60});
    DialogScript<BookAppointmentDialog> script([&](BookAppointmentDialog& dialog) {
        BOOST_REQUIRE(dialog.RepeatChoice() != nullptr);
        dialog.RepeatChoice()->SetSelection(1);  // every week
        dialog.RepeatCountCtrl()->SetValue(4);
        BookAnnAt(dialog, "14:00");
    });
    BOOST_TEST(Book().BookSelectedSlot());
    BOOST_TEST(script.Ran());
    services::AppointmentService service(context);
    BOOST_TEST(service.Between(Tomorrow(), core::AddDays(Tomorrow(), 30)).size() == 5u);

    // A week on: shown from the series, not stored.
    Book().ShowDay(core::AddDays(Tomorrow(), 7));
    BOOST_REQUIRE(View().Day().entries.size() == 1u);
    BOOST_TEST(View().Day().entries[0].appointment.id == 0);
    Book().SelectAppointment(core::KeyOf(View().Day().entries[0].appointment));
    BOOST_TEST(Contains(Book().DetailsText(), "Every week, until"),
               app::test::Utf8(Book().DetailsText()));
    BOOST_TEST(Press(Book().FindWindow(AppointmentBookPanel::kIdArrived)));
    BOOST_REQUIRE(View().SelectedEntry() != nullptr);
    const core::AppointmentId arrived = View().SelectedEntry()->appointment.id;
    BOOST_TEST(arrived > 0);
    BOOST_TEST((service.Get(arrived).status == core::AppointmentStatus::kArrived));

    // Two weeks on: this one and those after it move to 15:00.
    Book().ShowDay(core::AddDays(Tomorrow(), 14));
    BOOST_REQUIRE(View().Day().entries.size() == 1u);
    Book().SelectAppointment(core::KeyOf(View().Day().entries[0].appointment));
    DialogRecorder::Instance().Answer(wxID_NO);  // "This and following"
    DialogScript<BookAppointmentDialog> move([&](BookAppointmentDialog& dialog) {
        BOOST_TEST(dialog.RepeatChoice() == nullptr);  // a move makes no new series
        BOOST_TEST(dialog.GetTitle() == "Move appointment");
        dialog.TimeCtrl()->ChangeValue("15:00");
        dialog.Affirm();
    });
    BOOST_TEST(Press(Book().FindWindow(AppointmentBookPanel::kIdMove)));
    BOOST_TEST(move.Ran());
    const auto& asked = DialogRecorder::Instance().Messages();
    BOOST_REQUIRE(!asked.empty());
    BOOST_TEST(Contains(asked.back(), "one of a series"), app::test::Utf8(asked.back()));
    const auto last_week =
        service.Between(core::AddDays(Tomorrow(), 21), core::AddDays(Tomorrow(), 21));
    BOOST_REQUIRE(last_week.size() == 1u);
    BOOST_TEST(last_week[0].start_minute == 15 * 60);
    BOOST_TEST(service.Between(core::AddDays(Tomorrow(), 7), core::AddDays(Tomorrow(), 7))[0]
                   .start_minute == 14 * 60);
}

// One therapist's week: a column per day from Monday, a free slot booked on its day, a step is
// a week; a day clicked in the month calendar is shown.
BOOST_FIXTURE_TEST_CASE(a_therapists_week_and_the_month_calendar, BookFrame) {
    Book().ShowWeekOf(jane.id);
    BOOST_REQUIRE(View().Day().week);
    BOOST_REQUIRE(View().Day().columns.size() == 7u);
    const auto& monday = View().Day().columns[0];
    BOOST_TEST(core::IsoWeekdayIndex(monday.date) == 0);
    BOOST_TEST(monday.therapist.id == jane.id);
    BOOST_REQUIRE(View().Day().entries.size() == 1u);  // Bea, tomorrow
    const auto column = static_cast<std::size_t>(core::IsoWeekdayIndex(Tomorrow()));
    BOOST_TEST((View().Day().columns[column].date == Tomorrow()));

    View().SelectSlot({column, 15 * 60});
    DialogScript<BookAppointmentDialog> script([&](BookAppointmentDialog& dialog) {
        BOOST_TEST((dialog.DateCtrl()->GetDate() == Tomorrow()));
        BookAnnAt(dialog, "15:00");
    });
    BOOST_TEST(Book().BookSelectedSlot());
    BOOST_TEST(Booked() == 2u);
    BOOST_TEST(View().Day().entries.size() == 2u);

    BOOST_TEST(Press(Book().FindWindow(AppointmentBookPanel::kIdNextDay)));
    BOOST_TEST((Book().DayShown() == core::AddDays(Tomorrow(), 7)));
    BOOST_TEST(View().Day().entries.empty());

    // Back to the day with every therapist, then a day from the month.
    Book().ShowWeekOf(std::nullopt);
    BOOST_TEST(!View().Day().week);
    const core::Date chosen = core::AddDays(Tomorrow(), 20);
    wxCalendarEvent clicked(
        Book().MonthCalendar(),
        wxDateTime(static_cast<wxDateTime::wxDateTime_t>(static_cast<unsigned>(chosen.day())),
                   static_cast<wxDateTime::Month>(static_cast<unsigned>(chosen.month()) - 1),
                   static_cast<int>(chosen.year())),
        wxEVT_CALENDAR_SEL_CHANGED);
    Book().MonthCalendar()->ProcessWindowEvent(clicked);
    BOOST_TEST((Book().DayShown() == chosen));
}

// Print day…: the day sheet of the day shown, as it will print.
BOOST_FIXTURE_TEST_CASE(the_day_sheet_shows_the_day_as_it_will_print, BookFrame) {
    wxString html;
    bool page_each = false;
    DialogScript<app::DaySheetDialog> script([&](app::DaySheetDialog& dialog) {
        BOOST_TEST(dialog.View()->HasDocument());
        html = dialog.View()->Html().Html();
        page_each = dialog.PagePerTherapist()->GetValue();
        dialog.EndModal(wxID_CANCEL);
    });
    BOOST_TEST(Press(Book().FindWindow(AppointmentBookPanel::kIdPrintDay)));
    BOOST_TEST(script.Ran());
    BOOST_TEST(page_each);
    BOOST_TEST(Contains(html, "Day sheet"), app::test::Utf8(html));
    BOOST_TEST(Contains(html, "Bea Stride"), app::test::Utf8(html));
    BOOST_TEST(Contains(html, "Jane Doe"), app::test::Utf8(html));
}

// Completed → write the note: the editor opens on the booked session (its day, time, length
// and therapist); the appointment stays completed when the note is left for later.
BOOST_FIXTURE_TEST_CASE(completed_opens_the_note_of_the_session, BookFrame) {
    Book().SelectAppointment(booked.id);
    DialogRecorder::Instance().Answer(wxID_YES);  // Bea has no intake yet: write it anyway
    core::SessionNote opened;
    DialogScript<app::SessionNoteDialog> script([&](app::SessionNoteDialog& dialog) {
        opened = dialog.GetNote();
        dialog.EndModal(wxID_CANCEL);
    });
    BOOST_TEST(Press(Book().FindWindow(AppointmentBookPanel::kIdCompleted)));
    BOOST_TEST(script.Ran());
    BOOST_TEST(opened.client_id == bea.id);
    BOOST_TEST((opened.date == Tomorrow()));
    BOOST_TEST(opened.start_minute == 10 * 60);
    BOOST_TEST(opened.duration_min == booked.duration_min);
    BOOST_TEST(opened.therapist_id == jane.id);
    BOOST_TEST((services::AppointmentService(context).Get(booked.id).status ==
                core::AppointmentStatus::kCompleted));
}

BOOST_FIXTURE_TEST_CASE(a_plans_session_shows_as_a_ghost_and_booking_it_links_it, BookFrame) {
    // Ann's plan proposes a 45-minute session tomorrow; Bo saw her last.
    core::SessionNote note;
    note.client_id = ann.id;
    note.therapist_id = bo.id;
    note.date = core::AddDays(context.Today(), -7);
    note.regions = {{core::Region::kCalves, core::Side::kBilateral, 4, 4, 2}};
    note.techniques = {{core::Technique::kSports, 45}};
    db::SessionNoteRepository(database.Get()).Add(note);
    core::Plan plan;
    plan.client_id = ann.id;
    plan.generated_on = context.Today();
    plan.from = context.Today();
    plan.to = core::AddDays(context.Today(), 27);
    plan.phases = {{core::PlanPhase::kBuild, plan.from, plan.to}};
    core::PlannedSession session;
    session.date = Tomorrow();
    session.phase = core::PlanPhase::kBuild;
    session.duration_min = 45;
    session.techniques = {core::Technique::kSports};
    session.regions = {{core::Region::kCalves, core::Side::kBilateral}};
    session.reasons = {{core::PlanReasonCode::kWeeklySession, {}}};
    plan.sessions = {session};
    db::PlanRepository(database.Get()).Save(plan);
    Book().ShowDay(Tomorrow());

    BOOST_REQUIRE(View().Day().proposals.size() == 1u);
    const core::Appointment& ghost = View().Day().proposals[0].appointment;
    BOOST_TEST(ghost.therapist_id == bo.id);   // her usual therapist's column
    BOOST_TEST(ghost.start_minute == 9 * 60);  // Bo's first free time
    View().SelectSlot({ColumnOf(bo.id), 9 * 60 + 15});
    BOOST_TEST(Contains(Book().DetailsText(), "Their plan proposes a 45 min session"));

    DialogScript<BookAppointmentDialog> script([&](BookAppointmentDialog& dialog) {
        BOOST_TEST(dialog.DurationCtrl()->GetValue() == 45);
        BOOST_TEST(dialog.TimeCtrl()->GetValue() == "09:00");
        dialog.Affirm();
    });
    BOOST_TEST(Book().BookSelectedSlot());
    BOOST_TEST(script.Ran());
    BOOST_TEST(View().Day().proposals.empty());  // booked: no ghost any more
    const auto* entry = View().SelectedEntry();
    BOOST_REQUIRE(entry != nullptr);
    BOOST_TEST((entry->appointment.plan_id == std::optional<std::int64_t>{plan.id}));
    const auto saved = db::PlanRepository(database.Get()).Get(plan.id);
    BOOST_REQUIRE(saved.has_value());
    BOOST_TEST((saved->sessions[0].status == core::PlannedSessionStatus::kBooked));
    BOOST_TEST((saved->sessions[0].appointment_id ==
                std::optional<core::AppointmentId>{entry->appointment.id}));
}

// The details pane beside an appointment: the client's banner on its day (their intake's
// flags) and their last note, so the therapist reads both before the client walks in.
BOOST_FIXTURE_TEST_CASE(the_details_show_the_banner_of_the_day_and_the_last_note, BookFrame) {
    Book().SelectAppointment(booked.id);
    BOOST_TEST(Contains(Book().DetailsText(), "No session notes yet"),
               app::test::Utf8(Book().DetailsText()));
    core::Intake intake;
    intake.client_id = bea.id;
    intake.taken_on = context.Today();
    intake.health.medications = {{"Warfarin", core::MedicationClass::kAnticoagulant}};
    intake.consent = {true, "Bea Stride", context.Today()};
    services::IntakeService(context).Add(intake);
    core::SessionNote note;
    note.client_id = bea.id;
    note.therapist_id = bo.id;
    note.date = core::AddDays(context.Today(), -14);
    note.regions = {{core::Region::kCalves, core::Side::kLeft, 4, 6, 3}};
    note.techniques = {{core::Technique::kSwedish, 30}};
    note.plan = "Ease the left calf before the long run.";
    db::SessionNoteRepository(database.Get()).Add(note);

    Book().Reload();
    Book().SelectAppointment(booked.id);
    const std::string details = app::test::Utf8(Book().DetailsText());
    BOOST_TEST(Contains(Book().DetailsText(), "No deep tissue"), details);
    BOOST_TEST(Contains(Book().DetailsText(), "Last note: "), details);
    BOOST_TEST(Contains(Book().DetailsText(), "with Bo Ek"), details);
    BOOST_TEST(Contains(Book().DetailsText(), "pain 6 → 3"), details);
    BOOST_TEST(Contains(Book().DetailsText(), "Plan: Ease the left calf"), details);
}

BOOST_AUTO_TEST_SUITE_END()
