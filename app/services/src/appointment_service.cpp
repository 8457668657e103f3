#include <myodesk/core/text.h>
#include <myodesk/db/clinic_settings_repository.h>
#include <myodesk/db/staff_repository.h>
#include <myodesk/reports/icalendar.h>
#include <myodesk/services/appointment_service.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/errors.h>
#include <myodesk/services/intake_service.h>
#include <myodesk/services/practice_setup_service.h>
#include <myodesk/services/staff_service.h>
#include <myodesk/vocabulary/words.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <utility>

namespace myodesk::services {

namespace {

// The hours a refusal quotes: the clinic's that day for the clinic's verdicts, else the
// therapist's.
std::vector<core::TimeRange> HoursQuoted(const core::HoursOfDay& hours, core::HoursVerdict verdict,
                                         const core::Date& date) {
    const bool clinic = verdict == core::HoursVerdict::kClinicClosed ||
                        verdict == core::HoursVerdict::kClinicHoliday ||
                        verdict == core::HoursVerdict::kOutsideOpeningHours;
    const auto weekday = static_cast<core::Weekday>(core::IsoWeekdayIndex(date));
    return clinic ? hours.clinic.On(weekday) : hours.therapist.On(weekday);
}

}  // namespace

AppointmentService::AppointmentService(Context& context)
    : m_context(context), m_appointments(context.Database(), context.GetClock().Storage()) {}

BookingQuestions AppointmentService::Questions(const core::Appointment& appointment) {
    BookingQuestions questions;
    if (appointment.date.ok() && appointment.therapist_id > 0) {
        const core::HoursOfDay hours =
            PracticeSetupService(m_context).HoursOn(appointment.therapist_id, appointment.date);
        questions.hours = core::CheckHours(hours, appointment.date, appointment.start_minute,
                                           appointment.duration_min);
    }
    const core::LocalMoment now{m_context.Today(), m_context.GetClock().MinuteOfDay()};
    questions.in_past = core::MinutesBetween(core::StartOf(appointment), now) > 0;
    return questions;
}

void AppointmentService::CheckFlagsAndHours(core::Appointment& appointment,
                                            bool outside_hours_confirmed) {
    IntakeService(m_context).CheckFlagOverride(appointment.client_id, appointment.date,
                                               appointment.flag_override);
    if (outside_hours_confirmed || !appointment.date.ok() || appointment.therapist_id <= 0) {
        return;  // an invalid date or therapist is the storage's checks to name
    }
    const core::HoursOfDay hours =
        PracticeSetupService(m_context).HoursOn(appointment.therapist_id, appointment.date);
    const core::HoursVerdict verdict = core::CheckHours(
        hours, appointment.date, appointment.start_minute, appointment.duration_min);
    if (verdict != core::HoursVerdict::kWithin) {
        const auto therapist =
            db::StaffRepository(m_context.Database()).Get(appointment.therapist_id);
        throw OutsideHoursError(verdict, therapist ? therapist->name : std::string(), appointment,
                                HoursQuoted(hours, verdict, appointment.date));
    }
}

BookingNotice AppointmentService::Book(core::Appointment& appointment,
                                       bool outside_hours_confirmed) {
    appointment.id = 0;
    appointment.status = core::AppointmentStatus::kBooked;
    appointment.status_changed_at.clear();
    appointment.status_changed_by.reset();
    appointment.cancel_reason.clear();
    CheckFlagsAndHours(appointment, outside_hours_confirmed);
    const bool in_past = Questions(appointment).in_past;
    m_appointments.Book(appointment, m_context.Today());
    return {in_past};
}

BookingNotice AppointmentService::Reschedule(core::Appointment& appointment,
                                             bool outside_hours_confirmed) {
    const core::Appointment stored = Get(appointment.id);
    if (stored.status != core::AppointmentStatus::kBooked) {
        throw StatusChangeError(appointment.id, stored.status, core::AppointmentStatus::kBooked,
                                StatusChangeError::Change::kMove);
    }
    // What a move may not change: who the session is for, and where it stands.
    appointment.client_id = stored.client_id;
    appointment.status = stored.status;
    appointment.status_changed_at = stored.status_changed_at;
    appointment.status_changed_by = stored.status_changed_by;
    appointment.cancel_reason = stored.cancel_reason;
    appointment.plan_id = stored.plan_id;
    appointment.plan_session = stored.plan_session;
    appointment.series_id = stored.series_id;
    appointment.occurrence_date = stored.occurrence_date;
    CheckFlagsAndHours(appointment, outside_hours_confirmed);
    const bool in_past = Questions(appointment).in_past;
    m_appointments.Update(appointment, m_context.Today());
    return {in_past};
}

core::Appointment AppointmentService::ChangeStatus(core::Appointment appointment,
                                                   core::AppointmentStatus to,
                                                   const std::string& reason) {
    if (!core::CanChangeStatus(appointment.status, to)) {
        throw StatusChangeError(appointment.id, appointment.status, to);
    }
    appointment.status = to;
    appointment.status_changed_at = db::UtcTimestamp(m_context.GetClock().Now());
    appointment.status_changed_by = m_context.Desk().StaffId();
    appointment.cancel_reason = reason;
    // The appointment stays where it was: only its status changes, so the day it was booked
    // for may lie in the past (a no-show marked the next morning).
    m_appointments.Update(appointment, appointment.date);
    return appointment;
}

core::Appointment AppointmentService::Arrive(core::AppointmentId id) {
    return ChangeStatus(Get(id), core::AppointmentStatus::kArrived);
}

core::Appointment AppointmentService::Complete(core::AppointmentId id) {
    return ChangeStatus(Get(id), core::AppointmentStatus::kCompleted);
}

core::Appointment AppointmentService::NoShow(core::AppointmentId id) {
    return ChangeStatus(Get(id), core::AppointmentStatus::kNoShow);
}

core::Appointment AppointmentService::Cancel(core::AppointmentId id, const std::string& reason) {
    if (core::Trim(reason).empty()) {
        throw db::ValidationError({{"cancel_reason", core::ProblemCode::kRequired}});
    }
    const core::Appointment appointment = Get(id);
    const int notice_hours =
        db::ClinicSettingsRepository(m_context.Database()).Load().book.notice_hours;
    const core::LocalMoment now{m_context.Today(), m_context.GetClock().MinuteOfDay()};
    const bool late = core::IsLateCancellation(core::StartOf(appointment), now, notice_hours);
    return ChangeStatus(
        appointment,
        late ? core::AppointmentStatus::kLateCancelled : core::AppointmentStatus::kCancelled,
        core::Trim(reason));
}

core::Appointment AppointmentService::Undo(core::AppointmentId id) {
    return ChangeStatus(Get(id), core::AppointmentStatus::kBooked);
}

core::Appointment AppointmentService::Get(core::AppointmentId id) {
    auto appointment = m_appointments.Get(id);
    if (!appointment) {
        throw db::NotFoundError(fmt::format("There is no appointment with id {}.", id));
    }
    return *appointment;
}

std::vector<core::Appointment> AppointmentService::Between(const core::Date& from,
                                                           const core::Date& to,
                                                           const db::AppointmentFilter& filter) {
    if (to < from) {
        throw InvalidPeriodError(from, to);
    }
    return m_appointments.Between(from, to, filter);
}

BookDay AppointmentService::Day(const core::Date& date) {
    BookDay day;
    day.date = date;
    const auto weekday = static_cast<core::Weekday>(core::IsoWeekdayIndex(date));
    PracticeSetupService setup(m_context);
    const core::HoursSetting clinic = setup.Pattern();
    day.clinic_hours = core::EffectiveHours(clinic).On(weekday);
    const auto days_off = setup.DaysOff(std::nullopt, date, date);  // the clinic's holidays
    day.clinic_closed = day.clinic_hours.empty() || !days_off.empty();

    const auto appointments = m_appointments.Between(date, date);
    std::map<core::StaffId, bool> booked;
    for (const auto& appointment : appointments) {
        booked[appointment.therapist_id] = true;
    }
    for (const core::Staff& member : StaffService(m_context).List(true)) {
        if (member.role != core::StaffRole::kTherapist && !booked.count(member.id)) {
            continue;
        }
        BookColumn column;
        column.therapist = member;
        column.hours = core::EffectiveHours(clinic, setup.Pattern(member.id)).On(weekday);
        for (const auto& entry : setup.DaysOff(member.id, date, date)) {
            column.day_off = column.day_off || entry.staff.has_value();
        }
        const bool works = !column.hours.empty() && !column.day_off && !day.clinic_closed;
        if ((member.active && works) || booked.count(member.id)) {
            day.columns.push_back(std::move(column));
        }
    }

    std::map<core::RoomId, std::string> rooms;
    for (const auto& room : setup.Rooms(true)) {
        rooms[room.id] = room.name;
    }
    std::map<core::ServiceId, std::string> services;
    for (const auto& service : setup.Services(true)) {
        services[service.id] = service.name;
    }
    // Each client's name and flags once, however many appointments they have that day.
    std::map<core::ClientId, std::pair<std::string, std::optional<core::FlagLevel>>> clients;
    ClientService client_service(m_context);
    IntakeService intakes(m_context);
    for (const auto& appointment : appointments) {
        auto found = clients.find(appointment.client_id);
        if (found == clients.end()) {
            std::optional<core::FlagLevel> worst;
            if (const auto intake = intakes.Newest(appointment.client_id)) {
                for (const auto& flag : intakes.Flags(*intake, date)) {
                    if (!worst || static_cast<int>(flag.level) < static_cast<int>(*worst)) {
                        worst = flag.level;  // kAbsolute is the most serious
                    }
                }
            }
            const auto client = client_service.Find(appointment.client_id);
            found = clients
                        .emplace(appointment.client_id,
                                 std::make_pair(client ? core::DisplayName(*client) : "", worst))
                        .first;
        }
        BookEntry entry;
        entry.appointment = appointment;
        entry.client_name = found->second.first;
        entry.flag = found->second.second;
        if (appointment.room_id) {
            entry.room_name = rooms[*appointment.room_id];
        }
        if (appointment.service_id) {
            entry.service_name = services[*appointment.service_id];
        }
        day.entries.push_back(std::move(entry));
    }
    return day;
}

std::string AppointmentService::ClinicTimeZone() {
    const std::string chosen =
        db::ClinicSettingsRepository(m_context.Database()).Load().book.time_zone;
    if (!chosen.empty()) {
        return chosen;
    }
    // TZ=":Europe/Dublin" or "Europe/Dublin" (a POSIX rule such as "CET-1" is not a name).
    if (const char* tz = std::getenv("TZ"); tz != nullptr) {
        std::string name = tz[0] == ':' ? tz + 1 : tz;
        if (core::IsTimeZoneName(name)) {
            return name;
        }
    }
    std::error_code error;
    const auto target = std::filesystem::read_symlink("/etc/localtime", error);
    const std::string path = error ? std::string() : target.string();
    const std::string marker = "zoneinfo/";
    if (const auto at = path.find(marker); at != std::string::npos) {
        const std::string name = path.substr(at + marker.size());
        if (core::IsTimeZoneName(name)) {
            return name;
        }
    }
    return "UTC";
}

std::string AppointmentService::Calendar(const core::Date& from, const core::Date& to,
                                         const std::optional<core::StaffId>& therapist,
                                         std::size_t& count) {
    db::AppointmentFilter filter;
    filter.therapist = therapist;
    const core::CalendarNames names =
        db::ClinicSettingsRepository(m_context.Database()).Load().book.calendar_names;
    PracticeSetupService setup(m_context);
    std::map<core::RoomId, std::string> rooms;
    for (const auto& room : setup.Rooms(true)) {
        rooms[room.id] = room.name;
    }
    std::map<core::ServiceId, std::string> services;
    for (const auto& service : setup.Services(true)) {
        services[service.id] = service.name;
    }
    std::map<core::ClientId, std::string> client_names;
    ClientService clients(m_context);
    std::vector<reports::CalendarEvent> events;
    for (const core::Appointment& appointment : Between(from, to, filter)) {
        if (!core::HoldsSlot(appointment.status)) {
            continue;
        }
        auto found = client_names.find(appointment.client_id);
        if (found == client_names.end()) {
            const auto client = clients.Find(appointment.client_id);
            found = client_names
                        .emplace(appointment.client_id,
                                 client ? core::CalendarClientName(*client, names) : "")
                        .first;
        }
        std::string what = appointment.service_id ? services[*appointment.service_id]
                                                  : vocabulary::UnnamedServiceWord();
        reports::CalendarEvent& event = events.emplace_back();
        // Stable across exports: the appointment and when it was made.
        std::string made = appointment.created_at;
        made.erase(
            std::remove_if(made.begin(), made.end(), [](char c) { return c < '0' || c > '9'; }),
            made.end());
        event.uid = fmt::format("appointment-{}-{}@myodesk", appointment.id, made);
        event.date = appointment.date;
        event.start_minute = appointment.start_minute;
        event.duration_min = appointment.duration_min;
        event.summary = found->second.empty() ? what : found->second + " · " + what;
        if (appointment.room_id) {
            event.location = rooms[*appointment.room_id];
        }
    }
    count = events.size();
    return reports::WriteCalendar(events, ClinicTimeZone(),
                                  db::UtcTimestamp(m_context.GetClock().Now()));
}

}  // namespace myodesk::services
