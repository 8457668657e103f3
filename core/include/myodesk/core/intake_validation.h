#pragma once

#include <myodesk/core/intake.h>
#include <myodesk/core/validation.h>

namespace myodesk::core {

// Checks an intake before it is saved. Field names are JSON paths of the exchange format
// ("soreness[1].pain", "consent.accepted", "health.surgeries[0].date"). Refused: consent not
// given (accepted, a signed name and date), dates after `today` or before
// DateLimits::kEarliest (taken_on, events, runs, consent, since), a goal race outside
// DateLimits, pain outside 0-10, regional conditions without region and side, a side without
// a region, pregnancy_weeks without pregnant (kContradicts), negative or implausible distances
// and counts, text over its limit or with control characters, lists over IntakeListLimits,
// the same entry twice in a list (kDuplicate: a condition with its place, a medication by
// name and class, a surgery, injury or run, a soreness or avoided place).
ValidationProblems ValidateIntake(const Intake& intake, const Date& today);

}  // namespace myodesk::core
