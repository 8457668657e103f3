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

// The preferred-name key is empty when there is no preferred name, or when it is the given
// name: it would repeat another key, and each key a client has is a row a search reads.
inline SearchKeys KeysFor(const core::Client& client) {
    SearchKeys keys{SearchKey(client.given_name + " " + client.family_name),
                    SearchKey(client.family_name + " " + client.given_name),
                    SearchKey(client.preferred_name + " " + client.family_name),
                    SearchKey(client.email), core::DigitsOnly(client.phone)};
    if (SearchKey(client.preferred_name).empty() || keys.preferred == keys.name) {
        keys.preferred.clear();
    }
    return keys;
}

}  // namespace myodesk::db::detail
