#include <myodesk/db/connection_string.h>

#include <fmt/format.h>

#include <libpq-fe.h>
#include <regex>
#include <stdexcept>

namespace myodesk::db {

namespace {

bool StartsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

// A libpq keyword string has "keyword=value" pairs; a path normally does not start so.
bool LooksLikeLibpqKeywords(std::string_view text) {
    static const std::regex keyword(
        R"(^\s*(host|hostaddr|port|dbname|user|password|service|sslmode|options|application_name|connect_timeout)\s*=)");
    return std::regex_search(text.begin(), text.end(), keyword);
}

std::string HidePassword(std::string text) {
    // postgresql://user:secret@host/db -> postgresql://user:***@host/db
    static const std::regex url_password(R"(^([a-z]+://[^:/@]*):[^@/]*@)");
    text = std::regex_replace(text, url_password, "$1:***@");
    // password=secret or password='se cret'
    static const std::regex keyword_password(R"(password\s*=\s*('[^']*'|\S+))");
    text = std::regex_replace(text, keyword_password, "password=***");
    // ...?password=secret&...
    static const std::regex query_password(R"(([?&])password=[^&]*)");
    return std::regex_replace(text, query_password, "$1password=***");
}

// The password as libpq itself reads it ("" when there is none or the string cannot be read):
// the patterns above can be misled by quotes inside other values (found by the fuzzer).
std::string LibpqPassword(const std::string& conninfo) {
    char* error = nullptr;
    PQconninfoOption* options = PQconninfoParse(conninfo.c_str(), &error);
    PQfreemem(error);
    std::string password;
    for (const PQconninfoOption* option = options; option != nullptr && option->keyword != nullptr;
         ++option) {
        if (std::string_view(option->keyword) == "password" && option->val != nullptr) {
            password = option->val;
        }
    }
    PQconninfoFree(options);
    return password;
}

// HidePassword, then every place the password libpq reads still shows is hidden too.
std::string HideEveryPassword(const std::string& conninfo) {
    std::string display = HidePassword(conninfo);
    const std::string password = LibpqPassword(conninfo);
    if (password.empty()) {
        return display;
    }
    for (auto at = display.find(password); at != std::string::npos;
         at = display.find(password, at + 3)) {
        display.replace(at, password.size(), "***");
    }
    return display;
}

}  // namespace

ConnectionTarget ParseConnectionString(std::string_view text) {
    if (text.empty()) {
        throw std::invalid_argument("empty database location");
    }
    if (text.size() > kMaxConnectionStringLength) {
        throw std::invalid_argument(fmt::format(
            "the database location is longer than {} characters", kMaxConnectionStringLength));
    }
    ConnectionTarget target;
    if (StartsWith(text, "postgresql://") || StartsWith(text, "postgres://") ||
        LooksLikeLibpqKeywords(text)) {
        target.backend = Backend::kPostgresql;
        target.postgresql_conninfo = std::string(text);
        target.display = HideEveryPassword(target.postgresql_conninfo);
        return target;
    }
    for (std::string_view prefix : {"sqlite3://", "sqlite://", "sqlite3:", "sqlite:"}) {
        if (StartsWith(text, prefix)) {
            text.remove_prefix(prefix.size());
            break;
        }
    }
    if (text.empty()) {
        throw std::invalid_argument("empty SQLite path");
    }
    target.backend = Backend::kSqlite;
    target.sqlite_path = std::string(text);
    target.display = target.sqlite_path;
    return target;
}

}  // namespace myodesk::db
