#pragma once

#include <myodesk/core/appointment.h>
#include <myodesk/core/clinic_resources.h>
#include <myodesk/core/plan.h>
#include <myodesk/core/screening.h>
#include <myodesk/core/session_note.h>
#include <myodesk/core/staff.h>
#include <myodesk/core/working_hours.h>
#include <myodesk/db/appointment_repository.h>
#include <myodesk/reports/day_sheet.h>
#include <myodesk/services/context.h>

#include <optional>
#include <string>
#include <vector>

namespace myodesk::services {

// What the desk is told after a booking or a move that was saved: it started before now (a
// walk-in entered afterwards; the GUI asked first, the CLI warns on standard error).
struct BookingNotice {
    bool in_past = false;
};

// What the desk must agree to before a booking or a move is saved, and what it is told; read
// without saving anything (the GUI asks with it, then books with the hours confirmed).
struct BookingQuestions {
    core::HoursVerdict hours = core::HoursVerdict::kWithin;
    core::Date hours_day{};  // for a series: the first day outside the hours
    bool in_past = false;
};

// Which occurrences of a series a change is for, as in desktop calendars.
enum class SeriesChange { kThisOne, kThisAndFollowing };

// One therapist's column in the day's book: their hours that day (none when they do not
// work), and whether it is a day off.
struct BookColumn {
    core::Staff therapist;  // empty (id 0) in a room's column
    // A room's column, in the day by room; a room with id 0 holds the appointments booked
    // without a room.
    std::optional<core::Room> room;
    core::Date date{};  // the day the column shows
    std::vector<core::TimeRange> hours;
    bool day_off = false;
};

// An appointment as the book shows it: with the names people know, and the most serious
// contraindication flag of the client's newest intake on its day (nullopt: none).
struct BookEntry {
    core::Appointment appointment;
    std::string client_name;  // core::DisplayName
    std::string room_name;
    std::string service_name;
    std::string therapist_name;  // set in the day by room (the columns name the rooms)
    std::optional<core::FlagLevel> flag;
};

// A session a client's plan proposes on a day shown and nobody has booked yet: a ghost in the
// book, at the first free time of the client's usual therapist (who saw them last), else of the
// first therapist free that day. Booking it (the appointment's plan_id and plan_session set)
// links the appointment to the plan.
struct BookProposal {
    core::Appointment appointment;  // not stored: client, therapist, day, time, length, plan
    std::string client_name;
    core::PlanPhase phase = core::PlanPhase::kBase;  // the training phase of its day
};

// Everything the day view paints for one day: the clinic's hours, a column per therapist who
// works that day or has an appointment, and the appointments (cancelled ones too; the view
// decides what to show), by start time.
struct BookDay {
    core::Date date{};     // the first day shown
    bool week = false;     // one therapist's week, a column per day (else a column per therapist)
    bool by_room = false;  // the day with a column per room (else per therapist)
    std::vector<core::TimeRange> clinic_hours;  // the whole day when not set
    bool clinic_closed = false;                 // a closed weekday or a holiday
    std::vector<BookColumn> columns;
    std::vector<BookEntry> entries;
    std::vector<BookProposal> proposals;  // the plans' sessions not booked, placed in columns
};

// What the book's details pane shows of the client beside an appointment: the
// contraindications of their newest intake on the appointment's day (its banner) and their
// latest session note.
struct ClientAtAppointment {
    std::vector<core::ContraindicationFlag> flags;
    std::optional<core::Date> intake_taken_on;  // nullopt: no intake yet
    std::optional<core::SessionNote> last_note;
};

// The appointment book's rules, once for both front ends: booking, moving and resizing with
// every check (the client's contraindication flags that day, the clinic's opening hours and
// the therapist's working hours, no overlap for the therapist, the client or the room), and
// the status flow (arrived, completed, no-show, cancelled or late-cancelled within the
// clinic's notice window, book.notice_hours). Status changes record who was at the desk.
class AppointmentService {
  public:
    explicit AppointmentService(Context& context);

    // What booking `appointment` (or moving it there) would need confirmed. Nothing is saved.
    BookingQuestions Questions(const core::Appointment& appointment);
    // The same for every occurrence of a series (hours_day names the first outside the hours).
    BookingQuestions Questions(const core::AppointmentSeries& series);

    // Books a new appointment (a plan's session when plan_id and plan_session are set: it is
    // booked then, and the appointment linked to it). Refused, with nothing saved: an absolute flag
    // that day without appointment.flag_override (AbsoluteFlagError); outside the hours unless
    // `outside_hours_confirmed` (OutsideHoursError); db::ValidationError for a field the checks
    // refuse, db::ClashError for an overlap, db::NotFoundError for an unknown client,
    // therapist, room or service. Sets id, version and created_at.
    BookingNotice Book(core::Appointment& appointment, bool outside_hours_confirmed = false);

    // Books a recurring series, each occurrence checked as Book checks one (the flags and the
    // hours of every day: OutsideHoursError names the first day outside them). Sets series.id
    // and returns the first occurrence's id (in `first`).
    BookingNotice BookSeries(core::AppointmentSeries& series, core::AppointmentId& first,
                             bool outside_hours_confirmed = false);

    // Saves a booked appointment moved, resized, or given another therapist, room, service or
    // notes, with the same checks as Book. Only a booked appointment moves
    // (StatusChangeError otherwise); db::ConflictError when it was changed at another desk
    // since it was read. An occurrence of a series moves alone (kThisOne: it is stored), or
    // with those after it (kThisAndFollowing: every one of them checked; they keep the rhythm
    // from its new day). Sets id (stored now) and version.
    BookingNotice Reschedule(core::Appointment& appointment, bool outside_hours_confirmed = false,
                             SeriesChange change = SeriesChange::kThisOne);

    // The status flow (core::CanChangeStatus; StatusChangeError otherwise). Each reads the
    // appointment as it is now (`shown` may be an occurrence of a series not stored yet; it is
    // stored then), so a change made at another desk is seen first. Returns it as saved.
    core::Appointment Arrive(const core::Appointment& shown);
    core::Appointment Complete(const core::Appointment& shown);
    core::Appointment NoShow(const core::Appointment& shown);
    // Cancelled, or late-cancelled when less than book.notice_hours remain before the start
    // (or it has started). A reason is required (db::ValidationError "cancel_reason"). With
    // kThisAndFollowing the series ends with this one, and its booked occurrences stored after
    // it are cancelled too (one transaction).
    core::Appointment Cancel(const core::Appointment& shown, const std::string& reason,
                             SeriesChange change = SeriesChange::kThisOne);
    // Back to booked: an arrival or a no-show marked by mistake.
    core::Appointment Undo(const core::Appointment& shown);
    // The same by id.
    core::Appointment Arrive(core::AppointmentId id) { return Arrive(Get(id)); }
    core::Appointment Complete(core::AppointmentId id) { return Complete(Get(id)); }
    core::Appointment NoShow(core::AppointmentId id) { return NoShow(Get(id)); }
    core::Appointment Cancel(core::AppointmentId id, const std::string& reason) {
        return Cancel(Get(id), reason);
    }
    core::Appointment Undo(core::AppointmentId id) { return Undo(Get(id)); }

    // NotFoundError when there is no such appointment.
    core::Appointment Get(core::AppointmentId id);
    // By the desk's name for it: an id, or "ID@DAY", the occurrence of ID's series on DAY
    // (stored or not). NotFoundError when there is none.
    core::Appointment Get(const core::AppointmentRef& ref);
    // How the desk names the appointment (for an unstored occurrence: its series' first
    // appointment and its day).
    core::AppointmentRef RefOf(const core::Appointment& appointment);
    // The series of an appointment; nullopt when it is not one of a series.
    std::optional<core::AppointmentSeries> SeriesOf(const core::Appointment& appointment);
    std::vector<core::Appointment> Between(const core::Date& from, const core::Date& to,
                                           const db::AppointmentFilter& filter = {});
    // The day as the book shows it.
    BookDay Day(const core::Date& date);
    // The client's banner on the appointment's day and their last note.
    ClientAtAppointment ClientAt(const core::Appointment& appointment);
    // The day by room: a column per active room (and one for the appointments of the day
    // booked without a room, when there are any), each with the clinic's hours. The plans'
    // proposals are left out: a ghost belongs to a therapist's column.
    BookDay RoomDay(const core::Date& date);
    // One therapist's week as the book shows it: seven columns from `first` (each with their
    // hours that day), their appointments in them.
    BookDay Week(core::StaffId therapist, const core::Date& first);

    // The day sheet of `date`: every therapist of the day's book (or one), their hours and the
    // appointments that hold their slot, for reports::DaySheetDocument.
    reports::DaySheet DaySheet(const core::Date& date,
                               const std::optional<core::StaffId>& therapist,
                               bool page_per_therapist);

    // The appointments from `from` to `to` (of one therapist, or all) that hold their slot, as
    // an iCalendar file in the clinic's time zone (book.time_zone, else this computer's). No
    // health data: each event says the client as calendar.client_names allows, the service
    // and the room. Sets `count` to the events written. reports::UnknownTimeZoneError for a
    // zone this computer does not know.
    std::string Calendar(const core::Date& from, const core::Date& to,
                         const std::optional<core::StaffId>& therapist, std::size_t& count);
    // The zone the calendar files name: book.time_zone, else this computer's (TZ, then
    // /etc/localtime), else UTC.
    std::string ClinicTimeZone();

  private:
    // An audit row of the change, before and after.
    void AuditMove(const core::Appointment& before, const core::Appointment& after,
                   std::string_view action);
    // The plans' sessions on the days of `day` not booked yet, each placed at a free time of a
    // column (in a week, only those of the week's therapist).
    void AddProposals(BookDay& day);
    // Books a plan's session (appointment.plan_id and plan_session set) as the appointment,
    // linked, after Book's checks; a session no longer planned, or on another day, is booked
    // as a plain appointment.
    void BookFromPlan(core::Appointment& appointment);
    // The appointments with the names people know and each client's flags on its day.
    std::vector<BookEntry> EntriesOf(const std::vector<core::Appointment>& appointments);
    void CheckFlagsAndHours(core::Appointment& appointment, bool outside_hours_confirmed);
    // Every occurrence of the series from its first day (their flags and hours).
    void CheckSeries(core::AppointmentSeries& series, bool outside_hours_confirmed);
    // The appointment as stored now (an unstored occurrence: as its series has it now).
    core::Appointment Current(const core::Appointment& shown);
    // Changes the status of the appointment as read (Get), refusing what cannot follow.
    core::Appointment ChangeStatus(core::Appointment appointment, core::AppointmentStatus to,
                                   const std::string& reason = {});

    Context& m_context;
    db::AppointmentRepository m_appointments;
};

}  // namespace myodesk::services
