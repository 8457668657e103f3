#include <myodesk/db/dump_text.h>

#include <cstdlib>
#include <utility>

namespace myodesk::db {

namespace {

// Calls `line` for each line of `text` (without its newline) until it returns false.
template <typename Line>
void EachLine(std::string_view text, Line&& line) {
    while (!text.empty()) {
        const auto end = text.find('\n');
        if (!line(text.substr(0, end)) || end == std::string_view::npos) {
            return;
        }
        text.remove_prefix(end + 1);
    }
}

// The next word of `text` (up to a space), taken off it.
std::string_view NextWord(std::string_view& text) {
    const auto start = text.find_first_not_of(' ');
    if (start == std::string_view::npos) {
        text = {};
        return {};
    }
    text.remove_prefix(start);
    const auto end = text.find(' ');
    const std::string_view word = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end);
    return word;
}

// What follows " TABLE DATA " on a list entry's line; empty for any other line.
std::string_view TableDataOf(std::string_view line) {
    constexpr std::string_view kMark = " TABLE DATA ";
    const auto at = line.find(kMark);
    if (line.starts_with(";") || at == std::string_view::npos) {
        return {};
    }
    return line.substr(at + kMark.size());
}

std::size_t ColumnIndex(const DumpTableData& data, std::string_view name) {
    for (std::size_t i = 0; i < data.columns.size(); ++i) {
        if (data.columns[i] == name) {
            return i;
        }
    }
    return data.columns.size();
}

}  // namespace

std::set<std::string> TablesWithDataIn(std::string_view list) {
    std::set<std::string> tables;
    EachLine(list, [&tables](std::string_view line) {
        std::string_view rest = TableDataOf(line);
        NextWord(rest);  // the schema
        if (const std::string_view table = NextWord(rest); !table.empty()) {
            tables.emplace(table);
        }
        return true;
    });
    return tables;
}

std::string SchemaOfList(std::string_view list) {
    std::string schema;
    EachLine(list, [&schema](std::string_view line) {
        std::string_view rest = TableDataOf(line);
        schema = std::string(NextWord(rest));
        return schema.empty();
    });
    return schema.empty() ? "public" : schema;
}

std::string ListWithoutSchemaEntries(std::string_view list) {
    std::string kept;
    EachLine(list, [&kept](std::string_view line) {
        if (line.find(" SCHEMA - ") == std::string_view::npos &&
            line.find(" COMMENT - SCHEMA ") == std::string_view::npos &&
            line.find(" ACL - SCHEMA ") == std::string_view::npos) {
            kept.append(line);
            kept += '\n';
        }
        return true;
    });
    return kept;
}

DumpTableData ParseCopyText(std::string_view text) {
    DumpTableData data;
    bool in_data = false;
    EachLine(text, [&](std::string_view line) {
        if (!in_data) {
            if (!line.starts_with("COPY ")) {
                return true;
            }
            const auto open = line.find('(');
            const auto close = line.find(')', open);
            if (open == std::string_view::npos || close == std::string_view::npos) {
                return false;
            }
            std::string_view names = line.substr(open + 1, close - open - 1);
            while (!names.empty() && data.columns.size() < kMostCopyColumns) {
                const auto comma = names.find(',');
                std::string_view column = names.substr(0, comma);
                names.remove_prefix(comma == std::string_view::npos ? names.size() : comma + 1);
                const auto first = column.find_first_not_of(' ');
                column.remove_prefix(first == std::string_view::npos ? column.size() : first);
                if (column.size() >= 2 && column.front() == '"' && column.back() == '"') {
                    column = column.substr(1, column.size() - 2);
                }
                data.columns.emplace_back(column);
            }
            in_data = true;
            return true;
        }
        if (line == "\\." || data.rows.size() == kMostCopyRows) {
            return false;
        }
        std::vector<std::string> row;
        while (row.size() < kMostCopyColumns) {
            const auto tab = line.find('\t');
            row.emplace_back(line.substr(0, tab));
            if (tab == std::string_view::npos) {
                break;
            }
            line.remove_prefix(tab + 1);
        }
        data.rows.push_back(std::move(row));
        return true;
    });
    return data;
}

std::optional<std::string> FirstActiveOwner(const DumpTableData& staff) {
    const std::size_t width = staff.columns.size();
    const std::size_t id = ColumnIndex(staff, "id");
    const std::size_t role = ColumnIndex(staff, "role");
    const std::size_t active = ColumnIndex(staff, "active");
    const std::size_t username = ColumnIndex(staff, "username");
    if (id == width || role == width || active == width || username == width) {
        return std::nullopt;
    }
    std::optional<std::pair<long long, std::string>> first;
    for (const auto& row : staff.rows) {
        if (row.size() != width || row[role] != "owner" || row[active] == "0" ||
            row[username] == "\\N" || row[username].empty()) {
            continue;
        }
        const long long number = std::strtoll(row[id].c_str(), nullptr, 10);
        if (!first || number < first->first) {
            first.emplace(number, row[username]);
        }
    }
    if (!first) {
        return std::nullopt;
    }
    return first->second;
}

}  // namespace myodesk::db
