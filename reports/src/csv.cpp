#include <myodesk/reports/csv.h>

#include <string>

namespace myodesk::reports {

std::string NeutraliseFormula(std::string_view text) {
    if (!text.empty()) {
        switch (text.front()) {
            case '=':
            case '+':
            case '-':
            case '@':
            case '\t':
            case '\r':
                return "'" + std::string(text);
            default:
                break;
        }
    }
    return std::string(text);
}

std::string QuoteField(std::string_view field) {
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        return std::string(field);
    }
    std::string quoted;
    quoted.reserve(field.size() + 2);
    quoted += '"';
    for (const char c : field) {
        if (c == '"') {
            quoted += '"';
        }
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

CsvWriter::CsvWriter(std::ostream& out, ByteOrderMark bom) : m_out(out) {
    if (bom == ByteOrderMark::kWrite) {
        m_out << "\xEF\xBB\xBF";
    }
}

void CsvWriter::WriteRow(const Row& row) {
    bool first = true;
    for (const auto& cell : row) {
        if (!first) {
            m_out << ',';
        }
        first = false;
        if (const auto* text = std::get_if<std::string>(&cell)) {
            m_out << QuoteField(NeutraliseFormula(*text));
        } else if (const auto* number = std::get_if<std::int64_t>(&cell)) {
            m_out << std::to_string(*number);
        }
    }
    m_out << "\r\n";
    ++m_rows;
}

void CsvWriter::WriteRow(const std::vector<std::string>& texts) {
    WriteRow(Row(texts.begin(), texts.end()));
}

}  // namespace myodesk::reports
