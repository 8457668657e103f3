#pragma once

#include <myodesk/core/intake.h>
#include <myodesk/core/screening.h>

#include <wx/string.h>

#include <optional>
#include <vector>

class wxWindow;

namespace myodesk::app {

// What the client's contraindications mean while a session note is written: which areas are
// to be avoided (a local flag, or the client's own "areas to avoid"), the pressure to start
// a region at, and the questions asked before deep pressure, deep tissue or an avoided area
// goes into the note.
class NoteCautions {
  public:
    NoteCautions(std::vector<core::ContraindicationFlag> flags,
                 std::vector<core::RegionSide> client_avoids, int modify_pressure_cap,
                 std::optional<core::Pressure> preferred_pressure);

    bool IsAvoided(core::RegionSide place) const;
    bool HasModifyFlag() const;
    // The client's preferred pressure (medium when not stated), capped under a modify flag.
    int DefaultPressure() const;
    // The areas the body chart hatches.
    std::vector<core::RegionSide> AvoidedAreas() const;

    // Each asks `parent`'s user; true when they chose to go ahead.
    bool ConfirmAvoided(wxWindow* parent, core::RegionSide place) const;
    bool ConfirmDeepPressure(wxWindow* parent, int pressure) const;
    bool ConfirmDeepTissue(wxWindow* parent) const;

  private:
    wxString ModifyReasons() const;

    std::vector<core::ContraindicationFlag> m_flags;
    std::vector<core::RegionSide> m_client_avoids;
    int m_modify_pressure_cap;
    std::optional<core::Pressure> m_preferred_pressure;
};

}  // namespace myodesk::app
