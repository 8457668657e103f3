#pragma once

#include "common/form_dialog.h"

#include <myodesk/core/client.h>
#include <myodesk/core/intake.h>
#include <myodesk/core/validation.h>

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
class wxSimplebook;
class wxToggleButton;

namespace myodesk::app {

class DateField;
class FormRowsPanel;
class IntakeContactPage;
class IntakeHealthPage;
class IntakePage;
class ProblemPanel;

// The intake questionnaire, filled in at the desk with the client. One page per section,
// chosen with the buttons on the left (each with a mnemonic: Alt+H for Health history...),
// Ctrl+Page Down / Ctrl+Page Up or Next / Previous. Save (or Ctrl+S) builds a core::Intake
// and the client's changed contact details, validates both (core::ValidateIntake,
// core::ValidateClient) and, when something is wrong, stays open, lists every problem with
// its field in words and puts the cursor in the first one. When valid it calls the save
// function (the caller's: one transaction for the client and the new intake version) and
// closes; a database error keeps the dialog open with what was entered. Enter never closes
// the dialog; Escape or Cancel asks before throwing away what was entered. Each section is a
// page of its own (intake_*_page.h); this dialog is the shell around them.
class IntakeDialog : public FormDialog {
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

  protected:
    bool IsDirty() const override { return IsModified(); }
    bool Save() override;
    bool HandleKey(wxKeyEvent& event) override;
    void RevealField(wxWindow* field) override;

  private:
    struct Reading {
        core::Client client;
        core::Intake intake;
        core::ValidationProblems problems;  // what cannot even be read (no region chosen...)
    };

    void CreateControls(std::optional<core::Date> renewed_from);
    wxSizer* CreateHeader(std::optional<core::Date> renewed_from);
    wxSizer* CreateButtons();
    wxWindow* CreateSidebar(wxWindow* parent);
    void CreatePages();

    Reading ReadControls() const;
    void ShowProblems(const std::vector<wxString>& extra = {});
    void SortProblemsInFormOrder();
    void MarkSectionsWithProblems();
    std::optional<Section> SectionOf(wxWindow* control) const;
    void FocusFirstControl(Section section);
    void GoToSection(Section section);
    void OnSectionButton(wxCommandEvent& event);

    core::Client m_client;
    core::Intake m_intake;
    core::Date m_today;
    SaveFunction m_save;
    ReloadFunction m_reload;
    core::ValidationProblems m_problems;
    Reading m_initial;

    DateField* m_taken_on = nullptr;
    std::array<wxToggleButton*, kSectionCount> m_section_buttons{};
    std::array<wxString, kSectionCount> m_section_labels;
    wxSimplebook* m_pages = nullptr;
    // The pages in Section order.
    std::array<IntakePage*, kSectionCount> m_page_of{};
    IntakeContactPage* m_contact = nullptr;
    IntakeHealthPage* m_health = nullptr;
    wxButton* m_previous = nullptr;
    wxButton* m_next = nullptr;
    ProblemPanel* m_problem_panel = nullptr;
};

}  // namespace myodesk::app
