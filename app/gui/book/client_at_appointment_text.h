#pragma once

#include "intake/contraindication_banner.h"

#include <myodesk/core/appointment.h>
#include <myodesk/core/session_note.h>
#include <myodesk/services/appointment_service.h>

#include <wx/string.h>

#include <map>
#include <string>

namespace myodesk::app {

// The book's details pane about the client, in words; no window is needed.

// The banner for the appointment's day: its level (the colours) and its lines, most serious
// first; an absolute flag overridden for this appointment says so with the reason.
struct AppointmentBanner {
    BannerLevel level = BannerLevel::kNone;
    wxString text;
};
AppointmentBanner BannerOnAppointment(const services::ClientAtAppointment& client,
                                      const core::Appointment& appointment);

// "Last note: 30 Nov 2026 with Ann Byrne" then "Swedish, Sports · Calves L, R · pain 6 → 3" and
// the note's plan ("Plan: …"), shortened; or "No session notes yet".
wxString LastNoteText(const std::optional<core::SessionNote>& note,
                      const std::map<core::StaffId, std::string>& staff_names);

}  // namespace myodesk::app
