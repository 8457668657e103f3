#pragma once

#include <myodesk/core/client.h>
#include <myodesk/core/practice_export.h>
#include <myodesk/db/database.h>

#include <cstddef>
#include <cstdint>
#include <functional>

namespace myodesk::db {

// The practice's records kind by kind (core::PracticeExportKinds), read and written in bulk:
// what `export all` writes out, `import all` writes back and `db copy` moves. Ids are kept as
// they are, so every reference (a note's client, a signed note's hash, the audit log's chain)
// stays true. Writes join the caller's transaction (a whole import is one).
class PracticeRecords {
  public:
    explicit PracticeRecords(Database& database);

    // How many records of the kind the practice holds.
    std::int64_t Count(const core::ExportKind& kind);
    // Whether it holds no record of any kind (a new database, which an import may fill).
    bool Empty();

    // Every record of `kind` in the kind's order, given to `take` up to `batch_rows` at a time.
    void Read(const core::ExportKind& kind, std::size_t batch_rows,
              const std::function<void(const core::RecordBatch&)>& take);

    // The records of `kind` that are part of one client's record (theirs, their intakes' and
    // notes' lists, the audit log's rows about them, the staff their notes and appointments
    // name), in the kind's order; false (and nothing read) for a kind that is the practice's
    // own (rooms, hours, settings).
    bool ReadForClient(const core::ExportKind& kind, core::ClientId client, std::size_t batch_rows,
                       const std::function<void(const core::RecordBatch&)>& take);

    // Before Write()s, in the caller's transaction. PostgreSQL: the server's audit triggers
    // (a row per change a staff login makes) are off until ContinueIdSequences(), for this
    // transaction only, so records arrive as they were rather than as changes, at COPY's
    // speed. The administrator (the schema's owner) writes them; nothing on SQLite.
    void StartWriting();

    // Adds the batch's records, with their ids, and the columns the export leaves out that are
    // derived (search keys, sort names). Password hashes stay empty: an account's password is
    // set again after an import.
    void Write(const core::RecordBatch& batch);

    // After writing records with their own ids: PostgreSQL's id sequences carry on after the
    // highest id of each kind, so the next record added gets a new one (SQLite does this by
    // itself), and the audit triggers StartWriting() turned off are on again.
    void ContinueIdSequences();

  private:
    Database& m_database;
};

// One consistent view of every table for as long as it lives, without holding other desks'
// writes back: SQLite's deferred read transaction (a WAL snapshot), PostgreSQL's repeatable
// read, read only. Nothing is written through the database while it lives.
class ReadSnapshot {
  public:
    explicit ReadSnapshot(Database& database);
    ~ReadSnapshot();
    ReadSnapshot(const ReadSnapshot&) = delete;
    ReadSnapshot& operator=(const ReadSnapshot&) = delete;

  private:
    Database& m_database;
};

}  // namespace myodesk::db
