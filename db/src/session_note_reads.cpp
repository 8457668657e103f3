// SessionNoteRepository's reads of one note and of a client's notes, and the lists of notes
// (a client's, the unsigned ones) a page at a time.

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
#include <map>
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

const std::string& SelectSql() {
    static const std::string sql =
        fmt::format("SELECT {} FROM session_notes WHERE id = :id", detail::NoteSelectColumns());
    return sql;
}

void ReadTechniques(soci::session& session, long long note_id,
                    std::vector<core::TechniqueUse>& techniques) {
    std::string technique;
    int minutes = 0;
    soci::statement statement = detail::OneCallStatement(
        session,
        "SELECT technique, minutes FROM session_note_techniques "
        "WHERE note_id = :note_id ORDER BY position",
        soci::into(technique), soci::into(minutes), soci::use(note_id, "note_id"));
    statement.execute(false);
    while (statement.fetch()) {
        techniques.push_back(
            {kStoredNote.Code<core::Technique>(technique, "session_note_techniques.technique",
                                               core::TechniqueFromCode),
             minutes});
    }
}

void ReadRegions(soci::session& session, long long note_id,
                 std::vector<core::RegionWork>& regions) {
    std::string region, side;
    int pressure = 0;
    Nullable<int> pain_before, pain_after;
    soci::statement statement = detail::OneCallStatement(
        session,
        "SELECT region, side, pressure, pain_before, pain_after "
        "FROM session_note_regions WHERE note_id = :note_id ORDER BY position",
        soci::into(region), soci::into(side), soci::into(pressure),
        soci::into(pain_before.value, pain_before.indicator),
        soci::into(pain_after.value, pain_after.indicator), soci::use(note_id, "note_id"));
    statement.execute(false);
    while (statement.fetch()) {
        regions.push_back({kStoredNote.Code<core::Region>(region, "session_note_regions.region"),
                           kStoredNote.Code<core::Side>(side, "session_note_regions.side"),
                           pressure, pain_before.Get(), pain_after.Get()});
    }
}

void ReadAmendments(soci::session& session, long long note_id,
                    std::vector<core::Amendment>& amendments) {
    detail::AmendmentRow row;
    soci::statement statement(session);
    detail::IntoAmendmentRow(statement, row);
    statement.exchange(soci::use(note_id, "note_id"));
    statement.alloc();
    detail::PrepareForOneCall(
        statement, fmt::format("SELECT {} FROM session_note_amendments WHERE note_id = :note_id "
                               "ORDER BY id",
                               detail::AmendmentSelectColumns()));
    statement.define_and_bind();
    statement.execute(false);
    while (statement.fetch()) {
        amendments.push_back(row.ToAmendment());
    }
}

// The summaries' query: the note's row with its therapist's name and its amendment count.
constexpr std::string_view kSummarySql =
    "SELECT n.id, n.client_id, n.session_date, n.start_minute, n.duration_min, n.therapist_id, "
    "s.name, CASE WHEN n.signed_at IS NULL THEN 0 ELSE 1 END, "
    "(SELECT COUNT(*) FROM session_note_amendments a WHERE a.note_id = n.id), n.is_private "
    "FROM session_notes n JOIN staff s ON s.id = n.therapist_id";

// Ids bound per child query; a page larger than this takes one query per this many notes.
constexpr std::size_t kIdsPerQuery = 500;

// Calls read(in_list, bind_ids, by_id) for each kIdsPerQuery rows of a page, so that a page's
// child rows are read with one query per child table: `in_list` is ":n0, :n1, ..." for an
// IN (...) clause, bind_ids(statement) binds the ids to it, by_id finds a row by its id.
template <typename Row, typename Read>
void ForEachIdChunk(std::vector<Row>& page, Read&& read) {
    for (std::size_t first = 0; first < page.size(); first += kIdsPerQuery) {
        const std::size_t count = std::min(kIdsPerQuery, page.size() - first);
        std::map<long long, Row*> by_id;
        std::vector<long long> ids;
        std::vector<std::string> binds;
        for (std::size_t i = first; i < first + count; ++i) {
            by_id[page[i].id] = &page[i];
            ids.push_back(page[i].id);
            binds.push_back(fmt::format(":n{}", binds.size()));
        }
        const std::string in_list = fmt::format("{}", fmt::join(binds, ", "));
        const auto bind_ids = [&](soci::statement& statement) {
            for (std::size_t i = 0; i < ids.size(); ++i) {
                statement.exchange(soci::use(ids[i], fmt::format("n{}", i)));
            }
        };
        read(in_list, bind_ids, by_id);
    }
}

// One page of summaries: `where_and_order` follows kSummarySql, with :page_limit and
// :page_offset at its end; `bind` adds the where clause's values. Then the page's techniques
// and regions, one query per child table for the whole page.
template <typename Bind>
std::vector<SessionNoteSummary> ReadSummaries(soci::session& session,
                                              std::string_view where_and_order, Bind&& bind,
                                              std::int64_t offset, std::int64_t limit) {
    std::vector<SessionNoteSummary> page;
    if (limit <= 0) {
        return page;
    }
    long long page_limit = limit;
    long long page_offset = std::max<std::int64_t>(offset, 0);
    {
        long long id = 0, client_id = 0, therapist_id = 0, amendment_count = 0;
        std::string session_date, therapist_name;
        int start_minute = 0, duration_min = 0, is_signed = 0, is_private = 0;
        soci::statement statement(session);
        statement.exchange(soci::into(id));
        statement.exchange(soci::into(client_id));
        statement.exchange(soci::into(session_date));
        statement.exchange(soci::into(start_minute));
        statement.exchange(soci::into(duration_min));
        statement.exchange(soci::into(therapist_id));
        statement.exchange(soci::into(therapist_name));
        statement.exchange(soci::into(is_signed));
        statement.exchange(soci::into(amendment_count));
        statement.exchange(soci::into(is_private));
        bind(statement);
        statement.exchange(soci::use(page_limit, "page_limit"));
        statement.exchange(soci::use(page_offset, "page_offset"));
        statement.alloc();
        detail::PrepareForOneCall(statement, fmt::format("{} {}", kSummarySql, where_and_order));
        statement.define_and_bind();
        statement.execute(false);
        while (statement.fetch()) {
            SessionNoteSummary summary;
            summary.id = id;
            summary.client_id = client_id;
            summary.date = kStoredNote.Date(session_date, "session_notes.session_date");
            summary.start_minute = start_minute;
            summary.duration_min = duration_min;
            summary.therapist_id = therapist_id;
            summary.therapist_name = therapist_name;
            summary.is_signed = is_signed != 0;
            summary.amendment_count = static_cast<int>(amendment_count);
            summary.is_private = is_private != 0;
            page.push_back(std::move(summary));
        }
    }

    ForEachIdChunk(page, [&](const std::string& in_list, const auto& bind_ids, auto& by_id) {
        long long note_id = 0;
        {
            std::string technique;
            soci::statement statement(session);
            statement.exchange(soci::into(note_id));
            statement.exchange(soci::into(technique));
            bind_ids(statement);
            statement.alloc();
            detail::PrepareForOneCall(
                statement,
                fmt::format("SELECT note_id, technique FROM session_note_techniques WHERE "
                            "note_id IN ({}) ORDER BY note_id, position",
                            in_list));
            statement.define_and_bind();
            statement.execute(false);
            while (statement.fetch()) {
                by_id.at(note_id)->techniques.push_back(kStoredNote.Code<core::Technique>(
                    technique, "session_note_techniques.technique", core::TechniqueFromCode));
            }
        }
        {
            std::string region, side;
            soci::statement statement(session);
            statement.exchange(soci::into(note_id));
            statement.exchange(soci::into(region));
            statement.exchange(soci::into(side));
            bind_ids(statement);
            statement.alloc();
            detail::PrepareForOneCall(
                statement,
                fmt::format("SELECT note_id, region, side FROM session_note_regions WHERE "
                            "note_id IN ({}) ORDER BY note_id, position",
                            in_list));
            statement.define_and_bind();
            statement.execute(false);
            while (statement.fetch()) {
                by_id.at(note_id)->regions.push_back(
                    {kStoredNote.Code<core::Region>(region, "session_note_regions.region"),
                     kStoredNote.Code<core::Side>(side, "session_note_regions.side")});
            }
        }
    });
    return page;
}

// Fills the techniques and regions of a page of notes: one query per child table for each
// kIdsPerQuery notes, instead of two per note.
void ReadPageLists(soci::session& session, std::vector<SessionNote>& page) {
    ForEachIdChunk(page, [&](const std::string& in_list, const auto& bind_ids, auto& by_id) {
        long long note_id = 0;
        {
            std::string technique;
            int minutes = 0;
            soci::statement statement(session);
            statement.exchange(soci::into(note_id));
            statement.exchange(soci::into(technique));
            statement.exchange(soci::into(minutes));
            bind_ids(statement);
            statement.alloc();
            detail::PrepareForOneCall(
                statement,
                fmt::format("SELECT note_id, technique, minutes FROM session_note_techniques "
                            "WHERE note_id IN ({}) ORDER BY note_id, position",
                            in_list));
            statement.define_and_bind();
            statement.execute(false);
            while (statement.fetch()) {
                by_id.at(note_id)->techniques.push_back(
                    {kStoredNote.Code<core::Technique>(
                         technique, "session_note_techniques.technique", core::TechniqueFromCode),
                     minutes});
            }
        }
        {
            std::string region, side;
            int pressure = 0;
            Nullable<int> pain_before, pain_after;
            soci::statement statement(session);
            statement.exchange(soci::into(note_id));
            statement.exchange(soci::into(region));
            statement.exchange(soci::into(side));
            statement.exchange(soci::into(pressure));
            statement.exchange(soci::into(pain_before.value, pain_before.indicator));
            statement.exchange(soci::into(pain_after.value, pain_after.indicator));
            bind_ids(statement);
            statement.alloc();
            detail::PrepareForOneCall(
                statement,
                fmt::format("SELECT note_id, region, side, pressure, pain_before, pain_after FROM "
                            "session_note_regions WHERE note_id IN ({}) ORDER BY note_id, position",
                            in_list));
            statement.define_and_bind();
            statement.execute(false);
            while (statement.fetch()) {
                by_id.at(note_id)->regions.push_back(
                    {kStoredNote.Code<core::Region>(region, "session_note_regions.region"),
                     kStoredNote.Code<core::Side>(side, "session_note_regions.side"), pressure,
                     pain_before.Get(), pain_after.Get()});
            }
        }
    });
}

// Fills the amendments of a page of notes, in the order they were made: one query for each
// kIdsPerQuery notes.
void ReadPageAmendments(soci::session& session, std::vector<SessionNote>& page) {
    ForEachIdChunk(page, [&](const std::string& in_list, const auto& bind_ids, auto& by_id) {
        detail::AmendmentRow row;
        soci::statement statement(session);
        detail::IntoAmendmentRow(statement, row);
        bind_ids(statement);
        statement.alloc();
        detail::PrepareForOneCall(
            statement, fmt::format("SELECT {} FROM session_note_amendments WHERE note_id IN ({}) "
                                   "ORDER BY note_id, id",
                                   detail::AmendmentSelectColumns(), in_list));
        statement.define_and_bind();
        statement.execute(false);
        while (statement.fetch()) {
            by_id.at(row.note_id)->amendments.push_back(row.ToAmendment());
        }
    });
}

// The `session_notes` rows `where_and_order` selects (it follows "SELECT <columns> FROM
// session_notes"; `bind` adds its values), without their lists.
template <typename Bind>
std::vector<SessionNote> ReadNoteRows(soci::session& session, std::string_view where_and_order,
                                      Bind&& bind) {
    std::vector<SessionNote> notes;
    NoteRow row;
    soci::statement statement(session);
    detail::IntoNoteRow(statement, row);
    bind(statement);
    statement.alloc();
    detail::PrepareForOneCall(statement, fmt::format("SELECT {} FROM session_notes {}",
                                                     detail::NoteSelectColumns(), where_and_order));
    statement.define_and_bind();
    statement.execute(false);
    while (statement.fetch()) {
        notes.push_back(row.ToNote());
    }
    return notes;
}

}  // namespace

std::optional<SessionNote> SessionNoteRepository::Get(core::SessionNoteId id) {
    return Guard("read the session note", [&]() -> std::optional<SessionNote> {
        soci::session& session = SociSession(m_database);
        NoteRow row;
        long long note_id = id;
        soci::statement statement(session);
        detail::IntoNoteRow(statement, row);
        statement.exchange(soci::use(note_id, "id"));
        statement.alloc();
        detail::PrepareForOneCall(statement, SelectSql());
        statement.define_and_bind();
        if (!statement.execute(true)) {
            return std::nullopt;
        }
        SessionNote note = row.ToNote();
        ReadTechniques(session, note_id, note.techniques);
        ReadRegions(session, note_id, note.regions);
        ReadAmendments(session, note_id, note.amendments);
        // A signed note whose content no longer matches its hash was changed outside MyoDesk.
        if (const auto signed_hash = row.content_hash.Get()) {
            note.changed_after_signing = detail::NoteContentHash(note) != *signed_hash;
        }
        return note;
    });
}

std::optional<SessionNote> SessionNoteRepository::Latest(core::ClientId client) {
    const auto latest = Guard("find the latest session note", [&] {
        return detail::FirstIdForClient(SociSession(m_database),
                                        "SELECT id FROM session_notes WHERE client_id = :client_id "
                                        "ORDER BY session_date DESC, start_minute DESC, id DESC "
                                        "LIMIT 1",
                                        client);
    });
    return latest ? Get(*latest) : std::nullopt;
}

std::int64_t SessionNoteRepository::CountForClient(core::ClientId client) {
    return Guard("count the session notes",
                 [&] {
                     long long client_id = client;
                     long long count = 0;
                     SociSession(m_database)
                         << "SELECT COUNT(*) FROM session_notes WHERE client_id = :client_id",
                         soci::use(client_id, "client_id"), soci::into(count);
                     return static_cast<std::int64_t>(count);
                 });
}

std::vector<SessionNoteSummary> SessionNoteRepository::ListForClient(core::ClientId client,
                                                                     std::int64_t offset,
                                                                     std::int64_t limit) {
    return Guard("list the session notes", [&] {
        long long client_id = client;
        return ReadSummaries(
            SociSession(m_database),
            "WHERE n.client_id = :client_id ORDER BY n.session_date DESC, n.start_minute DESC, "
            "n.id DESC LIMIT :page_limit OFFSET :page_offset",
            [&](soci::statement& statement) {
                statement.exchange(soci::use(client_id, "client_id"));
            },
            offset, limit);
    });
}

std::int64_t SessionNoteRepository::CountUnsigned() {
    return Guard("count the unsigned session notes", [&] {
        long long count = 0;
        SociSession(m_database) << "SELECT COUNT(*) FROM session_notes WHERE signed_at IS NULL",
            soci::into(count);
        return static_cast<std::int64_t>(count);
    });
}

std::vector<SessionNoteSummary> SessionNoteRepository::ListUnsigned(std::int64_t offset,
                                                                    std::int64_t limit) {
    return Guard("list the unsigned session notes", [&] {
        return ReadSummaries(
            SociSession(m_database),
            "WHERE n.signed_at IS NULL ORDER BY n.session_date, n.start_minute, n.id "
            "LIMIT :page_limit OFFSET :page_offset",
            [](soci::statement&) {}, offset, limit);
    });
}

std::vector<SessionNote> SessionNoteRepository::ListForClientBetween(core::ClientId client,
                                                                     const core::Date& from,
                                                                     const core::Date& to) {
    return Guard("read the client's session notes", [&] {
        soci::session& session = SociSession(m_database);
        long long client_id = client;
        std::string from_date = core::FormatIsoDate(from);
        std::string to_date = core::FormatIsoDate(to);
        std::vector<SessionNote> notes =
            ReadNoteRows(session,
                         "WHERE client_id = :client_id AND session_date >= :from_date AND "
                         "session_date <= :to_date ORDER BY session_date, start_minute, id",
                         [&](soci::statement& statement) {
                             statement.exchange(soci::use(client_id, "client_id"));
                             statement.exchange(soci::use(from_date, "from_date"));
                             statement.exchange(soci::use(to_date, "to_date"));
                         });
        ReadPageLists(session, notes);
        ReadPageAmendments(session, notes);
        return notes;
    });
}

std::vector<SessionNote> SessionNoteRepository::ListAllForClient(core::ClientId client) {
    return Guard("read the client's session notes", [&] {
        soci::session& session = SociSession(m_database);
        long long client_id = client;
        std::vector<SessionNote> notes = ReadNoteRows(
            session, "WHERE client_id = :client_id ORDER BY session_date, start_minute, id",
            [&](soci::statement& statement) {
                statement.exchange(soci::use(client_id, "client_id"));
            });
        ReadPageLists(session, notes);
        ReadPageAmendments(session, notes);
        return notes;
    });
}

}  // namespace myodesk::db
