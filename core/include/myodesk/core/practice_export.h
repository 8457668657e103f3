#pragma once

// The practice export's format (docs/export-format.md): every kind of record the practice
// keeps, the fields each is written with, and one record as a line of JSON. `export all`
// writes one JSON Lines file per kind; `import all` reads them back through ReadRecordLine,
// the one strict reader of those lines; `db copy` moves the same records between databases.
// The list is the format: a field added to the schema is added here (a test compares the two)
// and in the document, and a change to an existing field is a new kPracticeExportFormat.

#include <myodesk/core/validation.h>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace myodesk::core {

// The format's version, written in the manifest and checked when read.
inline constexpr int kPracticeExportFormat = 1;
// The manifest's "format" value: what the ZIP is.
inline constexpr std::string_view kPracticeExportName = "myodesk-practice-export";

// How a field is written in JSON.
enum class FieldKind {
    kInteger,  // a whole number (ids, minutes, counts); stored as a 64-bit integer
    kNumber,   // a decimal (kilometres); stored as a double
    kText,     // a string (dates and times are ISO 8601 text)
    kFlag,     // true or false; stored as 0 or 1
};

struct ExportField {
    std::string_view name;  // the JSON key, which is also the column's name
    FieldKind kind;
    bool nullable;  // may be null (JSON null); otherwise always present with a value
};

struct ExportKind {
    std::string_view name;  // the table, and the file "<name>.jsonl"
    std::span<const ExportField> fields;
    std::string_view order;  // the columns the records are written in order of (unique)
    bool has_id_sequence;    // its `id` is given out by the database (set after an import)
};

// Every kind, in an order in which each record's references are already there (staff before
// the notes they wrote), which is the order of writing them into a new database.
std::span<const ExportKind> PracticeExportKinds();
const ExportKind* FindExportKind(std::string_view name);

// Columns a table has that the export leaves out on purpose, with why (docs and the test that
// compares the list with the schema): search keys the database derives from the names, and
// password hashes, which never leave the practice.
struct LeftOutColumn {
    std::string_view table;
    std::string_view column;
    std::string_view why;
};
std::span<const LeftOutColumn> LeftOutColumns();

// Records of one kind, a field at a time (columns of equal length), as databases read and
// write them in bulk. An integer or flag field uses `integers`, a number `numbers`, a text
// `texts`; `null` marks a null (its value slot is then unused).
struct RecordColumn {
    std::vector<long long> integers;
    std::vector<double> numbers;
    std::vector<std::string> texts;
    std::vector<std::uint8_t> null;
};

struct RecordBatch {
    explicit RecordBatch(const ExportKind& of);

    const ExportKind* kind;
    std::vector<RecordColumn> columns;  // one per kind->fields, in that order

    std::size_t Size() const { return columns.empty() ? 0 : columns.front().null.size(); }
    void Clear();
    // Makes room for `rows` records (the size becomes `rows`; values are default).
    void Resize(std::size_t rows);
    // Adds a copy of record `row` of `from`, a batch of the same kind.
    void AppendRow(const RecordBatch& from, std::size_t row);
};

// The record `row` of `batch` as one line of JSON (no line end): its fields in the kind's
// order, texts escaped as JSON requires (non-ASCII kept as UTF-8), numbers in their shortest
// exact form. The same records always give the same bytes.
void AppendRecordLine(const RecordBatch& batch, std::size_t row, std::string& out);

// The limits of one line (one record): ReadRecordLine refuses longer lines and texts.
struct RecordLineLimits {
    static constexpr std::size_t kMaxLineBytes = 8 * 1024 * 1024;
};

// Reads one line of a kind's file into a new row of `batch`: an object with exactly the
// kind's fields, each of its kind (an integer within 64 bits, a flag true or false, null only
// where the field is nullable). The problems name the field; the batch is unchanged when
// there are any. Never throws for any input (other than std::bad_alloc).
ValidationProblems ReadRecordLine(std::string_view line, RecordBatch& batch);

}  // namespace myodesk::core
