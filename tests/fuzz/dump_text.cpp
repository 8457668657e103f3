// What pg_restore prints of a PostgreSQL backup from a stick or a cloud folder (docs/backups.md),
// as the server backups read it through db/dump_text.h: the table of contents (the tables with
// data, the schema, the list without the schema's entries) and the staff's COPY text (the
// owner whose login a restore makes). Whatever the text, the names read have no space, the
// list kept is a subset of the lines given without the schema's entries, the rows and columns
// stay within their limits with no tab or newline in a field, and an owner found is one of
// the rows' active owners.

#include "fuzz_support.h"

#include <myodesk/db/dump_text.h>

#include <algorithm>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace myodesk;
    const std::string text(fuzz::Text(data, size));

    for (const std::string& table : db::TablesWithDataIn(text)) {
        FUZZ_CHECK(!table.empty());
        FUZZ_CHECK(table.find_first_of(" \n") == std::string::npos);
    }
    const std::string schema = db::SchemaOfList(text);
    FUZZ_CHECK(!schema.empty());
    FUZZ_CHECK(schema.find_first_of(" \n") == std::string::npos);
    const std::string kept = db::ListWithoutSchemaEntries(text);
    FUZZ_CHECK(kept.size() <= text.size() + 1);
    FUZZ_CHECK(kept.find(" SCHEMA - ") == std::string::npos);
    FUZZ_CHECK(db::ListWithoutSchemaEntries(kept) == kept);

    const db::DumpTableData table = db::ParseCopyText(text);
    FUZZ_CHECK(table.columns.size() <= db::kMostCopyColumns);
    FUZZ_CHECK(table.rows.size() <= db::kMostCopyRows);
    for (const auto& row : table.rows) {
        FUZZ_CHECK(!row.empty() && row.size() <= db::kMostCopyColumns);
        for (const std::string& field : row) {
            FUZZ_CHECK(field.find_first_of("\t\n") == std::string::npos);
        }
    }
    if (const auto owner = db::FirstActiveOwner(table)) {
        FUZZ_CHECK(!owner->empty() && *owner != "\\N");
        FUZZ_CHECK(std::any_of(table.rows.begin(), table.rows.end(), [&](const auto& row) {
            return std::find(row.begin(), row.end(), *owner) != row.end() &&
                   std::find(row.begin(), row.end(), "owner") != row.end();
        }));
    }
    return 0;
}
