#pragma once

#include <myodesk/core/session_json.h>
#include <myodesk/core/session_note.h>
#include <myodesk/db/session_note_repository.h>
#include <myodesk/services/context.h>
#include <myodesk/services/errors.h>

#include <cstdint>
#include <optional>
#include <vector>

namespace myodesk::services {

// A note is signed only once its session has ended (a signature vouches for what happened);
// nothing was saved or signed.
class NoteNotEndedError : public RuleError {
  public:
    // The session ends at `end_minute` (minutes after midnight) on `end_date`.
    NoteNotEndedError(const core::Date& end_date, int end_minute);
    // The day and the minute of that day the session ends (signing is possible from then).
    const core::Date& EndDate() const { return m_end_date; }
    int EndMinute() const { return m_end_minute; }

  private:
    core::Date m_end_date;
    int m_end_minute;
};

// Session notes: writing, signing (the note is then locked), amending a signed note, the lists.
// In an open practice who signs or amends is the staff member given, else the one at the desk
// (a db::ValidationError names the field when there is neither). With accounts it is the
// signed-in user, who must be the note's therapist. A private note is read only by its
// therapist and the owner; others see in lists that there was a session, not its content.
// Every change is in the audit log with the note before and after.
class NoteService {
  public:
    explicit NoteService(Context& context);

    // Saves a new note or an unsigned one read earlier and, with `sign`, signs it, in one
    // transaction: both or neither (on failure `note` is as it was). Validated against today.
    // Signing before the session's end (date, start and duration, at the clock's local time)
    // is refused with NoteNotEndedError, before anything is written.
    void Save(core::SessionNote& note, bool sign = false,
              const std::optional<core::StaffId>& signer = std::nullopt);
    // A note document for the client (NotFoundError for an unknown client). The therapist is
    // `therapist` when given, else the document's. Every problem is listed at once.
    core::SessionNote AddFromDocument(core::ClientId client, core::SessionNoteParseResult parsed,
                                      const std::optional<core::StaffId>& therapist);

    // Where a new note starts by default (core::FirstFreeStart): `note.start_minute` (the
    // session that has just ended), or later, after the therapist's last note of that day and
    // past any clash with the therapist's or the client's notes and appointments.
    int FirstFreeStart(const core::SessionNote& note);

    // NotFoundError when there is none; NotAllowedError for another therapist's private note
    // (or without the right to read clinical records).
    core::SessionNote Get(core::SessionNoteId id);
    // Get, recorded in the audit log as the note opened (what a front end shows a person).
    core::SessionNote Open(core::SessionNoteId id);
    // The client's most recent note.
    std::optional<core::SessionNote> Latest(core::ClientId client);
    // What "copy last note" copies from: the client's most recent note with a region or a
    // technique (a note without them has nothing to copy); nullopt when there is none.
    std::optional<core::SessionNote> LatestToCopy(core::ClientId client);
    // Signs the note; returns it signed. NoteNotEndedError before the session's end.
    core::SessionNote Sign(core::SessionNoteId id, const std::optional<core::StaffId>& by);
    // Deletes an unsigned note (a note written for the wrong client or by mistake);
    // NotFoundError, or ValidationError kLocked for a signed one (which is never deleted).
    void Delete(core::SessionNoteId id);
    // Corrects a section of a signed note (the original stays); amended_by 0 means the desk.
    core::Amendment Amend(core::SessionNoteId id, core::Amendment amendment);

    // The client's notes, newest first, a page at a time (NotFoundError for an unknown client
    // on the count).
    std::vector<db::SessionNoteSummary> ListForClient(core::ClientId client, std::int64_t offset,
                                                      std::int64_t limit);
    std::int64_t CountForClient(core::ClientId client);
    // Notes not signed yet, oldest first.
    std::vector<db::SessionNoteSummary> ListUnsigned(std::int64_t offset, std::int64_t limit);
    std::int64_t CountUnsigned();

  private:
    // A new note written for an appointment (note.appointment_id): it must be the client's and
    // one that took place or is taking place (db::ValidationError "appointment_id",
    // kContradicts); it is marked completed.
    void CompleteAppointmentOf(const core::SessionNote& note);
    void CheckEnded(const core::SessionNote& note) const;
    core::StaffId PersonAtDesk(const std::optional<core::StaffId>& given, const char* field) const;
    // With accounts, only the note's own therapist signs or amends it (NotAllowedError).
    void CheckMaySign(const core::SessionNote& note, core::StaffId signer) const;
    void CheckMayRead(const core::SessionNote& note) const;
    bool MayReadPrivate(core::StaffId author) const;

    Context& m_context;
    db::SessionNoteRepository m_notes;
};

}  // namespace myodesk::services
