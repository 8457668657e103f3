#pragma once

#include "common/form_dialog.h"

#include <myodesk/core/client.h>
#include <myodesk/core/date.h>
#include <myodesk/core/screening.h>

#include <optional>
#include <string>
#include <vector>

class wxTextCtrl;

namespace myodesk::app {

class ProblemLabel;

// The explicit step before a note is saved, or a session booked, on a day with an absolute
// contraindication flag (no massage: refer): the flags in full, what the clinic's rule says,
// and the therapist's reason for going ahead. "Override and save" needs a reason; Cancel (the
// default, and Escape) saves nothing. The reason is stored with the note or booking and
// printed in the client report.
class FlagOverrideDialog : public FormDialog {
  public:
    // `action` is the affirmative button's label ("Override and &save").
    FlagOverrideDialog(wxWindow* parent, const core::Client& client, const core::Date& date,
                       const std::vector<core::ContraindicationFlag>& flags,
                       const wxString& action);

    // The reason typed, trimmed (after OK).
    std::string Reason() const;
    wxTextCtrl* ReasonCtrl() const { return m_reason; }

    bool TransferDataFromWindow() override;

  protected:
    bool IsDirty() const override;

  private:
    wxTextCtrl* m_reason = nullptr;
    ProblemLabel* m_problem = nullptr;
};

// Shows the dialog; the reason given, or nullopt when the user cancelled.
std::optional<std::string> AskFlagOverride(wxWindow* parent, const core::Client& client,
                                           const core::Date& date,
                                           const std::vector<core::ContraindicationFlag>& flags,
                                           const wxString& action);

}  // namespace myodesk::app
