#pragma once

// Reading many records by id in a few statements: the ids go into IN (...) lists of at most
// kIdsPerStatement named binds (:c0, :c1, ...), each bound with soci::use, never spliced into
// the SQL. Some backends limit the binds of a statement, and a chunk keeps the text short.

#include <fmt/format.h>
#include <soci/soci.h>

#include <algorithm>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace myodesk::db::detail {

inline constexpr std::size_t kIdsPerStatement = 100;

// One chunk of ids, bound as :c0, :c1, ... in its IN list.
class IdChunk {
  public:
    explicit IdChunk(std::vector<long long> ids) : m_ids(std::move(ids)) {
        for (std::size_t i = 0; i < m_ids.size(); ++i) {
            m_names.push_back(fmt::format("c{}", i));
        }
    }

    // ":c0, :c1, ..." for the statement's IN (...).
    std::string InList() const {
        std::string list;
        for (const std::string& name : m_names) {
            list += (list.empty() ? ":" : ", :") + name;
        }
        return list;
    }

    // Binds the ids to the names of InList(); the chunk must outlive the statement's run.
    void Use(soci::statement& statement) {
        for (std::size_t i = 0; i < m_ids.size(); ++i) {
            statement.exchange(soci::use(m_ids[i], m_names[i]));
        }
    }

  private:
    std::vector<long long> m_ids;
    std::vector<std::string> m_names;
};

// Calls read(chunk) for each kIdsPerStatement of `ids` (duplicates dropped, in ascending
// order); nothing for no ids.
template <typename Id, typename Read>
void ForEachChunkOfIds(const std::vector<Id>& ids, Read&& read) {
    std::vector<long long> sorted(ids.begin(), ids.end());
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    for (std::size_t first = 0; first < sorted.size(); first += kIdsPerStatement) {
        const std::size_t count = std::min(kIdsPerStatement, sorted.size() - first);
        IdChunk chunk(
            std::vector<long long>(sorted.begin() + static_cast<std::ptrdiff_t>(first),
                                   sorted.begin() + static_cast<std::ptrdiff_t>(first + count)));
        read(chunk);
    }
}

}  // namespace myodesk::db::detail
