#include <myodesk/core/client.h>
#include <myodesk/core/screening.h>
#include <myodesk/db/client_repository.h>
#include <myodesk/db/clinic_settings_repository.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/intake_repository.h>
#include <myodesk/db/plan_repository.h>
#include <myodesk/db/session_note_repository.h>
#include <myodesk/db/staff_repository.h>
#include <myodesk/reports/pdf_renderer.h>
#include <myodesk/services/report_loader.h>

#include <fmt/format.h>

#include <algorithm>
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
    inputs.clinic = settings.LoadClinicDetails();
    inputs.today = today;
    return inputs;
}

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
        upcoming.push_back({session.client_id, session.date, session.status});
    }
    builder.SetUpcoming(std::move(upcoming));

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
