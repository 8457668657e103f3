// What the user types after --db (db::ParseConnectionString; nothing connects). Only an empty
// location (or a bare "sqlite:") or one over the length limit is refused; a SQLite target has a
// path and shows it; a PostgreSQL target hands the text to libpq unchanged, and when libpq finds a
// password in it (written out, keyword form), the location shown to people must not hold it.

#include "fuzz_support.h"

#include <myodesk/db/connection_string.h>

#include <libpq-fe.h>
#include <stdexcept>

namespace {

using namespace myodesk;

std::size_t Occurrences(std::string_view text, std::string_view part) {
    std::size_t count = 0;
    for (std::size_t at = text.find(part); at != std::string_view::npos;
         at = text.find(part, at + 1)) {
        ++count;
    }
    return count;
}

// The password libpq reads from a keyword string ("host=... password=..."); empty for none or
// a string libpq refuses.
std::string LibpqPassword(const std::string& conninfo) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
    PQfreemem(error);
    std::string password;
    for (auto* option = options; option != nullptr && option->keyword != nullptr; ++option) {
        if (std::string_view(option->keyword) == "password" && option->val != nullptr) {
            password = option->val;
        }
    }
    PQconninfoFree(options);
    return password;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = fuzz::Text(data, size);
    db::ConnectionTarget target;
    try {
        target = db::ParseConnectionString(text);
    } catch (const std::invalid_argument&) {
        FUZZ_CHECK(text.empty() || text.size() > db::kMaxConnectionStringLength ||
                   text == "sqlite:" || text == "sqlite3:" || text == "sqlite://" ||
                   text == "sqlite3://");
        return 0;
    }
    if (target.backend == db::Backend::kSqlite) {
        FUZZ_CHECK(!target.sqlite_path.empty());
        FUZZ_CHECK(target.display == target.sqlite_path);
        FUZZ_CHECK(target.postgresql_conninfo.empty());
        return 0;
    }
    FUZZ_CHECK(target.postgresql_conninfo == text);
    FUZZ_CHECK(target.sqlite_path.empty());
    // A URL's password is percent-decoded by libpq, so only the keyword form is compared; a
    // password with '*' could match the "***" shown in its place.
    if (target.postgresql_conninfo.find("://") != std::string::npos ||
        target.postgresql_conninfo.find('\0') != std::string::npos) {
        return 0;
    }
    const std::string password = LibpqPassword(target.postgresql_conninfo);
    if (password.empty() || password.find('*') != std::string::npos ||
        Occurrences(text, password) == 0) {
        return 0;
    }
    FUZZ_CHECK(Occurrences(target.display, password) < Occurrences(text, password));
    return 0;
}
