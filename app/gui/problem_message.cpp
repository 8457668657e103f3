#include "problem_message.h"

#include "wx_conversions.h"

#include <myodesk/core/client.h>

#include <wx/intl.h>

namespace myodesk::app {

wxString FieldLabel(std::string_view field) {
    namespace f = core::client_field;
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
    const wxString label = FieldLabel(problem.field);
    switch (problem.code) {
        case core::ProblemCode::kRequired:
            // Core reports a missing name on the given name; either name satisfies it.
            if (problem.field == core::client_field::kGivenName ||
                problem.field == core::client_field::kFamilyName) {
                return _("Given name or family name: enter at least one name.");
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
            return wxString::Format(_("%s: the date is more than %d years ago."), label,
                                    core::ClientLimits::kMaxAgeYears);
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
    }
    return wxString::Format(_("%s: this value cannot be saved (%s)."), label,
                            ToWx(core::ProblemCodeName(problem.code)));
}

}  // namespace myodesk::app
