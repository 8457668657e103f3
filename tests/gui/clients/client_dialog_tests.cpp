#include "clients/client_dialog.h"
#include "clients/client_list_ctrl.h"
#include "clients/client_list_model.h"
#include "common/date_field.h"
#include "common/wx_conversions.h"
#include "gui_test_support.h"

#include <myodesk/core/client_validation.h>
#include <myodesk/db/client_repository.h>

#include <boost/test/unit_test.hpp>
#include <wx/button.h>
#include <wx/frame.h>
#include <wx/textctrl.h>

#include <algorithm>
#include <string>

using namespace myodesk;
using app::ClientDialog;
using app::test::MakeClient;
using app::test::TempDatabase;
using app::test::Utf8;
using app::test::WaitUntil;
using core::ProblemCode;
namespace field = core::client_field;

namespace {

wxTextCtrl* Text(ClientDialog& dialog, std::string_view name) {
    auto* text = dynamic_cast<wxTextCtrl*>(dialog.ControlFor(name));
    BOOST_REQUIRE_MESSAGE(text != nullptr, "no text control for " << name);
    return text;
}

app::DateField* DatePicker(ClientDialog& dialog) {
    auto* picker = dynamic_cast<app::DateField*>(dialog.ControlFor(field::kDateOfBirth));
    BOOST_REQUIRE(picker != nullptr);
    return picker;
}

bool HasProblem(const ClientDialog& dialog, std::string_view field_name, ProblemCode code) {
    const auto& problems = dialog.Problems();
    return std::any_of(problems.begin(), problems.end(), [&](const core::ValidationProblem& p) {
        return p.field == field_name && p.code == code;
    });
}

core::Client EveryFieldInUnicode() {
    core::Client client = MakeClient("Zoë", "Ångström");
    client.preferred_name = "李小龙";
    client.date_of_birth = core::ParseIsoDate("1988-02-29");
    client.phone = "+44 (0)20 7946-0958";
    client.email = "zoe.angstrom@example.se";
    client.address = "Flat 2, \"The Quays\"\n12 O'Connell Street\nGöteborg";
    client.emergency_contact_name = "Örjan \"Ö\" Ångström";
    client.emergency_contact_phone = "+46 31 555 01 99";
    client.physician = "Dr. Ní Bhriain";
    client.referral_source = "Göteborg Friidrott — 'track night'";
    client.notes = "Left calf tight after 30 km; \"no deep work\" before Sunday.\n\n";
    for (int i = 0; i < 200; ++i) {
        client.notes += "Ölandsleden 跑步 line " + std::to_string(i) + "\n";
    }
    return client;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(client_dialog_tests)

BOOST_AUTO_TEST_CASE(refuses_an_invalid_email_stays_open_and_says_which_field) {
    ClientDialog dialog(nullptr, "New client", core::Client{}, app::test::TestClock().Today());
    dialog.Show();
    BOOST_REQUIRE(app::test::RaiseAndWait(dialog));

    Text(dialog, field::kGivenName)->SetValue("Ann");
    Text(dialog, field::kEmail)->SetValue("ann.example.com");

    // Save, as the button does it: validation refuses and the dialog stays open.
    auto* save = dynamic_cast<wxButton*>(dialog.FindWindow(wxID_OK));
    BOOST_REQUIRE(save != nullptr);
    BOOST_TEST(Utf8(save->GetLabelText()) == "Save");
    wxCommandEvent click(wxEVT_BUTTON, wxID_OK);
    click.SetEventObject(save);
    save->GetEventHandler()->ProcessEvent(click);
    BOOST_REQUIRE(app::test::WaitForIdle());  // whatever the click set off has happened
    BOOST_TEST(dialog.IsShown());

    BOOST_TEST(HasProblem(dialog, field::kEmail, ProblemCode::kInvalidEmail));
    const std::string shown = Utf8(dialog.ProblemText());
    BOOST_TEST(shown.find("Email: this does not look like an email address") != std::string::npos,
               shown);
    // The cursor is put in the bad field.
    BOOST_TEST(WaitUntil("the cursor is in the email field",
                         [&] { return wxWindow::FindFocus() == Text(dialog, field::kEmail); }));

    // Fixed, it saves.
    Text(dialog, field::kEmail)->SetValue("ann@example.com");
    BOOST_TEST(dialog.TransferDataFromWindow());
    BOOST_TEST(dialog.Problems().empty());
    BOOST_TEST(dialog.ProblemText().empty());
    BOOST_TEST(dialog.GetClient().email == "ann@example.com");
}

BOOST_AUTO_TEST_CASE(asks_for_a_name_and_reports_every_problem) {
    ClientDialog dialog(nullptr, "New client", core::Client{}, app::test::TestClock().Today());
    Text(dialog, field::kPhone)->SetValue("call me maybe");
    BOOST_TEST(!dialog.TransferDataFromWindow());
    BOOST_TEST(HasProblem(dialog, field::kGivenName, ProblemCode::kRequired));
    BOOST_TEST(HasProblem(dialog, field::kPhone, ProblemCode::kInvalidPhone));
    const std::string shown = Utf8(dialog.ProblemText());
    BOOST_TEST(
        shown.find("Given name or family name: enter at least one name.") != std::string::npos,
        shown);
    BOOST_TEST(shown.find("Phone: ") != std::string::npos, shown);
}

BOOST_AUTO_TEST_CASE(date_of_birth_may_be_empty_and_round_trips) {
    {
        ClientDialog dialog(nullptr, "New client", MakeClient("Ann", "Smith"),
                            app::test::TestClock().Today());
        BOOST_TEST(DatePicker(dialog)->IsBlank());
        BOOST_REQUIRE(dialog.TransferDataFromWindow());
        BOOST_TEST(!dialog.GetClient().date_of_birth);
    }
    {
        core::Client client = MakeClient("Ann", "Smith");
        client.date_of_birth = core::ParseIsoDate("1988-02-29");
        ClientDialog dialog(nullptr, "Edit client", client, app::test::TestClock().Today());
        BOOST_TEST(DatePicker(dialog)->GetDate().has_value());
        BOOST_REQUIRE(dialog.TransferDataFromWindow());
        BOOST_TEST((dialog.GetClient().date_of_birth == client.date_of_birth));

        // Cleared again.
        DatePicker(dialog)->SetDate(std::nullopt);
        BOOST_REQUIRE(dialog.TransferDataFromWindow());
        BOOST_TEST(!dialog.GetClient().date_of_birth);

        // In the future: refused with a sentence naming the field.
        DatePicker(dialog)->SetDate(core::AddDays(app::test::TestClock().Today(), 2));
        BOOST_TEST(!dialog.TransferDataFromWindow());
        BOOST_TEST(HasProblem(dialog, field::kDateOfBirth, ProblemCode::kInFuture));
        BOOST_TEST(Utf8(dialog.ProblemText()).find("Date of birth: the date is in the future.") !=
                   std::string::npos);
    }
}

// A date the field cannot read is refused by name and stays as typed; it is never saved as "no
// date of birth" beside a stale age. The locale's form and ISO are read.
BOOST_AUTO_TEST_CASE(a_date_of_birth_that_is_not_a_date_is_refused_and_kept) {
    core::Client client = MakeClient("Ann", "Smith");
    client.date_of_birth = core::ParseIsoDate("1850-01-01");
    ClientDialog dialog(nullptr, "Edit client", client, app::test::TestClock().Today());
    app::DateField* field = DatePicker(dialog);
    for (const char* typed : {"02/30/1990", "1990-02-30", "31/31/1990", "12/31/90", "soon"}) {
        field->SetValue(typed);  // typed: the age beside it follows
        BOOST_TEST(!dialog.TransferDataFromWindow(), typed);
        BOOST_TEST(HasProblem(dialog, field::kDateOfBirth, ProblemCode::kInvalidDate), typed);
        const std::string shown = Utf8(dialog.ProblemText());
        BOOST_TEST(shown.find(std::string("Date of birth: \u201C") + typed +
                              "\u201D is not a date. Type it as ") != std::string::npos,
                   shown);
        BOOST_TEST(Utf8(field->GetValue()) == typed);
        BOOST_TEST(Utf8(dialog.AgeText()).find("years old") == std::string::npos);
    }
    const core::Date april{std::chrono::year{1990}, std::chrono::April, std::chrono::day{2}};
    field->SetValue("1990-04-02");
    BOOST_REQUIRE(dialog.TransferDataFromWindow());
    BOOST_TEST((dialog.GetClient().date_of_birth == april));
    field->SetValue(app::FormatLocalDate(april));
    BOOST_REQUIRE(dialog.TransferDataFromWindow());
    BOOST_TEST((dialog.GetClient().date_of_birth == april));
    BOOST_TEST(Utf8(dialog.AgeText()).find("years old") != std::string::npos);
}

// A 5,000-character name is not cut to 100 without a word: the field says it is full.
BOOST_AUTO_TEST_CASE(a_full_field_says_so) {
    ClientDialog dialog(nullptr, "New client", MakeClient("", ""), app::test::TestClock().Today());
    wxTextCtrl* given = Text(dialog, field::kGivenName);
    BOOST_TEST(dialog.FullNotice().empty());
    given->WriteText(wxString('a', 5000));  // pasted: GTK takes none of it
    BOOST_TEST(given->GetValue().length() <= 100u);
    BOOST_TEST(Utf8(dialog.FullNotice()) ==
               "Given name: at most 100 characters; the rest was not taken.");
}

BOOST_AUTO_TEST_CASE(unicode_quotes_and_long_text_round_trip_to_the_database_and_list) {
    const core::Client original = EveryFieldInUnicode();
    BOOST_REQUIRE(
        core::ValidateClient(original, core::Date{std::chrono::year{2026}, std::chrono::November,
                                                  std::chrono::day{20}})
            .empty());

    ClientDialog dialog(nullptr, "New client", original, app::test::TestClock().Today());
    BOOST_REQUIRE(dialog.TransferDataFromWindow());
    core::Client read = dialog.GetClient();
    BOOST_TEST((read == original));

    // A name at the length limit, in characters that take three bytes each in UTF-8.
    const std::string long_name = [] {
        std::string name;
        for (std::size_t i = 0; i < core::ClientLimits::kName; ++i) {
            name += "龙";
        }
        return name;
    }();
    Text(dialog, field::kFamilyName)->SetValue(wxString::FromUTF8(long_name));
    BOOST_REQUIRE(dialog.TransferDataFromWindow());
    BOOST_TEST(dialog.GetClient().family_name == long_name);
    Text(dialog, field::kFamilyName)->SetValue(wxString::FromUTF8(original.family_name));
    BOOST_REQUIRE(dialog.TransferDataFromWindow());

    TempDatabase database;
    db::ClientRepository repository(database.Get());
    read = dialog.GetClient();
    repository.Add(read);
    const std::optional<core::Client> stored = repository.Get(read.id);
    BOOST_REQUIRE(stored);
    BOOST_TEST(stored->given_name == original.given_name);
    BOOST_TEST(stored->family_name == original.family_name);
    BOOST_TEST(stored->preferred_name == original.preferred_name);
    BOOST_TEST(stored->address == original.address);
    BOOST_TEST(stored->referral_source == original.referral_source);
    BOOST_TEST(stored->notes == original.notes);

    // Shown again in a dialog, it reads back unchanged.
    ClientDialog again(nullptr, "Edit client", *stored, app::test::TestClock().Today());
    BOOST_REQUIRE(again.TransferDataFromWindow());
    BOOST_TEST((again.GetClient() == *stored));

    // Found without accents and painted with them.
    services::Context context(database.Get(), app::test::TestClock());
    services::ClientService clients(context);
    app::ClientListModel model(clients);
    model.SetQuery({"zoe ang", db::ArchiveFilter::kActive});
    BOOST_REQUIRE(model.RowCount() == 1);
    auto* frame = new wxFrame(nullptr, wxID_ANY, "list");
    auto* list = new app::ClientListCtrl(frame, wxID_ANY, model, context.GetClock());
    list->RefreshRows();
    BOOST_TEST(Utf8(list->CellText(0, app::ClientListCtrl::kName)) ==
               "Zoë \u201C李小龙\u201D Ångström");
    BOOST_TEST(!list->CellText(0, app::ClientListCtrl::kDateOfBirth).empty());
    BOOST_TEST(Utf8(list->CellText(0, app::ClientListCtrl::kEmail)) == original.email);
    app::test::DestroyAndWait(frame);
}

BOOST_AUTO_TEST_SUITE_END()
