#pragma once

// The raw side stores and queries exactly the search keys MyoDesk does: the same functions,
// from db's private header (the bench target has db/src on its include path).

#include "client_search_keys.h"

namespace myodesk::bench {

using db::detail::KeysFor;
using db::detail::SearchKey;
using db::detail::SearchKeys;

}  // namespace myodesk::bench
