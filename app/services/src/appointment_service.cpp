#include <myodesk/core/text.h>
#include <myodesk/db/clinic_settings_repository.h>
#include <myodesk/db/plan_repository.h>
#include <myodesk/db/staff_repository.h>
#include <myodesk/reports/icalendar.h>
#include <myodesk/services/appointment_service.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/errors.h>
#include <myodesk/services/intake_service.h>
#include <myodesk/services/note_service.h>
#include <myodesk/services/practice_setup_service.h>
#include <myodesk/services/staff_service.h>
#include <myodesk/vocabulary/words.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <utility>

namespace myodesk::services {

namespace {

// What the audit log keeps of an appointment: when, with whom, where and how it stands.
nlohmann::ordered_json AuditedAppointment(const core::Appointment& appointment) {
    nlohmann::ordered_json json{{"date", core::FormatIsoDate(appointment.date)},
                                {"start", core::FormatClockTime(appointment.start_minute)},
                                {"duration_min", appointment.duration_min},
                                {"therapist_id", appointment.therapist_id},
                                {"status", core::ToCode(appointment.status)}};
    if (appointment.room_id) {
        json["room_id"] = *appointment.room_id;
    }
    if (!appointment.cancel_reason.empty()) {
        json["cancel_reason"] = appointment.cancel_reason;
    }
    return json;
}

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

BookingQuestions AppointmentService::Questions(const core::AppointmentSeries& series) {
    BookingQuestions questions = Questions(series.pattern);
    core::Recurrence rule = series.rule;
    rule.exceptions.clear();
    const core::Appointment& pattern = series.pattern;
    const auto last = core::LastOccurrence(pattern.date, rule);
    if (!last || pattern.therapist_id <= 0 ||
        !core::ValidateRecurrence(pattern.date, rule).empty()) {
        return questions;
    }
    const core::HoursOfDay hours =
        PracticeSetupService(m_context).HoursBetween(pattern.therapist_id, pattern.date, *last);
    questions.hours = core::HoursVerdict::kWithin;
    for (const core::Date& day :
         core::OccurrencesBetween(pattern.date, rule, pattern.date, *last)) {
        const core::HoursVerdict verdict =
            core::CheckHours(hours, day, pattern.start_minute, pattern.duration_min);
        if (verdict != core::HoursVerdict::kWithin) {
            questions.hours = verdict;
            questions.hours_day = day;
            break;
        }
    }
    return questions;
}

void AppointmentService::CheckSeries(core::AppointmentSeries& series,
                                     bool outside_hours_confirmed) {
    core::Appointment& pattern = series.pattern;
    core::Recurrence rule = series.rule;
    rule.exceptions.clear();
    const auto last = core::LastOccurrence(pattern.date, rule);
    if (!pattern.date.ok() || !last || !core::ValidateRecurrence(pattern.date, rule).empty()) {
        CheckFlagsAndHours(pattern, outside_hours_confirmed);
        return;  // the storage's checks name what is wrong with the rule
    }
    const auto days = core::OccurrencesBetween(pattern.date, rule, pattern.date, *last);
    // The client's flags on every day (the newest intake read once).
    IntakeService intakes(m_context);
    bool flagged = false;
    const auto intake = intakes.BookScreens() ? intakes.Newest(pattern.client_id) : std::nullopt;
    if (intake) {
        for (const core::Date& day : days) {
            std::vector<core::ContraindicationFlag> absolute;
            for (auto& flag : intakes.Flags(*intake, day)) {
                if (flag.level == core::FlagLevel::kAbsolute) {
                    absolute.push_back(std::move(flag));
                }
            }
            if (!absolute.empty() && core::Trim(pattern.flag_override).empty()) {
                throw AbsoluteFlagError(day, std::move(absolute));
            }
            flagged = flagged || !absolute.empty();
        }
    }
    pattern.flag_override = flagged ? core::Trim(pattern.flag_override) : std::string();
    if (outside_hours_confirmed || pattern.therapist_id <= 0) {
        return;
    }
    const BookingQuestions questions = Questions(series);
    if (questions.hours != core::HoursVerdict::kWithin) {
        const core::HoursOfDay hours =
            PracticeSetupService(m_context).HoursOn(pattern.therapist_id, questions.hours_day);
        const auto therapist = db::StaffRepository(m_context.Database()).Get(pattern.therapist_id);
        core::Appointment that_day = pattern;
        that_day.date = questions.hours_day;
        throw OutsideHoursError(questions.hours, therapist ? therapist->name : std::string(),
                                that_day, HoursQuoted(hours, questions.hours, that_day.date));
    }
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
    m_context.Require(core::Right::kSchedule);
    appointment.id = 0;
    appointment.status = core::AppointmentStatus::kBooked;
    appointment.status_changed_at.clear();
    appointment.status_changed_by.reset();
    appointment.cancel_reason.clear();
    CheckFlagsAndHours(appointment, outside_hours_confirmed);
    const bool in_past = Questions(appointment).in_past;
    db::Transaction transaction(m_context.Database());
    if (appointment.plan_id && appointment.plan_session) {
        BookFromPlan(appointment);
    } else {
        appointment.plan_id.reset();
        appointment.plan_session.reset();
        m_appointments.Book(appointment, m_context.Today());
    }
    m_context.Audit("appointment.book", appointment.client_id, "appointment", appointment.id,
                    nlohmann::ordered_json{{"after", AuditedAppointment(appointment)}}.dump());
    transaction.Commit();
    return {in_past};
}

BookingNotice AppointmentService::BookSeries(core::AppointmentSeries& series,
                                             core::AppointmentId& first,
                                             bool outside_hours_confirmed) {
    m_context.Require(core::Right::kSchedule);
    series.id = 0;
    core::Appointment& pattern = series.pattern;
    pattern.id = 0;
    pattern.status = core::AppointmentStatus::kBooked;
    pattern.status_changed_at.clear();
    pattern.status_changed_by.reset();
    pattern.cancel_reason.clear();
    pattern.plan_id.reset();
    pattern.plan_session.reset();
    CheckSeries(series, outside_hours_confirmed);
    const bool in_past = Questions(pattern).in_past;
    db::Transaction transaction(m_context.Database());
    first = m_appointments.BookSeries(series, m_context.Today());
    m_context.Audit("appointment.book_series", pattern.client_id, "appointment_series", series.id,
                    nlohmann::ordered_json{{"after", AuditedAppointment(pattern)},
                                           {"first_appointment_id", first}}
                        .dump());
    transaction.Commit();
    return {in_past};
}

BookingNotice AppointmentService::Reschedule(core::Appointment& appointment,
                                             bool outside_hours_confirmed, SeriesChange change) {
    m_context.Require(core::Right::kSchedule);
    const core::Appointment stored = Current(appointment);
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
    appointment.id = stored.id;
    if (stored.id == 0) {
        appointment.version = stored.version;
    }
    if (change == SeriesChange::kThisAndFollowing && stored.series_id) {
        const auto series = m_appointments.GetSeries(*stored.series_id);
        auto following = series ? core::FollowingSeries(*series, appointment) : std::nullopt;
        if (!following) {
            throw db::NotFoundError(
                fmt::format("There is no series with id {}.", *stored.series_id));
        }
        CheckSeries(*following, outside_hours_confirmed);
        appointment.flag_override = following->pattern.flag_override;
        const bool in_past = Questions(appointment).in_past;
        db::Transaction transaction(m_context.Database());
        m_appointments.ChangeFollowing(appointment, m_context.Today());
        AuditMove(stored, appointment, "appointment.move_following");
        transaction.Commit();
        return {in_past};
    }
    CheckFlagsAndHours(appointment, outside_hours_confirmed);
    const bool in_past = Questions(appointment).in_past;
    db::Transaction transaction(m_context.Database());
    if (stored.id == 0) {
        m_appointments.Book(appointment, m_context.Today());  // "this one" is stored now
    } else {
        m_appointments.Update(appointment, m_context.Today());
    }
    AuditMove(stored, appointment, "appointment.move");
    transaction.Commit();
    return {in_past};
}

void AppointmentService::AuditMove(const core::Appointment& before, const core::Appointment& after,
                                   std::string_view action) {
    m_context.Audit(action, after.client_id, "appointment", after.id,
                    nlohmann::ordered_json{{"before", AuditedAppointment(before)},
                                           {"after", AuditedAppointment(after)}}
                        .dump());
}

core::Appointment AppointmentService::ChangeStatus(core::Appointment appointment,
                                                   core::AppointmentStatus to,
                                                   const std::string& reason) {
    m_context.Require(core::Right::kSchedule);
    if (!core::CanChangeStatus(appointment.status, to)) {
        throw StatusChangeError(appointment.id, appointment.status, to);
    }
    const core::Appointment before = appointment;
    appointment.status = to;
    appointment.status_changed_at = db::UtcTimestamp(m_context.GetClock().Now());
    appointment.status_changed_by = m_context.Desk().StaffId();
    appointment.cancel_reason = reason;
    // The appointment stays where it was: only its status changes, so the day it was booked
    // for may lie in the past (a no-show marked the next morning).
    db::Transaction transaction(m_context.Database());
    if (appointment.id == 0) {
        m_appointments.Book(appointment, appointment.date);  // an occurrence, stored now
    } else {
        m_appointments.Update(appointment, appointment.date);
    }
    // A plan's session booked as this appointment is missed when it is cancelled or not
    // attended (the next plan makes up for it), and booked again when that is undone.
    db::PlanRepository(m_context.Database(), m_context.GetClock().Storage())
        .FollowAppointment(appointment);
    AuditMove(before, appointment, "appointment.status");
    transaction.Commit();
    return appointment;
}

core::Appointment AppointmentService::Arrive(const core::Appointment& shown) {
    return ChangeStatus(Current(shown), core::AppointmentStatus::kArrived);
}

core::Appointment AppointmentService::Complete(const core::Appointment& shown) {
    return ChangeStatus(Current(shown), core::AppointmentStatus::kCompleted);
}

core::Appointment AppointmentService::NoShow(const core::Appointment& shown) {
    return ChangeStatus(Current(shown), core::AppointmentStatus::kNoShow);
}

core::Appointment AppointmentService::Cancel(const core::Appointment& shown,
                                             const std::string& reason, SeriesChange change) {
    m_context.Require(core::Right::kSchedule);
    if (core::Trim(reason).empty()) {
        throw db::ValidationError({{"cancel_reason", core::ProblemCode::kRequired}});
    }
    db::Transaction transaction(m_context.Database());
    const core::Appointment appointment = Current(shown);
    const int notice_hours =
        db::ClinicSettingsRepository(m_context.Database()).Load().book.notice_hours;
    const core::LocalMoment now{m_context.Today(), m_context.GetClock().MinuteOfDay()};
    const bool late = core::IsLateCancellation(core::StartOf(appointment), now, notice_hours);
    core::Appointment cancelled = ChangeStatus(
        appointment,
        late ? core::AppointmentStatus::kLateCancelled : core::AppointmentStatus::kCancelled,
        core::Trim(reason));
    if (change == SeriesChange::kThisAndFollowing && appointment.series_id &&
        appointment.occurrence_date) {
        m_appointments.EndSeriesAfter(*appointment.series_id, *appointment.occurrence_date);
        // Occurrences after it stored while booked (moved alone, say) go too; later ones
        // cannot be late.
        db::AppointmentFilter filter;
        filter.client = appointment.client_id;
        filter.status = core::AppointmentStatus::kBooked;
        for (const core::Appointment& later : m_appointments.Between(
                 *appointment.occurrence_date,
                 core::AddDays(m_context.Today(), 365 * core::AppointmentLimits::kMaxYearsAhead),
                 filter)) {
            if (later.series_id == appointment.series_id && later.occurrence_date &&
                *later.occurrence_date > *appointment.occurrence_date) {
                ChangeStatus(later, core::AppointmentStatus::kCancelled, core::Trim(reason));
            }
        }
    }
    transaction.Commit();
    return cancelled;
}

core::Appointment AppointmentService::Undo(const core::Appointment& shown) {
    m_context.Require(core::Right::kSchedule);
    return ChangeStatus(Current(shown), core::AppointmentStatus::kBooked);
}

core::Appointment AppointmentService::Current(const core::Appointment& shown) {
    if (shown.id != 0 || !shown.series_id || !shown.occurrence_date) {
        return Get(shown.id);
    }
    auto occurrence = m_appointments.Occurrence(*shown.series_id, *shown.occurrence_date);
    if (!occurrence) {
        throw db::NotFoundError(fmt::format("The series has no appointment on {} any more.",
                                            core::FormatIsoDate(*shown.occurrence_date)));
    }
    return *occurrence;
}

core::Appointment AppointmentService::Get(core::AppointmentId id) {
    auto appointment = m_appointments.Get(id);
    if (!appointment) {
        throw db::NotFoundError(fmt::format("There is no appointment with id {}.", id));
    }
    return *appointment;
}

core::Appointment AppointmentService::Get(const core::AppointmentRef& ref) {
    const core::Appointment named = Get(ref.id);
    if (!ref.day) {
        return named;
    }
    if (!named.series_id) {
        throw db::NotFoundError(
            fmt::format("Appointment {} is not one of a series: name it by its id alone.", ref.id));
    }
    auto occurrence = m_appointments.Occurrence(*named.series_id, *ref.day);
    if (!occurrence) {
        throw db::NotFoundError(
            fmt::format("The series of appointment {} has no appointment on {}.", ref.id,
                        core::FormatIsoDate(*ref.day)));
    }
    return *occurrence;
}

core::AppointmentRef AppointmentService::RefOf(const core::Appointment& appointment) {
    if (!core::IsUnstoredOccurrence(appointment)) {
        return {appointment.id, std::nullopt};
    }
    const auto series = m_appointments.GetSeries(*appointment.series_id);
    const auto first =
        series ? m_appointments.Occurrence(series->id, series->pattern.date) : std::nullopt;
    return {first ? first->id : 0, appointment.occurrence_date};
}

std::optional<core::AppointmentSeries> AppointmentService::SeriesOf(
    const core::Appointment& appointment) {
    if (!appointment.series_id) {
        return std::nullopt;
    }
    return m_appointments.GetSeries(*appointment.series_id);
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
    m_context.RequireSignedIn();
    BookDay day;
    day.date = date;
    const auto weekday = static_cast<core::Weekday>(core::IsoWeekdayIndex(date));
    PracticeSetupService setup(m_context);
    const core::HoursSetting clinic = setup.Pattern();
    day.clinic_hours = core::EffectiveHours(clinic).On(weekday);
    // Everyone's hours and days off in a read each (one of each per therapist made 40 reads for
    // 20 therapists): the clinic's holidays close it, a therapist's own take their column off.
    std::set<core::StaffId> off;
    bool holiday = false;
    for (const db::DaysOffEntry& entry : setup.AllDaysOff(date, date)) {
        if (entry.staff) {
            off.insert(*entry.staff);
        } else {
            holiday = true;
        }
    }
    day.clinic_closed = day.clinic_hours.empty() || holiday;
    const std::map<core::StaffId, core::HoursSetting> patterns = setup.StaffPatterns();

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
        column.date = date;
        const auto pattern = patterns.find(member.id);
        column.hours =
            core::EffectiveHours(clinic,
                                 pattern != patterns.end() ? pattern->second : core::HoursSetting{})
                .On(weekday);
        column.day_off = off.count(member.id) > 0;
        const bool works = !column.hours.empty() && !column.day_off && !day.clinic_closed;
        if ((member.active && works) || booked.count(member.id)) {
            day.columns.push_back(std::move(column));
        }
    }

    day.entries = EntriesOf(appointments);
    AddProposals(day);
    return day;
}

ClientAtAppointment AppointmentService::ClientAt(const core::Appointment& appointment) {
    ClientAtAppointment shown;
    if (!m_context.Allows(core::Right::kReadClinical)) {
        return shown;  // the front desk sees the booking, not the client's health
    }
    IntakeService intakes(m_context);
    if (const auto intake = intakes.Newest(appointment.client_id)) {
        shown.intake_taken_on = intake->taken_on;
        shown.flags = intakes.Flags(*intake, appointment.date);
    }
    shown.last_note = NoteService(m_context).Latest(appointment.client_id);
    return shown;
}

BookDay AppointmentService::RoomDay(const core::Date& date) {
    m_context.RequireSignedIn();
    BookDay day;
    day.date = date;
    day.by_room = true;
    PracticeSetupService setup(m_context);
    day.clinic_hours = core::EffectiveHours(setup.Pattern())
                           .On(static_cast<core::Weekday>(core::IsoWeekdayIndex(date)));
    day.clinic_closed =
        day.clinic_hours.empty() || !setup.DaysOff(std::nullopt, date, date).empty();

    const auto appointments = m_appointments.Between(date, date);
    std::set<core::RoomId> booked;  // 0: an appointment without a room
    for (const auto& appointment : appointments) {
        if (core::HoldsSlot(appointment.status)) {
            booked.insert(appointment.room_id.value_or(0));
        }
    }
    // An inactive room keeps its column on a day it still holds an appointment.
    for (const core::Room& room : setup.Rooms(true)) {
        if (room.active || booked.count(room.id)) {
            BookColumn& column = day.columns.emplace_back();
            column.room = room;
            column.date = date;
            column.hours = day.clinic_hours;
        }
    }
    if (booked.count(0)) {
        BookColumn& column = day.columns.emplace_back();
        column.room = core::Room{};
        column.room->active = false;
        column.date = date;
        column.hours = day.clinic_hours;
    }
    day.entries = EntriesOf(appointments);
    // A room's column says who gives each session.
    std::map<core::StaffId, std::string> names;
    for (const core::Staff& member : StaffService(m_context).List(true)) {
        names[member.id] = member.name;
    }
    for (BookEntry& entry : day.entries) {
        entry.therapist_name = names[entry.appointment.therapist_id];
    }
    return day;
}

std::vector<BookEntry> AppointmentService::EntriesOf(
    const std::vector<core::Appointment>& appointments) {
    PracticeSetupService setup(m_context);
    std::map<core::RoomId, std::string> rooms;
    for (const auto& room : setup.Rooms(true)) {
        rooms[room.id] = room.name;
    }
    std::map<core::ServiceId, std::string> services;
    for (const auto& service : setup.Services(true)) {
        services[service.id] = service.name;
    }
    // The clients' names and newest intakes for all the appointments at once, and the
    // screening settings once: a few reads however many appointments (one per client and
    // appointment made a day view about 1,950 statements). The flags of each appointment's day,
    // for which the intakes' health answers are enough (whole intakes were five times the rows,
    // most of a day view's time).
    std::vector<core::ClientId> ids;
    ids.reserve(appointments.size());
    for (const auto& appointment : appointments) {
        ids.push_back(appointment.client_id);
    }
    const auto clients = ClientService(m_context).SummariesOf(ids);
    const auto intakes = IntakeService(m_context).NewestHealthOf(ids);
    const core::ScreeningSettings settings =
        intakes.empty() ? core::ScreeningSettings{}
                        : db::ClinicSettingsRepository(m_context.Database()).LoadScreening();
    std::vector<BookEntry> entries;
    entries.reserve(appointments.size());
    for (const auto& appointment : appointments) {
        std::optional<core::FlagLevel> worst;
        if (const auto intake = intakes.find(appointment.client_id); intake != intakes.end()) {
            for (const auto& flag :
                 core::ScreenContraindications(intake->second, appointment.date, settings)) {
                if (!worst || static_cast<int>(flag.level) < static_cast<int>(*worst)) {
                    worst = flag.level;  // kAbsolute is the most serious
                }
            }
        }
        const auto client = clients.find(appointment.client_id);
        BookEntry entry;
        entry.appointment = appointment;
        entry.client_name = client != clients.end() ? core::DisplayName(client->second) : "";
        entry.flag = worst;
        if (appointment.room_id) {
            entry.room_name = rooms[*appointment.room_id];
        }
        if (appointment.service_id) {
            entry.service_name = services[*appointment.service_id];
        }
        entries.push_back(std::move(entry));
    }
    return entries;
}

BookDay AppointmentService::Week(core::StaffId therapist, const core::Date& first) {
    m_context.RequireSignedIn();
    BookDay week;
    week.date = first;
    week.week = true;
    const core::Date last = core::AddDays(first, 6);
    PracticeSetupService setup(m_context);
    const auto member = StaffService(m_context).Get(therapist);
    const core::HoursSetting clinic = setup.Pattern();
    const core::WeeklyHours hours = core::EffectiveHours(clinic, setup.Pattern(therapist));
    const auto days_off = setup.DaysOff(therapist, first, last);
    for (core::Date day = first; day <= last; day = core::AddDays(day, 1)) {
        BookColumn column;
        column.therapist = member;
        column.date = day;
        column.hours = hours.On(static_cast<core::Weekday>(core::IsoWeekdayIndex(day)));
        for (const auto& entry : days_off) {
            column.day_off = column.day_off || (entry.days.from <= day && day <= entry.days.to);
        }
        week.columns.push_back(std::move(column));
    }
    week.clinic_hours =
        core::EffectiveHours(clinic).On(static_cast<core::Weekday>(core::IsoWeekdayIndex(first)));
    db::AppointmentFilter filter;
    filter.therapist = therapist;
    week.entries = EntriesOf(m_appointments.Between(first, last, filter));
    AddProposals(week);
    return week;
}

reports::DaySheet AppointmentService::DaySheet(const core::Date& date,
                                               const std::optional<core::StaffId>& therapist,
                                               bool page_per_therapist) {
    m_context.RequireSignedIn();
    reports::DaySheet sheet;
    sheet.date = date;
    sheet.today = m_context.Today();
    sheet.page_per_therapist = page_per_therapist;
    const BookDay day = Day(date);
    for (const BookColumn& column : day.columns) {
        if (therapist && column.therapist.id != *therapist) {
            continue;
        }
        reports::DaySheetTherapist& sheet_column = sheet.therapists.emplace_back();
        sheet_column.name = column.therapist.name;
        sheet_column.day_off = column.day_off;
        for (const core::TimeRange& range : column.hours) {
            sheet_column.hours += (sheet_column.hours.empty() ? "" : ", ") +
                                  core::FormatClockTime(range.start_minute) + "–" +
                                  core::FormatClockTime(range.end_minute % (24 * 60));
        }
        for (const BookEntry& entry : day.entries) {
            const core::Appointment& appointment = entry.appointment;
            if (appointment.therapist_id != column.therapist.id ||
                !core::HoldsSlot(appointment.status)) {
                continue;
            }
            reports::DaySheetAppointment& line = sheet_column.appointments.emplace_back();
            line.start_minute = appointment.start_minute;
            line.duration_min = appointment.duration_min;
            line.client = entry.client_name;
            line.service = entry.service_name;
            line.room = entry.room_name;
            if (appointment.status != core::AppointmentStatus::kBooked) {
                line.status = vocabulary::NameOf(appointment.status);
            }
            line.notes = appointment.notes;
            line.in_series = appointment.series_id.has_value();
            if (entry.flag) {
                line.flag = *entry.flag == core::FlagLevel::kAbsolute
                                ? reports::DaySheetAppointment::Flag::kAbsolute
                                : reports::DaySheetAppointment::Flag::kCaution;
            }
        }
    }
    return sheet;
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
    m_context.RequireSignedIn();
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
    std::map<core::SeriesId, std::string> series_made;
    const auto SeriesCreated = [&](core::SeriesId id) {
        auto found = series_made.find(id);
        if (found == series_made.end()) {
            const auto series = m_appointments.GetSeries(id);
            std::string made = series ? series->created_at : std::string();
            made.erase(
                std::remove_if(made.begin(), made.end(), [](char c) { return c < '0' || c > '9'; }),
                made.end());
            found = series_made.emplace(id, made).first;
        }
        return found->second;
    };
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
        // An occurrence of a series is one event however it is stored (moved or not yet).
        event.uid = appointment.series_id && appointment.occurrence_date
                        ? fmt::format("series-{}-{}-occurrence-{}@myodesk", *appointment.series_id,
                                      SeriesCreated(*appointment.series_id),
                                      core::FormatIsoDate(*appointment.occurrence_date))
                        : fmt::format("appointment-{}-{}@myodesk", appointment.id, made);
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
