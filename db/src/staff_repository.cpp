#include "guard.h"
#include "one_call_statement.h"
#include "row_binding.h"
#include "soci_session.h"
#include "staff_row.h"

#include <myodesk/core/text.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/staff_repository.h>

#include <fmt/format.h>
#include <soci/soci.h>

namespace myodesk::db {

namespace {

using core::Staff;
using detail::StaffRow;

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
        row.created_at = UtcTimestamp(m_clock());
        staff.id = detail::InsertRow(SociSession(m_database), "staff", row);
        return staff.id;
    });
}

void StaffRepository::Update(const Staff& staff) {
    Validate(staff);
    Guard("save the staff member", [&] {
        StaffRow row = StaffRow::From(staff);
        soci::statement statement =
            (SociSession(m_database).prepare
                 << "UPDATE staff SET name = :name, sort_name = :sort_name, role = :role, "
                    "active = :active, username = :username WHERE id = :id",
             soci::use(row.name, "name"), soci::use(row.sort_name, "sort_name"),
             soci::use(row.role, "role"), soci::use(row.active, "active"),
             soci::use(row.username.value, row.username.indicator, "username"),
             soci::use(row.id, "id"));
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
            SociSession(m_database),
            "SELECT id, name, role, active, username FROM staff WHERE id = :id", soci::into(row.id),
            soci::into(row.name), soci::into(row.role), soci::into(row.active),
            soci::into(row.username.value, row.username.indicator), soci::use(staff_id, "id"));
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
            SociSession(m_database),
            fmt::format(
                "SELECT id, name, role, active, username FROM staff{} ORDER BY sort_name, id",
                include_inactive ? "" : " WHERE active = 1"),
            soci::into(row.id), soci::into(row.name), soci::into(row.role), soci::into(row.active),
            soci::into(row.username.value, row.username.indicator));
        std::vector<Staff> staff;
        statement.execute(false);
        while (statement.fetch()) {
            staff.push_back(row.ToStaff());
        }
        return staff;
    });
}

std::optional<Staff> StaffRepository::FindByUsername(const std::string& username) {
    return Guard("find the account", [&]() -> std::optional<Staff> {
        StaffRow row;
        std::string name = username;
        soci::statement statement = detail::OneCallStatement(
            SociSession(m_database),
            "SELECT id, name, role, active, username FROM staff WHERE username = :username",
            soci::into(row.id), soci::into(row.name), soci::into(row.role), soci::into(row.active),
            soci::into(row.username.value, row.username.indicator), soci::use(name, "username"));
        if (!statement.execute(true)) {
            return std::nullopt;
        }
        return row.ToStaff();
    });
}

std::optional<std::string> StaffRepository::PasswordHash(core::StaffId id) {
    return Guard("read the account", [&]() -> std::optional<std::string> {
        detail::Nullable<std::string> hash;
        long long staff_id = id;
        soci::statement statement = detail::OneCallStatement(
            SociSession(m_database), "SELECT password_hash FROM staff WHERE id = :id",
            soci::into(hash.value, hash.indicator), soci::use(staff_id, "id"));
        if (!statement.execute(true)) {
            return std::nullopt;
        }
        return hash.Get();
    });
}

void StaffRepository::SetPasswordHash(core::StaffId id, const std::string& hash) {
    Guard("save the password", [&] {
        long long staff_id = id;
        std::string value = hash;
        soci::statement statement = (SociSession(m_database).prepare
                                         << "UPDATE staff SET password_hash = :hash WHERE id = :id",
                                     soci::use(value, "hash"), soci::use(staff_id, "id"));
        statement.execute(true);
        if (statement.get_affected_rows() == 0) {
            throw NotFoundError(fmt::format("There is no staff member with id {}.", id));
        }
    });
}

bool StaffRepository::HasOwnerAccount() {
    return Guard("read the accounts", [&] {
        int count = 0;
        SociSession(m_database) << "SELECT COUNT(*) FROM staff WHERE role = 'owner' AND active = 1 "
                                   "AND username IS NOT NULL",
            soci::into(count);
        return count > 0;
    });
}

bool StaffRepository::UsernameTaken(const std::string& username, core::StaffId except) {
    return Guard("read the accounts", [&] {
        int count = 0;
        std::string name = username;
        long long other = except;
        SociSession(m_database) << "SELECT COUNT(*) FROM staff WHERE username = :username AND "
                                   "id <> :id",
            soci::use(name, "username"), soci::use(other, "id"), soci::into(count);
        return count > 0;
    });
}

}  // namespace myodesk::db
