#pragma once

#include <myodesk/core/client.h>
#include <myodesk/db/client_repository.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace myodesk::app {

// The rows behind the virtual client list, without any window: the current query, how many
// clients match it, and a few pages of rows read on demand (least recently used pages are
// dropped). Only the pages that are looked at are ever read, so a list of any length opens
// as fast as one of ten.
class ClientListModel {
  public:
    using CountFunction = std::function<std::int64_t(const db::ClientQuery&)>;
    using FetchFunction = std::function<std::vector<core::ClientSummary>(
        const db::ClientQuery&, std::int64_t offset, std::int64_t limit)>;
    using PositionFunction =
        std::function<std::optional<std::int64_t>(const db::ClientQuery&, core::ClientId)>;

    static constexpr std::int64_t kDefaultPageSize = 100;
    static constexpr std::size_t kDefaultPagesKept = 8;

    // Reads through the repository (which must outlive the model).
    explicit ClientListModel(db::ClientRepository& repository);

    // Reads through the given functions: tests use this to count what is read.
    ClientListModel(CountFunction count, FetchFunction fetch, PositionFunction position,
                    std::int64_t page_size = kDefaultPageSize,
                    std::size_t pages_kept = kDefaultPagesKept);

    const db::ClientQuery& Query() const { return m_query; }

    // Changes the query, counts its matches and forgets the cached rows. Throws
    // db::DatabaseError when counting fails (the count is then 0).
    void SetQuery(db::ClientQuery query);

    // Counts again and forgets the cached rows (after a client was added, changed, archived).
    // Throws db::DatabaseError when counting fails (the count is then 0).
    void Refresh();

    std::int64_t RowCount() const { return m_row_count; }

    // The row at `index` (0-based, in list order), reading its page when it is not cached.
    // Never throws: nullopt for an index out of range, or when the page could not be read
    // (LastError() then says why, and the page is not read again until Refresh()).
    std::optional<core::ClientSummary> Row(std::int64_t index);

    // Where the client is in the current list, or nullopt when it does not match the query.
    // Looks in the cached pages first, then asks the database (one count, no rows read).
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

    CountFunction m_count;
    FetchFunction m_fetch;
    PositionFunction m_position;
    std::int64_t m_page_size;
    std::size_t m_pages_kept;

    db::ClientQuery m_query;
    std::int64_t m_row_count = 0;
    std::vector<Page> m_pages;
    std::uint64_t m_use_counter = 0;
    std::string m_last_error;
    std::int64_t m_rows_fetched = 0;
    std::int64_t m_pages_fetched = 0;
};

}  // namespace myodesk::app
