#include "sessions/session_list_model.h"

#include <algorithm>
#include <exception>
#include <utility>

namespace myodesk::app {

SessionListModel::SessionListModel(CountFunction count, FetchFunction fetch, std::int64_t page_size,
                                   std::size_t pages_kept)
    : m_count(std::move(count)),
      m_fetch(std::move(fetch)),
      m_page_size(std::max<std::int64_t>(page_size, 1)),
      m_pages_kept(std::max<std::size_t>(pages_kept, 1)) {}

void SessionListModel::SetSource(CountFunction count, FetchFunction fetch) {
    m_count = std::move(count);
    m_fetch = std::move(fetch);
    Refresh();
}

void SessionListModel::Refresh() {
    m_pages.clear();
    m_last_error.clear();
    m_row_count = 0;
    if (m_count) {
        m_row_count = std::max<std::int64_t>(m_count(), 0);
    }
}

SessionListModel::Page& SessionListModel::LoadPage(std::int64_t number) {
    const auto found = std::find_if(m_pages.begin(), m_pages.end(),
                                    [number](const Page& page) { return page.number == number; });
    if (found != m_pages.end()) {
        found->last_used = ++m_use_counter;
        return *found;
    }
    Page page;
    page.number = number;
    page.last_used = ++m_use_counter;
    try {
        if (m_fetch) {
            page.rows = m_fetch(number * m_page_size, m_page_size);
        }
    } catch (const std::exception& error) {
        // Kept as an empty page so that painting does not retry on every row.
        m_last_error = error.what();
    }
    if (m_pages.size() >= m_pages_kept) {
        const auto oldest = std::min_element(
            m_pages.begin(), m_pages.end(),
            [](const Page& a, const Page& b) { return a.last_used < b.last_used; });
        *oldest = std::move(page);
        return *oldest;
    }
    m_pages.push_back(std::move(page));
    return m_pages.back();
}

std::optional<db::SessionNoteSummary> SessionListModel::Row(std::int64_t index) {
    if (index < 0 || index >= m_row_count) {
        return std::nullopt;
    }
    const Page& page = LoadPage(index / m_page_size);
    const auto offset = static_cast<std::size_t>(index % m_page_size);
    if (offset >= page.rows.size()) {
        return std::nullopt;
    }
    return page.rows[offset];
}

std::optional<std::int64_t> SessionListModel::CachedIndexOf(core::SessionNoteId id) const {
    for (const Page& page : m_pages) {
        for (std::size_t i = 0; i < page.rows.size(); ++i) {
            if (page.rows[i].id == id) {
                return page.number * m_page_size + static_cast<std::int64_t>(i);
            }
        }
    }
    return std::nullopt;
}

}  // namespace myodesk::app
