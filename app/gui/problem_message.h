#pragma once

#include <myodesk/core/validation.h>

#include <wx/string.h>

#include <string_view>

namespace myodesk::app {

// The translated label of a client field ("date_of_birth" -> "Date of birth"), as shown
// beside its control in the client dialog, or of an intake field by its JSON path
// ("soreness[1].pain" -> "Soreness, row 2 — pain", "consent.accepted" -> "Consent"). An
// unknown field name is returned as it is.
wxString FieldLabel(std::string_view field);

// A translated sentence for a validation problem that names the field in words, e.g.
// "Email: this does not look like an email address (name@example.com)."
wxString ProblemMessage(const core::ValidationProblem& problem);

}  // namespace myodesk::app
