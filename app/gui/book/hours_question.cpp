#include "book/hours_question.h"

#include <wx/intl.h>

namespace myodesk::app {

wxString HoursQuestion(core::HoursVerdict verdict, const wxString& therapist) {
    switch (verdict) {
        case core::HoursVerdict::kClinicClosed:
            return _("The clinic is closed on that day of the week.");
        case core::HoursVerdict::kClinicHoliday:
            return _("The clinic is closed on that day (a holiday).");
        case core::HoursVerdict::kOutsideOpeningHours:
            return _("That time is outside the clinic's opening hours.");
        case core::HoursVerdict::kTherapistNotWorking:
            // TRANSLATORS: the therapist's name
            return wxString::Format(_("%s does not work on that day of the week."), therapist);
        case core::HoursVerdict::kTherapistDayOff:
            return wxString::Format(_("%s is off on that day."), therapist);
        case core::HoursVerdict::kOutsideWorkingHours:
            return wxString::Format(_("That time is outside %s's working hours."), therapist);
        case core::HoursVerdict::kWithin:
            break;
    }
    return wxString();
}

}  // namespace myodesk::app
