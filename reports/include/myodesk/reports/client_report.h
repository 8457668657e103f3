#pragma once

#include <myodesk/core/client.h>
#include <myodesk/core/clinic_details.h>
#include <myodesk/core/intake.h>
#include <myodesk/core/plan.h>
#include <myodesk/core/screening.h>
#include <myodesk/core/session_note.h>
#include <myodesk/core/staff.h>
#include <myodesk/reports/report_document.h>
#include <myodesk/reports/report_locale.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace myodesk::reports {

// An appointment of the client from today on, with the names the report prints.
// The appointments a report lists before it sums up the rest ("and 40 more…").
inline constexpr std::size_t kAppointmentsListed = 12;

struct AppointmentAhead {
    core::Date date{};
    int start_minute = 0;
    int duration_min = 0;
    std::string therapist;
    std::string service;  // empty without one
    friend bool operator==(const AppointmentAhead&, const AppointmentAhead&) = default;
};

// Everything a client's progress report and physician letter are made from, loaded by the
// caller (app/reporting/report_loader.h reads it from the database).
struct ClientReportInputs {
    core::Client client;
    std::optional<core::Intake> intake;             // the newest
    std::vector<core::ContraindicationFlag> flags;  // ScreenContraindications(intake, today)
    std::optional<core::Plan> plan;                 // the current plan
    std::vector<core::SessionNote> notes;           // every note of the client, oldest first
    std::vector<AppointmentAhead> appointments;     // booked from today on, by date and time
    std::map<core::StaffId, std::string> staff_names;
    core::ClinicDetails clinic;
    core::Date today{};
};

// One row of the session history.
struct HistoryRow {
    core::Date date{};
    std::string therapist;
    std::vector<core::Technique> techniques;  // in the note's order
    std::vector<core::RegionWork> regions;    // side, pressure, pain before and after
    bool is_signed = false;
    bool amended = false;                           // the values are the amendments' corrections
    std::optional<core::NoTreatment> no_treatment;  // a session without treatment, and why
    std::string flag_override;  // the reason an absolute flag was overridden, or empty
};

// The race the client is training for and how far off it is.
struct GoalStatus {
    std::string race_name;
    std::optional<core::Date> race_date;
    std::optional<double> distance_km;
    std::optional<int> days_to_go;  // negative: the race is past
};

// One planned session ahead (from today), with why it is planned.
struct PlanAheadRow {
    core::Date date{};
    core::PlanPhase phase = core::PlanPhase::kBase;
    core::PlannedSessionStatus status = core::PlannedSessionStatus::kPlanned;
    std::vector<core::Technique> techniques;
    int duration_min = 0;
    int max_pressure = 0;
    std::vector<core::RegionSide> regions;
    std::vector<core::PlanReason> reasons;  // why, the main reason first
    std::vector<core::PlanCaution> cautions;
};

// The progress report's content, computed from the inputs (pure; everything a test checks).
struct ClientReport {
    core::Client client;
    core::ClinicDetails clinic;
    core::Date today{};
    core::DistanceUnit units = core::DistanceUnit::kKm;  // the intake's, km without one
    std::optional<core::Date> intake_taken_on;
    bool intake_outdated = false;
    std::vector<core::Soreness> intake_soreness;
    std::vector<core::HealthCondition> intake_conditions;
    std::vector<core::Medication> intake_medications;
    std::vector<core::ContraindicationFlag> flags;
    GoalStatus goal;
    std::vector<PlanAheadRow> plan_ahead;        // sessions dated today or later, skipped left out
    std::vector<AppointmentAhead> appointments;  // booked from today on, the first few
    // Booked after those shown (a weekly series runs for months): how many, and the last day.
    std::size_t appointments_more = 0;
    core::Date appointments_last{};
    std::vector<core::PlanWarning> plan_warnings;
    std::vector<HistoryRow> history;          // oldest first
    std::vector<PainSeries> pain_trends;      // one per region and side with a pain score,
                                              // in core::Region order, then left, right, ...
    std::vector<RegionCount> treated_counts;  // every area treated at least once
    int session_count = 0;
    std::optional<core::Date> first_session;
    std::optional<core::Date> last_session;
    std::string therapist_name;  // the therapist of the newest note
};

ClientReport BuildClientReport(const ClientReportInputs& inputs);

// The progress report as a document: letterhead, client details and intake summary, flags,
// goal status, plan ahead, appointments booked, session history table, pain trend chart, body
// chart, signature.
Document ClientReportDocument(const ClientReport& report, const ReportLocale& locale);

// The physician letter: shorter, clinical wording: reason for care (the intake's soreness and
// goal), sessions to date, findings and response (pain before -> after per region, first to
// latest), contraindications, plan, contact (the clinic and the therapist), signature.
Document PhysicianLetterDocument(const ClientReport& report, const ReportLocale& locale);

}  // namespace myodesk::reports
