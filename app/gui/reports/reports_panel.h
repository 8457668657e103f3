#pragma once

#include <myodesk/core/client.h>
#include <myodesk/reports/client_report.h>
#include <myodesk/services/context.h>

#include <wx/panel.h>

#include <functional>
#include <optional>

class wxChoice;

namespace myodesk::app {

class ReportViewPanel;

// The Reports tab of the client workspace: the client's progress report or the letter to
// their physician, shown as it will print, with print preview, print, save as PDF and the
// client's sessions as CSV. The report is read when the tab is shown (not for every client
// opened) and again after anything changed.
class ReportsPanel : public wxPanel {
  public:
    enum class Kind { kProgressReport, kPhysicianLetter };

    // The context must outlive the panel; reports are made on its today.
    ReportsPanel(wxWindow* parent, services::Context& context);

    // The client whose reports the tab shows; read when Refresh() is next called.
    void SetClient(core::ClientId client);
    // Marks what is shown out of date (a note, intake or plan changed).
    void Invalidate() { m_stale = true; }
    // Reads and shows the chosen report when it is out of date. Throws db::DatabaseError.
    void RefreshIfStale();
    void ShowKind(Kind kind);
    Kind ShownKind() const { return m_kind; }

    ReportViewPanel* View() const { return m_view; }
    wxChoice* KindChoice() const { return m_kind_choice; }
    // The view-model of the shown client (for tests).
    const std::optional<reports::ClientReport>& Report() const { return m_report; }

  private:
    void Build();

    services::Context& m_context;
    core::ClientId m_client = 0;
    bool m_stale = true;
    Kind m_kind = Kind::kProgressReport;
    std::optional<reports::ClientReport> m_report;

    wxChoice* m_kind_choice = nullptr;
    ReportViewPanel* m_view = nullptr;
};

}  // namespace myodesk::app
