#pragma once

#include <myodesk/core/validation.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace myodesk::core {

using StaffId = std::int64_t;

enum class StaffRole { kTherapist, kManager };

std::string_view ToCode(StaffRole role);  // "therapist", "manager"
std::optional<StaffRole> StaffRoleFromCode(std::string_view code);

// Someone who works at the clinic. Every session note records its therapist.
struct Staff {
    StaffId id = 0;
    std::string name;
    StaffRole role = StaffRole::kTherapist;
    bool active = true;
    friend bool operator==(const Staff&, const Staff&) = default;
};

// A name is required (at most 100 characters, one line).
ValidationProblems ValidateStaff(const Staff& staff);

}  // namespace myodesk::core
