#include "common/form_rows_panel.h"
#include "dialog_script.h"
#include "gui_test_support.h"
#include "intake/contraindication_banner.h"
#include "intake/contraindication_banner_panel.h"
#include "sessions/body_chart_ctrl.h"
#include "sessions/session_note_dialog.h"

#include <myodesk/db/clock.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/session_clash.h>
#include <myodesk/services/errors.h>

#include <boost/test/unit_test.hpp>
#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/textctrl.h>

#include <chrono>
#include <string>
#include <vector>

using namespace myodesk;
using namespace std::chrono_literals;
using app::SessionNoteDialog;
using app::test::Choose;
using app::test::ClickAt;
using app::test::ClickInto;
using app::test::Contains;
using app::test::DialogRecorder;
using app::test::RaiseAndWait;
using app::test::SessionNoteDialogScript;
using app::test::Tick;
using app::test::Utf8;
using app::test::WaitUntil;
using core::BodyView;
using core::Region;
using core::Side;

namespace {

core::ContraindicationFlag Flag(core::FlagCode code, std::optional<Region> region = std::nullopt,
                                std::optional<Side> side = std::nullopt) {
    core::ContraindicationFlag flag;
    flag.level = core::LevelOf(code);
    flag.code = code;
    flag.region = region;
    flag.side = side;
    return flag;
}

SessionNoteDialog::Context MakeContext(std::vector<core::ContraindicationFlag> flags = {}) {
    SessionNoteDialog::Context context;
    context.client = app::test::MakeClient("Ann", "Smith");
    context.client.id = 7;
    context.today = app::test::TestClock().Today();
    context.at_desk = core::Staff{3, "Jane Doe", core::StaffRole::kTherapist, true, ""};
    context.therapist_name = "Jane Doe";
    context.banner = app::MakeContraindicationBanner(flags, context.today, context.today);
    context.flags = std::move(flags);
    return context;
}

core::SessionNote NewNote(const SessionNoteDialog::Context& context) {
    return SessionNoteDialog::NewNote(context.client.id, context.at_desk.id, context.today,
                                      10 * 60);
}

// A new note with the least a note records to be saved: a technique and a region.
core::SessionNote NoteWithTreatment(const SessionNoteDialog::Context& context) {
    core::SessionNote note = NewNote(context);
    note.techniques = {{core::Technique::kSwedish, 30}};
    note.regions = {{Region::kCalves, Side::kBilateral, 5, {}, {}}};
    return note;
}

// Clicks the middle of an area of the chart, as a person does; the caller waits for what the
// click does.
void ClickArea(SessionNoteDialog& dialog, BodyView view, core::RegionSide area) {
    app::BodyChartCtrl* chart = dialog.Chart();
    ClickAt(chart, [&] { return chart->ClientToScreen(chart->AreaPoint(view, area)); });
}

wxChoice* Cell(SessionNoteDialog& dialog, std::size_t row, std::size_t column) {
    return dialog.RegionGrid()->CellAs<wxChoice>(row, column);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(session_note_dialog_tests)

BOOST_AUTO_TEST_CASE(a_new_note_starts_with_quick_defaults) {
    const SessionNoteDialog::Context context = MakeContext();
    const core::SessionNote note = SessionNoteDialog::NewNote(7, 3, context.today, 10 * 60 + 8);
    BOOST_TEST((note.date == context.today));
    BOOST_TEST(note.start_minute == 9 * 60);  // 09:00-10:00: just ended, so it can be signed
    BOOST_TEST(note.duration_min == 60);
    BOOST_TEST((note.position == core::Position::kProne));
    BOOST_TEST(note.therapist_id == 3);
    BOOST_TEST(note.client_id == 7);
}

// (b) A second click on an area takes it off again; edits in the grid show on the chart.
BOOST_AUTO_TEST_CASE(clicking_an_area_twice_removes_it_and_grid_edits_update_the_chart) {
    DialogRecorder::Instance().Reset();
    bool added_by_click = false;
    bool grid_row_right = false;
    bool removed_by_second_click = false;
    bool grid_region_shaded = false;
    bool side_change_followed = false;
    bool pressure_followed = false;
    bool both_sides_split = false;
    bool both_sides_joined = false;
    SessionNoteDialogScript script([&](SessionNoteDialog& dialog) {
        RaiseAndWait(dialog);
        app::BodyChartCtrl* chart = dialog.Chart();
        const core::RegionSide left_calf{Region::kCalves, Side::kLeft};

        ClickArea(dialog, BodyView::kBack, left_calf);
        added_by_click =
            WaitUntil("a click shaded the left calf", [&] { return chart->IsShaded(left_calf); });
        const std::vector<core::RegionWork> regions = dialog.GridRegions();
        grid_row_right = regions.size() == 1u && regions[0].region == Region::kCalves &&
                         regions[0].side == Side::kLeft && regions[0].pressure == 5 &&
                         !chart->IsShaded({Region::kCalves, Side::kRight});

        ClickArea(dialog, BodyView::kBack, left_calf);  // a second click, never a double click
        removed_by_second_click = WaitUntil("a second click took the left calf off",
                                            [&] { return !chart->IsShaded(left_calf); }) &&
                                  dialog.RegionGrid()->RowCount() == 0u;

        // The grid alone: Add region, quadriceps, both sides; then right; then deep.
        const std::size_t row = dialog.RegionGrid()->AddRow();
        Choose(Cell(dialog, row, SessionNoteDialog::kRegionColumn),
               1 + static_cast<int>(Region::kQuadriceps));
        grid_region_shaded = chart->IsShaded({Region::kQuadriceps, Side::kLeft}) &&
                             chart->IsShaded({Region::kQuadriceps, Side::kRight});
        Choose(Cell(dialog, row, SessionNoteDialog::kSideColumn), static_cast<int>(Side::kRight));
        side_change_followed = !chart->IsShaded({Region::kQuadriceps, Side::kLeft}) &&
                               chart->IsShaded({Region::kQuadriceps, Side::kRight});
        Choose(Cell(dialog, row, SessionNoteDialog::kPressureColumn), 8 - 1);
        pressure_followed = chart->ShadedPressure({Region::kQuadriceps, Side::kRight}) == 8;

        // Both sides marked; clicking the left one leaves the right one.
        Choose(Cell(dialog, row, SessionNoteDialog::kSideColumn),
               static_cast<int>(Side::kBilateral));
        dialog.ToggleArea({Region::kQuadriceps, Side::kLeft});
        const std::vector<core::RegionWork> after = dialog.GridRegions();
        both_sides_split = after.size() == 1u && after[0].side == Side::kRight &&
                           after[0].pressure == 8 &&
                           !chart->IsShaded({Region::kQuadriceps, Side::kLeft});

        // Clicking the left again joins it to the right: one row, both sides, the same pressure.
        dialog.ToggleArea({Region::kQuadriceps, Side::kLeft});
        const std::vector<core::RegionWork> joined = dialog.GridRegions();
        both_sides_joined = joined.size() == 1u && joined[0].side == Side::kBilateral &&
                            joined[0].pressure == 8 &&
                            chart->IsShaded({Region::kQuadriceps, Side::kLeft}) &&
                            chart->IsShaded({Region::kQuadriceps, Side::kRight});
        dialog.EndModal(wxID_CANCEL);
    });
    const SessionNoteDialog::Context context = MakeContext();
    SessionNoteDialog dialog(nullptr, context, NewNote(context));
    BOOST_TEST(dialog.ShowModal() == wxID_CANCEL);
    BOOST_TEST(script.Ran());
    BOOST_TEST(!script.TimedOut());
    BOOST_TEST(added_by_click);
    BOOST_TEST(grid_row_right);
    BOOST_TEST(removed_by_second_click);
    BOOST_TEST(grid_region_shaded);
    BOOST_TEST(side_change_followed);
    BOOST_TEST(pressure_followed);
    BOOST_TEST(both_sides_split);
    BOOST_TEST(both_sides_joined);
    BOOST_TEST(DialogRecorder::Instance().Messages().empty());
}

// (c) An area under a local flag is hatched, and adding it asks first.
BOOST_AUTO_TEST_CASE(an_area_to_avoid_is_hatched_and_asks_before_it_is_added) {
    DialogRecorder::Instance().Reset();
    const core::RegionSide left_calf{Region::kCalves, Side::kLeft};
    bool hatched = false;
    bool other_side_plain = false;
    bool refused = false;
    bool added_when_confirmed = false;
    bool grid_choice_reverted = false;
    std::size_t messages_after_no = 0;
    SessionNoteDialogScript script([&](SessionNoteDialog& dialog) {
        RaiseAndWait(dialog);
        app::BodyChartCtrl* chart = dialog.Chart();
        hatched = chart->IsHatched(left_calf);
        other_side_plain = !chart->IsHatched({Region::kCalves, Side::kRight});

        DialogRecorder::Instance().Answer(wxID_NO);
        ClickArea(dialog, BodyView::kBack, left_calf);
        WaitUntil("a click on the area to avoid asked first",
                  [&] { return !DialogRecorder::Instance().Messages().empty(); });
        app::test::WaitForIdle();  // and whatever the answer set off has happened
        messages_after_no = DialogRecorder::Instance().Messages().size();
        refused = !chart->IsShaded(left_calf) && dialog.RegionGrid()->RowCount() == 0u;

        // From the grid it asks too; "Don't add" puts the choice back.
        const std::size_t row = dialog.RegionGrid()->AddRow();
        Choose(Cell(dialog, row, SessionNoteDialog::kSideColumn), static_cast<int>(Side::kLeft));
        DialogRecorder::Instance().Answer(wxID_NO);
        Choose(Cell(dialog, row, SessionNoteDialog::kRegionColumn),
               1 + static_cast<int>(Region::kCalves));
        grid_choice_reverted =
            Cell(dialog, row, SessionNoteDialog::kRegionColumn)->GetSelection() == 0 &&
            !chart->IsShaded(left_calf);
        dialog.RegionGrid()->RemoveRow(row);
        app::test::WaitForIdle();

        DialogRecorder::Instance().Answer(wxID_YES);
        dialog.ToggleArea(left_calf);
        added_when_confirmed = chart->IsShaded(left_calf) && dialog.GridRegions().size() == 1u;
        dialog.EndModal(wxID_CANCEL);
    });
    const SessionNoteDialog::Context context =
        MakeContext({Flag(core::FlagCode::kVaricoseVeins, Region::kCalves, Side::kLeft)});
    SessionNoteDialog dialog(nullptr, context, NewNote(context));
    dialog.ShowModal();
    BOOST_TEST(script.Ran());
    BOOST_TEST(hatched);
    BOOST_TEST(other_side_plain);
    BOOST_TEST(messages_after_no == 1u);
    BOOST_TEST(refused);
    BOOST_TEST(grid_choice_reverted);
    BOOST_TEST(added_when_confirmed);
    const std::vector<wxString>& messages = DialogRecorder::Instance().Messages();
    BOOST_REQUIRE(messages.size() == 3u);
    BOOST_TEST(Contains(messages[0], "Add left calf to the note anyway?"), Utf8(messages[0]));
    BOOST_TEST(Contains(messages[0], "Avoid left calf: varicose veins"), Utf8(messages[0]));
    // The banner above the editor says it too.
    BOOST_TEST(Contains(dialog.Banner()->Text(), "Avoid left calf: varicose veins"));
    BOOST_TEST(dialog.Banner()->IsShown());
}

BOOST_AUTO_TEST_CASE(deep_pressure_and_deep_tissue_under_a_modify_flag_ask_first) {
    DialogRecorder::Instance().Reset();
    int default_pressure = 0;
    int pressure_after_no = 0;
    int pressure_after_yes = 0;
    bool deep_tissue_after_no = true;
    SessionNoteDialogScript script([&](SessionNoteDialog& dialog) {
        RaiseAndWait(dialog);
        dialog.ToggleArea({Region::kHamstrings, Side::kLeft});
        default_pressure = dialog.GridRegions().at(0).pressure;
        DialogRecorder::Instance().Answer(wxID_NO);
        Choose(Cell(dialog, 0, SessionNoteDialog::kPressureColumn), 8 - 1);
        pressure_after_no = dialog.GridRegions().at(0).pressure;
        DialogRecorder::Instance().Answer(wxID_YES);
        Choose(Cell(dialog, 0, SessionNoteDialog::kPressureColumn), 8 - 1);
        pressure_after_yes =
            dialog.Chart()->ShadedPressure({Region::kHamstrings, Side::kLeft}).value_or(0);
        DialogRecorder::Instance().Answer(wxID_NO);
        Tick(dialog.TechniqueBox(core::Technique::kDeepTissue), true);
        deep_tissue_after_no = dialog.TechniqueBox(core::Technique::kDeepTissue)->GetValue();
        dialog.EndModal(wxID_CANCEL);
    });
    SessionNoteDialog::Context context = MakeContext({Flag(core::FlagCode::kAnticoagulants)});
    context.preferred_pressure = core::Pressure::kDeep;  // capped by the flag
    context.modify_pressure_cap = 5;
    SessionNoteDialog dialog(nullptr, context, NewNote(context));
    dialog.ShowModal();
    BOOST_TEST(script.Ran());
    BOOST_TEST(default_pressure == 5);
    BOOST_TEST(pressure_after_no == 5);
    BOOST_TEST(pressure_after_yes == 8);
    BOOST_TEST(!deep_tissue_after_no);
    const std::vector<wxString>& messages = DialogRecorder::Instance().Messages();
    BOOST_REQUIRE(messages.size() == 3u);
    BOOST_TEST(Contains(messages[0], "8 – deep"), Utf8(messages[0]));
    BOOST_TEST(Contains(messages[0], "No deep tissue: anticoagulants"), Utf8(messages[0]));
    BOOST_TEST(Contains(messages[2], "Deep tissue"), Utf8(messages[2]));
}

BOOST_AUTO_TEST_CASE(problems_are_named_in_words_and_the_cursor_goes_there) {
    DialogRecorder::Instance().Reset();
    wxString time_problem;
    bool start_focused = false;
    wxString date_problem;
    wxString date_kept;
    wxString technique_problem;
    bool minutes_focused = false;
    wxString region_problem;
    wxString saved_problem;
    bool still_open = false;
    SessionNoteDialogScript script([&](SessionNoteDialog& dialog) {
        RaiseAndWait(dialog);
        auto* start = dynamic_cast<wxTextCtrl*>(dialog.ControlFor("start_time"));
        start->ChangeValue("25:99");
        dialog.Save(false);
        time_problem = dialog.ProblemText();
        start_focused = WaitUntil("the cursor is in the start time",
                                  [&] { return wxWindow::FindFocus() == start; });

        start->ChangeValue("9.30");

        // A date that does not exist is named and stays as typed.
        auto* date = dynamic_cast<wxTextCtrl*>(dialog.ControlFor("date"));
        const wxString today = date->GetValue();
        date->ChangeValue("02/30/2026");
        dialog.Save(false);
        date_problem = dialog.ProblemText();
        date_kept = date->GetValue();
        date->ChangeValue(today);

        Tick(dialog.TechniqueBox(core::Technique::kTriggerPoint), true);
        dialog.TechniqueMinutes(core::Technique::kTriggerPoint)->ChangeValue("40");
        Tick(dialog.TechniqueBox(core::Technique::kSports), true);
        dialog.TechniqueMinutes(core::Technique::kSports)->ChangeValue("35");
        dialog.Save(false);
        technique_problem = dialog.ProblemText();
        minutes_focused = WaitUntil("the cursor is in the trigger point minutes", [&] {
            return wxWindow::FindFocus() == dialog.TechniqueMinutes(core::Technique::kTriggerPoint);
        });

        dialog.TechniqueMinutes(core::Technique::kSports)->ChangeValue("20");
        dialog.RegionGrid()->AddRow();  // no region chosen
        dialog.Save(false);
        region_problem = dialog.ProblemText();
        dialog.SetRegionRow(0, {Region::kCalves, Side::kBilateral, 5, {}, {}});

        // Storage refuses: the client has another session then, named in full.
        dialog.Save(false);
        saved_problem = dialog.ProblemText();
        still_open = dialog.IsModal();
        dialog.EndModal(wxID_CANCEL);
    });
    const SessionNoteDialog::Context context = MakeContext();
    SessionNoteDialog dialog(nullptr, context, NewNote(context), [](core::SessionNote&, bool) {
        const core::SessionSlot other{
            core::SessionKind::kAppointment, 41, {2026y / 6 / 3}, 9 * 60, 45, 2, 1, {}, 0};
        throw db::ClashError({other, "Bo Ek", "Ann Smith", "", std::nullopt});
    });
    dialog.ShowModal();
    BOOST_TEST(script.Ran());
    BOOST_TEST(Contains(time_problem, "Start time: enter the time as hours and minutes"),
               Utf8(time_problem));
    BOOST_TEST(start_focused);
    BOOST_TEST(
        Contains(date_problem, "Session date: \u201C02/30/2026\u201D is not a date. Type it as "),
        Utf8(date_problem));
    BOOST_TEST(Utf8(date_kept) == "02/30/2026");
    BOOST_TEST(Contains(technique_problem,
                        "Techniques: the minutes add up to 75, more than the session's 60 minutes"),
               Utf8(technique_problem));
    BOOST_TEST(minutes_focused);
    BOOST_TEST(Contains(region_problem, "Regions, row 1 — region: choose the region"),
               Utf8(region_problem));
    BOOST_TEST(Contains(saved_problem,
                        "Start time: this clashes with the booked session of Ann Smith with Bo Ek, "
                        "3 Jun 2026, 09:00–09:45."),
               Utf8(saved_problem));
    BOOST_TEST(still_open);
}

BOOST_AUTO_TEST_CASE(ctrl_s_saves_and_ctrl_shift_s_signs_after_asking) {
    DialogRecorder::Instance().Reset();
    std::vector<std::pair<core::SessionNote, bool>> saves;
    SessionNoteDialogScript script({
        [&](SessionNoteDialog& dialog) {
            RaiseAndWait(dialog);
            app::test::TypeInto(dynamic_cast<wxTextCtrl*>(dialog.ControlFor("plan")),
                                "Stretch daily");
            app::test::PressKey('s', wxMOD_CONTROL, [&] { return !dialog.IsModal(); });
            WaitUntil("Ctrl+S closed the note", [&] { return !dialog.IsModal(); });
        },
        [&](SessionNoteDialog& dialog) {
            RaiseAndWait(dialog);
            ClickInto(dialog.ControlFor("subjective"));
            app::test::WaitUntilFocusIn(dialog.ControlFor("subjective"));
            DialogRecorder::Instance().Answer(wxID_YES);
            app::test::PressKey('s', wxMOD_CONTROL | wxMOD_SHIFT,
                                [&] { return !dialog.IsModal(); });
            WaitUntil("Ctrl+Shift+S closed the note", [&] { return !dialog.IsModal(); });
        },
    });
    const SessionNoteDialog::Context context = MakeContext();
    const auto save = [&](core::SessionNote& note, bool sign) {
        note.id = 42;
        saves.emplace_back(note, sign);
    };
    {
        SessionNoteDialog dialog(nullptr, context, NoteWithTreatment(context), save);
        BOOST_TEST(dialog.ShowModal() == wxID_OK);
        BOOST_TEST(!dialog.WasSigned());
        BOOST_TEST(dialog.GetNote().id == 42);
    }
    {
        SessionNoteDialog dialog(nullptr, context, NoteWithTreatment(context), save);
        BOOST_TEST(dialog.ShowModal() == wxID_OK);
        BOOST_TEST(dialog.WasSigned());
    }
    BOOST_TEST(script.Ran());
    BOOST_REQUIRE(saves.size() == 2u);
    BOOST_TEST(saves[0].first.plan == "Stretch daily");
    BOOST_TEST(!saves[0].second);
    BOOST_TEST(saves[1].second);
    BOOST_REQUIRE(DialogRecorder::Instance().Messages().size() == 1u);
    BOOST_TEST(Contains(DialogRecorder::Instance().Messages()[0], "Sign this note as Jane Doe?"));
}

// A red flag (no massage: refer) is overridden only with a reason, in a dialog of its own; the
// note is then saved with the reason.
BOOST_AUTO_TEST_CASE(a_red_flag_asks_for_a_reason_before_the_note_is_saved) {
    DialogRecorder::Instance().Reset();
    const core::ContraindicationFlag dvt = Flag(core::FlagCode::kDvt, Region::kCalves, Side::kLeft);
    std::vector<core::SessionNote> saved;
    bool open_without_reason = false;
    bool cancel_is_default = false;
    const std::string reason = "Physician cleared upper-body massage in writing.";
    app::test::FlagOverrideDialogScript override_script({
        [&](app::FlagOverrideDialog& dialog) {
            RaiseAndWait(dialog);
            auto* cancel = dynamic_cast<wxButton*>(dialog.FindWindow(wxID_CANCEL));
            cancel_is_default = cancel != nullptr && dialog.GetDefaultItem() == cancel;
            dialog.EndModal(wxID_CANCEL);  // not this time: nothing is saved
        },
        [&](app::FlagOverrideDialog& dialog) {
            RaiseAndWait(dialog);
            dialog.Affirm();  // no reason: refused, still open
            open_without_reason = dialog.IsModal();
            dialog.ReasonCtrl()->ChangeValue(wxString::FromUTF8(reason));
            dialog.Affirm();
        },
    });
    bool open_after_cancel = false;
    SessionNoteDialogScript script([&](SessionNoteDialog& dialog) {
        RaiseAndWait(dialog);
        dialog.Save(false);
        open_after_cancel = dialog.IsModal();
        dialog.Save(false);
    });
    const SessionNoteDialog::Context context = MakeContext({dvt});
    SessionNoteDialog dialog(nullptr, context, NoteWithTreatment(context),
                             [&](core::SessionNote& note, bool) {
                                 if (note.flag_override.empty()) {
                                     throw services::AbsoluteFlagError(note.date, {dvt});
                                 }
                                 note.id = 43;
                                 saved.push_back(note);
                             });
    BOOST_TEST(dialog.ShowModal() == wxID_OK);
    BOOST_TEST(script.Ran());
    BOOST_TEST(override_script.Ran());
    BOOST_TEST(cancel_is_default);
    BOOST_TEST(open_after_cancel);
    BOOST_TEST(open_without_reason);
    BOOST_REQUIRE(saved.size() == 1u);
    BOOST_TEST(saved[0].flag_override == reason);
}

// An empty note is refused with a way out: the treatment given, or why there was none.
BOOST_AUTO_TEST_CASE(a_note_without_treatment_says_why) {
    DialogRecorder::Instance().Reset();
    wxString empty_problem;
    std::vector<core::SessionNote> saved;
    SessionNoteDialogScript script([&](SessionNoteDialog& dialog) {
        RaiseAndWait(dialog);
        dialog.Save(false);
        empty_problem = dialog.ProblemText();
        Choose(dynamic_cast<wxChoice*>(dialog.ControlFor("no_treatment")), 3);  // referred
        dialog.Save(false);
    });
    const SessionNoteDialog::Context context = MakeContext();
    SessionNoteDialog dialog(nullptr, context, NewNote(context),
                             [&](core::SessionNote& note, bool) { saved.push_back(note); });
    BOOST_TEST(dialog.ShowModal() == wxID_OK);
    BOOST_TEST(script.Ran());
    BOOST_TEST(Contains(empty_problem,
                        "Regions: click the body where you worked, or choose "
                        "under Treatment why none was given."),
               Utf8(empty_problem));
    BOOST_REQUIRE(saved.size() == 1u);
    BOOST_TEST((saved[0].no_treatment == core::NoTreatment::kReferred));
}

// Correcting a signed note: the editor holds the note as it reads now, needs a change, offers no
// signing, and hands over the reason with the corrected note.
BOOST_AUTO_TEST_CASE(a_correction_changes_a_pain_score_with_a_reason) {
    DialogRecorder::Instance().Reset();
    wxString unchanged_problem;
    bool has_sign_button = true;
    SessionNoteDialog* editor = nullptr;
    std::vector<std::pair<core::SessionNote, std::string>> saved;
    SessionNoteDialogScript script([&](SessionNoteDialog& dialog) {
        RaiseAndWait(dialog);
        has_sign_button = dialog.FindWindow("sign") != nullptr;
        dialog.Save(false);
        unchanged_problem = dialog.ProblemText();
        dialog.CorrectionReasonCtrl()->ChangeValue("Pain after recorded on the wrong side");
        dialog.SetRegionRow(0, {Region::kCalves, Side::kBilateral, 5, 6, 2});
        dialog.Save(true);  // Ctrl+Shift+S does not sign a correction
    });
    SessionNoteDialog::Context context = MakeContext();
    context.correcting = true;
    core::SessionNote note = NoteWithTreatment(context);
    note.id = 12;
    note.regions[0].pain_before = 6;
    note.regions[0].pain_after = 4;
    SessionNoteDialog dialog(nullptr, context, note, [&](core::SessionNote& corrected, bool sign) {
        BOOST_TEST(!sign);
        saved.emplace_back(corrected, editor->CorrectionReason());
    });
    editor = &dialog;
    BOOST_TEST(dialog.ShowModal() == wxID_OK);
    BOOST_TEST(script.Ran());
    BOOST_TEST(!has_sign_button);
    BOOST_TEST(Contains(unchanged_problem, "Nothing was corrected yet"), Utf8(unchanged_problem));
    BOOST_REQUIRE(saved.size() == 1u);
    BOOST_TEST((saved[0].first.regions[0].pain_after == 2));
    BOOST_TEST(saved[0].second == "Pain after recorded on the wrong side");
    BOOST_TEST(!dialog.WasSigned());
}

BOOST_AUTO_TEST_SUITE_END()
