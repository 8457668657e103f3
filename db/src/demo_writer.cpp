#include "client_row.h"
#include "guard.h"
#include "intake_row.h"
#include "plan_inputs.h"
#include "row_binding.h"
#include "session_note_rows.h"
#include "soci_session.h"
#include "staff_row.h"
#include "training_row.h"

#include <myodesk/core/client_validation.h>
#include <myodesk/core/intake_validation.h>
#include <myodesk/core/plan.h>
#include <myodesk/core/text.h>
#include <myodesk/db/appointment_repository.h>
#include <myodesk/db/clinic_resource_repository.h>
#include <myodesk/db/clinic_settings_repository.h>
#include <myodesk/db/demo_writer.h>
#include <myodesk/db/hours_repository.h>
#include <myodesk/db/plan_repository.h>
#include <myodesk/db/session_clash.h>

#include <fmt/format.h>
#include <soci/soci.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace myodesk::db {

namespace {

void ThrowIfInvalid(core::ValidationProblems problems) {
    if (!problems.empty()) {
        throw ValidationError(std::move(problems));
    }
}

// A statement prepared once: its values are bound by name to the variables given before
// Prepare(), and read from them at each Execute().
class Prepared {
  public:
    explicit Prepared(soci::session& session) : m_statement(session) {}

    template <typename T>
    Prepared& Use(const std::string& name, T& value) {
        detail::Use(m_statement, name.c_str(), value);
        return *this;
    }

    // For an INSERT ... RETURNING id.
    Prepared& ReturningId() {
        m_statement.exchange(soci::into(m_id));
        m_returns = true;
        return *this;
    }

    void Prepare(const std::string& sql) {
        m_statement.alloc();
        m_statement.prepare(sql);
        m_statement.define_and_bind();
    }

    // Runs the statement once with the variables' current values; returns the new id for an
    // INSERT ... RETURNING. Reading on to the end finishes the statement, so SQLite can commit
    // while it stays prepared for the next row.
    long long Execute() {
        m_statement.execute(true);
        if (m_returns) {
            m_statement.fetch();
        }
        return m_id;
    }

  private:
    soci::statement m_statement;
    long long m_id = 0;
    bool m_returns = false;
};

// A row struct's INSERT with one bind per column (its VisitColumns), returning the new id.
template <typename Row>
void PrepareInsert(Prepared& statement, std::string_view table, Row& row) {
    VisitColumns(row, [&](const char* name, auto& field) { statement.Use(name, field); });
    statement.ReturningId().Prepare(detail::InsertSql<Row>(table) + " RETURNING id");
}

// Rows of one table that need no id back, gathered and written up to kRowsPerInsert at a time
// by one multi-row INSERT: one round trip to a PostgreSQL server (and one SQLite statement)
// instead of one per row. Each row count's statement is prepared the first time it is needed
// and reused after. The row's VisitColumns names its columns.
template <typename Row>
class BatchInsert {
  public:
    static constexpr std::size_t kRowsPerInsert = 64;

    BatchInsert(soci::session& session, std::string_view table)
        : m_session(session), m_table(table), m_rows(kRowsPerInsert) {}

    // Rows this table's rows refer to that may still be gathered elsewhere: written first.
    void WriteFirst(std::function<void()> parents) { m_parents = std::move(parents); }

    void Add(Row row) {
        m_rows[m_count++] = std::move(row);
        if (m_count == kRowsPerInsert) {
            Flush();
        }
    }

    // Writes the rows gathered so far.
    void Flush() {
        if (m_count > 0) {
            if (m_parents) {
                m_parents();
            }
            StatementFor(m_count).Execute();
            m_count = 0;
        }
    }

  private:
    // The INSERT of the first `count` rows of m_rows.
    Prepared& StatementFor(std::size_t count) {
        std::unique_ptr<Prepared>& statement = m_statements[count - 1];
        if (!statement) {
            statement = std::make_unique<Prepared>(m_session);
            std::vector<std::string> tuples;
            for (std::size_t i = 0; i < count; ++i) {
                std::vector<std::string> binds;
                VisitColumns(m_rows[i], [&](const char* name, auto& field) {
                    const std::string bind = fmt::format("{}_{}", name, i);
                    statement->Use(bind, field);
                    binds.push_back(":" + bind);
                });
                tuples.push_back(fmt::format("({})", fmt::join(binds, ", ")));
            }
            statement->Prepare(fmt::format("INSERT INTO {} ({}) VALUES {}", m_table,
                                           fmt::join(detail::ColumnNames<Row>(), ", "),
                                           fmt::join(tuples, ", ")));
        }
        return *statement;
    }

    soci::session& m_session;
    std::string m_table;
    std::vector<Row> m_rows;  // bound to the statements: never resized
    std::size_t m_count = 0;
    std::array<std::unique_ptr<Prepared>, kRowsPerInsert> m_statements;
    std::function<void()> m_parents;
};

// A row written with an id taken beforehand (IdBlock), not one the INSERT returns.
template <typename Row>
struct Identified {
    long long id = 0;
    Row row;
};

template <typename Row, typename Visit>
void VisitColumns(Identified<Row>& identified, Visit&& visit) {
    visit("id", identified.id);
    VisitColumns(identified.row, visit);
}

// Ids of one table taken from its PostgreSQL sequence kIdsPerBlock at a time, in one round
// trip: the rows that need them are then written many to an INSERT.
class IdBlock {
  public:
    static constexpr int kIdsPerBlock = 256;

    IdBlock(soci::session& session, std::string_view table) : m_session(session), m_table(table) {}

    long long Next() {
        if (m_next == m_ids.size()) {
            m_ids.assign(kIdsPerBlock, 0);
            int count = kIdsPerBlock;
            m_session << "SELECT nextval(pg_get_serial_sequence(:table_name, 'id')) FROM "
                         "generate_series(1, :count)",
                soci::use(m_table, "table_name"), soci::use(count, "count"), soci::into(m_ids);
            m_next = 0;
        }
        return m_ids[m_next++];
    }

  private:
    soci::session& m_session;
    std::string m_table;
    std::vector<long long> m_ids;
    std::size_t m_next = 0;
};

using detail::AvoidRegionRow;
using detail::ClientRow;
using detail::ConditionRow;
using detail::HealthEventRow;
using detail::IntakeListRows;
using detail::IntakeRow;
using detail::MedicationRow;
using detail::NoteListRows;
using detail::NoteRow;
using detail::RecentRunRow;
using detail::RegionRow;
using detail::SorenessRow;
using detail::StaffRow;
using detail::TechniqueRow;
using detail::TrainingRow;

// Writes the demo practice's rows: one prepared INSERT ... RETURNING for each record whose id
// the rows after it need (staff, clients, intakes, notes), and batched multi-row INSERTs for
// the rest, all reused from row to row.
class DemoRowWriter {
  public:
    explicit DemoRowWriter(soci::session& session)
        : m_batch(session.get_backend_name() == "postgresql"),
          m_client_ids(session, "clients"),
          m_intake_ids(session, "intakes"),
          m_note_ids(session, "session_notes"),
          m_clients(session, "clients"),
          m_intakes(session, "intakes"),
          m_notes(session, "session_notes"),
          m_staff(session),
          m_client(session),
          m_intake(session),
          m_note(session),
          m_conditions(session, "intake_conditions"),
          m_medications(session, "intake_medications"),
          m_events(session, "intake_health_events"),
          m_recent_runs(session, "intake_recent_runs"),
          m_soreness(session, "intake_soreness"),
          m_avoid_regions(session, "intake_avoid_regions"),
          m_training(session, "training_entries"),
          m_techniques(session, "session_note_techniques"),
          m_regions(session, "session_note_regions") {
        PrepareInsert(m_staff, "staff", m_staff_row);
        PrepareInsert(m_client, "clients", m_client_row);
        PrepareInsert(m_intake, "intakes", m_intake_row);
        PrepareInsert(m_note, "session_notes", m_note_row);
        // A row's parents are written before it: the client before its intakes, training and
        // notes, an intake before its lists, a note before its techniques and regions.
        const auto clients = [this] { m_clients.Flush(); };
        const auto intakes = [this] { m_intakes.Flush(); };
        const auto notes = [this] { m_notes.Flush(); };
        m_intakes.WriteFirst(clients);
        m_notes.WriteFirst(clients);
        m_training.WriteFirst(clients);
        m_conditions.WriteFirst(intakes);
        m_medications.WriteFirst(intakes);
        m_events.WriteFirst(intakes);
        m_recent_runs.WriteFirst(intakes);
        m_soreness.WriteFirst(intakes);
        m_avoid_regions.WriteFirst(intakes);
        m_techniques.WriteFirst(notes);
        m_regions.WriteFirst(notes);
    }

    core::StaffId AddTherapist(const core::Staff& staff, const std::string& created_at) {
        ThrowIfInvalid(core::ValidateStaff(staff));
        m_staff_row = StaffRow::From(staff);
        m_staff_row.created_at = created_at;
        return m_staff.Execute();
    }

    core::ClientId AddClient(const core::Client& client, const core::Date& today) {
        ThrowIfInvalid(core::ValidateClient(client, today));
        m_client_row = ClientRow::From(client);
        return Write(m_client_row, m_client_ids, m_clients, m_client);
    }

    void AddIntake(core::ClientId client, const core::Intake& intake, const core::Date& today) {
        ThrowIfInvalid(core::ValidateIntake(intake, today));
        core::Intake stored = intake;
        stored.client_id = client;
        m_intake_row = IntakeRow::From(stored);
        const long long id = Write(m_intake_row, m_intake_ids, m_intakes, m_intake);
        IntakeListRows lists = IntakeListRows::From(id, intake);
        AddAll(m_conditions, lists.conditions);
        AddAll(m_medications, lists.medications);
        AddAll(m_events, lists.health_events);
        AddAll(m_recent_runs, lists.recent_runs);
        AddAll(m_soreness, lists.soreness);
        AddAll(m_avoid_regions, lists.avoid_regions);
    }

    void AddTraining(core::ClientId client, const std::vector<core::TrainingEntry>& entries) {
        ThrowIfInvalid(core::ValidateTrainingEntries(entries));
        for (const auto& entry : entries) {
            m_training.Add(TrainingRow::From(client, entry));
        }
    }

    // The note's therapist_id and signed_by are places in `therapists` counted from 1.
    core::SessionNoteId AddNote(core::ClientId client, const core::SessionNote& note,
                                const std::vector<core::StaffId>& therapists,
                                const core::Date& today) {
        ThrowIfInvalid(core::ValidateSessionNote(note, today));
        const auto staff = [&](core::StaffId place) {
            return therapists.at(static_cast<std::size_t>(place - 1));
        };
        m_note_row = NoteRow::From(note);
        m_note_row.client_id = client;
        m_note_row.therapist_id = staff(note.therapist_id);
        m_note_row.signed_by.Set(note.signed_by ? std::optional<long long>(staff(*note.signed_by))
                                                : std::nullopt);
        m_note_row.content_hash.Set(std::nullopt);
        if (core::IsSigned(note)) {
            core::SessionNote as_stored = note;  // as a read will see it
            as_stored.client_id = client;
            as_stored.therapist_id = m_note_row.therapist_id;
            as_stored.signed_by = m_note_row.signed_by.Get();
            m_note_row.content_hash.Set(detail::NoteContentHash(as_stored));
        }
        const long long id = Write(m_note_row, m_note_ids, m_notes, m_note);
        NoteListRows lists = NoteListRows::From(id, note);
        AddAll(m_techniques, lists.techniques);
        AddAll(m_regions, lists.regions);
        return id;
    }

    // Writes the rows gathered for the batched inserts: before anything reads them, and before
    // the transaction commits.
    void Flush() {
        m_clients.Flush();
        m_intakes.Flush();
        m_notes.Flush();
        m_conditions.Flush();
        m_medications.Flush();
        m_events.Flush();
        m_recent_runs.Flush();
        m_soreness.Flush();
        m_avoid_regions.Flush();
        m_training.Flush();
        m_techniques.Flush();
        m_regions.Flush();
    }

  private:
    // The row bound to `single`: on PostgreSQL gathered into `batch` with an id from `ids`,
    // else inserted now; its id either way.
    template <typename Row>
    long long Write(const Row& row, IdBlock& ids, BatchInsert<Identified<Row>>& batch,
                    Prepared& single) {
        if (!m_batch) {
            return single.Execute();
        }
        const long long id = ids.Next();
        batch.Add({id, row});
        return id;
    }

    template <typename Row>
    static void AddAll(BatchInsert<Row>& batch, std::vector<Row>& rows) {
        for (Row& row : rows) {
            batch.Add(std::move(row));
        }
    }

    // PostgreSQL: clients, intakes and notes are written many to an INSERT, with ids taken
    // from their sequences in blocks (a round trip per row was most of the time on a server).
    bool m_batch;
    IdBlock m_client_ids;
    IdBlock m_intake_ids;
    IdBlock m_note_ids;
    BatchInsert<Identified<ClientRow>> m_clients;
    BatchInsert<Identified<IntakeRow>> m_intakes;
    BatchInsert<Identified<NoteRow>> m_notes;
    // The rows the single-row statements are bound to.
    StaffRow m_staff_row;
    ClientRow m_client_row;
    IntakeRow m_intake_row;
    NoteRow m_note_row;

    Prepared m_staff;
    Prepared m_client;
    Prepared m_intake;
    Prepared m_note;
    BatchInsert<ConditionRow> m_conditions;
    BatchInsert<MedicationRow> m_medications;
    BatchInsert<HealthEventRow> m_events;
    BatchInsert<RecentRunRow> m_recent_runs;
    BatchInsert<SorenessRow> m_soreness;
    BatchInsert<AvoidRegionRow> m_avoid_regions;
    BatchInsert<TrainingRow> m_training;
    BatchInsert<TechniqueRow> m_techniques;
    BatchInsert<RegionRow> m_regions;
};

constexpr std::string_view kDemoClinicName = "Run Well Clinic (demo practice)";

// The appointment book of the demo practice: the clinic open Monday to Saturday while the
// generator books sessions (07:00-21:00), each therapist off on their day off, three rooms
// (one each for the first three therapists, whose own sessions never overlap) and the
// services the sessions' lengths match.
class DemoBookWriter {
  public:
    static constexpr int kRecentDays = 28;  // the sessions of the last four weeks are booked

    DemoBookWriter(Database& database, const core::Date& today, Clock clock)
        : m_database(database), m_today(today), m_appointments(database, std::move(clock)) {}

    void SetUp(const core::DemoPracticeGenerator& generator,
               const std::vector<core::StaffId>& therapists) {
        HoursRepository hours(m_database);
        const std::vector<core::TimeRange> open{
            {core::DemoPracticeGenerator::kFirstMinute, core::DemoPracticeGenerator::kLastMinute}};
        for (int day = 0; day < 7; ++day) {
            hours.SetDay(std::nullopt, static_cast<core::Weekday>(day),
                         day == 6 ? std::vector<core::TimeRange>{} : open);
        }
        for (std::size_t i = 0; i < therapists.size(); ++i) {
            hours.SetDay(therapists[i], static_cast<core::Weekday>(generator.DayOff(i)),
                         std::vector<core::TimeRange>{});
            m_days_off.push_back(generator.DayOff(i));
        }
        ClinicResourceRepository resources(m_database);
        for (const char* name : {"Room 1", "Room 2", "Studio"}) {
            core::Room room{0, name, 0, true};
            m_rooms.push_back(resources.AddRoom(room));
        }
        for (const auto& [name, minutes] :
             {std::pair{"Sports massage 30", 30}, std::pair{"Sports massage 45", 45},
              std::pair{"Sports massage 60", 60}, std::pair{"Sports massage 90", 90}}) {
            core::Service service{0, name, minutes, true};
            m_services.emplace_back(minutes, resources.AddService(service));
        }
        m_therapists = therapists;
    }

    // The booking a recent note was written for, completed, and linked to it; now and then a
    // late cancellation the week before, or a no-show where the diary was free.
    // Whether the note's session is recent enough to be in the book.
    bool Books(const core::SessionNote& note) const {
        return core::DaysBetween(note.date, m_today) <= kRecentDays;
    }

    void AddForNote(core::SessionNoteId note_id, const core::SessionNote& note,
                    core::ClientId client) {
        if (!Books(note)) {
            return;
        }
        if (m_regulars.size() < kWeeklyRegulars &&
            std::none_of(m_regulars.begin(), m_regulars.end(),
                         [&](const auto& regular) { return regular.first == client; })) {
            m_regulars.emplace_back(client, static_cast<std::size_t>(note.therapist_id - 1));
        }
        core::Appointment appointment = From(note, client);
        appointment.status = core::AppointmentStatus::kCompleted;
        appointment.status_changed_at = StampAt(note.date, note.start_minute + note.duration_min);
        m_appointments.Book(appointment, note.date);
        long long note_row = note_id;
        long long appointment_id = appointment.id;
        SociSession(m_database)
            << "UPDATE session_notes SET appointment_id = :appointment WHERE id = :note",
            soci::use(appointment_id, "appointment"), soci::use(note_row, "note");
        ++m_count;
        ++m_recent;
        if (m_recent % 11 == 0) {
            core::Appointment missed = From(note, client);
            missed.date = core::AddDays(note.date, -7);
            missed.status = m_recent % 22 == 0 ? core::AppointmentStatus::kLateCancelled
                                               : core::AppointmentStatus::kNoShow;
            if (missed.status == core::AppointmentStatus::kLateCancelled) {
                missed.cancel_reason = m_recent % 3 == 0 ? "Work trip" : "Feeling unwell";
            }
            missed.status_changed_at = StampAt(missed.date, note.start_minute);
            m_missed.push_back(std::move(missed));  // booked once every note is in
        }
    }

    // The missed visits, once every session is in the diaries: only where the therapist, the
    // client and the room were free.
    void AddMissedVisits() {
        for (core::Appointment& missed : m_missed) {
            if (IsFree(missed)) {
                m_appointments.Book(missed, missed.date);
                ++m_count;
            }
        }
    }

    // A weekly series for a regular or two seen recently: twelve weeks with their usual
    // therapist from next week, on a working day and at a time free on every one of them.
    void AddWeeklySeries() {
        for (const auto& [client, place] : m_regulars) {
            core::AppointmentSeries series;
            series.pattern.client_id = client;
            series.pattern.therapist_id = m_therapists.at(place);
            series.pattern.duration_min = 60;
            series.pattern.service_id = ServiceFor(60);
            series.rule.count = kSeriesWeeks;
            core::Date first = core::AddDays(m_today, 7);
            while (core::IsoWeekdayIndex(first) == 6 ||
                   core::IsoWeekdayIndex(first) == m_days_off.at(place)) {
                first = core::AddDays(first, 1);
            }
            series.pattern.date = first;
            for (int hour = 7; hour < 20; ++hour) {
                series.pattern.start_minute = hour * 60;
                if (IsFreeEveryWeek(series)) {
                    m_appointments.BookSeries(series, m_today);
                    ++m_count;  // the first is stored; the others are the series' rule
                    break;
                }
            }
        }
    }

    // The first planned session of a new plan, booked with the client's usual therapist.
    void BookFromPlan(PlanRepository& plans, const core::Plan& plan, core::StaffId therapist) {
        for (std::size_t index = 0; index < plan.sessions.size(); ++index) {
            if (plan.sessions[index].date <= m_today) {
                continue;
            }
            // A time in the morning or the evening, spread over the clients, until one is free.
            for (int attempt = 0; attempt < 4; ++attempt) {
                core::Appointment appointment;
                appointment.therapist_id = therapist;
                appointment.start_minute =
                    8 * 60 + static_cast<int>((plan.client_id * 3 + attempt * 5) % 12) * 60;
                appointment.duration_min = plan.sessions[index].duration_min;
                appointment.service_id = ServiceFor(appointment.duration_min);
                appointment.client_id = plan.client_id;
                appointment.date = plan.sessions[index].date;
                if (IsFree(appointment)) {
                    plans.Accept(plan.id, static_cast<int>(index), appointment, m_today);
                    ++m_count;
                    return;
                }
            }
            return;
        }
    }

    std::int64_t Count() const { return m_count; }

  private:
    static constexpr std::size_t kWeeklyRegulars = 2;
    static constexpr int kSeriesWeeks = 12;

    bool IsFreeEveryWeek(const core::AppointmentSeries& series) {
        for (const core::Date& day :
             core::OccurrencesBetween(series.pattern.date, series.rule, series.pattern.date,
                                      core::AddDays(series.pattern.date, 7 * kSeriesWeeks))) {
            if (!IsFree(core::OccurrenceOf(series, day))) {
                return false;
            }
        }
        return true;
    }

    static std::string StampAt(const core::Date& date, int minute) {
        return UtcTimestamp(std::chrono::sys_days{date} + std::chrono::minutes{minute});
    }

    // Whether nothing clashes with the appointment, read first: a refused booking would spoil
    // the demo's transaction.
    bool IsFree(const core::Appointment& appointment) {
        core::SessionSlot wanted;
        wanted.kind = core::SessionKind::kAppointment;
        wanted.date = appointment.date;
        wanted.start_minute = appointment.start_minute;
        wanted.duration_min = appointment.duration_min;
        wanted.therapist_id = appointment.therapist_id;
        wanted.client_id = appointment.client_id;
        wanted.room_id = appointment.room_id;
        const auto day =
            SessionsOnDay(m_database, appointment.date,
                          {appointment.therapist_id, appointment.client_id, appointment.room_id});
        return std::none_of(day.begin(), day.end(), [&](const BookedSession& other) {
            return core::Clashes(wanted, other.slot);
        });
    }

    core::Appointment From(const core::SessionNote& note, core::ClientId client) const {
        core::Appointment appointment;
        appointment.client_id = client;
        // The note's therapist is a place in the list counted from 1 (DemoRowWriter::AddNote).
        const auto place = static_cast<std::size_t>(note.therapist_id - 1);
        appointment.therapist_id = m_therapists.at(place);
        appointment.date = note.date;
        appointment.start_minute = note.start_minute;
        appointment.duration_min = note.duration_min;
        if (place < m_rooms.size()) {
            appointment.room_id = m_rooms[place];
        }
        appointment.service_id = ServiceFor(note.duration_min);
        return appointment;
    }

    std::optional<core::ServiceId> ServiceFor(int minutes) const {
        for (const auto& [length, id] : m_services) {
            if (length == minutes) {
                return id;
            }
        }
        return std::nullopt;
    }

    Database& m_database;
    core::Date m_today;
    AppointmentRepository m_appointments;
    std::vector<core::StaffId> m_therapists;
    std::vector<core::RoomId> m_rooms;
    std::vector<std::pair<int, core::ServiceId>> m_services;
    std::vector<core::Appointment> m_missed;
    std::vector<int> m_days_off;  // each therapist's weekday off (0: Monday)
    std::vector<std::pair<core::ClientId, std::size_t>> m_regulars;
    std::int64_t m_count = 0;
    std::int64_t m_recent = 0;
};

std::int64_t CountClients(soci::session& session) {
    long long clients = 0;
    session << "SELECT COUNT(*) FROM clients", soci::into(clients);
    return clients;
}

}  // namespace

DemoPracticeCounts WriteDemoPractice(Database& database, const core::DemoOptions& options,
                                     const DemoProgress& progress,
                                     const DemoWriteOptions& write_options) {
    const core::Date today = options.today;
    // Plans are stamped as made early on `today`, so the same options write the same rows.
    const TimePoint made_at =
        std::chrono::sys_days{today} + std::chrono::hours{7} + std::chrono::minutes{30};
    const std::string stamp = UtcTimestamp(made_at);
    const auto plan_clock = [made_at] { return made_at; };
    const int per_transaction = std::max(write_options.clients_per_transaction, 1);

    return Guard("write the demo practice", [&] {
        soci::session& session = SociSession(database);
        core::DemoPracticeGenerator generator(options);
        DemoRowWriter rows(session);
        PlanRepository plans(database, plan_clock);
        DemoPracticeCounts counts;
        DemoBookWriter book(database, today, plan_clock);
        std::vector<core::StaffId> therapists;
        core::DemoClient client;
        bool first_batch = true;
        bool more = true;
        while (more) {
            Transaction transaction(database);
            if (first_batch) {
                first_batch = false;
                // A second run at the same time waits here, then finds clients and is refused.
                if (const auto lock = database.GetDialect().lock_demo_practice; !lock.empty()) {
                    session << std::string(lock);
                }
                if (const auto existing = CountClients(session); existing > 0) {
                    throw DatabaseNotEmptyError(fmt::format(
                        "{} already holds {} {}; a demo practice is only written into an empty "
                        "database, so real data is never mixed with it.",
                        database.Location(), existing, existing == 1 ? "client" : "clients"));
                }
                for (const core::Staff& therapist : generator.Therapists()) {
                    therapists.push_back(rows.AddTherapist(therapist, stamp));
                }
                counts.therapists = static_cast<std::int64_t>(therapists.size());
                book.SetUp(generator, therapists);
                ClinicSettingsRepository settings(database);
                if (core::Trim(settings.LoadClinicDetails().name).empty()) {
                    settings.Set("clinic.name", kDemoClinicName);
                }
            }
            for (int written = 0; written < per_transaction; ++written) {
                more = generator.Next(client);
                if (!more) {
                    break;
                }
                const core::ClientId id = rows.AddClient(client.client, today);
                for (const core::Intake& intake : client.intakes) {
                    rows.AddIntake(id, intake, today);
                }
                rows.AddTraining(id, client.training);
                for (const core::SessionNote& note : client.notes) {
                    const core::SessionNoteId note_id = rows.AddNote(id, note, therapists, today);
                    if (book.Books(note)) {
                        rows.Flush();  // the booking checks the notes and changes this one
                    }
                    book.AddForNote(note_id, note, id);
                }
                ++counts.clients;
                counts.intakes += static_cast<std::int64_t>(client.intakes.size());
                counts.training_entries += static_cast<std::int64_t>(client.training.size());
                counts.notes += static_cast<std::int64_t>(client.notes.size());
                if (client.race_ahead) {
                    rows.Flush();  // the plan reads the calendar and the notes' regions
                    core::Plan plan = core::GeneratePlan(LoadPlanInputs(database, id, today));
                    plans.Save(plan);
                    ++counts.plans;
                    if (!client.notes.empty()) {
                        const auto place =
                            static_cast<std::size_t>(client.notes.back().therapist_id - 1);
                        book.BookFromPlan(plans, plan, therapists.at(place));
                    }
                }
                if (progress && !progress(counts)) {
                    throw DemoCancelledError("The demo practice was cancelled.");
                }
            }
            rows.Flush();
            transaction.Commit();
        }
        {
            Transaction transaction(database);
            book.AddMissedVisits();
            book.AddWeeklySeries();
            transaction.Commit();
        }
        counts.appointments = book.Count();
        return counts;
    });
}

}  // namespace myodesk::db
