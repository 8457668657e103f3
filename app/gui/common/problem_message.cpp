#include "common/problem_message.h"

#include "common/wx_conversions.h"

#include <myodesk/core/client.h>

#include <wx/intl.h>

#include <charconv>
#include <optional>
#include <string>
#include <utility>

namespace myodesk::app {

namespace {

// A JSON path of the intake format split into its names and row numbers:
// "soreness[1].pain" -> list "soreness", row 1, leaf "pain".
struct IntakePath {
    std::string list;  // the path up to the first index ("health.surgeries"), or the whole path
    std::optional<std::size_t> row;
    std::string leaf;  // what follows the index ("date"), or empty
};

IntakePath SplitPath(std::string_view path) {
    IntakePath split;
    const std::size_t open = path.find('[');
    const std::size_t close = open == std::string_view::npos ? open : path.find(']', open);
    if (open == std::string_view::npos || close == std::string_view::npos) {
        split.list = std::string(path);
        return split;
    }
    split.list = std::string(path.substr(0, open));
    std::size_t row = 0;
    const std::string_view digits = path.substr(open + 1, close - open - 1);
    if (std::from_chars(digits.data(), digits.data() + digits.size(), row).ec == std::errc{}) {
        split.row = row;
    }
    std::string_view rest = path.substr(close + 1);
    if (!rest.empty() && rest.front() == '.') {
        rest.remove_prefix(1);
    }
    split.leaf = std::string(rest);
    return split;
}

// The label of a list of the intake ("Soreness"), or empty when the path is not one.
wxString IntakeListLabel(std::string_view list) {
    if (list == "health.conditions") {
        return _("Conditions on the body");
    }
    if (list == "health.medications") {
        return _("Medications");
    }
    if (list == "health.surgeries") {
        return _("Surgeries");
    }
    if (list == "health.injuries") {
        return _("Injuries");
    }
    if (list == "runner.recent_runs") {
        return _("Recent runs");
    }
    if (list == "soreness") {
        return _("Soreness");
    }
    if (list == "avoid_regions") {
        return _("Areas to avoid");
    }
    // Session notes.
    if (list == "regions") {
        return _("Regions");
    }
    if (list == "techniques") {
        return _("Techniques");
    }
    if (list == "amendments") {
        return _("Amendments");
    }
    return {};
}

// The label of one field in a row of a list ("pain"), or the field name itself.
wxString IntakeColumnLabel(std::string_view leaf) {
    if (leaf == "code") {
        return _("condition");
    }
    if (leaf == "region") {
        return _("region");
    }
    if (leaf == "side") {
        return _("side");
    }
    if (leaf == "since") {
        return _("since");
    }
    if (leaf == "name") {
        return _("name");
    }
    if (leaf == "medication_class" || leaf == "class") {
        return _("kind of medication");
    }
    if (leaf == "date") {
        return _("date");
    }
    if (leaf == "kind") {
        return _("kind");
    }
    if (leaf == "description") {
        return _("description");
    }
    if (leaf == "distance_km") {
        return _("distance");
    }
    if (leaf == "type") {
        return _("type of run");
    }
    if (leaf == "pain") {
        return _("pain");
    }
    if (leaf == "pressure") {
        return _("pressure");
    }
    if (leaf == "pain_before") {
        return _("pain before");
    }
    if (leaf == "pain_after") {
        return _("pain after");
    }
    if (leaf == "technique") {
        return _("technique");
    }
    if (leaf == "minutes") {
        return _("minutes");
    }
    if (leaf == "reason") {
        return _("reason");
    }
    if (leaf == "text") {
        return _("corrected text");
    }
    if (leaf == "section") {
        return _("section");
    }
    return ToWx(leaf);
}

// The label of a field of the intake that is not in a list, or empty.
wxString IntakeFieldLabel(std::string_view path) {
    static const std::pair<std::string_view, const char*> kLabels[] = {
        {"taken_on", wxTRANSLATE("Intake date")},
        {"health.conditions", wxTRANSLATE("Health conditions")},
        {"health.pregnant", wxTRANSLATE("Pregnant")},
        {"health.pregnancy_weeks", wxTRANSLATE("Pregnancy, weeks")},
        {"health.allergies", wxTRANSLATE("Allergies")},
        {"runner.goal_race", wxTRANSLATE("Goal race")},
        {"runner.goal_race.name", wxTRANSLATE("Goal race — name")},
        {"runner.goal_race.date", wxTRANSLATE("Goal race — date")},
        {"runner.goal_race.distance_km", wxTRANSLATE("Goal race — distance")},
        {"runner.goal", wxTRANSLATE("Goal")},
        {"runner.units", wxTRANSLATE("Units")},
        {"runner.runs_per_week", wxTRANSLATE("Runs per week")},
        {"runner.long_run_weekday", wxTRANSLATE("Long-run day")},
        {"runner.weekly_distance_km", wxTRANSLATE("Weekly distance")},
        {"runner.longest_run_30d_km", wxTRANSLATE("Longest run in the last 30 days")},
        {"preferences.pressure", wxTRANSLATE("Pressure")},
        {"preferences.notes", wxTRANSLATE("Preferences — notes")},
        {"consent", wxTRANSLATE("Consent")},
        {"consent.accepted", wxTRANSLATE("Consent")},
        {"consent.signed_name", wxTRANSLATE("Consent — name typed by the client")},
        {"consent.signed_on", wxTRANSLATE("Consent — date")},
        // Session notes, amendments and staff.
        {"date", wxTRANSLATE("Session date")},
        {"start_time", wxTRANSLATE("Start time")},
        {"duration_min", wxTRANSLATE("Duration")},
        {"position", wxTRANSLATE("Position")},
        {"therapist_id", wxTRANSLATE("Therapist")},
        {"subjective", wxTRANSLATE("Subjective")},
        {"objective", wxTRANSLATE("Objective")},
        {"assessment", wxTRANSLATE("Assessment")},
        {"plan", wxTRANSLATE("Plan")},
        {"signed_at", wxTRANSLATE("Signature")},
        {"signed_by", wxTRANSLATE("Signed by")},
        {"section", wxTRANSLATE("Section")},
        {"reason", wxTRANSLATE("Reason for the amendment")},
        {"text", wxTRANSLATE("Corrected text")},
        {"no_treatment", wxTRANSLATE("Treatment")},
        {"flag_override", wxTRANSLATE("Reason for overriding the flag")},
        {"name", wxTRANSLATE("Name")},
        {"role", wxTRANSLATE("Role")},
    };
    for (const auto& [name, label] : kLabels) {
        if (path == name) {
            return wxGetTranslation(label);
        }
    }
    return {};
}

}  // namespace

wxString FieldLabel(std::string_view field) {
    namespace f = core::client_field;
    constexpr std::string_view kClientPrefix = "client.";
    if (field.substr(0, kClientPrefix.size()) == kClientPrefix) {
        return FieldLabel(field.substr(kClientPrefix.size()));
    }
    if (const wxString label = IntakeFieldLabel(field); !label.empty()) {
        return label;
    }
    if (const IntakePath path = SplitPath(field); path.row) {
        const wxString list = IntakeListLabel(path.list);
        if (!list.empty()) {
            const int row = static_cast<int>(*path.row) + 1;
            if (path.leaf.empty()) {
                // TRANSLATORS: a row of a list in the intake form, e.g. "Soreness, row 2".
                return wxString::Format(_("%s, row %d"), list, row);
            }
            // TRANSLATORS: a field in a row of a list, e.g. "Soreness, row 2 — pain".
            return wxString::Format(_("%s, row %d — %s"), list, row, IntakeColumnLabel(path.leaf));
        }
    } else if (const wxString list = IntakeListLabel(field); !list.empty()) {
        return list;
    }
    if (field == f::kGivenName) {
        return _("Given name");
    }
    if (field == f::kFamilyName) {
        return _("Family name");
    }
    if (field == f::kPreferredName) {
        return _("Preferred name");
    }
    if (field == f::kDateOfBirth) {
        return _("Date of birth");
    }
    if (field == f::kPhone) {
        return _("Phone");
    }
    if (field == f::kEmail) {
        return _("Email");
    }
    if (field == f::kAddress) {
        return _("Address");
    }
    if (field == f::kEmergencyContactName) {
        return _("Emergency contact");
    }
    if (field == f::kEmergencyContactPhone) {
        return _("Emergency phone");
    }
    if (field == f::kPhysician) {
        return _("Physician");
    }
    if (field == f::kReferralSource) {
        return _("Referred by");
    }
    if (field == f::kNotes) {
        return _("Notes");
    }
    return ToWx(field);
}

wxString ProblemMessage(const core::ValidationProblem& problem) {
    return ProblemMessage(problem, FieldLabel(problem.field));
}

wxString ProblemMessage(const core::ValidationProblem& problem, const wxString& label) {
    switch (problem.code) {
        case core::ProblemCode::kRequired:
            // Core reports a missing name on the given name; either name satisfies it.
            if (problem.field == core::client_field::kGivenName ||
                problem.field == core::client_field::kFamilyName) {
                return _("Given name or family name: enter at least one name.");
            }
            // The override was asked in a window of its own and cancelled: nothing was saved.
            if (problem.field == "flag_override") {
                return wxString::Format(_("%s: none was given, so nothing was saved (an "
                                          "absolute contraindication applies on that day)."),
                                        label);
            }
            return wxString::Format(_("%s: this field is required."), label);
        case core::ProblemCode::kTooLong: {
            const auto limit = static_cast<long>(problem.limit);
            return wxString::Format(wxPLURAL("%s: this is too long (at most %ld character).",
                                             "%s: this is too long (at most %ld characters).",
                                             static_cast<unsigned>(problem.limit)),
                                    label, limit);
        }
        case core::ProblemCode::kInFuture:
            return wxString::Format(_("%s: the date is in the future."), label);
        case core::ProblemCode::kTooFarInPast:
            if (problem.field == core::client_field::kDateOfBirth) {
                return wxString::Format(_("%s: the date is more than %d years ago."), label,
                                        core::ClientLimits::kMaxAgeYears);
            }
            return wxString::Format(_("%s: the date is too long ago (the earliest is %s)."), label,
                                    ToWx(core::FormatIsoDate(core::DateLimits::kEarliest)));
        case core::ProblemCode::kInvalidEmail:
            return wxString::Format(
                _("%s: this does not look like an email address (name@example.com)."), label);
        case core::ProblemCode::kInvalidPhone:
            return wxString::Format(
                _("%s: this does not look like a phone number (for example +44 20 7946 0958)."),
                label);
        case core::ProblemCode::kInvalidText:
            return wxString::Format(
                _("%s: this contains characters that cannot be saved here (such as line breaks "
                  "or control characters)."),
                label);
        case core::ProblemCode::kOutOfRange:
            return wxString::Format(_("%s: enter a number from %s to %s."), label,
                                    wxString::FromDouble(problem.minimum),
                                    wxString::FromDouble(problem.maximum));
        case core::ProblemCode::kUnknownCode:
            return wxString::Format(_("%s: choose one of the listed values."), label);
        case core::ProblemCode::kInvalidDate:
            return wxString::Format(_("%s: this is not a valid date."), label);
        case core::ProblemCode::kWrongType:
            return wxString::Format(_("%s: this value has the wrong kind."), label);
        case core::ProblemCode::kNotAccepted:
            return wxString::Format(
                _("%s: the client must accept the consent statement, type their name and "
                  "date it before the intake is saved."),
                label);
        case core::ProblemCode::kOverlaps:
            return wxString::Format(
                _("%s: the therapist or the client already has a session at that time."), label);
        case core::ProblemCode::kLocked:
            return wxString::Format(_("%s: the note is signed. Add an amendment to correct it."),
                                    label);
        case core::ProblemCode::kDuplicate:
            return wxString::Format(_("%s: this is listed twice."), label);
        case core::ProblemCode::kTooMany:
            return wxString::Format(_("%s: this has too many entries (at most %ld)."), label,
                                    static_cast<long>(problem.limit));
        case core::ProblemCode::kTooDeep:
            return wxString::Format(_("%s: this is nested too deeply (at most %ld levels)."), label,
                                    static_cast<long>(problem.limit));
        case core::ProblemCode::kDuplicateKey:
            return wxString::Format(_("%s: this field is given twice."), label);
        case core::ProblemCode::kInvalidNumber:
            return wxString::Format(_("%s: this number is too large to be read."), label);
        case core::ProblemCode::kInvalidJson:
            return wxString::Format(_("%s: this is not a valid JSON document."), label);
        case core::ProblemCode::kTooFarInFuture:
            return wxString::Format(_("%s: the date is too far ahead (the latest is %s)."), label,
                                    ToWx(core::FormatIsoDate(core::DateLimits::kLatest)));
        case core::ProblemCode::kContradicts:
            return wxString::Format(_("%s: this does not agree with the rest of the form."), label);
    }
    return wxString::Format(_("%s: this value cannot be saved (%s)."), label,
                            ToWx(core::ProblemCodeName(problem.code)));
}

}  // namespace myodesk::app
