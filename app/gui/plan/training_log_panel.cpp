#include "plan/training_log_panel.h"

#include "common/code_names.h"
#include "common/empty_list_page.h"
#include "common/error_message.h"
#include "common/problem_message.h"
#include "common/wx_conversions.h"
#include "plan/plan_controller.h"
#include "plan/plan_text.h"
#include "plan/training_day_dialog.h"

#include <myodesk/db/errors.h>

#include <wx/button.h>
#include <wx/filedlg.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/settings.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include <algorithm>
#include <charconv>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

namespace myodesk::app {

namespace {

constexpr std::size_t kProblemsListed = 12;

enum Column { kDateColumn, kKindColumn, kDistanceColumn };

// The column of a training document in words.
wxString TrainingColumnLabel(std::string_view column) {
    if (column == "date") {
        return _("date");
    }
    if (column == "type") {
        return _("type of run");
    }
    if (column == "distance_km") {
        return _("distance (km)");
    }
    if (column == "distance_mi") {
        return _("distance (mi)");
    }
    return ToWx(column);
}

int Number(std::string_view digits) {
    int value = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), value);
    return value;
}

void ShowError(wxWindow* parent, const wxString& what, const std::exception& error) {
    ShowErrorMessage(parent, what, error, _("Training calendar"));
}

}  // namespace

wxString TrainingProblemMessage(const core::ValidationProblem& problem) {
    // "line 4.distance_km", "line 4", "entries[2].type", "[2]", "document", "entries".
    const std::string_view field = problem.field;
    wxString where;
    std::string_view column;
    if (field.substr(0, 5) == "line ") {
        const std::size_t dot = field.find('.');
        where = wxString::Format(_("Line %d"), Number(field.substr(5, dot - 5)));
        column = dot == std::string_view::npos ? std::string_view() : field.substr(dot + 1);
    } else if (const std::size_t open = field.find('['); open != std::string_view::npos) {
        const std::size_t close = field.find(']', open);
        // TRANSLATORS: an entry of a JSON training file, counted from 1.
        where =
            wxString::Format(_("Entry %d"), Number(field.substr(open + 1, close - open - 1)) + 1);
        const std::size_t dot = field.find('.', close);
        column = dot == std::string_view::npos ? std::string_view() : field.substr(dot + 1);
    } else if (field == "document" || field == "entries" || field.empty()) {
        if (problem.code == core::ProblemCode::kWrongType ||
            problem.code == core::ProblemCode::kInvalidJson) {
            return _("The file is neither a training CSV file nor a training JSON document.");
        }
        // Too large, too many entries, not UTF-8, nested too deeply.
        return ProblemMessage(problem, _("The file"));
    } else {
        column = field;
    }
    if (column.empty()) {
        if (problem.code == core::ProblemCode::kWrongType) {
            return wxString::Format(
                _("%s: this row cannot be read (its columns do not match the header, or a "
                  "quote is not closed)."),
                where);
        }
        if (problem.code == core::ProblemCode::kRequired) {
            return wxString::Format(_("%s: the file is empty."), where);
        }
        return ProblemMessage(problem, where);
    }
    const wxString label = where.empty()
                               ? TrainingColumnLabel(column)
                               // TRANSLATORS: a line or entry of a training file and a column, e.g.
                               // "Line 4 — distance (km)".
                               : wxString::Format(_("%s — %s"), where, TrainingColumnLabel(column));
    switch (problem.code) {
        case core::ProblemCode::kUnknownCode:
            if (column == "type") {
                return wxString::Format(
                    _("%s: use easy, long, tempo, intervals, race, rest or cross."), label);
            }
            return wxString::Format(
                _("%s: this column is not known (the columns are date, type and distance_km or "
                  "distance_mi)."),
                label);
        case core::ProblemCode::kInvalidDate:
            return wxString::Format(_("%s: write the date as YYYY-MM-DD, e.g. 2026-06-14."), label);
        case core::ProblemCode::kDuplicate:
            if (column == "date") {
                return wxString::Format(_("%s: this day is in the file twice."), label);
            }
            return wxString::Format(_("%s: give the distance in km or in mi, not both."), label);
        case core::ProblemCode::kOutOfRange:
            if (problem.maximum <= 0) {
                return wxString::Format(_("%s: a rest day has no distance."), label);
            }
            return wxString::Format(_("%s: enter more than 0 and at most %s."), label,
                                    wxString::FromDouble(problem.maximum));
        case core::ProblemCode::kWrongType:
            return wxString::Format(_("%s: this is not a number."), label);
        default:
            break;
    }
    return ProblemMessage(problem, label);
}

TrainingLogPanel::TrainingLogPanel(wxWindow* parent, PlanController& plan)
    : wxPanel(parent, wxID_ANY), m_plan(plan) {
    SetName("training");
    m_add = new wxButton(this, wxID_ANY, _("&Add…"));
    m_add->SetToolTip(_("Add a day of training"));
    m_add->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { AddEntry(); });
    m_edit = new wxButton(this, wxID_ANY, _("&Edit…"));
    m_edit->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { EditSelected(); });
    m_edit->Bind(wxEVT_UPDATE_UI, &TrainingLogPanel::OnUpdateSelected, this);
    m_remove = new wxButton(this, wxID_ANY, _("Remo&ve"));
    m_remove->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { RemoveSelected(); });
    m_remove->Bind(wxEVT_UPDATE_UI, &TrainingLogPanel::OnUpdateSelected, this);
    m_import = new wxButton(this, wxID_ANY, _("&Import…"));
    m_import->SetToolTip(
        _("Read the runner's calendar from a CSV or JSON file; a day already listed is "
          "replaced"));
    m_import->Bind(wxEVT_BUTTON, &TrainingLogPanel::OnImportButton, this);
    m_summary = new wxStaticText(this, wxID_ANY, wxString());
    m_summary->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));

    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    for (wxButton* button : {m_add, m_edit, m_remove}) {
        bar->Add(button, wxSizerFlags().CentreVertical().Border(wxRIGHT, FromDIP(6)));
    }
    bar->AddSpacer(FromDIP(12));
    bar->Add(m_import, wxSizerFlags().CentreVertical());
    bar->AddStretchSpacer();
    bar->Add(m_summary, wxSizerFlags().CentreVertical());

    m_book = new wxSimplebook(this);
    m_list = new wxListView(m_book, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                            wxLC_REPORT | wxLC_SINGLE_SEL);
    m_list->SetName("training.list");
    m_list->AppendColumn(_("Date"), wxLIST_FORMAT_LEFT, FromDIP(150));
    m_list->AppendColumn(_("Kind"), wxLIST_FORMAT_LEFT, FromDIP(150));
    m_list->AppendColumn(_("Distance"), wxLIST_FORMAT_RIGHT, FromDIP(110));
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, &TrainingLogPanel::OnListActivated, this);
    m_list->Bind(wxEVT_LIST_KEY_DOWN, &TrainingLogPanel::OnListKeyDown, this);
    m_book->AddPage(m_list, wxString());

    auto* empty = NewEmptyListPage(
        m_book, _("No training calendar yet"),
        _("Without one the plan assumes the long runs on the intake's long-run day and the "
          "race on its date. Add the runner's runs, or import their calendar from a CSV or "
          "JSON file (columns date, type, distance_km or distance_mi)."),
        FromDIP(520));
    m_book->AddPage(empty, wxString());

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(bar, wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
    sizer->Add(m_book, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8)));
    SetSizer(sizer);
}

void TrainingLogPanel::Reload() {
    const std::vector<core::TrainingEntry>& entries = m_plan.Training();
    const core::DistanceUnit units = m_plan.Units();
    const long selected = m_list->GetFirstSelected();
    m_list->Freeze();
    m_list->DeleteAllItems();
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const core::TrainingEntry& entry = entries[i];
        const long row = m_list->InsertItem(static_cast<long>(i), DayText(entry.date));
        m_list->SetItem(row, kKindColumn, NameOf(entry.type));
        m_list->SetItem(row, kDistanceColumn,
                        entry.distance_km ? FormatDistance(*entry.distance_km, units)
                                          : wxString::FromUTF8("—"));
        if (entry.type == core::RunType::kLong || entry.type == core::RunType::kRace) {
            m_list->SetItemFont(row, m_list->GetFont().Bold());
        }
    }
    m_list->Thaw();
    if (selected >= 0 && selected < m_list->GetItemCount()) {
        m_list->Select(selected);
        m_list->EnsureVisible(selected);
    } else {
        ScrollToToday();
    }
    m_book->ChangeSelection(entries.empty() ? 1 : 0);
    if (entries.empty()) {
        m_summary->SetLabelText(wxString());
    } else {
        m_summary->SetLabelText(
            wxString::Format(wxPLURAL("%zu day, %s – %s", "%zu days, %s – %s",
                                      static_cast<unsigned>(entries.size() % 1000000)),
                             entries.size(), FormatReadableDate(entries.front().date),
                             FormatReadableDate(entries.back().date)));
    }
    Layout();
}

void TrainingLogPanel::ScrollToToday() {
    const std::vector<core::TrainingEntry>& entries = m_plan.Training();
    if (entries.empty() || m_list->GetItemCount() != static_cast<int>(entries.size())) {
        return;
    }
    // Today's training at the top: what has been run is above it, what is planned below.
    const auto ahead = std::find_if(
        entries.begin(), entries.end(),
        [&](const core::TrainingEntry& entry) { return entry.date >= m_plan.Today(); });
    const long first = ahead == entries.end() ? static_cast<long>(entries.size()) - 1
                                              : static_cast<long>(ahead - entries.begin());
    const long last_row = static_cast<long>(entries.size()) - 1;
    m_list->EnsureVisible(std::min(last_row, first + std::max(m_list->GetCountPerPage(), 1) - 1));
    m_list->EnsureVisible(first);
}

wxString TrainingLogPanel::RowText(long row) const {
    wxString text;
    for (int column = 0; column < m_list->GetColumnCount(); ++column) {
        text << (column > 0 ? "\t" : "") << m_list->GetItemText(row, column);
    }
    return text;
}

bool TrainingLogPanel::AddEntry() {
    core::TrainingEntry entry;
    entry.date = m_plan.Today();
    // After the last day listed, the next day is the likely one.
    if (!m_plan.Training().empty() && m_plan.Training().back().date >= entry.date) {
        entry.date = core::AddDays(m_plan.Training().back().date, 1);
    }
    TrainingDayDialog dialog(this, _("Add training"), entry, m_plan.Units());
    if (dialog.ShowModal() != wxID_OK) {
        return false;
    }
    try {
        m_plan.PutTraining(dialog.GetEntry());
    } catch (const std::exception& error) {
        ShowError(this, _("The training day could not be saved."), error);
        return false;
    }
    Reload();
    for (std::size_t i = 0; i < m_plan.Training().size(); ++i) {
        if (m_plan.Training()[i].date == dialog.GetEntry().date) {
            m_list->Select(static_cast<long>(i));
            m_list->EnsureVisible(static_cast<long>(i));
        }
    }
    Changed();
    return true;
}

std::optional<std::size_t> TrainingLogPanel::SelectedEntry() const {
    const long row = m_list->GetFirstSelected();
    if (row < 0 || static_cast<std::size_t>(row) >= m_plan.Training().size()) {
        return std::nullopt;
    }
    return static_cast<std::size_t>(row);
}

bool TrainingLogPanel::EditSelected() {
    const std::optional<std::size_t> row = SelectedEntry();
    if (!row) {
        return false;
    }
    const core::TrainingEntry before = m_plan.Training()[*row];
    TrainingDayDialog dialog(this, _("Edit training"), before, m_plan.Units());
    if (dialog.ShowModal() != wxID_OK || dialog.GetEntry() == before) {
        return false;
    }
    try {
        m_plan.PutTraining(dialog.GetEntry(), before.date);
    } catch (const std::exception& error) {
        ShowError(this, _("The training day could not be saved."), error);
        return false;
    }
    Reload();
    Changed();
    return true;
}

bool TrainingLogPanel::RemoveSelected() {
    const std::optional<std::size_t> row = SelectedEntry();
    if (!row) {
        return false;
    }
    const core::TrainingEntry entry = m_plan.Training()[*row];
    try {
        m_plan.RemoveTraining(entry.date);
    } catch (const std::exception& error) {
        ShowError(this, _("The training day could not be removed."), error);
        return false;
    }
    Reload();
    if (m_list->GetItemCount() > 0) {
        m_list->Select(std::min<long>(static_cast<long>(*row), m_list->GetItemCount() - 1));
    }
    Changed();
    return true;
}

bool TrainingLogPanel::ImportFile(const wxString& path) {
    std::ifstream file(path.utf8_string(), std::ios::binary);
    if (!file) {
        wxMessageBox(wxString::Format(_("%s could not be opened."), path), _("Import training"),
                     wxOK | wxICON_ERROR, this);
        return false;
    }
    std::ostringstream text;
    text << file.rdbuf();
    PlanController::ImportResult result;
    try {
        result = m_plan.ImportTraining(text.str());
    } catch (const db::ValidationError& error) {
        result.problems = error.Problems();
    } catch (const std::exception& error) {
        ShowError(this, _("The training calendar could not be imported."), error);
        return false;
    }
    if (!result.problems.empty()) {
        wxString details;
        for (std::size_t i = 0; i < result.problems.size() && i < kProblemsListed; ++i) {
            details << (details.empty() ? "" : "\n") << TrainingProblemMessage(result.problems[i]);
        }
        if (result.problems.size() > kProblemsListed) {
            const auto more = result.problems.size() - kProblemsListed;
            details << "\n"
                    << wxString::Format(
                           wxPLURAL("… and %zu more problem.", "… and %zu more problems.",
                                    static_cast<unsigned>(more % 1000000)),
                           more);
        }
        wxMessageDialog message(this,
                                _("Nothing was imported: the file has problems. Correct them "
                                  "and import it again."),
                                _("Import training"), wxOK | wxICON_WARNING);
        message.SetExtendedMessage(details);
        message.ShowModal();
        return false;
    }
    Reload();
    Changed();
    // TRANSLATORS: after an import, e.g. "12 days imported: 10 new, 2 replaced."
    wxMessageBox(wxString::Format(wxPLURAL("%d day imported: %d new, %d replaced.",
                                           "%d days imported: %d new, %d replaced.",
                                           static_cast<unsigned>(result.added + result.replaced)),
                                  result.added + result.replaced, result.added, result.replaced),
                 _("Import training"), wxOK | wxICON_INFORMATION, this);
    return true;
}

void TrainingLogPanel::Changed() {
    if (m_on_changed) {
        m_on_changed();
    }
}

void TrainingLogPanel::OnImportButton(wxCommandEvent&) {
    wxFileDialog dialog(this, _("Import training calendar"), wxString(), wxString(),
                        _("Training files (*.csv;*.json)|*.csv;*.CSV;*.json;*.JSON|"
                          "All files|*"),
                        wxFD_OPEN | wxFD_FILE_MUST_EXIST);
    if (dialog.ShowModal() == wxID_OK) {
        ImportFile(dialog.GetPath());
    }
}

void TrainingLogPanel::OnListActivated(wxListEvent&) {
    EditSelected();
}

void TrainingLogPanel::OnListKeyDown(wxListEvent& event) {
    if (event.GetKeyCode() == WXK_DELETE) {
        RemoveSelected();
        return;
    }
    event.Skip();
}

void TrainingLogPanel::OnUpdateSelected(wxUpdateUIEvent& event) {
    event.Enable(m_list->GetFirstSelected() >= 0);
}

}  // namespace myodesk::app
