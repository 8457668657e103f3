#pragma once

#include <myodesk/core/session_note.h>
#include <myodesk/core/staff.h>

#include <nlohmann/json.hpp>

#include <string_view>

namespace myodesk::core {

// The session-note exchange format (docs/session-format.md):
// {date, start_time "HH:MM", duration_min, position, therapist_id, subjective, objective,
//  assessment, plan, techniques: [{technique, minutes}],
//  regions: [{region, side, pressure, pain_before, pain_after}], no_treatment, flag_override}
// `notes show --json` adds id, client_id, signed_at, signed_by, amendments, which reading
// accepts and ignores.

struct SessionNoteParseResult {
    SessionNote note;
    ValidationProblems problems;  // by JSON path; the note is only usable when empty
};

SessionNoteParseResult SessionNoteFromJson(const nlohmann::json& document);
// Reads the document's text: ReadJsonDocument (core/json_document.h), then
// SessionNoteFromJson. Lists of more than SessionNoteLimits' entries are refused unread.
SessionNoteParseResult SessionNoteFromText(std::string_view text);

// The exchange format only (what `notes add` reads). Absent optional values are left out.
nlohmann::ordered_json SessionNoteToJson(const SessionNote& note);

// The exchange format plus id, client_id, signed_at (null when unsigned), signed_by and
// amendments [{id, amended_at, amended_by, reason, and section and text, or corrected: a
// whole note in the exchange format}].
nlohmann::ordered_json StoredSessionNoteToJson(const SessionNote& note);

nlohmann::ordered_json StaffToJson(const Staff& staff);

}  // namespace myodesk::core
