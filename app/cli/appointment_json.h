#pragma once

#include <myodesk/core/appointment.h>

#include <nlohmann/json.hpp>

namespace myodesk::app {

// An appointment as --json prints it: codes and ISO dates, null for what is not set. `ref` is
// how the commands name it ("42", or "42@2027-01-14" for an occurrence of a series not stored
// yet, whose id is null).
nlohmann::ordered_json AppointmentJson(const core::Appointment& appointment,
                                       const core::AppointmentRef& ref);

}  // namespace myodesk::app
