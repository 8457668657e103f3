#include "client_search_sql.h"

#include <myodesk/core/text.h>

#include <fmt/format.h>

#include <algorithm>

namespace myodesk::db::detail {

namespace {

// Appended to a prefix, this sorts after every string that starts with it (U+10FFFF in
// UTF-8), so "col >= prefix AND col < prefix + kAfterPrefix" is a prefix match on an index.
constexpr std::string_view kAfterPrefix = "\xF4\x8F\xBF\xBF";

constexpr std::string_view kSelectedColumns =
    "id, given_name, family_name, preferred_name, date_of_birth, phone, email, archived, "
    "search_name, search_name_reversed, search_preferred, search_email, search_phone";

bool LooksLikePhone(std::string_view key, std::string_view digits) {
    return digits.size() >= 3 && key.find_first_not_of("0123456789 +-()./") == std::string::npos;
}

// The key columns searched in a group, in the order Owner() breaks ties.
std::vector<std::string_view> GroupColumns(int group) {
    switch (group) {
        case kNameGroup:
            return {"search_name", "search_name_reversed", "search_preferred"};
        case kEmailGroup:
            return {"search_email"};
        default:
            return {"search_phone"};
    }
}

}  // namespace

TypedSearch::TypedSearch(const ClientQuery& query, const Dialect& dialect)
    : m_filter(query.archive_filter), m_dialect(dialect), m_key(SearchKey(query.text)) {
    const std::string digits = core::DigitsOnly(m_key);
    if (LooksLikePhone(m_key, digits)) {
        m_digits = digits;
    }
}

int TypedSearch::GroupCount() const {
    if (m_key.empty()) {
        return 1;  // the whole list, by family name
    }
    return m_digits.empty() ? 2 : 3;
}

std::vector<std::string> TypedSearch::Arms(std::string_view column, std::string_view selected,
                                           const ClientSearchCursor* after,
                                           SearchStatement& statement) const {
    const std::string& prefix = column == "search_phone" ? m_digits : m_key;
    const auto text = [&](std::string value) {
        std::string name = fmt::format("t{}", statement.texts.size());
        statement.texts.emplace_back(name, std::move(value));
        return ":" + name;
    };
    // Archived is a condition on the family-first name's index (archived, search_name_reversed,
    // id) and so is spelled out in its arms, one ordered range per value. In SQLite
    // "+archived" keeps the planner from choosing that index for the other keys' ranges; in
    // PostgreSQL it would only hide the column's statistics.
    std::vector<std::string> archived_conditions;
    const bool indexed_by_archived = column == "search_name_reversed";
    const std::string_view sign = indexed_by_archived ? "" : m_dialect.not_by_index;
    switch (m_filter) {
        case ArchiveFilter::kActive:
            archived_conditions.push_back(fmt::format(" AND {}archived = 0", sign));
            break;
        case ArchiveFilter::kArchived:
            archived_conditions.push_back(fmt::format(" AND {}archived = 1", sign));
            break;
        case ArchiveFilter::kAll:
            archived_conditions =
                indexed_by_archived
                    ? std::vector<std::string>{" AND archived = 0", " AND archived = 1"}
                    : std::vector<std::string>{""};
            break;
    }
    std::vector<std::string> arms;
    for (const std::string& archived : archived_conditions) {
        // From a cursor on, the lower bound is the cursor's key (which starts with the prefix),
        // so the index is entered there rather than read from the prefix.
        const std::string lower = after ? std::max(prefix, after->matched) : prefix;
        std::string arm =
            fmt::format("SELECT {} FROM clients WHERE {} >= {}", selected, column, text(lower));
        if (!m_key.empty()) {
            arm += fmt::format(" AND {} < {}", column, text(prefix + std::string(kAfterPrefix)));
        }
        arm += archived;
        if (after) {
            const std::string id_name = fmt::format("after_id{}", statement.numbers.size());
            statement.numbers.emplace_back(id_name, after->id);
            arm += fmt::format(" AND ({} > {} OR id > :{})", column, text(after->matched), id_name);
        }
        arms.push_back(std::move(arm));
    }
    return arms;
}

std::vector<std::string_view> TypedSearch::Columns(int group) const {
    if (m_key.empty()) {
        return {"search_name_reversed"};
    }
    return GroupColumns(group);
}

SearchStatement TypedSearch::GroupStatement(int group, const ClientSearchCursor* after,
                                            long long row_limit) const {
    SearchStatement statement;
    std::vector<std::string> arms;
    for (const std::string_view column : Columns(group)) {
        for (std::string& arm :
             Arms(column, fmt::format("{} AS matched, {}", column, kSelectedColumns), after,
                  statement)) {
            if (m_dialect.merges_only_limited_ranges) {
                const std::string limit_name = fmt::format("arm_limit{}", arms.size());
                statement.numbers.emplace_back(limit_name, row_limit);
                arm = fmt::format("SELECT * FROM ({} ORDER BY {}, id LIMIT :{}) AS arm{}", arm,
                                  column, limit_name, arms.size());
            }
            arms.push_back(std::move(arm));
        }
    }
    statement.numbers.emplace_back("row_limit", row_limit);
    statement.sql =
        fmt::format("{} ORDER BY matched, id LIMIT :row_limit", fmt::join(arms, " UNION ALL "));
    return statement;
}

SearchStatement TypedSearch::CountStatement() const {
    SearchStatement statement;
    if (m_key.empty()) {
        statement.sql = "SELECT COUNT(*) FROM clients";
        if (m_filter != ArchiveFilter::kAll) {
            statement.sql +=
                m_filter == ArchiveFilter::kActive ? " WHERE archived = 0" : " WHERE archived = 1";
        }
        return statement;
    }
    // Every match's id once: the union of the key ranges, read from the key indexes.
    std::vector<std::string> arms;
    for (int group = 0; group < GroupCount(); ++group) {
        for (const std::string_view column : Columns(group)) {
            for (std::string& arm : Arms(column, "id", nullptr, statement)) {
                arms.push_back(std::move(arm));
            }
        }
    }
    statement.sql = fmt::format("SELECT COUNT(*) FROM ({}) AS matches", fmt::join(arms, " UNION "));
    return statement;
}

std::optional<std::pair<int, std::string_view>> TypedSearch::Owner(const SearchKeys& keys) const {
    if (m_key.empty()) {
        return std::pair<int, std::string_view>(kNameGroup, keys.name_reversed);
    }
    const auto starts = [](const std::string& key, const std::string& prefix) {
        return !prefix.empty() && key.size() >= prefix.size() &&
               std::string_view(key).substr(0, prefix.size()) == prefix;
    };
    const std::string* best = nullptr;
    for (const std::string* key : {&keys.name, &keys.name_reversed, &keys.preferred}) {
        if (starts(*key, m_key) && (best == nullptr || *key < *best)) {
            best = key;
        }
    }
    if (best != nullptr) {
        return std::pair<int, std::string_view>(kNameGroup, *best);
    }
    if (starts(keys.email, m_key)) {
        return std::pair<int, std::string_view>(kEmailGroup, keys.email);
    }
    if (starts(keys.phone, m_digits)) {
        return std::pair<int, std::string_view>(kPhoneGroup, keys.phone);
    }
    return std::nullopt;
}

}  // namespace myodesk::db::detail
