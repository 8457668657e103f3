// Row 5: the printable reports, as `myodesk-cli report client` and `report clinic` make them:
// - a client's progress report with 200 sessions (LoadClientReportInputs, BuildClientReport,
//   ClientReportDocument, RenderPdf into memory), in the practice with 1,000,000 notes;
// - the clinic summary of a year that holds 100,000 sessions (LoadClinicSummary,
//   ClinicSummaryDocument, RenderPdf into memory), in a practice sized so that its last year
//   holds that many.
// Rendering has no raw counterpart; the raw column is what reading the same rows with the same
// SQL through the C API costs, beside MyoDesk's reading alone.
#include "bench.h"
#include "intake_lists_sql.h"
#include "raw_sqlite.h"
#include "soci_session.h"

#include <myodesk/core/plan.h>
#include <myodesk/db/client_repository.h>
#include <myodesk/db/intake_repository.h>
#include <myodesk/db/plan_repository.h>
#include <myodesk/db/session_note_repository.h>
#include <myodesk/db/staff_repository.h>
#include <myodesk/db/training_repository.h>
#include <myodesk/reports/client_report.h>
#include <myodesk/reports/clinic_summary.h>
#include <myodesk/reports/pdf_renderer.h>
#include <myodesk/reports/report_locale.h>
#include <myodesk/services/plan_service.h>
#include <myodesk/services/report_loader.h>

#include <fmt/format.h>
#include <soci/soci.h>

#include <filesystem>
#include <iostream>
#include <sstream>

namespace myodesk::bench {

namespace {

// Summary practice: clients whose last year of history holds about 100,000 sessions (a generated
// client has about 7.7 sessions in the last of two years).
constexpr int kSummaryPracticeClients = 13'000;

// A runner with a goal race, their intake, calendar and plan, and 200 signed session notes (one
// every third day back from yesterday, with a therapist of their own so none overlaps).
core::ClientId AddReportClient(db::Database& database, const BenchContext& context, int sessions) {
    const core::Date today = context.options.today;
    core::DemoOptions options;
    options.clients = 60;
    options.seed = context.options.seed + 99;
    options.today = today;
    core::DemoPracticeGenerator generator(options);
    core::DemoClient runner;
    core::DemoClient chosen;
    std::vector<core::SessionNote> templates;
    while (generator.Next(runner)) {
        templates.insert(templates.end(), runner.notes.begin(), runner.notes.end());
        if (!chosen.race_ahead && runner.race_ahead && !runner.intakes.empty()) {
            chosen = runner;
        }
    }
    if (!chosen.race_ahead) {
        chosen = runner;
    }
    core::Staff therapist;
    therapist.name = "Report Benchmark Therapist";
    therapist.role = core::StaffRole::kTherapist;
    const core::StaffId therapist_id = db::StaffRepository(database).Add(therapist);

    core::Client client = chosen.client;
    client.id = 0;
    const core::ClientId id = db::ClientRepository(database).Add(client);
    for (core::Intake intake : chosen.intakes) {
        intake.client_id = id;
        db::IntakeRepository(database).Add(intake);
    }
    db::TrainingRepository(database).Import(id, chosen.training);

    db::Transaction transaction(database);
    db::SessionNoteRepository notes(database);
    for (int i = 0; i < sessions; ++i) {
        core::SessionNote note = templates.at(static_cast<std::size_t>(i) % templates.size());
        note.id = 0;
        note.client_id = id;
        note.therapist_id = therapist_id;
        note.date = core::AddDays(today, -1 - 3 * (sessions - 1 - i));
        note.start_minute = 9 * 60;
        note.signed_at.clear();
        note.signed_by.reset();
        note.amendments.clear();
        notes.Add(note);
        notes.Sign(note.id, therapist_id);
    }
    transaction.Commit();
    services::Context on_today(database, services::Clock::FixedOn(today));
    core::Plan plan = core::GeneratePlan(services::PlanService(on_today).LoadInputs(id));
    db::PlanRepository(database).Save(plan);
    return id;
}

// Reads what LoadClientReportInputs reads, with its SQL (the note lists 500 ids per query).
void RawClientReportRows(RawDb& db, std::int64_t client) {
    const auto read = [&](std::string_view sql, auto&&... binds) {
        RawStmt statement(db, sql);
        [[maybe_unused]] int index = 0;
        (statement.Bind(++index, binds), ...);
        return statement.ReadRows();
    };
    read(
        "SELECT id, given_name, family_name, preferred_name, date_of_birth, phone, email, "
        "address, emergency_contact_name, emergency_contact_phone, physician, referral_source, "
        "notes, archived, created_at, updated_at, version FROM clients WHERE id = :id",
        client);
    std::int64_t intake = 0;
    {
        RawStmt statement(db,
                          "SELECT id FROM intakes WHERE client_id = :client_id ORDER BY "
                          "taken_on DESC, id DESC LIMIT 1");
        statement.Bind(1, client);
        intake = statement.Step() ? statement.Int64(0) : 0;
    }
    read("SELECT * FROM intakes WHERE id = :id", intake);
    // The six lists in one statement, as IntakeRepository reads them (the id bound six times).
    read(db::detail::IntakeListsSql(), intake, intake, intake, intake, intake, intake);
    read("SELECT key, value FROM clinic_settings");  // the screening settings
    std::int64_t plan = 0;
    {
        RawStmt statement(db,
                          "SELECT id FROM plans WHERE client_id = :client_id ORDER BY id DESC "
                          "LIMIT 1");
        statement.Bind(1, client);
        plan = statement.Step() ? statement.Int64(0) : 0;
    }
    read(
        "SELECT client_id, generated_on, from_date, to_date, refer, document, created_at FROM "
        "plans WHERE id = :id",
        plan);
    read(
        "SELECT position, session_date, status, appointment_id FROM plan_sessions WHERE plan_id "
        "= :plan_id ORDER BY position",
        plan);
    std::vector<std::int64_t> ids;
    {
        RawStmt statement(db,
                          "SELECT id, client_id, therapist_id, session_date, start_minute, "
                          "duration_min, position, subjective, objective, assessment, plan, "
                          "updated_at, created_at, version, signed_at, signed_by FROM "
                          "session_notes WHERE client_id = :client_id ORDER BY session_date, "
                          "start_minute, id");
        statement.Bind(1, client);
        std::vector<std::string> text;
        while (statement.Step()) {
            ids.push_back(statement.Int64(0));
            for (int column : {3, 7, 8, 9, 10, 11, 12, 14}) {
                text.emplace_back(statement.Text(column));
            }
        }
    }
    for (std::size_t first = 0; first < ids.size(); first += 500) {
        const std::size_t count = std::min<std::size_t>(500, ids.size() - first);
        std::string in_list;
        for (std::size_t i = 0; i < count; ++i) {
            in_list += fmt::format("{}:n{}", i == 0 ? "" : ", ", i);
        }
        for (const char* sql :
             {"SELECT note_id, technique, minutes FROM session_note_techniques WHERE note_id IN "
              "({}) ORDER BY note_id, position",
              "SELECT note_id, region, side, pressure, pain_before, pain_after FROM "
              "session_note_regions WHERE note_id IN ({}) ORDER BY note_id, position",
              "SELECT note_id, id, amended_at, amended_by, reason, section, text FROM "
              "session_note_amendments WHERE note_id IN ({}) ORDER BY note_id, id"}) {
            RawStmt statement(db, fmt::format(fmt::runtime(sql), in_list));
            for (std::size_t i = 0; i < count; ++i) {
                statement.Bind(static_cast<int>(i + 1), ids[first + i]);
            }
            statement.ReadRows();
        }
    }
    read("SELECT id, name, role, active FROM staff ORDER BY sort_name, id");
    read("SELECT key, value FROM clinic_settings");  // the clinic details
}

// Reads what LoadClinicSummary reads, with its SQL: the count; the period 500 notes at a time,
// each chunk after the last note of the one before (keyset paging on session_notes_by_date),
// with their techniques and regions read through the same range of the index, three
// statements prepared once; each client's last date in the lapse window (`first_day` to
// `last_day`), the clients' first sessions, the planned sessions ahead, each listed client
// (`listed`: the names LoadClinicSummary read), the staff and the clinic details.
void RawClinicSummaryRows(RawDb& db, const std::string& first_day, const std::string& last_day,
                          const std::string& from, const std::string& to, const std::string& today,
                          const std::string& four_weeks, const std::vector<std::int64_t>& listed) {
    {
        RawStmt statement(db,
                          "SELECT COUNT(*) FROM session_notes WHERE session_date >= :from_date "
                          "AND session_date <= :to_date");
        statement.Bind(1, from).Bind(2, to);
        statement.ReadRows();
    }
    {
        constexpr std::int64_t kChunk = 500;
        RawStmt notes(db,
                      "SELECT id, client_id, therapist_id, session_date, start_minute, "
                      "duration_min, position, subjective, objective, assessment, plan, "
                      "updated_at, created_at, version, signed_at, signed_by FROM session_notes "
                      "WHERE (session_date, start_minute, id) > (:after_date, :after_minute, "
                      ":after_id) AND session_date <= :to_date ORDER BY session_date, "
                      "start_minute, id LIMIT :chunk_size");
        constexpr std::string_view kRange =
            "(n.session_date, n.start_minute, n.id) > (:after_date, :after_minute, :after_id) AND "
            "(n.session_date, n.start_minute, n.id) <= (:last_date, :last_minute, :last_id)";
        RawStmt techniques(
            db, fmt::format("SELECT t.note_id, t.technique, t.minutes FROM session_notes n JOIN "
                            "session_note_techniques t ON t.note_id = n.id WHERE {} ORDER BY "
                            "n.session_date, n.start_minute, n.id, t.position",
                            kRange));
        RawStmt regions(
            db, fmt::format("SELECT r.note_id, r.region, r.side, r.pressure, r.pain_before, "
                            "r.pain_after FROM session_notes n JOIN session_note_regions r ON "
                            "r.note_id = n.id WHERE {} ORDER BY n.session_date, n.start_minute, "
                            "n.id, r.position",
                            kRange));
        std::string after_date = from;
        std::int64_t after_minute = -1;
        std::int64_t after_id = 0;
        std::vector<std::string> text;
        for (;;) {
            notes.Reset();
            notes.Bind(1, after_date)
                .Bind(2, after_minute)
                .Bind(3, after_id)
                .Bind(4, to)
                .Bind(5, kChunk);
            std::size_t rows = 0;
            std::string last_date;
            std::int64_t last_minute = 0;
            std::int64_t last_id = 0;
            text.clear();
            while (notes.Step()) {
                ++rows;
                last_id = notes.Int64(0);
                last_date = notes.Text(3);
                last_minute = notes.Int64(4);
                for (int column : {3, 6, 7, 8, 9, 10, 11, 12, 14}) {
                    text.emplace_back(notes.Text(column));
                }
            }
            if (rows == 0) {
                break;
            }
            for (RawStmt* lists : {&techniques, &regions}) {
                lists->Reset();
                lists->Bind(1, after_date).Bind(2, after_minute).Bind(3, after_id);
                lists->Bind(4, last_date).Bind(5, last_minute).Bind(6, last_id);
                lists->ReadRows();
            }
            after_date = last_date;
            after_minute = last_minute;
            after_id = last_id;
        }
    }
    {
        RawStmt statement(db,
                          "SELECT client_id, MAX(session_date) FROM session_notes WHERE "
                          "session_date >= :from_date AND session_date <= :to_date GROUP BY "
                          "client_id ORDER BY client_id");
        statement.Bind(1, first_day).Bind(2, last_day);
        statement.ReadRows();
    }
    {
        RawStmt statement(db,
                          "SELECT client_id FROM session_notes GROUP BY client_id HAVING "
                          "MIN(session_date) >= :from_date AND MIN(session_date) <= :to_date "
                          "ORDER BY client_id");
        statement.Bind(1, from).Bind(2, to);
        statement.ReadRows();
    }
    {
        RawStmt statement(db,
                          "SELECT p.client_id, s.plan_id, s.position, s.session_date, s.status "
                          "FROM plan_sessions s JOIN plans p ON p.id = s.plan_id WHERE "
                          "s.session_date >= :from_date AND s.session_date <= :to_date AND "
                          "s.status IN ('planned', 'booked') AND p.id = (SELECT MAX(q.id) FROM "
                          "plans q WHERE q.client_id = p.client_id) ORDER BY s.session_date, "
                          "p.client_id, s.position");
        statement.Bind(1, today).Bind(2, four_weeks);
        statement.ReadRows();
    }
    for (const std::int64_t client : listed) {  // ClientRepository::Get, one statement each
        RawStmt statement(db,
                          "SELECT id, given_name, family_name, preferred_name, date_of_birth, "
                          "phone, email, address, emergency_contact_name, "
                          "emergency_contact_phone, physician, referral_source, notes, archived, "
                          "created_at, updated_at, version FROM clients WHERE id = :id");
        statement.Bind(1, client);
        statement.ReadRows();
    }
    RawStmt(db, "SELECT id, name, role, active FROM staff ORDER BY sort_name, id").ReadRows();
    RawStmt(db, "SELECT key, value FROM clinic_settings").ReadRows();
}

int ReportRounds(const BenchOptions& options, int minimum) {
    return std::max(minimum, options.repetitions / 10);
}

void ClientReport(BenchContext& context) {
    const core::Date today = context.options.today;
    const int sessions = Scaled(kReportSessions, std::max(context.options.scale, 0.05), 10);
    db::Database database = db::OpenDatabase(context.practice_path);
    const core::ClientId client = AddReportClient(database, context, sessions);
    long long notes = 0;
    db::SociSession(database) << "SELECT COUNT(*) FROM session_notes", soci::into(notes);
    const int rounds = ReportRounds(context.options, 5);
    std::cout << fmt::format("client report with {} sessions × {}\n", sessions, rounds)
              << std::flush;

    Samples total, load;
    std::size_t bytes = 0;
    int pages = 0;
    for (int round = -2; round < rounds; ++round) {  // two rounds of warm-up
        const auto start = BenchClock::now();
        const reports::ClientReportInputs inputs =
            services::LoadClientReportInputs(database, client, today);
        const auto loaded = BenchClock::now();
        const reports::ClientReport report = reports::BuildClientReport(inputs);
        reports::ReportLocale locale;
        locale.units = report.units;
        const reports::Document document = reports::ClientReportDocument(report, locale);
        std::ostringstream pdf;
        pages = reports::RenderPdf(document, reports::PdfOptions{}, pdf);
        const auto done = BenchClock::now();
        bytes = pdf.str().size();
        if (round >= 0) {
            total.Add(Seconds(start, done));
            load.Add(Seconds(start, loaded));
        }
    }
    RawDb raw(context.practice_path);
    Samples raw_load;
    for (int round = -2; round < rounds; ++round) {
        const double seconds = TimeSeconds([&] { RawClientReportRows(raw, client); });
        if (round >= 0) {
            raw_load.Add(seconds);
        }
    }
    std::cout << fmt::format("  {} pages, {} KB of PDF\n", pages, bytes / 1024) << std::flush;
    const bool full_size = sessions >= kReportSessions;
    context.table.Add(
        {fmt::format("Client report PDF, {} sessions, {} notes in the database: load, build, "
                     "render ({} pages; p95 of {})",
                     sessions, FormatCount(notes), pages, total.Count()),
         FormatDuration(total.P95()), "—", "—",
         full_size ? "< 200 ms" : "< 200 ms (at 200 sessions)", Check(total.P95() < 0.2), ""});
    context.table.Add({"… of which reading its rows (LoadClientReportInputs; raw: the same SQL)",
                       FormatDuration(load.P95()), FormatDuration(raw_load.P95()),
                       FormatRatio(load.P95() / raw_load.P95()), "—", Verdict::kInfo, ""});
}

void ClinicSummary(BenchContext& context) {
    const core::Date today = context.options.today;
    const std::string path = context.options.work_dir + "/summary-practice.sqlite";
    // Made once, then reused by later runs in a kept work dir (as the 1,000,000-client file).
    if (!std::filesystem::exists(path)) {
        const int clients = Scaled(kSummaryPracticeClients, context.options.scale, 20);
        std::cout << fmt::format("clinic summary: a practice of {} clients (raw writer)\n",
                                 FormatCount(clients))
                  << std::flush;
        WritePracticeRaw(path, PracticeOptions(context, clients));
    }

    reports::ClinicSummaryPeriod period;
    period.from = core::AddDays(today, -365);
    period.to = core::AddDays(today, -1);
    period.today = today;
    db::Database database = db::OpenDatabase(path);
    long long sessions = 0;
    {
        const std::string from = core::FormatIsoDate(period.from);
        const std::string to = core::FormatIsoDate(period.to);
        db::SociSession(database)
            << "SELECT COUNT(*) FROM session_notes WHERE session_date >= :f AND "
               "session_date <= :t",
            soci::use(from), soci::use(to), soci::into(sessions);
    }
    // A few seconds each at full size: the worst of two (no warm-up: the practice was just
    // written, or read by the run that kept it, so it is in the page cache).
    const int rounds = context.options.repetitions >= 100 ? 2 : 1;
    std::cout << fmt::format("  {} sessions in the year; summary × {}\n", FormatCount(sessions),
                             rounds)
              << std::flush;
    Samples total, load;
    int pages = 0;
    std::vector<std::int64_t> listed;  // the clients whose names the summary read
    for (int round = 0; round < rounds; ++round) {
        const auto start = BenchClock::now();
        const services::LoadedClinicSummary loaded = services::LoadClinicSummary(database, period);
        const auto read = BenchClock::now();
        listed.clear();
        for (const auto& [id, name] : loaded.names.clients) {
            listed.push_back(id);
        }
        const reports::Document document = reports::ClinicSummaryDocument(
            loaded.summary, loaded.names, loaded.clinic, reports::ReportLocale{});
        std::ostringstream pdf;
        pages = reports::RenderPdf(document, reports::PdfOptions{}, pdf);
        const auto done = BenchClock::now();
        total.Add(Seconds(start, done));
        load.Add(Seconds(start, read));
    }
    RawDb raw(path);
    Samples raw_load;
    const std::string first_day =
        core::FormatIsoDate(core::AddDays(period.from, -period.lapse_window_days));
    const std::string last_day = core::FormatIsoDate(core::AddDays(period.from, -1));
    for (int round = 0; round < rounds; ++round) {
        raw_load.Add(TimeSeconds([&] {
            RawClinicSummaryRows(raw, first_day, last_day, core::FormatIsoDate(period.from),
                                 core::FormatIsoDate(period.to), core::FormatIsoDate(today),
                                 core::FormatIsoDate(core::AddDays(today, 27)), listed);
        }));
    }
    context.table.Add(
        {fmt::format("Clinic summary PDF, one year of {} sessions: load, build, render ({} pages; "
                     "worst of {})",
                     FormatCount(sessions), pages, total.Count()),
         FormatDuration(total.Max()), "—", "—", "< 2 s (for 100,000 sessions)",
         Check(total.Max() < 2.0), ""});
    context.table.Add({"… of which reading its rows (LoadClinicSummary; raw: the same SQL)",
                       FormatDuration(load.Max()), FormatDuration(raw_load.Max()),
                       FormatRatio(load.Max() / raw_load.Max()), "—", Verdict::kInfo, ""});
    if (!context.options.keep) {
        for (const char* suffix : {"", "-wal", "-shm"}) {
            std::filesystem::remove(path + suffix);
        }
    }
}

}  // namespace

void RunReports(BenchContext& context) {
    ClientReport(context);
    ClinicSummary(context);
}

}  // namespace myodesk::bench
