#include <myodesk/db/errors.h>
#include <myodesk/db/session_clash.h>
#include <myodesk/services/appointment_service.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/intake_service.h>
#include <myodesk/services/note_service.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <utility>

namespace myodesk::services {

namespace {

bool IsTherapistProblem(const core::ValidationProblem& problem) {
    return problem.field == "therapist_id";
}

constexpr int kMinutesPerDay = 24 * 60;

// The session's end as a day and a minute of that day (a session past midnight ends the next
// day).
std::pair<core::Date, int> SessionEnd(const core::SessionNote& note) {
    const int end = note.start_minute + note.duration_min;
    return {core::AddDays(note.date, end / kMinutesPerDay), end % kMinutesPerDay};
}

std::string DescribeEnd(const core::Date& date, int minute) {
    return fmt::format(
        "The session ends at {} on {}: a note can be signed once its session has "
        "ended (save it now and sign it then).",
        core::FormatClockTime(minute), core::FormatIsoDate(date));
}

// The note as the audit log keeps it. A private note's content stays out of the log (which the
// manager reads): the log says which note changed, and when, not what it says.
std::string NoteJson(const core::SessionNote& note) {
    if (note.is_private) {
        return nlohmann::ordered_json{{"id", note.id}, {"private", true}}.dump();
    }
    return core::StoredSessionNoteToJson(note).dump();
}

std::string BeforeAfter(const std::string& before, const std::string& after) {
    nlohmann::ordered_json change;
    if (!before.empty()) {
        change["before"] = nlohmann::ordered_json::parse(before);
    }
    if (!after.empty()) {
        change["after"] = nlohmann::ordered_json::parse(after);
    }
    return change.dump();
}

}  // namespace

NoteNotEndedError::NoteNotEndedError(const core::Date& end_date, int end_minute)
    : RuleError(DescribeEnd(end_date, end_minute)),
      m_end_date(end_date),
      m_end_minute(end_minute) {}

void NoteService::CheckEnded(const core::SessionNote& note) const {
    const auto [end_date, end_minute] = SessionEnd(note);
    const core::Date today = m_context.Today();
    if (end_date > today ||
        (end_date == today && end_minute > m_context.GetClock().MinuteOfDay())) {
        throw NoteNotEndedError(end_date, end_minute);
    }
}

int NoteService::FirstFreeStart(const core::SessionNote& note) {
    std::vector<core::SessionSlot> that_day;
    for (const db::BookedSession& booked : db::SessionsOnDay(
             m_context.Database(), note.date, {note.therapist_id, note.client_id, std::nullopt})) {
        that_day.push_back(booked.slot);
    }
    return core::FirstFreeStart(core::SessionSlot{.kind = core::SessionKind::kNote,
                                                  .id = note.id,
                                                  .date = note.date,
                                                  .start_minute = note.start_minute,
                                                  .duration_min = note.duration_min,
                                                  .therapist_id = note.therapist_id,
                                                  .client_id = note.client_id,
                                                  .room_id = std::nullopt,  // notes take no room
                                                  .room_changeover_min = 0},
                                that_day);
}

NoteService::NoteService(Context& context)
    : m_context(context), m_notes(context.Database(), context.GetClock().Storage()) {}

core::StaffId NoteService::PersonAtDesk(const std::optional<core::StaffId>& given,
                                        const char* field) const {
    if (m_context.AccountsOn()) {
        // With accounts, the signed-in user is who acts, whoever the caller named.
        m_context.RequireSignedIn();
        const core::StaffId user = *m_context.Desk().StaffId();
        if (given && *given != 0 && *given != user) {
            throw NotAllowedError(core::Right::kSignNotes, m_context.Desk().staff->role,
                                  "the signed-in user signs and amends notes; another staff "
                                  "member cannot be named.");
        }
        return user;
    }
    if (given && *given != 0) {
        return *given;
    }
    if (const auto desk = m_context.Desk().StaffId()) {
        return *desk;
    }
    throw db::ValidationError({{field, core::ProblemCode::kRequired}});
}

void NoteService::CheckMaySign(const core::SessionNote& note, core::StaffId signer) const {
    m_context.Require(core::Right::kSignNotes);
    if (m_context.AccountsOn() && signer != note.therapist_id) {
        throw NotAllowedError(core::Right::kSignNotes, m_context.Desk().staff->role,
                              "only the note's own therapist signs or amends it.");
    }
}

void NoteService::CheckMayRead(const core::SessionNote& note) const {
    m_context.Require(core::Right::kReadClinical);
    if (note.is_private && !m_context.IsOwnerAtDesk() &&
        m_context.Desk().StaffId() != note.therapist_id) {
        throw NotAllowedError(core::Right::kReadClinical, m_context.Desk().staff->role,
                              "the note is private: only its therapist and the owner read it.");
    }
}

void NoteService::Save(core::SessionNote& note, bool sign,
                       const std::optional<core::StaffId>& signer) {
    m_context.Require(core::Right::kWriteClinical);
    std::optional<core::StaffId> signed_by;
    if (sign) {
        signed_by = PersonAtDesk(signer, "signed_by");
        CheckMaySign(note, *signed_by);
        CheckEnded(note);
    }
    const core::SessionNote before = note;
    try {
        IntakeService(m_context).CheckFlagOverride(note.client_id, note.date, note.flag_override);
        db::Transaction transaction(m_context.Database());
        std::string stored_before;
        if (note.id == 0) {
            CompleteAppointmentOf(note);
            m_notes.Add(note);
        } else {
            const core::SessionNote stored = Get(note.id);
            stored_before = NoteJson(stored);
            m_notes.Update(note);
        }
        m_context.Audit(stored_before.empty() ? "note.create" : "note.update", note.client_id,
                        "session_note", note.id, BeforeAfter(stored_before, NoteJson(note)));
        if (sign) {
            m_notes.Sign(note.id, *signed_by);
            m_context.Audit("note.sign", note.client_id, "session_note", note.id);
        }
        transaction.Commit();
    } catch (...) {
        note = before;  // nothing was saved: the id and version are as they were
        throw;
    }
}

void NoteService::CompleteAppointmentOf(const core::SessionNote& note) {
    if (!note.appointment_id) {
        return;
    }
    AppointmentService book(m_context);
    const core::Appointment appointment = book.Get(*note.appointment_id);
    if (appointment.client_id != note.client_id || !core::HoldsSlot(appointment.status) ||
        appointment.status == core::AppointmentStatus::kNoShow) {
        // Another client's, or a session that did not take place.
        throw db::ValidationError({{"appointment_id", core::ProblemCode::kContradicts}});
    }
    if (appointment.status != core::AppointmentStatus::kCompleted) {
        book.Complete(appointment);  // the note says the session took place
    }
}

core::SessionNote NoteService::AddFromDocument(core::ClientId client,
                                               core::SessionNoteParseResult parsed,
                                               const std::optional<core::StaffId>& therapist) {
    m_context.Require(core::Right::kWriteClinical);
    ClientService(m_context).Get(client);
    core::ValidationProblems problems = std::move(parsed.problems);
    core::SessionNote note = std::move(parsed.note);
    note.client_id = client;
    if (therapist) {
        std::erase_if(problems, IsTherapistProblem);
        note.therapist_id = *therapist;
    } else if (note.therapist_id == 0 &&
               std::none_of(problems.begin(), problems.end(), IsTherapistProblem)) {
        problems.push_back({"therapist_id", core::ProblemCode::kRequired});
    }
    // When the document was read cleanly (a missing therapist aside), its values are checked
    // too, so every problem is listed at once.
    if (std::all_of(problems.begin(), problems.end(), IsTherapistProblem)) {
        auto checked = core::ValidateSessionNote(note, m_context.Today());
        problems.insert(problems.end(), checked.begin(), checked.end());
    }
    if (!problems.empty()) {
        throw db::ValidationError(std::move(problems));
    }
    IntakeService(m_context).CheckFlagOverride(client, note.date, note.flag_override);
    db::Transaction transaction(m_context.Database());
    CompleteAppointmentOf(note);
    m_notes.Add(note);
    m_context.Audit("note.create", note.client_id, "session_note", note.id,
                    BeforeAfter("", NoteJson(note)));
    transaction.Commit();
    return note;
}

core::SessionNote NoteService::Get(core::SessionNoteId id) {
    // The role first, before anything is read (a PostgreSQL server refuses the read itself).
    m_context.Require(core::Right::kReadClinical);
    auto note = m_notes.Get(id);
    if (!note) {
        // On PostgreSQL another therapist's private note is not there at all for this login.
        throw db::NotFoundError(fmt::format("There is no session note with id {}.", id));
    }
    CheckMayRead(*note);
    return std::move(*note);
}

core::SessionNote NoteService::Open(core::SessionNoteId id) {
    core::SessionNote note = Get(id);
    m_context.Audit("note.open", note.client_id, "session_note", note.id);
    return note;
}

std::optional<core::SessionNote> NoteService::Latest(core::ClientId client) {
    m_context.Require(core::Right::kReadClinical);
    // The newest note this desk may read.
    for (const auto& summary : ListForClient(client, 0, 20)) {
        if (!summary.is_private || MayReadPrivate(summary.therapist_id)) {
            return Get(summary.id);
        }
    }
    return std::nullopt;
}

bool NoteService::MayReadPrivate(core::StaffId author) const {
    return m_context.IsOwnerAtDesk() || m_context.Desk().StaffId() == author;
}

std::optional<core::SessionNote> NoteService::LatestToCopy(core::ClientId client) {
    // Newest first, a page at a time: the note to copy is nearly always on the first page.
    constexpr std::int64_t kPage = 20;
    for (std::int64_t offset = 0;; offset += kPage) {
        const auto page = ListForClient(client, offset, kPage);
        for (const auto& summary : page) {
            if (!summary.regions.empty() || !summary.techniques.empty()) {
                return Get(summary.id);
            }
        }
        if (static_cast<std::int64_t>(page.size()) < kPage) {
            return std::nullopt;
        }
    }
}

core::SessionNote NoteService::Sign(core::SessionNoteId id,
                                    const std::optional<core::StaffId>& by) {
    const core::SessionNote note = Get(id);
    const core::StaffId signer = PersonAtDesk(by, "signed_by");
    CheckMaySign(note, signer);
    CheckEnded(note);
    db::Transaction transaction(m_context.Database());
    m_notes.Sign(id, signer);
    m_context.Audit("note.sign", note.client_id, "session_note", id);
    transaction.Commit();
    return Get(id);
}

void NoteService::Delete(core::SessionNoteId id) {
    m_context.Require(core::Right::kWriteClinical);
    const core::SessionNote note = Get(id);
    db::Transaction transaction(m_context.Database());
    m_notes.Delete(id);
    m_context.Audit("note.delete", note.client_id, "session_note", id,
                    BeforeAfter(NoteJson(note), ""));
    transaction.Commit();
}

core::Amendment NoteService::Amend(core::SessionNoteId id, core::Amendment amendment) {
    amendment.amended_by = PersonAtDesk(amendment.amended_by, "amended_by");
    const core::SessionNote original = Get(id);
    CheckMaySign(original, amendment.amended_by);
    if (amendment.corrected) {
        // A corrected date is held to the flags of that day, as a new note is.
        IntakeService(m_context).CheckFlagOverride(original.client_id, amendment.corrected->date,
                                                   amendment.corrected->flag_override);
    }
    db::Transaction transaction(m_context.Database());
    core::Amendment saved = m_notes.Amend(id, std::move(amendment));
    core::SessionNote amended = original;
    amended.amendments.push_back(saved);
    m_context.Audit("note.amend", original.client_id, "session_note", id,
                    BeforeAfter(NoteJson(original), NoteJson(amended)));
    transaction.Commit();
    return saved;
}

std::vector<db::SessionNoteSummary> NoteService::ListForClient(core::ClientId client,
                                                               std::int64_t offset,
                                                               std::int64_t limit) {
    m_context.Require(core::Right::kReadClinical);
    auto page = m_notes.ListForClient(client, offset, limit);
    for (auto& summary : page) {
        // Another therapist's private note: that there was a session, not what was done. (On
        // PostgreSQL the server does not even list it to this login.)
        if (summary.is_private && !MayReadPrivate(summary.therapist_id)) {
            summary.techniques.clear();
            summary.regions.clear();
        }
    }
    return page;
}

std::int64_t NoteService::CountForClient(core::ClientId client) {
    m_context.Require(core::Right::kReadClinical);
    return m_notes.CountForClient(client);
}

std::vector<db::SessionNoteSummary> NoteService::ListUnsigned(std::int64_t offset,
                                                              std::int64_t limit) {
    m_context.Require(core::Right::kReadClinical);
    auto page = m_notes.ListUnsigned(offset, limit);
    for (auto& summary : page) {
        if (summary.is_private && !MayReadPrivate(summary.therapist_id)) {
            summary.techniques.clear();
            summary.regions.clear();
        }
    }
    return page;
}

std::int64_t NoteService::CountUnsigned() {
    m_context.Require(core::Right::kReadClinical);
    return m_notes.CountUnsigned();
}

}  // namespace myodesk::services
