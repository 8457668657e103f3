#pragma once

#include <myodesk/core/appointment.h>

#include <nlohmann/json.hpp>

namespace myodesk::app {

// An appointment as --json prints it: codes and ISO dates, null for what is not set.
nlohmann::ordered_json AppointmentJson(const core::Appointment& appointment);

}  // namespace myodesk::app
