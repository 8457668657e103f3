#include "migration_steps.h"

#include <fmt/format.h>
#include <soci/soci.h>

#include <string>

namespace myodesk::db {

namespace {

// The functions run with their owner's rights (SECURITY DEFINER), so their search path is pinned
// to the practice's schema: a caller's own objects of the same names are never used.
std::string PinnedSearchPath(soci::session& session) {
    std::string schema;
    session << "SELECT quote_ident(current_schema())", soci::into(schema);
    return schema;
}

// The tables whose rows are a client's record. Their child tables (an intake's lists, a note's
// regions) change with them, so the parent's row names the change.
constexpr const char* kAuditedTables[] = {
    "clients", "intakes",          "session_notes", "session_note_amendments",
    "plans",   "training_entries", "appointments"};

}  // namespace

// Version 13: on PostgreSQL the server keeps the audit log itself.
// - audit_append() adds a row with its chain hash (the same SHA-256 as AuditRepository's) under
//   an advisory lock, so two desks never chain to the same row. A staff login can only write rows
//   as itself (sign_in_failed aside: a locked desk records someone else's wrong password). Staff
//   roles get no INSERT, UPDATE or DELETE on audit_log itself (server_accounts.cpp), so this is
//   their only way in.
// - audit_failed_sign_ins() answers sign-in's "how many wrong passwords in a row" without the
//   right to read the log.
// - Triggers on the record tables log every change a staff login makes, through the app or
//   not (psql), with the row before and after. The administrator's own login (the schema's
//   owner, who can change the triggers themselves) is not logged by them.
// SQLite has no server: the app's own rows and the hash chain are its audit log, so the step
// changes nothing there.
void KeepAuditLogOnServer(soci::session& session, const Dialect& dialect) {
    if (dialect.backend != Backend::kPostgresql) {
        return;
    }
    const std::string schema = PinnedSearchPath(session);
    session << fmt::format(R"(
        CREATE FUNCTION audit_chain_hash(previous TEXT, at TEXT, staff_id BIGINT, username TEXT,
                desk TEXT, action TEXT, client_id BIGINT, record TEXT, record_id BIGINT,
                detail TEXT) RETURNS TEXT
        LANGUAGE sql IMMUTABLE SET search_path = {schema} AS $$
            SELECT encode(sha256(convert_to(concat_ws(chr(31), previous, at,
                coalesce(staff_id::TEXT, ''), username, desk, action,
                coalesce(client_id::TEXT, ''), record, coalesce(record_id::TEXT, ''), detail),
                'UTF8')), 'hex')
        $$)",
                           fmt::arg("schema", schema));
    session << fmt::format(R"(
        CREATE FUNCTION audit_append(p_at TEXT, p_staff_id BIGINT, p_username TEXT, p_desk TEXT,
                p_action TEXT, p_client_id BIGINT, p_record TEXT, p_record_id BIGINT,
                p_detail TEXT) RETURNS BIGINT
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema} AS $$
        DECLARE
            login_staff BIGINT;
            previous TEXT;
            new_id BIGINT;
        BEGIN
            {lock};
            SELECT id INTO login_staff FROM staff WHERE username = session_user;
            IF login_staff IS NOT NULL AND p_action <> 'sign_in_failed' THEN
                p_staff_id := login_staff;
                p_username := session_user;
            END IF;
            SELECT hash INTO previous FROM audit_log ORDER BY id DESC LIMIT 1;
            previous := coalesce(previous, repeat('0', 64));
            INSERT INTO audit_log (at, staff_id, username, desk, action, client_id, record,
                record_id, detail, previous_hash, hash)
            VALUES (p_at, p_staff_id, p_username, p_desk, p_action, p_client_id, p_record,
                p_record_id, p_detail, previous, audit_chain_hash(previous, p_at, p_staff_id,
                p_username, p_desk, p_action, p_client_id, p_record, p_record_id, p_detail))
            RETURNING id INTO new_id;
            RETURN new_id;
        END
        $$)",
                           fmt::arg("schema", schema),
                           fmt::arg("lock", "PERFORM pg_advisory_xact_lock(1297698630)"));
    session << fmt::format(R"(
        CREATE FUNCTION audit_failed_sign_ins(p_username TEXT, p_limit BIGINT)
        RETURNS TABLE (action TEXT, at TEXT)
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {schema} AS $$
            SELECT a.action, a.at FROM audit_log a WHERE a.username = p_username
            AND a.action IN ('sign_in', 'sign_in_failed') ORDER BY a.id DESC LIMIT p_limit
        $$)",
                           fmt::arg("schema", schema));
    session << fmt::format(R"(
        CREATE FUNCTION audit_row_change() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = {schema} AS $$
        DECLARE
            login_staff BIGINT;
            changed JSONB;
            before_row JSONB;
            after_row JSONB;
        BEGIN
            SELECT id INTO login_staff FROM staff WHERE username = session_user;
            IF login_staff IS NULL THEN
                RETURN NULL;
            END IF;
            -- The search keys are copies of the names, not worth a second time in the log.
            IF TG_OP <> 'INSERT' THEN
                before_row := to_jsonb(OLD) - {search_keys};
            END IF;
            IF TG_OP <> 'DELETE' THEN
                after_row := to_jsonb(NEW) - {search_keys};
            END IF;
            changed := coalesce(after_row, before_row);
            PERFORM audit_append(
                to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                login_staff, session_user, coalesce(host(inet_client_addr()), 'server'),
                'db.' || lower(TG_OP),
                CASE WHEN TG_TABLE_NAME = 'clients' THEN (changed ->> 'id')::BIGINT
                     ELSE (changed ->> 'client_id')::BIGINT END,
                TG_TABLE_NAME, (changed ->> 'id')::BIGINT,
                jsonb_strip_nulls(jsonb_build_object('before', before_row,
                    'after', after_row))::TEXT);
            RETURN NULL;
        END
        $$)",
                           fmt::arg("schema", schema),
                           fmt::arg("search_keys",
                                    "ARRAY['search_name', 'search_name_reversed', "
                                    "'search_preferred', 'search_email', 'search_phone']"));
    for (const char* table : kAuditedTables) {
        session << fmt::format(
            "CREATE TRIGGER {0}_audited AFTER INSERT OR UPDATE OR DELETE ON {0} "
            "FOR EACH ROW EXECUTE FUNCTION audit_row_change()",
            table);
    }
    // Only MyoDesk's roles call these (server_accounts.cpp grants them); audit_failed_sign_ins
    // stays open to any login, as sign-in asks it before anyone is signed in.
    session << "REVOKE ALL ON FUNCTION audit_append(TEXT, BIGINT, TEXT, TEXT, TEXT, BIGINT, "
               "TEXT, BIGINT, TEXT) FROM PUBLIC";
    session << "REVOKE ALL ON FUNCTION audit_row_change() FROM PUBLIC";
}

}  // namespace myodesk::db

namespace myodesk::db {

// Version 14: on PostgreSQL the owner's group reads every table and sequence of the practice,
// so the owner's own login can back the practice up with pg_dump (a backup holds everything;
// the owner sees everything in the app too). Only a practice whose accounts are on the server
// has the group; ServerAccounts::Install gives the same to one set up later.
void LetOwnerDumpPractice(soci::session& session, const Dialect& dialect) {
    if (dialect.backend != Backend::kPostgresql) {
        return;
    }
    std::string group;
    std::string schema;
    // The group's name as ServerAccounts gives it (a tag of this database and schema).
    session << "SELECT 'myodesk_' || substr(md5(current_database() || '/' || current_schema()), "
               "1, 10) || '_owner', quote_ident(current_schema())",
        soci::into(group), soci::into(schema);
    int exists = 0;
    session << "SELECT COUNT(*) FROM pg_roles WHERE rolname = :name", soci::use(group, "name"),
        soci::into(exists);
    if (exists == 0) {
        return;
    }
    session << fmt::format("GRANT SELECT ON ALL TABLES IN SCHEMA {} TO {}", schema, group);
    session << fmt::format("GRANT SELECT ON ALL SEQUENCES IN SCHEMA {} TO {}", schema, group);
}

}  // namespace myodesk::db
