#include "common/code_names.h"
#include "gui_test_support.h"
#include "sessions/session_list_ctrl.h"
#include "sessions/session_list_model.h"

#include <myodesk/db/client_repository.h>
#include <myodesk/db/clock.h>
#include <myodesk/db/session_note_repository.h>
#include <myodesk/db/staff_repository.h>

#include <boost/test/unit_test.hpp>
#include <wx/frame.h>

#include <chrono>
#include <stdexcept>
#include <vector>

using namespace myodesk;
using namespace std::chrono_literals;
using app::SessionListModel;

namespace {

// A fake store of `total` notes that counts what is asked of it.
struct FakeNotes {
    explicit FakeNotes(std::int64_t rows) : total(rows) {}

    std::int64_t total = 0;
    int counts = 0;
    std::vector<std::pair<std::int64_t, std::int64_t>> fetches;  // offset, limit
    bool fail = false;

    SessionListModel Model(std::int64_t page_size = 50, std::size_t pages_kept = 3) {
        return SessionListModel(
            [this] {
                ++counts;
                return total;
            },
            [this](std::int64_t offset, std::int64_t limit) {
                fetches.emplace_back(offset, limit);
                if (fail) {
                    throw std::runtime_error("disk on fire");
                }
                std::vector<db::SessionNoteSummary> rows;
                for (std::int64_t i = offset; i < std::min(total, offset + limit); ++i) {
                    db::SessionNoteSummary row;
                    row.id = total - i;  // newest first
                    rows.push_back(row);
                }
                return rows;
            },
            page_size, pages_kept);
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(session_list_model_tests)

BOOST_AUTO_TEST_CASE(reading_the_last_of_250_notes_reads_one_page) {
    FakeNotes store(250);
    SessionListModel model = store.Model();
    model.Refresh();
    BOOST_TEST(model.RowCount() == 250);
    BOOST_TEST(store.fetches.empty());  // counting reads no rows

    const std::optional<db::SessionNoteSummary> last = model.Row(249);
    BOOST_REQUIRE(last);
    BOOST_TEST(last->id == 1);
    BOOST_REQUIRE(store.fetches.size() == 1u);
    BOOST_TEST(store.fetches[0].first == 200);
    BOOST_TEST(store.fetches[0].second == 50);

    // The same page again is not read again; another page is.
    BOOST_TEST(model.Row(200)->id == 50);
    BOOST_TEST(store.fetches.size() == 1u);
    BOOST_TEST(model.Row(0)->id == 250);
    BOOST_TEST(store.fetches.size() == 2u);
    BOOST_TEST(!model.Row(250));
    BOOST_TEST(!model.Row(-1));
}

BOOST_AUTO_TEST_CASE(only_a_few_pages_are_kept) {
    FakeNotes store(1000);
    SessionListModel model = store.Model(50, 3);
    model.Refresh();
    for (std::int64_t row = 0; row < 1000; row += 50) {
        BOOST_TEST(model.Row(row).has_value());
    }
    BOOST_TEST(model.CachedPageCount() == 3u);
    BOOST_TEST(store.fetches.size() == 20u);
    BOOST_TEST((model.CachedIndexOf(1) == 999));  // the last page is cached
    BOOST_TEST(!model.CachedIndexOf(1000));       // the first is not any more
}

BOOST_AUTO_TEST_CASE(a_failed_read_is_remembered_not_retried_on_every_row) {
    FakeNotes store(120);
    store.fail = true;
    SessionListModel model = store.Model();
    model.Refresh();
    BOOST_TEST(!model.Row(3));
    BOOST_TEST(!model.Row(4));
    BOOST_TEST(store.fetches.size() == 1u);
    BOOST_TEST(model.LastError() == "disk on fire");
    store.fail = false;
    model.Refresh();
    BOOST_TEST(model.Row(3).has_value());
    BOOST_TEST(model.LastError().empty());
}

// The real repository under the virtual list: 250 notes, and painting the last row reads one
// page of summaries.
BOOST_AUTO_TEST_CASE(the_sessions_list_pages_through_the_database) {
    app::test::TempDatabase database;
    db::ClientRepository clients(database.Get());
    db::StaffRepository staff(database.Get());
    db::SessionNoteRepository notes(database.Get());
    core::Client client = app::test::MakeClient("Ann", "Smith");
    clients.Add(client);
    core::Staff jane{0, "Jane Doe", core::StaffRole::kTherapist, true, ""};
    staff.Add(jane);
    const auto today = std::chrono::sys_days{app::test::TestClock().Today()};
    {
        db::Transaction transaction(database.Get());
        for (int day = 0; day < 250; ++day) {
            core::SessionNote note;
            note.client_id = client.id;
            note.therapist_id = jane.id;
            note.date = core::Date{today - std::chrono::days{day}};
            note.start_minute = 9 * 60;
            note.regions = {{core::Region::kCalves, core::Side::kLeft, 5, {}, {}}};
            note.techniques = {{core::Technique::kSwedish, 30}};
            notes.Add(note);
        }
        transaction.Commit();
    }

    int pages_read = 0;
    SessionListModel model([&] { return notes.CountForClient(client.id); },
                           [&](std::int64_t offset, std::int64_t limit) {
                               ++pages_read;
                               return notes.ListForClient(client.id, offset, limit);
                           });
    model.Refresh();

    auto* frame = new wxFrame(nullptr, wxID_ANY, "sessions");
    auto* list = new app::SessionListCtrl(frame, wxID_ANY, model);
    list->RefreshRows();
    BOOST_TEST(list->GetItemCount() == 250);
    const wxString oldest = list->CellText(249, app::SessionListCtrl::Column::kDate);
    BOOST_TEST(pages_read == 1);
    BOOST_TEST(oldest.utf8_string() ==
               app::FormatReadableDate(core::Date{today - std::chrono::days{249}}).utf8_string());
    BOOST_TEST(list->CellText(249, app::SessionListCtrl::Column::kStatus).utf8_string() ==
               "Unsigned");
    BOOST_TEST(list->CellText(249, app::SessionListCtrl::Column::kRegions).utf8_string() ==
               "Calves L");
    BOOST_TEST(list->CellText(249, app::SessionListCtrl::Column::kTherapist).utf8_string() ==
               "Jane Doe");
    // The newest is first.
    BOOST_TEST(list->CellText(0, app::SessionListCtrl::Column::kDate).utf8_string() ==
               app::FormatReadableDate(core::Date{today}).utf8_string());
    BOOST_TEST(pages_read == 2);
    BOOST_TEST(list->ColumnIndex(app::SessionListCtrl::Column::kClient) == -1);
    app::test::DestroyAndWait(frame);
}

BOOST_AUTO_TEST_SUITE_END()
