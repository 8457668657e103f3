// Row 1: writing a practice. MyoDesk's write path is db::WriteDemoPractice (what
// `myodesk-cli demo` and the app's demo practice use: core validation, one prepared statement
// per table reused for every row, a plan made through LoadPlanInputs + GeneratePlan +
// PlanRepository::Save for each runner with a race ahead, one transaction per 500 clients).
// The raw side writes the same rows (same generator, same seed) with sqlite3 prepared inserts
// in one transaction into a database made by MyoDesk's migrations (same schema and indexes),
// the plans generated from the runner's records in memory.
#include "bench.h"
#include "raw_sqlite.h"
#include "search_key.h"
#include "soci_session.h"

#include <myodesk/core/plan_json.h>
#include <myodesk/core/session_note.h>
#include <myodesk/core/staff.h>
#include <myodesk/db/clock.h>
#include <myodesk/db/demo_writer.h>
#include <myodesk/vocabulary/plan_sentences.h>

#include <fmt/format.h>
#include <soci/soci.h>

#include <filesystem>
#include <iostream>

namespace myodesk::bench {

namespace {

template <typename Enum>
std::optional<std::string_view> OptionalCode(const std::optional<Enum>& value) {
    return value ? std::optional<std::string_view>(core::ToCode(*value)) : std::nullopt;
}

std::optional<std::string> OptionalDate(const std::optional<core::Date>& date) {
    return date ? std::optional<std::string>(core::FormatIsoDate(*date)) : std::nullopt;
}

// The raw inserts: one statement per table, prepared once.
class RawPracticeWriter {
  public:
    explicit RawPracticeWriter(RawDb& db)
        : m_db(db),
          m_staff(db,
                  "INSERT INTO staff (name, sort_name, role, active, created_at) VALUES (?, ?, "
                  "?, ?, ?)"),
          m_setting(db, "INSERT INTO clinic_settings (key, value) VALUES (?, ?)"),
          m_client(db,
                   "INSERT INTO clients (given_name, family_name, preferred_name, date_of_birth, "
                   "phone, email, address, emergency_contact_name, emergency_contact_phone, "
                   "physician, referral_source, notes, archived, created_at, updated_at, version, "
                   "search_name, search_name_reversed, search_preferred, search_email, "
                   "search_phone) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                   "?, ?, ?)"),
          m_intake(db,
                   "INSERT INTO intakes (client_id, taken_on, pregnant, pregnancy_weeks, "
                   "allergies, goal_race_name, goal_race_date, goal_race_distance_km, goal, "
                   "units, runs_per_week, long_run_weekday, weekly_distance_km, "
                   "longest_run_30d_km, preference_pressure, preference_notes, "
                   "consent_accepted, consent_signed_name, consent_signed_on, created_at) VALUES "
                   "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
          m_condition(db,
                      "INSERT INTO intake_conditions (intake_id, position, code, region, "
                      "side, since) VALUES (?, ?, ?, ?, ?, ?)"),
          m_medication(db,
                       "INSERT INTO intake_medications (intake_id, position, name, "
                       "medication_class) VALUES (?, ?, ?, ?)"),
          m_event(db,
                  "INSERT INTO intake_health_events (intake_id, event_type, position, "
                  "event_date, region, side, kind, description) VALUES (?, ?, ?, ?, ?, ?, "
                  "?, ?)"),
          m_recent_run(db,
                       "INSERT INTO intake_recent_runs (intake_id, position, run_date, "
                       "distance_km, run_type) VALUES (?, ?, ?, ?, ?)"),
          m_soreness(db,
                     "INSERT INTO intake_soreness (intake_id, position, region, side, pain) "
                     "VALUES (?, ?, ?, ?, ?)"),
          m_avoid(db,
                  "INSERT INTO intake_avoid_regions (intake_id, position, region, side) "
                  "VALUES (?, ?, ?, ?)"),
          m_training(db,
                     "INSERT INTO training_entries (client_id, run_date, run_type, "
                     "distance_km) VALUES (?, ?, ?, ?)"),
          m_note(db,
                 "INSERT INTO session_notes (client_id, therapist_id, session_date, start_minute, "
                 "duration_min, position, subjective, objective, assessment, plan, created_at, "
                 "updated_at, version, signed_at, signed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
                 "?, ?, ?, ?, ?, ?)"),
          m_technique(db,
                      "INSERT INTO session_note_techniques (note_id, position, technique, "
                      "minutes) VALUES (?, ?, ?, ?)"),
          m_region(db,
                   "INSERT INTO session_note_regions (note_id, position, region, side, "
                   "pressure, pain_before, pain_after) VALUES (?, ?, ?, ?, ?, ?, ?)"),
          m_plan(db,
                 "INSERT INTO plans (client_id, generated_on, from_date, to_date, refer, "
                 "document, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
          m_plan_session(db,
                         "INSERT INTO plan_sessions (plan_id, position, session_date, phase, "
                         "status, appointment_id) VALUES (?, ?, ?, ?, ?, NULL)") {}

    std::int64_t AddStaff(const core::Staff& staff, const std::string& created_at) {
        m_staff.Bind(1, staff.name)
            .Bind(2, core::FoldForSearch(staff.name))
            .Bind(3, core::ToCode(staff.role))
            .Bind(4, staff.active ? 1 : 0)
            .Bind(5, created_at)
            .Run();
        return m_db.LastInsertId();
    }

    void AddSetting(std::string_view key, std::string_view value) {
        m_setting.Bind(1, key).Bind(2, value).Run();
    }

    std::int64_t AddClient(const core::Client& client) {
        const SearchKeys keys = KeysFor(client);
        m_client.Bind(1, client.given_name)
            .Bind(2, client.family_name)
            .Bind(3, client.preferred_name)
            .Bind(4, OptionalDate(client.date_of_birth))
            .Bind(5, client.phone)
            .Bind(6, client.email)
            .Bind(7, client.address)
            .Bind(8, client.emergency_contact_name)
            .Bind(9, client.emergency_contact_phone)
            .Bind(10, client.physician)
            .Bind(11, client.referral_source)
            .Bind(12, client.notes)
            .Bind(13, client.archived ? 1 : 0)
            .Bind(14, client.created_at)
            .Bind(15, client.updated_at)
            .Bind(16, client.version)
            .Bind(17, keys.name)
            .Bind(18, keys.name_reversed)
            .Bind(19, keys.preferred)
            .Bind(20, keys.email)
            .Bind(21, keys.phone)
            .Run();
        return m_db.LastInsertId();
    }

    void AddIntake(std::int64_t client_id, const core::Intake& intake) {
        const core::RunnerProfile& runner = intake.runner;
        m_intake.Bind(1, client_id)
            .Bind(2, core::FormatIsoDate(intake.taken_on))
            .Bind(3, intake.health.pregnant ? 1 : 0)
            .Bind(4, intake.health.pregnancy_weeks)
            .Bind(5, intake.health.allergies)
            .Bind(6, runner.goal_race.name)
            .Bind(7, OptionalDate(runner.goal_race.date))
            .Bind(8, runner.goal_race.distance_km)
            .Bind(9, OptionalCode(runner.goal))
            .Bind(10, core::ToCode(runner.units))
            .Bind(11, runner.runs_per_week)
            .Bind(12, OptionalCode(runner.long_run_weekday))
            .Bind(13, runner.weekly_distance_km)
            .Bind(14, runner.longest_run_30d_km)
            .Bind(15, OptionalCode(intake.preferences.pressure))
            .Bind(16, intake.preferences.notes)
            .Bind(17, intake.consent.accepted ? 1 : 0)
            .Bind(18, intake.consent.signed_name)
            .Bind(19, OptionalDate(intake.consent.signed_on))
            .Bind(20, intake.created_at)
            .Run();
        const std::int64_t id = m_db.LastInsertId();
        int position = 0;
        for (const auto& condition : intake.health.conditions) {
            m_condition.Bind(1, id)
                .Bind(2, position++)
                .Bind(3, core::ToCode(condition.code))
                .Bind(4, OptionalCode(condition.region))
                .Bind(5, OptionalCode(condition.side))
                .Bind(6, OptionalDate(condition.since))
                .Run();
        }
        position = 0;
        for (const auto& medication : intake.health.medications) {
            m_medication.Bind(1, id)
                .Bind(2, position++)
                .Bind(3, medication.name)
                .Bind(4, core::ToCode(medication.medication_class))
                .Run();
        }
        for (const auto& [type, events] : {std::pair{"surgery", &intake.health.surgeries},
                                           std::pair{"injury", &intake.health.injuries}}) {
            position = 0;
            for (const auto& event : *events) {
                m_event.Bind(1, id)
                    .Bind(2, std::string_view(type))
                    .Bind(3, position++)
                    .Bind(4, core::FormatIsoDate(event.date))
                    .Bind(5, OptionalCode(event.region))
                    .Bind(6, OptionalCode(event.side))
                    .Bind(7, event.kind)
                    .Bind(8, event.description)
                    .Run();
            }
        }
        position = 0;
        for (const auto& run : runner.recent_runs) {
            m_recent_run.Bind(1, id)
                .Bind(2, position++)
                .Bind(3, core::FormatIsoDate(run.date))
                .Bind(4, run.distance_km)
                .Bind(5, core::ToCode(run.type))
                .Run();
        }
        position = 0;
        for (const auto& sore : intake.soreness) {
            m_soreness.Bind(1, id)
                .Bind(2, position++)
                .Bind(3, core::ToCode(sore.region))
                .Bind(4, core::ToCode(sore.side))
                .Bind(5, sore.pain)
                .Run();
        }
        position = 0;
        for (const auto& area : intake.avoid_regions) {
            m_avoid.Bind(1, id)
                .Bind(2, position++)
                .Bind(3, core::ToCode(area.region))
                .Bind(4, core::ToCode(area.side))
                .Run();
        }
    }

    void AddTraining(std::int64_t client_id, const std::vector<core::TrainingEntry>& entries) {
        for (const auto& entry : entries) {
            m_training.Bind(1, client_id)
                .Bind(2, core::FormatIsoDate(entry.date))
                .Bind(3, core::ToCode(entry.type))
                .Bind(4, entry.distance_km)
                .Run();
        }
    }

    // therapist_id and signed_by are places in `therapists`, counted from 1.
    void AddNote(std::int64_t client_id, const core::SessionNote& note,
                 const std::vector<std::int64_t>& therapists) {
        const auto staff = [&](core::StaffId place) {
            return therapists.at(static_cast<std::size_t>(place - 1));
        };
        m_note.Bind(1, client_id)
            .Bind(2, staff(note.therapist_id))
            .Bind(3, core::FormatIsoDate(note.date))
            .Bind(4, note.start_minute)
            .Bind(5, note.duration_min)
            .Bind(6, OptionalCode(note.position))
            .Bind(7, note.subjective)
            .Bind(8, note.objective)
            .Bind(9, note.assessment)
            .Bind(10, note.plan)
            .Bind(11, note.created_at)
            .Bind(12, note.updated_at)
            .Bind(13, note.version)
            .Bind(14, core::IsSigned(note) ? std::optional<std::string_view>(note.signed_at)
                                           : std::nullopt)
            .Bind(15, note.signed_by ? std::optional<std::int64_t>(staff(*note.signed_by))
                                     : std::nullopt)
            .Run();
        const std::int64_t id = m_db.LastInsertId();
        int position = 0;
        for (const auto& use : note.techniques) {
            m_technique.Bind(1, id)
                .Bind(2, position++)
                .Bind(3, core::ToCode(use.technique))
                .Bind(4, use.minutes)
                .Run();
        }
        position = 0;
        for (const auto& work : note.regions) {
            m_region.Bind(1, id)
                .Bind(2, position++)
                .Bind(3, core::ToCode(work.region))
                .Bind(4, core::ToCode(work.side))
                .Bind(5, work.pressure)
                .Bind(6, work.pain_before)
                .Bind(7, work.pain_after)
                .Run();
        }
    }

    void AddPlan(const core::Plan& plan, const std::string& created_at) {
        m_plan.Bind(1, static_cast<std::int64_t>(plan.client_id))
            .Bind(2, core::FormatIsoDate(plan.generated_on))
            .Bind(3, core::FormatIsoDate(plan.from))
            .Bind(4, core::FormatIsoDate(plan.to))
            .Bind(5, plan.refer ? 1 : 0)
            .Bind(6, vocabulary::PlanDocument(plan).dump())
            .Bind(7, created_at)
            .Run();
        const std::int64_t id = m_db.LastInsertId();
        int position = 0;
        for (const auto& planned : plan.sessions) {
            m_plan_session.Bind(1, id)
                .Bind(2, position++)
                .Bind(3, core::FormatIsoDate(planned.date))
                .Bind(4, core::ToCode(planned.phase))
                .Bind(5, core::ToCode(planned.status))
                .Run();
        }
    }

  private:
    RawDb& m_db;
    RawStmt m_staff, m_setting, m_client, m_intake, m_condition, m_medication, m_event,
        m_recent_run, m_soreness, m_avoid, m_training, m_note, m_technique, m_region, m_plan,
        m_plan_session;
};

std::string RateText(const WriteResult& result, double generation) {
    return fmt::format("{} rows/s ({})",
                       FormatCount(static_cast<std::int64_t>(result.RowsPerSecond(generation))),
                       FormatDuration(result.seconds));
}

}  // namespace

WriteResult WritePracticeRaw(const std::string& path, const core::DemoOptions& options) {
    {
        db::Database database = db::OpenDatabase(path);  // MyoDesk's schema, empty
    }
    RawDb raw(path);
    const core::Date today = options.today;
    // Plans are stamped as WriteDemoPractice stamps them.
    const std::string stamp = db::UtcTimestamp(std::chrono::sys_days{today} +
                                               std::chrono::hours{7} + std::chrono::minutes{30});
    WriteResult result;
    result.seconds = TimeSeconds([&] {
        raw.Exec("BEGIN");
        RawPracticeWriter writer(raw);
        core::DemoPracticeGenerator generator(options);
        std::vector<std::int64_t> therapists;
        for (const core::Staff& therapist : generator.Therapists()) {
            therapists.push_back(writer.AddStaff(therapist, stamp));
        }
        writer.AddSetting("clinic.name", "Run Well Clinic (demo practice)");
        core::DemoClient client;
        while (generator.Next(client)) {
            const std::int64_t id = writer.AddClient(client.client);
            for (const core::Intake& intake : client.intakes) {
                writer.AddIntake(id, intake);
            }
            writer.AddTraining(id, client.training);
            for (const core::SessionNote& note : client.notes) {
                writer.AddNote(id, note, therapists);
            }
            if (client.race_ahead) {
                writer.AddPlan(core::GeneratePlan(PlanInputsFor(client, id, today, std::nullopt)),
                               stamp);
            }
        }
        raw.Exec("COMMIT");
    });
    db::Database database = db::OpenDatabase(path);
    result.rows = CountRows(database);
    return result;
}

WriteResult WritePracticeWithMyoDesk(db::Database& database, const core::DemoOptions& options) {
    WriteResult result;
    result.seconds = TimeSeconds([&] { db::WriteDemoPractice(database, options); });
    result.rows = CountRows(database);
    return result;
}

void RunPracticeWrite(BenchContext& context) {
    const BenchOptions& options = context.options;
    const int clients = Scaled(kPracticeClients, options.scale, 20);
    const core::DemoOptions demo = PracticeOptions(context, clients);
    context.practice_clients = clients;
    context.practice_path = options.work_dir + "/practice.sqlite";
    const std::string raw_path = options.work_dir + "/practice-raw.sqlite";
    // A new practice: what an earlier run with this --work-dir left is made again.
    for (const auto& entry : std::filesystem::directory_iterator(options.work_dir)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with("practice") || name.starts_with("million-clients")) {
            std::filesystem::remove(entry.path());
        }
    }

    std::cout << fmt::format("writing a practice of {} clients with MyoDesk\n",
                             FormatCount(clients))
              << std::flush;
    WriteResult myodesk;
    std::int64_t notes = 0;
    {
        db::Database database = db::OpenDatabase(context.practice_path);
        myodesk = WritePracticeWithMyoDesk(database, demo);
        db::SociSession(database) << "SELECT COUNT(*) FROM session_notes", soci::into(notes);
    }
    std::cout << fmt::format("  {} rows in {}\n", FormatCount(myodesk.rows),
                             FormatDuration(myodesk.seconds))
              << "writing the same practice with raw SQLite\n"
              << std::flush;
    const WriteResult raw = WritePracticeRaw(raw_path, demo);
    std::cout << fmt::format("  {} rows in {}\n", FormatCount(raw.rows),
                             FormatDuration(raw.seconds))
              << std::flush;
    if (!options.keep) {
        for (const char* suffix : {"", "-wal", "-shm"}) {
            std::filesystem::remove(raw_path + suffix);
        }
    }

    // The generator's own time is the same on both sides: the rates are of the writing alone.
    const double generation = context.generation_seconds;
    const double myodesk_rate = myodesk.RowsPerSecond(generation);
    const double raw_rate = raw.RowsPerSecond(generation);
    std::string note = fmt::format(
        "Rows of all tables (clients, intakes and their lists, training days, notes with their "
        "techniques and regions, plans and their sessions). Generating the practice in memory "
        "(core::DemoPracticeGenerator, {}) is the same on both sides and subtracted from both "
        "times before dividing; the times shown include it.",
        FormatDuration(generation));
    if (myodesk.rows != raw.rows) {
        note += fmt::format(" The raw side wrote {} rows, MyoDesk {}: the figures are per row.",
                            FormatCount(raw.rows), FormatCount(myodesk.rows));
    }
    context.practice_write_rows_per_second = myodesk_rate;
    const double ratio = raw_rate / myodesk_rate;
    context.table.Add(
        {fmt::format("Write a practice: {} clients, {} session notes ({} rows)",
                     FormatCount(clients), FormatCount(notes), FormatCount(myodesk.rows)),
         RateText(myodesk, generation), RateText(raw, generation), FormatRatio(ratio),
         "≥ ½ raw rows/s (ratio ≤ 2x)", Check(ratio <= 2.0), note});
}

}  // namespace myodesk::bench
