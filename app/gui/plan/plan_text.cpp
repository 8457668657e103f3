#include "plan/plan_text.h"

#include "common/wx_conversions.h"

#include <myodesk/vocabulary/plan_sentences.h>

#include <wx/intl.h>

namespace myodesk::app {

namespace {

// The GUI's dates (`date_format`) and the locale's numbers in the vocabulary's sentences.
vocabulary::TextFormats Formats(PlanDateFormat date_format) {
    return {[date_format](const core::Date& date) { return ToUtf8(date_format(date)); },
            LocaleNumber};
}

}  // namespace

wxString PlanReasonText(const core::PlanReason& reason, core::DistanceUnit units,
                        PlanDateFormat date_format) {
    return ToWx(vocabulary::ReasonSentence(reason, units, Formats(date_format)));
}

wxString PlanCautionText(const core::PlanCaution& caution, core::DistanceUnit units,
                         PlanDateFormat date_format) {
    return ToWx(vocabulary::CautionSentence(caution, units, Formats(date_format)));
}

wxString PlanWarningText(const core::PlanWarning& warning, core::DistanceUnit units,
                         PlanDateFormat date_format) {
    return ToWx(vocabulary::WarningSentence(warning, units, Formats(date_format)));
}

wxString PlanHomeCareText(const core::HomeCare& care) {
    return ToWx(vocabulary::HomeCareSentence(care));
}

wxString DayText(const core::Date& date) {
    const wxDateTime value = ToWxDate(date);
    // TRANSLATORS: a weekday and a date, e.g. "Tue 3 Dec 2026".
    return wxString::Format(_("%s %s"),
                            wxDateTime::GetWeekDayName(value.GetWeekDay(), wxDateTime::Name_Abbr),
                            FormatReadableDate(date));
}

wxString PlanSummaryText(const core::Plan& plan, const core::Date& today) {
    // The days it covers, then the day it was made (said once when it starts that day).
    wxString text =
        plan.generated_on == plan.from
            // TRANSLATORS: "Plan for 1 Jun 2026 – 30 Aug 2026, made that day".
            ? wxString::Format(_("Plan for %s – %s, made that day"), FormatReadableDate(plan.from),
                               FormatReadableDate(plan.to))
            // TRANSLATORS: "Plan for 3 Jun 2026 – 30 Aug 2026, made 1 Jun 2026".
            : wxString::Format(_("Plan for %s – %s, made %s"), FormatReadableDate(plan.from),
                               FormatReadableDate(plan.to), FormatReadableDate(plan.generated_on));
    if (!plan.race_date) {
        return text;
    }
    const int days = core::DaysBetween(today, *plan.race_date);
    wxString when;
    if (days < 0) {
        when = _("past");
    } else if (days == 0) {
        when = _("today");
    } else if (days < 14) {
        when = wxString::Format(wxPLURAL("in %d day", "in %d days", static_cast<unsigned>(days)),
                                days);
    } else {
        const int weeks = days / 7;
        when = wxString::Format(wxPLURAL("in %d week", "in %d weeks", static_cast<unsigned>(weeks)),
                                weeks);
    }
    // TRANSLATORS: appended to the plan's line: ", race 16 Aug 2026 (in 10 weeks)".
    text << wxString::Format(_(", race %s (%s)"), FormatReadableDate(*plan.race_date), when);
    return text;
}

wxString PlanStatusText(const core::PlannedSession& session, const std::optional<int>& start_minute,
                        const wxString& booked_with) {
    switch (session.status) {
        case core::PlannedSessionStatus::kPlanned:
            if (session.moved_from) {
                // TRANSLATORS: a planned session the therapist moved, e.g. "Planned (moved from
                // 3 Jun 2026)".
                return wxString::Format(_("Planned (moved from %s)"),
                                        FormatReadableDate(*session.moved_from));
            }
            return NameOf(session.status);
        case core::PlannedSessionStatus::kBooked:
            if (start_minute && !booked_with.empty()) {
                // TRANSLATORS: a booked session, e.g. "Booked 09:30 with Jane Doe".
                return wxString::Format(_("Booked %s with %s"),
                                        ToWx(core::FormatClockTime(*start_minute)), booked_with);
            }
            if (start_minute) {
                return wxString::Format(_("Booked %s"), ToWx(core::FormatClockTime(*start_minute)));
            }
            return NameOf(session.status);
        case core::PlannedSessionStatus::kSkipped:
        case core::PlannedSessionStatus::kMissed:
            return NameOf(session.status);
    }
    return NameOf(session.status);
}

wxString PlanPressureText(int pressure_max) {
    // TRANSLATORS: the highest pressure of a session on the 1-10 scale, e.g. "5/10".
    return wxString::Format(_("%d/10"), pressure_max);
}

wxString PlanChangesText(const std::vector<core::PlanChange>& changes) {
    return ToWx(vocabulary::PlanChangesText(
        changes, [](const core::Date& date) { return ToUtf8(DayText(date)); }));
}

}  // namespace myodesk::app
