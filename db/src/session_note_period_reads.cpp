// SessionNoteRepository's reads of a period across clients (reports and exports): the notes
// chunk after chunk, their count, and the clients' first and last sessions.

#include "guard.h"
#include "one_call_statement.h"
#include "row_binding.h"
#include "session_note_rows.h"
#include "soci_session.h"

#include <myodesk/db/errors.h>
#include <myodesk/db/session_note_repository.h>

#include <fmt/format.h>
#include <soci/soci.h>

#include <algorithm>
#include <stdexcept>
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

// A period's notes, read chunk after chunk in (date, start, id) order on session_notes_by_date
// (keyset paging: each chunk starts after the last note of the one before, so no note is
// skipped again as with an offset). Three statements, prepared once and executed per chunk:
// the notes, then their techniques and regions, each read through the same range of the index
// joined to the child table's primary key. A statement is read to its end before Next returns,
// so none is left open between chunks.
class PeriodChunks {
  public:
    PeriodChunks(soci::session& session, const core::Date& from, const core::Date& to,
                 std::int64_t chunk_size)
        // start_minute is never negative (CHECK), so (from, -1, 0) comes before every note of
        // `from` and after every note of the day before.
        : m_after{core::FormatIsoDate(from), -1, 0},
          m_to_date(core::FormatIsoDate(to)),
          m_chunk_size(chunk_size),
          m_notes(session),
          m_techniques(session),
          m_regions(session) {
        detail::IntoNoteRow(m_notes, m_row);
        BindAfter(m_notes);
        m_notes.exchange(soci::use(m_to_date, "to_date"));
        m_notes.exchange(soci::use(m_chunk_size, "chunk_size"));
        m_notes.alloc();
        m_notes.prepare(fmt::format(
            "SELECT {} FROM session_notes WHERE (session_date, start_minute, id) > "
            "(:after_date, :after_minute, :after_id) AND session_date <= :to_date ORDER BY "
            "session_date, start_minute, id LIMIT :chunk_size",
            detail::NoteSelectColumns()));
        m_notes.define_and_bind();

        m_techniques.exchange(soci::into(m_note_id));
        m_techniques.exchange(soci::into(m_technique));
        m_techniques.exchange(soci::into(m_minutes));
        BindRange(m_techniques);
        m_techniques.alloc();
        m_techniques.prepare(fmt::format(
            "SELECT t.note_id, t.technique, t.minutes FROM session_notes n JOIN "
            "session_note_techniques t ON t.note_id = n.id WHERE {} ORDER BY n.session_date, "
            "n.start_minute, n.id, t.position",
            kChunkRange));
        m_techniques.define_and_bind();

        m_regions.exchange(soci::into(m_note_id));
        m_regions.exchange(soci::into(m_region));
        m_regions.exchange(soci::into(m_side));
        m_regions.exchange(soci::into(m_pressure));
        m_regions.exchange(soci::into(m_pain_before.value, m_pain_before.indicator));
        m_regions.exchange(soci::into(m_pain_after.value, m_pain_after.indicator));
        BindRange(m_regions);
        m_regions.alloc();
        m_regions.prepare(fmt::format(
            "SELECT r.note_id, r.region, r.side, r.pressure, r.pain_before, r.pain_after FROM "
            "session_notes n JOIN session_note_regions r ON r.note_id = n.id WHERE {} ORDER BY "
            "n.session_date, n.start_minute, n.id, r.position",
            kChunkRange));
        m_regions.define_and_bind();
    }

    // The next chunk (empty after the last one).
    void Next(std::vector<SessionNote>& chunk) {
        chunk.clear();
        m_notes.execute(false);
        while (m_notes.fetch()) {
            chunk.push_back(m_row.ToNote());
        }
        if (chunk.empty()) {
            return;
        }
        const SessionNote& last = chunk.back();
        m_last = {core::FormatIsoDate(last.date), last.start_minute, last.id};
        ReadLists(chunk);
        m_after = m_last;
    }

  private:
    // A note's place in the order of the index.
    struct Key {
        std::string date;
        int start_minute = 0;
        long long id = 0;
    };

    // The notes of a chunk: after m_after, up to and including m_last.
    static constexpr std::string_view kChunkRange =
        "(n.session_date, n.start_minute, n.id) > (:after_date, :after_minute, :after_id) AND "
        "(n.session_date, n.start_minute, n.id) <= (:last_date, :last_minute, :last_id)";

    void BindAfter(soci::statement& statement) {
        statement.exchange(soci::use(m_after.date, "after_date"));
        statement.exchange(soci::use(m_after.start_minute, "after_minute"));
        statement.exchange(soci::use(m_after.id, "after_id"));
    }

    void BindRange(soci::statement& statement) {
        BindAfter(statement);
        statement.exchange(soci::use(m_last.date, "last_date"));
        statement.exchange(soci::use(m_last.start_minute, "last_minute"));
        statement.exchange(soci::use(m_last.id, "last_id"));
    }

    // The child rows come in the chunk's order; a note added to the range since the chunk was
    // read is not in the chunk, and its rows are passed over.
    void ReadLists(std::vector<SessionNote>& chunk) {
        std::vector<std::pair<long long, SessionNote*>> by_id;
        by_id.reserve(chunk.size());
        for (SessionNote& note : chunk) {
            by_id.emplace_back(note.id, &note);
        }
        std::sort(by_id.begin(), by_id.end());
        SessionNote* note = nullptr;
        const auto find = [&]() -> SessionNote* {
            if (note != nullptr && note->id == m_note_id) {
                return note;
            }
            const auto found = std::lower_bound(
                by_id.begin(), by_id.end(), std::pair<long long, SessionNote*>{m_note_id, nullptr});
            return found != by_id.end() && found->first == m_note_id ? found->second : nullptr;
        };

        m_techniques.execute(false);
        while (m_techniques.fetch()) {
            if ((note = find()) != nullptr) {
                note->techniques.push_back(
                    {kStoredNote.Code<core::Technique>(
                         m_technique, "session_note_techniques.technique", core::TechniqueFromCode),
                     m_minutes});
            }
        }
        note = nullptr;
        m_regions.execute(false);
        while (m_regions.fetch()) {
            if ((note = find()) != nullptr) {
                note->regions.push_back(
                    {kStoredNote.Code<core::Region>(m_region, "session_note_regions.region"),
                     kStoredNote.Code<core::Side>(m_side, "session_note_regions.side"), m_pressure,
                     m_pain_before.Get(), m_pain_after.Get()});
            }
        }
    }

    Key m_after;
    Key m_last;
    std::string m_to_date;
    long long m_chunk_size;
    soci::statement m_notes;
    soci::statement m_techniques;
    soci::statement m_regions;
    // What the statements read into.
    NoteRow m_row;
    long long m_note_id = 0;
    std::string m_technique, m_region, m_side;
    int m_minutes = 0, m_pressure = 0;
    Nullable<int> m_pain_before, m_pain_after;
};

}  // namespace

std::int64_t SessionNoteRepository::ForEachBetween(
    const core::Date& from, const core::Date& to, std::int64_t chunk_size,
    const std::function<bool(const std::vector<SessionNote>& chunk)>& visit) {
    if (chunk_size <= 0) {
        throw std::invalid_argument("ForEachBetween needs a chunk size of at least 1");
    }
    return Guard("read the session notes of the period", [&] {
        // Dates are stored as ISO text, so text order is date order.
        PeriodChunks chunks(SociSession(m_database), from, to, chunk_size);
        std::vector<SessionNote> chunk;
        std::int64_t listed = 0;
        for (;;) {
            chunks.Next(chunk);
            if (chunk.empty()) {
                return listed;
            }
            listed += static_cast<std::int64_t>(chunk.size());
            if (!visit(chunk)) {
                return listed;
            }
        }
    });
}

std::int64_t SessionNoteRepository::CountBetween(const core::Date& from, const core::Date& to) {
    return Guard("count the session notes of the period", [&] {
        std::string from_date = core::FormatIsoDate(from);
        std::string to_date = core::FormatIsoDate(to);
        long long count = 0;
        SociSession(m_database) << "SELECT COUNT(*) FROM session_notes WHERE session_date >= "
                                   ":from_date AND session_date <= :to_date",
            soci::use(from_date, "from_date"), soci::use(to_date, "to_date"), soci::into(count);
        return static_cast<std::int64_t>(count);
    });
}

std::vector<core::ClientId> SessionNoteRepository::FirstSessionsBetween(
    const core::Date& from, const core::Date& to, std::optional<core::StaffId> therapist) {
    return Guard("find the clients' first sessions", [&] {
        std::string from_date = core::FormatIsoDate(from);
        std::string to_date = core::FormatIsoDate(to);
        long long therapist_id = therapist.value_or(0);
        long long client_id = 0;
        soci::statement statement(SociSession(m_database));
        statement.exchange(soci::into(client_id));
        if (therapist) {
            statement.exchange(soci::use(therapist_id, "therapist_id"));
        }
        statement.exchange(soci::use(from_date, "from_date"));
        statement.exchange(soci::use(to_date, "to_date"));
        statement.alloc();
        // Every client's first date (with the therapist) in one pass over the notes; only those
        // in the period are returned.
        detail::PrepareForOneCall(
            statement,
            fmt::format(
                "SELECT client_id FROM session_notes {}GROUP BY client_id HAVING MIN(session_date) "
                ">= :from_date AND MIN(session_date) <= :to_date ORDER BY client_id",
                therapist ? "WHERE therapist_id = :therapist_id " : ""));
        statement.define_and_bind();
        statement.execute(false);
        std::vector<core::ClientId> clients;
        while (statement.fetch()) {
            clients.push_back(client_id);
        }
        return clients;
    });
}

std::vector<ClientLastSession> SessionNoteRepository::LastSessionsBetween(
    const core::Date& from, const core::Date& to, std::optional<core::StaffId> therapist) {
    return Guard("find the clients' last sessions", [&] {
        std::string from_date = core::FormatIsoDate(from);
        std::string to_date = core::FormatIsoDate(to);
        long long therapist_id = therapist.value_or(0);
        long long client_id = 0;
        std::string last_date;
        soci::statement statement(SociSession(m_database));
        statement.exchange(soci::into(client_id));
        statement.exchange(soci::into(last_date));
        statement.exchange(soci::use(from_date, "from_date"));
        statement.exchange(soci::use(to_date, "to_date"));
        if (therapist) {
            statement.exchange(soci::use(therapist_id, "therapist_id"));
        }
        statement.alloc();
        detail::PrepareForOneCall(
            statement,
            fmt::format(
                "SELECT client_id, MAX(session_date) FROM session_notes WHERE session_date >= "
                ":from_date AND session_date <= :to_date {}GROUP BY client_id ORDER BY client_id",
                therapist ? "AND therapist_id = :therapist_id " : ""));
        statement.define_and_bind();
        statement.execute(false);
        std::vector<ClientLastSession> clients;
        while (statement.fetch()) {
            clients.push_back(
                {client_id, kStoredNote.Date(last_date, "session_notes.session_date")});
        }
        return clients;
    });
}

}  // namespace myodesk::db
