#include "intake/intake_fields.h"

#include "common/wx_conversions.h"

#include <myodesk/core/codes.h>
#include <myodesk/core/text.h>

#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <utility>

namespace myodesk::app::intake_fields {

wxString ChoosePlaceholder() {
    return _("Choose…");
}

wxString NonePlaceholder() {
    return wxString::FromUTF8("—");
}

wxChoice* NewNumberChoice(wxWindow* parent, const wxString& placeholder, int first, int last) {
    wxArrayString items;
    items.Add(placeholder);
    for (int value = first; value <= last; ++value) {
        items.Add(wxString::Format("%d", value));
    }
    auto* choice = new wxChoice(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, items);
    choice->SetSelection(0);
    return choice;
}

std::optional<int> SelectedNumber(const wxChoice* choice, int first) {
    const int selection = choice->GetSelection();
    if (selection <= 0) {
        return std::nullopt;
    }
    return first + selection - 1;
}

void SelectNumber(wxChoice* choice, int first, const std::optional<int>& value) {
    const int selection = value ? *value - first + 1 : 0;
    choice->SetSelection(
        selection >= 0 && selection < static_cast<int>(choice->GetCount()) ? selection : 0);
}

wxChoice* NewPainChoice(wxWindow* parent) {
    wxArrayString items;
    items.Add(ChoosePlaceholder());
    for (int pain = 0; pain <= 10; ++pain) {
        items.Add(PainText(pain));
    }
    auto* choice = new wxChoice(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, items);
    choice->SetSelection(0);
    return choice;
}

DateField* NewDateField(wxWindow* parent, const wxString& name) {
    auto* field = new DateField(parent, name);
    // Room for "12/31/2026" and "2026-12-31" in any theme's font.
    field->SetMinSize(wxSize(field->GetTextExtent("0000-00-00000").x, -1));
    return field;
}

void SetDate(DateField& field, const std::optional<core::Date>& date) {
    field.SetDate(date);
}

std::optional<core::Date> ReadDate(const DateField& field, const std::string& path,
                                   core::ValidationProblems& problems, bool required) {
    if (field.IsUnreadable()) {
        AddProblem(problems, path, core::ProblemCode::kInvalidDate);
        return std::nullopt;
    }
    const auto date = field.GetDate();
    if (!date && required) {
        AddProblem(problems, path, core::ProblemCode::kRequired);
    }
    return date;
}

std::string Line(const wxTextCtrl* text) {
    return core::Trim(ToUtf8(text->GetValue()));
}

wxString DistanceText(const std::optional<double>& km, core::DistanceUnit unit) {
    if (!km) {
        return {};
    }
    return FormatNumber(unit == core::DistanceUnit::kMi ? core::KmToMiles(*km) : *km, 3);
}

std::string Path(std::string_view list, std::size_t row, std::string_view leaf) {
    std::string path(list);
    path += '[';
    path += std::to_string(row);
    path += "].";
    path += leaf;
    return path;
}

void AddProblem(core::ValidationProblems& problems, std::string path, core::ProblemCode code) {
    core::ValidationProblem problem;
    problem.field = std::move(path);
    problem.code = code;
    problems.push_back(std::move(problem));
}

wxStaticText* NewGreyText(wxWindow* parent, const wxString& text) {
    auto* label = new wxStaticText(parent, wxID_ANY, text);
    label->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    return label;
}

wxSizerFlags LabelFlags() {
    return wxSizerFlags().Left().CentreVertical();
}

wxChoice* NewRegionChoice(wxWindow* parent, const wxString& placeholder) {
    return NewCodeChoice(parent, core::AllValues<core::Region>(), placeholder);
}

wxChoice* NewSideChoice(wxWindow* parent, const wxString& placeholder) {
    return NewCodeChoice(parent, core::AllValues<core::Side>(), placeholder);
}

}  // namespace myodesk::app::intake_fields
