#pragma once

#include <myodesk/core/validation.h>

#include <wx/panel.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <vector>

class wxButton;
class wxListEvent;
class wxListView;
class wxSimplebook;
class wxStaticText;

namespace myodesk::app {

class PlanController;

// The client's training calendar, on the Plan tab: one row per day (date, kind of run,
// distance in the client's units), Add…, Edit… (Enter, double-click), Remove (Delete) and
// Import… (a CSV or JSON file, docs/training-format.md: every problem is listed by line or
// entry and field, and nothing is saved while there is one). After a change the panel calls
// the change function; it does not regenerate the plan itself.
class TrainingLogPanel : public wxPanel {
  public:
    // The controller must outlive the panel.
    TrainingLogPanel(wxWindow* parent, PlanController& plan);

    // Called after the calendar changed here.
    void SetOnChanged(std::function<void()> on_changed) { m_on_changed = std::move(on_changed); }

    // Shows the controller's calendar again.
    void Reload();
    // Scrolls the list to today's training (the page is shown).
    void ScrollToToday();

    // The buttons' actions; true when something was saved.
    bool AddEntry();
    bool EditSelected();
    bool RemoveSelected();
    // Imports a training file; problems and errors are shown in a message. True when saved.
    bool ImportFile(const wxString& path);

    wxListView* List() const { return m_list; }
    wxButton* AddButton() const { return m_add; }
    wxButton* EditButton() const { return m_edit; }
    wxButton* RemoveButton() const { return m_remove; }
    wxButton* ImportButton() const { return m_import; }
    // The row's cells, tab-separated (for tests).
    wxString RowText(long row) const;

  private:
    // The index of the selected entry in the controller's calendar, or nothing.
    std::optional<std::size_t> SelectedEntry() const;
    void Changed();
    void OnImportButton(wxCommandEvent& event);
    void OnListActivated(wxListEvent& event);
    void OnListKeyDown(wxListEvent& event);
    void OnUpdateSelected(wxUpdateUIEvent& event);

    PlanController& m_plan;
    std::function<void()> m_on_changed;

    wxButton* m_add = nullptr;
    wxButton* m_edit = nullptr;
    wxButton* m_remove = nullptr;
    wxButton* m_import = nullptr;
    wxStaticText* m_summary = nullptr;
    wxSimplebook* m_book = nullptr;
    wxListView* m_list = nullptr;
};

// A problem of a training document in words, with its line or entry and column:
// "Line 4 — distance (km): enter a number from 0 to 400."
wxString TrainingProblemMessage(const core::ValidationProblem& problem);

}  // namespace myodesk::app
