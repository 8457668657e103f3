// Reports in the real window: the client's progress report and physician letter on the
// Reports tab (HTML view, print preview, PDF, CSV), the clinic summary window and the clinic
// details dialog.
#include "clients/client_workspace_panel.h"
#include "clinic/clinic_details_dialog.h"
#include "common/code_names.h"
#include "common/date_field.h"
#include "common/wx_conversions.h"
#include "dialog_script.h"
#include "gui_test_support.h"
#include "logo_test_files.h"
#include "reports/clinic_summary_dialog.h"
#include "reports/period_dialog.h"
#include "reports/report_output.h"
#include "reports/report_view_panel.h"
#include "reports/reports_panel.h"
#include "shell/main_frame.h"

#include <myodesk/db/clinic_settings_repository.h>
#include <myodesk/db/clock.h>
#include <myodesk/db/intake_repository.h>
#include <myodesk/db/session_note_repository.h>

#include <boost/test/unit_test.hpp>
#include <wx/choice.h>
#include <wx/filepicker.h>
#include <wx/html/htmlwin.h>
#include <wx/html/htmprint.h>
#include <wx/notebook.h>
#include <wx/prntbase.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <fstream>
#include <sstream>
#include <string>

using namespace myodesk;
using app::ClientWorkspacePanel;
using app::MainFrame;
using app::ReportsPanel;
using app::test::Contains;
using app::test::DialogRecorder;
using app::test::Utf8;
using app::test::WaitUntil;

namespace {

core::Date Today() {
    return app::test::TestClock().Today();
}

std::string ReadFile(const std::filesystem::path& path) {
    // Through rdbuf: g++ -O2 misreads istreambuf_iterator as a null dereference.
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// A runner with a Unicode name, an intake flagging varicose veins on the right calf and
// three signed sessions with Jane Doe over the last weeks.
struct ReportFrame : app::test::ClinicFrame {
    db::IntakeRepository intakes{database.Get()};
    db::SessionNoteRepository notes{database.Get()};
    core::Client runner;
    std::vector<core::Date> session_dates;

    ReportFrame() {
        runner = app::test::MakeClient("Siobhán", "Ní Bhriain");
        clients.Add(runner);
        core::Intake intake;
        intake.client_id = runner.id;
        intake.taken_on = core::AddDays(Today(), -40);
        intake.health.conditions.push_back(
            {core::ConditionCode::kVaricoseVeins, core::Region::kCalves, core::Side::kRight, {}});
        intake.soreness.push_back({core::Region::kHamstrings, core::Side::kLeft, 6});
        intake.consent = {true, "Siobhán Ní Bhriain", intake.taken_on};
        intakes.Add(intake);
        int pain = 6;
        for (int days_ago : {30, 20, 10}) {
            core::SessionNote note;
            note.client_id = runner.id;
            note.therapist_id = jane.id;
            note.date = core::AddDays(Today(), -days_ago);
            note.techniques = {{core::Technique::kSports, 40}};
            note.regions = {{core::Region::kHamstrings, core::Side::kLeft, 6, pain, pain - 2}};
            pain -= 2;
            notes.Add(note);
            notes.Sign(note.id, jane.id);
            session_dates.push_back(note.date);
        }
        Open(jane);
        BOOST_REQUIRE(frame->OpenClient(runner.id));
    }

    ReportsPanel& Reports() { return *Workspace().Reports(); }
    wxString Html() { return Reports().View()->Html().Html(); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(reports_tests)

BOOST_FIXTURE_TEST_CASE(the_reports_tab_shows_the_progress_report_and_the_physician_letter,
                        ReportFrame) {
    // Reports ▸ Progress report opens the tab with the report read for this client.
    wxCommandEvent progress(wxEVT_MENU, MainFrame::kIdReportProgress);
    frame->ProcessWindowEvent(progress);
    BOOST_TEST(Workspace().Tabs()->GetSelection() == int(ClientWorkspacePanel::kReportsTab));
    BOOST_REQUIRE(Reports().View()->HasDocument());
    BOOST_TEST(Contains(Html(), "Siobhán Ní Bhriain"), Utf8(Html()));
    BOOST_TEST(Contains(Html(), "Varicose veins"));
    // Dates as the lists and the profile write them (and the CLI's reports: one per locale).
    BOOST_TEST(Contains(Html(), Utf8(app::FormatReadableDate(session_dates[1]))));
    BOOST_TEST(Contains(Html(), "Jane Doe"));
    // Its charts are images the HTML view can load.
    BOOST_TEST(!Reports().View()->Html().Images().empty());
    for (const wxString& image : Reports().View()->Html().Images()) {
        BOOST_TEST(Contains(Html(), Utf8("memory:" + image)));
    }
    BOOST_REQUIRE(Reports().Report().has_value());
    BOOST_TEST(Reports().Report()->session_count == 3);

    // The letter to the physician, chosen in the tab.
    app::test::Choose(Reports().KindChoice(), 1);
    BOOST_TEST((Reports().ShownKind() == ReportsPanel::Kind::kPhysicianLetter));
    BOOST_TEST((Reports().View()->View()->GetViewStart() == wxPoint(0, 0)));  // from the top
    BOOST_TEST(!Reports().View()->SavedNotice()->IsShown());
    BOOST_TEST(Contains(Html(), "physician"), Utf8(Html()));
    BOOST_TEST(Contains(Html(), "Siobhán Ní Bhriain"));

    // Save as PDF and Export CSV write the files (paths given, as the file dialog would).
    app::test::TempDir dir;
    const std::filesystem::path pdf = dir.Path() / "letter.pdf";
    const int pages = Reports().View()->SavePdf(app::ToWx(pdf.string()));
    BOOST_TEST(pages >= 1);
    BOOST_TEST(ReadFile(pdf).rfind("%PDF-", 0) == 0u);
    // Saving says what it wrote and where (it said nothing).
    BOOST_TEST(Reports().View()->SavedNotice()->IsShown());
    BOOST_TEST(Contains(Reports().View()->SavedNotice()->GetLabel(), "Saved "),
               Utf8(Reports().View()->SavedNotice()->GetLabel()));
    BOOST_TEST(Contains(Reports().View()->SavedNotice()->GetLabel(), "letter.pdf"));
    const std::filesystem::path csv = dir.Path() / "sessions.csv";
    BOOST_REQUIRE(Reports().View()->ExportCsv(app::ToWx(csv.string())));
    const std::string text = ReadFile(csv);
    BOOST_TEST(Contains(Reports().View()->SavedNotice()->GetLabel(), "sessions.csv"),
               Utf8(Reports().View()->SavedNotice()->GetLabel()));
    BOOST_TEST(text.find("Siobhán Ní Bhriain") != std::string::npos);
    BOOST_TEST(text.find(core::FormatIsoDate(session_dates[2])) != std::string::npos);
    BOOST_TEST(DialogRecorder::Instance().Messages().empty());

    // Issue 14: the open database is never an output. Both are refused with the reason the
    // CLI gives, and the practice is kept.
    const std::string practice = database.Get().Target().sqlite_path;
    BOOST_TEST(!Reports().View()->ExportCsv(app::ToWx(practice)));
    BOOST_TEST(Reports().View()->SavePdf(app::ToWx(practice)) == 0);
    BOOST_REQUIRE(DialogRecorder::Instance().Messages().size() == 2u);
    for (const wxString& message : DialogRecorder::Instance().Messages()) {
        BOOST_TEST(Contains(message, "cannot write " + practice +
                                         ": it is the open database (or one of its files)"),
                   Utf8(message));
    }
    BOOST_TEST(ReadFile(practice).rfind("SQLite format 3", 0) == 0u);
}

BOOST_FIXTURE_TEST_CASE(a_new_note_shows_in_the_report_when_the_tab_is_shown_again, ReportFrame) {
    Workspace().Tabs()->SetSelection(ClientWorkspacePanel::kReportsTab);
    BOOST_REQUIRE(
        WaitUntil("the report is shown", [&] { return Reports().View()->HasDocument(); }));
    BOOST_TEST(Reports().Report()->session_count == 3);
    Workspace().Tabs()->SetSelection(ClientWorkspacePanel::kSessionsTab);
    core::SessionNote note;
    note.client_id = runner.id;
    note.therapist_id = jane.id;
    note.date = Today();
    note.regions = {{core::Region::kCalves, core::Side::kBilateral, 4, {}, {}}};
    note.techniques = {{core::Technique::kSwedish, 30}};
    notes.Add(note);
    BOOST_REQUIRE(Workspace().Reload());
    Workspace().Tabs()->SetSelection(ClientWorkspacePanel::kReportsTab);
    BOOST_REQUIRE(WaitUntil("the report counts the new note", [&] {
        return Reports().Report() && Reports().Report()->session_count == 4;
    }));
}

BOOST_FIXTURE_TEST_CASE(a_logo_the_report_leaves_out_is_named_above_it, ReportFrame) {
    // The logo was fine when chosen, then deleted: the report leaves it out and says so (the
    // panel said nothing, and the printout silently lost its logo).
    app::test::TempDir dir;
    const std::filesystem::path logo = dir.Path() / "logo.png";
    test::WriteFileBytes(logo, test::SmallPng());
    db::ClinicSettingsRepository(database.Get()).Set("clinic.logo", logo.string());
    wxCommandEvent progress(wxEVT_MENU, MainFrame::kIdReportProgress);
    frame->ProcessWindowEvent(progress);
    app::ReportViewPanel& view = *Reports().View();
    BOOST_REQUIRE(view.HasDocument());
    BOOST_TEST(view.Document()->letterhead.logo_path == logo.string());
    BOOST_TEST(!view.LogoNotice()->IsShown());

    std::filesystem::remove(logo);
    view.ShowDocument(*view.Document(), "report", core::PaperSize::kA4);
    BOOST_TEST(view.LogoNotice()->IsShown());
    BOOST_TEST(Contains(view.LogoNotice()->GetLabel(), "cannot be used"),
               Utf8(view.LogoNotice()->GetLabel()));
    BOOST_TEST(Contains(view.LogoNotice()->GetLabel(), "Clinic details"));
    view.Clear();
    BOOST_TEST(!view.LogoNotice()->IsShown());
}

BOOST_FIXTURE_TEST_CASE(print_preview_lays_out_the_report_as_pages, ReportFrame) {
    wxCommandEvent progress(wxEVT_MENU, MainFrame::kIdReportProgress);
    frame->ProcessWindowEvent(progress);
    BOOST_REQUIRE(Reports().View()->HasDocument());
    BOOST_REQUIRE(Reports().View()->PrintPreview());
    wxPreviewFrame* preview = nullptr;
    BOOST_REQUIRE(WaitUntil("the print preview window is open", [&] {
        for (wxWindow* window : wxTopLevelWindows) {
            if (auto* found = dynamic_cast<wxPreviewFrame*>(window)) {
                preview = found;
            }
        }
        return preview != nullptr;
    }));
    wxPrintPreviewBase* pages = nullptr;
    for (wxWindow* child : preview->GetChildren()) {
        if (auto* bar = dynamic_cast<wxPreviewControlBar*>(child)) {
            pages = bar->GetPrintPreview();
        }
    }
    BOOST_REQUIRE(pages != nullptr);
    BOOST_TEST(pages->IsOk());
    BOOST_TEST(pages->GetMaxPage() >= 1);
    // The printout is the report's HTML: its title is the report's.
    BOOST_TEST(Contains(preview->GetTitle(), "Client progress report"), Utf8(preview->GetTitle()));
    app::test::DestroyAndWait(preview);
}

// Print… offers the whole report: before its pages are counted a wxHtmlPrintout says pages 1 to
// -1, which GTK's print dialog showed as "Pages: 1" chosen.
BOOST_AUTO_TEST_CASE(print_offers_every_page_before_the_pages_are_counted) {
    wxHtmlPrintout pages("Report");
    pages.SetHtmlText("<p>A report</p>");
    int min_page = 0, max_page = 0, from = 0, to = 0;
    pages.GetPageInfo(&min_page, &max_page, &from, &to);
    BOOST_TEST(to < from);  // what wxWidgets reports; if this changes, the wrapper can go
    const std::unique_ptr<wxPrintout> whole = app::WholeDocument(pages);
    whole->GetPageInfo(&min_page, &max_page, &from, &to);
    BOOST_TEST(min_page == 1);
    BOOST_TEST(from == 1);
    BOOST_TEST(to == max_page);
}

BOOST_FIXTURE_TEST_CASE(the_clinic_summary_reads_a_period_and_refuses_a_reversed_one, ReportFrame) {
    app::ClinicSummaryDialog dialog(frame, context);
    dialog.SetPeriod(core::AddDays(Today(), -60), Today());
    BOOST_REQUIRE(dialog.ShowSummary());
    BOOST_REQUIRE(dialog.Summary().has_value());
    BOOST_TEST(dialog.Summary()->session_count == 3);
    const wxString html = dialog.View()->Html().Html();
    BOOST_TEST(Contains(html, "Jane Doe"), Utf8(html));
    BOOST_TEST(Contains(html, "Clinic summary"));

    // One therapist only: nobody else has sessions.
    core::Staff other{0, "Óscar Núñez", core::StaffRole::kTherapist, true, ""};
    staff.Add(other);
    app::ClinicSummaryDialog filtered(frame, context);
    filtered.SetPeriod(core::AddDays(Today(), -60), Today());
    filtered.SetTherapist(other.id);
    BOOST_REQUIRE(filtered.ShowSummary());
    BOOST_TEST(filtered.Summary()->session_count == 0);

    dialog.SetPeriod(Today(), core::AddDays(Today(), -1));
    BOOST_TEST(!dialog.ShowSummary());
    BOOST_TEST(Contains(dialog.ProblemText(), "To:"));
}

BOOST_FIXTURE_TEST_CASE(clinic_details_are_saved_and_a_bad_value_is_named, ReportFrame) {
    db::ClinicSettingsRepository settings(database.Get());
    app::test::TempDir dir;
    const std::filesystem::path not_png = dir.Path() / "logo.png";
    std::ofstream(not_png) << "not an image";
    const std::filesystem::path huge = dir.Path() / "huge.png";
    test::WriteFileBytes(huge, test::PngHeaderClaiming(20000, 20000));
    bool refused_named = false;
    bool refused_logo = false;
    bool refused_huge = false;
    app::test::DialogScript<app::ClinicDetailsDialog> script([&](app::ClinicDetailsDialog& dialog) {
        dialog.NameCtrl()->ChangeValue("Clinic\nwith a line break");
        wxCommandEvent save(wxEVT_BUTTON, wxID_OK);
        dialog.ProcessWindowEvent(save);
        refused_named = dialog.IsModal() && Contains(dialog.ProblemText(), "Clinic name");
        // A logo that is not a PNG is refused before anything is saved.
        dialog.NameCtrl()->ChangeValue("Ciarán's \"Sports\" Clinic");
        dialog.LogoCtrl()->SetPath(app::ToWx(not_png.string()));
        dialog.ProcessWindowEvent(save);
        refused_logo = dialog.IsModal() && Contains(dialog.ProblemText(), "Logo");
        // Issue 14: an image too large to print is refused from its header, never decoded.
        dialog.LogoCtrl()->SetPath(app::ToWx(huge.string()));
        dialog.ProcessWindowEvent(save);
        refused_huge = dialog.IsModal() && Contains(dialog.ProblemText(), "20000×20000 pixels");
        dialog.LogoCtrl()->SetPath(wxString());
        dialog.AddressCtrl()->ChangeValue("1 Main St\nGalway");
        dialog.ProcessWindowEvent(save);
    });
    wxCommandEvent open(wxEVT_MENU, MainFrame::kIdClinicDetails);
    frame->ProcessWindowEvent(open);
    BOOST_TEST(script.Ran());
    BOOST_TEST(refused_named);
    BOOST_TEST(refused_logo);
    BOOST_TEST(refused_huge);
    const core::ClinicDetails saved = settings.LoadClinicDetails();
    BOOST_TEST(saved.name == "Ciarán's \"Sports\" Clinic");
    BOOST_TEST(saved.address == "1 Main St\nGalway");
    BOOST_TEST(saved.date_format == "locale");  // untouched: the computer's language
}

// Issue 15: report.date_format, chosen in the dialog, is how the printed reports write dates
// (the CLI's `settings set report.date_format` sets the same row).
BOOST_FIXTURE_TEST_CASE(the_clinic_chooses_how_reports_write_dates, ReportFrame) {
    db::ClinicSettingsRepository settings(database.Get());
    int choices = 0;
    app::test::DialogScript<app::ClinicDetailsDialog> script([&](app::ClinicDetailsDialog& dialog) {
        wxChoice* dates = dialog.DateFormatChoice();
        choices = static_cast<int>(dates->GetCount());
        BOOST_TEST(dates->GetSelection() == 0);  // the computer's language
        BOOST_TEST(Contains(dates->GetString(2), "Day/month/year"));
        app::test::Choose(dates, 2);
        wxCommandEvent save(wxEVT_BUTTON, wxID_OK);
        dialog.ProcessWindowEvent(save);
    });
    wxCommandEvent open(wxEVT_MENU, MainFrame::kIdClinicDetails);
    frame->ProcessWindowEvent(open);
    BOOST_TEST(script.Ran());
    BOOST_TEST(choices == 5);
    BOOST_TEST(settings.LoadClinicDetails().date_format == "%d/%m/%Y");

    wxCommandEvent progress(wxEVT_MENU, MainFrame::kIdReportProgress);
    frame->ProcessWindowEvent(progress);
    BOOST_REQUIRE(Reports().View()->HasDocument());
    core::DateStyle day_first;
    day_first.pattern = "%d/%m/%Y";
    BOOST_TEST(Contains(Html(), core::FormatDate(session_dates[1], day_first)), Utf8(Html()));
    BOOST_TEST(!Contains(Html(), Utf8(app::FormatReadableDate(session_dates[1]))));

    // A pattern set from the command line is kept as a choice of its own.
    settings.Set("report.date_format", "%Y/%m/%d");
    wxString custom;
    app::test::DialogScript<app::ClinicDetailsDialog> again([&](app::ClinicDetailsDialog& dialog) {
        wxChoice* dates = dialog.DateFormatChoice();
        custom = dates->GetStringSelection();
        dialog.EndModal(wxID_CANCEL);
    });
    frame->ProcessWindowEvent(open);
    BOOST_TEST(again.Ran());
    BOOST_TEST(Contains(custom, "%Y/%m/%d"), Utf8(custom));
    BOOST_TEST(settings.LoadClinicDetails().date_format == "%Y/%m/%d");
}

// Issue 15: a period is typed (the locale's form or ISO); what is not a date is named.
BOOST_AUTO_TEST_CASE(a_period_is_typed_and_a_date_it_cannot_read_is_named) {
    const core::Date today{std::chrono::year{2026}, std::chrono::December, std::chrono::day{6}};
    app::PeriodDialog dialog(nullptr, "Export sessions", today);
    // The last calendar month to start with.
    BOOST_TEST((dialog.FromCtrl()->GetDate() == core::ParseIsoDate("2026-11-01")));
    BOOST_TEST((dialog.ToCtrl()->GetDate() == core::ParseIsoDate("2026-11-30")));
    dialog.FromCtrl()->ChangeValue("13/45/2026");
    BOOST_TEST(!dialog.TransferDataFromWindow());
    BOOST_TEST(Contains(dialog.ProblemText(), "From: \u201C13/45/2026\u201D is not a date"),
               Utf8(dialog.ProblemText()));
    dialog.FromCtrl()->ChangeValue("2026-12-01");
    BOOST_TEST(!dialog.TransferDataFromWindow());
    BOOST_TEST(Contains(dialog.ProblemText(), "To: the end of the period"));
    dialog.ToCtrl()->ChangeValue(app::FormatLocalDate(today));
    BOOST_TEST(dialog.TransferDataFromWindow(), Utf8(dialog.ProblemText()));
    BOOST_TEST((dialog.From() == core::ParseIsoDate("2026-12-01").value()));
    BOOST_TEST((dialog.To() == today));
    dialog.Destroy();
}

BOOST_AUTO_TEST_SUITE_END()
