#pragma once

#include <myodesk/core/validation.h>
#include <myodesk/db/session_clash.h>

#include <string>

namespace myodesk::app {

// One line for a terminal: "date_of_birth: the date is in the future".
std::string ProblemText(const core::ValidationProblem& problem);

// The line for a session that clashes with `other` (db::ClashError), and why: "start_time:
// clashes with session note 12: Tom Ng with Anna Berg on 2026-12-04, 10:00-11:00 (the same
// therapist)"; for a room, "(the same room, Blue room, free again at 11:05)".
std::string ClashText(const db::BookedSession& other,
                      core::ClashReason reason = core::ClashReason::kTherapist);

}  // namespace myodesk::app
