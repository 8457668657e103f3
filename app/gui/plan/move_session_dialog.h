#pragma once

#include "common/form_dialog.h"

#include <myodesk/core/plan.h>

#include <functional>
#include <optional>

class wxButton;
class wxHtmlWindow;

namespace myodesk::app {

class DateField;

// Moves a planned session to another day of the plan. As a day is chosen, the plan's rules
// are asked what the session would become there (core::MoveSession): the warnings in words
// (the session changed to suit the day, or why it cannot go there) and the session as it
// would be. Move is only offered where the session may go; clicking it confirms what was
// shown. Nothing is saved here: the caller saves Result().
class MoveSessionDialog : public FormDialog {
  public:
    // What the rules say about a day (may throw db::DatabaseError).
    using PreviewFunction = std::function<core::MoveResult(const core::Date& to)>;

    MoveSessionDialog(wxWindow* parent, const core::PlannedSession& session, const core::Plan& plan,
                      PreviewFunction preview);

    // Types a day into the field, and shows what the rules say.
    void SetDate(const core::Date& day);
    // What the rules said about the day chosen last, or nullopt before one was.
    const std::optional<core::MoveResult>& Result() const { return m_result; }
    // The preview as text (for tests).
    wxString PreviewText() const;

    DateField* DateCtrl() const { return m_date; }
    wxButton* MoveButton() const { return m_move; }

  private:
    void UpdatePreview();

    core::PlannedSession m_session;
    core::DistanceUnit m_units;
    PreviewFunction m_preview;
    core::Date m_plan_from;
    core::Date m_plan_to;
    std::optional<core::MoveResult> m_result;

    DateField* m_date = nullptr;
    wxHtmlWindow* m_view = nullptr;
    wxButton* m_move = nullptr;
};

}  // namespace myodesk::app
