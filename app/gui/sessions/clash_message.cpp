#include "sessions/clash_message.h"

#include "common/wx_conversions.h"
#include "sessions/session_note_text.h"

#include <wx/intl.h>

namespace myodesk::app {

wxString ClashMessage(const wxString& label, const db::BookedSession& other,
                      core::ClashReason reason) {
    const wxString when =
        SessionWhen(other.slot.date, other.slot.start_minute, other.slot.duration_min);
    const wxString client = ToWx(other.client_name);
    const wxString therapist = ToWx(other.therapist_name);
    if (reason == core::ClashReason::kRoom) {
        const int free_at = (other.slot.EndMinute() + other.slot.room_changeover_min) % (24 * 60);
        // TRANSLATORS: field, room, client, therapist, "4 Dec 2026, 10:00–11:00", "11:15"
        return wxString::Format(_("%s: %s is taken then by %s with %s, %s, and free again at %s."),
                                label, ToWx(other.room_name), client, therapist, when,
                                ToWx(core::FormatClockTime(free_at)));
    }
    if (other.slot.kind == core::SessionKind::kAppointment) {
        // TRANSLATORS: field, client, therapist, "4 Dec 2026, 10:00–11:00"
        return wxString::Format(_("%s: this clashes with the booked session of %s with %s, %s."),
                                label, client, therapist, when);
    }
    // TRANSLATORS: field, client, therapist, "4 Dec 2026, 10:00–11:00"
    return wxString::Format(_("%s: this clashes with the session note of %s with %s, %s."), label,
                            client, therapist, when);
}

}  // namespace myodesk::app
