// Client ▸ Import clients from CSV… (issue 18): the list previewed row by row, a column's field
// changed and the preview read again, the import done from the dialog; a refused row keeps
// Import disabled.
#include "clients/client_import_dialog.h"
#include "dialog_script.h"
#include "gui_test_support.h"

#include <myodesk/services/client_service.h>

#include <boost/test/unit_test.hpp>
#include <wx/button.h>
#include <wx/choice.h>

#include <string>

using namespace myodesk;
using app::ImportPreviewColumn;
using app::test::Utf8;

namespace {

void ClickImport(app::ClientImportDialog& dialog) {
    auto* import = dynamic_cast<wxButton*>(dialog.FindWindow(wxID_OK));
    BOOST_REQUIRE(import != nullptr);
    wxCommandEvent click(wxEVT_BUTTON, wxID_OK);
    click.SetEventObject(import);
    import->GetEventHandler()->ProcessEvent(click);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(client_import_dialog_tests)

BOOST_AUTO_TEST_CASE(previews_changes_a_column_and_imports) {
    app::test::TempDatabase database;
    services::Context context(database.Get(), app::test::TestClock());
    const std::string list =
        "Client,Birthday,Cell,Kind of referral\n"
        "Ann Smith,13/04/1990,604 555 0101,Strava club\n"
        "\"Jones, Bob\",,,\n";
    app::ClientImportDialog dialog(nullptr, context, list, "clients.csv");
    app::test::DialogScript<app::ClientImportDialog> script([&](app::ClientImportDialog& shown) {
        auto* rows = shown.List();
        BOOST_TEST(rows->GetItemCount() == 2);
        BOOST_TEST(Utf8(rows->CellText(0, ImportPreviewColumn::kName)) == "Ann Smith");
        BOOST_TEST(Utf8(rows->CellText(1, ImportPreviewColumn::kName)) == "Bob Jones");
        BOOST_TEST(Utf8(rows->CellText(0, ImportPreviewColumn::kStatus)) == "Added");
        BOOST_TEST(Utf8(rows->CellText(0, ImportPreviewColumn::kPhone)) == "604 555 0101");
        BOOST_REQUIRE(shown.FieldChoices().size() == 4U);
        // "Kind of referral" is not a name MyoDesk knows: ignored until the user says.
        BOOST_TEST(shown.FieldChoices()[3]->GetSelection() ==
                   static_cast<int>(core::ClientCsvField::kIgnore));
        shown.FieldChoices()[3]->SetSelection(
            static_cast<int>(core::ClientCsvField::kReferralSource));
        shown.UpdatePreview();
        BOOST_TEST(shown.Preview().rows[0].read.client.referral_source == "Strava club");
        BOOST_TEST(shown.FindWindow(wxID_OK)->IsEnabled());
        ClickImport(shown);
    });
    BOOST_TEST(dialog.ShowModal() == wxID_OK);
    BOOST_TEST(script.Ran());
    BOOST_REQUIRE(dialog.Result().has_value());
    BOOST_TEST(dialog.Result()->added.size() == 2U);
    const auto ann = services::ClientService(context).Find(dialog.Result()->added.front());
    BOOST_REQUIRE(ann.has_value());
    BOOST_TEST(ann->referral_source == "Strava club");
    BOOST_TEST(core::FormatIsoDate(*ann->date_of_birth) == "1990-04-13");
}

BOOST_AUTO_TEST_CASE(a_refused_row_keeps_import_disabled_and_says_why) {
    app::test::TempDatabase database;
    services::Context context(database.Get(), app::test::TestClock());
    app::ClientImportDialog dialog(nullptr, context,
                                   "Name,Email\nAnn Smith,ann@example.org\nCal Lee,not-an-email\n",
                                   "clients.csv");
    app::test::DialogScript<app::ClientImportDialog> script([&](app::ClientImportDialog& shown) {
        BOOST_TEST(!shown.FindWindow(wxID_OK)->IsEnabled());
        const std::string status = Utf8(shown.List()->CellText(1, ImportPreviewColumn::kStatus));
        BOOST_TEST(status.find("Refused") == 0U, status);
        BOOST_TEST(status.find("email") != std::string::npos, status);
        shown.EndModal(wxID_CANCEL);
    });
    BOOST_TEST(dialog.ShowModal() == wxID_CANCEL);
    BOOST_TEST(script.Ran());
    BOOST_TEST(services::ClientService(context).Count(db::ArchiveFilter::kAll) == 0);
}

BOOST_AUTO_TEST_SUITE_END()
