#pragma once

#include <myodesk/core/validation.h>

#include <wx/string.h>

#include <string_view>

namespace myodesk::app {

// The translated label of a client field ("date_of_birth" -> "Date of birth"), as shown
// beside its control in the client dialog, or of an intake field by its JSON path
// ("soreness[1].pain" -> "Soreness, row 2 — pain", "consent.accepted" -> "Consent"), or of a
// session note's field ("start_time" -> "Start time", "regions[0].pressure" -> "Regions, row 1
// — pressure"). An unknown field name is returned as it is.
wxString FieldLabel(std::string_view field);

// A translated sentence for a validation problem that names the field in words, e.g.
// "Email: this does not look like an email address (name@example.com)."
wxString ProblemMessage(const core::ValidationProblem& problem);
// The same with the field named by the caller, who may know it better ("Left hamstring —
// pressure" rather than "Regions, row 1 — pressure").
wxString ProblemMessage(const core::ValidationProblem& problem, const wxString& label);

}  // namespace myodesk::app
