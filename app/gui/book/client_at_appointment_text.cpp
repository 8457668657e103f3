#include "book/client_at_appointment_text.h"

#include "common/code_names.h"
#include "common/wx_conversions.h"
#include "sessions/session_note_text.h"

#include <myodesk/vocabulary/words.h>

#include <wx/intl.h>

#include <vector>

namespace myodesk::app {

namespace {

// The plan's words on the pane: one paragraph, not the whole of it.
constexpr std::size_t kPlanShown = 160;

}  // namespace

AppointmentBanner BannerOnAppointment(const services::ClientAtAppointment& client,
                                      const core::Appointment& appointment) {
    const ContraindicationBanner banner =
        MakeContraindicationBanner(client.flags, client.intake_taken_on, appointment.date);
    AppointmentBanner shown;
    shown.level = banner.level;
    if (banner.level == BannerLevel::kStop && !appointment.flag_override.empty()) {
        shown.text =
            wxString::Format(_("Contraindication overridden: %s"), ToWx(appointment.flag_override));
    }
    for (const wxString& sentence : banner.sentences) {
        shown.text += (shown.text.empty() ? "" : "\n") + sentence;
    }
    if (!banner.intake_notice.empty()) {
        shown.text += (shown.text.empty() ? "" : "\n") + banner.intake_notice;
    }
    return shown;
}

wxString LastNoteText(const std::optional<core::SessionNote>& note,
                      const std::map<core::StaffId, std::string>& staff_names) {
    if (!note) {
        return _("No session notes yet");
    }
    const auto name = staff_names.find(note->therapist_id);
    // TRANSLATORS: "Last note: 30 Nov 2026 with Ann Byrne"
    wxString text = wxString::Format(_("Last note: %s with %s"), FormatReadableDate(note->date),
                                     name != staff_names.end() ? ToWx(name->second) : wxString());
    if (note->no_treatment) {
        text += "\n" + wxString::Format(_("No treatment given: %s"),
                                        ToWx(vocabulary::NameOf(*note->no_treatment)));
    } else {
        std::vector<core::Technique> techniques;
        for (const core::TechniqueUse& use : note->techniques) {
            techniques.push_back(use.technique);
        }
        std::vector<core::RegionSide> regions;
        for (const core::RegionWork& work : note->regions) {
            regions.push_back({work.region, work.side});
        }
        text += "\n" + TechniquesSummary(techniques) + wxString::FromUTF8(" · ") +
                RegionsSummary(regions);
        for (const core::RegionWork& work : note->regions) {
            if (work.pain_before && work.pain_after) {
                // TRANSLATORS: pain before and after the session on the 0-10 scale: "pain 6 → 3"
                text += wxString::FromUTF8(" · ") +
                        wxString::Format(_("pain %d → %d"), *work.pain_before, *work.pain_after);
                break;
            }
        }
    }
    if (!note->plan.empty()) {
        wxString plan = ToWx(note->plan);
        if (plan.length() > kPlanShown) {
            plan = plan.Left(kPlanShown) + wxString::FromUTF8("…");
        }
        text += "\n" + wxString::Format(_("Plan: %s"), plan);
    }
    return text;
}

}  // namespace myodesk::app
