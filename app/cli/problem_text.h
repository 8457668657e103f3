#pragma once

#include <myodesk/core/validation.h>
#include <myodesk/db/session_clash.h>

#include <string>

namespace myodesk::app {

// One line for a terminal: "date_of_birth: the date is in the future".
std::string ProblemText(const core::ValidationProblem& problem);

// The line for a session that clashes with `other` (db::ClashError): "start_time: clashes with
// session note 12: Tom Ng with Anna Berg on 2026-12-04, 10:00-11:00".
std::string ClashText(const db::BookedSession& other);

}  // namespace myodesk::app
