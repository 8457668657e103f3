#include "clients/client_import_dialog.h"

#include "common/code_names.h"
#include "common/error_message.h"
#include "common/problem_message.h"
#include "common/wx_conversions.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>
#include <map>

namespace myodesk::app {

wxString ClientCsvFieldLabel(core::ClientCsvField field) {
    using F = core::ClientCsvField;
    switch (field) {
        case F::kIgnore:
            return _("(ignore this column)");
        case F::kGivenName:
            return _("Given name");
        case F::kFamilyName:
            return _("Family name");
        case F::kFullName:
            return _("Full name (given and family)");
        case F::kPreferredName:
            return _("Preferred name");
        case F::kDateOfBirth:
            return _("Date of birth");
        case F::kPhone:
            return _("Phone");
        case F::kEmail:
            return _("Email");
        case F::kAddress:
            return _("Address (street)");
        case F::kAddressLine2:
            return _("Address, second line");
        case F::kCity:
            return _("City or town");
        case F::kRegion:
            return _("State, province or county");
        case F::kPostcode:
            return _("Postcode");
        case F::kCountry:
            return _("Country");
        case F::kEmergencyContactName:
            return _("Emergency contact");
        case F::kEmergencyContactPhone:
            return _("Emergency contact's phone");
        case F::kPhysician:
            return _("Physician");
        case F::kReferralSource:
            return _("Referral source");
        case F::kNotes:
            return _("Notes");
    }
    return {};
}

namespace {

// What becomes of the row, in a few words.
wxString StatusText(const services::ClientImportRow& row) {
    if (!row.read.problems.empty()) {
        wxString text = _("Refused: ");
        for (std::size_t i = 0; i < row.read.problems.size(); ++i) {
            text << (i == 0 ? "" : "; ") << ProblemMessage(row.read.problems[i]);
        }
        return text;
    }
    if (row.same_as_line) {
        return wxString::Format(_("Likely the same as line %d"), *row.same_as_line);
    }
    if (!row.same_as_clients.empty()) {
        const auto& same = row.same_as_clients.front();
        return wxString::Format(_("Likely already client %lld: %s %s"),
                                static_cast<long long>(same.id), ToWx(same.given_name),
                                ToWx(same.family_name));
    }
    return _("Added");
}

}  // namespace

ImportPreviewList::ImportPreviewList(wxWindow* parent, const services::ClientImportPreview& preview)
    : VirtualReportListCtrl(parent, wxID_ANY, Column::kStatus, 300), m_preview(&preview) {
    AddColumn(Column::kLine, _("Line"), wxLIST_FORMAT_RIGHT, FromDIP(50));
    AddColumn(Column::kName, _("Name"), wxLIST_FORMAT_LEFT, FromDIP(160));
    AddColumn(Column::kBorn, _("Born"), wxLIST_FORMAT_LEFT, FromDIP(100));
    AddColumn(Column::kPhone, _("Phone"), wxLIST_FORMAT_LEFT, FromDIP(120));
    AddColumn(Column::kEmail, _("Email"), wxLIST_FORMAT_LEFT, FromDIP(160));
    AddColumn(Column::kStatus, _("What happens"), wxLIST_FORMAT_LEFT, FromDIP(300));
    RefreshRows();
}

void ImportPreviewList::RefreshRows() {
    SetItemCount(static_cast<long>(m_preview->rows.size()));
    Refresh();
}

wxString ImportPreviewList::OnGetItemText(long item, long column) const {
    if (item < 0 || static_cast<std::size_t>(item) >= m_preview->rows.size()) {
        return {};
    }
    const auto& row = m_preview->rows[static_cast<std::size_t>(item)];
    const auto& client = row.read.client;
    switch (ColumnAt(column).value_or(Column::kStatus)) {
        case Column::kLine:
            return wxString::Format("%d", row.read.line);
        case Column::kName:
            return ToWx(client.given_name + " " + client.family_name);
        case Column::kBorn:
            return client.date_of_birth ? FormatReadableDate(*client.date_of_birth) : wxString();
        case Column::kPhone:
            return ToWx(client.phone);
        case Column::kEmail:
            return ToWx(client.email);
        case Column::kStatus:
            return StatusText(row);
    }
    return {};
}

wxItemAttr* ImportPreviewList::OnGetItemAttr(long item) const {
    if (item < 0 || static_cast<std::size_t>(item) >= m_preview->rows.size()) {
        return nullptr;
    }
    const auto& row = m_preview->rows[static_cast<std::size_t>(item)];
    m_attr = wxItemAttr();
    if (!row.read.problems.empty()) {
        m_attr.SetTextColour(wxColour(176, 0, 32));  // refused: red, as the forms' problems
    } else if (row.Duplicate()) {
        m_attr.SetTextColour(wxColour(138, 90, 0));  // left out unless asked: amber
    }
    return Striped(m_attr, item);
}

ClientImportDialog::ClientImportDialog(wxWindow* parent, services::Context& context,
                                       std::string text, const wxString& file_name)
    : wxDialog(parent, wxID_ANY, _("Import clients from CSV"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_context(context),
      m_text(std::move(text)) {
    services::ClientImportService service(m_context);
    m_preview = service.Preview(m_text, {}, core::CsvDateOrder::kAuto);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(
        this, wxID_ANY,
        wxString::Format(_("%s: each column's field is guessed from its name; change any that "
                           "is wrong. Nothing is saved until you press Import."),
                         file_name));
    intro->Wrap(FromDIP(900));
    sizer->Add(intro, wxSizerFlags().Border(wxALL));

    sizer->Add(new wxStaticText(this, wxID_ANY, _("The file's columns, and what each holds:")),
               wxSizerFlags().Border(wxLEFT | wxRIGHT));
    // Room for six rows of two columns (twelve columns) before it scrolls.
    auto* columns = new wxScrolledWindow(this, wxID_ANY, wxDefaultPosition,
                                         FromDIP(wxSize(900, 235)), wxVSCROLL | wxBORDER_THEME);
    auto* grid = new wxFlexGridSizer(4, FromDIP(4), FromDIP(12));
    wxArrayString labels;
    for (const auto field : core::AllClientCsvFields()) {
        labels.Add(ClientCsvFieldLabel(field));
    }
    for (const auto& column : m_preview.columns) {
        grid->Add(new wxStaticText(columns, wxID_ANY, ToWx(column.name)),
                  wxSizerFlags().CenterVertical());
        auto* choice = new wxChoice(columns, wxID_ANY, wxDefaultPosition, wxDefaultSize, labels);
        choice->SetSelection(static_cast<int>(column.field));
        choice->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { UpdatePreview(); });
        grid->Add(choice, wxSizerFlags().Expand());
        m_fields.push_back(choice);
        m_column_names.push_back(column.name);
    }
    auto* padded = new wxBoxSizer(wxVERTICAL);
    padded->Add(grid, wxSizerFlags(1).Border(wxALL, FromDIP(6)).Expand());
    columns->SetSizer(padded);
    columns->SetScrollRate(0, FromDIP(10));
    sizer->Add(columns, wxSizerFlags().Border(wxLEFT | wxRIGHT).Expand());

    auto* dates = new wxBoxSizer(wxHORIZONTAL);
    dates->Add(new wxStaticText(this, wxID_ANY, _("Dates like 03/04/1990 are")),
               wxSizerFlags().CenterVertical().Border(wxRIGHT));
    m_date_order = new wxChoice(this, wxID_ANY);
    m_date_order->Append(_("worked out from the file"));
    m_date_order->Append(_("day first (3 April)"));
    m_date_order->Append(_("month first (March 4)"));
    m_date_order->SetSelection(0);
    m_date_order->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { UpdatePreview(); });
    dates->Add(m_date_order);
    sizer->Add(dates, wxSizerFlags().Border(wxALL));

    m_file_problems = new wxStaticText(this, wxID_ANY, wxString());
    m_file_problems->SetForegroundColour(wxColour(176, 0, 32));
    sizer->Add(m_file_problems, wxSizerFlags().Border(wxLEFT | wxRIGHT));

    m_list = new ImportPreviewList(this, m_preview);
    m_list->SetMinSize(FromDIP(wxSize(900, 240)));
    sizer->Add(m_list, wxSizerFlags(1).Border(wxALL).Expand());

    m_summary = new wxStaticText(this, wxID_ANY, wxString());
    sizer->Add(m_summary, wxSizerFlags().Border(wxLEFT | wxRIGHT));
    m_add_duplicates = new wxCheckBox(this, wxID_ANY, _("Add the likely duplicates too"));
    m_add_duplicates->Bind(wxEVT_CHECKBOX, [this](wxCommandEvent&) { UpdatePreview(); });
    sizer->Add(m_add_duplicates, wxSizerFlags().Border(wxALL));

    auto* buttons = CreateStdDialogButtonSizer(wxOK | wxCANCEL);
    if (auto* ok = dynamic_cast<wxButton*>(FindWindow(wxID_OK))) {
        ok->SetLabel(_("&Import"));
    }
    sizer->Add(buttons, wxSizerFlags().Border(wxALL).Expand());
    SetSizerAndFit(sizer);
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { OnImport(); }, wxID_OK);
    UpdatePreview();
}

void ClientImportDialog::UpdatePreview() {
    std::map<std::string, core::ClientCsvField> mapping;
    const auto fields = core::AllClientCsvFields();
    for (std::size_t i = 0; i < m_fields.size(); ++i) {
        const int chosen = m_fields[i]->GetSelection();
        if (chosen >= 0 && static_cast<std::size_t>(chosen) < fields.size()) {
            mapping[m_column_names[i]] = fields[static_cast<std::size_t>(chosen)];
        }
    }
    const core::CsvDateOrder orders[] = {core::CsvDateOrder::kAuto, core::CsvDateOrder::kDayFirst,
                                         core::CsvDateOrder::kMonthFirst};
    const int order = std::max(0, m_date_order->GetSelection());
    try {
        m_preview =
            services::ClientImportService(m_context).Preview(m_text, mapping, orders[order]);
    } catch (const std::exception& error) {
        ShowErrorMessage(this, _("The client list could not be read."), error);
        return;
    }
    wxString problems;
    for (const auto& problem : m_preview.problems) {
        if (problem.field == "date_of_birth" && problem.code == core::ProblemCode::kInvalidDate) {
            problems << _("Dates of birth like 03/04/1990 could be day or month first: choose "
                          "which above.")
                     << "\n";
        } else if (problem.field == "columns.given_name") {
            problems << _("No column gives the clients' names: choose a Full name column, or a "
                          "Given name and a Family name column.")
                     << "\n";
        } else {
            problems << ProblemMessage(problem) << "\n";
        }
    }
    m_file_problems->SetLabel(problems.Trim());
    const std::int64_t adding =
        m_preview.to_add + (m_add_duplicates->IsChecked() ? m_preview.duplicates : 0);
    wxString summary = wxString::Format(
        _("Clients to add: %lld  ·  likely duplicates: %lld  ·  rows refused: %lld"),
        static_cast<long long>(adding), static_cast<long long>(m_preview.duplicates),
        static_cast<long long>(m_preview.refused));
    if (m_preview.refused > 0) {
        summary << "\n"
                << _("Nothing is imported while a row is refused: correct those rows in the "
                     "file (or ignore the column at fault) and open it again.");
    }
    m_summary->SetLabel(summary);
    if (auto* ok = FindWindow(wxID_OK)) {
        ok->Enable(m_preview.Usable() && adding > 0);
    }
    m_list->RefreshRows();
    Layout();
}

void ClientImportDialog::OnImport() {
    try {
        m_result = services::ClientImportService(m_context).Import(m_preview,
                                                                   m_add_duplicates->IsChecked());
        EndModal(wxID_OK);
    } catch (const std::exception& error) {
        ShowErrorMessage(this, _("The clients could not be imported. Nothing was saved."), error);
    }
}

}  // namespace myodesk::app
