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
#include <myodesk/db/clinic_settings_repository.h>
#include <myodesk/db/demo_writer.h>
#include <myodesk/db/plan_repository.h>

#include <fmt/format.h>
#include <soci/soci.h>

#include <algorithm>
#include <array>
#include <chrono>
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

    void Add(Row row) {
        m_rows[m_count++] = std::move(row);
        if (m_count == kRowsPerInsert) {
            Flush();
        }
    }

    // Writes the rows gathered so far.
    void Flush() {
        if (m_count > 0) {
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
        : m_staff(session),
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
        return m_client.Execute();
    }

    void AddIntake(core::ClientId client, const core::Intake& intake, const core::Date& today) {
        ThrowIfInvalid(core::ValidateIntake(intake, today));
        core::Intake stored = intake;
        stored.client_id = client;
        m_intake_row = IntakeRow::From(stored);
        const long long id = m_intake.Execute();
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
    void AddNote(core::ClientId client, const core::SessionNote& note,
                 const std::vector<core::StaffId>& therapists, const core::Date& today) {
        ThrowIfInvalid(core::ValidateSessionNote(note, today));
        const auto staff = [&](core::StaffId place) {
            return therapists.at(static_cast<std::size_t>(place - 1));
        };
        m_note_row = NoteRow::From(note);
        m_note_row.client_id = client;
        m_note_row.therapist_id = staff(note.therapist_id);
        m_note_row.signed_by.Set(note.signed_by ? std::optional<long long>(staff(*note.signed_by))
                                                : std::nullopt);
        const long long id = m_note.Execute();
        NoteListRows lists = NoteListRows::From(id, note);
        AddAll(m_techniques, lists.techniques);
        AddAll(m_regions, lists.regions);
    }

    // Writes the rows gathered for the batched inserts: before anything reads them, and before
    // the transaction commits.
    void Flush() {
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
    template <typename Row>
    static void AddAll(BatchInsert<Row>& batch, std::vector<Row>& rows) {
        for (Row& row : rows) {
            batch.Add(std::move(row));
        }
    }

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
                    rows.AddNote(id, note, therapists, today);
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
                }
                if (progress && !progress(counts)) {
                    throw DemoCancelledError("The demo practice was cancelled.");
                }
            }
            rows.Flush();
            transaction.Commit();
        }
        return counts;
    });
}

}  // namespace myodesk::db
