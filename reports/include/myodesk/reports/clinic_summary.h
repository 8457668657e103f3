#pragma once

#include <myodesk/core/appointment.h>
#include <myodesk/core/client.h>
#include <myodesk/core/clinic_details.h>
#include <myodesk/core/plan.h>
#include <myodesk/core/session_note.h>
#include <myodesk/core/staff.h>
#include <myodesk/reports/csv.h>
#include <myodesk/reports/report_document.h>
#include <myodesk/reports/report_locale.h>

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace myodesk::reports {

// The clinic summary for a period, for the manager. Built incrementally: the caller streams
// the notes page by page (a year of a busy clinic does not fit in memory as whole notes), so
// only counts and the few rows the report lists are kept.
struct ClinicSummaryPeriod {
    core::Date from{};
    core::Date to{};                         // both included
    std::optional<core::StaffId> therapist;  // only this therapist's sessions and clients
    core::Date today{};
    // A client is lapsed when seen in the `lapse_window_days` before the period and not in it.
    int lapse_window_days = 90;
};

// A session of a current plan ahead (core types only; db::UpcomingPlannedSession converted);
// a booked one with its appointment's time and therapist.
struct UpcomingSession {
    core::ClientId client_id = 0;
    core::Date date{};
    core::PlannedSessionStatus status = core::PlannedSessionStatus::kPlanned;
    std::optional<int> start_minute;
    std::optional<core::StaffId> therapist_id;
};

// A therapist's appointment book in the period: how many were booked, kept, missed and
// cancelled late, and the minutes booked against the minutes they work.
struct TherapistAttendance {
    core::StaffId therapist_id = 0;
    int appointments = 0;  // every appointment dated in the period, cancelled ones too
    int attended = 0;      // arrived or completed
    int no_shows = 0;
    int late_cancellations = 0;
    int cancellations = 0;    // with notice
    int booked_minutes = 0;   // of the appointments that kept their slot
    int working_minutes = 0;  // the therapist's hours in the period; 0 when no hours are set
};

struct TherapistSessions {
    core::StaffId therapist_id = 0;
    int sessions = 0;
    int minutes = 0;
    int clients = 0;  // different clients seen
};

struct UnsignedNote {
    core::SessionNoteId id = 0;
    core::Date date{};
    core::ClientId client_id = 0;
    core::StaffId therapist_id = 0;
};

struct LapsedClient {
    core::ClientId client_id = 0;
    core::Date last_session{};
};

struct ClinicSummary {
    ClinicSummaryPeriod period;
    int session_count = 0;
    int total_minutes = 0;
    std::vector<TherapistSessions> by_therapist;        // most sessions first, then id
    std::map<core::Technique, int> technique_sessions;  // sessions using each technique
    std::map<core::Region, int> region_sessions;        // sessions working each region
    int active_clients = 0;                             // seen in the period
    std::vector<core::ClientId> new_clients;            // first session ever in the period
    std::vector<LapsedClient> lapsed_clients;           // longest gone first
    std::vector<UnsignedNote> unsigned_notes;           // in the period, oldest first
    std::vector<UpcomingSession> upcoming;              // date order
    std::vector<TherapistAttendance> attendance;        // most appointments first, then id
};

class ClinicSummaryBuilder {
  public:
    explicit ClinicSummaryBuilder(ClinicSummaryPeriod period);

    // The notes dated from `period.from - lapse_window_days` to `period.to`, in any order and
    // in as many calls as the caller likes; notes of other therapists are ignored when the
    // period names one. Of a note in the lapse window only its client and date count: a
    // caller may pass AddSeenBefore those instead.
    void AddNotes(const std::vector<core::SessionNote>& notes);
    // A client seen in the lapse window (with the period's therapist, when it names one), and
    // the date of their last session there (db: SessionNoteRepository::LastSessionsBetween).
    // A date outside the window is ignored.
    void AddSeenBefore(core::ClientId client, const core::Date& last_session);
    // The clients whose first session ever (with the period's therapist, when it names one)
    // falls in the period (db: SessionNoteRepository::FirstSessionsBetween).
    void SetNewClients(std::vector<core::ClientId> clients);
    // Planned and booked sessions of current plans ahead (db: PlanRepository::Upcoming).
    void SetUpcoming(std::vector<UpcomingSession> sessions);
    // Appointments dated in the period, in any order and as many calls as the caller likes;
    // other therapists' are ignored when the period names one.
    void AddAppointments(const std::vector<core::Appointment>& appointments);
    // The minutes the therapist works in the period (their hours less days off).
    void SetWorkingMinutes(core::StaffId therapist, int minutes);

    ClinicSummary Build() const;

  private:
    struct ClientSeen {
        std::optional<core::Date> last_before;  // last session in the lapse window
        bool in_period = false;
    };
    ClinicSummaryPeriod m_period;
    ClinicSummary m_summary;
    // Looked up for every note (a year of a busy clinic: 100,000 notes, 10,000 clients).
    std::unordered_map<core::StaffId, std::unordered_set<core::ClientId>> m_therapist_clients;
    std::unordered_map<core::ClientId, ClientSeen> m_clients;
    std::map<core::StaffId, TherapistAttendance> m_attendance;
};

// Names the document shows for the ids a summary holds.
struct ClinicSummaryNames {
    std::map<core::ClientId, std::string> clients;
    std::map<core::StaffId, std::string> staff;
};

// The summary as a document: letterhead, period (and therapist), key figures, sessions by
// therapist (table + bar chart), the appointment book (attended, no-shows, late cancellations
// and their rates, utilisation), technique mix (bar chart), regions treated (bar chart),
// clients new / active / lapsed (lapsed listed with their last session), planned sessions
// ahead (booked ones with their time and therapist), unsigned notes.
// The lists of the printed summary (new and lapsed clients, sessions ahead, unsigned notes)
// show at most this many rows and say how many more there are; the CSV has them all.
inline constexpr std::size_t kClinicSummaryListedRows = 50;

Document ClinicSummaryDocument(const ClinicSummary& summary, const ClinicSummaryNames& names,
                               const core::ClinicDetails& clinic, const ReportLocale& locale);

// The summary's tables as one CSV file: a "section" column first (totals, therapists,
// attendance, techniques, regions, clients, unsigned_notes, upcoming), then item, value
// columns and the
// columns some sections fill: id (the therapist's or client's), date (ISO), minutes, clients,
// therapist, status (new / lapsed, planned / booked, unsigned). Techniques and regions are
// named by their codes; numbers are number cells.
std::vector<std::string> ClinicSummaryTableHeader();
std::vector<Row> ClinicSummaryTableRows(const ClinicSummary& summary,
                                        const ClinicSummaryNames& names);

}  // namespace myodesk::reports
