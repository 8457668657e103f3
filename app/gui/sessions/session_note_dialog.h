#pragma once

#include "common/form_dialog.h"
#include "intake/contraindication_banner.h"
#include "sessions/note_cautions.h"
#include "sessions/region_work_grid.h"

#include <myodesk/core/client.h>
#include <myodesk/core/intake.h>
#include <myodesk/core/screening.h>
#include <myodesk/core/session_note.h>
#include <myodesk/core/staff.h>
#include <myodesk/core/validation.h>
#include <myodesk/db/session_clash.h>

#include <array>
#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

class wxCheckBox;
class wxChoice;
class wxComboBox;
class wxStaticText;
class wxTextCtrl;

namespace myodesk::app {

class DateField;

class BodyChartCtrl;
class ContraindicationBannerPanel;
class FormRowsPanel;
class ProblemPanel;
class TechniqueList;

// The session note editor (SOAP), for a new note or one not signed yet. At the top the
// session's date, start, duration and position, and the client's contraindications (the
// banner of the newest intake). On the left what the client reports (Subjective), what was
// found (Objective), the response (Assessment) and what comes next (Plan), then the
// techniques with their minutes. On the right the body chart: a click on an area adds that
// region and side, a second click removes it; below it the grid of regions with pressure and
// pain before and after, which keyboard users edit alone. Chart and grid always show the same
// regions. An area to avoid (a local flag) is hatched and adding it asks first; deep
// pressure (8+) or deep tissue under a modify flag asks first. The areas the client asked to
// be left alone (the intake's "areas to avoid") are hatched and ask the same way.
//
// Save (Ctrl+S) validates with core::ValidateSessionNote; Save and sign (Ctrl+Shift+S) also
// signs in the name of the staff member at the desk. When something is wrong the dialog
// stays open, says what with the field in words and puts the cursor there; refusals from
// storage (an overlapping session, a note signed meanwhile) are shown the same way.
class SessionNoteDialog : public FormDialog {
  public:
    // What the editor needs besides the note.
    struct Context {
        core::Client client;
        core::Date today{};
        core::Staff at_desk;                            // who signs
        wxString therapist_name;                        // the note's therapist
        std::vector<core::ContraindicationFlag> flags;  // of the newest intake, on `today`
        std::vector<core::RegionSide> client_avoids;    // the intake's "areas to avoid"
        ContraindicationBanner banner;
        int modify_pressure_cap = 5;
        std::optional<core::Pressure> preferred_pressure;  // from the intake: the default
        wxString copied_from;  // "Copied from the note of …", or empty
        // Correcting a signed note: the editor holds the note as it reads now, asks for the
        // reason, and its save function adds the whole correction as an amendment (no signing).
        bool correcting = false;
    };

    // Saves the note (adding it when its id is 0) and, when `sign`, signs it; sets its id and
    // version. Throws db::ValidationError, db::ConflictError, db::NotFoundError or
    // db::DatabaseError, having saved nothing.
    using SaveFunction = std::function<void(core::SessionNote& note, bool sign)>;

    // Columns of the region grid.
    using RegionColumn = RegionWorkGrid::Column;
    static constexpr RegionColumn kRegionColumn = RegionWorkGrid::kRegionColumn;
    static constexpr RegionColumn kSideColumn = RegionWorkGrid::kSideColumn;
    static constexpr RegionColumn kPressureColumn = RegionWorkGrid::kPressureColumn;
    static constexpr RegionColumn kPainBeforeColumn = RegionWorkGrid::kPainBeforeColumn;
    static constexpr RegionColumn kPainAfterColumn = RegionWorkGrid::kPainAfterColumn;

    // Without a save function Save only validates and closes.
    SessionNoteDialog(wxWindow* parent, Context context, core::SessionNote note,
                      SaveFunction save = {});

    // A new note with the defaults that make a typical note quick: today, the time now
    // rounded to a quarter of an hour, 60 minutes, prone.
    static core::SessionNote NewNote(core::ClientId client, core::StaffId therapist,
                                     const core::Date& today, int minute_of_day);

    // The note as read by the last successful TransferDataFromWindow (after a save: as
    // saved, with its id and version).
    const core::SessionNote& GetNote() const { return m_note; }
    // Whether the dialog closed by Save and sign.
    bool WasSigned() const { return m_signed; }
    // When correcting: the reason typed for the correction.
    std::string CorrectionReason() const;
    wxTextCtrl* CorrectionReasonCtrl() const { return m_correction_reason; }

    bool TransferDataToWindow() override;
    // Reads and validates; false, showing the problems, when the note cannot be saved.
    bool TransferDataFromWindow() override;

    const core::ValidationProblems& Problems() const { return m_problems; }
    wxString ProblemText() const;
    // The line saying which note was copied, or nullptr when nothing was.
    wxStaticText* CopiedFrom() const { return m_copied_from; }
    bool IsModified() const;

    // What Ctrl+S and Ctrl+Shift+S do.
    void Save(bool sign);

    // What a click on the chart does: removes the area's region and side when the note has
    // it, otherwise adds it (asking first for an area to avoid).
    void ToggleArea(core::RegionSide area);

    // The regions as the grid holds them (rows without a region chosen are left out).
    std::vector<core::RegionWork> GridRegions() const;

    // The control for a field by its JSON path ("start_time", "regions[1].pressure",
    // "techniques[0].minutes"), or nullptr.
    wxWindow* ControlFor(std::string_view field) const;
    BodyChartCtrl* Chart() const { return m_chart; }
    FormRowsPanel* RegionGrid() const;
    ContraindicationBannerPanel* Banner() const { return m_banner; }
    wxCheckBox* TechniqueBox(core::Technique technique) const;
    wxTextCtrl* TechniqueMinutes(core::Technique technique) const;

    // Sets a grid row's controls (for tests and the chart).
    void SetRegionRow(std::size_t row, const core::RegionWork& work);

  protected:
    bool IsDirty() const override;
    bool Save() override;
    bool HandleKey(wxKeyEvent& event) override;

  private:
    struct Reading {
        core::SessionNote note;
        core::ValidationProblems problems;     // what cannot even be read
        std::vector<std::size_t> region_rows;  // the grid row of each of note.regions
    };

    void CreateControls();
    wxSizer* CreateHeader();
    wxSizer* CreateSoapColumn();
    wxSizer* CreateChartColumn();
    wxSizer* CreateButtons();
    wxSizer* CreateCorrectionReason();

    // Thrown by SaveOverridingFlagsIfAsked when the therapist does not override the flag.
    struct FlagNotOverridden {};
    // Saves through m_save; on a day with an absolute flag, asks for the reason to override
    // it (FlagOverrideDialog) and saves again with it.
    void SaveOverridingFlagsIfAsked(core::SessionNote& note);

    Reading ReadControls() const;
    std::optional<int> ReadDuration() const;
    bool ConfirmSigning();

    void SyncChart();
    void ShowProblems();
    wxString LabelFor(const core::ValidationProblem& problem) const;
    wxString MessageFor(const core::ValidationProblem& problem) const;

    void OnStartTimeKillFocus(wxFocusEvent& event);

    Context m_context;
    NoteCautions m_cautions;
    core::SessionNote m_note;
    SaveFunction m_save;
    bool m_sign = false;  // whether the save under way also signs
    bool m_signed = false;
    core::ValidationProblems m_problems;
    std::optional<db::BookedSession> m_clash;  // what the start time clashes with, if it does
    std::vector<core::Technique> m_problem_techniques;  // the technique of each techniques[i]
    core::SessionNote m_initial;

    std::map<std::string, wxWindow*, std::less<>> m_controls;
    DateField* m_date = nullptr;
    wxTextCtrl* m_start = nullptr;
    wxComboBox* m_duration = nullptr;
    wxChoice* m_position = nullptr;
    wxChoice* m_treatment = nullptr;  // "Given", or why no treatment was given
    ContraindicationBannerPanel* m_banner = nullptr;
    std::array<wxTextCtrl*, 4> m_soap{};
    TechniqueList* m_techniques = nullptr;
    BodyChartCtrl* m_chart = nullptr;
    RegionWorkGrid* m_regions = nullptr;
    ProblemPanel* m_problem_panel = nullptr;
    wxStaticText* m_copied_from = nullptr;      // "Copied from the note of …", when copied
    wxTextCtrl* m_correction_reason = nullptr;  // when correcting a signed note
};

}  // namespace myodesk::app
