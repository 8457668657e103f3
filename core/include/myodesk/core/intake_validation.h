#pragma once

#include <myodesk/core/intake.h>
#include <myodesk/core/validation.h>

namespace myodesk::core {

// Checks an intake before it is saved. Field names are JSON paths of the exchange format
// ("soreness[1].pain", "consent.accepted", "health.surgeries[0].date"). Refused: consent not
// given (accepted, a signed name and date), dates after `today` (taken_on, events, runs,
// consent), pain outside 0-10, regional conditions without region and side, negative or
// implausible distances and counts, text over its limit.
ValidationProblems ValidateIntake(const Intake& intake, const Date& today);

}  // namespace myodesk::core
