#include "clients/client_dialog.h"
#include "clients/client_list_ctrl.h"
#include "dialog_script.h"
#include "gui_test_support.h"
#include "shell/main_frame.h"
#include "soci_session.h"

#include <myodesk/db/client_repository.h>

#include <boost/test/unit_test.hpp>
#include <soci/soci.h>
#include <wx/button.h>
#include <wx/menu.h>
#include <wx/srchctrl.h>
#include <wx/statusbr.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>

using namespace myodesk;
using namespace std::chrono_literals;
using app::ClientDialog;
using app::ClientListCtrl;
using app::MainFrame;
using app::test::ClickInto;
using app::test::ClientDialogScript;
using app::test::DialogRecorder;
using app::test::MakeClient;
using app::test::PressKey;
using app::test::TempDatabase;
using app::test::TypeInto;
using app::test::Utf8;
using app::test::WaitUntil;
namespace field = core::client_field;

namespace {

// A text field of the dialog. Steps run inside the dialog's event loop, where a Boost.Test
// exception must not be thrown, so a missing control ends the run loudly instead.
wxTextCtrl& TextField(ClientDialog& dialog, std::string_view name) {
    auto* text = dynamic_cast<wxTextCtrl*>(dialog.ControlFor(name));
    if (text == nullptr) {
        std::fprintf(stderr, "the client dialog has no text field '%.*s'\n",
                     static_cast<int>(name.size()), name.data());
        std::abort();
    }
    return *text;
}

// A main window on its own temp database, shown, destroyed at the end of the test.
struct ShownFrame {
    TempDatabase database;
    services::Context context{database.Get(), app::test::TestClock()};
    db::ClientRepository repository{database.Get()};
    MainFrame* frame = nullptr;

    ShownFrame() { DialogRecorder::Instance().Reset(); }

    void Open() {
        frame = new MainFrame(nullptr, context);
        frame->Show();
        BOOST_REQUIRE(app::test::RaiseAndWait(*frame));
    }

    ~ShownFrame() {
        if (frame != nullptr) {
            app::test::DestroyAndWait(frame);
        }
    }

    void Command(int id) {
        wxCommandEvent event(wxEVT_MENU, id);
        event.SetEventObject(frame);
        frame->ProcessWindowEvent(event);
    }

    wxString StatusText(int field_number) const {
        return frame->GetStatusBar()->GetStatusText(field_number);
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(main_frame_tests)

// The acceptance test: a person adds a client from the menu's keyboard shortcut, types the
// names into the real dialog, saves, then finds the client by typing in the search box.
BOOST_FIXTURE_TEST_CASE(add_a_client_with_keyboard_and_mouse_then_find_it, ShownFrame) {
    for (auto [given, family] : {std::pair{"Ann", "Smith"}, std::pair{"Harold", "Quinn"}}) {
        core::Client client = MakeClient(given, family);
        repository.Add(client);
    }
    Open();
    BOOST_TEST(frame->ListModel().RowCount() == 2);

    wxString typed_given;
    wxString typed_family;
    ClientDialogScript script([&](ClientDialog& dialog) {
        // Without a window manager, raising it gives it the X input focus.
        app::test::RaiseAndWait(dialog);
        wxTextCtrl* given = &TextField(dialog, field::kGivenName);
        wxTextCtrl* family = &TextField(dialog, field::kFamilyName);
        TypeInto(given, "Harriet");
        TypeInto(family, "Quayle");
        typed_given = given->GetValue();
        typed_family = family->GetValue();
        ClickInto(dialog.FindWindow(wxID_OK));  // Save
        WaitUntil("Save closed the client dialog", [&] { return !dialog.IsModal(); });
    });

    // Ctrl+N, as a person presses it: the menu accelerator opens the dialog. The key press
    // returns once the dialog is closed (it runs inside the simulator's event processing).
    BOOST_REQUIRE(ClickInto(frame->SearchCtrl()));
    BOOST_REQUIRE(app::test::WaitUntilFocusIn(frame->SearchCtrl()));
    BOOST_REQUIRE(PressKey('N', wxMOD_CONTROL, [&] { return script.Ran(); }));
    BOOST_REQUIRE_MESSAGE(
        WaitUntil("Ctrl+N opened the client dialog and Save closed it",
                  [&] { return script.Ran() && !app::test::FindShownClientDialog(); }),
        "Ctrl+N did not open the client dialog, or it did not close");
    BOOST_TEST(!script.TimedOut());
    BOOST_TEST(Utf8(typed_given) == "Harriet");
    BOOST_TEST(Utf8(typed_family) == "Quayle");

    // Saved, listed and selected.
    BOOST_TEST(repository.CountMatching({"harriet quayle", db::ArchiveFilter::kActive}) == 1);
    BOOST_TEST(frame->ListModel().RowCount() == 3);
    const auto selected = frame->ListCtrl()->SelectedClient();
    BOOST_REQUIRE(selected);
    BOOST_TEST(core::DisplayName(*selected) == "Harriet Quayle");
    BOOST_TEST(Utf8(StatusText(0)) == "3 clients");

    // Search as you type, with the keyboard.
    BOOST_REQUIRE(ClickInto(frame->SearchCtrl()));
    BOOST_REQUIRE(app::test::WaitUntilFocusIn(frame->SearchCtrl()));
    {
        wxUIActionSimulator simulator;
        simulator.Text("quay");
    }
    BOOST_REQUIRE_MESSAGE(WaitUntil("the search box searched for what was typed",
                                    [&] { return frame->ListModel().Query().text == "quay"; }),
                          "the search box did not search for what was typed: '"
                              << Utf8(frame->SearchCtrl()->GetValue()) << "'");
    BOOST_TEST(frame->ListModel().RowCount() == 1);
    BOOST_TEST(frame->ListCtrl()->GetItemCount() == 1);
    BOOST_TEST(core::DisplayName(*frame->ListModel().Row(0)) == "Harriet Quayle");
    BOOST_TEST(Utf8(frame->ListCtrl()->CellText(0, ClientListCtrl::kName)) == "Harriet Quayle");
    BOOST_TEST(Utf8(StatusText(0)) == "1 matching client");
    BOOST_TEST(DialogRecorder::Instance().Messages().empty());
}

BOOST_FIXTURE_TEST_CASE(edit_keeps_the_selection_on_the_client_that_moved, ShownFrame) {
    for (const char* family : {"Adams", "Baker", "Clark", "Davis"}) {
        core::Client client = MakeClient("Runner", family);
        repository.Add(client);
    }
    Open();
    frame->ListCtrl()->SelectRow(0);  // Adams
    ClientDialogScript script([&](ClientDialog& dialog) {
        TextField(dialog, field::kFamilyName).SetValue("Evans");
        dialog.EndModal(dialog.TransferDataFromWindow() ? wxID_OK : wxID_CANCEL);
    });
    Command(MainFrame::kIdClientEdit);
    BOOST_REQUIRE(WaitUntil("the edit dialog ran", [&] { return script.Ran(); }));
    BOOST_TEST(!script.TimedOut());
    BOOST_TEST(frame->ListModel().RowCount() == 4);
    BOOST_TEST(frame->ListCtrl()->SelectedIndex() == 3);
    BOOST_TEST(frame->ListCtrl()->SelectedClient()->family_name == "Evans");
    BOOST_TEST(DialogRecorder::Instance().Messages().empty());
}

BOOST_FIXTURE_TEST_CASE(a_change_saved_at_another_desk_is_not_overwritten, ShownFrame) {
    core::Client client = MakeClient("Ann", "Adams");
    repository.Add(client);
    Open();
    frame->ListCtrl()->SelectRow(0);

    wxString phone_after_reload;
    ClientDialogScript script({
        [&](ClientDialog& dialog) {
            // Another desk saves first, then this desk saves its own change.
            core::Client other = *repository.Get(client.id);
            other.phone = "+44 20 7946 0000";
            repository.Update(other);
            TextField(dialog, field::kNotes).SetValue("mine");
            dialog.EndModal(dialog.TransferDataFromWindow() ? wxID_OK : wxID_CANCEL);
        },
        [&](ClientDialog& dialog) {
            // "Reload" shows the client as the other desk saved it.
            phone_after_reload = TextField(dialog, field::kPhone).GetValue();
            dialog.EndModal(wxID_CANCEL);
        },
    });
    DialogRecorder::Instance().Answer(wxID_YES);  // Reload
    Command(MainFrame::kIdClientEdit);
    BOOST_REQUIRE(WaitUntil("the edit dialog ran", [&] { return script.Ran(); }));
    BOOST_TEST(!script.TimedOut());
    BOOST_REQUIRE(DialogRecorder::Instance().Messages().size() == 1);
    BOOST_TEST(Utf8(DialogRecorder::Instance().Messages()[0]).find("changed") != std::string::npos);
    BOOST_TEST(Utf8(phone_after_reload) == "+44 20 7946 0000");
    const auto stored = repository.Get(client.id);
    BOOST_TEST(stored->phone == "+44 20 7946 0000");
    BOOST_TEST(stored->notes.empty());
}

BOOST_FIXTURE_TEST_CASE(archive_asks_naming_the_client_then_hides_it, ShownFrame) {
    for (const char* family : {"Adams", "Baker", "Clark"}) {
        core::Client client = MakeClient("Ann", family);
        repository.Add(client);
    }
    Open();
    frame->ListCtrl()->SelectRow(1);  // Ann Baker

    // Answered "Cancel": nothing happens.
    Command(MainFrame::kIdClientArchive);
    BOOST_REQUIRE(DialogRecorder::Instance().Messages().size() == 1);
    BOOST_TEST(Utf8(DialogRecorder::Instance().Messages()[0]).find("Archive Ann Baker?") !=
               std::string::npos);
    BOOST_TEST(frame->ListModel().RowCount() == 3);

    DialogRecorder::Instance().Answer(wxID_YES);
    Command(MainFrame::kIdClientArchive);
    BOOST_TEST(frame->ListModel().RowCount() == 2);
    BOOST_TEST(repository.Count(db::ArchiveFilter::kArchived) == 1);
    // The client that took its place is selected.
    BOOST_TEST(frame->ListCtrl()->SelectedClient()->family_name == "Clark");

    // Shown greyed with the archived ones, and restored.
    frame->GetMenuBar()->Check(MainFrame::kIdClientShowArchived, true);
    Command(MainFrame::kIdClientShowArchived);
    BOOST_TEST(frame->ListModel().RowCount() == 3);
    BOOST_TEST(Utf8(frame->ListCtrl()->CellText(1, ClientListCtrl::kName)) ==
               "Ann Baker (archived)");
    frame->ListCtrl()->SelectRow(1);
    Command(MainFrame::kIdClientRestore);
    BOOST_TEST(repository.Count(db::ArchiveFilter::kArchived) == 0);
    BOOST_TEST(frame->ListCtrl()->SelectedClient()->family_name == "Baker");
    BOOST_TEST(Utf8(frame->ListCtrl()->CellText(1, ClientListCtrl::kName)) == "Ann Baker");
}

BOOST_FIXTURE_TEST_CASE(an_empty_database_shows_a_hint_and_the_status_bar_says_where, ShownFrame) {
    Open();
    BOOST_TEST(frame->ListModel().RowCount() == 0);
    BOOST_TEST(Utf8(frame->EmptyHint()).find("No clients yet") != std::string::npos);
    BOOST_TEST(Utf8(StatusText(0)) == "0 clients");
    BOOST_TEST(Utf8(StatusText(2)) == database.Get().Location());

    frame->SearchCtrl()->SetValue("nobody");
    frame->ApplySearch();
    BOOST_TEST(Utf8(frame->EmptyHint()).find("No clients match") != std::string::npos);
}

BOOST_FIXTURE_TEST_CASE(searching_a_long_list_reads_only_the_visible_page, ShownFrame) {
    {
        soci::transaction transaction(db::SociSession(database.Get()));
        for (int i = 0; i < 2000; ++i) {
            core::Client client = MakeClient("Runner", "Family" + std::to_string(10000 + i));
            repository.Add(client);
        }
        transaction.commit();
    }
    Open();
    BOOST_TEST(frame->ListModel().RowCount() == 2000);
    BOOST_TEST(frame->ListModel().CachedPageCount() <= 2u);
    frame->SearchCtrl()->SetValue("family11999");
    frame->ApplySearch();
    BOOST_TEST(frame->ListModel().RowCount() == 1);
    BOOST_TEST(Utf8(StatusText(0)) == "1 matching client");

    // A search matching more than a page is not counted: the list shows the first page and says
    // there are more; reaching its end finds the next page, and the status bar follows.
    frame->SearchCtrl()->SetValue("family11");
    frame->ApplySearch();
    ClientListCtrl* list = frame->ListCtrl();
    BOOST_TEST(list->GetItemCount() == 100);
    BOOST_TEST(Utf8(StatusText(0)) == "More than 100 matching clients");
    BOOST_TEST(Utf8(list->CellText(99, ClientListCtrl::kName)) == "Runner Family11099");
    list->FindMoreRows();
    BOOST_TEST(list->GetItemCount() == 200);
    BOOST_TEST(Utf8(StatusText(0)) == "More than 200 matching clients");
    while (frame->ListModel().HasMoreRows()) {
        list->FindMoreRows();
    }
    BOOST_TEST(list->GetItemCount() == 1000);  // Family11000 to Family11999
    BOOST_TEST(Utf8(StatusText(0)) == "1000 matching clients");
    BOOST_TEST(Utf8(list->CellText(999, ClientListCtrl::kName)) == "Runner Family11999");
}

BOOST_AUTO_TEST_SUITE_END()
