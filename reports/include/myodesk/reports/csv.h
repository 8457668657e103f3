#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace myodesk::reports {

// One cell of a table: nothing, text, or a whole number. Numbers are kept apart from text so
// that a negative number is written as a number and not mistaken for a formula.
using Cell = std::variant<std::monostate, std::string, std::int64_t>;
using Row = std::vector<Cell>;

// Whether a CSV file starts with the UTF-8 byte order mark.
enum class ByteOrderMark { kWrite, kOmit };

// Text a spreadsheet would run as a formula (it begins with = + - @, a tab or a carriage
// return) prefixed with a single quote, as OWASP's CSV injection guidance advises; other text
// unchanged.
std::string NeutraliseFormula(std::string_view text);

// One field as RFC 4180 writes it: in double quotes (inner quotes doubled) when it holds a
// comma, a quote, a CR or a LF; as it is otherwise.
std::string QuoteField(std::string_view field);

// Writes RFC 4180 CSV: comma separated, CRLF line ends, UTF-8. Text cells are neutralised
// (NeutraliseFormula) and then quoted (QuoteField).
//
// The byte order mark is written by default: Excel reads a CSV file without it in the
// system's legacy code page (Zoë becomes ZoÃ«), while LibreOffice, Numbers and Google Sheets
// read UTF-8 with or without it. Omit it only for a program that cannot skip it.
class CsvWriter {
  public:
    explicit CsvWriter(std::ostream& out, ByteOrderMark bom = ByteOrderMark::kWrite);

    void WriteRow(const Row& row);
    // A row of text cells (a header).
    void WriteRow(const std::vector<std::string>& texts);

    // Rows written so far, the header included.
    std::int64_t RowCount() const { return m_rows; }

  private:
    std::ostream& m_out;
    std::int64_t m_rows = 0;
};

}  // namespace myodesk::reports
