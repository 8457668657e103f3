// The kinds of record in a practice export and their fields (core/practice_export.h).
#include <myodesk/core/practice_export.h>

#include <algorithm>

namespace myodesk::core {

namespace {

using K = FieldKind;
constexpr bool kNull = true;
constexpr bool kSet = false;

constexpr ExportField kStaff[] = {
    {"id", K::kInteger, kSet},  {"name", K::kText, kSet},       {"role", K::kText, kSet},
    {"active", K::kFlag, kSet}, {"created_at", K::kText, kSet}, {"username", K::kText, kNull},
};
constexpr ExportField kRooms[] = {
    {"id", K::kInteger, kSet},
    {"name", K::kText, kSet},
    {"changeover_min", K::kInteger, kSet},
    {"active", K::kFlag, kSet},
    {"created_at", K::kText, kSet},
};
constexpr ExportField kServices[] = {
    {"id", K::kInteger, kSet},  {"name", K::kText, kSet},       {"duration_min", K::kInteger, kSet},
    {"active", K::kFlag, kSet}, {"created_at", K::kText, kSet},
};
constexpr ExportField kClinicSettings[] = {
    {"key", K::kText, kSet},
    {"value", K::kText, kSet},
};
constexpr ExportField kClinicHours[] = {
    {"weekday", K::kText, kSet},
    {"position", K::kInteger, kSet},
    {"start_minute", K::kInteger, kNull},
    {"end_minute", K::kInteger, kNull},
};
constexpr ExportField kStaffHours[] = {
    {"staff_id", K::kInteger, kSet},    {"weekday", K::kText, kSet},
    {"position", K::kInteger, kSet},    {"start_minute", K::kInteger, kNull},
    {"end_minute", K::kInteger, kNull},
};
constexpr ExportField kDaysOff[] = {
    {"id", K::kInteger, kSet},   {"staff_id", K::kInteger, kNull}, {"from_date", K::kText, kSet},
    {"to_date", K::kText, kSet}, {"created_at", K::kText, kSet},
};
constexpr ExportField kClients[] = {
    {"id", K::kInteger, kSet},
    {"given_name", K::kText, kSet},
    {"family_name", K::kText, kSet},
    {"preferred_name", K::kText, kSet},
    {"date_of_birth", K::kText, kNull},
    {"phone", K::kText, kSet},
    {"email", K::kText, kSet},
    {"address", K::kText, kSet},
    {"emergency_contact_name", K::kText, kSet},
    {"emergency_contact_phone", K::kText, kSet},
    {"physician", K::kText, kSet},
    {"referral_source", K::kText, kSet},
    {"notes", K::kText, kSet},
    {"archived", K::kFlag, kSet},
    {"created_at", K::kText, kSet},
    {"updated_at", K::kText, kSet},
    {"version", K::kInteger, kSet},
};
constexpr ExportField kIntakes[] = {
    {"id", K::kInteger, kSet},
    {"client_id", K::kInteger, kSet},
    {"taken_on", K::kText, kSet},
    {"pregnant", K::kFlag, kSet},
    {"pregnancy_weeks", K::kInteger, kNull},
    {"allergies", K::kText, kSet},
    {"goal_race_name", K::kText, kSet},
    {"goal_race_date", K::kText, kNull},
    {"goal_race_distance_km", K::kNumber, kNull},
    {"goal", K::kText, kNull},
    {"units", K::kText, kSet},
    {"runs_per_week", K::kInteger, kNull},
    {"long_run_weekday", K::kText, kNull},
    {"weekly_distance_km", K::kNumber, kNull},
    {"longest_run_30d_km", K::kNumber, kNull},
    {"preference_pressure", K::kText, kNull},
    {"preference_notes", K::kText, kSet},
    {"consent_accepted", K::kFlag, kSet},
    {"consent_signed_name", K::kText, kSet},
    {"consent_signed_on", K::kText, kNull},
    {"created_at", K::kText, kSet},
};
constexpr ExportField kIntakeConditions[] = {
    {"intake_id", K::kInteger, kSet}, {"position", K::kInteger, kSet}, {"code", K::kText, kSet},
    {"region", K::kText, kNull},      {"side", K::kText, kNull},       {"since", K::kText, kNull},
};
constexpr ExportField kIntakeMedications[] = {
    {"intake_id", K::kInteger, kSet},
    {"position", K::kInteger, kSet},
    {"name", K::kText, kSet},
    {"medication_class", K::kText, kSet},
};
constexpr ExportField kIntakeHealthEvents[] = {
    {"intake_id", K::kInteger, kSet}, {"event_type", K::kText, kSet},
    {"position", K::kInteger, kSet},  {"event_date", K::kText, kSet},
    {"region", K::kText, kNull},      {"side", K::kText, kNull},
    {"kind", K::kText, kSet},         {"description", K::kText, kSet},
};
constexpr ExportField kIntakeRecentRuns[] = {
    {"intake_id", K::kInteger, kSet}, {"position", K::kInteger, kSet},
    {"run_date", K::kText, kSet},     {"distance_km", K::kNumber, kSet},
    {"run_type", K::kText, kSet},
};
constexpr ExportField kIntakeSoreness[] = {
    {"intake_id", K::kInteger, kSet}, {"position", K::kInteger, kSet}, {"region", K::kText, kSet},
    {"side", K::kText, kSet},         {"pain", K::kInteger, kSet},
};
constexpr ExportField kIntakeAvoidRegions[] = {
    {"intake_id", K::kInteger, kSet},
    {"position", K::kInteger, kSet},
    {"region", K::kText, kSet},
    {"side", K::kText, kSet},
};
constexpr ExportField kTrainingEntries[] = {
    {"client_id", K::kInteger, kSet},
    {"run_date", K::kText, kSet},
    {"run_type", K::kText, kSet},
    {"distance_km", K::kNumber, kNull},
};
constexpr ExportField kPlans[] = {
    {"id", K::kInteger, kSet},        {"client_id", K::kInteger, kSet},
    {"generated_on", K::kText, kSet}, {"from_date", K::kText, kSet},
    {"to_date", K::kText, kSet},      {"refer", K::kFlag, kSet},
    {"document", K::kText, kSet},     {"created_at", K::kText, kSet},
};
constexpr ExportField kAppointmentSeries[] = {
    {"id", K::kInteger, kSet},
    {"client_id", K::kInteger, kSet},
    {"therapist_id", K::kInteger, kSet},
    {"first_date", K::kText, kSet},
    {"start_minute", K::kInteger, kSet},
    {"duration_min", K::kInteger, kSet},
    {"room_id", K::kInteger, kNull},
    {"service_id", K::kInteger, kNull},
    {"notes", K::kText, kSet},
    {"flag_override", K::kText, kSet},
    {"every_weeks", K::kInteger, kSet},
    {"until_date", K::kText, kNull},
    {"occurrence_count", K::kInteger, kNull},
    {"last_date", K::kText, kSet},
    {"created_at", K::kText, kSet},
};
constexpr ExportField kAppointments[] = {
    {"id", K::kInteger, kSet},
    {"client_id", K::kInteger, kSet},
    {"therapist_id", K::kInteger, kSet},
    {"session_date", K::kText, kSet},
    {"start_minute", K::kInteger, kSet},
    {"duration_min", K::kInteger, kSet},
    {"plan_id", K::kInteger, kNull},
    {"plan_session", K::kInteger, kNull},
    {"created_at", K::kText, kSet},
    {"flag_override", K::kText, kSet},
    {"room_id", K::kInteger, kNull},
    {"service_id", K::kInteger, kNull},
    {"notes", K::kText, kSet},
    {"status", K::kText, kSet},
    {"status_changed_at", K::kText, kNull},
    {"status_changed_by", K::kInteger, kNull},
    {"cancel_reason", K::kText, kSet},
    {"series_id", K::kInteger, kNull},
    {"occurrence_date", K::kText, kNull},
    {"version", K::kInteger, kSet},
};
constexpr ExportField kPlanSessions[] = {
    {"plan_id", K::kInteger, kSet},   {"position", K::kInteger, kSet},
    {"session_date", K::kText, kSet}, {"phase", K::kText, kSet},
    {"status", K::kText, kSet},       {"appointment_id", K::kInteger, kNull},
};
constexpr ExportField kSessionNotes[] = {
    {"id", K::kInteger, kSet},
    {"client_id", K::kInteger, kSet},
    {"therapist_id", K::kInteger, kSet},
    {"session_date", K::kText, kSet},
    {"start_minute", K::kInteger, kSet},
    {"duration_min", K::kInteger, kSet},
    {"position", K::kText, kNull},
    {"subjective", K::kText, kSet},
    {"objective", K::kText, kSet},
    {"assessment", K::kText, kSet},
    {"plan", K::kText, kSet},
    {"created_at", K::kText, kSet},
    {"updated_at", K::kText, kSet},
    {"version", K::kInteger, kSet},
    {"signed_at", K::kText, kNull},
    {"signed_by", K::kInteger, kNull},
    {"no_treatment", K::kText, kNull},
    {"flag_override", K::kText, kSet},
    {"appointment_id", K::kInteger, kNull},
    {"is_private", K::kFlag, kSet},
    {"content_hash", K::kText, kNull},
};
constexpr ExportField kSessionNoteTechniques[] = {
    {"note_id", K::kInteger, kSet},
    {"position", K::kInteger, kSet},
    {"technique", K::kText, kSet},
    {"minutes", K::kInteger, kSet},
};
constexpr ExportField kSessionNoteRegions[] = {
    {"note_id", K::kInteger, kSet},     {"position", K::kInteger, kSet},
    {"region", K::kText, kSet},         {"side", K::kText, kSet},
    {"pressure", K::kInteger, kSet},    {"pain_before", K::kInteger, kNull},
    {"pain_after", K::kInteger, kNull},
};
constexpr ExportField kSessionNoteAmendments[] = {
    {"id", K::kInteger, kSet},      {"note_id", K::kInteger, kSet},
    {"amended_at", K::kText, kSet}, {"amended_by", K::kInteger, kSet},
    {"reason", K::kText, kSet},     {"section", K::kText, kNull},
    {"text", K::kText, kNull},      {"corrected", K::kText, kNull},
};
constexpr ExportField kAuditLog[] = {
    {"id", K::kInteger, kSet},         {"at", K::kText, kSet},
    {"staff_id", K::kInteger, kNull},  {"username", K::kText, kSet},
    {"desk", K::kText, kSet},          {"action", K::kText, kSet},
    {"client_id", K::kInteger, kNull}, {"record", K::kText, kSet},
    {"record_id", K::kInteger, kNull}, {"detail", K::kText, kSet},
    {"previous_hash", K::kText, kSet}, {"hash", K::kText, kSet},
};

constexpr bool kSequence = true;
constexpr bool kNoSequence = false;

const ExportKind kKinds[] = {
    {"staff", kStaff, "id", kSequence},
    {"rooms", kRooms, "id", kSequence},
    {"services", kServices, "id", kSequence},
    {"clinic_settings", kClinicSettings, "key", kNoSequence},
    {"clinic_hours", kClinicHours, "weekday, position", kNoSequence},
    {"staff_hours", kStaffHours, "staff_id, weekday, position", kNoSequence},
    {"days_off", kDaysOff, "id", kSequence},
    {"clients", kClients, "id", kSequence},
    {"intakes", kIntakes, "id", kSequence},
    {"intake_conditions", kIntakeConditions, "intake_id, position", kNoSequence},
    {"intake_medications", kIntakeMedications, "intake_id, position", kNoSequence},
    {"intake_health_events", kIntakeHealthEvents, "intake_id, event_type, position", kNoSequence},
    {"intake_recent_runs", kIntakeRecentRuns, "intake_id, position", kNoSequence},
    {"intake_soreness", kIntakeSoreness, "intake_id, position", kNoSequence},
    {"intake_avoid_regions", kIntakeAvoidRegions, "intake_id, position", kNoSequence},
    {"training_entries", kTrainingEntries, "client_id, run_date", kNoSequence},
    {"plans", kPlans, "id", kSequence},
    {"appointment_series", kAppointmentSeries, "id", kSequence},
    {"appointments", kAppointments, "id", kSequence},
    {"plan_sessions", kPlanSessions, "plan_id, position", kNoSequence},
    {"session_notes", kSessionNotes, "id", kSequence},
    {"session_note_techniques", kSessionNoteTechniques, "note_id, position", kNoSequence},
    {"session_note_regions", kSessionNoteRegions, "note_id, position", kNoSequence},
    {"session_note_amendments", kSessionNoteAmendments, "id", kSequence},
    {"audit_log", kAuditLog, "id", kSequence},
};

constexpr std::string_view kSearchKey = "derived from the names when written (client search)";
constexpr std::string_view kSortName = "derived from the name when written (list order)";

constexpr LeftOutColumn kLeftOut[] = {
    {"clients", "search_name", kSearchKey},
    {"clients", "search_name_reversed", kSearchKey},
    {"clients", "search_preferred", kSearchKey},
    {"clients", "search_email", kSearchKey},
    {"clients", "search_phone", kSearchKey},
    {"staff", "sort_name", kSortName},
    {"staff", "password_hash", "passwords never leave the practice"},
    {"rooms", "sort_name", kSortName},
    {"services", "sort_name", kSortName},
};

}  // namespace

std::span<const ExportKind> PracticeExportKinds() {
    return kKinds;
}

const ExportKind* FindExportKind(std::string_view name) {
    const auto found = std::find_if(std::begin(kKinds), std::end(kKinds),
                                    [name](const ExportKind& kind) { return kind.name == name; });
    return found == std::end(kKinds) ? nullptr : &*found;
}

std::span<const LeftOutColumn> LeftOutColumns() {
    return kLeftOut;
}

}  // namespace myodesk::core
