#include "clients/client_list_ctrl.h"
#include "clients/client_workspace_panel.h"
#include "common/form_rows_panel.h"
#include "dialog_script.h"
#include "gui_test_support.h"
#include "sessions/amendment_dialog.h"
#include "sessions/body_chart_ctrl.h"
#include "sessions/session_list_ctrl.h"
#include "sessions/session_note_dialog.h"
#include "sessions/session_note_view_dialog.h"
#include "sessions/sessions_panel.h"
#include "sessions/unsigned_notes_dialog.h"
#include "shell/main_frame.h"
#include "shell/settings.h"
#include "staff/staff_dialog.h"
#include "staff/staff_member_dialog.h"
#include "staff/staff_picker_dialog.h"

#include <myodesk/db/client_repository.h>
#include <myodesk/db/intake_repository.h>
#include <myodesk/db/session_note_repository.h>
#include <myodesk/db/staff_repository.h>
#include <myodesk/services/account_service.h>

#include <boost/test/unit_test.hpp>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/listbox.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/radiobut.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <chrono>
#include <string>
#include <vector>

using namespace myodesk;
using namespace std::chrono_literals;
using app::ClientWorkspacePanel;
using app::MainFrame;
using app::SessionListCtrl;
using app::SessionNoteDialog;
using app::test::Choose;
using app::test::ClickAt;
using app::test::ClickInto;
using app::test::ClickUntil;
using app::test::Contains;
using app::test::DialogRecorder;
using app::test::Press;
using app::test::RaiseAndWait;
using app::test::TempDatabase;
using app::test::Tick;
using app::test::TypeInto;
using app::test::Utf8;
using app::test::WaitUntil;
using core::BodyView;
using core::Region;
using core::Side;
using core::Technique;

namespace {

// A click on the middle of an area of the body chart, through the control's own mapping
// from chart units (core::Centroid) to pixels; then a wait until the chart has taken it.
bool ClickArea(SessionNoteDialog& dialog, BodyView view, core::RegionSide area) {
    app::BodyChartCtrl* chart = dialog.Chart();
    return ClickAt(chart, [&] { return chart->ClientToScreen(chart->AreaPoint(view, area)); }) &&
           WaitUntil("a click shaded the area on the chart", [&] { return chart->IsShaded(area); });
}

// The two areas the acceptance test's note is about.
const core::RegionSide kLeftHamstring{Region::kHamstrings, Side::kLeft};
const core::RegionSide kRightHamstring{Region::kHamstrings, Side::kRight};

// Pressure and pain in the note's grid: firm on the left, deep on the right. Returns whether
// the chart's shades followed the pressures.
bool SetPressureAndPainInTheGrid(SessionNoteDialog& dialog) {
    Choose(dialog.RegionGrid()->CellAs<wxChoice>(0, SessionNoteDialog::kPressureColumn), 7 - 1);
    Choose(dialog.RegionGrid()->CellAs<wxChoice>(0, SessionNoteDialog::kPainBeforeColumn), 1 + 6);
    Choose(dialog.RegionGrid()->CellAs<wxChoice>(0, SessionNoteDialog::kPainAfterColumn), 1 + 3);
    Choose(dialog.RegionGrid()->CellAs<wxChoice>(1, SessionNoteDialog::kPressureColumn), 8 - 1);
    Choose(dialog.RegionGrid()->CellAs<wxChoice>(1, SessionNoteDialog::kPainBeforeColumn), 1 + 4);
    Choose(dialog.RegionGrid()->CellAs<wxChoice>(1, SessionNoteDialog::kPainAfterColumn), 1 + 2);
    return dialog.Chart()->ShadedPressure(kLeftHamstring) == 7 &&
           dialog.Chart()->ShadedPressure(kRightHamstring) == 8;
}

// Trigger point and sports massage, ticked with the mouse, with their minutes.
void TickTriggerPointAndSports(SessionNoteDialog& dialog) {
    ClickUntil(dialog.TechniqueBox(Technique::kTriggerPoint), "a click ticked trigger point",
               [&] { return dialog.TechniqueBox(Technique::kTriggerPoint)->GetValue(); });
    ClickUntil(dialog.TechniqueBox(Technique::kSports), "a click ticked sports massage",
               [&] { return dialog.TechniqueBox(Technique::kSports)->GetValue(); });
    dialog.TechniqueMinutes(Technique::kTriggerPoint)->ChangeValue("20");
    dialog.TechniqueMinutes(Technique::kSports)->ChangeValue("30");
}

// The main window with a client, Ann Smith, and a therapist, Jane Doe, at the desk (or
// nobody).
struct SessionsFrame : app::test::ClinicFrame {
    db::SessionNoteRepository notes{database.Get()};
    db::IntakeRepository intakes{database.Get()};

    // Ann was screened today unless `intake_taken` says when (nullopt: never).
    explicit SessionsFrame(bool someone_at_desk = true, std::optional<core::Date> intake_taken =
                                                            app::test::TestClock().Today()) {
        if (intake_taken) {
            core::Intake intake;
            intake.client_id = ann.id;
            intake.taken_on = *intake_taken;
            intake.consent = {true, "Ann Smith", *intake_taken};
            intakes.Add(intake);
        }
        Open(someone_at_desk ? std::optional(jane) : std::nullopt);
    }

    app::SessionsPanel& Sessions() { return *frame->Workspace()->Sessions(); }

    // Opens Ann's workspace from the list (click, Enter) and goes to the Sessions tab.
    void OpenSessions() {
        app::ClientListCtrl* list = frame->ListCtrl();
        BOOST_REQUIRE(WaitUntil("the list shows Ann", [&] { return list->GetItemCount() == 1; }));
        BOOST_REQUIRE(ClickAt(list, [list] {
            wxRect row;
            list->GetItemRect(0, row);
            return list->ClientToScreen(
                wxPoint(row.GetLeft() + 60, row.GetTop() + row.GetHeight() / 2));
        }));
        BOOST_REQUIRE(WaitUntil("a click on Ann's row selected it",
                                [&] { return list->SelectedIndex() == 0; }));
        BOOST_REQUIRE(app::test::WaitUntilFocusIn(list));
        BOOST_REQUIRE(
            app::test::PressKey(WXK_RETURN, wxMOD_NONE, [&] { return frame->IsWorkspaceShown(); }));
        BOOST_REQUIRE(WaitUntil("Enter on the list opened Ann's workspace",
                                [&] { return frame->IsWorkspaceShown(); }));
        Workspace().Tabs()->SetSelection(ClientWorkspacePanel::kSessionsTab);
        BOOST_REQUIRE(app::test::WaitUntilLaidOut(&Sessions()));
    }

    // --- The steps of the acceptance test, in the order the therapist takes them ---------

    // New session note…: both hamstrings clicked on the back of the chart (one row, both
    // sides), split in the grid into left and right, pressure and pain set per side, trigger point
    // and sports massage ticked, then saved and signed as Jane Doe.
    void WriteAndSignANoteFromTheBodyChart() {
        bool both_clicked = false;
        bool both_sides_one_row = false;
        bool grid_in_click_order = false;
        bool shades_follow_grid = false;
        app::test::SessionNoteDialogScript editor([&](SessionNoteDialog& dialog) {
            RaiseAndWait(dialog);
            ClickArea(dialog, BodyView::kBack, kLeftHamstring);
            ClickArea(dialog, BodyView::kBack, kRightHamstring);  // two clicks, never a double
            both_clicked = dialog.Chart()->IsShaded(kLeftHamstring) &&
                           dialog.Chart()->IsShaded(kRightHamstring);
            // Both sides clicked are one row, both sides, as Add region records it.
            const std::vector<core::RegionWork> joined = dialog.GridRegions();
            both_sides_one_row = joined.size() == 1u && joined[0].side == Side::kBilateral;
            // Split in the grid, for a pain score per side: the row becomes the left, and a
            // row is added for the right.
            Choose(dialog.RegionGrid()->CellAs<wxChoice>(0, SessionNoteDialog::kSideColumn),
                   static_cast<int>(Side::kLeft));
            const std::size_t right = dialog.RegionGrid()->AddRow();
            Choose(dialog.RegionGrid()->CellAs<wxChoice>(right, SessionNoteDialog::kRegionColumn),
                   1 + static_cast<int>(Region::kHamstrings));
            Choose(dialog.RegionGrid()->CellAs<wxChoice>(right, SessionNoteDialog::kSideColumn),
                   static_cast<int>(Side::kRight));
            const std::vector<core::RegionWork> rows = dialog.GridRegions();
            grid_in_click_order =
                rows.size() == 2u && rows[0].side == Side::kLeft && rows[1].side == Side::kRight;
            shades_follow_grid = SetPressureAndPainInTheGrid(dialog);
            TickTriggerPointAndSports(dialog);
            TypeInto(dynamic_cast<wxTextCtrl*>(dialog.ControlFor("subjective")),
                     "Tight hamstrings after the 30 km long run");
            TypeInto(dynamic_cast<wxTextCtrl*>(dialog.ControlFor("assessment")),
                     "Less tension after treatment");

            // Save and sign: asked once, as Jane Doe.
            DialogRecorder::Instance().Answer(wxID_YES);
            ClickInto(dialog.FindWindow("sign"));
            WaitUntil("Save and sign closed the note", [&] { return !dialog.IsModal(); });
        });
        // The button's click is not what is tested here: it is pressed as its handler sees it.
        BOOST_REQUIRE(Press(Sessions().NewButton()));
        BOOST_REQUIRE_MESSAGE(
            WaitUntil(
                "New session note… opened the editor and signing closed it",
                [&] { return editor.Ran() && !app::test::FindShownDialog<SessionNoteDialog>(); }),
            "New session note… did not open the editor, or signing did not close it: "
                << Utf8(DialogRecorder::Instance().Messages().empty()
                            ? wxString()
                            : DialogRecorder::Instance().Messages().back()));
        BOOST_TEST(!editor.TimedOut());
        BOOST_TEST(both_clicked);
        BOOST_TEST(both_sides_one_row);
        BOOST_TEST(grid_in_click_order);
        BOOST_TEST(shades_follow_grid);
    }

    // In the database: both hamstrings with their pressure and pain, two techniques, signed
    // by the staff member at the desk. Returns the saved note.
    core::SessionNote SeeTheSignedNoteSaved() {
        BOOST_REQUIRE(notes.CountForClient(ann.id) == 1);
        const core::SessionNoteId id = notes.ListForClient(ann.id, 0, 10).at(0).id;
        const std::optional<core::SessionNote> saved = notes.Get(id);
        BOOST_REQUIRE(saved);
        const std::vector<core::RegionWork> expected_regions{
            {Region::kHamstrings, Side::kLeft, 7, 6, 3},
            {Region::kHamstrings, Side::kRight, 8, 4, 2}};
        BOOST_TEST((saved->regions == expected_regions));
        const std::vector<core::TechniqueUse> expected_techniques{{Technique::kTriggerPoint, 20},
                                                                  {Technique::kSports, 30}};
        BOOST_TEST((saved->techniques == expected_techniques));
        BOOST_TEST(core::IsSigned(*saved));
        BOOST_TEST((saved->signed_by == jane.id));
        BOOST_TEST(saved->therapist_id == jane.id);
        BOOST_TEST(saved->duration_min == 60);
        BOOST_TEST((saved->position == core::Position::kProne));
        BOOST_TEST(saved->subjective == "Tight hamstrings after the 30 km long run");
        BOOST_TEST(saved->assessment == "Less tension after treatment");
        return *saved;
    }

    // The list shows it, newest first, signed.
    void SeeTheSignedNoteListed() {
        BOOST_REQUIRE(Sessions().List()->GetItemCount() == 1);
        BOOST_TEST(Utf8(Sessions().List()->CellText(0, SessionListCtrl::Column::kStatus)) ==
                   "Signed");
        BOOST_TEST(Utf8(Sessions().List()->CellText(0, SessionListCtrl::Column::kRegions)) ==
                   "Hamstrings R, L");
        BOOST_TEST(Utf8(Sessions().List()->CellText(0, SessionListCtrl::Column::kTechniques)) ==
                   "Trigger point, Sports");
        BOOST_TEST(Utf8(Sessions().List()->CellText(0, SessionListCtrl::Column::kTherapist)) ==
                   "Jane Doe");
        BOOST_TEST(Sessions().List()->SelectedIndex() == 0);
    }

    // Open: the signed note read-only; Amend… corrects the assessment.
    void OpenTheNoteAndAmendItsAssessment() {
        wxString shown_before;
        wxString shown_after;
        bool chart_read_only = false;
        bool chart_shaded = false;
        bool prefilled = false;
        app::test::AmendmentDialogScript amend([&](app::AmendmentDialog& dialog) {
            RaiseAndWait(dialog);
            dialog.SelectSection(core::NoteSection::kAssessment);
            prefilled = dialog.TextCtrl()->GetValue() == "Less tension after treatment";
            TypeInto(dialog.ReasonCtrl(), "Right hamstring response left out");
            dialog.TextCtrl()->SetValue(
                "Less tension after treatment; right hamstring still tender");
            ClickInto(dialog.FindWindow(wxID_OK));
            WaitUntil("OK closed the amendment", [&] { return !dialog.IsModal(); });
        });
        app::test::SessionNoteViewDialogScript view([&](app::SessionNoteViewDialog& dialog) {
            RaiseAndWait(dialog);
            shown_before = dialog.Text();
            chart_read_only = dialog.Chart()->IsReadOnly();
            chart_shaded = dialog.Chart()->IsShaded(kLeftHamstring) &&
                           dialog.Chart()->IsShaded(kRightHamstring);
            Press(dialog.AmendButton());
            shown_after = dialog.Text();
            dialog.EndModal(wxID_CLOSE);
        });
        BOOST_REQUIRE(Press(Sessions().OpenButton()));
        BOOST_REQUIRE_MESSAGE(
            WaitUntil("Open showed the signed note",
                      [&] {
                          return view.Ran() &&
                                 !app::test::FindShownDialog<app::SessionNoteViewDialog>();
                      }),
            "Open did not show the signed note");
        BOOST_TEST(amend.Ran());
        BOOST_TEST(prefilled);
        BOOST_TEST(chart_read_only);
        BOOST_TEST(chart_shaded);
        BOOST_TEST(Contains(shown_before, "Signed by Jane Doe"), Utf8(shown_before));
        BOOST_TEST(Contains(shown_before, "Tight hamstrings after the 30 km long run"));
        BOOST_TEST(!Contains(shown_before, "Amendment 1"));
        BOOST_TEST(Contains(shown_after, "Amendment 1 — Assessment"), Utf8(shown_after));
        BOOST_TEST(Contains(shown_after, "Right hamstring response left out"));
        BOOST_TEST(Contains(shown_after, "right hamstring still tender"));
        BOOST_TEST(Contains(shown_after, "by Jane Doe"));
        // The original first, the amendment after it.
        BOOST_TEST(Utf8(shown_after).find("Less tension after treatment") <
                   Utf8(shown_after).find("Amendment 1"));
    }

    // In the database: the amendment by Jane Doe, and the original note as `saved` was.
    void SeeTheAmendmentBesideTheUnchangedOriginal(const core::SessionNote& saved) {
        const std::optional<core::SessionNote> amended = notes.Get(saved.id);
        BOOST_REQUIRE(amended);
        BOOST_REQUIRE(amended->amendments.size() == 1u);
        const core::Amendment& amendment = amended->amendments[0];
        BOOST_TEST((amendment.section == core::NoteSection::kAssessment));
        BOOST_TEST(amendment.reason == "Right hamstring response left out");
        BOOST_TEST(amendment.text == "Less tension after treatment; right hamstring still tender");
        BOOST_TEST(amendment.amended_by == jane.id);
        BOOST_TEST(!amendment.amended_at.empty());
        // The original is unchanged.
        BOOST_TEST(amended->assessment == "Less tension after treatment");
        BOOST_TEST(amended->subjective == saved.subjective);
        BOOST_TEST((amended->regions == saved.regions));
        BOOST_TEST(amended->signed_at == saved.signed_at);
        BOOST_TEST(Utf8(Sessions().List()->CellText(0, SessionListCtrl::Column::kStatus)) ==
                   "Signed, 1 amendment");
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(sessions_tests)

// The acceptance test of issue 4: in the real window, a note written by clicking both
// hamstrings on the back of the body chart, pressure and pain set in the grid, two
// techniques ticked, saved and signed by the staff member at the desk; then amended, with
// the original kept.
BOOST_FIXTURE_TEST_CASE(write_sign_and_amend_a_note_from_the_body_chart, SessionsFrame) {
    OpenSessions();
    BOOST_TEST(Sessions().List()->GetItemCount() == 0);
    BOOST_TEST(Sessions().Model().RowCount() == 0);

    WriteAndSignANoteFromTheBodyChart();
    const core::SessionNote saved = SeeTheSignedNoteSaved();
    SeeTheSignedNoteListed();
    OpenTheNoteAndAmendItsAssessment();
    SeeTheAmendmentBesideTheUnchangedOriginal(saved);

    // The only question asked was the signature's.
    BOOST_REQUIRE(DialogRecorder::Instance().Messages().size() == 1u);
    BOOST_TEST(Contains(DialogRecorder::Instance().Messages()[0], "Sign this note as Jane Doe?"));
}

// An unsigned note stays listed until it is signed; copying it starts the next note with
// its regions; storage's overlap refusal is shown at the start time.
BOOST_FIXTURE_TEST_CASE(copy_last_note_overlaps_and_unsigned_notes, SessionsFrame) {
    OpenSessions();
    app::test::SessionNoteDialogScript first([&](SessionNoteDialog& dialog) {
        RaiseAndWait(dialog);
        dialog.ToggleArea({Region::kCalves, Side::kLeft});
        dialog.ToggleArea({Region::kLowerBack, Side::kRight});
        Tick(dialog.TechniqueBox(Technique::kSwedish), true);
        dialog.TechniqueMinutes(Technique::kSwedish)->ChangeValue("30");
        Choose(dialog.RegionGrid()->CellAs<wxChoice>(0, SessionNoteDialog::kPainBeforeColumn),
               1 + 5);
        dynamic_cast<wxTextCtrl*>(dialog.ControlFor("start_time"))->ChangeValue("09:00");
        dialog.Save(false);
    });
    wxCommandEvent new_note(wxEVT_MENU, MainFrame::kIdSessionNew);
    frame->ProcessWindowEvent(new_note);
    BOOST_TEST(first.Ran());
    BOOST_REQUIRE(notes.CountForClient(ann.id) == 1);
    BOOST_TEST(Utf8(Sessions().List()->CellText(0, SessionListCtrl::Column::kStatus)) ==
               "Unsigned");
    BOOST_TEST(Contains(frame->DeskStatusText(), "At the desk: Jane Doe"));
    BOOST_TEST(Contains(frame->DeskStatusText(), "1 unsigned note"));

    // Copy last note: the same regions and pressure, no pain; at 09:00 again it overlaps.
    std::vector<core::RegionWork> copied;
    wxString overlap_problem;
    wxString default_start;
    bool start_focused = false;
    app::test::SessionNoteDialogScript second([&](SessionNoteDialog& dialog) {
        RaiseAndWait(dialog);
        copied = dialog.GridRegions();
        auto* start = dynamic_cast<wxTextCtrl*>(dialog.ControlFor("start_time"));
        default_start = dynamic_cast<wxTextCtrl&>(*dialog.ControlFor("start_time")).GetValue();
        start->ChangeValue("09:30");
        dialog.Save(false);
        overlap_problem = dialog.ProblemText();
        start_focused = WaitUntil("the cursor is in the start time",
                                  [&] { return wxWindow::FindFocus() == start; });
        start->ChangeValue("11:00");
        dialog.Save(false);
    });
    BOOST_TEST(Sessions().CopyLastNote());
    BOOST_TEST(second.Ran());
    const std::vector<core::RegionWork> expected{{Region::kCalves, Side::kLeft, 5, {}, {}},
                                                 {Region::kLowerBack, Side::kRight, 5, {}, {}}};
    BOOST_TEST((copied == expected));
    BOOST_TEST(Utf8(default_start) == "11:00");  // the hour that ended at noon
    // The clash names the other session: whose, with whom, when.
    BOOST_TEST(Contains(overlap_problem,
                        "Start time: this clashes with the session note of Ann Smith with Jane "
                        "Doe, "),
               Utf8(overlap_problem));
    BOOST_TEST(Contains(overlap_problem, "09:00–10:00."), Utf8(overlap_problem));
    BOOST_TEST(start_focused);
    BOOST_TEST(notes.CountForClient(ann.id) == 2);
    BOOST_TEST(notes.CountUnsigned() == 2);
    BOOST_TEST(Contains(frame->DeskStatusText(), "2 unsigned notes"));

    // Client ▸ Unsigned notes…: both, oldest first; opening one and signing it leaves one.
    std::int64_t listed_before = 0;
    std::int64_t listed_after = 0;
    wxString client_shown;
    bool no_status_column = false;
    app::test::SessionNoteDialogScript sign([&](SessionNoteDialog& dialog) {
        RaiseAndWait(dialog);
        DialogRecorder::Instance().Answer(wxID_YES);
        dialog.Save(true);
    });
    app::test::DialogScript<app::UnsignedNotesDialog> unsigned_list(
        [&](app::UnsignedNotesDialog& dialog) {
            listed_before = dialog.Model().RowCount();
            client_shown = dialog.List()->CellText(0, SessionListCtrl::Column::kClient);
            no_status_column = dialog.List()->ColumnIndex(SessionListCtrl::Column::kStatus) < 0;
            dialog.OpenSelected();
            listed_after = dialog.Model().RowCount();
            dialog.EndModal(wxID_CLOSE);
        });
    wxCommandEvent unsigned_notes(wxEVT_MENU, MainFrame::kIdSessionsUnsigned);
    frame->ProcessWindowEvent(unsigned_notes);
    BOOST_TEST(unsigned_list.Ran());
    BOOST_TEST(sign.Ran());
    BOOST_TEST(listed_before == 2);
    BOOST_TEST(listed_after == 1);
    BOOST_TEST(Utf8(client_shown) == "Ann Smith");
    BOOST_TEST(no_status_column);
    BOOST_TEST(notes.CountUnsigned() == 1);
    // The oldest (09:00) was signed first.
    const std::vector<db::SessionNoteSummary> listed = notes.ListForClient(ann.id, 0, 10);
    BOOST_REQUIRE(listed.size() == 2u);
    BOOST_TEST(listed[0].start_minute == 11 * 60);
    BOOST_TEST(!listed[0].is_signed);
    BOOST_TEST(listed[1].is_signed);
    BOOST_TEST(Contains(frame->DeskStatusText(), "1 unsigned note"));
}

// Signing a session that has not ended yet (the test clock is at noon; 11:30-12:30) is
// refused in the dialog with the time it ends; the note stays open and is saved unsigned.
BOOST_FIXTURE_TEST_CASE(a_note_is_not_signed_before_its_session_ends, SessionsFrame) {
    OpenSessions();
    wxString sign_problem;
    app::test::SessionNoteDialogScript script([&](SessionNoteDialog& dialog) {
        RaiseAndWait(dialog);
        dialog.ToggleArea({Region::kCalves, Side::kLeft});
        Tick(dialog.TechniqueBox(Technique::kSwedish), true);
        dialog.TechniqueMinutes(Technique::kSwedish)->ChangeValue("30");
        dynamic_cast<wxTextCtrl*>(dialog.ControlFor("start_time"))->ChangeValue("11:30");
        DialogRecorder::Instance().Answer(wxID_YES);
        dialog.Save(true);
        sign_problem = dialog.ProblemText();
        BOOST_TEST(dialog.IsModal());
        dialog.Save(false);
    });
    wxCommandEvent new_note(wxEVT_MENU, MainFrame::kIdSessionNew);
    frame->ProcessWindowEvent(new_note);
    BOOST_TEST(script.Ran());
    BOOST_TEST(Contains(sign_problem, "cannot be signed yet"), Utf8(sign_problem));
    BOOST_TEST(Contains(sign_problem, "12:30"), Utf8(sign_problem));
    BOOST_REQUIRE(notes.CountForClient(ann.id) == 1);
    BOOST_TEST(notes.CountUnsigned() == 1);

    // The next note does not start on top of the one just written (11:00 would clash with
    // 11:30-12:30): it starts when that one ends.
    wxString next_start;
    app::test::SessionNoteDialogScript next([&](SessionNoteDialog& dialog) {
        RaiseAndWait(dialog);
        next_start = dynamic_cast<wxTextCtrl&>(*dialog.ControlFor("start_time")).GetValue();
        dialog.EndModal(wxID_CANCEL);
    });
    frame->ProcessWindowEvent(new_note);
    BOOST_TEST(next.Ran());
    BOOST_TEST(Utf8(next_start) == "12:30");
}

// Copy last note skips a newer note with nothing to copy (no region, no technique) and says
// in full which note it copied (it copied the empty one, and its line was cut off).
BOOST_FIXTURE_TEST_CASE(copy_last_note_copies_the_newest_note_with_content, SessionsFrame) {
    const core::Date yesterday = core::AddDays(app::test::TestClock().Today(), -1);
    core::SessionNote worked;
    worked.client_id = ann.id;
    worked.therapist_id = jane.id;
    worked.date = yesterday;
    worked.start_minute = 9 * 60;
    worked.techniques = {{Technique::kSports, 40}};
    worked.regions = {{Region::kHamstrings, Side::kLeft, 6, 5, 3}};
    notes.Add(worked);
    core::SessionNote empty;
    empty.client_id = ann.id;
    empty.therapist_id = jane.id;
    empty.date = yesterday;
    empty.start_minute = 15 * 60;
    empty.no_treatment = core::NoTreatment::kTurnedAway;  // nothing to copy
    notes.Add(empty);

    OpenSessions();
    std::vector<core::RegionWork> copied;
    wxString copied_from;
    app::test::SessionNoteDialogScript script([&](SessionNoteDialog& dialog) {
        RaiseAndWait(dialog);
        copied = dialog.GridRegions();
        if (dialog.CopiedFrom()) {
            copied_from = dialog.CopiedFrom()->GetLabel();
            copied_from.Replace("\n", " ");  // wrapped to the window's width
        }
        dialog.EndModal(wxID_CANCEL);
    });
    BOOST_TEST(!Sessions().CopyLastNote());
    BOOST_TEST(script.Ran());
    const std::vector<core::RegionWork> expected{{Region::kHamstrings, Side::kLeft, 6, {}, {}}};
    BOOST_TEST((copied == expected));
    BOOST_TEST(Contains(copied_from, "09:00–10:00 (Jane Doe)"), Utf8(copied_from));
    BOOST_TEST(Contains(copied_from, "The text and the pain scores are not copied."),
               Utf8(copied_from));
}

// An unsigned note written by mistake is deleted after asking; a signed note is not.
BOOST_FIXTURE_TEST_CASE(an_unsigned_note_is_deleted_after_asking, SessionsFrame) {
    core::SessionNote mistake;
    mistake.client_id = ann.id;
    mistake.therapist_id = jane.id;
    mistake.date = core::AddDays(app::test::TestClock().Today(), -1);
    mistake.regions = {{Region::kCalves, Side::kLeft, 5, {}, {}}};
    mistake.techniques = {{Technique::kSwedish, 30}};
    notes.Add(mistake);
    OpenSessions();
    Sessions().List()->SelectRow(0);

    DialogRecorder::Instance().Answer(wxID_NO);  // Keep it
    BOOST_TEST(!Sessions().DeleteSelected());
    BOOST_TEST(notes.CountForClient(ann.id) == 1);
    DialogRecorder::Instance().Answer(wxID_YES);
    BOOST_TEST(Sessions().DeleteSelected());
    BOOST_TEST(notes.CountForClient(ann.id) == 0);
    BOOST_TEST(Sessions().Model().RowCount() == 0);
    BOOST_REQUIRE(!DialogRecorder::Instance().Messages().empty());
    BOOST_TEST(
        Contains(DialogRecorder::Instance().Messages().back(), "Delete the unsigned note of"),
        Utf8(DialogRecorder::Instance().Messages().back()));

    core::SessionNote signed_note = mistake;
    signed_note.id = 0;
    signed_note.version = 0;
    notes.Add(signed_note);
    notes.Sign(signed_note.id, jane.id);
    Sessions().Reload();
    Sessions().List()->SelectRow(0);
    const auto asked = DialogRecorder::Instance().Messages().size();
    BOOST_TEST(!Sessions().DeleteSelected());  // not even asked
    BOOST_TEST(DialogRecorder::Instance().Messages().size() == asked);
    BOOST_TEST(notes.CountForClient(ann.id) == 1);
}

// Nobody at the desk yet (a first start): the picker has nobody to offer; "Add staff
// member…" adds one, who is then at the desk and remembered.
BOOST_AUTO_TEST_CASE(the_first_person_at_the_desk_is_added_from_the_picker) {
    DialogRecorder::Instance().Reset();
    TempDatabase database;
    db::StaffRepository staff(database.Get());
    services::Context context(database.Get(), app::test::TestClock());
    auto* frame = new MainFrame(nullptr, context);
    frame->Show();
    BOOST_REQUIRE(RaiseAndWait(*frame));
    BOOST_TEST(Contains(frame->DeskStatusText(), "Nobody at the desk"));

    wxString empty_name_problem;
    bool list_hidden_when_empty = false;
    bool add_is_default = false;
    std::size_t listed_after_add = 0;
    app::test::StaffPickerDialogScript picker([&](app::StaffPickerDialog& dialog) {
        RaiseAndWait(dialog);
        list_hidden_when_empty = !dialog.List()->IsShown() && dialog.Listed().empty();
        add_is_default = dialog.AddButton()->IsThisEnabled();
        app::test::StaffMemberDialogScript named([&](app::StaffMemberDialog& member_dialog) {
            RaiseAndWait(member_dialog);
            // No name: refused, with the field in words.
            if (!member_dialog.TransferDataFromWindow()) {
                empty_name_problem = member_dialog.ProblemText();
            }
            TypeInto(member_dialog.NameCtrl(), "Sam Lee");
            member_dialog.ManagerButton()->SetValue(true);
            ClickInto(member_dialog.FindWindow(wxID_OK));
            WaitUntil("OK closed the staff member dialog",
                      [&] { return !member_dialog.IsModal(); });
        });
        Press(dialog.AddButton());
        listed_after_add = dialog.Listed().size();
        RaiseAndWait(dialog);  // the focus back from the closed member dialog
        ClickInto(dialog.FindWindow(wxID_OK));
        WaitUntil("OK closed the staff picker", [&] { return !dialog.IsModal(); });
    });
    wxCommandEvent change(wxEVT_MENU, MainFrame::kIdDeskChange);
    frame->ProcessWindowEvent(change);
    BOOST_TEST(picker.Ran());
    BOOST_TEST(list_hidden_when_empty);
    BOOST_TEST(Utf8(empty_name_problem) == "Name: this field is required.");
    BOOST_TEST(add_is_default);
    BOOST_TEST(listed_after_add == 1u);
    BOOST_REQUIRE(frame->StaffAtDesk());
    BOOST_TEST(frame->StaffAtDesk()->name == "Sam Lee");
    BOOST_TEST((frame->StaffAtDesk()->role == core::StaffRole::kManager));
    BOOST_TEST(Contains(frame->DeskStatusText(), "At the desk: Sam Lee"));
    BOOST_TEST((app::Settings().LastStaffAtDesk() == frame->StaffAtDesk()->id));
    BOOST_TEST(staff.List().size() == 1u);
    app::test::DestroyAndWait(frame);
}

// Starting a note with nobody at the desk asks who it is first.
BOOST_FIXTURE_TEST_CASE(a_note_with_nobody_at_the_desk_asks_who_first, SessionsFrame) {
    SessionsFrame& fixture = *this;
    frame->SetStaffAtDesk(std::nullopt);
    BOOST_REQUIRE(frame->OpenClient(ann.id));
    bool jane_offered = false;
    app::test::StaffPickerDialogScript picker([&](app::StaffPickerDialog& dialog) {
        jane_offered = dialog.Listed().size() == 1u && dialog.Listed()[0].id == fixture.jane.id;
        dialog.Select(fixture.jane.id);
        if (dialog.TransferDataFromWindow()) {
            dialog.EndModal(wxID_OK);
        }
    });
    wxString therapist_label;
    app::test::SessionNoteDialogScript editor(
        [&](SessionNoteDialog& dialog) { dialog.EndModal(wxID_CANCEL); });
    BOOST_TEST(!Sessions().NewNote());
    BOOST_TEST(picker.Ran());
    BOOST_TEST(editor.Ran());
    BOOST_TEST(jane_offered);
    BOOST_REQUIRE(frame->StaffAtDesk());
    BOOST_TEST(frame->StaffAtDesk()->id == jane.id);
}

// Edit ▸ Staff…: add, rename and deactivate; the person at the desk cannot be deactivated.
BOOST_FIXTURE_TEST_CASE(staff_are_added_renamed_and_deactivated, SessionsFrame) {
    bool desk_protected = false;
    bool given_account = false;
    std::vector<core::Staff> listed;
    app::test::DialogScript<app::StaffDialog> script([&](app::StaffDialog& dialog) {
        // Jane is at the desk: Deactivate does nothing.
        dialog.SelectRow(0);
        dialog.ToggleSelectedActive();
        desk_protected = staff.Get(jane.id)->active;
        app::test::StaffMemberDialogScript add([&](app::StaffMemberDialog& member) {
            member.NameCtrl()->SetValue("Olu Ade");
            member.EndModal(member.TransferDataFromWindow() ? wxID_OK : wxID_CANCEL);
        });
        dialog.AddMember();
        app::test::StaffMemberDialogScript rename([&](app::StaffMemberDialog& member) {
            member.NameCtrl()->SetValue("Olu Adeyemi");
            member.EndModal(member.TransferDataFromWindow() ? wxID_OK : wxID_CANCEL);
        });
        dialog.EditSelected();  // the one just added is selected
        // Account…: a username and password given, then a new password.
        given_account = dialog.SetAccountOfSelected("olu", "olu's passphrase") &&
                        dialog.SetAccountOfSelected("olu", "another passphrase");
        dialog.ToggleSelectedActive();
        listed = dialog.Listed();
        dialog.EndModal(wxID_CLOSE);
    });
    wxCommandEvent edit(wxEVT_MENU, MainFrame::kIdEditStaff);
    frame->ProcessWindowEvent(edit);
    BOOST_TEST(script.Ran());
    BOOST_TEST(desk_protected);
    const std::vector<core::Staff> all = staff.List(true);
    BOOST_REQUIRE(all.size() == 2u);
    const auto olu = std::find_if(all.begin(), all.end(),
                                  [](const core::Staff& s) { return s.name == "Olu Adeyemi"; });
    BOOST_REQUIRE(olu != all.end());
    BOOST_TEST(!olu->active);
    BOOST_TEST(given_account);
    BOOST_TEST(olu->username == "olu");
    const auto hash = staff.PasswordHash(olu->id);
    BOOST_TEST_REQUIRE(hash.has_value());
    BOOST_TEST(services::PasswordMatches(*hash, "another passphrase"));
    BOOST_TEST(staff.List(false).size() == 1u);  // no longer offered at the desk
    BOOST_REQUIRE(listed.size() == 2u);
    BOOST_TEST(listed.back().name == "Olu Adeyemi");  // inactive last
}

// A client never screened, or screened over a year ago: asked before the note is written
// (Cancel writes nothing); no reason is needed to go ahead.
struct UnscreenedFrame : SessionsFrame {
    UnscreenedFrame() : SessionsFrame(true, std::nullopt) {}
};

BOOST_FIXTURE_TEST_CASE(a_note_for_a_client_not_screened_is_confirmed_first, UnscreenedFrame) {
    OpenSessions();
    DialogRecorder::Instance().Answer(wxID_NO);
    BOOST_TEST(!Sessions().NewNote());
    BOOST_REQUIRE(DialogRecorder::Instance().Messages().size() == 1u);
    BOOST_TEST(Contains(DialogRecorder::Instance().Messages()[0],
                        "Ann Smith has no intake: contraindications were not screened."),
               Utf8(DialogRecorder::Instance().Messages()[0]));

    app::test::SessionNoteDialogScript editor([&](SessionNoteDialog& dialog) {
        RaiseAndWait(dialog);
        dialog.EndModal(wxID_CANCEL);
    });
    DialogRecorder::Instance().Answer(wxID_YES);
    Sessions().NewNote();
    BOOST_TEST(editor.Ran());

    // Screened 400 days ago: asked again, naming the day.
    core::Intake old;
    old.client_id = ann.id;
    old.taken_on = core::AddDays(app::test::TestClock().Today(), -400);
    old.consent = {true, "Ann Smith", old.taken_on};
    intakes.Add(old);
    DialogRecorder::Instance().Answer(wxID_NO);
    BOOST_TEST(!Sessions().NewNote());
    BOOST_REQUIRE(DialogRecorder::Instance().Messages().size() == 3u);
    BOOST_TEST(Contains(DialogRecorder::Instance().Messages()[2], "is over a year old"),
               Utf8(DialogRecorder::Instance().Messages()[2]));
    BOOST_TEST(notes.CountForClient(ann.id) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
