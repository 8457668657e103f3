#pragma once

#include "common/virtual_report_list_ctrl.h"
#include "sessions/session_list_model.h"

#include <myodesk/core/client.h>

#include <functional>
#include <optional>

namespace myodesk::app {

// The columns of SessionListCtrl, named outside it because its base is made for them.
enum class SessionColumn { kClient, kDate, kTime, kTherapist, kTechniques, kRegions, kStatus };

// The virtual report list of session notes: it asks SessionListModel for the rows it paints
// and never holds rows itself. Unsigned notes stand out (bold, amber "Unsigned"). With a
// client-name function it is the list of every client's unsigned notes: a Client column, and
// no Status column (all are unsigned).
class SessionListCtrl : public VirtualReportListCtrl<SessionColumn> {
  public:
    using ClientNameFunction = std::function<wxString(core::ClientId)>;
    using Column = SessionColumn;

    SessionListCtrl(wxWindow* parent, wxWindowID id, SessionListModel& model,
                    ClientNameFunction client_name = {});

    // Takes the row count from the model and repaints (call after the model changed).
    void RefreshRows();

    std::optional<db::SessionNoteSummary> SelectedNote() const;

  protected:
    wxString OnGetItemText(long item, long column) const override;
    wxItemAttr* OnGetItemAttr(long item) const override;

  private:
    SessionListModel* m_model;
    ClientNameFunction m_client_name;
    mutable wxItemAttr m_unsigned_attr;
};

}  // namespace myodesk::app
