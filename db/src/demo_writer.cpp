#include "client_search_keys.h"
#include "guard.h"
#include "intake_row.h"
#include "row_binding.h"

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

using detail::Code;
using detail::Nullable;
using detail::OptionalCode;
using detail::OptionalDate;

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
    const std::vector<std::string> names = detail::ColumnNames<Row>();
    statement.ReturningId().Prepare(fmt::format("INSERT INTO {} ({}) VALUES ({}) RETURNING id",
                                                table, fmt::join(names, ", "),
                                                detail::NamedBinds(names)));
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

// --- the rows --------------------------------------------------------------------------------

struct StaffRow {
    std::string name, sort_name, role;
    int active = 1;
    std::string created_at;
};

template <typename Visit>
void VisitColumns(StaffRow& row, Visit&& visit) {
    visit("name", row.name);
    visit("sort_name", row.sort_name);
    visit("role", row.role);
    visit("active", row.active);
    visit("created_at", row.created_at);
}

// With the search keys ClientRepository stores (client_search_keys.h).
struct ClientRow {
    std::string given_name, family_name, preferred_name;
    Nullable<std::string> date_of_birth;
    std::string phone, email, address, emergency_contact_name, emergency_contact_phone;
    std::string physician, referral_source, notes;
    int archived = 0;
    std::string created_at, updated_at;
    int version = 1;
    detail::SearchKeys keys;
};

template <typename Visit>
void VisitColumns(ClientRow& row, Visit&& visit) {
    visit("given_name", row.given_name);
    visit("family_name", row.family_name);
    visit("preferred_name", row.preferred_name);
    visit("date_of_birth", row.date_of_birth);
    visit("phone", row.phone);
    visit("email", row.email);
    visit("address", row.address);
    visit("emergency_contact_name", row.emergency_contact_name);
    visit("emergency_contact_phone", row.emergency_contact_phone);
    visit("physician", row.physician);
    visit("referral_source", row.referral_source);
    visit("notes", row.notes);
    visit("archived", row.archived);
    visit("created_at", row.created_at);
    visit("updated_at", row.updated_at);
    visit("version", row.version);
    visit("search_name", row.keys.name);
    visit("search_name_reversed", row.keys.name_reversed);
    visit("search_preferred", row.keys.preferred);
    visit("search_email", row.keys.email);
    visit("search_phone", row.keys.phone);
}

struct ConditionRow {
    long long intake_id = 0;
    int position = 0;
    std::string code;
    Nullable<std::string> region, side, since;
};

template <typename Visit>
void VisitColumns(ConditionRow& row, Visit&& visit) {
    visit("intake_id", row.intake_id);
    visit("position", row.position);
    visit("code", row.code);
    visit("region", row.region);
    visit("side", row.side);
    visit("since", row.since);
}

struct MedicationRow {
    long long intake_id = 0;
    int position = 0;
    std::string name, medication_class;
};

template <typename Visit>
void VisitColumns(MedicationRow& row, Visit&& visit) {
    visit("intake_id", row.intake_id);
    visit("position", row.position);
    visit("name", row.name);
    visit("medication_class", row.medication_class);
}

struct HealthEventRow {
    long long intake_id = 0;
    std::string event_type;
    int position = 0;
    std::string event_date;
    Nullable<std::string> region, side;
    std::string kind, description;
};

template <typename Visit>
void VisitColumns(HealthEventRow& row, Visit&& visit) {
    visit("intake_id", row.intake_id);
    visit("event_type", row.event_type);
    visit("position", row.position);
    visit("event_date", row.event_date);
    visit("region", row.region);
    visit("side", row.side);
    visit("kind", row.kind);
    visit("description", row.description);
}

struct RecentRunRow {
    long long intake_id = 0;
    int position = 0;
    std::string run_date;
    double distance_km = 0;
    std::string run_type;
};

template <typename Visit>
void VisitColumns(RecentRunRow& row, Visit&& visit) {
    visit("intake_id", row.intake_id);
    visit("position", row.position);
    visit("run_date", row.run_date);
    visit("distance_km", row.distance_km);
    visit("run_type", row.run_type);
}

struct SorenessRow {
    long long intake_id = 0;
    int position = 0;
    std::string region, side;
    int pain = 0;
};

template <typename Visit>
void VisitColumns(SorenessRow& row, Visit&& visit) {
    visit("intake_id", row.intake_id);
    visit("position", row.position);
    visit("region", row.region);
    visit("side", row.side);
    visit("pain", row.pain);
}

struct AvoidRegionRow {
    long long intake_id = 0;
    int position = 0;
    std::string region, side;
};

template <typename Visit>
void VisitColumns(AvoidRegionRow& row, Visit&& visit) {
    visit("intake_id", row.intake_id);
    visit("position", row.position);
    visit("region", row.region);
    visit("side", row.side);
}

struct TrainingRow {
    long long client_id = 0;
    std::string run_date, run_type;
    Nullable<double> distance_km;
};

template <typename Visit>
void VisitColumns(TrainingRow& row, Visit&& visit) {
    visit("client_id", row.client_id);
    visit("run_date", row.run_date);
    visit("run_type", row.run_type);
    visit("distance_km", row.distance_km);
}

struct NoteRow {
    long long client_id = 0, therapist_id = 0;
    std::string session_date;
    int start_minute = 0, duration_min = 0;
    Nullable<std::string> position;
    std::string subjective, objective, assessment, plan, created_at, updated_at;
    int version = 1;
    Nullable<std::string> signed_at;
    Nullable<long long> signed_by;
};

template <typename Visit>
void VisitColumns(NoteRow& row, Visit&& visit) {
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
    visit("created_at", row.created_at);
    visit("updated_at", row.updated_at);
    visit("version", row.version);
    visit("signed_at", row.signed_at);
    visit("signed_by", row.signed_by);
}

struct TechniqueRow {
    long long note_id = 0;
    int position = 0;
    std::string technique;
    int minutes = 0;
};

template <typename Visit>
void VisitColumns(TechniqueRow& row, Visit&& visit) {
    visit("note_id", row.note_id);
    visit("position", row.position);
    visit("technique", row.technique);
    visit("minutes", row.minutes);
}

struct RegionRow {
    long long note_id = 0;
    int position = 0;
    std::string region, side;
    int pressure = 0;
    Nullable<int> pain_before, pain_after;
};

template <typename Visit>
void VisitColumns(RegionRow& row, Visit&& visit) {
    visit("note_id", row.note_id);
    visit("position", row.position);
    visit("region", row.region);
    visit("side", row.side);
    visit("pressure", row.pressure);
    visit("pain_before", row.pain_before);
    visit("pain_after", row.pain_after);
}

template <typename T>
Nullable<T> NullableOf(const std::optional<T>& value) {
    Nullable<T> nullable;
    nullable.Set(value);
    return nullable;
}

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
        m_staff_row = {staff.name, core::FoldForSearch(staff.name), Code(staff.role),
                       staff.active ? 1 : 0, created_at};
        return m_staff.Execute();
    }

    core::ClientId AddClient(const core::Client& client, const core::Date& today) {
        ThrowIfInvalid(core::ValidateClient(client, today));
        m_client_row = {client.given_name,
                        client.family_name,
                        client.preferred_name,
                        NullableOf(OptionalDate(client.date_of_birth)),
                        client.phone,
                        client.email,
                        client.address,
                        client.emergency_contact_name,
                        client.emergency_contact_phone,
                        client.physician,
                        client.referral_source,
                        client.notes,
                        client.archived ? 1 : 0,
                        client.created_at,
                        client.updated_at,
                        client.version,
                        detail::KeysFor(client)};
        return m_client.Execute();
    }

    void AddIntake(core::ClientId client, const core::Intake& intake, const core::Date& today) {
        ThrowIfInvalid(core::ValidateIntake(intake, today));
        const core::Health& health = intake.health;
        const core::RunnerProfile& runner = intake.runner;
        core::Intake stored = intake;
        stored.client_id = client;
        m_intake_row = detail::IntakeRow::From(stored);
        const long long id = m_intake.Execute();

        int position = 0;
        for (const auto& condition : health.conditions) {
            m_conditions.Add({id, position++, Code(condition.code),
                              NullableOf(OptionalCode(condition.region)),
                              NullableOf(OptionalCode(condition.side)),
                              NullableOf(OptionalDate(condition.since))});
        }
        position = 0;
        for (const auto& medication : health.medications) {
            m_medications.Add({id, position++, medication.name, Code(medication.medication_class)});
        }
        for (const auto& [type, events] :
             {std::pair{"surgery", &health.surgeries}, std::pair{"injury", &health.injuries}}) {
            position = 0;
            for (const auto& event : *events) {
                m_events.Add({id, type, position++, core::FormatIsoDate(event.date),
                              NullableOf(OptionalCode(event.region)),
                              NullableOf(OptionalCode(event.side)), event.kind, event.description});
            }
        }
        position = 0;
        for (const auto& run : runner.recent_runs) {
            m_recent_runs.Add(
                {id, position++, core::FormatIsoDate(run.date), run.distance_km, Code(run.type)});
        }
        position = 0;
        for (const auto& sore : intake.soreness) {
            m_soreness.Add({id, position++, Code(sore.region), Code(sore.side), sore.pain});
        }
        position = 0;
        for (const auto& area : intake.avoid_regions) {
            m_avoid_regions.Add({id, position++, Code(area.region), Code(area.side)});
        }
    }

    void AddTraining(core::ClientId client, const std::vector<core::TrainingEntry>& entries) {
        ThrowIfInvalid(core::ValidateTrainingEntries(entries));
        for (const auto& entry : entries) {
            m_training.Add({client, core::FormatIsoDate(entry.date), Code(entry.type),
                            NullableOf(entry.distance_km)});
        }
    }

    // The note's therapist_id and signed_by are places in `therapists` counted from 1.
    void AddNote(core::ClientId client, const core::SessionNote& note,
                 const std::vector<core::StaffId>& therapists, const core::Date& today) {
        ThrowIfInvalid(core::ValidateSessionNote(note, today));
        const auto staff = [&](core::StaffId place) {
            return therapists.at(static_cast<std::size_t>(place - 1));
        };
        m_note_row = {
            client,
            staff(note.therapist_id),
            core::FormatIsoDate(note.date),
            note.start_minute,
            note.duration_min,
            NullableOf(note.position ? std::optional<std::string>(core::ToCode(*note.position))
                                     : std::nullopt),
            note.subjective,
            note.objective,
            note.assessment,
            note.plan,
            note.created_at,
            note.updated_at,
            note.version,
            NullableOf(core::IsSigned(note) ? std::optional<std::string>(note.signed_at)
                                            : std::nullopt),
            NullableOf(note.signed_by ? std::optional<long long>(staff(*note.signed_by))
                                      : std::nullopt)};
        const long long id = m_note.Execute();
        int position = 0;
        for (const auto& use : note.techniques) {
            m_techniques.Add({id, position++, Code(use.technique), use.minutes});
        }
        position = 0;
        for (const auto& work : note.regions) {
            m_regions.Add({id, position++, Code(work.region), Code(work.side), work.pressure,
                           NullableOf(work.pain_before), NullableOf(work.pain_after)});
        }
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
    // The rows the single-row statements are bound to.
    StaffRow m_staff_row;
    ClientRow m_client_row;
    detail::IntakeRow m_intake_row;
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
        soci::session& session = database.Session();
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
