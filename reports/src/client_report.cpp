#include "client_report_parts.h"
#include "report_text.h"

#include <myodesk/reports/client_report.h>
#include <myodesk/vocabulary/words.h>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <tuple>
#include <utility>

namespace myodesk::reports {

namespace {

using detail::AddFlagParagraphs;
using detail::ClientDistance;
using detail::GoalRaceName;
using detail::SorenessLine;
using detail::TechniqueList;

using AreaKey = std::pair<core::Region, core::Side>;

std::string StaffName(const std::map<core::StaffId, std::string>& names, core::StaffId id) {
    const auto found = names.find(id);
    return found == names.end() ? std::string() : found->second;
}

// The notes oldest first (the caller's order is kept for notes of the same time).
std::vector<const core::SessionNote*> NotesInDateOrder(
    const std::vector<core::SessionNote>& notes) {
    std::vector<const core::SessionNote*> ordered;
    ordered.reserve(notes.size());
    for (const auto& note : notes) {
        ordered.push_back(&note);
    }
    std::stable_sort(
        ordered.begin(), ordered.end(), [](const core::SessionNote* a, const core::SessionNote* b) {
            return std::tie(a->date, a->start_minute) < std::tie(b->date, b->start_minute);
        });
    return ordered;
}

// The plan's race when the plan has one (the race it was built around, from the training
// calendar or the intake), otherwise the intake's goal race.
GoalStatus BuildGoal(const ClientReportInputs& inputs) {
    GoalStatus goal;
    const core::GoalRace* intake_race = inputs.intake ? &inputs.intake->runner.goal_race : nullptr;
    if (inputs.plan && inputs.plan->race_date) {
        goal.race_date = inputs.plan->race_date;
        for (const auto& run : inputs.plan->training) {
            if (run.type == core::RunType::kRace && run.date == *goal.race_date) {
                goal.distance_km = run.distance_km;
                break;
            }
        }
        // The intake names the race only when it is the same race (same day).
        if (intake_race && intake_race->date && *intake_race->date == *goal.race_date) {
            goal.race_name = intake_race->name;
            if (!goal.distance_km) {
                goal.distance_km = intake_race->distance_km;
            }
        }
    } else if (intake_race) {
        goal.race_name = intake_race->name;
        goal.race_date = intake_race->date;
        goal.distance_km = intake_race->distance_km;
    }
    if (goal.race_date) {
        goal.days_to_go = core::DaysBetween(inputs.today, *goal.race_date);
    }
    return goal;
}

// Where a note has the left and the right of a region with the same pain before and after (two
// clicks on the chart, as older versions recorded both sides), the pain trend has one point for
// both sides, so one region is one line. Sides with different pain stay apart.
std::vector<core::RegionWork> JoinSidesWithTheSamePain(
    const std::vector<core::RegionWork>& regions) {
    const auto has = [&](const core::RegionWork& work, core::Side side, bool same_pain) {
        return std::any_of(regions.begin(), regions.end(), [&](const core::RegionWork& other) {
            return other.region == work.region && other.side == side &&
                   (!same_pain ||
                    (other.pain_before == work.pain_before && other.pain_after == work.pain_after));
        });
    };
    const auto joins = [&](const core::RegionWork& left) {
        return left.side == core::Side::kLeft && has(left, core::Side::kRight, true) &&
               !has(left, core::Side::kBilateral, false);
    };
    std::vector<core::RegionWork> joined;
    for (const core::RegionWork& work : regions) {
        if (work.side == core::Side::kRight) {
            core::RegionWork left = work;
            left.side = core::Side::kLeft;
            if (has(work, core::Side::kLeft, true) && joins(left)) {
                continue;  // counted with its left side
            }
        }
        joined.push_back(work);
        if (joins(work)) {
            joined.back().side = core::Side::kBilateral;
        }
    }
    return joined;
}

std::vector<PainSeries> BuildPainTrends(const std::vector<const core::SessionNote*>& notes) {
    std::map<AreaKey, std::vector<PainPoint>> points;
    for (const core::SessionNote* note : notes) {
        for (const auto& work : JoinSidesWithTheSamePain(note->regions)) {
            if (!work.pain_before && !work.pain_after) {
                continue;
            }
            PainPoint point;
            point.date = note->date;
            point.before = work.pain_before;
            point.after = work.pain_after;
            points[{work.region, work.side}].push_back(point);
        }
    }
    std::vector<PainSeries> series;
    series.reserve(points.size());
    // The map's order is core::Region's, then left, right, bilateral, midline (core::Side's).
    for (auto& [area, area_points] : points) {
        std::optional<int> previous_before;
        for (PainPoint& point : area_points) {
            if (!point.before) {
                continue;
            }
            if (previous_before) {
                point.change = *point.before - *previous_before;
                point.marked_change = std::abs(point.change) >= 2;
            }
            previous_before = point.before;
        }
        series.push_back({RegionSideName({area.first, area.second}), std::move(area_points)});
    }
    return series;
}

std::vector<RegionCount> BuildTreatedCounts(const std::vector<const core::SessionNote*>& notes) {
    std::map<AreaKey, int> counts;
    for (const core::SessionNote* note : notes) {
        // Each area counts once per session, however many marks cover it.
        std::set<AreaKey> areas;
        for (const auto& work : note->regions) {
            switch (work.side) {
                case core::Side::kBilateral:
                    areas.insert({work.region, core::Side::kLeft});
                    areas.insert({work.region, core::Side::kRight});
                    break;
                case core::Side::kLeft:
                case core::Side::kRight:
                case core::Side::kMidline:
                    areas.insert({work.region, work.side});
                    break;
            }
        }
        for (const AreaKey& area : areas) {
            ++counts[area];
        }
    }
    std::vector<RegionCount> result;
    result.reserve(counts.size());
    for (const auto& [area, count] : counts) {
        result.push_back({area.first, area.second, count});
    }
    return result;
}

std::vector<PlanAheadRow> BuildPlanAhead(const core::Plan& plan, const core::Date& today) {
    std::vector<PlanAheadRow> rows;
    for (const auto& session : plan.sessions) {
        if (session.date < today || session.status == core::PlannedSessionStatus::kSkipped ||
            session.status == core::PlannedSessionStatus::kMissed) {
            continue;
        }
        PlanAheadRow row;
        row.date = session.date;
        row.phase = session.phase;
        row.status = session.status;
        row.techniques = session.techniques;
        row.duration_min = session.duration_min;
        row.max_pressure = session.pressure_max;
        row.regions = session.regions;
        row.reasons = session.reasons;
        row.cautions = session.cautions;
        rows.push_back(std::move(row));
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const PlanAheadRow& a, const PlanAheadRow& b) { return a.date < b.date; });
    return rows;
}

// ---- the documents ----

std::string PainScore(const std::optional<int>& score) {
    return score ? std::to_string(*score) : std::string("–");
}

std::string ConditionLine(const core::HealthCondition& condition, const ReportLocale& locale) {
    std::string line = ConditionName(condition.code);
    if (condition.region) {
        // TRANSLATORS: a health condition and where: "Varicose veins, right calf".
        line =
            Format(Tr("{0}, {1}"), line, RegionSideInSentence(*condition.region, condition.side));
    }
    if (condition.since) {
        // TRANSLATORS: appended to a health condition: " (since 3 Apr 2026)".
        line += Format(Tr(" (since {})"), locale.Date(*condition.since));
    }
    return line;
}

std::string MedicationLine(const core::Medication& medication) {
    if (medication.name.empty()) {
        return MedicationClassName(medication.medication_class);
    }
    if (medication.medication_class == core::MedicationClass::kOther) {
        return medication.name;
    }
    // TRANSLATORS: a medication and its class: "Warfarin — Anticoagulant".
    return Format(Tr("{0} — {1}"), medication.name,
                  MedicationClassName(medication.medication_class));
}

// "in 6 weeks (45 days)", "3 days ago", "today".
std::string WhenText(int days) {
    if (days == 0) {
        return Tr("today");
    }
    if (days == 1) {
        return Tr("tomorrow");
    }
    if (days == -1) {
        return Tr("yesterday");
    }
    if (days < 0) {
        // TRANSLATORS: how long ago the race was: "10 days ago" (always 2 or more).
        return Format(Tr("{} days ago"), -days);
    }
    if (days < 14) {
        // TRANSLATORS: how far off the race is: "in 10 days" (2 to 13).
        return Format(Tr("in {} days"), days);
    }
    // TRANSLATORS: how far off the race is: "in 6 weeks (45 days)" (2 weeks or more).
    return Format(Tr("in {0} weeks ({1} days)"), days / 7, days);
}

// The first day of every month from `first` to `last`, at most about eight of them labelled:
// every second, third, fourth, sixth or twelfth month (aligned to the year) on a long axis.
std::vector<AxisTick> MonthTicks(const core::Date& first, const core::Date& last,
                                 const ReportLocale& locale) {
    using namespace std::chrono;
    std::vector<AxisTick> ticks;
    if (!first.ok() || !last.ok() || last < first) {
        return ticks;
    }
    std::vector<core::Date> starts;
    year_month month{first.year(), first.month()};
    if (first.day() != day{1}) {
        month += months{1};
    }
    for (; core::Date{month / day{1}} <= last; month += months{1}) {
        starts.push_back(core::Date{month / day{1}});
    }
    if (starts.empty()) {
        // A short span inside one month: name the month at the first session.
        ticks.push_back({first, locale.Month(first)});
        return ticks;
    }
    constexpr std::size_t kMaxLabels = 8;
    const auto index = [](const core::Date& date) {
        return static_cast<int>(date.year()) * 12 + static_cast<int>(unsigned{date.month()}) - 1;
    };
    std::vector<core::Date> kept = starts;
    for (int step : {2, 3, 4, 6, 12}) {
        if (kept.size() <= kMaxLabels) {
            break;
        }
        kept.clear();
        for (const auto& start : starts) {
            if (index(start) % step == 0) {
                kept.push_back(start);
            }
        }
    }
    for (int years = 2; kept.size() > kMaxLabels; ++years) {
        kept.clear();
        for (const auto& start : starts) {
            if (index(start) % (12 * years) == 0) {
                kept.push_back(start);
            }
        }
    }
    if (kept.empty()) {
        kept.push_back(starts.front());
    }
    for (const auto& date : kept) {
        ticks.push_back({date, locale.Month(date)});
    }
    return ticks;
}

PainTrendChart MakePainTrendChart(const ClientReport& report, const ReportLocale& locale) {
    PainTrendChart chart;
    chart.series = report.pain_trends;
    core::Date first{};
    core::Date last{};
    bool any = false;
    for (const auto& series : chart.series) {
        for (const auto& point : series.points) {
            if (!any || point.date < first) {
                first = point.date;
            }
            if (!any || point.date > last) {
                last = point.date;
            }
            any = true;
        }
    }
    // The axis spans the whole history, so the charts line up with the session table.
    if (report.first_session && (!any || *report.first_session < first)) {
        first = *report.first_session;
    }
    if (report.last_session && (!any || *report.last_session > last)) {
        last = *report.last_session;
    }
    chart.first = first;
    chart.last = last;
    if (any) {
        chart.ticks = MonthTicks(first, last, locale);
    }
    chart.before_label = Tr("Pain before");
    chart.after_label = Tr("Pain after");
    chart.change_label = Tr("Change of 2 points or more");
    chart.empty_text = Tr("No pain scores recorded");
    return chart;
}

// Whether every session ahead carries this caution (the flags' cautions usually do).
bool CautionInEverySession(const ClientReport& report, const core::PlanCaution& caution) {
    return report.plan_ahead.size() > 1 &&
           std::all_of(report.plan_ahead.begin(), report.plan_ahead.end(),
                       [&](const PlanAheadRow& row) {
                           return std::find(row.cautions.begin(), row.cautions.end(), caution) !=
                                  row.cautions.end();
                       });
}

Table PlanAheadTable(const ClientReport& report, const ReportLocale& locale) {
    Table table;
    table.columns = {{Tr("Date"), 1.1, Align::kLeft},
                     {Tr("Phase"), 0.9, Align::kLeft},
                     {Tr("Session"), 1.6, Align::kLeft},
                     {Tr("Regions"), 1.5, Align::kLeft},
                     {Tr("Why"), 3.0, Align::kLeft}};
    table.empty_text = Tr("No plan ahead");
    for (const auto& row : report.plan_ahead) {
        std::string date = locale.Date(row.date);
        if (row.status == core::PlannedSessionStatus::kBooked) {
            date += '\n' + PlannedSessionStatusName(row.status);
        }
        std::vector<std::string> session;
        if (!row.techniques.empty()) {
            session.push_back(TechniqueList(row.techniques, ", "));
        }
        // TRANSLATORS: a session's length: "45 min".
        session.push_back(Format(Tr("{} min"), row.duration_min));
        // TRANSLATORS: the most pressure planned, on the 1-10 scale: "Pressure up to 5/10".
        session.push_back(Format(Tr("Pressure up to {}/10"), row.max_pressure));
        std::vector<std::string> regions;
        regions.reserve(row.regions.size());
        for (const auto& region : row.regions) {
            regions.push_back(RegionSideName(region));
        }
        // The main reason (the timing); the focus reasons are the Regions column, and the
        // cautions every session shares are said once under the table.
        std::vector<std::string> why;
        if (!row.reasons.empty()) {
            why.push_back(locale.Reason(row.reasons.front()));
        }
        for (const auto& caution : row.cautions) {
            if (!CautionInEverySession(report, caution)) {
                // TRANSLATORS: a caution of a planned session: "Caution: no deep work ...".
                why.push_back(Format(Tr("Caution: {}"), locale.Caution(caution)));
            }
        }
        table.rows.push_back({std::move(date), PhaseName(row.phase), Join(session, "\n"),
                              Join(regions, "\n"), Join(why, "\n")});
    }
    return table;
}

Table HistoryTable(const ClientReport& report, const ReportLocale& locale) {
    Table table;
    table.columns = {{Tr("Date"), 1.1, Align::kLeft},
                     {Tr("Therapist"), 1.3, Align::kLeft},
                     {Tr("Techniques"), 1.5, Align::kLeft},
                     {Tr("Regions (side) with pressure"), 2.3, Align::kLeft},
                     {Tr("Pain before → after"), 2.0, Align::kLeft}};
    table.empty_text = Tr("No sessions yet");
    for (const auto& row : report.history) {
        std::string date = locale.Date(row.date);
        if (!row.is_signed) {
            date += '\n' + Tr("Not signed");
        }
        if (row.amended) {
            // TRANSLATORS: under a session's date: the note was corrected after it was signed.
            date += '\n' + Tr("Amended");
        }
        std::string techniques = TechniqueList(row.techniques, "\n");
        if (row.no_treatment) {
            // TRANSLATORS: a session without treatment: "No treatment: Referred on".
            techniques = Format(Tr("No treatment: {0}"), vocabulary::NameOf(*row.no_treatment));
        }
        if (!row.flag_override.empty()) {
            // TRANSLATORS: an absolute contraindication flag overridden; the reason is printed
            // in full under the table (the column is narrow).
            techniques += (techniques.empty() ? "" : "\n") + Tr("Flag overridden (see below)");
        }
        std::vector<std::string> regions;
        std::vector<std::string> pain;
        for (const auto& work : row.regions) {
            const std::string name = RegionSideName({work.region, work.side});
            // TRANSLATORS: a region worked and its pressure (1-10): "Left hamstring — 7/10".
            regions.push_back(Format(Tr("{0} — {1}/10"), name, work.pressure));
            if (work.pain_before || work.pain_after) {
                // TRANSLATORS: pain before and after a session: "Left hamstring: 6 → 3".
                pain.push_back(Format(Tr("{0}: {1} → {2}"), name, PainScore(work.pain_before),
                                      PainScore(work.pain_after)));
            }
        }
        table.rows.push_back({std::move(date),
                              row.therapist.empty() ? Tr("Unknown therapist") : row.therapist,
                              std::move(techniques), Join(regions, "\n"), Join(pain, "\n")});
    }
    return table;
}

// The reasons flags were overridden, in full under the history: "Flag overridden on 8 Sep
// 2026: Seen to hand over the GP letter." One line each; nothing when none was.
void AddFlagOverrides(const ClientReport& report, const ReportLocale& locale,
                      std::vector<Block>& blocks) {
    std::vector<std::string> lines;
    for (const auto& row : report.history) {
        if (!row.flag_override.empty()) {
            // TRANSLATORS: a session's date and the reason its absolute flag was overridden.
            lines.push_back(Format(Tr("Flag overridden on {0}: {1}"), locale.Date(row.date),
                                   row.flag_override));
        }
    }
    if (!lines.empty()) {
        blocks.push_back(Paragraph{Join(lines, "\n"), ParagraphStyle::kSmall});
    }
}

}  // namespace

namespace detail {

std::string SorenessLine(const core::Soreness& soreness) {
    // TRANSLATORS: soreness at intake: "Left hamstring: pain 6/10".
    return Format(Tr("{0}: pain {1}/10"), RegionSideName({soreness.region, soreness.side}),
                  soreness.pain);
}

std::string TechniqueList(const std::vector<core::Technique>& techniques,
                          std::string_view separator) {
    std::vector<std::string> names;
    names.reserve(techniques.size());
    for (const auto technique : techniques) {
        names.push_back(TechniqueName(technique));
    }
    return Join(names, separator);
}

void AddFlagParagraphs(const ClientReport& report, const ReportLocale& locale,
                       std::vector<Block>& blocks) {
    if (!report.flags.empty()) {
        for (const auto& flag : report.flags) {
            blocks.push_back(Paragraph{DescribeFlag(flag, locale), ParagraphStyle::kWarning});
        }
        return;
    }
    if (!report.intake_taken_on) {
        blocks.push_back(
            Paragraph{Tr("Not screened: there is no intake on file."), ParagraphStyle::kWarning});
        return;
    }
    // TRANSLATORS: no contraindication flags: "None recorded on 21 Nov 2026."
    blocks.push_back(Paragraph{Format(Tr("None recorded on {}."), locale.Date(report.today))});
}

std::string GoalRaceName(const GoalStatus& goal) {
    return goal.race_name.empty() ? Tr("Goal race") : goal.race_name;
}

std::string ClientDistance(const ClientReport& report, const ReportLocale& locale, double km) {
    ReportLocale in_units = locale;
    in_units.units = report.units;
    return in_units.Distance(km);
}

}  // namespace detail

ClientReport BuildClientReport(const ClientReportInputs& inputs) {
    ClientReport report;
    report.client = inputs.client;
    report.clinic = inputs.clinic;
    report.today = inputs.today;
    if (inputs.intake) {
        const core::Intake& intake = *inputs.intake;
        report.units = intake.runner.units;
        report.intake_taken_on = intake.taken_on;
        report.intake_outdated = core::IsIntakeOutdated(intake.taken_on, inputs.today);
        report.intake_soreness = intake.soreness;
        report.intake_conditions = intake.health.conditions;
        report.intake_medications = intake.health.medications;
    }
    report.flags = inputs.flags;
    report.goal = BuildGoal(inputs);
    if (inputs.plan) {
        report.plan_ahead = BuildPlanAhead(*inputs.plan, inputs.today);
        report.plan_warnings = inputs.plan->warnings;
    }
    for (const AppointmentAhead& appointment : inputs.appointments) {
        if (appointment.date < inputs.today) {
            continue;
        }
        if (report.appointments.size() < kAppointmentsListed) {
            report.appointments.push_back(appointment);
        } else {
            ++report.appointments_more;
            report.appointments_last = std::max(report.appointments_last, appointment.date);
        }
    }
    const auto notes = NotesInDateOrder(inputs.notes);
    for (const core::SessionNote* note : notes) {
        HistoryRow row;
        row.date = note->date;
        row.therapist = StaffName(inputs.staff_names, note->therapist_id);
        row.techniques.reserve(note->techniques.size());
        for (const auto& use : note->techniques) {
            row.techniques.push_back(use.technique);
        }
        row.regions = note->regions;
        row.is_signed = core::IsSigned(*note);
        row.amended = !note->amendments.empty();
        row.no_treatment = note->no_treatment;
        row.flag_override = note->flag_override;
        report.history.push_back(std::move(row));
    }
    report.pain_trends = BuildPainTrends(notes);
    report.treated_counts = BuildTreatedCounts(notes);
    // A session without treatment is in the history, with its reason, but is not counted.
    report.session_count = static_cast<int>(
        std::count_if(notes.begin(), notes.end(),
                      [](const core::SessionNote* note) { return !note->no_treatment; }));
    if (!notes.empty()) {
        report.first_session = notes.front()->date;
        report.last_session = notes.back()->date;
        report.therapist_name = StaffName(inputs.staff_names, notes.back()->therapist_id);
    }
    return report;
}

namespace {

void AddClientFacts(const ClientReport& report, const ReportLocale& locale, const std::string& name,
                    std::vector<Block>& blocks) {
    blocks.push_back(Heading{Tr("Client")});
    FactList client;
    client.facts.emplace_back(Tr("Name"), name);
    if (report.client.date_of_birth) {
        // TRANSLATORS: a date of birth and the age today: "12 Mar 1990 (age 36)".
        client.facts.emplace_back(
            Tr("Date of birth"),
            Format(Tr("{0} (age {1})"), locale.Date(*report.client.date_of_birth),
                   core::AgeInYears(*report.client.date_of_birth, report.today)));
    }
    if (!report.client.phone.empty()) {
        client.facts.emplace_back(Tr("Phone"), report.client.phone);
    }
    if (!report.client.email.empty()) {
        client.facts.emplace_back(Tr("Email"), report.client.email);
    }
    if (!report.client.physician.empty()) {
        client.facts.emplace_back(Tr("Physician"), report.client.physician);
    }
    client.facts.emplace_back(Tr("First session"), report.first_session
                                                       ? locale.Date(*report.first_session)
                                                       : Tr("No sessions yet"));
    if (report.session_count > 0) {
        client.facts.emplace_back(Tr("Sessions"), std::to_string(report.session_count));
    }
    blocks.push_back(std::move(client));
}

void AddGoal(const ClientReport& report, const ReportLocale& locale, std::vector<Block>& blocks) {
    blocks.push_back(Heading{Tr("Goal")});
    const GoalStatus& goal = report.goal;
    if (goal.race_name.empty() && !goal.race_date) {
        blocks.push_back(Paragraph{Tr("No goal race on file.")});
    } else {
        FactList facts;
        facts.facts.emplace_back(Tr("Race"), GoalRaceName(goal));
        if (goal.race_date) {
            facts.facts.emplace_back(Tr("Date"), locale.Date(*goal.race_date));
        }
        if (goal.distance_km) {
            facts.facts.emplace_back(Tr("Distance"),
                                     ClientDistance(report, locale, *goal.distance_km));
        }
        if (goal.days_to_go) {
            facts.facts.emplace_back(Tr("When"), WhenText(*goal.days_to_go));
        }
        blocks.push_back(std::move(facts));
    }
}

// The newest intake: soreness, health conditions and medications; a warning when it is old.
void AddIntakeSummary(const ClientReport& report, const ReportLocale& locale,
                      std::vector<Block>& blocks) {
    blocks.push_back(Heading{Tr("Intake summary")});
    if (!report.intake_taken_on) {
        blocks.push_back(Paragraph{Tr("No intake on file"), ParagraphStyle::kWarning});
    } else {
        if (report.intake_outdated) {
            // TRANSLATORS: the newest intake is due to be renewed: "The intake of 3 Apr 2025
            // is over a year old — ask the client to renew it."
            blocks.push_back(Paragraph{
                Format(Tr("The intake of {} is over a year old — ask the client to renew it."),
                       locale.Date(*report.intake_taken_on)),
                ParagraphStyle::kWarning});
        }
        FactList intake;
        intake.facts.emplace_back(Tr("Taken on"), locale.Date(*report.intake_taken_on));
        std::vector<std::string> lines;
        for (const auto& soreness : report.intake_soreness) {
            lines.push_back(SorenessLine(soreness));
        }
        intake.facts.emplace_back(Tr("Soreness"), lines.empty() ? Tr("None") : Join(lines, "\n"));
        lines.clear();
        for (const auto& condition : report.intake_conditions) {
            lines.push_back(ConditionLine(condition, locale));
        }
        intake.facts.emplace_back(Tr("Health conditions"),
                                  lines.empty() ? Tr("None") : Join(lines, "\n"));
        lines.clear();
        for (const auto& medication : report.intake_medications) {
            lines.push_back(MedicationLine(medication));
        }
        intake.facts.emplace_back(Tr("Medications"),
                                  lines.empty() ? Tr("None") : Join(lines, "\n"));
        blocks.push_back(std::move(intake));
    }
}

// The sessions ahead, the cautions they all share once under the table, and the plan's
// warnings.
void AddPlanAhead(const ClientReport& report, const ReportLocale& locale,
                  std::vector<Block>& blocks) {
    blocks.push_back(Heading{Tr("Plan ahead")});
    blocks.push_back(PlanAheadTable(report, locale));
    std::vector<std::string> shared_cautions;
    if (!report.plan_ahead.empty()) {
        for (const auto& caution : report.plan_ahead.front().cautions) {
            if (CautionInEverySession(report, caution)) {
                shared_cautions.push_back("• " + locale.Caution(caution));
            }
        }
    }
    if (!shared_cautions.empty()) {
        blocks.push_back(
            Paragraph{Tr("For every session ahead:") + "\n" + Join(shared_cautions, "\n"),
                      ParagraphStyle::kSmall});
    }
    for (const auto& warning : report.plan_warnings) {
        blocks.push_back(Paragraph{locale.Warning(warning), ParagraphStyle::kSmall});
    }
}

// The appointments booked from today on: when, with whom, what.
void AddAppointmentsAhead(const ClientReport& report, const ReportLocale& locale,
                          std::vector<Block>& blocks) {
    blocks.push_back(Heading{Tr("Appointments booked")});
    Table table;
    table.columns = {{Tr("Date"), 1.5, Align::kLeft},
                     {Tr("Time"), 1.2, Align::kLeft},
                     {Tr("Therapist"), 2.0, Align::kLeft},
                     {Tr("Service"), 2.0, Align::kLeft}};
    table.empty_text = Tr("No appointments booked");
    for (const AppointmentAhead& appointment : report.appointments) {
        const int end = (appointment.start_minute + appointment.duration_min) % (24 * 60);
        // TRANSLATORS: an appointment's time: "09:00–10:00".
        table.rows.push_back({locale.Date(appointment.date),
                              Format(Tr("{0}–{1}"), core::FormatClockTime(appointment.start_minute),
                                     core::FormatClockTime(end)),
                              appointment.therapist, appointment.service});
    }
    blocks.push_back(std::move(table));
    if (report.appointments_more > 0) {
        // TRANSLATORS: after the first appointments booked: "And 40 more, the last on 8 Feb 2027."
        blocks.push_back(
            Paragraph{Format(Tr("And {0} more, the last on {1}."), report.appointments_more,
                             locale.Date(report.appointments_last)),
                      ParagraphStyle::kSmall});
    }
}

// The pain trend chart and the body chart of the areas treated.
void AddCharts(const ClientReport& report, const ReportLocale& locale, std::vector<Block>& blocks) {
    blocks.push_back(Heading{Tr("Pain trend")});
    blocks.push_back(MakePainTrendChart(report, locale));
    if (!report.pain_trends.empty()) {
        blocks.push_back(
            Paragraph{Tr("Pain on the 0–10 scale (0 none, 10 the worst imaginable) before and "
                         "after each session. A change of 2 points or more is clinically "
                         "meaningful."),
                      ParagraphStyle::kSmall});
    }

    // The body chart.
    blocks.push_back(Heading{Tr("Areas treated")});
    BodyChartFigure figure;
    figure.counts = report.treated_counts;
    figure.front_label = Tr("Front");
    figure.back_label = Tr("Back");
    figure.legend_label = Tr("Sessions in which the area was treated");
    blocks.push_back(std::move(figure));
}

}  // namespace

Document ClientReportDocument(const ClientReport& report, const ReportLocale& locale) {
    Document document;
    const std::string name = core::DisplayName(report.client);
    document.letterhead = MakeLetterhead(report.clinic);
    document.title = Tr("Client progress report");
    document.subtitle = name;
    auto& blocks = document.blocks;

    AddClientFacts(report, locale, name, blocks);
    AddGoal(report, locale, blocks);
    AddIntakeSummary(report, locale, blocks);
    blocks.push_back(Heading{Tr("Contraindications")});
    AddFlagParagraphs(report, locale, blocks);
    AddPlanAhead(report, locale, blocks);
    AddAppointmentsAhead(report, locale, blocks);
    blocks.push_back(Heading{Tr("Session history")});
    blocks.push_back(HistoryTable(report, locale));
    AddFlagOverrides(report, locale, blocks);
    AddCharts(report, locale, blocks);

    // Signatures.
    blocks.push_back(SignatureLine{report.therapist_name, Tr("Therapist")});
    blocks.push_back(SignatureLine{std::string(), Tr("Date")});

    // TRANSLATORS: the footer of the client report: "Siobhán Ní Bhriain — Client progress
    // report".
    document.footer_text = Format(Tr("{0} — {1}"), name, document.title);
    document.printed_text = PrintedText(report.today, locale);
    document.page_format = PageFormat();
    return document;
}

}  // namespace myodesk::reports
