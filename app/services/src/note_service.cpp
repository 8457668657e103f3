#include <myodesk/db/errors.h>
#include <myodesk/db/session_clash.h>
#include <myodesk/services/appointment_service.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/intake_service.h>
#include <myodesk/services/note_service.h>

#include <fmt/format.h>

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
    if (given && *given != 0) {
        return *given;
    }
    if (const auto desk = m_context.Desk().StaffId()) {
        return *desk;
    }
    throw db::ValidationError({{field, core::ProblemCode::kRequired}});
}

void NoteService::Save(core::SessionNote& note, bool sign,
                       const std::optional<core::StaffId>& signer) {
    if (sign) {
        CheckEnded(note);
    }
    const core::SessionNote before = note;
    try {
        IntakeService(m_context).CheckFlagOverride(note.client_id, note.date, note.flag_override);
        db::Transaction transaction(m_context.Database());
        if (note.id == 0) {
            CompleteAppointmentOf(note);
            m_notes.Add(note);
        } else {
            m_notes.Update(note);
        }
        if (sign) {
            m_notes.Sign(note.id, PersonAtDesk(signer, "signed_by"));
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
    transaction.Commit();
    return note;
}

core::SessionNote NoteService::Get(core::SessionNoteId id) {
    auto note = m_notes.Get(id);
    if (!note) {
        throw db::NotFoundError(fmt::format("There is no session note with id {}.", id));
    }
    return std::move(*note);
}

std::optional<core::SessionNote> NoteService::Latest(core::ClientId client) {
    return m_notes.Latest(client);
}

std::optional<core::SessionNote> NoteService::LatestToCopy(core::ClientId client) {
    // Newest first, a page at a time: the note to copy is nearly always on the first page.
    constexpr std::int64_t kPage = 20;
    for (std::int64_t offset = 0;; offset += kPage) {
        const auto page = m_notes.ListForClient(client, offset, kPage);
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
    CheckEnded(Get(id));
    m_notes.Sign(id, PersonAtDesk(by, "signed_by"));
    return Get(id);
}

void NoteService::Delete(core::SessionNoteId id) {
    m_notes.Delete(id);
}

core::Amendment NoteService::Amend(core::SessionNoteId id, core::Amendment amendment) {
    amendment.amended_by = PersonAtDesk(amendment.amended_by, "amended_by");
    if (amendment.corrected) {
        // A corrected date is held to the flags of that day, as a new note is.
        const core::SessionNote original = Get(id);
        IntakeService(m_context).CheckFlagOverride(original.client_id, amendment.corrected->date,
                                                   amendment.corrected->flag_override);
    }
    return m_notes.Amend(id, std::move(amendment));
}

std::vector<db::SessionNoteSummary> NoteService::ListForClient(core::ClientId client,
                                                               std::int64_t offset,
                                                               std::int64_t limit) {
    return m_notes.ListForClient(client, offset, limit);
}

std::int64_t NoteService::CountForClient(core::ClientId client) {
    return m_notes.CountForClient(client);
}

std::vector<db::SessionNoteSummary> NoteService::ListUnsigned(std::int64_t offset,
                                                              std::int64_t limit) {
    return m_notes.ListUnsigned(offset, limit);
}

std::int64_t NoteService::CountUnsigned() {
    return m_notes.CountUnsigned();
}

}  // namespace myodesk::services
