#pragma once

// The appointment book's raw side (appointment_bench.cpp): the rows AppointmentService reads
// for the book, read with hand-written SQL through the sqlite3 C API, and a booking's checks
// and INSERT in one transaction.

#include "raw_sqlite.h"

#include <myodesk/core/appointment.h>

#include <cstddef>

namespace myodesk::bench {

// The day view: the therapists, the clinic's and their hours that weekday, the days off that
// day, the day's appointments joined with their clients', rooms' and services' names (by
// time), the series alive that day, and for the flags the screening settings and each
// client's newest intake with its lists. Returns the rows read.
std::size_t RawDay(RawDb& db, const core::Date& date);

// One therapist's week from `first`: the therapist, the clinic's and their hours, their days
// off, their appointments of the seven days joined as the day's are, their series alive then,
// and the clients' newest intakes as for the day.
std::size_t RawWeek(RawDb& db, core::StaffId therapist, const core::Date& first);

// Booking a free slot with the checks AppointmentService::Book makes: the client's newest
// intake and the settings (the flags), the clinic's and the therapist's hours and days off,
// then in one transaction (BEGIN IMMEDIATE) the client, therapist, room and service, the day's
// notes, appointments and series of the therapist, the client and the room (with
// core::WhyClashes), and the INSERT. Throws std::runtime_error on a clash.
void RawBook(RawDb& db, const core::Appointment& appointment);

}  // namespace myodesk::bench
