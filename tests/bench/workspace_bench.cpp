// Row 3: opening a client's workspace, as MainFrame::OpenClient does it: ClientWorkspacePanel
// (the client, the newest intake and its flags, the intake versions), SessionsPanel (the note
// count and the first page of 50 summaries) and PlanPanel through PlanController::Reload (the
// newest intake's units, the plan settings, the current plan with its appointments, the training
// calendar). The Reports tab is not read until it is chosen. The raw side runs the same SQL
// statements through the C API (and does not parse the plan's JSON document).
#include "bench.h"
#include "intake_lists_sql.h"
#include "raw_sqlite.h"
#include "soci_session.h"

#include <myodesk/core/screening.h>
#include <myodesk/db/client_repository.h>
#include <myodesk/db/clinic_settings_repository.h>
#include <myodesk/db/intake_repository.h>
#include <myodesk/db/plan_repository.h>
#include <myodesk/db/session_note_repository.h>
#include <myodesk/db/training_repository.h>

#include <fmt/format.h>
#include <soci/soci.h>

#include <iostream>

namespace myodesk::bench {

namespace {

constexpr std::int64_t kNotesPageSize = 50;  // SessionListModel::kDefaultPageSize

std::size_t Sink(std::size_t value) {
    static volatile std::size_t sink = 0;
    sink = sink + value;
    return value;
}

// The newest intake: its id, its row, its six lists (IntakeRepository::Newest).
void RawNewestIntake(RawDb& db, std::int64_t client) {
    std::int64_t intake = 0;
    {
        RawStmt statement(db,
                          "SELECT id FROM intakes WHERE client_id = :client_id ORDER BY "
                          "taken_on DESC, id DESC LIMIT 1");
        statement.Bind(1, client);
        if (!statement.Step()) {
            return;
        }
        intake = statement.Int64(0);
    }
    {
        RawStmt statement(db,
                          "SELECT id, client_id, taken_on, pregnant, pregnancy_weeks, allergies, "
                          "goal_race_name, goal_race_date, goal_race_distance_km, goal, units, "
                          "runs_per_week, long_run_weekday, weekly_distance_km, "
                          "longest_run_30d_km, preference_pressure, preference_notes, "
                          "consent_accepted, consent_signed_name, consent_signed_on, created_at "
                          "FROM intakes WHERE id = :id");
        statement.Bind(1, intake);
        Sink(statement.ReadRows());
    }
    // Its six lists in one statement, as IntakeRepository reads them.
    RawStmt lists(db, db::detail::IntakeListsSql());
    for (int i = 1; i <= 6; ++i) {
        lists.Bind(i, intake);
    }
    Sink(lists.ReadRows());
}

// ClinicSettingsRepository::LoadScreening / LoadPlan: every setting in one read.
void RawSettings(RawDb& db) {
    RawStmt statement(db, "SELECT key, value FROM clinic_settings");
    Sink(statement.ReadRows());
}

void RawOpenWorkspace(RawDb& db, std::int64_t client) {
    // ClientWorkspacePanel::ShowClient
    {
        RawStmt statement(db,
                          "SELECT id, given_name, family_name, preferred_name, date_of_birth, "
                          "phone, email, address, emergency_contact_name, "
                          "emergency_contact_phone, physician, referral_source, notes, "
                          "archived, created_at, updated_at, version FROM clients WHERE id = "
                          ":id");
        statement.Bind(1, client);
        Sink(statement.ReadRows());
    }
    RawNewestIntake(db, client);
    RawSettings(db);
    {
        RawStmt statement(db,
                          "SELECT id, taken_on, created_at FROM intakes WHERE client_id = "
                          ":client_id ORDER BY taken_on DESC, id DESC");
        statement.Bind(1, client);
        Sink(statement.ReadRows());
    }
    // SessionsPanel::ShowClient
    {
        RawStmt statement(db, "SELECT COUNT(*) FROM session_notes WHERE client_id = :client_id");
        statement.Bind(1, client);
        Sink(statement.ReadRows());
    }
    std::vector<std::int64_t> ids;
    {
        RawStmt statement(
            db,
            "SELECT n.id, n.client_id, n.session_date, n.start_minute, n.duration_min, "
            "n.therapist_id, s.name, CASE WHEN n.signed_at IS NULL THEN 0 ELSE 1 END, (SELECT "
            "COUNT(*) FROM session_note_amendments a WHERE a.note_id = n.id) FROM session_notes n "
            "JOIN staff s ON s.id = n.therapist_id WHERE n.client_id = :client_id ORDER BY "
            "n.session_date DESC, n.start_minute DESC, n.id DESC LIMIT :page_limit OFFSET "
            ":page_offset");
        statement.Bind(1, client).Bind(2, kNotesPageSize).Bind(3, std::int64_t{0});
        std::vector<std::string> text;
        while (statement.Step()) {
            ids.push_back(statement.Int64(0));
            text.emplace_back(statement.Text(2));
            text.emplace_back(statement.Text(6));
        }
        Sink(text.size());
    }
    if (!ids.empty()) {
        std::string in_list;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            in_list += fmt::format("{}:n{}", i == 0 ? "" : ", ", i);
        }
        for (const char* sql : {"SELECT note_id, technique FROM session_note_techniques WHERE "
                                "note_id IN ({}) ORDER BY note_id, position",
                                "SELECT note_id, region, side FROM session_note_regions WHERE "
                                "note_id IN ({}) ORDER BY note_id, position"}) {
            RawStmt statement(db, fmt::format(fmt::runtime(sql), in_list));
            for (std::size_t i = 0; i < ids.size(); ++i) {
                statement.Bind(static_cast<int>(i + 1), ids[i]);
            }
            Sink(statement.ReadRows());
        }
    }
    // PlanController::Reload
    {
        RawStmt statement(db,
                          "SELECT units FROM intakes WHERE client_id = :client_id ORDER BY "
                          "taken_on DESC, id DESC LIMIT 1");
        statement.Bind(1, client);
        Sink(statement.ReadRows());
    }
    RawSettings(db);
    std::int64_t plan = 0;
    {
        RawStmt statement(db,
                          "SELECT id FROM plans WHERE client_id = :client_id ORDER BY id DESC "
                          "LIMIT 1");
        statement.Bind(1, client);
        if (statement.Step()) {
            plan = statement.Int64(0);
        }
    }
    if (plan != 0) {
        std::string from_date;
        {
            RawStmt statement(db,
                              "SELECT client_id, generated_on, from_date, to_date, refer, "
                              "document, created_at FROM plans WHERE id = :id");
            statement.Bind(1, plan);
            if (statement.Step()) {
                from_date = statement.Text(2);
                Sink(std::string(statement.Text(5)).size());
            }
        }
        {
            RawStmt statement(db,
                              "SELECT position, session_date, status, appointment_id FROM "
                              "plan_sessions WHERE plan_id = :plan_id ORDER BY position");
            statement.Bind(1, plan);
            Sink(statement.ReadRows());
        }
        RawStmt statement(db,
                          "SELECT id, client_id, therapist_id, session_date, start_minute, "
                          "duration_min, plan_id, plan_session, created_at FROM appointments "
                          "WHERE client_id = :client_id AND session_date >= :from_date ORDER "
                          "BY session_date, start_minute, id");
        statement.Bind(1, client).Bind(2, from_date);
        Sink(statement.ReadRows());
    }
    RawStmt statement(db,
                      "SELECT run_date, run_type, distance_km FROM training_entries WHERE "
                      "client_id = :client_id AND run_date >= :from_date AND run_date <= "
                      ":to_date ORDER BY run_date");
    statement.Bind(1, client)
        .Bind(2, std::string_view("0000-00-00"))
        .Bind(3, std::string_view("9999-99-99"));
    Sink(statement.ReadRows());
}

Samples MeasureRawWorkspace(RawDb& db, const std::vector<core::ClientId>& clients) {
    for (std::size_t i = 0; i < clients.size() && i < 20; ++i) {
        RawOpenWorkspace(db, clients[i]);  // warm-up
    }
    Samples samples;
    for (const core::ClientId client : clients) {
        samples.Add(TimeSeconds([&] { RawOpenWorkspace(db, client); }));
    }
    return samples;
}

}  // namespace

void OpenWorkspace(db::Database& database, core::ClientId client, const core::Date& today) {
    db::ClientRepository clients(database);
    db::IntakeRepository intakes(database);
    db::ClinicSettingsRepository settings(database);
    db::SessionNoteRepository notes(database);
    db::PlanRepository plans(database);
    db::TrainingRepository training(database);
    // ClientWorkspacePanel::ShowClient
    const std::optional<core::Client> found = clients.Get(client);
    const std::optional<core::Intake> newest = intakes.Newest(client);
    std::size_t flags = 0;
    if (newest) {
        flags = core::ScreenContraindications(*newest, today, settings.LoadScreening()).size();
    }
    const std::vector<db::IntakeVersion> versions = intakes.History(client);
    // SessionsPanel::ShowClient: the count, then the first page the list paints.
    const std::int64_t count = notes.CountForClient(client);
    const std::vector<db::SessionNoteSummary> page =
        count > 0 ? notes.ListForClient(client, 0, kNotesPageSize)
                  : std::vector<db::SessionNoteSummary>{};
    // PlanPanel::ShowClient -> PlanController::Reload
    const std::optional<core::DistanceUnit> plan_units = intakes.NewestUnits(client);
    const core::PlanSettings plan_settings = settings.LoadPlan();
    const std::optional<core::Plan> plan = plans.Current(client);
    const std::vector<core::Appointment> appointments =
        plan ? plans.Appointments(client, plan->from) : std::vector<core::Appointment>{};
    const std::vector<core::TrainingEntry> entries = training.List(client);
    Sink(static_cast<std::size_t>(found.has_value()) + flags + versions.size() + page.size() +
         static_cast<std::size_t>(plan_units.has_value()) +
         static_cast<std::size_t>(plan_settings.taper_weeks) + appointments.size() +
         entries.size());
}

Samples MeasureWorkspace(db::Database& database, const std::vector<core::ClientId>& clients,
                         const core::Date& today) {
    for (std::size_t i = 0; i < clients.size() && i < 20; ++i) {
        OpenWorkspace(database, clients[i], today);  // warm-up
    }
    Samples samples;
    for (const core::ClientId client : clients) {
        samples.Add(TimeSeconds([&] { OpenWorkspace(database, client, today); }));
    }
    return samples;
}

void RunWorkspace(BenchContext& context) {
    db::Database database = db::OpenDatabase(context.practice_path);
    long long notes = 0;
    db::SociSession(database) << "SELECT COUNT(*) FROM session_notes", soci::into(notes);
    const std::vector<core::ClientId> clients =
        SampleIds(context.practice_clients, context.options.repetitions, context.options.seed + 1);
    std::cout << fmt::format("opening {} client workspaces ({} notes in the database)\n",
                             clients.size(), FormatCount(notes))
              << std::flush;
    const Samples myodesk = MeasureWorkspace(database, clients, context.options.today);
    RawDb raw(context.practice_path);
    const Samples raw_samples = MeasureRawWorkspace(raw, clients);
    const double p95 = myodesk.P95();
    context.table.Add(
        {fmt::format("Open a client workspace, {} notes in the database (p95 of {} clients)",
                     FormatCount(notes), myodesk.Count()),
         fmt::format("{} (p50 {})", FormatDuration(p95), FormatDuration(myodesk.P50())),
         fmt::format("{} (p50 {})", FormatDuration(raw_samples.P95()),
                     FormatDuration(raw_samples.P50())),
         FormatRatio(p95 / raw_samples.P95()), "p95 < 10 ms", Check(p95 < 10e-3), ""});
}

}  // namespace myodesk::bench
