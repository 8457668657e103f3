#pragma once

#include <myodesk/db/audit_repository.h>
#include <myodesk/services/audit_service.h>
#include <myodesk/services/context.h>

#include <wx/dialog.h>

#include <optional>
#include <vector>

class wxButton;
class wxChoice;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace myodesk::app {

// Reports ▸ Audit log… (the owner and the manager): who did what, newest first, read a page at
// a time, filtered by user and action, and for one client when opened from their record.
// "Check the chain" runs the audit log's check; for a client, "Save access report…" writes
// the PDF of who saw or changed their record.
class AuditLogDialog : public wxDialog {
  public:
    // `client`: only that client's rows (its access report can then be saved).
    AuditLogDialog(wxWindow* parent, services::Context& context,
                   std::optional<core::ClientId> client = std::nullopt);

    // The rows read so far (newest first) and whether older ones may follow.
    const std::vector<db::AuditEntry>& Rows() const { return m_rows; }
    wxListCtrl* List() const { return m_list; }
    wxTextCtrl* UserCtrl() const { return m_user; }
    wxChoice* ActionChoice() const { return m_action; }
    // Reads the first page again with the filters as they are.
    void ApplyFilters();
    // Reads the next page of older rows.
    void ShowOlder();
    // Runs the chain's check and says what it found (also returned, for tests).
    wxString CheckChain();

    static constexpr std::int64_t kPage = 200;

  private:
    void ReadPage();
    void SaveAccessReport();

    services::Context& m_context;
    services::AuditService m_audit;
    std::optional<core::ClientId> m_client;
    db::AuditFilter m_filter;
    std::vector<db::AuditEntry> m_rows;
    bool m_more = false;
    wxTextCtrl* m_user = nullptr;
    wxChoice* m_action = nullptr;
    wxListCtrl* m_list = nullptr;
    wxButton* m_older = nullptr;
    wxStaticText* m_status = nullptr;
};

}  // namespace myodesk::app
