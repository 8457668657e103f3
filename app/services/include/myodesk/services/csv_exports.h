#pragma once

#include <myodesk/core/date.h>
#include <myodesk/core/session_note.h>
#include <myodesk/db/client_repository.h>
#include <myodesk/db/database.h>

#include <cstdint>
#include <functional>
#include <ostream>

namespace myodesk::services {

// The CSV exports the CLI and the GUI both offer, read page by page (a large practice is
// never held in memory at once) and written with reports::CsvWriter (RFC 4180, formula cells
// neutralised). Each returns the number of data rows written.

// The client list (reports/client_table.h), in the list's order.
std::int64_t WriteClientsCsv(db::Database& database, db::ArchiveFilter filter, std::ostream& out);

// The sessions dated `from` to `to` (reports/session_table.h), oldest first; with `include`,
// only the notes it takes (another therapist's private notes stay out).
std::int64_t WriteSessionsCsv(db::Database& database, const core::Date& from, const core::Date& to,
                              std::ostream& out,
                              const std::function<bool(const core::SessionNote&)>& include = {});

}  // namespace myodesk::services
