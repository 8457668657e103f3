#pragma once

#include <myodesk/db/database.h>
#include <myodesk/reports/client_report.h>
#include <myodesk/reports/clinic_summary.h>

#include <functional>

namespace myodesk::services {

// Reads what a report is made from, for the CLI and the GUI alike (one place, so both print
// the same report).

// The client, newest intake and its flags on `today`, current plan, every note, the names of
// the therapists and the clinic details. NotFoundError when there is no such client.
reports::ClientReportInputs LoadClientReportInputs(db::Database& database, core::ClientId client,
                                                   const core::Date& today);

// Called as the clinic summary reads its notes: (notes read, notes in all). Return false to
// stop (LoadClinicSummary then throws reports::RenderCancelled).
using LoadProgress = std::function<bool(std::int64_t done, std::int64_t total)>;

struct LoadedClinicSummary {
    reports::ClinicSummary summary;
    reports::ClinicSummaryNames names;
    core::ClinicDetails clinic;
};

// Streams the period's notes chunk by chunk into a reports::ClinicSummaryBuilder, with the
// clients seen in the lapse window before it (each client's last date there, not the notes),
// the new clients, the planned sessions of the four weeks from `period.today` (today + 27
// days), and the names the document shows (the clients it lists, every staff member).
// Progress is reported before the first chunk and after each one; the total is the number of
// notes in the period.
// The planned sessions ahead are every client's, also when the period names a therapist: a
// plan session has no therapist until it is booked, and "clients of the therapist" would
// leave out the new clients they are about to see.
LoadedClinicSummary LoadClinicSummary(db::Database& database,
                                      const reports::ClinicSummaryPeriod& period,
                                      const LoadProgress& progress = {});

}  // namespace myodesk::services
