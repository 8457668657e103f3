#pragma once

#include <myodesk/core/client.h>
#include <myodesk/services/client_service.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace myodesk::app {

// The rows behind the virtual client list, without any window: the current query, how many
// clients it lists, and a few pages of rows read on demand (least recently used pages are
// dropped). Only the pages that are looked at are ever read, so a list of any length opens
// as fast as one of ten.
//
// Two kinds of list. The whole list (no search text) is counted, and any page is read by its
// position. A search (typed text) is not counted: counting every match would cost a read of
// each one per keystroke. Its rows are found page by page in search order
// (services::ClientService::SearchPage); RowCount() is what has been found so far, HasMoreRows()
// says whether more follow, and ReadMore() finds the next page when the list reaches the end.
class ClientListModel {
  public:
    using CountFunction = std::function<std::int64_t(const db::ClientQuery&)>;
    using FetchFunction = std::function<std::vector<core::ClientSummary>(
        const db::ClientQuery&, std::int64_t offset, std::int64_t limit)>;
    using PositionFunction =
        std::function<std::optional<std::int64_t>(const db::ClientQuery&, core::ClientId)>;
    using SearchFunction = std::function<db::ClientSearchPage(
        const db::ClientQuery&, const std::optional<db::ClientSearchCursor>&, std::int64_t limit)>;

    static constexpr std::int64_t kDefaultPageSize = 100;
    static constexpr std::size_t kDefaultPagesKept = 8;

    // Reads through the service (which must outlive the model).
    explicit ClientListModel(services::ClientService& clients);

    // Reads through the given functions: tests use this to count what is read.
    ClientListModel(CountFunction count, FetchFunction fetch, PositionFunction position,
                    SearchFunction search, std::int64_t page_size = kDefaultPageSize,
                    std::size_t pages_kept = kDefaultPagesKept);

    const db::ClientQuery& Query() const { return m_query; }

    // Changes the query and forgets the cached rows; counts the whole list, or finds the first
    // page of a search. Throws db::DatabaseError when that fails (the count is then 0).
    void SetQuery(db::ClientQuery query);

    // Counts (or finds the first page) again and forgets the cached rows (after a client was
    // added, changed, archived). Throws db::DatabaseError when that fails (the count is then 0).
    void Refresh();

    // True when the query is a search (typed text), which is found page by page.
    bool IsSearch() const;

    // The rows listed: every client of the whole list, or the matches found so far.
    std::int64_t RowCount() const { return m_row_count; }

    // A search has matches after RowCount() not yet found.
    bool HasMoreRows() const;

    // Finds the next page of a search; true when rows were added to RowCount(). Never throws:
    // false when there is nothing more or the read failed (LastError() says why; the search then
    // stops growing until Refresh()).
    bool ReadMore();

    // The row at `index` (0-based, in list order), reading its page when it is not cached.
    // Never throws: nullopt for an index out of range, or when the page could not be read
    // (LastError() then says why, and the page is not read again until Refresh()).
    std::optional<core::ClientSummary> Row(std::int64_t index);

    // Where the client is in the current list, or nullopt when it does not match the query.
    // Looks in the cached pages first, then asks the database (for the whole list one count,
    // no rows read); a search then finds its pages up to the client.
    std::optional<std::int64_t> IndexOf(core::ClientId id);

    // The message of the last failed read, or empty.
    const std::string& LastError() const { return m_last_error; }

    std::size_t CachedPageCount() const { return m_pages.size(); }

    // Rows and pages read from the database since the model was made (never reset): a list
    // scrolled from its start to its end has read two pages, not the table.
    std::int64_t RowsFetched() const { return m_rows_fetched; }
    std::int64_t PagesFetched() const { return m_pages_fetched; }

  private:
    struct Page {
        std::int64_t number = 0;
        std::vector<core::ClientSummary> rows;
        std::uint64_t last_used = 0;
    };

    Page* FindPage(std::int64_t number);
    Page& LoadPage(std::int64_t number);
    Page& KeepPage(Page page);
    std::vector<core::ClientSummary> FetchPage(std::int64_t number);
    void FindNextPage();  // throws

    CountFunction m_count;
    FetchFunction m_fetch;
    PositionFunction m_position;
    SearchFunction m_search;
    std::int64_t m_page_size;
    std::size_t m_pages_kept;

    db::ClientQuery m_query;
    std::int64_t m_row_count = 0;
    // A search: where each page found so far starts, and the next page's start while there are
    // more (so m_page_starts.size() is m_pages_found, or one more).
    std::vector<std::optional<db::ClientSearchCursor>> m_page_starts;
    std::int64_t m_pages_found = 0;
    std::vector<Page> m_pages;
    std::uint64_t m_use_counter = 0;
    std::string m_last_error;
    std::int64_t m_rows_fetched = 0;
    std::int64_t m_pages_fetched = 0;
};

}  // namespace myodesk::app
