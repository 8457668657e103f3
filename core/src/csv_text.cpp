#include <myodesk/core/csv_text.h>
#include <myodesk/core/text.h>

#include <algorithm>

namespace myodesk::core {

std::vector<CsvRecord> SplitCsv(std::string_view text) {
    std::vector<CsvRecord> records;
    int line = 1;
    std::size_t at = 0;
    while (at < text.size()) {
        CsvRecord record;
        record.line = line;
        std::string cell;
        bool cell_quoted = false;
        bool record_done = false;
        while (!record_done) {
            if (at < text.size() && text[at] == '"' && cell.empty() && !cell_quoted) {
                // A quoted field, to its closing quote.
                cell_quoted = true;
                ++at;
                bool closed = false;
                while (at < text.size()) {
                    const char c = text[at++];
                    if (c == '"') {
                        if (at < text.size() && text[at] == '"') {
                            cell += '"';
                            ++at;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        if (c == '\n') {
                            ++line;
                        }
                        cell += c;
                    }
                }
                if (!closed) {
                    record.malformed = true;
                }
                continue;
            }
            if (at >= text.size() || text[at] == '\n' ||
                (text[at] == '\r' && at + 1 < text.size() && text[at + 1] == '\n') ||
                (text[at] == '\r' && at + 1 == text.size())) {
                record.cells.push_back(std::move(cell));
                if (at < text.size()) {
                    at += text[at] == '\r' ? std::size_t{2} : std::size_t{1};
                    at = std::min(at, text.size());
                    ++line;
                }
                record_done = true;
            } else if (text[at] == ',') {
                record.cells.push_back(std::move(cell));
                cell.clear();
                cell_quoted = false;
                ++at;
            } else {
                if (cell_quoted) {
                    record.malformed = true;  // "abc"x
                }
                cell += text[at++];
            }
        }
        // A blank line, or a row of empty cells (",,," as spreadsheets write them).
        const bool blank =
            !record.malformed && std::all_of(record.cells.begin(), record.cells.end(),
                                             [](const std::string& c) { return Trim(c).empty(); });
        if (!blank) {
            records.push_back(std::move(record));
        }
    }
    return records;
}

}  // namespace myodesk::core
