#include "clients/client_list_model.h"
#include "gui_test_support.h"
#include "soci_session.h"

#include <myodesk/db/client_repository.h>

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>
#include <soci/soci.h>

#include <stdexcept>

using namespace myodesk;
using app::ClientListModel;
using app::test::MakeClient;
using app::test::TempDatabase;

namespace {

// 250 clients "Given NNN Runner NNN", inserted in reverse so that the list order (family
// name) differs from the insertion order.
struct TwoHundredFiftyClients {
    TempDatabase database;
    db::ClientRepository repository{database.Get()};
    services::Context context{database.Get(), app::test::TestClock()};
    services::ClientService service{context};
    std::vector<core::ClientId> ids = std::vector<core::ClientId>(250);

    TwoHundredFiftyClients() {
        soci::transaction transaction(db::SociSession(database.Get()));
        for (int i = 249; i >= 0; --i) {
            core::Client client =
                MakeClient(fmt::format("Given{:03}", i), fmt::format("Runner{:03}", i));
            ids[static_cast<std::size_t>(i)] = repository.Add(client);
        }
        transaction.commit();
    }
};

// Counts what the model reads through the repository.
struct CountingSource {
    db::ClientRepository& repository;
    int count_calls = 0;
    int fetch_calls = 0;
    int position_calls = 0;
    int search_calls = 0;
    std::int64_t rows_fetched = 0;

    ClientListModel MakeModel(std::int64_t page_size = ClientListModel::kDefaultPageSize,
                              std::size_t pages_kept = ClientListModel::kDefaultPagesKept) {
        return ClientListModel(
            [this](const db::ClientQuery& query) {
                ++count_calls;
                return repository.CountMatching(query);
            },
            [this](const db::ClientQuery& query, std::int64_t offset, std::int64_t limit) {
                ++fetch_calls;
                auto rows = repository.Search(query, offset, limit);
                rows_fetched += static_cast<std::int64_t>(rows.size());
                return rows;
            },
            [this](const db::ClientQuery& query, core::ClientId id) {
                ++position_calls;
                return repository.PositionOf(query, id);
            },
            [this](const db::ClientQuery& query, const std::optional<db::ClientSearchCursor>& after,
                   std::int64_t limit) {
                ++search_calls;
                auto page = repository.SearchPage(query, after, limit);
                rows_fetched += static_cast<std::int64_t>(page.rows.size());
                return page;
            },
            page_size, pages_kept);
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(client_list_model_tests)

BOOST_FIXTURE_TEST_CASE(counts_without_reading_rows_and_reads_only_the_pages_looked_at,
                        TwoHundredFiftyClients) {
    CountingSource source{repository};
    ClientListModel model = source.MakeModel();
    model.Refresh();
    BOOST_TEST(model.RowCount() == 250);
    BOOST_TEST(source.fetch_calls == 0);

    const auto first = model.Row(0);
    BOOST_REQUIRE(first);
    BOOST_TEST(first->family_name == "Runner000");
    BOOST_TEST(first->given_name == "Given000");

    const auto last = model.Row(249);
    BOOST_REQUIRE(last);
    BOOST_TEST(last->family_name == "Runner249");

    // Two pages of 100 were read: row 249 did not need rows 100-199.
    BOOST_TEST(source.fetch_calls == 2);
    BOOST_TEST(source.rows_fetched <= 200);
    BOOST_TEST(source.rows_fetched < 250);

    // Cached rows are not read again.
    BOOST_TEST(model.Row(1)->family_name == "Runner001");
    BOOST_TEST(model.Row(248)->family_name == "Runner248");
    BOOST_TEST(source.fetch_calls == 2);
    // What the model says it read (the GUI's startup benchmark prints it) is what was read.
    BOOST_TEST(model.PagesFetched() == 2);
    BOOST_TEST(model.RowsFetched() == source.rows_fetched);

    BOOST_TEST(!model.Row(250));
    BOOST_TEST(!model.Row(-1));
}

BOOST_FIXTURE_TEST_CASE(searching_narrows_the_count, TwoHundredFiftyClients) {
    CountingSource source{repository};
    ClientListModel model = source.MakeModel();
    model.SetQuery({"runner01", db::ArchiveFilter::kActive});
    BOOST_TEST(model.IsSearch());
    BOOST_TEST(model.RowCount() == 10);
    BOOST_TEST(!model.HasMoreRows());
    BOOST_TEST(source.count_calls == 0);  // a search is never counted
    BOOST_TEST(model.Row(0)->family_name == "Runner010");
    BOOST_TEST(model.Row(9)->family_name == "Runner019");

    model.SetQuery({"Given123", db::ArchiveFilter::kActive});
    BOOST_TEST(model.RowCount() == 1);
    BOOST_TEST(core::DisplayName(*model.Row(0)) == "Given123 Runner123");

    model.SetQuery({"nobody", db::ArchiveFilter::kActive});
    BOOST_TEST(model.RowCount() == 0);
    BOOST_TEST(!model.Row(0));
}

// A search that matches more than a page lists one page, and grows a page at a time as the
// list asks; pages dropped from the cache are read again from where they start.
BOOST_FIXTURE_TEST_CASE(a_search_grows_page_by_page, TwoHundredFiftyClients) {
    CountingSource source{repository};
    ClientListModel model = source.MakeModel(40, 2);
    model.SetQuery({"runner", db::ArchiveFilter::kActive});  // all 250, family name first
    BOOST_TEST(model.RowCount() == 40);
    BOOST_TEST(model.HasMoreRows());
    BOOST_TEST(source.search_calls == 1);
    BOOST_TEST(!model.Row(40));  // not found yet
    while (model.ReadMore()) {
    }
    BOOST_TEST(model.RowCount() == 250);
    BOOST_TEST(!model.HasMoreRows());
    BOOST_TEST(source.search_calls == 7);  // 40 x 6 + 10, each page read once
    BOOST_TEST(model.CachedPageCount() == 2u);
    for (int i = 0; i < 250; i += 37) {
        BOOST_TEST(model.Row(i)->family_name == fmt::format("Runner{:03}", i));
    }
    BOOST_TEST(model.Row(249)->family_name == "Runner249");
    BOOST_TEST(!model.Row(250));

    // Finding a client not found yet finds the pages up to it.
    model.SetQuery({"runner", db::ArchiveFilter::kActive});
    BOOST_TEST(model.RowCount() == 40);
    BOOST_TEST(*model.IndexOf(ids[130]) == 130);
    BOOST_TEST(model.RowCount() == 160);
    BOOST_TEST(model.Row(130)->id == ids[130]);

    // The whole list is counted, not found.
    model.SetQuery({"", db::ArchiveFilter::kActive});
    BOOST_TEST(!model.IsSearch());
    BOOST_TEST(model.RowCount() == 250);
    BOOST_TEST(!model.HasMoreRows());
    BOOST_TEST(!model.ReadMore());
}

BOOST_FIXTURE_TEST_CASE(refresh_sees_changes_and_archived_clients_follow_the_filter,
                        TwoHundredFiftyClients) {
    ClientListModel model(service);
    model.Refresh();
    BOOST_TEST(model.Row(0)->family_name == "Runner000");

    repository.Archive(ids[0]);
    model.Refresh();
    BOOST_TEST(model.RowCount() == 249);
    BOOST_TEST(model.Row(0)->family_name == "Runner001");

    model.SetQuery({"", db::ArchiveFilter::kAll});
    BOOST_TEST(model.RowCount() == 250);
    BOOST_TEST(model.Row(0)->archived);
}

BOOST_FIXTURE_TEST_CASE(keeps_only_a_few_pages, TwoHundredFiftyClients) {
    CountingSource source{repository};
    ClientListModel model = source.MakeModel(10, 2);
    model.Refresh();
    BOOST_TEST(model.Row(5)->family_name == "Runner005");
    BOOST_TEST(model.Row(15)->family_name == "Runner015");
    BOOST_TEST(model.Row(25)->family_name == "Runner025");
    BOOST_TEST(model.CachedPageCount() == 2u);
    BOOST_TEST(source.fetch_calls == 3);
    // Page 0 was the least recently used and was dropped; page 2 is still there.
    BOOST_TEST(model.Row(26)->family_name == "Runner026");
    BOOST_TEST(source.fetch_calls == 3);
    BOOST_TEST(model.Row(6)->family_name == "Runner006");
    BOOST_TEST(source.fetch_calls == 4);
}

BOOST_FIXTURE_TEST_CASE(finds_a_client_without_reading_rows, TwoHundredFiftyClients) {
    CountingSource source{repository};
    ClientListModel model = source.MakeModel(10, 4);
    model.Refresh();
    const auto index = model.IndexOf(ids[200]);
    BOOST_REQUIRE(index);
    BOOST_TEST(*index == 200);
    BOOST_TEST(source.rows_fetched == 0);  // the database counts; no page is read
    BOOST_TEST(model.Row(200)->id == ids[200]);

    // A row already on screen is found in the cache.
    const int asked = source.position_calls;
    BOOST_TEST(*model.IndexOf(ids[200]) == 200);
    BOOST_TEST(source.position_calls == asked);

    BOOST_TEST(!model.IndexOf(999999));

    model.SetQuery({"runner2", db::ArchiveFilter::kActive});
    BOOST_TEST(*model.IndexOf(ids[200]) == 0);
    BOOST_TEST(!model.IndexOf(ids[5]));
}

BOOST_AUTO_TEST_CASE(a_failed_read_gives_no_row_and_says_why) {
    int fetch_calls = 0;
    ClientListModel model(
        [](const db::ClientQuery&) { return std::int64_t{3}; },
        [&](const db::ClientQuery&, std::int64_t,
            std::int64_t) -> std::vector<core::ClientSummary> {
            ++fetch_calls;
            throw std::runtime_error("disk on fire");
        },
        [](const db::ClientQuery&, core::ClientId) -> std::optional<std::int64_t> {
            throw std::runtime_error("disk on fire");
        },
        [](const db::ClientQuery&, const std::optional<db::ClientSearchCursor>&,
           std::int64_t) -> db::ClientSearchPage { throw std::runtime_error("search on fire"); });
    model.Refresh();
    BOOST_TEST(model.RowCount() == 3);
    BOOST_TEST(!model.Row(0));
    BOOST_TEST(!model.Row(1));
    BOOST_TEST(fetch_calls == 1);  // not retried on every painted row
    BOOST_TEST(model.LastError() == "disk on fire");
    model.Refresh();
    BOOST_TEST(model.LastError().empty());
    BOOST_TEST(!model.IndexOf(7));
    BOOST_TEST(model.LastError() == "disk on fire");
    // A search that cannot be read throws from SetQuery and lists nothing.
    BOOST_CHECK_THROW(model.SetQuery({"ann", db::ArchiveFilter::kActive}), std::runtime_error);
    BOOST_TEST(model.RowCount() == 0);
    BOOST_TEST(!model.HasMoreRows());
    BOOST_TEST(!model.ReadMore());
}

BOOST_AUTO_TEST_SUITE_END()
