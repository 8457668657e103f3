#pragma once

#include "common/form_dialog.h"

#include <myodesk/core/date.h>
#include <myodesk/core/staff.h>
#include <myodesk/services/context.h>

#include <optional>

class wxCheckBox;

namespace myodesk::app {

class ReportViewPanel;

// The appointment book's Print day…: the day sheet of the day shown (of one therapist when
// their week is shown) as it will print, a page per therapist or all on one, with print
// preview, print and save as PDF.
class DaySheetDialog : public FormDialog {
  public:
    DaySheetDialog(wxWindow* parent, services::Context& context, const core::Date& date,
                   std::optional<core::StaffId> therapist);

    // Reads the day again and shows its sheet; false when it could not be read.
    bool ShowSheet();

    wxCheckBox* PagePerTherapist() const { return m_page_each; }
    ReportViewPanel* View() const { return m_view; }

  private:
    services::Context& m_context;
    core::Date m_date;
    std::optional<core::StaffId> m_therapist;
    wxCheckBox* m_page_each = nullptr;
    ReportViewPanel* m_view = nullptr;
};

}  // namespace myodesk::app
