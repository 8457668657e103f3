#include "guard.h"
#include "one_call_statement.h"
#include "required_rows.h"
#include "row_binding.h"

#include <myodesk/db/errors.h>
#include <myodesk/db/session_note_repository.h>

#include <fmt/format.h>
#include <soci/soci.h>

#include <algorithm>
#include <map>
#include <stdexcept>
#include <string_view>

namespace myodesk::db {

namespace {

using core::ProblemCode;
using core::SessionNote;
using detail::ColumnNames;
using detail::Into;
using detail::Nullable;
using detail::RequireClient;
using detail::RequireStaff;
using detail::Use;

constexpr detail::StoredValues kStored{"session note"};

[[noreturn]] void ThrowNoNote(core::SessionNoteId id) {
    throw NotFoundError(fmt::format("There is no session note with id {}.", id));
}

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
    int version = 0;
    Nullable<std::string> signed_at;
    Nullable<long long> signed_by;

    static NoteRow From(const SessionNote& note) {
        NoteRow row;
        row.id = note.id;
        row.client_id = note.client_id;
        row.therapist_id = note.therapist_id;
        row.session_date = core::FormatIsoDate(note.date);
        row.start_minute = note.start_minute;
        row.duration_min = note.duration_min;
        row.position.Set(note.position ? std::optional<std::string>(core::ToCode(*note.position))
                                       : std::nullopt);
        row.subjective = note.subjective;
        row.objective = note.objective;
        row.assessment = note.assessment;
        row.plan = note.plan;
        row.version = note.version;
        return row;
    }

    // The note without its lists.
    SessionNote ToNote() const {
        SessionNote note;
        note.id = id;
        note.client_id = client_id;
        note.therapist_id = therapist_id;
        note.date = kStored.Date(session_date, "session_notes.session_date");
        note.start_minute = start_minute;
        note.duration_min = duration_min;
        if (const auto code = position.Get()) {
            note.position = kStored.Code<core::Position>(*code, "session_notes.position",
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
        return note;
    }
};

// Calls visit(column, field) for the columns Add and Update both write, in one fixed order:
// the INSERT's and the UPDATE's names and binds and the SELECT's intos come from these lists.
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
    visit("updated_at", row.updated_at);
}

// Every column of `session_notes`.
template <typename Visit>
void VisitColumns(NoteRow& row, Visit&& visit) {
    visit("id", row.id);
    VisitEditable(row, visit);
    visit("created_at", row.created_at);
    visit("version", row.version);
    visit("signed_at", row.signed_at);
    visit("signed_by", row.signed_by);
}

std::vector<std::string> EditableNames() {
    NoteRow row;
    std::vector<std::string> names;
    VisitEditable(row, [&](const char* name, auto&) { names.emplace_back(name); });
    return names;
}

const std::string& InsertSql() {
    static const std::string sql = [] {
        std::vector<std::string> names = EditableNames();
        return fmt::format(
            "INSERT INTO session_notes ({}, created_at, version) VALUES ({}, :created_at, 1) "
            "RETURNING id",
            fmt::join(names, ", "), detail::NamedBinds(names));
    }();
    return sql;
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

const std::string& SelectSql() {
    static const std::string sql = fmt::format("SELECT {} FROM session_notes WHERE id = :id",
                                               fmt::join(ColumnNames<NoteRow>(), ", "));
    return sql;
}

// Inserts the `session_notes` row and returns its id.
long long InsertNoteRow(soci::session& session, NoteRow& row) {
    return detail::InsertReturningId(session, InsertSql(), [&](soci::statement& statement) {
        VisitEditable(row, [&](const char* name, auto& field) { Use(statement, name, field); });
        statement.exchange(soci::use(row.created_at, "created_at"));
    });
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

// The child rows. Each list is written with one statement prepared once and executed per item,
// and read with one query per table, in `position` order.

void InsertTechniques(soci::session& session, long long note_id,
                      const std::vector<core::TechniqueUse>& techniques) {
    if (techniques.empty()) {
        return;
    }
    int position = 0;
    std::string technique;
    int minutes = 0;
    soci::statement statement =
        (session.prepare << "INSERT INTO session_note_techniques (note_id, position, technique, "
                            "minutes) VALUES (:note_id, :position, :technique, :minutes)",
         soci::use(note_id, "note_id"), soci::use(position, "position"),
         soci::use(technique, "technique"), soci::use(minutes, "minutes"));
    for (const auto& use : techniques) {
        technique = std::string(core::ToCode(use.technique));
        minutes = use.minutes;
        statement.execute(true);
        ++position;
    }
}

void InsertRegions(soci::session& session, long long note_id,
                   const std::vector<core::RegionWork>& regions) {
    if (regions.empty()) {
        return;
    }
    int position = 0;
    std::string region, side;
    int pressure = 0;
    Nullable<int> pain_before, pain_after;
    soci::statement statement =
        (session.prepare << "INSERT INTO session_note_regions (note_id, position, region, side, "
                            "pressure, pain_before, pain_after) VALUES (:note_id, :position, "
                            ":region, :side, :pressure, :pain_before, :pain_after)",
         soci::use(note_id, "note_id"), soci::use(position, "position"),
         soci::use(region, "region"), soci::use(side, "side"), soci::use(pressure, "pressure"),
         soci::use(pain_before.value, pain_before.indicator, "pain_before"),
         soci::use(pain_after.value, pain_after.indicator, "pain_after"));
    for (const auto& work : regions) {
        region = std::string(core::ToCode(work.region));
        side = std::string(core::ToCode(work.side));
        pressure = work.pressure;
        pain_before.Set(work.pain_before);
        pain_after.Set(work.pain_after);
        statement.execute(true);
        ++position;
    }
}

void DeleteChildRows(soci::session& session, long long note_id) {
    session << "DELETE FROM session_note_techniques WHERE note_id = :note_id",
        soci::use(note_id, "note_id");
    session << "DELETE FROM session_note_regions WHERE note_id = :note_id",
        soci::use(note_id, "note_id");
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
            {kStored.Code<core::Technique>(technique, "session_note_techniques.technique",
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
        regions.push_back({kStored.Code<core::Region>(region, "session_note_regions.region"),
                           kStored.Code<core::Side>(side, "session_note_regions.side"), pressure,
                           pain_before.Get(), pain_after.Get()});
    }
}

void ReadAmendments(soci::session& session, long long note_id,
                    std::vector<core::Amendment>& amendments) {
    long long id = 0, amended_by = 0;
    std::string amended_at, reason, section, text;
    soci::statement statement = detail::OneCallStatement(
        session,
        "SELECT id, amended_at, amended_by, reason, section, text "
        "FROM session_note_amendments WHERE note_id = :note_id ORDER BY id",
        soci::into(id), soci::into(amended_at), soci::into(amended_by), soci::into(reason),
        soci::into(section), soci::into(text), soci::use(note_id, "note_id"));
    statement.execute(false);
    while (statement.fetch()) {
        amendments.push_back(
            {id, amended_at, amended_by, reason,
             kStored.Code<core::NoteSection>(section, "session_note_amendments.section",
                                             core::NoteSectionFromCode),
             text});
    }
}

bool NoteExists(soci::session& session, core::SessionNoteId id) {
    long long note_id = id;
    int notes = 0;
    session << "SELECT COUNT(*) FROM session_notes WHERE id = :id", soci::use(note_id, "id"),
        soci::into(notes);
    return notes > 0;
}

// Refuses a session that overlaps (core::Overlaps) another of the same therapist on that date,
// other than the note itself. The caller holds the therapist's row, so two desks cannot both
// pass this check for the same time.
void CheckOverlap(soci::session& session, const SessionNote& note) {
    long long therapist_id = note.therapist_id;
    long long note_id = note.id;
    std::string session_date = core::FormatIsoDate(note.date);
    SessionNote other;
    other.date = note.date;
    soci::statement statement =
        detail::OneCallStatement(session,
                                 "SELECT start_minute, duration_min FROM session_notes WHERE "
                                 "therapist_id = :therapist_id AND session_date = :session_date "
                                 "AND id <> :id",
                                 soci::into(other.start_minute), soci::into(other.duration_min),
                                 soci::use(therapist_id, "therapist_id"),
                                 soci::use(session_date, "session_date"), soci::use(note_id, "id"));
    statement.execute(false);
    while (statement.fetch()) {
        if (core::Overlaps(note, other)) {
            throw ValidationError({{"start_time", ProblemCode::kOverlaps}});
        }
    }
}

// The summaries' query: the note's row with its therapist's name and its amendment count.
constexpr std::string_view kSummarySql =
    "SELECT n.id, n.client_id, n.session_date, n.start_minute, n.duration_min, n.therapist_id, "
    "s.name, CASE WHEN n.signed_at IS NULL THEN 0 ELSE 1 END, "
    "(SELECT COUNT(*) FROM session_note_amendments a WHERE a.note_id = n.id) "
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
        int start_minute = 0, duration_min = 0, is_signed = 0;
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
            summary.date = kStored.Date(session_date, "session_notes.session_date");
            summary.start_minute = start_minute;
            summary.duration_min = duration_min;
            summary.therapist_id = therapist_id;
            summary.therapist_name = therapist_name;
            summary.is_signed = is_signed != 0;
            summary.amendment_count = static_cast<int>(amendment_count);
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
                by_id.at(note_id)->techniques.push_back(kStored.Code<core::Technique>(
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
                    {kStored.Code<core::Region>(region, "session_note_regions.region"),
                     kStored.Code<core::Side>(side, "session_note_regions.side")});
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
                    {kStored.Code<core::Technique>(technique, "session_note_techniques.technique",
                                                   core::TechniqueFromCode),
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
                    {kStored.Code<core::Region>(region, "session_note_regions.region"),
                     kStored.Code<core::Side>(side, "session_note_regions.side"), pressure,
                     pain_before.Get(), pain_after.Get()});
            }
        }
    });
}

// Fills the amendments of a page of notes, in the order they were made: one query for each
// kIdsPerQuery notes.
void ReadPageAmendments(soci::session& session, std::vector<SessionNote>& page) {
    ForEachIdChunk(page, [&](const std::string& in_list, const auto& bind_ids, auto& by_id) {
        long long note_id = 0, id = 0, amended_by = 0;
        std::string amended_at, reason, section, text;
        soci::statement statement(session);
        statement.exchange(soci::into(note_id));
        statement.exchange(soci::into(id));
        statement.exchange(soci::into(amended_at));
        statement.exchange(soci::into(amended_by));
        statement.exchange(soci::into(reason));
        statement.exchange(soci::into(section));
        statement.exchange(soci::into(text));
        bind_ids(statement);
        statement.alloc();
        detail::PrepareForOneCall(
            statement,
            fmt::format("SELECT note_id, id, amended_at, amended_by, reason, section, text FROM "
                        "session_note_amendments WHERE note_id IN ({}) ORDER BY note_id, id",
                        in_list));
        statement.define_and_bind();
        statement.execute(false);
        while (statement.fetch()) {
            by_id.at(note_id)->amendments.push_back(
                {id, amended_at, amended_by, reason,
                 kStored.Code<core::NoteSection>(section, "session_note_amendments.section",
                                                 core::NoteSectionFromCode),
                 text});
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
    VisitColumns(row, [&](const char*, auto& field) { Into(statement, field); });
    bind(statement);
    statement.alloc();
    detail::PrepareForOneCall(
        statement, fmt::format("SELECT {} FROM session_notes {}",
                               fmt::join(ColumnNames<NoteRow>(), ", "), where_and_order));
    statement.define_and_bind();
    statement.execute(false);
    while (statement.fetch()) {
        notes.push_back(row.ToNote());
    }
    return notes;
}

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
        VisitColumns(m_row, [&](const char*, auto& field) { Into(m_notes, field); });
        BindAfter(m_notes);
        m_notes.exchange(soci::use(m_to_date, "to_date"));
        m_notes.exchange(soci::use(m_chunk_size, "chunk_size"));
        m_notes.alloc();
        m_notes.prepare(fmt::format(
            "SELECT {} FROM session_notes WHERE (session_date, start_minute, id) > "
            "(:after_date, :after_minute, :after_id) AND session_date <= :to_date ORDER BY "
            "session_date, start_minute, id LIMIT :chunk_size",
            fmt::join(ColumnNames<NoteRow>(), ", ")));
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
                    {kStored.Code<core::Technique>(m_technique, "session_note_techniques.technique",
                                                   core::TechniqueFromCode),
                     m_minutes});
            }
        }
        note = nullptr;
        m_regions.execute(false);
        while (m_regions.fetch()) {
            if ((note = find()) != nullptr) {
                note->regions.push_back(
                    {kStored.Code<core::Region>(m_region, "session_note_regions.region"),
                     kStored.Code<core::Side>(m_side, "session_note_regions.side"), m_pressure,
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
        soci::session& session = m_database.Session();
        RequireClient(session, note.client_id);
        RequireStaff(session, note.therapist_id, m_database.GetDialect().lock_selected_rows);
        SessionNote unsaved = note;
        unsaved.id = 0;
        CheckOverlap(session, unsaved);

        NoteRow row = NoteRow::From(note);
        row.created_at = UtcTimestamp(now);
        row.updated_at = row.created_at;
        const long long id = InsertNoteRow(session, row);
        InsertTechniques(session, id, note.techniques);
        InsertRegions(session, id, note.regions);
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
        soci::session& session = m_database.Session();
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
        RequireClient(session, note.client_id);
        RequireStaff(session, note.therapist_id, lock);
        CheckOverlap(session, note);

        NoteRow row = NoteRow::From(note);
        row.updated_at = UtcTimestamp(now);
        if (!UpdateNoteRow(session, row)) {
            throw ConflictError(fmt::format(
                "Session note {} was changed at another desk after you opened it.", note.id));
        }
        DeleteChildRows(session, row.id);
        InsertTechniques(session, row.id, note.techniques);
        InsertRegions(session, row.id, note.regions);
        transaction.Commit();

        note.version += 1;
        note.updated_at = row.updated_at;
    });
}

std::optional<SessionNote> SessionNoteRepository::Get(core::SessionNoteId id) {
    return Guard("read the session note", [&]() -> std::optional<SessionNote> {
        soci::session& session = m_database.Session();
        NoteRow row;
        long long note_id = id;
        soci::statement statement(session);
        VisitColumns(row, [&](const char*, auto& field) { Into(statement, field); });
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
        return note;
    });
}

std::optional<SessionNote> SessionNoteRepository::Latest(core::ClientId client) {
    const auto latest = Guard("find the latest session note", [&] {
        return detail::FirstIdForClient(m_database.Session(),
                                        "SELECT id FROM session_notes WHERE client_id = :client_id "
                                        "ORDER BY session_date DESC, start_minute DESC, id DESC "
                                        "LIMIT 1",
                                        client);
    });
    return latest ? Get(*latest) : std::nullopt;
}

std::int64_t SessionNoteRepository::CountForClient(core::ClientId client) {
    return Guard("count the session notes", [&] {
        long long client_id = client;
        long long count = 0;
        m_database.Session() << "SELECT COUNT(*) FROM session_notes WHERE client_id = :client_id",
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
            m_database.Session(),
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
        m_database.Session() << "SELECT COUNT(*) FROM session_notes WHERE signed_at IS NULL",
            soci::into(count);
        return static_cast<std::int64_t>(count);
    });
}

std::vector<SessionNoteSummary> SessionNoteRepository::ListUnsigned(std::int64_t offset,
                                                                    std::int64_t limit) {
    return Guard("list the unsigned session notes", [&] {
        return ReadSummaries(
            m_database.Session(),
            "WHERE n.signed_at IS NULL ORDER BY n.session_date, n.start_minute, n.id "
            "LIMIT :page_limit OFFSET :page_offset",
            [](soci::statement&) {}, offset, limit);
    });
}

std::int64_t SessionNoteRepository::ForEachBetween(
    const core::Date& from, const core::Date& to, std::int64_t chunk_size,
    const std::function<bool(const std::vector<SessionNote>& chunk)>& visit) {
    if (chunk_size <= 0) {
        throw std::invalid_argument("ForEachBetween needs a chunk size of at least 1");
    }
    return Guard("read the session notes of the period", [&] {
        // Dates are stored as ISO text, so text order is date order.
        PeriodChunks chunks(m_database.Session(), from, to, chunk_size);
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
        m_database.Session() << "SELECT COUNT(*) FROM session_notes WHERE session_date >= "
                                ":from_date AND session_date <= :to_date",
            soci::use(from_date, "from_date"), soci::use(to_date, "to_date"), soci::into(count);
        return static_cast<std::int64_t>(count);
    });
}

std::vector<SessionNote> SessionNoteRepository::ListForClientBetween(core::ClientId client,
                                                                     const core::Date& from,
                                                                     const core::Date& to) {
    return Guard("read the client's session notes", [&] {
        soci::session& session = m_database.Session();
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
        soci::session& session = m_database.Session();
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

std::vector<core::ClientId> SessionNoteRepository::FirstSessionsBetween(
    const core::Date& from, const core::Date& to, std::optional<core::StaffId> therapist) {
    return Guard("find the clients' first sessions", [&] {
        std::string from_date = core::FormatIsoDate(from);
        std::string to_date = core::FormatIsoDate(to);
        long long therapist_id = therapist.value_or(0);
        long long client_id = 0;
        soci::statement statement(m_database.Session());
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
        soci::statement statement(m_database.Session());
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
            clients.push_back({client_id, kStored.Date(last_date, "session_notes.session_date")});
        }
        return clients;
    });
}

void SessionNoteRepository::Sign(core::SessionNoteId id, core::StaffId by) {
    Guard("sign the session note", [&] {
        soci::session& session = m_database.Session();
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
    });
}

core::Amendment SessionNoteRepository::Amend(core::SessionNoteId id, core::Amendment amendment) {
    auto problems = core::ValidateAmendment(amendment);
    if (!problems.empty()) {
        throw ValidationError(std::move(problems));
    }
    return Guard("amend the session note", [&] {
        Transaction transaction(m_database);
        soci::session& session = m_database.Session();
        RequireStaff(session, amendment.amended_by);
        const std::string amended_at = UtcTimestamp(m_clock());
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
        long long amended_by = amendment.amended_by;
        std::string section(core::ToCode(amendment.section));
        long long amendment_id = 0;
        {
            soci::statement statement =
                (session.prepare << "INSERT INTO session_note_amendments (note_id, amended_at, "
                                    "amended_by, reason, section, text) VALUES (:note_id, "
                                    ":amended_at, :amended_by, :reason, :section, :text) "
                                    "RETURNING id",
                 soci::use(note_id, "note_id"), soci::use(amended_at, "amended_at"),
                 soci::use(amended_by, "amended_by"), soci::use(amendment.reason, "reason"),
                 soci::use(section, "section"), soci::use(amendment.text, "text"),
                 soci::into(amendment_id));
            statement.execute(true);
        }
        transaction.Commit();
        amendment.id = amendment_id;
        amendment.amended_at = amended_at;
        return amendment;
    });
}

}  // namespace myodesk::db
