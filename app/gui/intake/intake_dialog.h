#pragma once

#include <myodesk/core/client.h>
#include <myodesk/core/intake.h>
#include <myodesk/core/validation.h>

#include <wx/dialog.h>

#include <array>
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

class wxButton;
class wxCheckBox;
class wxChoice;
class wxDatePickerCtrl;
class wxRadioBox;
class wxRadioButton;
class wxScrolledWindow;
class wxSimplebook;
class wxStaticText;
class wxTextCtrl;
class wxToggleButton;

namespace myodesk::app {

class ProblemPanel;
class FormRowsPanel;

// The intake questionnaire, filled in at the desk with the client. One page per section,
// chosen with the buttons on the left (each with a mnemonic: Alt+H for Health history...),
// Ctrl+Page Down / Ctrl+Page Up or Next / Previous. Save (or Ctrl+S) builds a core::Intake
// and the client's changed contact details, validates both (core::ValidateIntake,
// core::ValidateClient) and, when something is wrong, stays open, lists every problem with
// its field in words and puts the cursor in the first one. When valid it calls the save
// function (the caller's: one transaction for the client and the new intake version) and
// closes; a database error keeps the dialog open with what was entered. Enter never closes
// the dialog; Escape or Cancel asks before throwing away what was entered.
class IntakeDialog : public wxDialog {
  public:
    enum class Section {
        kContact,
        kHealth,
        kMedications,
        kHistory,
        kRunner,
        kSoreness,
        kPreferences,
        kConsent,
    };
    static constexpr std::size_t kSectionCount = 8;

    // Saves the client (whose contact details may have changed) and adds the intake as a new
    // version; throws db::ValidationError, db::ConflictError, db::NotFoundError or
    // db::DatabaseError, having saved nothing.
    using SaveFunction = std::function<void(core::Client& client, core::Intake& intake)>;
    // Reads the client again (after another desk changed it), or nullopt when it is gone.
    using ReloadFunction = std::function<std::optional<core::Client>()>;

    // `intake` is what the form starts with (NewIntake or RenewalOf); `renewed_from` the date
    // of the version it was copied from, if any. Without a save function Save only validates
    // and closes.
    IntakeDialog(wxWindow* parent, core::Client client, core::Intake intake,
                 const core::Date& today, std::optional<core::Date> renewed_from = std::nullopt,
                 SaveFunction save = {}, ReloadFunction reload = {});

    // An empty intake for the client, taken today.
    static core::Intake NewIntake(core::ClientId client, const core::Date& today);
    // A copy of an earlier version to start a new one from: taken today, consent to be given
    // again (the client signs each version).
    static core::Intake RenewalOf(const core::Intake& earlier, const core::Date& today);

    // The client and intake as read by the last successful TransferDataFromWindow() (after
    // a save: as saved, with their new ids and versions).
    const core::Client& GetClient() const { return m_client; }
    const core::Intake& GetIntake() const { return m_intake; }

    bool TransferDataToWindow() override;
    // Reads and validates the controls; false, showing the problems, when it cannot be saved.
    bool TransferDataFromWindow() override;

    const core::ValidationProblems& Problems() const { return m_problems; }
    wxString ProblemText() const;

    // Whether anything was changed since the dialog opened.
    bool IsModified() const;

    void ShowSection(Section section);
    Section CurrentSection() const;
    wxToggleButton* SectionButton(Section section) const;

    // The control for a field: client fields by name ("phone"), intake fields by JSON path
    // ("consent.accepted", "soreness[0].pain", "health.conditions[2].region"); nullptr when
    // there is none.
    wxWindow* ControlFor(std::string_view field) const;
    // The checklist box of a health condition.
    wxCheckBox* ConditionBox(core::ConditionCode condition) const;
    // The row editor of a list by its JSON path ("soreness", "health.medications").
    FormRowsPanel* ListEditor(std::string_view path) const;

  private:
    struct Reading {
        core::Client client;
        core::Intake intake;
        core::ValidationProblems problems;  // what cannot even be read (no region chosen...)
    };

    void CreateControls(std::optional<core::Date> renewed_from);
    wxWindow* CreateSidebar(wxWindow* parent);
    wxScrolledWindow* NewPage(const wxString& title, const wxString& help, wxSizer*& content);
    void CreateContactPage();
    void CreateHealthPage();
    void CreateMedicationsPage();
    void CreateHistoryPage();
    void CreateRunnerPage();
    void CreateSorenessPage();
    void CreatePreferencesPage();
    void CreateConsentPage();

    Reading ReadControls() const;
    void ShowProblems(const std::vector<wxString>& extra = {});
    void MarkSectionsWithProblems();
    std::optional<Section> SectionOf(wxWindow* control) const;
    void FocusFirstControl(Section section);
    void UpdateUnitLabels();
    void SyncConditionBoxes();
    void AddRegionalConditionRow(core::ConditionCode condition);
    void Save();

    void OnSectionButton(wxCommandEvent& event);
    void OnPreviousButton(wxCommandEvent& event);
    void OnNextButton(wxCommandEvent& event);
    void OnSaveButton(wxCommandEvent& event);
    void OnCancelButton(wxCommandEvent& event);
    void OnCharHook(wxKeyEvent& event);
    void OnConditionBox(wxCommandEvent& event);
    void OnPregnantBox(wxCommandEvent& event);
    void OnUnitsButton(wxCommandEvent& event);

    core::Client m_client;
    core::Intake m_intake;
    core::Date m_today;
    SaveFunction m_save;
    ReloadFunction m_reload;
    core::ValidationProblems m_problems;
    Reading m_initial;
    std::vector<core::ConditionCode> m_regional_conditions;
    // Dates of non-regional conditions, which the form does not show, kept for the copy.
    std::map<core::ConditionCode, core::Date> m_condition_since;

    std::map<std::string, wxWindow*, std::less<>> m_controls;
    std::map<core::ConditionCode, wxCheckBox*> m_condition_boxes;
    std::vector<FormRowsPanel*> m_lists;

    wxDatePickerCtrl* m_taken_on = nullptr;
    std::array<wxToggleButton*, kSectionCount> m_section_buttons{};
    std::array<wxString, kSectionCount> m_section_labels;
    wxSimplebook* m_pages = nullptr;
    wxButton* m_previous = nullptr;
    wxButton* m_next = nullptr;

    // Contact
    wxTextCtrl* m_phone = nullptr;
    wxTextCtrl* m_email = nullptr;
    wxTextCtrl* m_address = nullptr;
    wxTextCtrl* m_emergency_name = nullptr;
    wxTextCtrl* m_emergency_phone = nullptr;
    wxTextCtrl* m_physician = nullptr;
    // Health
    FormRowsPanel* m_regional = nullptr;
    wxCheckBox* m_pregnant = nullptr;
    wxChoice* m_pregnancy_weeks = nullptr;
    // Medications and allergies
    FormRowsPanel* m_medications = nullptr;
    wxTextCtrl* m_allergies = nullptr;
    // Surgeries and injuries
    FormRowsPanel* m_surgeries = nullptr;
    FormRowsPanel* m_injuries = nullptr;
    // Runner profile
    wxRadioButton* m_units_km = nullptr;
    wxRadioButton* m_units_mi = nullptr;
    wxTextCtrl* m_race_name = nullptr;
    wxDatePickerCtrl* m_race_date = nullptr;
    wxTextCtrl* m_race_distance = nullptr;
    wxChoice* m_goal = nullptr;
    wxChoice* m_runs_per_week = nullptr;
    wxChoice* m_long_run_day = nullptr;
    wxTextCtrl* m_weekly_distance = nullptr;
    wxTextCtrl* m_longest_run = nullptr;
    std::vector<wxStaticText*> m_unit_labels;
    FormRowsPanel* m_recent_runs = nullptr;
    // Soreness and areas to avoid
    FormRowsPanel* m_soreness = nullptr;
    FormRowsPanel* m_avoid = nullptr;
    // Preferences
    wxRadioBox* m_pressure = nullptr;
    wxTextCtrl* m_preference_notes = nullptr;
    // Consent
    wxCheckBox* m_consent_accepted = nullptr;
    wxTextCtrl* m_consent_name = nullptr;
    wxDatePickerCtrl* m_consent_date = nullptr;

    ProblemPanel* m_problem_panel = nullptr;
};

}  // namespace myodesk::app
