#include "backend_connections.h"
#include "guard.h"
#include "migration_steps.h"
#include "soci_session.h"

#include <myodesk/db/clock.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/migrations.h>

#include <fmt/format.h>
#include <soci/soci.h>

#include <algorithm>
#include <filesystem>

namespace myodesk::db {

namespace {

// Version 1: client records. The search_* columns hold core::FoldForSearch keys, written by
// ClientRepository, so search as you type is a prefix range on an index in both backends.
void CreateClients(soci::session& session, const Dialect& dialect) {
    session << fmt::format(R"(
        CREATE TABLE clients (
            id {pk},
            given_name TEXT NOT NULL DEFAULT '',
            family_name TEXT NOT NULL DEFAULT '',
            preferred_name TEXT NOT NULL DEFAULT '',
            date_of_birth TEXT NULL,
            phone TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            address TEXT NOT NULL DEFAULT '',
            emergency_contact_name TEXT NOT NULL DEFAULT '',
            emergency_contact_phone TEXT NOT NULL DEFAULT '',
            physician TEXT NOT NULL DEFAULT '',
            referral_source TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            search_name {bytes} NOT NULL DEFAULT '',
            search_name_reversed {bytes} NOT NULL DEFAULT '',
            search_preferred {bytes} NOT NULL DEFAULT '',
            search_email {bytes} NOT NULL DEFAULT '',
            search_phone {bytes} NOT NULL DEFAULT ''
        ))",
                           fmt::arg("pk", dialect.id_primary_key),
                           fmt::arg("bytes", dialect.byte_ordered_text));
    // The list is ordered by family name, then given name; archived clients are kept apart.
    session << "CREATE INDEX clients_by_name ON clients (archived, search_name_reversed, id)";
    session << "CREATE INDEX clients_by_given_name ON clients (search_name)";
    session << "CREATE INDEX clients_by_preferred_name ON clients (search_preferred)";
    session << "CREATE INDEX clients_by_email ON clients (search_email)";
    session << "CREATE INDEX clients_by_phone ON clients (search_phone)";
}

// Version 2: intake questionnaires and clinic settings. An intake is one row in `intakes`
// (its scalar answers) and its lists in child tables, each row with its place in the list
// (`position`) so lists read back in the order they were given. Codes are stored as their
// snake_case text codes. CHECK constraints cover the small closed sets (side, units, goal,
// weekday, pressure, yes/no, pain 0-10); the open lists that will grow (regions, conditions,
// medication classes, run types) are left unchecked, because widening a CHECK in SQLite means
// rebuilding the table: the repository refuses an unknown stored code when reading instead.
// Surgeries and injuries share `intake_health_events`: the same columns, one read for both.
// The code lists below are frozen with this step; a new code is a new step.
void CreateIntakes(soci::session& session, const Dialect& dialect) {
    constexpr std::string_view kSides = "'left', 'right', 'bilateral', 'midline'";
    session << fmt::format(R"(
        CREATE TABLE intakes (
            id {pk},
            client_id BIGINT NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
            taken_on TEXT NOT NULL,
            pregnant INTEGER NOT NULL DEFAULT 0 CHECK (pregnant IN (0, 1)),
            pregnancy_weeks INTEGER NULL,
            allergies TEXT NOT NULL DEFAULT '',
            goal_race_name TEXT NOT NULL DEFAULT '',
            goal_race_date TEXT NULL,
            goal_race_distance_km DOUBLE PRECISION NULL,
            goal TEXT NULL CHECK (goal IN ('finish', 'personal_best')),
            units TEXT NOT NULL DEFAULT 'km' CHECK (units IN ('km', 'mi')),
            runs_per_week INTEGER NULL,
            long_run_weekday TEXT NULL CHECK (long_run_weekday IN ('monday', 'tuesday',
                'wednesday', 'thursday', 'friday', 'saturday', 'sunday')),
            weekly_distance_km DOUBLE PRECISION NULL,
            longest_run_30d_km DOUBLE PRECISION NULL,
            preference_pressure TEXT NULL
                CHECK (preference_pressure IN ('light', 'medium', 'firm', 'deep')),
            preference_notes TEXT NOT NULL DEFAULT '',
            consent_accepted INTEGER NOT NULL CHECK (consent_accepted IN (0, 1)),
            consent_signed_name TEXT NOT NULL DEFAULT '',
            consent_signed_on TEXT NULL,
            created_at TEXT NOT NULL
        ))",
                           fmt::arg("pk", dialect.id_primary_key));
    // A client's versions, newest first (Newest, History); also serves the foreign key.
    session << "CREATE INDEX intakes_by_client ON intakes (client_id, taken_on, id)";

    // Each child table's primary key (intake_id, ...) is the index its one read uses.
    session << fmt::format(R"(
        CREATE TABLE intake_conditions (
            intake_id BIGINT NOT NULL REFERENCES intakes (id) ON DELETE CASCADE,
            position INTEGER NOT NULL CHECK (position >= 0),
            code TEXT NOT NULL,
            region TEXT NULL,
            side TEXT NULL CHECK (side IN ({sides})),
            since TEXT NULL,
            PRIMARY KEY (intake_id, position)
        ))",
                           fmt::arg("sides", kSides));
    session << R"(
        CREATE TABLE intake_medications (
            intake_id BIGINT NOT NULL REFERENCES intakes (id) ON DELETE CASCADE,
            position INTEGER NOT NULL CHECK (position >= 0),
            name TEXT NOT NULL,
            medication_class TEXT NOT NULL,
            PRIMARY KEY (intake_id, position)
        ))";
    session << fmt::format(R"(
        CREATE TABLE intake_health_events (
            intake_id BIGINT NOT NULL REFERENCES intakes (id) ON DELETE CASCADE,
            event_type TEXT NOT NULL CHECK (event_type IN ('surgery', 'injury')),
            position INTEGER NOT NULL CHECK (position >= 0),
            event_date TEXT NOT NULL,
            region TEXT NULL,
            side TEXT NULL CHECK (side IN ({sides})),
            kind TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            PRIMARY KEY (intake_id, event_type, position)
        ))",
                           fmt::arg("sides", kSides));
    session << R"(
        CREATE TABLE intake_recent_runs (
            intake_id BIGINT NOT NULL REFERENCES intakes (id) ON DELETE CASCADE,
            position INTEGER NOT NULL CHECK (position >= 0),
            run_date TEXT NOT NULL,
            distance_km DOUBLE PRECISION NOT NULL CHECK (distance_km >= 0),
            run_type TEXT NOT NULL,
            PRIMARY KEY (intake_id, position)
        ))";
    session << fmt::format(R"(
        CREATE TABLE intake_soreness (
            intake_id BIGINT NOT NULL REFERENCES intakes (id) ON DELETE CASCADE,
            position INTEGER NOT NULL CHECK (position >= 0),
            region TEXT NOT NULL,
            side TEXT NOT NULL CHECK (side IN ({sides})),
            pain INTEGER NOT NULL CHECK (pain BETWEEN 0 AND 10),
            PRIMARY KEY (intake_id, position)
        ))",
                           fmt::arg("sides", kSides));
    session << fmt::format(R"(
        CREATE TABLE intake_avoid_regions (
            intake_id BIGINT NOT NULL REFERENCES intakes (id) ON DELETE CASCADE,
            position INTEGER NOT NULL CHECK (position >= 0),
            region TEXT NOT NULL,
            side TEXT NOT NULL CHECK (side IN ({sides})),
            PRIMARY KEY (intake_id, position)
        ))",
                           fmt::arg("sides", kSides));

    // Clinic-wide settings shared by every desk ("screening.recent_surgery_days" -> "42").
    session << "CREATE TABLE clinic_settings (key TEXT NOT NULL PRIMARY KEY, value TEXT NOT NULL)";
}

// Version 3: staff and SOAP session notes. A note is one row in `session_notes` (its single
// values and the four SOAP texts); its techniques and regions are child rows in note order
// (`position`), replaced as a whole while the note is unsigned. Signing sets signed_at and
// signed_by together and locks the note; a later correction is a row in
// `session_note_amendments`, which are only ever added. As in version 2, the closed sets get
// CHECK constraints (role, body position, side, SOAP section, pressure 1-10, pain 0-10) and
// the lists that may grow (techniques, regions) are checked by the repository when read.
// Staff are never deleted (notes point at them): a leaver is made inactive. staff.sort_name
// holds core::FoldForSearch(name), so the list is in the same order on both backends.
void CreateSessionNotes(soci::session& session, const Dialect& dialect) {
    constexpr std::string_view kSides = "'left', 'right', 'bilateral', 'midline'";
    session << fmt::format(R"(
        CREATE TABLE staff (
            id {pk},
            name TEXT NOT NULL,
            sort_name {bytes} NOT NULL DEFAULT '',
            role TEXT NOT NULL CHECK (role IN ('therapist', 'manager')),
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            created_at TEXT NOT NULL
        ))",
                           fmt::arg("pk", dialect.id_primary_key),
                           fmt::arg("bytes", dialect.byte_ordered_text));
    // The pickers list active staff by name.
    session << "CREATE INDEX staff_by_name ON staff (active, sort_name, id)";

    session << fmt::format(R"(
        CREATE TABLE session_notes (
            id {pk},
            client_id BIGINT NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
            therapist_id BIGINT NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
            session_date TEXT NOT NULL,
            start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
            duration_min INTEGER NOT NULL CHECK (duration_min > 0),
            position TEXT NULL CHECK (position IN ('prone', 'supine', 'side_lying')),
            subjective TEXT NOT NULL DEFAULT '',
            objective TEXT NOT NULL DEFAULT '',
            assessment TEXT NOT NULL DEFAULT '',
            plan TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            signed_at TEXT NULL,
            signed_by BIGINT NULL REFERENCES staff (id) ON DELETE RESTRICT,
            CHECK ((signed_at IS NULL) = (signed_by IS NULL))
        ))",
                           fmt::arg("pk", dialect.id_primary_key));
    // A client's notes newest first, a page at a time (and the newest for "copy last note").
    session << "CREATE INDEX session_notes_by_client ON session_notes "
               "(client_id, session_date DESC, start_minute DESC, id DESC)";
    // A therapist's sessions around a date: the overlap check.
    session << "CREATE INDEX session_notes_by_therapist ON session_notes "
               "(therapist_id, session_date)";
    // Only the unsigned notes, oldest first: small however many signed notes there are.
    session << "CREATE INDEX session_notes_unsigned ON session_notes "
               "(session_date, start_minute, id) WHERE signed_at IS NULL";

    // The child tables' primary keys (note_id, ...) are the indexes their reads use.
    session << R"(
        CREATE TABLE session_note_techniques (
            note_id BIGINT NOT NULL REFERENCES session_notes (id) ON DELETE CASCADE,
            position INTEGER NOT NULL CHECK (position >= 0),
            technique TEXT NOT NULL,
            minutes INTEGER NOT NULL CHECK (minutes > 0),
            PRIMARY KEY (note_id, position)
        ))";
    session << fmt::format(R"(
        CREATE TABLE session_note_regions (
            note_id BIGINT NOT NULL REFERENCES session_notes (id) ON DELETE CASCADE,
            position INTEGER NOT NULL CHECK (position >= 0),
            region TEXT NOT NULL,
            side TEXT NOT NULL CHECK (side IN ({sides})),
            pressure INTEGER NOT NULL CHECK (pressure BETWEEN 1 AND 10),
            pain_before INTEGER NULL CHECK (pain_before BETWEEN 0 AND 10),
            pain_after INTEGER NULL CHECK (pain_after BETWEEN 0 AND 10),
            PRIMARY KEY (note_id, position)
        ))",
                           fmt::arg("sides", kSides));
    // Amendments keep the history of a signed note: RESTRICT, never CASCADE.
    session << fmt::format(R"(
        CREATE TABLE session_note_amendments (
            id {pk},
            note_id BIGINT NOT NULL REFERENCES session_notes (id) ON DELETE RESTRICT,
            amended_at TEXT NOT NULL,
            amended_by BIGINT NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
            reason TEXT NOT NULL,
            section TEXT NOT NULL
                CHECK (section IN ('subjective', 'objective', 'assessment', 'plan')),
            text TEXT NOT NULL
        ))",
                           fmt::arg("pk", dialect.id_primary_key));
    session << "CREATE INDEX session_note_amendments_by_note ON session_note_amendments "
               "(note_id, id)";
}

// Version 4: training calendars, massage plans and the appointments booked from them.
// - `training_entries`: one row per client and day (the primary key is the "one entry per
//   date" rule and the index the calendar's reads use). Unlike intake_recent_runs, the run
//   type is CHECKed: the plan generator's rules are written for exactly these seven types, so
//   a new one needs a new step (and new rules) anyway.
// - `plans`: every generated plan is kept; the newest of a client is the current one.
//   `document` is core::PlanToJson(plan) (docs/plan-format.md), which holds the detail; the
//   scalar columns are what the history lists without parsing it.
// - `plan_sessions`: one row per planned session, so "planned sessions ahead" is a query on
//   an index instead of parsing every document. The rows hold what the therapist decides
//   (status, date, appointment); PlanRepository writes them and the document in one
//   transaction, and the rows win when the two are read together.
// - `appointments`: booked sessions; an accepted plan session points back at its plan and
//   position (both or neither).
// The plan's settings are rows of clinic_settings ("plan.taper_weeks"), as screening's are.
// The phase is an open list (left to the repository to check when read, as in version 2).
void CreatePlans(soci::session& session, const Dialect& dialect) {
    session << R"(
        CREATE TABLE training_entries (
            client_id BIGINT NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
            run_date TEXT NOT NULL,
            run_type TEXT NOT NULL CHECK (run_type IN ('easy', 'long', 'tempo', 'intervals',
                'race', 'rest', 'cross')),
            distance_km DOUBLE PRECISION NULL CHECK (distance_km > 0),
            PRIMARY KEY (client_id, run_date)
        ))";

    session << fmt::format(R"(
        CREATE TABLE plans (
            id {pk},
            client_id BIGINT NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
            generated_on TEXT NOT NULL,
            from_date TEXT NOT NULL,
            to_date TEXT NOT NULL,
            refer INTEGER NOT NULL DEFAULT 0 CHECK (refer IN (0, 1)),
            document TEXT NOT NULL,
            created_at TEXT NOT NULL
        ))",
                           fmt::arg("pk", dialect.id_primary_key));
    // A client's plans, newest first (Current, History, and "current" in Upcoming).
    session << "CREATE INDEX plans_by_client ON plans (client_id, id)";

    session << fmt::format(R"(
        CREATE TABLE appointments (
            id {pk},
            client_id BIGINT NOT NULL REFERENCES clients (id) ON DELETE RESTRICT,
            therapist_id BIGINT NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
            session_date TEXT NOT NULL,
            start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
            duration_min INTEGER NOT NULL CHECK (duration_min > 0),
            plan_id BIGINT NULL REFERENCES plans (id) ON DELETE RESTRICT,
            plan_session INTEGER NULL CHECK (plan_session >= 0),
            created_at TEXT NOT NULL,
            CHECK ((plan_id IS NULL) = (plan_session IS NULL))
        ))",
                           fmt::arg("pk", dialect.id_primary_key));
    // A therapist's day (the overlap check) and a client's appointments ahead.
    session << "CREATE INDEX appointments_by_therapist ON appointments "
               "(therapist_id, session_date)";
    session << "CREATE INDEX appointments_by_client ON appointments (client_id, session_date)";

    session << R"(
        CREATE TABLE plan_sessions (
            plan_id BIGINT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
            position INTEGER NOT NULL CHECK (position >= 0),
            session_date TEXT NOT NULL,
            phase TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('planned', 'booked', 'skipped')),
            appointment_id BIGINT NULL REFERENCES appointments (id) ON DELETE RESTRICT,
            PRIMARY KEY (plan_id, position)
        ))";
    // Planned sessions ahead across clients, by date.
    session << "CREATE INDEX plan_sessions_by_date ON plan_sessions (session_date)";
}

// Holds the dialect's migration lock (other desks wait) for as long as it lives.
class MigrationLock {
  public:
    MigrationLock(soci::session& session, const Dialect& dialect)
        : m_session(session), m_dialect(dialect) {
        if (!m_dialect.lock_migrations.empty()) {
            m_session << std::string(m_dialect.lock_migrations);
        }
    }
    ~MigrationLock() {
        try {
            if (!m_dialect.unlock_migrations.empty()) {
                m_session << std::string(m_dialect.unlock_migrations);
            }
        } catch (const soci::soci_error&) {
            // The lock ends with the connection anyway.
        }
    }
    MigrationLock(const MigrationLock&) = delete;
    MigrationLock& operator=(const MigrationLock&) = delete;

  private:
    soci::session& m_session;
    const Dialect& m_dialect;
};

void CreateVersionTable(soci::session& session) {
    session << "CREATE TABLE IF NOT EXISTS schema_migrations ("
               "version INTEGER NOT NULL PRIMARY KEY, "
               "description TEXT NOT NULL, "
               "applied_at TEXT NOT NULL)";
}

int ReadVersion(soci::session& session) {
    int version = 0;
    soci::indicator indicator = soci::i_null;
    session << "SELECT MAX(version) FROM schema_migrations", soci::into(version, indicator);
    return indicator == soci::i_ok ? version : 0;
}

bool TableExists(soci::session& session, const Dialect& dialect, const std::string& table) {
    int count = 0;
    session << std::string(dialect.count_tables_named), soci::use(table), soci::into(count);
    return count > 0;
}

// Copies the SQLite file with VACUUM INTO (a consistent snapshot, even in WAL mode) to
// "<name>.before-v<N>-<timestamp>.sqlite" beside it, readable by its owner only. The copy is
// written as ".<that name>.partial" and renamed once it is whole and on disk, so a crash never
// leaves a part-copy named like a backup. One backup per version: a retry of a failed upgrade
// (which left the file as it was) keeps the backup the first attempt wrote.
std::string BackUpSqlite(soci::session& session, const std::string& path, int target_version) {
    namespace fs = std::filesystem;
    const fs::path original(path);
    const fs::path folder = original.parent_path().empty() ? fs::path(".") : original.parent_path();
    const std::string prefix =
        fmt::format("{}.before-v{}-", original.stem().string(), target_version);
    for (const auto& entry : fs::directory_iterator(folder)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with("." + prefix) && name.ends_with(".partial")) {
            std::error_code ignored;
            fs::remove(entry.path(), ignored);  // left by an attempt that was killed
        } else if (name.starts_with(prefix) && name.ends_with(".sqlite") &&
                   entry.is_regular_file()) {
            return entry.path().string();
        }
    }
    std::string stamp = UtcTimestamp(SystemNow());
    std::erase_if(stamp, [](char c) { return c == ':' || c == '-'; });
    std::string name = prefix + stamp + ".sqlite";
    for (int n = 2; fs::exists(folder / name); ++n) {
        name = fmt::format("{}{}-{}.sqlite", prefix, stamp, n);
    }
    const std::string backup_path = (folder / name).string();
    const std::string partial_path = (folder / ("." + name + ".partial")).string();
    try {
        detail::CreatePrivateFile(partial_path);
        session << "VACUUM INTO :path", soci::use(partial_path);
        detail::SyncToDisk(partial_path);
        fs::rename(partial_path, backup_path);
        detail::SyncToDisk(folder.string());
    } catch (...) {
        std::error_code ignored;
        fs::remove(partial_path, ignored);
        throw;
    }
    return backup_path;
}

// Version 5: reports and exports read notes by period (export sessions, the clinic summary);
// without an index on the date each page of such a read scans the whole table.
void IndexSessionDates(soci::session& session, const Dialect& /*dialect*/) {
    session << "CREATE INDEX session_notes_by_date ON session_notes (session_date, start_minute, "
               "id)";
}

// Version 6: search as you type reads one index. Every keystroke counts the matches and reads the
// first page in list order; without statistics SQLite does both by walking the active clients in
// name order on clients_by_name, which held only the sort key, so every client row was read from
// the table to test the other search keys (seconds per keystroke with 1,000,000 clients). The
// index that takes its place holds every search key after the sort key: the walk tests them in
// the index and reads only the rows shown (about ten times faster; still a walk of the index, see
// README.md, "Performance"). It serves everything clients_by_name served (the list order,
// PositionOf's counts).
void IndexClientSearchKeys(soci::session& session, const Dialect& /*dialect*/) {
    session << "DROP INDEX clients_by_name";
    session << "CREATE INDEX clients_by_name_and_keys ON clients (archived, search_name_reversed, "
               "id, search_name, search_preferred, search_email, search_phone)";
}

// Version 7: a typed search reads each search key's own index, merging the ranges in key order
// (db/src/client_search_sql.h), so a keystroke reads a page of rows however many clients match;
// version 6's walk of the name index cost a read of every client per keystroke. The keys no
// longer need to be in the name index, which goes back to what the list order needs. The
// merge wants each key's index in (key, id) order: SQLite's indexes end with the rowid (the
// id), PostgreSQL's get the id spelled out. A preferred-name key that only repeats another key
// (no preferred name: it held the family name; or the given name) is cleared: every key is a
// row a search reads (names trimmed of spaces; other white space would only leave a repeat).
void SearchEachKeyInOrder(soci::session& session, const Dialect& dialect) {
    session << "DROP INDEX clients_by_name_and_keys";
    session << "CREATE INDEX clients_by_name ON clients (archived, search_name_reversed, id)";
    if (!dialect.indexes_end_with_id) {
        const std::pair<std::string_view, std::string_view> indexes[] = {
            {"clients_by_given_name", "search_name"},
            {"clients_by_preferred_name", "search_preferred"},
            {"clients_by_email", "search_email"},
            {"clients_by_phone", "search_phone"}};
        for (const auto& [index, column] : indexes) {
            session << fmt::format("DROP INDEX {}", index);
            session << fmt::format("CREATE INDEX {} ON clients ({}, id)", index, column);
        }
    }
    session << "UPDATE clients SET search_preferred = '' WHERE search_preferred <> '' AND "
               "(trim(preferred_name) = '' OR search_preferred = search_name)";
}

// Version 8: the record rules of issue 15.
// - `session_notes.no_treatment`: why a session had no treatment (a note records treatment or
//   says why not); `flag_override` on notes and appointments: the therapist's reason for going
//   ahead despite an absolute contraindication flag ('' when there was none).
// - Amendments may correct the whole note: `corrected` holds the corrected note in the
//   exchange format (docs/session-format.md), and `section` and `text` are then NULL. SQLite
//   cannot relax NOT NULL in place, so its table is rebuilt (nothing refers to it).
void RecordRules(soci::session& session, const Dialect& dialect) {
    session << "ALTER TABLE session_notes ADD COLUMN no_treatment TEXT NULL "
               "CHECK (no_treatment IN ('turned_away', 'refused', 'referred'))";
    session << "ALTER TABLE session_notes ADD COLUMN flag_override TEXT NOT NULL DEFAULT ''";
    session << "ALTER TABLE appointments ADD COLUMN flag_override TEXT NOT NULL DEFAULT ''";
    constexpr std::string_view kOneKind =
        "CHECK ((corrected IS NULL) = (section IS NOT NULL AND text IS NOT NULL))";
    if (dialect.backend == Backend::kPostgresql) {
        session << "ALTER TABLE session_note_amendments ALTER COLUMN section DROP NOT NULL";
        session << "ALTER TABLE session_note_amendments ALTER COLUMN text DROP NOT NULL";
        session << "ALTER TABLE session_note_amendments ADD COLUMN corrected TEXT NULL";
        session << fmt::format(
            "ALTER TABLE session_note_amendments ADD CONSTRAINT amendment_kind {}", kOneKind);
        return;
    }
    session << fmt::format(R"(
        CREATE TABLE session_note_amendments_v8 (
            id {pk},
            note_id BIGINT NOT NULL REFERENCES session_notes (id) ON DELETE RESTRICT,
            amended_at TEXT NOT NULL,
            amended_by BIGINT NOT NULL REFERENCES staff (id) ON DELETE RESTRICT,
            reason TEXT NOT NULL,
            section TEXT NULL
                CHECK (section IN ('subjective', 'objective', 'assessment', 'plan')),
            text TEXT NULL,
            corrected TEXT NULL,
            {one_kind}
        ))",
                           fmt::arg("pk", dialect.id_primary_key), fmt::arg("one_kind", kOneKind));
    session << "INSERT INTO session_note_amendments_v8 "
               "(id, note_id, amended_at, amended_by, reason, section, text) "
               "SELECT id, note_id, amended_at, amended_by, reason, section, text "
               "FROM session_note_amendments";
    session << "DROP TABLE session_note_amendments";
    session << "ALTER TABLE session_note_amendments_v8 RENAME TO session_note_amendments";
    session << "CREATE INDEX session_note_amendments_by_note ON session_note_amendments "
               "(note_id, id)";
}

}  // namespace

// A function-local static, so callers in other translation units' static initialisers see
// the list constructed.
const std::vector<Migration>& AllMigrations() {
    static const std::vector<Migration> migrations{
        {1, "client records", CreateClients},
        {2, "intake questionnaires and clinic settings", CreateIntakes},
        {3, "staff and session notes", CreateSessionNotes},
        {4, "training calendars, massage plans and appointments", CreatePlans},
        {5, "session notes indexed by date", IndexSessionDates},
        {6, "client search keys in the list's index", IndexClientSearchKeys},
        {7, "each client search key read in order from its own index", SearchEachKeyInOrder},
        {8, "no-treatment reasons, flag overrides and whole-note amendments", RecordRules},
        {9, "the appointment book: statuses, rooms, services, hours and series",
         CreateAppointmentBook},
        {10, "missed plan sessions (a cancelled or no-show appointment of a plan)",
         AllowMissedPlanSessions},
        {11, "other desks told at once of a change to the book (PostgreSQL notifications)",
         NotifyBookChanges},
        {12, "staff accounts, private notes and the audit log", CreateAccountsAndAuditLog},
        {13, "the audit log kept by the server (PostgreSQL)", KeepAuditLogOnServer},
        {14, "the owner's login backs the practice up with pg_dump (PostgreSQL)",
         LetOwnerDumpPractice},
    };
    return migrations;
}

int LatestSchemaVersion() {
    return AllMigrations().back().version;
}

int SchemaVersion(Database& database) {
    try {
        if (!TableExists(SociSession(database), database.GetDialect(), "schema_migrations")) {
            return 0;
        }
        return ReadVersion(SociSession(database));
    } catch (const soci::soci_error& error) {
        throw DatabaseError(fmt::format("Cannot read the schema version of {}: {}",
                                        database.Location(), error.get_error_message()));
    }
}

namespace {

// The version recorded in the database, read without writing anything (0 for a new one).
int ReadVersionIfAny(soci::session& session, const Dialect& dialect) {
    return TableExists(session, dialect, "schema_migrations") ? ReadVersion(session) : 0;
}

// Runs every step after the database's version up to `target_version` in one transaction with
// the record of their versions: the database ends at the target, or (a step failed) exactly
// as it was. A desk that upgraded the database meanwhile leaves nothing to do.
void ApplySteps(Database& database, const std::vector<Migration>& migrations, int target_version,
                MigrationResult& result) {
    soci::session& session = SociSession(database);
    const Dialect& dialect = database.GetDialect();
    Transaction transaction(database);  // SQLite: BEGIN IMMEDIATE, so desks take turns
    CreateVersionTable(session);
    const int current = ReadVersion(session);
    if (current == 0 && !dialect.claim_new_database.empty()) {
        session << std::string(dialect.claim_new_database);
    }
    int reached = current;
    for (const Migration& step : migrations) {
        if (step.version <= reached || step.version > target_version) {
            continue;
        }
        try {
            step.apply(session, dialect);
            const std::string description(step.description);
            const std::string applied_at = UtcTimestamp(SystemNow());
            session << "INSERT INTO schema_migrations (version, description, applied_at) "
                       "VALUES (:version, :description, :applied_at)",
                soci::use(step.version), soci::use(description), soci::use(applied_at);
        } catch (const soci::soci_error& error) {
            throw DatabaseError(fmt::format(
                "Upgrading {} to schema version {} ({}) failed: {} Nothing was changed: the "
                "database is still at version {}.",
                database.Location(), step.version, step.description, error.get_error_message(),
                current));
        }
        reached = step.version;
    }
    transaction.Commit();
    result.from_version = current;
    result.to_version = reached;
}

}  // namespace

MigrationResult MigrateTo(Database& database, int target_version,
                          const std::vector<Migration>& migrations) {
    soci::session& session = SociSession(database);
    const Dialect& dialect = database.GetDialect();
    const int newest_known = migrations.empty() ? 0 : migrations.back().version;
    MigrationResult result;
    try {
        MigrationLock lock(session, dialect);
        // Nothing is written before the version is known to be one this MyoDesk can use: a
        // refused database stays byte for byte as it was.
        result.from_version = ReadVersionIfAny(session, dialect);
        result.to_version = result.from_version;
        if (result.from_version > newest_known) {
            throw SchemaTooNewError(result.from_version, newest_known, database.Location());
        }
        if (!dialect.settle_storage.empty()) {
            std::string ignored;
            session << std::string(dialect.settle_storage), soci::into(ignored);
        }
        if (result.from_version >= target_version) {
            return result;
        }
        const auto& target = database.Target();
        if (dialect.backs_up_file_before_upgrade && target.sqlite_path != ":memory:" &&
            result.from_version >= 1) {
            result.backup_path = BackUpSqlite(session, target.sqlite_path, target_version);
        }
        ApplySteps(database, migrations, target_version, result);
    } catch (const soci::soci_error& error) {
        if (detail::IsBusy(error)) {
            throw BusyError();
        }
        throw DatabaseError(fmt::format("Cannot prepare {} for use: {}", database.Location(),
                                        error.get_error_message()));
    }
    return result;
}

MigrationResult MigrateTo(Database& database, int target_version) {
    return MigrateTo(database, target_version, AllMigrations());
}

MigrationResult Migrate(Database& database) {
    return MigrateTo(database, LatestSchemaVersion());
}

}  // namespace myodesk::db
