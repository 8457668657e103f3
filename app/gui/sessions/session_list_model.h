#pragma once

#include <myodesk/services/note_service.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace myodesk::app {

// The rows behind a virtual list of session notes (a client's notes, newest first, or the
// unsigned notes of every client), without any window: how many there are, and a few pages
// of summaries read on demand (the least recently used pages are dropped). Only the pages
// looked at are ever read: a client with years of notes opens as fast as a new one.
class SessionListModel {
  public:
    using CountFunction = std::function<std::int64_t()>;
    using FetchFunction =
        std::function<std::vector<db::SessionNoteSummary>(std::int64_t offset, std::int64_t limit)>;

    static constexpr std::int64_t kDefaultPageSize = 50;
    static constexpr std::size_t kDefaultPagesKept = 6;

    // An empty model (no rows) until SetSource.
    SessionListModel() = default;
    SessionListModel(CountFunction count, FetchFunction fetch,
                     std::int64_t page_size = kDefaultPageSize,
                     std::size_t pages_kept = kDefaultPagesKept);

    // Reads from other functions (another client) and counts again.
    void SetSource(CountFunction count, FetchFunction fetch);

    // Counts again and forgets the cached rows (after a note was added, signed, amended).
    // Throws db::DatabaseError when counting fails (the count is then 0).
    void Refresh();

    std::int64_t RowCount() const { return m_row_count; }

    // The row at `index`, reading its page when it is not cached. Never throws: nullopt for
    // an index out of range or when the page could not be read (LastError() says why).
    std::optional<db::SessionNoteSummary> Row(std::int64_t index);

    // Where a note is among the cached rows, or nullopt.
    std::optional<std::int64_t> CachedIndexOf(core::SessionNoteId id) const;

    const std::string& LastError() const { return m_last_error; }
    std::size_t CachedPageCount() const { return m_pages.size(); }
    std::int64_t PageSize() const { return m_page_size; }

  private:
    struct Page {
        std::int64_t number = 0;
        std::vector<db::SessionNoteSummary> rows;
        std::uint64_t last_used = 0;
    };

    Page& LoadPage(std::int64_t number);

    CountFunction m_count;
    FetchFunction m_fetch;
    std::int64_t m_page_size = kDefaultPageSize;
    std::size_t m_pages_kept = kDefaultPagesKept;

    std::int64_t m_row_count = 0;
    std::vector<Page> m_pages;
    std::uint64_t m_use_counter = 0;
    std::string m_last_error;
};

}  // namespace myodesk::app
