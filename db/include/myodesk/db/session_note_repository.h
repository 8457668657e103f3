#pragma once

#include <myodesk/core/intake.h>
#include <myodesk/core/session_note.h>
#include <myodesk/db/clock.h>
#include <myodesk/db/database.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace myodesk::db {

// What the Sessions list shows of a note, without its text.
struct SessionNoteSummary {
    core::SessionNoteId id = 0;
    core::ClientId client_id = 0;
    core::Date date{};
    int start_minute = 0;
    int duration_min = 0;
    core::StaffId therapist_id = 0;
    std::string therapist_name;
    std::vector<core::Technique> techniques;  // in the note's order
    std::vector<core::RegionSide> regions;    // in the note's order
    bool is_signed = false;
    int amendment_count = 0;
    bool is_private = false;  // read only by its author and the owner
    friend bool operator==(const SessionNoteSummary&, const SessionNoteSummary&) = default;
};

// A client and the date of their last session in a period.
struct ClientLastSession {
    core::ClientId client_id = 0;
    core::Date date{};
    friend bool operator==(const ClientLastSession&, const ClientLastSession&) = default;
};

// SOAP session notes with their techniques, regions and amendments.
class SessionNoteRepository {
  public:
    explicit SessionNoteRepository(Database& database, Clock clock = SystemNow);

    // Validates (core::ValidateSessionNote) and saves the note and all its rows in one
    // transaction; sets id, created_at, updated_at and version 1. Refuses with ClashError
    // (session_clash.h; field "start_time", kOverlaps) a session that clashes with a note or
    // appointment of the same therapist or the same client (core::Clashes); NotFoundError for
    // an unknown client or therapist.
    core::SessionNoteId Add(core::SessionNote& note);

    // Saves an unsigned note read earlier (optimistic: ConflictError when note.version is
    // stale). A signed note is refused: ValidationError, field "signed_at", code kLocked.
    void Update(core::SessionNote& note);

    std::optional<core::SessionNote> Get(core::SessionNoteId id);

    // The client's most recent note (latest date and start), for "copy last note".
    std::optional<core::SessionNote> Latest(core::ClientId client);

    // The client's notes, newest first, one page at a time.
    std::int64_t CountForClient(core::ClientId client);
    std::vector<SessionNoteSummary> ListForClient(core::ClientId client, std::int64_t offset,
                                                  std::int64_t limit);

    // Notes not signed yet, oldest first, so nothing is forgotten.
    std::int64_t CountUnsigned();
    std::vector<SessionNoteSummary> ListUnsigned(std::int64_t offset, std::int64_t limit);

    // Calls visit(chunk) with the notes dated `from` to `to` (both included), oldest first
    // (date, start time, id), at most `chunk_size` (> 0) notes per chunk and never an empty
    // chunk; each note with its techniques and regions but not its amendments. For reports and
    // exports of a period, which never hold all its notes at once. visit returns false to stop.
    // Returns the number of notes passed to visit.
    // Each chunk starts after the last note of the one before (keyset paging on the notes' date
    // index), so a period of any length is read in one pass. No statement is open while visit
    // runs: it may use the database, also to write. A note added meanwhile is listed when its
    // place comes after the notes already visited; none is listed twice or skipped for it.
    std::int64_t ForEachBetween(
        const core::Date& from, const core::Date& to, std::int64_t chunk_size,
        const std::function<bool(const std::vector<core::SessionNote>& chunk)>& visit);
    // How many notes ForEachBetween lists for the period (for a progress bar's total).
    std::int64_t CountBetween(const core::Date& from, const core::Date& to);

    // The client's notes dated from `from` to `to` (both included), oldest first (date, start
    // time, id), whole: techniques, regions and amendments. Four statements however many notes.
    std::vector<core::SessionNote> ListForClientBetween(core::ClientId client,
                                                        const core::Date& from,
                                                        const core::Date& to);

    // Every note of the client, oldest first (date, start time, id), whole: techniques,
    // regions and amendments (for the client's progress report).
    std::vector<core::SessionNote> ListAllForClient(core::ClientId client);

    // The clients whose first session ever (with `therapist`, when given) is dated `from` to
    // `to` (both included), by id: the clinic summary's new clients.
    std::vector<core::ClientId> FirstSessionsBetween(const core::Date& from, const core::Date& to,
                                                     std::optional<core::StaffId> therapist);

    // The clients seen from `from` to `to` (both included; with `therapist`, when given), each
    // with the date of their last session then, by client id: the clinic summary's lapse window,
    // read without its notes.
    std::vector<ClientLastSession> LastSessionsBetween(const core::Date& from, const core::Date& to,
                                                       std::optional<core::StaffId> therapist);

    // Signs and locks the note. Signing a signed note is refused (kLocked).
    void Sign(core::SessionNoteId id, core::StaffId by);
    // Deletes an unsigned note with its techniques and regions, in one transaction.
    // NotFoundError for an unknown id; a signed note is kept (ValidationError, field
    // "signed_at", kLocked): the record of a session that was vouched for is never removed.
    void Delete(core::SessionNoteId id);

    // Adds a correction to a signed note (an unsigned note is edited instead: refused with
    // field "signed_at", code kRequired). Sets the amendment's id and amended_at.
    core::Amendment Amend(core::SessionNoteId id, core::Amendment amendment);

  private:
    Database& m_database;
    Clock m_clock;
};

}  // namespace myodesk::db
