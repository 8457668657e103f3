#pragma once

// The small pieces the intake form's pages are built of: choices of codes and numbers with a
// placeholder item, typed date fields, and the reading of their values.

#include "common/code_names.h"
#include "common/date_field.h"

#include <myodesk/core/date.h>
#include <myodesk/core/intake.h>
#include <myodesk/core/validation.h>

#include <wx/choice.h>
#include <wx/sizer.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

class wxStaticText;
class wxTextCtrl;

namespace myodesk::app::intake_fields {

// The first item of a choice that must be made ("Choose…"), or may be left ("—").
wxString ChoosePlaceholder();
wxString NonePlaceholder();

// A choice of a code's values in words, with a first item that stands for "nothing chosen".
template <typename Enum>
wxChoice* NewCodeChoice(wxWindow* parent, const std::vector<Enum>& values,
                        const wxString& placeholder) {
    wxArrayString items;
    items.Add(placeholder);
    for (const Enum value : values) {
        items.Add(NameOf(value));
    }
    auto* choice = new wxChoice(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, items);
    choice->SetSelection(0);
    return choice;
}

template <typename Enum>
std::optional<Enum> SelectedCode(const wxChoice* choice, const std::vector<Enum>& values) {
    const int selection = choice->GetSelection();
    if (selection <= 0 || static_cast<std::size_t>(selection) > values.size()) {
        return std::nullopt;
    }
    return values[static_cast<std::size_t>(selection - 1)];
}

template <typename Enum>
void SelectCode(wxChoice* choice, const std::vector<Enum>& values,
                const std::optional<Enum>& value) {
    int selection = 0;
    if (value) {
        const auto found = std::find(values.begin(), values.end(), *value);
        if (found != values.end()) {
            selection = static_cast<int>(found - values.begin()) + 1;
        }
    }
    choice->SetSelection(selection);
}

// A choice of whole numbers first..last after a placeholder item.
wxChoice* NewNumberChoice(wxWindow* parent, const wxString& placeholder, int first, int last);
std::optional<int> SelectedNumber(const wxChoice* choice, int first);
void SelectNumber(wxChoice* choice, int first, const std::optional<int>& value);

// Pain 0-10 in words, after "Choose…".
wxChoice* NewPainChoice(wxWindow* parent);

// A date typed in the locale's form or as ISO (DateField), empty for none.
DateField* NewDateField(wxWindow* parent, const wxString& name = "date");
void SetDate(DateField& field, const std::optional<core::Date>& date);
// The date in `field`: nullopt when blank (kRequired at `path` when `required`) or when the
// text is not a date (kInvalidDate at `path`; the text stays for the therapist to correct).
std::optional<core::Date> ReadDate(const DateField& field, const std::string& path,
                                   core::ValidationProblems& problems, bool required = false);

// A one-line field's text without surrounding spaces.
std::string Line(const wxTextCtrl* text);

// A distance typed in the chosen unit, stored in km; the text shows it back in that unit.
wxString DistanceText(const std::optional<double>& km, core::DistanceUnit unit);

// "soreness", 1, "pain" -> "soreness[1].pain".
std::string Path(std::string_view list, std::size_t row, std::string_view leaf);
void AddProblem(core::ValidationProblems& problems, std::string path, core::ProblemCode code);

wxStaticText* NewGreyText(wxWindow* parent, const wxString& text);
wxSizerFlags LabelFlags();

// Region and side of a row, both to be chosen (soreness, areas to avoid).
wxChoice* NewRegionChoice(wxWindow* parent, const wxString& placeholder);
wxChoice* NewSideChoice(wxWindow* parent, const wxString& placeholder);

}  // namespace myodesk::app::intake_fields
