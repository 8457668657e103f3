#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace myodesk::test {

// A small, strict RFC 4180 reader for checking what the exports write: CRLF line ends only, a
// quoted field may hold commas, CR, LF and doubled quotes; a leading UTF-8 byte order mark is
// skipped. Anything else (a bare LF, a quote inside an unquoted field) throws, so a writer
// bug shows instead of being read leniently.
inline std::vector<std::vector<std::string>> ReadCsv(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") {
        text.remove_prefix(3);
    }
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> row;
    std::string field;
    std::size_t i = 0;
    const auto fail = [&](const char* what) {
        throw std::runtime_error(std::string(what) + " at byte " + std::to_string(i));
    };
    while (i < text.size()) {
        if (text[i] == '"') {
            ++i;
            for (;;) {
                if (i >= text.size()) {
                    fail("unterminated quoted field");
                }
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text[i++];
            }
        } else {
            while (i < text.size() && text[i] != ',' && text[i] != '\r') {
                if (text[i] == '"' || text[i] == '\n') {
                    fail("quote or line feed in an unquoted field");
                }
                field += text[i++];
            }
        }
        if (i < text.size() && text[i] == ',') {
            row.push_back(std::move(field));
            field.clear();
            ++i;
        } else if (text.substr(i, 2) == "\r\n") {
            row.push_back(std::move(field));
            field.clear();
            rows.push_back(std::move(row));
            row.clear();
            i += 2;
        } else {
            fail("expected a comma or CRLF");
        }
    }
    if (!row.empty() || !field.empty()) {
        fail("last row without CRLF");
    }
    return rows;
}

}  // namespace myodesk::test
