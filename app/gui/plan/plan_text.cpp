#include "plan/plan_text.h"

#include "common/wx_conversions.h"

#include <wx/intl.h>

#include <cmath>

namespace myodesk::app {

namespace {

using core::PlanDetail;

wxString DateText(const std::optional<core::Date>& date, PlanDateFormat date_format) {
    return date ? date_format(*date) : wxString("?");
}

wxString RegionText(const std::optional<core::RegionSide>& region) {
    // TRANSLATORS: in a plan's sentence when the region is not known.
    return region ? PlanRegionText(*region) : _("that region");
}

wxString Run(const PlanDetail& detail) {
    return RunTypeInSentence(detail.run_type.value_or(core::RunType::kLong));
}

wxString Flag(const PlanDetail& detail, core::FlagCode otherwise) {
    return FlagName(detail.flag.value_or(otherwise));
}

// How much longer `distance_km` is than `compared_km`, in percent rounded down to one
// decimal, as core reckons: "10.3", "12".
wxString PercentAbove(const PlanDetail& detail) {
    if (!detail.distance_km || !detail.compared_km || *detail.compared_km <= 0) {
        return "0";
    }
    const double percent = std::floor((*detail.distance_km / *detail.compared_km - 1) * 1000) / 10;
    return FormatNumber(percent, 1);
}

}  // namespace

wxString PlanRegionText(const core::RegionSide& region) {
    // "feet", not the picker's "feet (plantar)": the sentence reads better.
    const wxString where =
        region.region == core::Region::kFeet ? _("feet") : RegionInSentence(region.region);
    switch (region.side) {
        case core::Side::kLeft:
            // TRANSLATORS: %s is a body region in lower case, e.g. "left calves".
            return wxString::Format(_("left %s"), where);
        case core::Side::kRight:
            // TRANSLATORS: %s is a body region in lower case, e.g. "right calves".
            return wxString::Format(_("right %s"), where);
        case core::Side::kBilateral:
            // TRANSLATORS: %s is a body region in lower case, e.g. "calves (both sides)".
            return wxString::Format(_("%s (both sides)"), where);
        case core::Side::kMidline:
            break;  // the spine's regions: no side to name
    }
    return where;
}

wxString PlanDistanceText(double km, core::DistanceUnit units) {
    const double value = units == core::DistanceUnit::kMi ? core::KmToMiles(km) : km;
    // Rounded to one decimal first, as core does, so that both write the same digits.
    const double rounded = std::round(value * 10) / 10;
    // TRANSLATORS: a distance, e.g. "42.2 km" or "26.2 mi".
    return wxString::Format(_("%s %s"), FormatNumber(rounded, 1), NameOf(units));
}

wxString PlanReasonText(const core::PlanReason& reason, core::DistanceUnit units,
                        PlanDateFormat date_format) {
    using core::PlanReasonCode;
    const PlanDetail& d = reason.detail;
    switch (reason.code) {
        case PlanReasonCode::kBaseMaintenance:
            return wxString::Format(
                _("Base training: a maintenance massage about every %d days, before anything "
                  "hurts."),
                d.days.value_or(14));
        case PlanReasonCode::kWeeklySession:
            return _("Build and peak weeks: a weekly session while training is hardest.");
        case PlanReasonCode::kAfterLongRun:
            if (d.distance_km) {
                // TRANSLATORS: "Recovery within 48 hours after the 32 km long run on 3 Dec 2026."
                return wxString::Format(_("Recovery within 48 hours after the %s %s on %s."),
                                        PlanDistanceText(*d.distance_km, units), Run(d),
                                        DateText(d.date, date_format));
            }
            return wxString::Format(_("Recovery within 48 hours after the %s on %s."), Run(d),
                                    DateText(d.date, date_format));
        case PlanReasonCode::kRecoveryWeekReset:
            return _("Cut-back week: a lighter reset session while the training load is down.");
        case PlanReasonCode::kTaperLighter:
            return _("Taper: shorter sessions so the legs are fresh on race day.");
        case PlanReasonCode::kLastDeepBeforeRace:
            return wxString::Format(_("The last deep session before the race, %d days before it."),
                                    d.days.value_or(0));
        case PlanReasonCode::kRaceWeekFlush:
            return wxString::Format(_("Race week: a light flush only, %d days before the race."),
                                    d.days.value_or(0));
        case PlanReasonCode::kPostRaceLight:
            return wxString::Format(_("After the race: light work on day %d to ease the soreness."),
                                    d.days.value_or(0));
        case PlanReasonCode::kPostRaceRecovery:
            return wxString::Format(
                _("After the race: recovery work on day %d, when deep work is fine again."),
                d.days.value_or(0));
        case PlanReasonCode::kSorenessFocus:
            // TRANSLATORS: "Focus on the left calves: sore now (pain 6/10)."
            return wxString::Format(_("Focus on the %s: sore now (pain %d/10)."),
                                    RegionText(d.region), d.pain.value_or(0));
        case PlanReasonCode::kNotesFocus:
            return wxString::Format(_("Focus on the %s: recent session notes record pain %d/10."),
                                    RegionText(d.region), d.pain.value_or(0));
        case PlanReasonCode::kLoadRegionFocus:
            return wxString::Format(_("Focus on the %s: they carry much of a runner's load."),
                                    RegionText(d.region));
        case PlanReasonCode::kStubbornSpot:
            return wxString::Format(_("Trigger point therapy for a stubborn spot in the %s."),
                                    RegionText(d.region));
        case PlanReasonCode::kRestrictedMotion:
            return _(
                "Myofascial release with movement: recent notes record restricted range of "
                "motion.");
        case PlanReasonCode::kBookedAppointment:
            return _("Booked by the therapist.");
    }
    return ToWx(core::ToCode(reason.code));
}

wxString PlanCautionText(const core::PlanCaution& caution, core::DistanceUnit /*units*/,
                         PlanDateFormat date_format) {
    using core::PlanCautionCode;
    const PlanDetail& d = caution.detail;
    switch (caution.code) {
        case PlanCautionCode::kDayBeforeHardRun:
            // TRANSLATORS: "Lighter session: long run on 3 Dec 2026, so no deep tissue the day
            // before."
            return wxString::Format(_("Lighter session: %s on %s, so no deep tissue the day "
                                      "before."),
                                    Run(d), DateText(d.date, date_format));
        case PlanCautionCode::kHardRunNextDay:
            return wxString::Format(
                _("No deep work: %s on %s, and hard training needs 24-36 hours after deep work."),
                Run(d), DateText(d.date, date_format));
        case PlanCautionCode::kNoDeepBeforeRace:
            return wxString::Format(_("No deep work in the last %d days before the race."),
                                    d.days.value_or(0));
        case PlanCautionCode::kNoDeepAfterRace:
            return wxString::Format(_("No deep work before day %d after the race."),
                                    d.days.value_or(0));
        case PlanCautionCode::kFlagRegionRemoved:
            if (!d.region) {
                // TRANSLATORS: "Open wound: ask where, and leave that area out."
                return wxString::Format(_("%s: ask where, and leave that area out."),
                                        Flag(d, core::FlagCode::kOpenWound));
            }
            if (d.date) {
                // TRANSLATORS: "Varicose veins: keep off the left calves until 3 Dec 2026."
                return wxString::Format(_("%s: keep off the %s until %s."),
                                        Flag(d, core::FlagCode::kOpenWound), RegionText(d.region),
                                        DateText(d.date, date_format));
            }
            return wxString::Format(_("%s: keep off the %s."), Flag(d, core::FlagCode::kOpenWound),
                                    RegionText(d.region));
        case PlanCautionCode::kAvoidRegion:
            return wxString::Format(_("Keep off the %s: the client asked to avoid it."),
                                    RegionText(d.region));
        case PlanCautionCode::kFlagModify:
            // TRANSLATORS: "Anticoagulants: no deep tissue, pressure at most 5/10."
            return wxString::Format(_("%s: no deep tissue, pressure at most %d/10."),
                                    Flag(d, core::FlagCode::kAnticoagulants),
                                    d.pressure.value_or(0));
        case PlanCautionCode::kPhysicianClearance:
            return _("Pregnancy in the first trimester: physician clearance before massage.");
        case PlanCautionCode::kPressurePreference:
            return wxString::Format(_("Pressure at most %d/10, as the client prefers."),
                                    d.pressure.value_or(0));
        case PlanCautionCode::kPainMasking:
            return _("Pain-masking medication: rely less on the client's pressure feedback.");
        case PlanCautionCode::kPoplitealFossa:
            return _("Back of the knee (popliteal fossa): no deep pressure there.");
        case PlanCautionCode::kFemoralTriangle:
            return _("Femoral triangle: take care with hip flexor and adductor work.");
        case PlanCautionCode::kNotScreened:
            return _("No intake on file: contraindications were not screened.");
        case PlanCautionCode::kMovedByTherapist:
            return wxString::Format(_("Moved from %s by the therapist."),
                                    DateText(d.date, date_format));
    }
    return ToWx(core::ToCode(caution.code));
}

wxString PlanWarningText(const core::PlanWarning& warning, core::DistanceUnit units,
                         PlanDateFormat date_format) {
    using core::PlanWarningCode;
    const PlanDetail& d = warning.detail;
    const wxString date = date_format(warning.date);
    switch (warning.code) {
        case PlanWarningCode::kRefer:
            // TRANSLATORS: "Fever on 3 Dec 2026: no massage; refer the client to their
            // physician."
            return wxString::Format(_("%s on %s: no massage; refer the client to their physician."),
                                    Flag(d, core::FlagCode::kFever), date);
        case PlanWarningCode::kMileageSpike:
            // TRANSLATORS: "Mileage spike: the 35 km long run on 3 Dec 2026 is 17% longer than
            // the longest run of the 30 days before (30 km), which raises the risk of injury."
            return wxString::Format(
                _("Mileage spike: the %s %s on %s is %s%% longer than the longest run of the 30 "
                  "days before (%s), which raises the risk of injury."),
                PlanDistanceText(d.distance_km.value_or(0), units), Run(d), date, PercentAbove(d),
                PlanDistanceText(d.compared_km.value_or(0), units));
        case PlanWarningCode::kWeeklyJump:
            // TRANSLATORS: "Weekly distance jumps 40% in the week of 3 Dec 2026: 70 km after
            // 50 km the week before."
            return wxString::Format(
                _("Weekly distance jumps %s%% in the week of %s: %s after %s the week before."),
                PercentAbove(d), date, PlanDistanceText(d.distance_km.value_or(0), units),
                PlanDistanceText(d.compared_km.value_or(0), units));
        case PlanWarningCode::kOverdueSession:
            return wxString::Format(_("A session is overdue: the last one was %d days ago, on %s."),
                                    d.days.value_or(0), DateText(d.date, date_format));
        case PlanWarningCode::kNoSessionHistory:
            return _("No session on record yet: book the first one soon.");
        case PlanWarningCode::kIntakeOutdated:
            return wxString::Format(
                _("The intake of %s is over a year old: ask the client to renew it."),
                DateText(d.date, date_format));
        case PlanWarningCode::kNoIntake:
            return _(
                "No intake on file: nothing was screened. Take an intake before the first "
                "session.");
        case PlanWarningCode::kMissingRaceDate:
            return _(
                "No goal race date: the plan keeps to base training. Add the race to plan "
                "around it.");
        case PlanWarningCode::kRaceSoon:
            return wxString::Format(
                _("The race on %s is only %d days away: the plan starts in the taper."), date,
                d.days.value_or(0));
        case PlanWarningCode::kLongRunsAssumed:
            return wxString::Format(
                _("No training calendar from %s on: long runs are assumed on the intake's "
                  "long-run day. Import the calendar for a better plan."),
                date);
        case PlanWarningCode::kMoveChanged:
            return wxString::Format(
                _("Moved to %s: the session was changed to suit that day (see its cautions)."),
                date);
        case PlanWarningCode::kMoveOutsidePlan:
            return wxString::Format(
                _("%s is outside the plan: regenerate the plan to plan that far."), date);
        case PlanWarningCode::kMoveDayTaken:
            return wxString::Format(_("Another session is already planned on %s."), date);
        case PlanWarningCode::kMoveRaceDay:
            return wxString::Format(_("%s is race day or the day after it: no massage then."),
                                    date);
    }
    return ToWx(core::ToCode(warning.code));
}

wxString PlanHomeCareText(const core::HomeCare& care) {
    using core::HomeCareCode;
    switch (care.code) {
        case HomeCareCode::kSleep:
            return _("Sleep 7-9 hours: tissue recovers while you sleep.");
        case HomeCareCode::kHydration:
            return _("Drink through the day, more after long runs and in dry air.");
        case HomeCareCode::kMobility:
            return _("A short daily mobility routine and gentle stretching.");
        case HomeCareCode::kFoamRolling:
            return _("Light foam rolling of calves, quadriceps and glutes between sessions.");
        case HomeCareCode::kEasyDaysEasy:
            return _("Keep easy days easy and take the rest days.");
        case HomeCareCode::kNothingNew:
            return _("Nothing new before the race: no new shoes, food or treatments.");
        case HomeCareCode::kPostRaceWalking:
            return _("Gentle walking and rest in the days after the race.");
    }
    return ToWx(core::ToCode(care.code));
}

wxString DayText(const core::Date& date) {
    const wxDateTime value = ToWxDate(date);
    // TRANSLATORS: a weekday and a date, e.g. "Tue 3 Dec 2026".
    return wxString::Format(_("%s %s"),
                            wxDateTime::GetWeekDayName(value.GetWeekDay(), wxDateTime::Name_Abbr),
                            FormatReadableDate(date));
}

wxString PlanSummaryText(const core::Plan& plan, const core::Date& today) {
    // TRANSLATORS: "Plan of 1 Jun 2026, 1 Jun 2026 – 30 Aug 2026": the day it was made, then
    // the days it covers.
    wxString text =
        wxString::Format(_("Plan of %s, %s – %s"), FormatReadableDate(plan.generated_on),
                         FormatReadableDate(plan.from), FormatReadableDate(plan.to));
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
            return NameOf(session.status);
    }
    return NameOf(session.status);
}

wxString PlanPressureText(int pressure_max) {
    // TRANSLATORS: the highest pressure of a session on the 1-10 scale, e.g. "5/10".
    return wxString::Format(_("%d/10"), pressure_max);
}

wxString PlanChangesText(const std::vector<core::PlanChange>& changes) {
    wxString text;
    for (const core::PlanChange& change : changes) {
        if (!text.empty()) {
            text << '\n';
        }
        switch (change.kind) {
            case core::PlanChangeKind::kAdded:
                // TRANSLATORS: a session the new plan adds, e.g. "Added: Tue 3 Dec 2026".
                text << wxString::Format(_("Added: %s"), DayText(change.date));
                break;
            case core::PlanChangeKind::kRemoved:
                text << wxString::Format(_("Removed: %s"), DayText(change.date));
                break;
            case core::PlanChangeKind::kChanged: {
                wxString fields;
                for (const std::string_view field : change.fields) {
                    wxString word = ToWx(field);
                    if (field == "phase") {
                        word = _("phase");
                    } else if (field == "techniques") {
                        word = _("techniques");
                    } else if (field == "duration_min") {
                        word = _("duration");
                    } else if (field == "pressure_max") {
                        word = _("pressure");
                    } else if (field == "regions") {
                        word = _("regions");
                    }
                    fields << (fields.empty() ? "" : ", ") << word;
                }
                // TRANSLATORS: "Changed: Tue 3 Dec 2026 (techniques, pressure)".
                text << wxString::Format(_("Changed: %s (%s)"), DayText(change.date), fields);
                break;
            }
        }
    }
    return text;
}

}  // namespace myodesk::app
