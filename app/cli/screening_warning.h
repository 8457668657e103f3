#pragma once

#include "command_context.h"

#include <myodesk/core/appointment.h>
#include <myodesk/core/client.h>
#include <myodesk/core/date.h>
#include <myodesk/services/appointment_service.h>

namespace myodesk::app {

// A session (a note, a booking) for a client who was not screened (no intake, or one over a
// year old on the session's day) goes ahead, with a warning on standard error.
void WarnOfScreeningGap(CommandContext& context, core::ClientId client, const core::Date& date);

// A booking or move saved for a time already begun (a walk-in entered afterwards): a warning
// on standard error.
void WarnOfNotice(CommandContext& context, const core::Appointment& appointment,
                  const services::BookingNotice& notice);

}  // namespace myodesk::app
