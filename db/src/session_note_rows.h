#pragma once

// The rows of a session note as SOCI binds them: the `session_notes` row and its technique and
// region rows, shared by SessionNoteRepository (db/src/session_note_*.cpp) and the demo
// practice writer. Each table's columns are listed once, in its row's VisitColumns.

#include "row_binding.h"

#include <myodesk/core/session_json.h>
#include <myodesk/core/session_note.h>

#include <fmt/format.h>
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace myodesk::db::detail {

inline constexpr StoredValues kStoredNote{"session note"};

// The `session_notes` row: the note's single values (its lists live in the child tables).
struct NoteRow {
    long long id = 0;
    long long client_id = 0;
    long long therapist_id = 0;
    std::string session_date;
    int start_minute = 0;
    int duration_min = 0;
    Nullable<std::string> position;
    std::string subjective;
    std::string objective;
    std::string assessment;
    std::string plan;
    std::string created_at;
    std::string updated_at;
    int version = 1;
    Nullable<std::string> signed_at;
    Nullable<long long> signed_by;
    Nullable<std::string> no_treatment;
    std::string flag_override;
    Nullable<long long> appointment_id;
    int is_private = 0;
    Nullable<std::string> content_hash;  // set when signed

    static NoteRow From(const core::SessionNote& note) {
        NoteRow row;
        row.id = note.id;
        row.client_id = note.client_id;
        row.therapist_id = note.therapist_id;
        row.session_date = core::FormatIsoDate(note.date);
        row.start_minute = note.start_minute;
        row.duration_min = note.duration_min;
        row.position.Set(note.position ? std::optional<std::string>(Code(*note.position))
                                       : std::nullopt);
        row.subjective = note.subjective;
        row.objective = note.objective;
        row.assessment = note.assessment;
        row.plan = note.plan;
        row.created_at = note.created_at;
        row.updated_at = note.updated_at;
        row.version = note.version;
        row.signed_at.Set(core::IsSigned(note) ? std::optional<std::string>(note.signed_at)
                                               : std::nullopt);
        row.signed_by.Set(note.signed_by ? std::optional<long long>(*note.signed_by)
                                         : std::nullopt);
        row.no_treatment.Set(note.no_treatment
                                 ? std::optional<std::string>(Code(*note.no_treatment))
                                 : std::nullopt);
        row.flag_override = note.flag_override;
        row.appointment_id.Set(note.appointment_id ? std::optional<long long>(*note.appointment_id)
                                                   : std::nullopt);
        row.is_private = note.is_private ? 1 : 0;
        return row;
    }

    // The note without its lists.
    core::SessionNote ToNote() const {
        core::SessionNote note;
        note.id = id;
        note.client_id = client_id;
        note.therapist_id = therapist_id;
        note.date = kStoredNote.Date(session_date, "session_notes.session_date");
        note.start_minute = start_minute;
        note.duration_min = duration_min;
        if (const auto code = position.Get()) {
            note.position = kStoredNote.Code<core::Position>(*code, "session_notes.position",
                                                             core::PositionFromCode);
        }
        note.subjective = subjective;
        note.objective = objective;
        note.assessment = assessment;
        note.plan = plan;
        note.created_at = created_at;
        note.updated_at = updated_at;
        note.version = version;
        note.signed_at = signed_at.Get().value_or("");
        note.signed_by = signed_by.Get();
        if (const auto code = no_treatment.Get()) {
            note.no_treatment = kStoredNote.Code<core::NoTreatment>(
                *code, "session_notes.no_treatment", core::NoTreatmentFromCode);
        }
        note.flag_override = flag_override;
        note.appointment_id = appointment_id.Get();
        note.is_private = is_private != 0;
        return note;
    }
};

// The columns an edit of an unsigned note writes (the UPDATE's names and binds).
template <typename Visit>
void VisitEditable(NoteRow& row, Visit&& visit) {
    visit("client_id", row.client_id);
    visit("therapist_id", row.therapist_id);
    visit("session_date", row.session_date);
    visit("start_minute", row.start_minute);
    visit("duration_min", row.duration_min);
    visit("position", row.position);
    visit("subjective", row.subjective);
    visit("objective", row.objective);
    visit("assessment", row.assessment);
    visit("plan", row.plan);
    visit("no_treatment", row.no_treatment);
    visit("flag_override", row.flag_override);
    visit("updated_at", row.updated_at);
    visit("is_private", row.is_private);
}

// Every column of `session_notes` but id: the INSERT's names and binds and, after the id, the
// SELECT's intos.
template <typename Visit>
void VisitColumns(NoteRow& row, Visit&& visit) {
    VisitEditable(row, visit);
    visit("created_at", row.created_at);
    visit("version", row.version);
    visit("signed_at", row.signed_at);
    visit("signed_by", row.signed_by);
    visit("appointment_id", row.appointment_id);  // set when written; an edit keeps it
    visit("content_hash", row.content_hash);      // set when signed
}

// What a signed note's content hash covers: the note as signed (its document, client,
// signature and privacy), not its version or amendments, which change afterwards.
std::string NoteContentHash(const core::SessionNote& note);

// "id, client_id, ..." and the intos to match, for reading whole rows.
inline const std::string& NoteSelectColumns() {
    static const std::string columns =
        fmt::format("id, {}", fmt::join(ColumnNames<NoteRow>(), ", "));
    return columns;
}

inline void IntoNoteRow(soci::statement& statement, NoteRow& row) {
    statement.exchange(soci::into(row.id));
    VisitColumns(row, [&](const char*, auto& field) { Into(statement, field); });
}

struct TechniqueRow {
    long long note_id = 0;
    int position = 0;
    std::string technique;
    int minutes = 0;
};

template <typename Visit>
void VisitColumns(TechniqueRow& row, Visit&& visit) {
    visit("note_id", row.note_id);
    visit("position", row.position);
    visit("technique", row.technique);
    visit("minutes", row.minutes);
}

struct RegionRow {
    long long note_id = 0;
    int position = 0;
    std::string region, side;
    int pressure = 0;
    Nullable<int> pain_before, pain_after;
};

template <typename Visit>
void VisitColumns(RegionRow& row, Visit&& visit) {
    visit("note_id", row.note_id);
    visit("position", row.position);
    visit("region", row.region);
    visit("side", row.side);
    visit("pressure", row.pressure);
    visit("pain_before", row.pain_before);
    visit("pain_after", row.pain_after);
}

// The rows of a note's two lists, each in note order (position = place in the list).
struct NoteListRows {
    std::vector<TechniqueRow> techniques;
    std::vector<RegionRow> regions;

    static NoteListRows From(long long note_id, const core::SessionNote& note) {
        NoteListRows rows;
        int position = 0;
        for (const auto& use : note.techniques) {
            rows.techniques.push_back({note_id, position++, Code(use.technique), use.minutes});
        }
        position = 0;
        for (const auto& work : note.regions) {
            rows.regions.push_back({note_id, position++, Code(work.region), Code(work.side),
                                    work.pressure, NullableOf(work.pain_before),
                                    NullableOf(work.pain_after)});
        }
        return rows;
    }
};

// A `session_note_amendments` row: one corrected section (`section`, `text`), or the whole
// corrected note (`corrected`, in the exchange format).
struct AmendmentRow {
    long long id = 0;
    long long note_id = 0;
    std::string amended_at;
    long long amended_by = 0;
    std::string reason;
    Nullable<std::string> section, text, corrected;

    static AmendmentRow From(long long note_id, const core::Amendment& amendment) {
        AmendmentRow row;
        row.id = amendment.id;
        row.note_id = note_id;
        row.amended_at = amendment.amended_at;
        row.amended_by = amendment.amended_by;
        row.reason = amendment.reason;
        if (amendment.corrected) {
            row.corrected.Set(core::SessionNoteToJson(*amendment.corrected).dump());
        } else {
            row.section.Set(Code(amendment.section));
            row.text.Set(amendment.text);
        }
        return row;
    }

    core::Amendment ToAmendment() const {
        core::Amendment amendment;
        amendment.id = id;
        amendment.amended_at = amended_at;
        amendment.amended_by = amended_by;
        amendment.reason = reason;
        if (const auto document = corrected.Get()) {
            auto parsed = core::SessionNoteFromText(*document);
            if (!parsed.problems.empty()) {
                kStoredNote.Unreadable("session_note_amendments.corrected",
                                       parsed.problems.front().field);
            }
            amendment.corrected = std::move(parsed.note);
            return amendment;
        }
        amendment.section = kStoredNote.Code<core::NoteSection>(
            section.value, "session_note_amendments.section", core::NoteSectionFromCode);
        amendment.text = text.value;
        return amendment;
    }
};

// Every column of `session_note_amendments` but id, after which the reads' SELECTs list them.
template <typename Visit>
void VisitColumns(AmendmentRow& row, Visit&& visit) {
    visit("note_id", row.note_id);
    visit("amended_at", row.amended_at);
    visit("amended_by", row.amended_by);
    visit("reason", row.reason);
    visit("section", row.section);
    visit("text", row.text);
    visit("corrected", row.corrected);
}

inline const std::string& AmendmentSelectColumns() {
    static const std::string columns =
        fmt::format("id, {}", fmt::join(ColumnNames<AmendmentRow>(), ", "));
    return columns;
}

inline void IntoAmendmentRow(soci::statement& statement, AmendmentRow& row) {
    statement.exchange(soci::into(row.id));
    VisitColumns(row, [&](const char*, auto& field) { Into(statement, field); });
}

}  // namespace myodesk::db::detail
