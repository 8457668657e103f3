#include <myodesk/core/client.h>
#include <myodesk/core/screening.h>
#include <myodesk/core/working_hours.h>
#include <myodesk/db/appointment_repository.h>
#include <myodesk/db/client_repository.h>
#include <myodesk/db/clinic_resource_repository.h>
#include <myodesk/db/clinic_settings_repository.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/hours_repository.h>
#include <myodesk/db/intake_repository.h>
#include <myodesk/db/plan_repository.h>
#include <myodesk/db/session_note_repository.h>
#include <myodesk/db/staff_repository.h>
#include <myodesk/reports/pdf_renderer.h>
#include <myodesk/services/report_loader.h>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

namespace myodesk::services {

namespace {

// Notes read per chunk of the clinic summary: a chunk is held whole, the period is not.
constexpr std::int64_t kNotesPerChunk = 500;

// Every staff member's name, leavers too (old notes name them).
std::map<core::StaffId, std::string> StaffNames(db::Database& database) {
    std::map<core::StaffId, std::string> names;
    for (const core::Staff& staff : db::StaffRepository(database).List(true)) {
        names.emplace(staff.id, staff.name);
    }
    return names;
}

}  // namespace

reports::ClientReportInputs LoadClientReportInputs(db::Database& database, core::ClientId client,
                                                   const core::Date& today) {
    reports::ClientReportInputs inputs;
    auto found = db::ClientRepository(database).Get(client);
    if (!found) {
        throw db::NotFoundError(fmt::format("There is no client with id {}.", client));
    }
    inputs.client = std::move(*found);
    db::ClinicSettingsRepository settings(database);
    inputs.intake = db::IntakeRepository(database).Newest(client);
    if (inputs.intake) {
        inputs.flags =
            core::ScreenContraindications(*inputs.intake, today, settings.LoadScreening());
    }
    inputs.plan = db::PlanRepository(database).Current(client);
    // Reports count and print the notes as their amendments correct them.
    inputs.notes = db::SessionNoteRepository(database).ListAllForClient(client);
    for (core::SessionNote& note : inputs.notes) {
        note = core::AsCorrected(note);
    }
    inputs.staff_names = StaffNames(database);
    std::map<core::ServiceId, std::string> services;
    for (const core::Service& service : db::ClinicResourceRepository(database).Services(true)) {
        services[service.id] = service.name;
    }
    for (const core::Appointment& appointment :
         db::AppointmentRepository(database).ForClient(client, today)) {
        if (appointment.status != core::AppointmentStatus::kBooked &&
            appointment.status != core::AppointmentStatus::kArrived) {
            continue;  // what happened is the session history's
        }
        reports::AppointmentAhead& ahead = inputs.appointments.emplace_back();
        ahead.date = appointment.date;
        ahead.start_minute = appointment.start_minute;
        ahead.duration_min = appointment.duration_min;
        const auto therapist = inputs.staff_names.find(appointment.therapist_id);
        ahead.therapist = therapist == inputs.staff_names.end() ? "" : therapist->second;
        if (appointment.service_id) {
            ahead.service = services[*appointment.service_id];
        }
    }
    inputs.clinic = settings.LoadClinicDetails();
    inputs.today = today;
    return inputs;
}

namespace {

// The minutes of the therapist's hours from `from` to `to`, days off left out; 0 when no hours
// are set at all (every day is then open all day, and a utilisation would mean nothing).
int WorkingMinutes(db::Database& database, core::StaffId therapist, const core::Date& from,
                   const core::Date& to) {
    db::HoursRepository hours(database);
    const core::HoursSetting clinic = hours.Pattern();
    const core::HoursSetting own = hours.Pattern(therapist);
    const bool any_set = std::any_of(clinic.days.begin(), clinic.days.end(),
                                     [](const auto& day) { return day.has_value(); }) ||
                         std::any_of(own.days.begin(), own.days.end(),
                                     [](const auto& day) { return day.has_value(); });
    if (!any_set) {
        return 0;
    }
    const core::WeeklyHours week = core::EffectiveHours(clinic, own);
    std::vector<core::DaysOff> off;
    for (const auto& entry : hours.DaysOffBetween(therapist, from, to)) {
        off.push_back(entry.days);
    }
    int minutes = 0;
    for (core::Date day = from; !(to < day); day = core::AddDays(day, 1)) {
        if (core::IsWorkingDay(week, off, day)) {
            for (const auto& range :
                 week.On(static_cast<core::Weekday>(core::IsoWeekdayIndex(day)))) {
                minutes += range.end_minute - range.start_minute;
            }
        }
    }
    return minutes;
}

}  // namespace

LoadedClinicSummary LoadClinicSummary(db::Database& database,
                                      const reports::ClinicSummaryPeriod& period,
                                      const LoadProgress& progress) {
    const auto keep_going = [&](std::int64_t done, std::int64_t total) {
        return !progress || progress(done, total);
    };

    reports::ClinicSummaryBuilder builder(period);
    db::SessionNoteRepository notes(database);
    std::int64_t total = notes.CountBetween(period.from, period.to);
    std::int64_t done = 0;
    bool cancelled = !keep_going(done, total);
    if (!cancelled) {
        notes.ForEachBetween(period.from, period.to, kNotesPerChunk,
                             [&](const std::vector<core::SessionNote>& chunk) {
                                 std::vector<core::SessionNote> corrected;
                                 corrected.reserve(chunk.size());
                                 for (const core::SessionNote& note : chunk) {
                                     corrected.push_back(core::AsCorrected(note));
                                 }
                                 builder.AddNotes(corrected);
                                 done += static_cast<std::int64_t>(chunk.size());
                                 total = std::max(total, done);  // notes added at another desk
                                 cancelled = !keep_going(done, total);
                                 return !cancelled;
                             });
    }
    if (cancelled) {
        throw reports::RenderCancelled();
    }
    // Who was seen in the lapse window before the period (a client seen there and not in the
    // period has lapsed): only the client and the last date count, not the notes.
    if (period.lapse_window_days > 0) {
        for (const auto& seen :
             notes.LastSessionsBetween(core::AddDays(period.from, -period.lapse_window_days),
                                       core::AddDays(period.from, -1), period.therapist)) {
            builder.AddSeenBefore(seen.client_id, seen.date);
        }
    }
    builder.SetNewClients(notes.FirstSessionsBetween(period.from, period.to, period.therapist));

    // Planned sessions of the four weeks from today, for every client (see the header).
    std::vector<reports::UpcomingSession> upcoming;
    for (const auto& session :
         db::PlanRepository(database).Upcoming(period.today, core::AddDays(period.today, 27))) {
        reports::UpcomingSession& added = upcoming.emplace_back();
        added.client_id = session.client_id;
        added.date = session.date;
        added.status = session.status;
        added.start_minute = session.start_minute;
        added.therapist_id = session.therapist_id;
    }
    builder.SetUpcoming(std::move(upcoming));

    // The appointment book of the period, and each therapist's working time in it.
    const auto appointments = db::AppointmentRepository(database).Between(period.from, period.to);
    builder.AddAppointments(appointments);
    std::set<core::StaffId> booked_with;
    for (const auto& appointment : appointments) {
        booked_with.insert(appointment.therapist_id);
    }
    for (const core::StaffId therapist : booked_with) {
        builder.SetWorkingMinutes(therapist,
                                  WorkingMinutes(database, therapist, period.from, period.to));
    }

    LoadedClinicSummary loaded{builder.Build(), {}, {}};

    // The names of the clients the document lists, each read once.
    std::set<core::ClientId> listed(loaded.summary.new_clients.begin(),
                                    loaded.summary.new_clients.end());
    for (const auto& lapsed : loaded.summary.lapsed_clients) {
        listed.insert(lapsed.client_id);
    }
    for (const auto& note : loaded.summary.unsigned_notes) {
        listed.insert(note.client_id);
    }
    for (const auto& session : loaded.summary.upcoming) {
        listed.insert(session.client_id);
    }
    db::ClientRepository clients(database);
    for (const core::ClientId id : listed) {
        const auto client = clients.Get(id);
        loaded.names.clients.emplace(
            id, client ? core::DisplayName(*client) : fmt::format("client {}", id));
    }
    loaded.names.staff = StaffNames(database);
    loaded.clinic = db::ClinicSettingsRepository(database).LoadClinicDetails();
    return loaded;
}

}  // namespace myodesk::services
