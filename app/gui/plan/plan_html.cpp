#include "plan/plan_html.h"

#include "common/code_names.h"
#include "common/wx_conversions.h"
#include "intake/intake_html.h"
#include "plan/plan_text.h"
#include "sessions/session_note_text.h"

#include <wx/intl.h>

#include <algorithm>
#include <vector>

namespace myodesk::app {

namespace {

wxString Grey(const wxString& html) {
    return "<font color=\"#6c6c6c\">" + html + "</font>";
}

wxString Heading(const wxString& text) {
    return "<p><b>" + EscapeHtml(text) + "</b></p>\n";
}

wxString List(const std::vector<wxString>& lines) {
    wxString html = "<ul>\n";
    for (const wxString& line : lines) {
        html << "<li>" << EscapeHtml(line) << "</li>\n";
    }
    return html + "</ul>\n";
}

wxString TechniquesText(const std::vector<core::Technique>& techniques) {
    wxString text;
    for (const core::Technique technique : techniques) {
        text << (text.empty() ? "" : ", ") << NameOf(technique);
    }
    return text.empty() ? wxString::FromUTF8("—") : text;
}

wxString RegionsText(const std::vector<core::RegionSide>& regions) {
    wxString text;
    for (const core::RegionSide& region : regions) {
        text << (text.empty() ? "" : ", ") << RegionSideName(region.region, region.side);
    }
    return text.empty() ? wxString::FromUTF8("—") : text;
}

std::vector<wxString> HomeCareOf(const core::Plan& plan, core::PlanPhase phase) {
    std::vector<wxString> lines;
    for (const core::HomeCare& care : plan.home_care) {
        if (care.phase == phase) {
            lines.push_back(PlanHomeCareText(care));
        }
    }
    return lines;
}

}  // namespace

wxString PlanSessionHtml(const core::Plan& plan, std::size_t index,
                         const std::optional<PlanBooking>& booking) {
    if (index >= plan.sessions.size()) {
        return NoSessionHtml(!plan.sessions.empty());
    }
    const core::PlannedSession& session = plan.sessions[index];
    const wxString status = booking
                                ? PlanStatusText(session, booking->start_minute, booking->therapist)
                                : PlanStatusText(session);
    wxString html = "<html><body>\n";
    html << "<p><font size=\"+1\"><b>" << EscapeHtml(DayText(session.date)) << "</b></font>"
         << Grey(EscapeHtml(wxString::FromUTF8("  ·  ") + NameOf(session.phase) +
                            wxString::FromUTF8("  ·  ") + status))
         << "<br>\n";
    // TRANSLATORS: a planned session in short, e.g. "Sports massage, Swedish · 45 min · pressure
    // up to 5/10".
    html << EscapeHtml(wxString::Format(_("%s · %d min · pressure up to %s"),
                                        TechniquesText(session.techniques), session.duration_min,
                                        PlanPressureText(session.pressure_max)))
         << "<br>\n";
    html << EscapeHtml(RegionsText(session.regions)) << "</p>\n";

    html << Heading(_("Why"));
    std::vector<wxString> reasons;
    for (const core::PlanReason& reason : session.reasons) {
        reasons.push_back(PlanReasonText(reason, plan.units));
    }
    html << (reasons.empty() ? "<p>" + Grey(EscapeHtml(wxString::FromUTF8("—"))) + "</p>\n"
                             : List(reasons));
    if (!session.cautions.empty()) {
        html << Heading(_("Cautions"));
        std::vector<wxString> cautions;
        for (const core::PlanCaution& caution : session.cautions) {
            cautions.push_back(PlanCautionText(caution, plan.units));
        }
        html << "<font color=\"#8a4b00\">" << List(cautions) << "</font>";
    }
    const std::vector<wxString> care = HomeCareOf(plan, session.phase);
    if (!care.empty()) {
        // TRANSLATORS: a heading, e.g. "Home care in the taper" — %s is the phase's name.
        html << Heading(wxString::Format(_("Home care (%s)"), NameOf(session.phase)));
        html << List(care);
    }
    html << "</body></html>";
    return html;
}

wxString NoSessionHtml(bool plan_has_sessions) {
    const wxString text = plan_has_sessions
                              ? _("Choose a session in the list or on the timeline to see why "
                                  "it is planned and what to watch out for.")
                              : _("No session is planned.");
    return "<html><body><p>" + Grey(EscapeHtml(text)) + "</p></body></html>";
}

wxString PlanHomeCareHtml(const core::Plan& plan) {
    wxString html = "<html><body>\n";
    std::vector<core::PlanPhase> shown;
    for (const core::PhaseSpan& span : plan.phases) {
        if (std::find(shown.begin(), shown.end(), span.phase) != shown.end()) {
            continue;
        }
        shown.push_back(span.phase);
        const std::vector<wxString> care = HomeCareOf(plan, span.phase);
        if (care.empty()) {
            continue;
        }
        html << "<p><b>" << EscapeHtml(NameOf(span.phase)) << "</b>"
             << Grey(EscapeHtml(wxString::Format(_("  ·  from %s"), FormatReadableDate(span.from))))
             << "</p>\n"
             << List(care);
    }
    if (shown.empty() || plan.home_care.empty()) {
        html << "<p>" << Grey(EscapeHtml(_("No home-care advice in this plan."))) << "</p>\n";
    }
    html << "</body></html>";
    return html;
}

}  // namespace myodesk::app
