#include "guard.h"
#include "one_call_statement.h"

#include <myodesk/core/text.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/staff_repository.h>

#include <fmt/format.h>
#include <soci/soci.h>

namespace myodesk::db {

namespace {

using core::Staff;

// The `staff` row as SOCI binds it. sort_name is core::FoldForSearch(name): the list is in
// the same order on both backends.
struct StaffRow {
    long long id = 0;
    std::string name;
    std::string sort_name;
    std::string role;
    int active = 1;

    static StaffRow From(const Staff& staff) {
        return {staff.id, staff.name, core::FoldForSearch(staff.name),
                std::string(core::ToCode(staff.role)), staff.active ? 1 : 0};
    }

    Staff ToStaff() const {
        const auto stored_role = core::StaffRoleFromCode(role);
        if (!stored_role) {
            throw DatabaseError(fmt::format(
                "A stored staff member holds '{}' in staff.role, which this MyoDesk does not "
                "know (was the database changed by a newer MyoDesk?).",
                role));
        }
        return Staff{id, name, *stored_role, active != 0};
    }
};

void Validate(const Staff& staff) {
    auto problems = core::ValidateStaff(staff);
    if (!problems.empty()) {
        throw ValidationError(std::move(problems));
    }
}

}  // namespace

StaffRepository::StaffRepository(Database& database, Clock clock)
    : m_database(database), m_clock(std::move(clock)) {}

core::StaffId StaffRepository::Add(Staff& staff) {
    Validate(staff);
    return Guard("add the staff member", [&] {
        StaffRow row = StaffRow::From(staff);
        const std::string created_at = UtcTimestamp(m_clock());
        long long id = 0;
        // Finished before returning: SQLite refuses to commit while an INSERT ... RETURNING is
        // still open.
        {
            soci::statement statement =
                (m_database.Session().prepare
                     << "INSERT INTO staff (name, sort_name, role, active, created_at) VALUES "
                        "(:name, :sort_name, :role, :active, :created_at) RETURNING id",
                 soci::use(row.name, "name"), soci::use(row.sort_name, "sort_name"),
                 soci::use(row.role, "role"), soci::use(row.active, "active"),
                 soci::use(created_at, "created_at"), soci::into(id));
            statement.execute(true);
        }
        staff.id = id;
        return staff.id;
    });
}

void StaffRepository::Update(const Staff& staff) {
    Validate(staff);
    Guard("save the staff member", [&] {
        StaffRow row = StaffRow::From(staff);
        soci::statement statement =
            (m_database.Session().prepare
                 << "UPDATE staff SET name = :name, sort_name = :sort_name, role = :role, "
                    "active = :active WHERE id = :id",
             soci::use(row.name, "name"), soci::use(row.sort_name, "sort_name"),
             soci::use(row.role, "role"), soci::use(row.active, "active"), soci::use(row.id, "id"));
        statement.execute(true);
        if (statement.get_affected_rows() == 0) {
            throw NotFoundError(fmt::format("There is no staff member with id {}.", staff.id));
        }
    });
}

std::optional<Staff> StaffRepository::Get(core::StaffId id) {
    return Guard("read the staff member", [&]() -> std::optional<Staff> {
        StaffRow row;
        long long staff_id = id;
        soci::statement statement = detail::OneCallStatement(
            m_database.Session(), "SELECT id, name, role, active FROM staff WHERE id = :id",
            soci::into(row.id), soci::into(row.name), soci::into(row.role), soci::into(row.active),
            soci::use(staff_id, "id"));
        if (!statement.execute(true)) {
            return std::nullopt;
        }
        return row.ToStaff();
    });
}

std::vector<Staff> StaffRepository::List(bool include_inactive) {
    return Guard("list the staff", [&] {
        StaffRow row;
        soci::statement statement = detail::OneCallStatement(
            m_database.Session(),
            fmt::format("SELECT id, name, role, active FROM staff{} ORDER BY sort_name, id",
                        include_inactive ? "" : " WHERE active = 1"),
            soci::into(row.id), soci::into(row.name), soci::into(row.role), soci::into(row.active));
        std::vector<Staff> staff;
        statement.execute(false);
        while (statement.fetch()) {
            staff.push_back(row.ToStaff());
        }
        return staff;
    });
}

}  // namespace myodesk::db
