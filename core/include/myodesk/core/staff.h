#pragma once

#include <myodesk/core/validation.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace myodesk::core {

using StaffId = std::int64_t;

// What a staff member may do once the practice has accounts (core/rights.h): the owner
// everything, a manager the schedule, reports and settings, a therapist the clinical records,
// the front desk the schedule and contact details.
enum class StaffRole { kTherapist, kManager, kOwner, kFrontDesk };

// "therapist", "manager", "owner", "front_desk"
std::string_view ToCode(StaffRole role);
std::optional<StaffRole> StaffRoleFromCode(std::string_view code);

// Someone who works at the clinic. Every session note records its therapist. A staff member
// with a username has an account and signs in with it (the password is kept by the database:
// an Argon2id hash on SQLite, the server's own on PostgreSQL).
struct Staff {
    StaffId id = 0;
    std::string name;
    StaffRole role = StaffRole::kTherapist;
    bool active = true;
    std::string username;  // empty: no account
    friend bool operator==(const Staff&, const Staff&) = default;
};

// A username: 1 to 32 characters, lower-case ASCII letters, digits, '.', '_' or '-', starting
// with a letter (so it is also a safe PostgreSQL role name once prefixed).
bool IsValidUsername(std::string_view username);

// A name is required (at most 100 characters, one line); a username, when given, must be
// valid ("username", kInvalidText).
ValidationProblems ValidateStaff(const Staff& staff);

}  // namespace myodesk::core
