#pragma once

#include <myodesk/core/clinic_details.h>
#include <myodesk/core/date.h>
#include <myodesk/reports/report_document.h>
#include <myodesk/reports/report_locale.h>

#include <string>
#include <vector>

namespace myodesk::reports {

// One appointment on the day sheet, in words already (the names people know, the status).
struct DaySheetAppointment {
    int start_minute = 0;
    int duration_min = 0;
    std::string client;
    std::string service;
    std::string room;
    std::string status;  // empty while booked
    std::string notes;   // the desk's notes on the booking
    // The client's contraindication flag that day: none, "see the intake", or absolute.
    enum class Flag { kNone, kCaution, kAbsolute };
    Flag flag = Flag::kNone;
    bool in_series = false;
};

// One therapist's day: their hours in words ("09:00–13:00, 14:00–18:00") and appointments by
// time (cancelled ones left out).
struct DaySheetTherapist {
    std::string name;
    std::string hours;  // empty: not working that day
    bool day_off = false;
    std::vector<DaySheetAppointment> appointments;
};

struct DaySheet {
    core::Date date{};
    core::Date today{};
    std::vector<DaySheetTherapist> therapists;
    bool page_per_therapist = true;  // else all on one sheet, one after the other
};

// The day sheet to print at the desk: the clinic's letterhead, the day, and for each therapist
// their hours and a table of the day's appointments (time, client, service and room, the
// flag, the status, the desk's notes), one page each or all on one.
Document DaySheetDocument(const DaySheet& sheet, const core::ClinicDetails& clinic,
                          const ReportLocale& locale);

}  // namespace myodesk::reports
