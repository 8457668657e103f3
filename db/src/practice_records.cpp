#include "client_search_keys.h"
#include "guard.h"
#include "soci_session.h"

#include <myodesk/core/text.h>
#include <myodesk/db/practice_records.h>

#include <fmt/format.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <algorithm>
#include <iterator>
#include <libpq-fe.h>
#include <optional>
#include <string>
#include <vector>

namespace myodesk::db {

namespace {

using core::ExportKind;
using core::FieldKind;
using core::RecordBatch;

std::string FieldList(const ExportKind& kind) {
    std::string list;
    for (const auto& field : kind.fields) {
        if (!list.empty()) {
            list += ", ";
        }
        list += field.name;
    }
    return list;
}

std::size_t FieldIndex(const ExportKind& kind, std::string_view name) {
    const auto found = std::find_if(kind.fields.begin(), kind.fields.end(),
                                    [name](const auto& field) { return field.name == name; });
    if (found == kind.fields.end()) {
        throw DatabaseError(fmt::format("The export format has no field {}.{}.", kind.name, name));
    }
    return static_cast<std::size_t>(found - kind.fields.begin());
}

// A text field of row `row` ('' when null).
const std::string& TextAt(const RecordBatch& batch, std::size_t field, std::size_t row) {
    static const std::string kEmpty;
    const auto& column = batch.columns[field];
    return column.null[row] != 0 ? kEmpty : column.texts[row];
}

// The columns the export leaves out but the table needs, worked out from the record: the
// client search keys (ClientRepository's own function) and the sort names of the lists.
struct DerivedColumns {
    std::vector<std::string> names;
    std::vector<std::vector<std::string>> values;  // one per name, a value per row
};

DerivedColumns DeriveColumns(const RecordBatch& batch) {
    DerivedColumns derived;
    const ExportKind& kind = *batch.kind;
    const std::size_t rows = batch.Size();
    if (kind.name == "clients") {
        derived.names = {"search_name", "search_name_reversed", "search_preferred", "search_email",
                         "search_phone"};
        derived.values.assign(derived.names.size(), std::vector<std::string>(rows));
        const std::size_t given = FieldIndex(kind, "given_name");
        const std::size_t family = FieldIndex(kind, "family_name");
        const std::size_t preferred = FieldIndex(kind, "preferred_name");
        const std::size_t email = FieldIndex(kind, "email");
        const std::size_t phone = FieldIndex(kind, "phone");
        core::Client client;
        for (std::size_t row = 0; row < rows; ++row) {
            client.given_name = TextAt(batch, given, row);
            client.family_name = TextAt(batch, family, row);
            client.preferred_name = TextAt(batch, preferred, row);
            client.email = TextAt(batch, email, row);
            client.phone = TextAt(batch, phone, row);
            auto keys = detail::KeysFor(client);
            derived.values[0][row] = std::move(keys.name);
            derived.values[1][row] = std::move(keys.name_reversed);
            derived.values[2][row] = std::move(keys.preferred);
            derived.values[3][row] = std::move(keys.email);
            derived.values[4][row] = std::move(keys.phone);
        }
    } else if (kind.name == "staff" || kind.name == "rooms" || kind.name == "services") {
        derived.names = {"sort_name"};
        derived.values.assign(1, std::vector<std::string>(rows));
        const std::size_t name = FieldIndex(kind, "name");
        for (std::size_t row = 0; row < rows; ++row) {
            derived.values[0][row] = core::FoldForSearch(TextAt(batch, name, row));
        }
    }
    return derived;
}

std::vector<soci::indicator> Indicators(const std::vector<std::uint8_t>& null) {
    std::vector<soci::indicator> indicators(null.size(), soci::i_ok);
    for (std::size_t i = 0; i < null.size(); ++i) {
        if (null[i] != 0) {
            indicators[i] = soci::i_null;
        }
    }
    return indicators;
}

// One text value as COPY's text format writes it: backslash, tab, line feed and carriage
// return escaped (a row is a line, fields are tab separated).
void AppendCopyText(std::string_view text, std::string& out) {
    for (const char c : text) {
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                out.push_back(c);
        }
    }
}

// The batch (and its derived columns) as COPY's text format, one line per record.
std::string CopyText(const RecordBatch& batch, const DerivedColumns& derived) {
    std::string text;
    const auto& fields = batch.kind->fields;
    for (std::size_t row = 0; row < batch.Size(); ++row) {
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i > 0) {
                text.push_back('\t');
            }
            const auto& column = batch.columns[i];
            if (column.null[row] != 0) {
                text += "\\N";
                continue;
            }
            switch (fields[i].kind) {
                case FieldKind::kInteger:
                case FieldKind::kFlag:
                    fmt::format_to(std::back_inserter(text), "{}", column.integers[row]);
                    break;
                case FieldKind::kNumber:
                    fmt::format_to(std::back_inserter(text), "{}", column.numbers[row]);
                    break;
                case FieldKind::kText:
                    AppendCopyText(column.texts[row], text);
                    break;
            }
        }
        for (const auto& values : derived.values) {
            text.push_back('\t');
            AppendCopyText(values[row], text);
        }
        text.push_back('\n');
    }
    return text;
}

// PostgreSQL's bulk path: the rows streamed with COPY on the session's own connection (inside
// its transaction), many times faster than an INSERT a row.
void CopyIntoPostgresql(soci::session& session, const std::string& table,
                        const std::string& columns, const std::string& rows) {
    auto* backend = static_cast<soci::postgresql_session_backend*>(session.get_backend());
    PGconn* connection = backend->conn_;
    const auto failed = [&](PGresult* result) {
        std::string message =
            result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(connection);
        PQclear(result);
        while (PGresult* rest = PQgetResult(connection)) {
            PQclear(rest);
        }
        throw DatabaseError(fmt::format("Could not add the {}: {}", table, message));
    };
    PGresult* start =
        PQexec(connection, fmt::format("COPY {} ({}) FROM STDIN", table, columns).c_str());
    if (PQresultStatus(start) != PGRES_COPY_IN) {
        failed(start);
    }
    PQclear(start);
    if (PQputCopyData(connection, rows.data(), static_cast<int>(rows.size())) != 1 ||
        PQputCopyEnd(connection, nullptr) != 1) {
        failed(nullptr);
    }
    PGresult* end = PQgetResult(connection);
    if (PQresultStatus(end) != PGRES_COMMAND_OK) {
        failed(end);
    }
    PQclear(end);
    while (PGresult* rest = PQgetResult(connection)) {
        PQclear(rest);
    }
}

// A PostgreSQL cursor for as long as it lives: the server hands rows over a batch at a time,
// where a plain SELECT would bring the whole table into this process's memory at once (libpq
// keeps a statement's whole result). WITH HOLD, so it works outside a transaction too.
class ServerCursor {
  public:
    static constexpr const char* kName = "myodesk_records";

    ServerCursor(soci::session& session, const std::string& query,
                 std::optional<core::ClientId> client)
        : m_session(session) {
        long long client_id = client.value_or(0);
        soci::statement declare(m_session);
        if (client) {
            declare.exchange(soci::use(client_id, "client"));
        }
        declare.alloc();
        declare.prepare(fmt::format("DECLARE {} NO SCROLL CURSOR WITH HOLD FOR {}", kName, query));
        declare.define_and_bind();
        declare.execute(true);
    }
    ~ServerCursor() {
        try {
            m_session << fmt::format("CLOSE {}", kName);
        } catch (const soci::soci_error&) {
            // An aborted transaction has closed it already.
        }
    }
    ServerCursor(const ServerCursor&) = delete;
    ServerCursor& operator=(const ServerCursor&) = delete;

  private:
    soci::session& m_session;
};

// The records of `kind` (those `where` keeps, with :client bound), `batch_rows` at a time.
void ReadWhere(Database& database, const ExportKind& kind, const std::string& where,
               std::optional<core::ClientId> client, std::size_t batch_rows,
               const std::function<void(const RecordBatch&)>& take) {
    Guard(fmt::format("read the {}", kind.name), [&] {
        RecordBatch batch(kind);
        batch.Resize(batch_rows);
        std::vector<std::vector<soci::indicator>> indicators(
            kind.fields.size(), std::vector<soci::indicator>(batch_rows));
        auto& session = SociSession(database);
        soci::statement statement(session);
        for (std::size_t i = 0; i < kind.fields.size(); ++i) {
            auto& column = batch.columns[i];
            switch (kind.fields[i].kind) {
                case FieldKind::kInteger:
                case FieldKind::kFlag:
                    statement.exchange(soci::into(column.integers, indicators[i]));
                    break;
                case FieldKind::kNumber:
                    statement.exchange(soci::into(column.numbers, indicators[i]));
                    break;
                case FieldKind::kText:
                    statement.exchange(soci::into(column.texts, indicators[i]));
                    break;
            }
        }
        const std::string query =
            fmt::format("SELECT {} FROM {}{} ORDER BY {}", FieldList(kind), kind.name,
                        where.empty() ? "" : " WHERE " + where, kind.order);
        const auto hand_over = [&] {
            const std::size_t rows = indicators.front().size();
            for (std::size_t i = 0; i < kind.fields.size(); ++i) {
                auto& column = batch.columns[i];
                column.null.resize(rows);
                for (std::size_t row = 0; row < rows; ++row) {
                    column.null[row] = indicators[i][row] == soci::i_null ? 1 : 0;
                }
            }
            take(batch);
            batch.Resize(batch_rows);
            for (auto& column : indicators) {
                column.resize(batch_rows);
            }
        };
        if (database.GetDialect().backend == Backend::kPostgresql) {
            const ServerCursor cursor(session, query, client);
            statement.alloc();
            statement.prepare(fmt::format("FETCH {} FROM {}", batch_rows, ServerCursor::kName));
            statement.define_and_bind();
            for (;;) {
                const bool got = statement.execute(true);
                const std::size_t rows = got ? indicators.front().size() : 0;
                if (rows == 0) {
                    break;
                }
                hand_over();
                if (rows < batch_rows) {
                    break;
                }
            }
            return;
        }
        long long client_id = client.value_or(0);
        if (client) {
            statement.exchange(soci::use(client_id, "client"));
        }
        statement.alloc();
        statement.prepare(query);
        statement.define_and_bind();
        statement.execute(false);
        while (statement.fetch()) {
            hand_over();
        }
    });
}

// Which records of a kind are part of one client's record (:client), or nothing for the
// practice's own kinds.
std::optional<std::string> ClientScope(std::string_view kind) {
    constexpr std::string_view kIntakes =
        "intake_id IN (SELECT id FROM intakes WHERE client_id = :client)";
    constexpr std::string_view kNotes =
        "note_id IN (SELECT id FROM session_notes WHERE client_id = :client)";
    if (kind == "clients") {
        return "id = :client";
    }
    if (kind == "intakes" || kind == "training_entries" || kind == "plans" ||
        kind == "appointment_series" || kind == "appointments" || kind == "session_notes" ||
        kind == "audit_log") {
        return "client_id = :client";
    }
    if (kind.starts_with("intake_")) {
        return std::string(kIntakes);
    }
    if (kind == "plan_sessions") {
        return "plan_id IN (SELECT id FROM plans WHERE client_id = :client)";
    }
    if (kind.starts_with("session_note_")) {
        return std::string(kNotes);
    }
    if (kind == "staff") {
        return "id IN (SELECT therapist_id FROM session_notes WHERE client_id = :client UNION "
               "SELECT therapist_id FROM appointments WHERE client_id = :client)";
    }
    return std::nullopt;
}

}  // namespace

PracticeRecords::PracticeRecords(Database& database) : m_database(database) {}

std::int64_t PracticeRecords::Count(const ExportKind& kind) {
    return Guard(fmt::format("count the {}", kind.name), [&] {
        long long count = 0;
        SociSession(m_database) << fmt::format("SELECT COUNT(*) FROM {}", kind.name),
            soci::into(count);
        return static_cast<std::int64_t>(count);
    });
}

bool PracticeRecords::Empty() {
    const auto kinds = core::PracticeExportKinds();
    return std::all_of(kinds.begin(), kinds.end(), [this](const ExportKind& kind) {
        return Guard(fmt::format("read the {}", kind.name), [&] {
            int found = 0;
            soci::indicator indicator = soci::i_null;
            SociSession(m_database) << fmt::format("SELECT 1 FROM {} LIMIT 1", kind.name),
                soci::into(found, indicator);
            return !SociSession(m_database).got_data();
        });
    });
}

void PracticeRecords::Read(const ExportKind& kind, std::size_t batch_rows,
                           const std::function<void(const RecordBatch&)>& take) {
    ReadWhere(m_database, kind, "", std::nullopt, batch_rows, take);
}

bool PracticeRecords::ReadForClient(const ExportKind& kind, core::ClientId client,
                                    std::size_t batch_rows,
                                    const std::function<void(const RecordBatch&)>& take) {
    const auto scope = ClientScope(kind.name);
    if (!scope) {
        return false;
    }
    ReadWhere(m_database, kind, *scope, client, batch_rows, take);
    return true;
}

void PracticeRecords::Write(const RecordBatch& batch) {
    const ExportKind& kind = *batch.kind;
    if (batch.Size() == 0) {
        return;
    }
    Guard(fmt::format("add the {}", kind.name), [&] {
        const DerivedColumns derived = DeriveColumns(batch);
        if (m_database.GetDialect().backend == Backend::kPostgresql) {
            std::string columns = FieldList(kind);
            for (const auto& name : derived.names) {
                columns += ", " + name;
            }
            CopyIntoPostgresql(SociSession(m_database), std::string(kind.name), columns,
                               CopyText(batch, derived));
            return;
        }
        std::string columns = FieldList(kind);
        std::string values;
        for (std::size_t i = 0; i < kind.fields.size(); ++i) {
            values += fmt::format("{}:v{}", i == 0 ? "" : ", ", i);
        }
        for (std::size_t i = 0; i < derived.names.size(); ++i) {
            columns += ", " + derived.names[i];
            values += fmt::format(", :d{}", i);
        }
        std::vector<std::vector<soci::indicator>> indicators;
        indicators.reserve(kind.fields.size());
        soci::statement statement(SociSession(m_database));
        for (std::size_t i = 0; i < kind.fields.size(); ++i) {
            const auto& column = batch.columns[i];
            indicators.push_back(Indicators(column.null));
            switch (kind.fields[i].kind) {
                case FieldKind::kInteger:
                case FieldKind::kFlag:
                    statement.exchange(soci::use(column.integers, indicators.back()));
                    break;
                case FieldKind::kNumber:
                    statement.exchange(soci::use(column.numbers, indicators.back()));
                    break;
                case FieldKind::kText:
                    statement.exchange(soci::use(column.texts, indicators.back()));
                    break;
            }
        }
        for (const auto& value : derived.values) {
            statement.exchange(soci::use(value));
        }
        statement.alloc();
        statement.prepare(
            fmt::format("INSERT INTO {} ({}) VALUES ({})", kind.name, columns, values));
        statement.define_and_bind();
        statement.execute(true);
    });
}

namespace {

// The tables the server's audit triggers watch (migration_server_audit.cpp names them so).
constexpr std::string_view kAuditedTables[] = {
    "clients", "intakes",          "session_notes", "session_note_amendments",
    "plans",   "training_entries", "appointments"};

void SetAuditTriggers(Database& database, bool on) {
    for (const auto table : kAuditedTables) {
        Guard("switch the audit triggers", [&] {
            SociSession(database) << fmt::format("ALTER TABLE {0} {1} TRIGGER {0}_audited", table,
                                                 on ? "ENABLE" : "DISABLE");
        });
    }
}

}  // namespace

void PracticeRecords::StartWriting() {
    if (m_database.GetDialect().backend == Backend::kPostgresql) {
        SetAuditTriggers(m_database, false);
    }
}

void PracticeRecords::ContinueIdSequences() {
    if (m_database.GetDialect().backend != Backend::kPostgresql) {
        return;
    }
    SetAuditTriggers(m_database, true);
    for (const auto& kind : core::PracticeExportKinds()) {
        if (!kind.has_id_sequence) {
            continue;
        }
        Guard(fmt::format("continue the ids of the {}", kind.name), [&] {
            long long next = 0;
            SociSession(m_database) << fmt::format(
                "SELECT setval(pg_get_serial_sequence('{0}', 'id'), COALESCE(MAX(id), 0) + 1, "
                "false) FROM {0}",
                kind.name),
                soci::into(next);
        });
    }
}

ReadSnapshot::ReadSnapshot(Database& database) : m_database(database) {
    Guard("start reading the practice", [&] {
        SociSession(m_database) << (m_database.GetDialect().backend == Backend::kPostgresql
                                        ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"
                                        : "BEGIN");
    });
}

ReadSnapshot::~ReadSnapshot() {
    try {
        SociSession(m_database) << "COMMIT";
    } catch (const soci::soci_error&) {
        // Nothing was written; the connection ends the transaction anyway.
    }
}

}  // namespace myodesk::db
