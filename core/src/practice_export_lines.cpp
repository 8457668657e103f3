// One record as a line of JSON, and back (core/practice_export.h).
#include <myodesk/core/json_document.h>
#include <myodesk/core/practice_export.h>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

namespace myodesk::core {

RecordBatch::RecordBatch(const ExportKind& of) : kind(&of), columns(of.fields.size()) {}

void RecordBatch::Clear() {
    Resize(0);
}

void RecordBatch::Resize(std::size_t rows) {
    for (std::size_t i = 0; i < columns.size(); ++i) {
        auto& column = columns[i];
        column.null.resize(rows, 0);
        switch (kind->fields[i].kind) {
            case FieldKind::kInteger:
            case FieldKind::kFlag:
                column.integers.resize(rows, 0);
                break;
            case FieldKind::kNumber:
                column.numbers.resize(rows, 0.0);
                break;
            case FieldKind::kText:
                column.texts.resize(rows);
                break;
        }
    }
}

void RecordBatch::AppendRow(const RecordBatch& from, std::size_t row) {
    const std::size_t at = Size();
    Resize(at + 1);
    for (std::size_t i = 0; i < columns.size(); ++i) {
        const auto& source = from.columns[i];
        auto& column = columns[i];
        column.null[at] = source.null[row];
        switch (kind->fields[i].kind) {
            case FieldKind::kInteger:
            case FieldKind::kFlag:
                column.integers[at] = source.integers[row];
                break;
            case FieldKind::kNumber:
                column.numbers[at] = source.numbers[row];
                break;
            case FieldKind::kText:
                column.texts[at] = source.texts[row];
                break;
        }
    }
}

namespace {

void AppendJsonString(std::string_view text, std::string& out) {
    out.push_back('"');
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (byte < 0x20) {
                    fmt::format_to(std::back_inserter(out), "\\u{:04x}", byte);
                } else {
                    out.push_back(c);
                }
        }
    }
    out.push_back('"');
}

}  // namespace

void AppendRecordLine(const RecordBatch& batch, std::size_t row, std::string& out) {
    out.push_back('{');
    const auto& fields = batch.kind->fields;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) {
            out.push_back(',');
        }
        out.push_back('"');
        out += fields[i].name;
        out += "\":";
        const auto& column = batch.columns[i];
        if (column.null[row] != 0) {
            out += "null";
            continue;
        }
        switch (fields[i].kind) {
            case FieldKind::kInteger:
                fmt::format_to(std::back_inserter(out), "{}", column.integers[row]);
                break;
            case FieldKind::kFlag:
                out += column.integers[row] != 0 ? "true" : "false";
                break;
            case FieldKind::kNumber:
                // fmt's shortest form reads back as the same double. A non-finite value
                // cannot be JSON; the databases' CHECKs keep them out, so it is null here.
                if (std::isfinite(column.numbers[row])) {
                    fmt::format_to(std::back_inserter(out), "{}", column.numbers[row]);
                } else {
                    out += "null";
                }
                break;
            case FieldKind::kText:
                AppendJsonString(column.texts[row], out);
                break;
        }
    }
    out.push_back('}');
}

namespace {

void Refuse(ValidationProblems& problems, std::string_view field, ProblemCode code) {
    ValidationProblem problem;
    problem.field = std::string(field);
    problem.code = code;
    problems.push_back(std::move(problem));
}

}  // namespace

ValidationProblems ReadRecordLine(std::string_view line, RecordBatch& batch) {
    ValidationProblems problems;
    if (line.size() > RecordLineLimits::kMaxLineBytes) {
        ValidationProblem problem;
        problem.field = "record";
        problem.code = ProblemCode::kTooLong;
        problem.limit = RecordLineLimits::kMaxLineBytes;
        problems.push_back(std::move(problem));
        return problems;
    }
    auto read = ReadJsonDocument(line);
    if (!read.problems.empty()) {
        return std::move(read.problems);
    }
    const auto& document = read.document;
    if (!document.is_object()) {
        Refuse(problems, "record", ProblemCode::kWrongType);
        return problems;
    }
    const auto& fields = batch.kind->fields;
    for (const auto& [key, value] : document.items()) {
        const bool known = std::any_of(fields.begin(), fields.end(),
                                       [&key = key](const auto& f) { return f.name == key; });
        if (!known) {
            Refuse(problems, key, ProblemCode::kUnknownCode);
        }
    }
    // Checked in full before the batch grows, so a refused line leaves it as it was.
    for (const auto& field : fields) {
        const auto found = document.find(std::string(field.name));
        if (found == document.end()) {
            Refuse(problems, field.name, ProblemCode::kRequired);
            continue;
        }
        const auto& value = *found;
        if (value.is_null()) {
            if (!field.nullable) {
                Refuse(problems, field.name, ProblemCode::kRequired);
            }
            continue;
        }
        bool fits = false;
        switch (field.kind) {
            case FieldKind::kInteger:
                fits = value.is_number_integer() &&
                       (!value.is_number_unsigned() ||
                        value.get<std::uint64_t>() <=
                            static_cast<std::uint64_t>(std::numeric_limits<long long>::max()));
                break;
            case FieldKind::kNumber:
                fits = value.is_number();
                break;
            case FieldKind::kText:
                fits = value.is_string();
                break;
            case FieldKind::kFlag:
                fits = value.is_boolean();
                break;
        }
        if (!fits) {
            Refuse(problems, field.name,
                   value.is_number_unsigned() ? ProblemCode::kOutOfRange : ProblemCode::kWrongType);
        }
    }
    if (!problems.empty()) {
        return problems;
    }
    const std::size_t row = batch.Size();
    batch.Resize(row + 1);
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const auto& value = document[std::string(fields[i].name)];
        auto& column = batch.columns[i];
        if (value.is_null()) {
            column.null[row] = 1;
            continue;
        }
        switch (fields[i].kind) {
            case FieldKind::kInteger:
                column.integers[row] = value.get<long long>();
                break;
            case FieldKind::kFlag:
                column.integers[row] = value.get<bool>() ? 1 : 0;
                break;
            case FieldKind::kNumber:
                column.numbers[row] = value.get<double>();
                break;
            case FieldKind::kText:
                column.texts[row] = value.get<std::string>();
                break;
        }
    }
    return problems;
}

}  // namespace myodesk::core
