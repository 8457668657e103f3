#include "guard.h"
#include "one_call_statement.h"
#include "row_binding.h"
#include "soci_session.h"

#include <myodesk/core/text.h>
#include <myodesk/db/clinic_resource_repository.h>
#include <myodesk/db/errors.h>

#include <fmt/format.h>
#include <soci/soci.h>

namespace myodesk::db {

namespace {

// A room's or a service's row: the two tables differ only in their number column (the room's
// changeover, the service's duration). sort_name is core::FoldForSearch(name), so lists are in
// the same order on both backends.
struct ResourceTable {
    const char* table;
    const char* number_column;
    const char* noun;  // for messages
};

constexpr ResourceTable kRooms{"rooms", "changeover_min", "room"};
constexpr ResourceTable kServices{"services", "duration_min", "service"};

struct ResourceRow {
    long long id = 0;
    std::string name;
    int number = 0;
    int active = 1;
};

void ThrowIfInvalid(core::ValidationProblems problems) {
    if (!problems.empty()) {
        throw ValidationError(std::move(problems));
    }
}

long long Insert(soci::session& session, const ResourceTable& table, const ResourceRow& row,
                 const std::string& created_at) {
    std::string name = row.name;
    std::string sort_name = core::FoldForSearch(row.name);
    int number = row.number;
    int active = row.active;
    std::string created = created_at;
    long long id = 0;
    session << fmt::format(
        "INSERT INTO {} (name, sort_name, {}, active, created_at) VALUES "
        "(:name, :sort_name, :number, :active, :created_at) RETURNING id",
        table.table, table.number_column),
        soci::use(name, "name"), soci::use(sort_name, "sort_name"), soci::use(number, "number"),
        soci::use(active, "active"), soci::use(created, "created_at"), soci::into(id);
    return id;
}

void Update(soci::session& session, const ResourceTable& table, const ResourceRow& row) {
    std::string name = row.name;
    std::string sort_name = core::FoldForSearch(row.name);
    int number = row.number;
    int active = row.active;
    long long id = row.id;
    soci::statement statement =
        (session.prepare << fmt::format("UPDATE {} SET name = :name, sort_name = :sort_name, {} = "
                                        ":number, active = :active WHERE id = :id",
                                        table.table, table.number_column),
         soci::use(name, "name"), soci::use(sort_name, "sort_name"), soci::use(number, "number"),
         soci::use(active, "active"), soci::use(id, "id"));
    statement.execute(true);
    if (statement.get_affected_rows() == 0) {
        throw NotFoundError(fmt::format("There is no {} with id {}.", table.noun, row.id));
    }
}

std::vector<ResourceRow> Select(soci::session& session, const ResourceTable& table,
                                const std::optional<long long>& id, bool include_inactive) {
    ResourceRow row;
    long long wanted = id.value_or(0);
    const std::string where =
        id ? " WHERE id = :id" : (include_inactive ? "" : " WHERE active = 1");
    const std::string sql =
        fmt::format("SELECT id, name, {}, active FROM {}{} ORDER BY sort_name, id",
                    table.number_column, table.table, where);
    soci::statement statement =
        id ? detail::OneCallStatement(session, sql, soci::into(row.id), soci::into(row.name),
                                      soci::into(row.number), soci::into(row.active),
                                      soci::use(wanted, "id"))
           : detail::OneCallStatement(session, sql, soci::into(row.id), soci::into(row.name),
                                      soci::into(row.number), soci::into(row.active));
    statement.execute(false);
    std::vector<ResourceRow> rows;
    while (statement.fetch()) {
        rows.push_back(row);
    }
    return rows;
}

ResourceRow RowOf(const core::Room& room) {
    return {room.id, room.name, room.changeover_min, room.active ? 1 : 0};
}

ResourceRow RowOf(const core::Service& service) {
    return {service.id, service.name, service.duration_min, service.active ? 1 : 0};
}

core::Room RoomOf(const ResourceRow& row) {
    return {row.id, row.name, row.number, row.active != 0};
}

core::Service ServiceOf(const ResourceRow& row) {
    return {row.id, row.name, row.number, row.active != 0};
}

}  // namespace

ClinicResourceRepository::ClinicResourceRepository(Database& database, Clock clock)
    : m_database(database), m_clock(std::move(clock)) {}

core::RoomId ClinicResourceRepository::AddRoom(core::Room& room) {
    ThrowIfInvalid(core::ValidateRoom(room));
    return Guard("add the room", [&] {
        room.id = Insert(SociSession(m_database), kRooms, RowOf(room), UtcTimestamp(m_clock()));
        return room.id;
    });
}

void ClinicResourceRepository::UpdateRoom(const core::Room& room) {
    ThrowIfInvalid(core::ValidateRoom(room));
    Guard("save the room", [&] { Update(SociSession(m_database), kRooms, RowOf(room)); });
}

std::optional<core::Room> ClinicResourceRepository::GetRoom(core::RoomId id) {
    return Guard("read the room", [&]() -> std::optional<core::Room> {
        const auto rows = Select(SociSession(m_database), kRooms, id, true);
        return rows.empty() ? std::nullopt : std::optional<core::Room>(RoomOf(rows.front()));
    });
}

std::vector<core::Room> ClinicResourceRepository::Rooms(bool include_inactive) {
    return Guard("list the rooms", [&] {
        std::vector<core::Room> rooms;
        for (const ResourceRow& row :
             Select(SociSession(m_database), kRooms, std::nullopt, include_inactive)) {
            rooms.push_back(RoomOf(row));
        }
        return rooms;
    });
}

core::ServiceId ClinicResourceRepository::AddService(core::Service& service) {
    ThrowIfInvalid(core::ValidateService(service));
    return Guard("add the service", [&] {
        service.id =
            Insert(SociSession(m_database), kServices, RowOf(service), UtcTimestamp(m_clock()));
        return service.id;
    });
}

void ClinicResourceRepository::UpdateService(const core::Service& service) {
    ThrowIfInvalid(core::ValidateService(service));
    Guard("save the service", [&] { Update(SociSession(m_database), kServices, RowOf(service)); });
}

std::optional<core::Service> ClinicResourceRepository::GetService(core::ServiceId id) {
    return Guard("read the service", [&]() -> std::optional<core::Service> {
        const auto rows = Select(SociSession(m_database), kServices, id, true);
        return rows.empty() ? std::nullopt : std::optional<core::Service>(ServiceOf(rows.front()));
    });
}

std::vector<core::Service> ClinicResourceRepository::Services(bool include_inactive) {
    return Guard("list the services", [&] {
        std::vector<core::Service> services;
        for (const ResourceRow& row :
             Select(SociSession(m_database), kServices, std::nullopt, include_inactive)) {
            services.push_back(ServiceOf(row));
        }
        return services;
    });
}

}  // namespace myodesk::db
