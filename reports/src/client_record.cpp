#include "report_text.h"

#include <myodesk/reports/client_record.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace myodesk::reports {

namespace {

// The heading of each kind of record.
std::string KindTitle(std::string_view kind) {
    if (kind == "clients")
        return Tr("Client details");
    if (kind == "intakes")
        return Tr("Intake questionnaires");
    if (kind == "intake_conditions")
        return Tr("Intakes: health conditions");
    if (kind == "intake_medications")
        return Tr("Intakes: medication");
    if (kind == "intake_health_events")
        return Tr("Intakes: surgeries and injuries");
    if (kind == "intake_recent_runs")
        return Tr("Intakes: recent runs");
    if (kind == "intake_soreness")
        return Tr("Intakes: soreness");
    if (kind == "intake_avoid_regions")
        return Tr("Intakes: regions to avoid");
    if (kind == "training_entries")
        return Tr("Training calendar");
    if (kind == "plans")
        return Tr("Massage plans");
    if (kind == "plan_sessions")
        return Tr("Planned sessions");
    if (kind == "appointment_series")
        return Tr("Repeating appointments");
    if (kind == "appointments")
        return Tr("Appointments");
    if (kind == "session_notes")
        return Tr("Session notes");
    if (kind == "session_note_techniques")
        return Tr("Session notes: techniques");
    if (kind == "session_note_regions")
        return Tr("Session notes: body regions");
    if (kind == "session_note_amendments")
        return Tr("Session notes: amendments");
    if (kind == "audit_log")
        return Tr("Who opened or changed the record");
    if (kind == "staff")
        return Tr("Staff named in the record");
    return std::string(kind);
}

// Values too long or too technical to print: they are in the JSON file.
bool InJsonOnly(std::string_view field) {
    return field == "document" || field == "corrected" || field == "detail" || field == "hash" ||
           field == "previous_hash" || field == "content_hash";
}

// "date_of_birth" → "Date of birth": the field's own name, readable.
std::string FieldLabel(std::string_view field) {
    std::string label(field);
    std::replace(label.begin(), label.end(), '_', ' ');
    if (!label.empty()) {
        label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    }
    return label;
}

std::string Value(const core::RecordBatch& batch, std::size_t field, std::size_t row) {
    const auto& column = batch.columns[field];
    const auto& spec = batch.kind->fields[field];
    if (column.null[row] != 0) {
        return "—";
    }
    if (InJsonOnly(spec.name)) {
        return Tr("(in client.json)");
    }
    switch (spec.kind) {
        case core::FieldKind::kInteger:
            return fmt::format("{}", column.integers[row]);
        case core::FieldKind::kFlag:
            return column.integers[row] != 0 ? Tr("Yes") : Tr("No");
        case core::FieldKind::kNumber: {
            // Two decimals at most on paper (33.96, not 33.957158400000004); the JSON is exact.
            std::string text = fmt::format("{:.2f}", column.numbers[row]);
            while (text.ends_with('0')) {
                text.pop_back();
            }
            if (text.ends_with('.')) {
                text.pop_back();
            }
            return text;
        }
        case core::FieldKind::kText:
            return column.texts[row];
    }
    return {};
}

// A short kind (a list of an intake or a note) reads best as one table.
constexpr std::size_t kTableFields = 7;

}  // namespace

Document ClientRecordDocument(const ClientRecord& record, const core::ClinicDetails& clinic,
                              const ReportLocale& locale) {
    Document document;
    document.letterhead = MakeLetterhead(clinic);
    document.title = Tr("Client record");
    document.subtitle = record.client_name;
    auto& blocks = document.blocks;
    blocks.emplace_back(Paragraph{
        Tr("Everything this practice keeps about the client in MyoDesk, as stored. The file "
           "client.json beside this document holds the same records in full, for a computer."),
        ParagraphStyle::kSmall});
    for (const auto& batch : record.kinds) {
        if (batch.Size() == 0) {
            continue;
        }
        blocks.emplace_back(Heading{KindTitle(batch.kind->name), 1});
        const auto& fields = batch.kind->fields;
        if (fields.size() <= kTableFields) {
            Table table;
            for (const auto& field : fields) {
                table.columns.push_back({FieldLabel(field.name), 1.0, Align::kLeft});
            }
            for (std::size_t row = 0; row < batch.Size(); ++row) {
                std::vector<std::string> cells;
                for (std::size_t i = 0; i < fields.size(); ++i) {
                    cells.push_back(Value(batch, i, row));
                }
                table.rows.push_back(std::move(cells));
            }
            blocks.emplace_back(std::move(table));
            continue;
        }
        for (std::size_t row = 0; row < batch.Size(); ++row) {
            FactList facts;
            for (std::size_t i = 0; i < fields.size(); ++i) {
                facts.facts.emplace_back(FieldLabel(fields[i].name), Value(batch, i, row));
            }
            blocks.emplace_back(std::move(facts));
        }
    }
    // TRANSLATORS: the footer of a client's complete record: "Client record: Ann Smith"
    document.footer_text = Format(Tr("Client record: {}"), record.client_name);
    document.printed_text = PrintedText(record.today, locale);
    document.page_format = PageFormat();
    return document;
}

}  // namespace myodesk::reports
