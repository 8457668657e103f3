// SessionNoteRepository's writes: adding and editing a note, signing it, amending it.

#include "content_hash.h"
#include "guard.h"
#include "one_call_statement.h"
#include "required_rows.h"
#include "row_binding.h"
#include "session_clash_check.h"
#include "session_note_rows.h"
#include "soci_session.h"

#include <myodesk/db/errors.h>
#include <myodesk/db/session_note_repository.h>

#include <fmt/format.h>
#include <soci/soci.h>

#include <string_view>

namespace myodesk::db {

namespace {

using core::ProblemCode;
using core::SessionNote;
using detail::ColumnNames;
using detail::Into;
using detail::kStoredNote;
using detail::NoteRow;
using detail::Nullable;
using detail::RequireClient;
using detail::RequireStaff;
using detail::Use;

[[noreturn]] void ThrowNoNote(core::SessionNoteId id) {
    throw NotFoundError(fmt::format("There is no session note with id {}.", id));
}

std::vector<std::string> EditableNames() {
    NoteRow row;
    std::vector<std::string> names;
    VisitEditable(row, [&](const char* name, auto&) { names.emplace_back(name); });
    return names;
}

// Only an unsigned note at the version read is changed; the caller tells which it was.
const std::string& UpdateSql() {
    static const std::string sql = [] {
        std::vector<std::string> assignments;
        for (const auto& name : EditableNames()) {
            assignments.push_back(fmt::format("{0} = :{0}", name));
        }
        return fmt::format(
            "UPDATE session_notes SET {}, version = version + 1 WHERE id = :id AND version = "
            ":version AND signed_at IS NULL",
            fmt::join(assignments, ", "));
    }();
    return sql;
}

// Whether the unsigned row at row.version was changed.
bool UpdateNoteRow(soci::session& session, NoteRow& row) {
    soci::statement statement(session);
    VisitEditable(row, [&](const char* name, auto& field) { Use(statement, name, field); });
    statement.exchange(soci::use(row.id, "id"));
    statement.exchange(soci::use(row.version, "version"));
    statement.alloc();
    detail::PrepareForOneCall(statement, UpdateSql());
    statement.define_and_bind();
    statement.execute(true);
    return statement.get_affected_rows() > 0;
}

// The note's techniques and regions, each list with one statement prepared once.
void InsertLists(soci::session& session, long long note_id, const SessionNote& note) {
    const detail::NoteListRows rows = detail::NoteListRows::From(note_id, note);
    detail::InsertEach(session, "session_note_techniques", rows.techniques);
    detail::InsertEach(session, "session_note_regions", rows.regions);
}

void DeleteChildRows(soci::session& session, long long note_id) {
    session << "DELETE FROM session_note_techniques WHERE note_id = :note_id",
        soci::use(note_id, "note_id");
    session << "DELETE FROM session_note_regions WHERE note_id = :note_id",
        soci::use(note_id, "note_id");
}

bool NoteExists(soci::session& session, core::SessionNoteId id) {
    long long note_id = id;
    int notes = 0;
    session << "SELECT COUNT(*) FROM session_notes WHERE id = :id", soci::use(note_id, "id"),
        soci::into(notes);
    return notes > 0;
}

core::SessionSlot SlotOf(const SessionNote& note) {
    return core::SessionSlot{.kind = core::SessionKind::kNote,
                             .id = note.id,
                             .date = note.date,
                             .start_minute = note.start_minute,
                             .duration_min = note.duration_min,
                             .therapist_id = note.therapist_id,
                             .client_id = note.client_id,
                             .room_id = std::nullopt,  // notes take no room
                             .room_changeover_min = 0};
}

}  // namespace

SessionNoteRepository::SessionNoteRepository(Database& database, Clock clock)
    : m_database(database), m_clock(std::move(clock)) {}

core::SessionNoteId SessionNoteRepository::Add(SessionNote& note) {
    const auto now = m_clock();
    auto problems = core::ValidateSessionNote(note, LocalDate(now));
    if (!problems.empty()) {
        throw ValidationError(std::move(problems));
    }
    return Guard("add the session note", [&] {
        Transaction transaction(m_database);
        soci::session& session = SociSession(m_database);
        const std::string_view lock = m_database.GetDialect().lock_selected_rows;
        RequireClient(session, note.client_id, lock);
        RequireStaff(session, note.therapist_id, m_database.GetDialect().hold_booked_row);
        core::SessionSlot unsaved = SlotOf(note);
        unsaved.id = 0;
        detail::CheckNoClash(session, unsaved);

        NoteRow row = NoteRow::From(note);
        row.created_at = UtcTimestamp(now);
        row.updated_at = row.created_at;
        row.version = 1;
        row.signed_at.Set(std::nullopt);  // a note is signed after it is saved, never before
        row.signed_by.Set(std::nullopt);
        const long long id = detail::InsertRow(session, "session_notes", row);
        InsertLists(session, id, note);
        transaction.Commit();

        note.id = id;
        note.created_at = row.created_at;
        note.updated_at = row.updated_at;
        note.version = 1;
        note.signed_at.clear();
        note.signed_by.reset();
        note.amendments.clear();
        return note.id;
    });
}

void SessionNoteRepository::Update(SessionNote& note) {
    const auto now = m_clock();
    Guard("save the session note", [&] {
        Transaction transaction(m_database);
        soci::session& session = SociSession(m_database);
        const std::string_view lock = m_database.GetDialect().lock_selected_rows;

        // The stored note, held until the end: whether it is signed, and its version.
        {
            long long note_id = note.id;
            int version = 0;
            Nullable<std::string> signed_at;
            soci::statement statement = detail::OneCallStatement(
                session,
                fmt::format("SELECT version, signed_at FROM session_notes WHERE id = :id{}", lock),
                soci::into(version), soci::into(signed_at.value, signed_at.indicator),
                soci::use(note_id, "id"));
            if (!statement.execute(true)) {
                ThrowNoNote(note.id);
            }
            if (signed_at.indicator == soci::i_ok) {
                throw ValidationError({{"signed_at", ProblemCode::kLocked}});
            }
            if (version != note.version) {
                throw ConflictError(fmt::format(
                    "Session note {} was changed at another desk after you opened it. Reload "
                    "it to see the other change, then make yours again.",
                    note.id));
            }
        }
        auto problems = core::ValidateSessionNote(note, LocalDate(now));
        if (!problems.empty()) {
            throw ValidationError(std::move(problems));
        }
        RequireClient(session, note.client_id, lock);
        RequireStaff(session, note.therapist_id, m_database.GetDialect().hold_booked_row);
        detail::CheckNoClash(session, SlotOf(note));

        NoteRow row = NoteRow::From(note);
        row.updated_at = UtcTimestamp(now);
        if (!UpdateNoteRow(session, row)) {
            throw ConflictError(fmt::format(
                "Session note {} was changed at another desk after you opened it.", note.id));
        }
        DeleteChildRows(session, row.id);
        InsertLists(session, row.id, note);
        transaction.Commit();

        note.version += 1;
        note.updated_at = row.updated_at;
    });
}

std::string detail::NoteContentHash(const core::SessionNote& note) {
    nlohmann::ordered_json content = core::SessionNoteToJson(note);
    content["client_id"] = note.client_id;
    content["signed_at"] = note.signed_at;
    content["signed_by"] = note.signed_by.value_or(0);
    content["is_private"] = note.is_private;
    return detail::Sha256Hex(content.dump());
}

void SessionNoteRepository::Sign(core::SessionNoteId id, core::StaffId by) {
    Guard("sign the session note", [&] {
        Transaction transaction(m_database);
        soci::session& session = SociSession(m_database);
        RequireStaff(session, by);
        const std::string signed_at = UtcTimestamp(m_clock());
        const std::string updated_at = signed_at;
        long long note_id = id;
        long long signed_by = by;
        soci::statement statement =
            (session.prepare << "UPDATE session_notes SET signed_at = :signed_at, signed_by = "
                                ":signed_by, updated_at = :updated_at, version = version + 1 "
                                "WHERE id = :id AND signed_at IS NULL",
             soci::use(signed_at, "signed_at"), soci::use(signed_by, "signed_by"),
             soci::use(updated_at, "updated_at"), soci::use(note_id, "id"));
        statement.execute(true);
        if (statement.get_affected_rows() == 0) {
            if (!NoteExists(session, id)) {
                ThrowNoNote(id);
            }
            throw ValidationError({{"signed_at", ProblemCode::kLocked}});
        }
        // The content as signed, read back as every later read will see it.
        std::string content_hash = detail::NoteContentHash(Get(id).value());
        session << "UPDATE session_notes SET content_hash = :hash WHERE id = :id",
            soci::use(content_hash, "hash"), soci::use(note_id, "id");
        transaction.Commit();
    });
}

void SessionNoteRepository::Delete(core::SessionNoteId id) {
    Guard("delete the session note", [&] {
        Transaction transaction(m_database);
        soci::session& session = SociSession(m_database);
        long long note_id = id;
        // The techniques and regions go with it (ON DELETE CASCADE); a signed note stays.
        soci::statement statement =
            (session.prepare << "DELETE FROM session_notes WHERE id = :id AND signed_at IS NULL",
             soci::use(note_id, "id"));
        statement.execute(true);
        if (statement.get_affected_rows() == 0) {
            if (!NoteExists(session, id)) {
                ThrowNoNote(id);
            }
            throw ValidationError({{"signed_at", ProblemCode::kLocked}});
        }
        transaction.Commit();
    });
}

core::Amendment SessionNoteRepository::Amend(core::SessionNoteId id, core::Amendment amendment) {
    const auto now = m_clock();
    auto problems = core::ValidateAmendment(amendment, LocalDate(now));
    if (!problems.empty()) {
        throw ValidationError(std::move(problems));
    }
    return Guard("amend the session note", [&] {
        Transaction transaction(m_database);
        soci::session& session = SociSession(m_database);
        RequireStaff(session, amendment.amended_by);
        const std::string amended_at = UtcTimestamp(now);
        long long note_id = id;
        // The note's version counts amendments too; the update also holds the note's row, so
        // a note cannot be amended while it is being signed elsewhere.
        {
            const std::string updated_at = amended_at;
            soci::statement statement =
                (session.prepare << "UPDATE session_notes SET updated_at = :updated_at, version = "
                                    "version + 1 WHERE id = :id AND signed_at IS NOT NULL",
                 soci::use(updated_at, "updated_at"), soci::use(note_id, "id"));
            statement.execute(true);
            if (statement.get_affected_rows() == 0) {
                if (!NoteExists(session, id)) {
                    ThrowNoNote(id);
                }
                throw ValidationError({{"signed_at", ProblemCode::kRequired}});
            }
        }
        if (amendment.corrected) {
            // A corrected date or time is a session moved: it must not clash either.
            long long client_id = 0, therapist_id = 0;
            session << "SELECT client_id, therapist_id FROM session_notes WHERE id = :id",
                soci::into(client_id), soci::into(therapist_id), soci::use(note_id, "id");
            core::SessionNote& corrected = *amendment.corrected;
            corrected.id = id;
            corrected.client_id = client_id;
            corrected.therapist_id = therapist_id;
            corrected.amendments.clear();
            detail::CheckNoClash(session, SlotOf(corrected));
        }
        detail::AmendmentRow row = detail::AmendmentRow::From(note_id, amendment);
        row.amended_at = amended_at;
        const long long amendment_id = detail::InsertRow(session, "session_note_amendments", row);
        transaction.Commit();
        amendment.id = amendment_id;
        amendment.amended_at = amended_at;
        return amendment;
    });
}

}  // namespace myodesk::db
