#include <myodesk/core/client.h>
#include <myodesk/db/session_note_repository.h>
#include <myodesk/db/staff_repository.h>
#include <myodesk/reports/client_table.h>
#include <myodesk/reports/csv.h>
#include <myodesk/reports/session_table.h>
#include <myodesk/services/csv_exports.h>

#include <fmt/format.h>

#include <map>
#include <string>

namespace myodesk::services {

namespace {
constexpr std::int64_t kPage = 500;
}  // namespace

std::int64_t WriteClientsCsv(db::Database& database, db::ArchiveFilter filter, std::ostream& out) {
    const db::ClientQuery query{"", filter};
    db::ClientRepository clients(database);
    reports::CsvWriter csv(out);
    csv.WriteRow(reports::ClientTableHeader());
    std::int64_t rows = 0;
    for (;;) {
        const auto page = clients.Search(query, rows, kPage);
        for (const auto& client : page) {
            csv.WriteRow(reports::ClientTableRow(client));
        }
        rows += static_cast<std::int64_t>(page.size());
        if (static_cast<std::int64_t>(page.size()) < kPage) {
            return rows;
        }
    }
}

std::int64_t WriteSessionsCsv(db::Database& database, const core::Date& from, const core::Date& to,
                              std::ostream& out,
                              const std::function<bool(const core::SessionNote&)>& include) {
    db::SessionNoteRepository notes(database);
    db::ClientRepository clients(database);
    std::map<core::StaffId, std::string> staff_names;
    for (const core::Staff& staff : db::StaffRepository(database).List(true)) {
        staff_names.emplace(staff.id, staff.name);
    }
    // Each client's name is read once per export.
    std::map<core::ClientId, std::string> client_names;
    const auto client_name = [&](core::ClientId id) -> const std::string& {
        auto found = client_names.find(id);
        if (found == client_names.end()) {
            const auto client = clients.Get(id);
            found =
                client_names
                    .emplace(id, client ? core::DisplayName(*client) : fmt::format("client {}", id))
                    .first;
        }
        return found->second;
    };
    reports::CsvWriter csv(out);
    csv.WriteRow(reports::SessionTableHeader());
    std::int64_t written = 0;
    notes.ForEachBetween(from, to, kPage, [&](const std::vector<core::SessionNote>& chunk) {
        for (const auto& note : chunk) {
            if (include && !include(note)) {
                continue;
            }
            ++written;
            const auto therapist = staff_names.find(note.therapist_id);
            csv.WriteRow(reports::SessionTableRow(note, client_name(note.client_id),
                                                  therapist == staff_names.end()
                                                      ? fmt::format("staff {}", note.therapist_id)
                                                      : therapist->second));
        }
        return true;
    });
    return written;
}

}  // namespace myodesk::services
