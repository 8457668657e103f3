#include "sessions/note_cautions.h"

#include "common/code_names.h"
#include "intake/contraindication_banner.h"
#include "sessions/body_chart_ctrl.h"

#include <wx/intl.h>
#include <wx/msgdlg.h>

#include <algorithm>
#include <utility>

namespace myodesk::app {

namespace {

bool Overlap(core::Side a, core::Side b) {
    return SideCovers(a, b) || SideCovers(b, a);
}

bool FlagCovers(const core::ContraindicationFlag& flag, core::RegionSide place) {
    return flag.level == core::FlagLevel::kLocal && flag.region == place.region &&
           (!flag.side || Overlap(*flag.side, place.side));
}

}  // namespace

NoteCautions::NoteCautions(std::vector<core::ContraindicationFlag> flags,
                           std::vector<core::RegionSide> client_avoids, int modify_pressure_cap,
                           std::optional<core::Pressure> preferred_pressure)
    : m_flags(std::move(flags)),
      m_client_avoids(std::move(client_avoids)),
      m_modify_pressure_cap(modify_pressure_cap),
      m_preferred_pressure(preferred_pressure) {}

bool NoteCautions::IsAvoided(core::RegionSide place) const {
    const bool client_asked = std::any_of(
        m_client_avoids.begin(), m_client_avoids.end(), [&](const core::RegionSide& avoid) {
            return avoid.region == place.region && Overlap(avoid.side, place.side);
        });
    return client_asked ||
           std::any_of(m_flags.begin(), m_flags.end(),
                       [&](const core::ContraindicationFlag& f) { return FlagCovers(f, place); });
}

bool NoteCautions::HasModifyFlag() const {
    return std::any_of(m_flags.begin(), m_flags.end(), [](const core::ContraindicationFlag& flag) {
        return flag.level == core::FlagLevel::kModify;
    });
}

int NoteCautions::DefaultPressure() const {
    int pressure = m_preferred_pressure ? core::PressureLevel(*m_preferred_pressure)
                                        : core::PressureLevel(core::Pressure::kMedium);
    if (HasModifyFlag()) {
        pressure = std::min(pressure, m_modify_pressure_cap);
    }
    return std::clamp(pressure, 1, 10);
}

std::vector<core::RegionSide> NoteCautions::AvoidedAreas() const {
    std::vector<core::RegionSide> avoided = m_client_avoids;
    for (const core::ContraindicationFlag& flag : m_flags) {
        if (flag.level == core::FlagLevel::kLocal && flag.region) {
            avoided.push_back({*flag.region, flag.side.value_or(core::Side::kBilateral)});
        }
    }
    return avoided;
}

wxString NoteCautions::ModifyReasons() const {
    wxString reasons;
    for (const core::ContraindicationFlag& flag : m_flags) {
        if (flag.level == core::FlagLevel::kModify) {
            reasons << (reasons.empty() ? "" : "\n") << FlagSentence(flag);
        }
    }
    return reasons;
}

bool NoteCautions::ConfirmAvoided(wxWindow* parent, core::RegionSide place) const {
    wxString reasons;
    for (const core::ContraindicationFlag& flag : m_flags) {
        if (FlagCovers(flag, place)) {
            reasons << (reasons.empty() ? "" : "\n") << FlagSentence(flag);
        }
    }
    wxMessageDialog ask(parent,
                        wxString::Format(_("Add %s to the note anyway?"),
                                         RegionSideInSentence(place.region, place.side)),
                        _("Area to avoid"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
    ask.SetExtendedMessage(_("This area is to be avoided:") + "\n" + reasons + "\n\n" +
                           _("Add it only if you worked around it with care, and say how in "
                             "the note."));
    ask.SetYesNoLabels(_("&Add anyway"), _("&Don't add"));
    return ask.ShowModal() == wxID_YES;
}

bool NoteCautions::ConfirmDeepPressure(wxWindow* parent, int pressure) const {
    wxMessageDialog ask(parent,
                        wxString::Format(_("Pressure %s for a client who should have lighter "
                                           "pressure?"),
                                         PressureText(pressure)),
                        _("Deep pressure"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
    ask.SetExtendedMessage(ModifyReasons() + "\n\n" +
                           wxString::Format(_("The clinic's limit under these flags is %s."),
                                            PressureText(m_modify_pressure_cap)));
    ask.SetYesNoLabels(_("&Use it anyway"), _("&Keep it lighter"));
    return ask.ShowModal() == wxID_YES;
}

bool NoteCautions::ConfirmDeepTissue(wxWindow* parent) const {
    wxMessageDialog ask(parent, _("Deep tissue for a client who should have no deep tissue?"),
                        _("Deep tissue"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
    ask.SetExtendedMessage(ModifyReasons());
    ask.SetYesNoLabels(_("&Record it anyway"), _("&Leave it out"));
    return ask.ShowModal() == wxID_YES;
}

}  // namespace myodesk::app
