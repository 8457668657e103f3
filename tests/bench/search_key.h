#pragma once

// The search keys as db/src/client_search_keys.h makes them (a private header of db/): the raw
// side stores and queries exactly the keys MyoDesk does.

#include <myodesk/core/client.h>
#include <myodesk/core/text.h>

#include <string>
#include <string_view>

namespace myodesk::bench {

// Collapses runs of white space to one space and folds.
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

}  // namespace myodesk::bench
