#pragma once

#include "plan/plan_controller.h"

#include <myodesk/core/client.h>
#include <myodesk/services/context.h>

#include <wx/panel.h>
#include <wx/scrolwin.h>

#include <vector>

class wxButton;
class wxHtmlWindow;
class wxListEvent;
class wxNotebook;
class wxSimplebook;
class wxStaticText;

namespace myodesk::app {

class PlanSessionListCtrl;
class PlanTimelineCtrl;
class TrainingLogPanel;

// The Plan tab of the client workspace. On top, the plan's warnings (red: refer the client;
// amber: the others), the plan's line (when it was made, the days it covers, the race) and
// Generate plan / Regenerate (Ctrl+G). Then three pages: Sessions (the timeline beside the
// training calendar, the list of sessions, and the chosen session's reasons and cautions
// with Book…, Move… and Skip), Home care (the advice phase by phase) and Training calendar.
// A plan is never regenerated on its own: after the calendar changed, the plan's line says so
// and offers Regenerate.
class PlanPanel : public wxPanel {
  public:
    enum Page : std::size_t { kSessionsPage, kHomeCarePage, kTrainingPage };

    // The context must outlive the panel; the booking dialog starts with the one at its desk.
    PlanPanel(wxWindow* parent, services::Context& context);

    // Shows the client's current plan and training calendar. Throws db::DatabaseError.
    void ShowClient(core::ClientId client);
    // Reads the shown client's again (after an intake or a note was saved).
    void Reload();

    // The buttons' actions; true when something was saved.
    bool GeneratePlan();
    bool BookSelected();
    bool MoveSelected();
    bool SkipSelected();
    // Chooses plan session `index` in the list, on the timeline and in the details.
    void SelectSession(int index);
    int SelectedSession() const { return m_selected; }

    PlanController& Controller() { return m_plan; }
    PlanSessionListCtrl* SessionList() const { return m_list; }
    PlanTimelineCtrl* Timeline() const { return m_timeline; }
    TrainingLogPanel* Training() const { return m_training; }
    wxNotebook* Pages() const { return m_pages; }
    wxButton* GenerateButton() const { return m_generate; }
    wxButton* BookButton() const { return m_book_button; }
    wxButton* MoveButton() const { return m_move_button; }
    wxButton* SkipButton() const { return m_skip_button; }

    // What is shown, for tests: the warnings (one per line, refer first), the plan's line,
    // the notice that the plan is out of date, the chosen session's details, the home care,
    // and the words shown instead of a plan (empty while a plan is shown).
    wxString WarningsText() const;
    wxString SummaryText() const;
    wxString OutdatedText() const;
    wxString DetailsText() const;
    wxString HomeCareText() const;
    wxString EmptyText() const;
    bool IsReferShown() const;
    // The height of the band of (amber) warnings, for tests: it grows to a few lines only.
    int WarningBandHeight() const;
    wxButton* MoreWarningsButton() const { return m_more_warnings; }

  private:
    // Books through the controller; on a day with an absolute flag, asks for the reason to
    // override it (FlagOverrideDialog) and books again with it.
    void BookOverridingFlagsIfAsked(std::size_t index, core::Appointment& appointment);
    wxWindow* CreateSessionsPage(wxWindow* parent);
    wxWindow* CreateEmptyState(wxWindow* parent);
    void ShowPlan(int select);
    void UpdateWarnings();
    void UpdateHeader();
    void UpdateDetails();
    void UpdateButtons();
    void AfterTrainingChanged();

    void OnGenerateButton(wxCommandEvent& event);
    void OnMoreWarningsButton(wxCommandEvent& event);
    void OnListSelected(wxListEvent& event);
    void OnListActivated(wxListEvent& event);
    void OnTimelineChosen(wxCommandEvent& event);

    services::Context& m_context;
    PlanController m_plan;
    int m_selected = -1;

    wxPanel* m_refer_panel = nullptr;
    wxScrolledWindow* m_refer_area = nullptr;
    wxPanel* m_warning_panel = nullptr;
    wxScrolledWindow* m_warning_area = nullptr;
    std::vector<wxStaticText*> m_refer_texts;
    std::vector<wxStaticText*> m_warning_texts;
    wxButton* m_more_warnings = nullptr;
    wxStaticText* m_summary = nullptr;
    wxStaticText* m_outdated = nullptr;
    wxButton* m_generate = nullptr;
    wxNotebook* m_pages = nullptr;
    wxSimplebook* m_sessions_book = nullptr;
    PlanTimelineCtrl* m_timeline = nullptr;
    PlanSessionListCtrl* m_list = nullptr;
    wxHtmlWindow* m_details = nullptr;
    wxButton* m_book_button = nullptr;
    wxButton* m_move_button = nullptr;
    wxButton* m_skip_button = nullptr;
    wxStaticText* m_empty_title = nullptr;
    wxStaticText* m_empty_text = nullptr;
    wxButton* m_empty_generate = nullptr;
    wxHtmlWindow* m_home_care = nullptr;
    TrainingLogPanel* m_training = nullptr;
};

}  // namespace myodesk::app
