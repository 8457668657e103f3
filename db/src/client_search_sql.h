#pragma once

// The SQL of a typed search (ClientRepository::SearchPage), shared with the benchmark's raw
// SQLite side so both run the same statements.
//
// A typed search never walks the whole client list. Each search key has its own index, and a
// prefix is a range on it that comes out in key order; the ranges of one group are merged in
// order by UNION ALL ... ORDER BY matched, id, and LIMIT stops the merge after the rows a page
// needs. So a keystroke reads about a page of rows whether 20 or 200,000 clients match. SQLite
// merges the plain ranges as co-routines; PostgreSQL only merges (Merge Append) inputs that are
// themselves ordered and limited, so there each range is a subquery with ORDER BY and LIMIT
// (SQLite would sort those again). A client whose keys match twice (name and email, say) comes
// out twice; Owner() tells which of its rows is the one shown.

#include "client_search_keys.h"

#include <myodesk/db/client_repository.h>
#include <myodesk/db/dialect.h>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace myodesk::db::detail {

// The columns every search statement returns, in this order.
enum SearchColumn {
    kMatchedColumn,  // the key the row matched on
    kIdColumn,
    kGivenNameColumn,
    kFamilyNameColumn,
    kPreferredNameColumn,
    kDateOfBirthColumn,
    kPhoneColumn,
    kEmailColumn,
    kArchivedColumn,
    kNameKeyColumn,
    kNameReversedKeyColumn,
    kPreferredKeyColumn,
    kEmailKeyColumn,
    kPhoneKeyColumn,
    kSearchColumnCount
};

// One statement of a typed search with every value it binds, each under its own name (a name
// is never used twice in one statement).
struct SearchStatement {
    std::string sql;
    std::vector<std::pair<std::string, std::string>> texts;  // (parameter name, value)
    std::vector<std::pair<std::string, long long>> numbers;  // cursor ids and row limits
};

// The groups of a typed search, in the order the list shows them.
enum SearchGroup { kNameGroup = 0, kEmailGroup = 1, kPhoneGroup = 2 };

class TypedSearch {
  public:
    TypedSearch(const ClientQuery& query, const Dialect& dialect);

    // The folded text; empty for the whole list (one group, by family name).
    const std::string& Key() const { return m_key; }

    // Names, email, and phone digits when the text looks like a phone number; one group (the
    // whole list by family name) when the text is empty.
    int GroupCount() const;

    // Reads group `group` in order (ORDER BY matched, id), after `after` when given (a position
    // in this group: its matched key and id), at most `row_limit` rows.
    SearchStatement GroupStatement(int group, const ClientSearchCursor* after,
                                   long long row_limit) const;

    // Counts the matches (each client once): SELECT COUNT(*) of the union of the key ranges.
    SearchStatement CountStatement() const;

    // The group and key a client with these keys is listed under: the first group with a
    // matching key, and in it the smallest matching key (for the whole list, the family-first
    // name). nullopt when nothing matches.
    std::optional<std::pair<int, std::string_view>> Owner(const SearchKeys& keys) const;

  private:
    std::vector<std::string_view> Columns(int group) const;
    // The arms (SELECTs) reading one key's range, one per archived value where the index needs
    // it; their values are added to `statement`.
    std::vector<std::string> Arms(std::string_view column, std::string_view selected,
                                  const ClientSearchCursor* after,
                                  SearchStatement& statement) const;

    ArchiveFilter m_filter;
    const Dialect& m_dialect;
    std::string m_key;     // the text folded as the stored keys are
    std::string m_digits;  // the text's digits, when it looks like a phone number
};

}  // namespace myodesk::db::detail
