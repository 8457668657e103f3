#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace myodesk::db {

// What pg_restore prints of a PostgreSQL backup, read by the server backups
// (postgresql_dump.h): its table of contents (--list) and a table's data (COPY text). A backup
// comes from a stick or a cloud folder, so this is outside data: read strictly, within limits.

// The tables whose data the list holds ("1234; 0 1085798 TABLE DATA public clients postgres").
std::set<std::string> TablesWithDataIn(std::string_view list);

// The schema of the first table data entry; "public" when there is none.
std::string SchemaOfList(std::string_view list);

// The list without the schema's own entries (SCHEMA, COMMENT ON SCHEMA, its grants): the
// schema is made before a restore, and "public" is in every new database already.
std::string ListWithoutSchemaEntries(std::string_view list);

// A table's rows as pg_restore --data-only prints them: "COPY schema.table (a, b) FROM stdin;",
// tab-separated lines ("\N" for NULL), "\." at the end. At most kMostCopyRows rows and
// kMostCopyColumns columns are read; the rest is left out.
struct DumpTableData {
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
};
inline constexpr std::size_t kMostCopyRows = 100000;
inline constexpr std::size_t kMostCopyColumns = 1000;
DumpTableData ParseCopyText(std::string_view text);

// Of the staff's rows, the username of the first active owner with an account (lowest id);
// nullopt when there is none, or the rows lack the columns (staff from before accounts).
std::optional<std::string> FirstActiveOwner(const DumpTableData& staff);

}  // namespace myodesk::db
