#pragma once

#include <myodesk/core/client.h>
#include <myodesk/core/validation.h>

namespace myodesk::core {

// Checks a client before it is saved. Returns every problem found (empty when valid):
// a given or family name is required; the date of birth may not be after `today` nor more
// than ClientLimits::kMaxAgeYears before it; email and phone must be plausible; text fields
// have length limits and must be valid UTF-8.
ValidationProblems ValidateClient(const Client& client, const Date& today);

// Plausibility checks shared with other forms (staff, emergency contacts).
bool IsPlausibleEmail(std::string_view email);
bool IsPlausiblePhone(std::string_view phone);

}  // namespace myodesk::core
