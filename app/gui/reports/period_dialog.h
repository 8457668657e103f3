#pragma once

#include "common/form_dialog.h"

#include <myodesk/core/date.h>

#include <wx/string.h>

#include <optional>
#include <utility>

class wxStaticText;

namespace myodesk::app {

class DateField;

// Asks for a period (From, To; the last calendar month to start with). OK is refused, with
// the reason shown, while To is before From.
class PeriodDialog : public FormDialog {
  public:
    PeriodDialog(wxWindow* parent, const wxString& title, const core::Date& today);

    core::Date From() const { return m_from_date; }
    core::Date To() const { return m_to_date; }
    void SetPeriod(const core::Date& from, const core::Date& to);

    DateField* FromCtrl() const { return m_from; }
    DateField* ToCtrl() const { return m_to; }
    wxString ProblemText() const;

    bool TransferDataFromWindow() override;

  private:
    core::Date m_from_date{};
    core::Date m_to_date{};
    DateField* m_from = nullptr;
    DateField* m_to = nullptr;
    wxStaticText* m_problem = nullptr;
};

// The period typed into two date fields, or nullopt with `problem` naming the field: a date
// that is not one (the text stays), an empty one, To before From.
std::optional<std::pair<core::Date, core::Date>> ReadPeriod(const DateField& from,
                                                            const DateField& to, wxString& problem);

// The calendar month before the one `today` is in: {first day, last day}.
std::pair<core::Date, core::Date> PreviousMonth(const core::Date& today);

}  // namespace myodesk::app
