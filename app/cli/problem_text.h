#pragma once

#include <myodesk/core/validation.h>

#include <string>

namespace myodesk::app {

// One line for a terminal: "date_of_birth: the date is in the future".
std::string ProblemText(const core::ValidationProblem& problem);

}  // namespace myodesk::app
