#pragma once

// The search keys stored beside a client (clients.search_*), so search as you type is a prefix
// range on an index in both backends. Shared by ClientRepository and the demo practice writer:
// both must store exactly the keys the search folds its query to.

#include <myodesk/core/client.h>
#include <myodesk/core/text.h>

#include <string>
#include <string_view>

namespace myodesk::db::detail {

// Collapses runs of white space to one space and folds, as the stored keys are.
inline std::string SearchKey(std::string_view text) {
    std::string collapsed;
    bool space = false;
    for (char c : core::Trim(text)) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = true;
            continue;
        }
        if (space) {
            collapsed.push_back(' ');
            space = false;
        }
        collapsed.push_back(c);
    }
    return core::FoldForSearch(collapsed);
}

struct SearchKeys {
    std::string name;
    std::string name_reversed;
    std::string preferred;
    std::string email;
    std::string phone;
};

inline SearchKeys KeysFor(const core::Client& client) {
    return {SearchKey(client.given_name + " " + client.family_name),
            SearchKey(client.family_name + " " + client.given_name),
            SearchKey(client.preferred_name + " " + client.family_name), SearchKey(client.email),
            core::DigitsOnly(client.phone)};
}

}  // namespace myodesk::db::detail
