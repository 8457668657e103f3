#pragma once

#include "common/virtual_report_list_ctrl.h"

#include <myodesk/services/client_import_service.h>

#include <wx/dialog.h>

#include <optional>
#include <string>
#include <vector>

class wxCheckBox;
class wxChoice;
class wxStaticText;

namespace myodesk::app {

enum class ImportPreviewColumn { kLine, kName, kBorn, kPhone, kEmail, kStatus };

// The rows of a client list as the import will take them, one line each (virtual: a list of
// 50,000 rows paints only what shows).
class ImportPreviewList : public VirtualReportListCtrl<ImportPreviewColumn> {
  public:
    using Column = ImportPreviewColumn;
    ImportPreviewList(wxWindow* parent, const services::ClientImportPreview& preview);
    void RefreshRows();

  protected:
    wxString OnGetItemText(long item, long column) const override;
    wxItemAttr* OnGetItemAttr(long item) const override;

  private:
    const services::ClientImportPreview* m_preview;
    mutable wxItemAttr m_attr;
};

// Client ▸ Import clients from CSV…: another program's client list (Jane, Cliniko,
// ClinicSense, SimplePractice, a spreadsheet) previewed before anything is saved: each
// column's field (guessed from its name, changeable), how dates are written, every row with
// what becomes of it (added, likely a client already, refused and why). Import adds them in
// one go through services::ClientImportService; nothing is saved while any row is refused.
class ClientImportDialog : public wxDialog {
  public:
    ClientImportDialog(wxWindow* parent, services::Context& context, std::string text,
                       const wxString& file_name);

    // After OK: what was added.
    const std::optional<services::ClientImportResult>& Result() const { return m_result; }
    const services::ClientImportPreview& Preview() const { return m_preview; }
    // The field choice of each column, in the file's order (tests change them).
    const std::vector<wxChoice*>& FieldChoices() const { return m_fields; }
    wxChoice* DateOrderChoice() const { return m_date_order; }
    wxCheckBox* AddDuplicates() const { return m_add_duplicates; }
    ImportPreviewList* List() const { return m_list; }
    // Reads the file again with the choices as they are now.
    void UpdatePreview();

  private:
    void OnImport();

    services::Context& m_context;
    std::string m_text;
    services::ClientImportPreview m_preview;
    std::optional<services::ClientImportResult> m_result;
    std::vector<std::string> m_column_names;
    std::vector<wxChoice*> m_fields;
    wxChoice* m_date_order = nullptr;
    wxCheckBox* m_add_duplicates = nullptr;
    wxStaticText* m_summary = nullptr;
    wxStaticText* m_file_problems = nullptr;
    ImportPreviewList* m_list = nullptr;
};

// The words for a field of a client list's column ("Given name", "Ignore this column").
wxString ClientCsvFieldLabel(core::ClientCsvField field);

}  // namespace myodesk::app
