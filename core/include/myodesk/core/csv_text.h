#pragma once

// CSV text from outside (a training calendar, another program's client list) split into
// records, before each reader checks its own columns.

#include <string>
#include <string_view>
#include <vector>

namespace myodesk::core {

struct CsvRecord {
    int line = 0;  // the physical line the record starts on (1: the header)
    std::vector<std::string> cells;
    bool malformed = false;  // an unclosed quote, or text after a closing quote
};

// Splits RFC 4180 text into records: fields separated by commas, records by CRLF or LF, a
// field in double quotes may hold commas, line breaks and doubled quotes (""). Records with
// no text at all (blank lines, or a row of empty cells as spreadsheets write them) are left
// out. A byte order mark is the caller's to remove.
std::vector<CsvRecord> SplitCsv(std::string_view text);

}  // namespace myodesk::core
