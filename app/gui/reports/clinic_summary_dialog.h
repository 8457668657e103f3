#pragma once

#include "common/form_dialog.h"

#include <myodesk/core/date.h>
#include <myodesk/core/staff.h>
#include <myodesk/reports/clinic_summary.h>
#include <myodesk/services/context.h>

#include <functional>
#include <optional>
#include <vector>

class wxChoice;
class wxStaticText;

namespace myodesk::app {

class DateField;

class ReportViewPanel;

// Reports ▸ Clinic summary…: the manager chooses the period (last month to start with) and,
// optionally, one therapist; Show reads the period's sessions with progress (Cancel stops)
// and shows the summary as it will print, with print preview, print, save as PDF and export
// CSV.
class ClinicSummaryDialog : public FormDialog {
  public:
    // The context must outlive the dialog; the period starts as the month before its today.
    ClinicSummaryDialog(wxWindow* parent, services::Context& context);

    void SetPeriod(const core::Date& from, const core::Date& to);
    // nullopt: every therapist.
    void SetTherapist(std::optional<core::StaffId> therapist);
    // Reads and shows the summary of the chosen period; false when the period is wrong (a
    // message says why), the user cancelled, or reading failed.
    bool ShowSummary();

    DateField* FromCtrl() const { return m_from; }
    DateField* ToCtrl() const { return m_to; }
    wxChoice* TherapistChoice() const { return m_therapist; }
    ReportViewPanel* View() const { return m_view; }
    const std::optional<reports::ClinicSummary>& Summary() const { return m_summary; }
    wxString ProblemText() const;

  private:
    services::Context& m_context;
    std::vector<core::Staff> m_therapists;
    std::optional<reports::ClinicSummary> m_summary;

    DateField* m_from = nullptr;
    DateField* m_to = nullptr;
    wxChoice* m_therapist = nullptr;
    wxStaticText* m_problem = nullptr;
    ReportViewPanel* m_view = nullptr;
};

}  // namespace myodesk::app
