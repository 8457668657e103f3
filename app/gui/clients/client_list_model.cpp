#include "clients/client_list_model.h"

#include <myodesk/core/text.h>

#include <algorithm>
#include <exception>
#include <utility>

namespace myodesk::app {

ClientListModel::ClientListModel(services::ClientService& clients)
    : ClientListModel(
          [&clients](const db::ClientQuery& query) { return clients.CountMatching(query); },
          [&clients](const db::ClientQuery& query, std::int64_t offset, std::int64_t limit) {
              return clients.Search(query, offset, limit);
          },
          [&clients](const db::ClientQuery& query, core::ClientId id) {
              return clients.PositionOf(query, id);
          },
          [&clients](const db::ClientQuery& query,
                     const std::optional<db::ClientSearchCursor>& after,
                     std::int64_t limit) { return clients.SearchPage(query, after, limit); }) {}

ClientListModel::ClientListModel(CountFunction count, FetchFunction fetch,
                                 PositionFunction position, SearchFunction search,
                                 std::int64_t page_size, std::size_t pages_kept)
    : m_count(std::move(count)),
      m_fetch(std::move(fetch)),
      m_position(std::move(position)),
      m_search(std::move(search)),
      m_page_size(std::max<std::int64_t>(page_size, 1)),
      m_pages_kept(std::max<std::size_t>(pages_kept, 1)) {}

void ClientListModel::SetQuery(db::ClientQuery query) {
    m_query = std::move(query);
    Refresh();
}

bool ClientListModel::IsSearch() const {
    return !core::Trim(m_query.text).empty();
}

bool ClientListModel::HasMoreRows() const {
    return IsSearch() && static_cast<std::int64_t>(m_page_starts.size()) > m_pages_found;
}

void ClientListModel::Refresh() {
    m_pages.clear();
    m_last_error.clear();
    m_row_count = 0;
    m_page_starts.clear();
    m_pages_found = 0;
    if (!IsSearch()) {
        m_row_count = std::max<std::int64_t>(m_count(m_query), 0);
        return;
    }
    m_page_starts.emplace_back();  // the first page starts at the start
    try {
        FindNextPage();
    } catch (...) {
        m_page_starts.clear();
        throw;
    }
}

void ClientListModel::FindNextPage() {
    const std::int64_t number = m_pages_found;
    db::ClientSearchPage found =
        m_search(m_query, m_page_starts[static_cast<std::size_t>(number)], m_page_size);
    m_rows_fetched += static_cast<std::int64_t>(found.rows.size());
    ++m_pages_fetched;
    m_row_count += static_cast<std::int64_t>(found.rows.size());
    ++m_pages_found;
    if (found.next && !found.rows.empty()) {
        m_page_starts.push_back(std::move(found.next));
    }
    Page page;
    page.number = number;
    page.rows = std::move(found.rows);
    page.last_used = ++m_use_counter;
    KeepPage(std::move(page));
}

bool ClientListModel::ReadMore() {
    if (!HasMoreRows()) {
        return false;
    }
    const std::int64_t before = m_row_count;
    try {
        FindNextPage();
    } catch (const std::exception& error) {
        m_last_error = error.what();
        m_page_starts.resize(static_cast<std::size_t>(m_pages_found));  // stop growing
        return false;
    }
    return m_row_count > before;
}

ClientListModel::Page* ClientListModel::FindPage(std::int64_t number) {
    const auto found = std::find_if(m_pages.begin(), m_pages.end(),
                                    [number](const Page& page) { return page.number == number; });
    if (found == m_pages.end()) {
        return nullptr;
    }
    found->last_used = ++m_use_counter;
    return &*found;
}

std::vector<core::ClientSummary> ClientListModel::FetchPage(std::int64_t number) {
    if (IsSearch()) {
        return m_search(m_query, m_page_starts[static_cast<std::size_t>(number)], m_page_size).rows;
    }
    return m_fetch(m_query, number * m_page_size, m_page_size);
}

ClientListModel::Page& ClientListModel::LoadPage(std::int64_t number) {
    if (Page* page = FindPage(number)) {
        return *page;
    }
    Page page;
    page.number = number;
    page.last_used = ++m_use_counter;
    try {
        page.rows = FetchPage(number);
        m_rows_fetched += static_cast<std::int64_t>(page.rows.size());
        ++m_pages_fetched;
    } catch (const std::exception& error) {
        // Remembered as an empty page so that painting does not retry on every row.
        m_last_error = error.what();
    }
    return KeepPage(std::move(page));
}

ClientListModel::Page& ClientListModel::KeepPage(Page page) {
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

std::optional<core::ClientSummary> ClientListModel::Row(std::int64_t index) {
    if (index < 0 || index >= m_row_count) {
        return std::nullopt;
    }
    const Page& page = LoadPage(index / m_page_size);
    const auto offset = static_cast<std::size_t>(index % m_page_size);
    if (offset >= page.rows.size()) {
        return std::nullopt;  // the table shrank since it was counted, or the read failed
    }
    return page.rows[offset];
}

std::optional<std::int64_t> ClientListModel::IndexOf(core::ClientId id) {
    for (const Page& page : m_pages) {
        for (std::size_t i = 0; i < page.rows.size(); ++i) {
            if (page.rows[i].id == id) {
                return page.number * m_page_size + static_cast<std::int64_t>(i);
            }
        }
    }
    try {
        const std::optional<std::int64_t> position = m_position(m_query, id);
        // A search lists only what it has found: find pages up to the client.
        while (position && *position >= m_row_count && HasMoreRows()) {
            FindNextPage();
        }
        if (position && *position >= m_row_count) {
            return std::nullopt;  // the matches changed meanwhile
        }
        return position;
    } catch (const std::exception& error) {
        m_last_error = error.what();
        return std::nullopt;
    }
}

}  // namespace myodesk::app
