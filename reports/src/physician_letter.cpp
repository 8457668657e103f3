// The letter to the client's physician: the reason for care, the sessions so far, the findings
// and how the client responded, contraindications, the plan and how to reach the clinic.
#include "client_report_parts.h"
#include "report_text.h"

#include <myodesk/core/plan_text.h>
#include <myodesk/reports/client_report.h>

#include <algorithm>
#include <map>
#include <set>

namespace myodesk::reports {

namespace {

using detail::AddFlagParagraphs;
using detail::ClientDistance;
using detail::GoalRaceName;
using detail::SorenessLine;
using detail::TechniqueList;

// The date, the salutation, the subject line and why the clinic writes.
void AddOpening(const ClientReport& report, const ReportLocale& locale, const std::string& name,
                std::vector<Block>& blocks) {
    blocks.push_back(Paragraph{locale.Date(report.today)});
    // TRANSLATORS: the salutation of the physician letter: "Dear Dr Aoife Byrne,".
    blocks.push_back(Paragraph{Format(
        Tr("Dear {},"), report.client.physician.empty() ? Tr("Doctor") : report.client.physician)});
    if (report.client.date_of_birth) {
        // TRANSLATORS: the subject line of the physician letter: "Re: Siobhán Ní Bhriain, born
        // 12 Mar 1990".
        blocks.push_back(Paragraph{
            Format(Tr("Re: {0}, born {1}"), name, locale.Date(*report.client.date_of_birth))});
    } else {
        blocks.push_back(Paragraph{Format(Tr("Re: {}"), name)});
    }
    const std::string clinic_name =
        report.clinic.name.empty() ? Tr("our clinic") : report.clinic.name;
    // TRANSLATORS: {} is the clinic's name.
    blocks.push_back(
        Paragraph{Format(Tr("Your patient attends {} for sports massage alongside their running "
                            "training. This letter summarises their care to date."),
                         clinic_name)});
}

void AddReasonForCare(const ClientReport& report, const ReportLocale& locale,
                      std::vector<Block>& blocks) {
    blocks.push_back(Heading{Tr("Reason for care")});
    std::vector<std::string> reasons;
    if (!report.intake_soreness.empty()) {
        std::vector<std::string> lines;
        for (const auto& soreness : report.intake_soreness) {
            lines.push_back(SorenessLine(soreness));
        }
        // TRANSLATORS: followed by lines such as "Left hamstring: pain 6/10".
        reasons.push_back(Format(Tr("Soreness reported at intake ({}):"),
                                 locale.Date(report.intake_taken_on.value_or(report.today))) +
                          '\n' + Join(lines, "\n"));
    }
    const GoalStatus& goal = report.goal;
    if (!goal.race_name.empty() || goal.race_date) {
        std::vector<std::string> parts{GoalRaceName(goal)};
        if (goal.race_date) {
            parts.push_back(locale.Date(*goal.race_date));
        }
        if (goal.distance_km) {
            parts.push_back(ClientDistance(report, locale, *goal.distance_km));
        }
        // TRANSLATORS: "Goal race: Dublin Marathon, 25 Oct 2026, 42.2 km".
        reasons.push_back(Format(Tr("Goal race: {}"), Join(parts, ", ")));
    }
    if (!report.client.referral_source.empty()) {
        reasons.push_back(Format(Tr("Referred by: {}"), report.client.referral_source));
    }
    if (reasons.empty()) {
        reasons.push_back(Tr("Sports massage for recovery during running training."));
    }
    for (auto& reason : reasons) {
        blocks.push_back(Paragraph{std::move(reason)});
    }
}

// "Techniques used: Sports massage (5 sessions), Swedish (1 session)." or empty.
std::string TechniquesUsed(const ClientReport& report) {
    std::map<core::Technique, int> technique_sessions;
    for (const auto& row : report.history) {
        const std::set<core::Technique> used(row.techniques.begin(), row.techniques.end());
        for (const auto technique : used) {
            ++technique_sessions[technique];
        }
    }
    if (technique_sessions.empty()) {
        return {};
    }
    std::vector<std::string> parts;
    for (const auto& [technique, count] : technique_sessions) {
        parts.push_back(count == 1
                            // TRANSLATORS: "Deep tissue (1 session)".
                            ? Format(Tr("{} (1 session)"), TechniqueName(technique))
                            // TRANSLATORS: "Sports massage (5 sessions)".
                            : Format(Tr("{0} ({1} sessions)"), TechniqueName(technique), count));
    }
    return Format(Tr("Techniques used: {}."), Join(parts, ", "));
}

void AddSessionsToDate(const ClientReport& report, const ReportLocale& locale,
                       std::vector<Block>& blocks) {
    blocks.push_back(Heading{Tr("Sessions to date")});
    if (report.session_count == 0 || !report.first_session || !report.last_session) {
        blocks.push_back(Paragraph{Tr("No sessions yet.")});
        return;
    }
    std::string text;
    if (report.session_count == 1) {
        text = Format(Tr("1 session, on {}."), locale.Date(*report.first_session));
    } else {
        // TRANSLATORS: "5 sessions from 3 Mar 2026 to 21 Nov 2026."
        text = Format(Tr("{0} sessions from {1} to {2}."), report.session_count,
                      locale.Date(*report.first_session), locale.Date(*report.last_session));
    }
    const std::string techniques = TechniquesUsed(report);
    if (!techniques.empty()) {
        text += '\n' + techniques;
    }
    blocks.push_back(Paragraph{std::move(text)});
}

// How one region's pain went: from the first session to the latest, or at the only one.
std::string PainCourse(const PainSeries& series) {
    std::optional<int> first_before;
    std::optional<int> latest_after;
    std::optional<int> latest_before;
    for (const auto& point : series.points) {
        if (point.before && !first_before) {
            first_before = point.before;
        }
        if (point.before) {
            latest_before = point.before;
        }
        if (point.after) {
            latest_after = point.after;
        }
    }
    const int sessions = static_cast<int>(series.points.size());
    if (sessions == 1) {
        const PainPoint& only = series.points.front();
        if (only.before && only.after) {
            // TRANSLATORS: "Left hamstring: pain 6/10 before and 3/10 after the only
            // session".
            return Format(Tr("{0}: pain {1}/10 before and {2}/10 after the only "
                             "session"),
                          series.title, *only.before, *only.after);
        }
        if (only.before) {
            return Format(Tr("{0}: pain {1}/10 before the only session"), series.title,
                          *only.before);
        }
        return Format(Tr("{0}: pain {1}/10 after the only session"), series.title,
                      only.after.value_or(0));
    }
    if (first_before && latest_after) {
        // TRANSLATORS: "Left hamstring: pain 6/10 at the first session, 2/10 after the
        // latest (3 sessions)".
        return Format(Tr("{0}: pain {1}/10 at the first session, {2}/10 after "
                         "the latest ({3} sessions)"),
                      series.title, *first_before, *latest_after, sessions);
    }
    if (first_before) {
        return Format(Tr("{0}: pain {1}/10 at the first session, {2}/10 before "
                         "the latest ({3} sessions)"),
                      series.title, *first_before, latest_before.value_or(*first_before), sessions);
    }
    return Format(Tr("{0}: pain {1}/10 after the latest session ({2} "
                     "sessions)"),
                  series.title, latest_after.value_or(0), sessions);
}

void AddFindings(const ClientReport& report, std::vector<Block>& blocks) {
    blocks.push_back(Heading{Tr("Findings and response")});
    if (report.pain_trends.empty()) {
        blocks.push_back(Paragraph{Tr("No pain scores recorded.")});
        return;
    }
    std::vector<std::string> lines;
    for (const auto& series : report.pain_trends) {
        lines.push_back(PainCourse(series));
    }
    blocks.push_back(Paragraph{Join(lines, "\n")});
    blocks.push_back(Paragraph{Tr("Pain on the 0–10 numeric rating scale, before and after "
                                  "treatment."),
                               ParagraphStyle::kSmall});
}

// The phase, the next few sessions and how many more are planned.
void AddPlan(const ClientReport& report, const ReportLocale& locale, std::vector<Block>& blocks) {
    blocks.push_back(Heading{Tr("Plan")});
    if (report.plan_ahead.empty()) {
        blocks.push_back(Paragraph{Tr("No sessions planned ahead.")});
        return;
    }
    // TRANSLATORS: the training phase of the next planned session: "Current phase: Taper."
    std::vector<std::string> lines{
        Format(Tr("Current phase: {}."), PhaseName(report.plan_ahead.front().phase))};
    constexpr std::size_t kSessionsShown = 3;
    const std::size_t shown = std::min(kSessionsShown, report.plan_ahead.size());
    for (std::size_t i = 0; i < shown; ++i) {
        const PlanAheadRow& row = report.plan_ahead[i];
        std::vector<std::string> parts;
        if (!row.techniques.empty()) {
            parts.push_back(TechniqueList(row.techniques, ", "));
        }
        parts.push_back(Format(Tr("{} min"), row.duration_min));
        parts.push_back(Format(Tr("pressure up to {}/10"), row.max_pressure));
        // TRANSLATORS: a planned session: "28 Nov 2026: Sports massage; 45 min; pressure
        // up to 5/10".
        lines.push_back(Format(Tr("{0}: {1}"), locale.Date(row.date), Join(parts, "; ")));
    }
    if (report.plan_ahead.size() > shown) {
        const std::size_t more = report.plan_ahead.size() - shown;
        lines.push_back(more == 1 ? Format(Tr("1 more session planned, on {}."),
                                           locale.Date(report.plan_ahead.back().date))
                                  // TRANSLATORS: "4 more sessions planned, up to 20 Dec 2026."
                                  : Format(Tr("{0} more sessions planned, up to {1}."), more,
                                           locale.Date(report.plan_ahead.back().date)));
    }
    blocks.push_back(Paragraph{Join(lines, "\n")});
}

// How to reach the clinic, and the closing.
void AddContact(const ClientReport& report, std::vector<Block>& blocks) {
    blocks.push_back(Heading{Tr("Contact")});
    FactList contact;
    if (!report.clinic.name.empty()) {
        contact.facts.emplace_back(Tr("Clinic"), report.clinic.name);
    }
    if (!report.clinic.phone.empty()) {
        contact.facts.emplace_back(Tr("Phone"), report.clinic.phone);
    }
    if (!report.clinic.email.empty()) {
        contact.facts.emplace_back(Tr("Email"), report.clinic.email);
    }
    if (!report.therapist_name.empty()) {
        contact.facts.emplace_back(Tr("Therapist"), report.therapist_name);
    }
    if (!contact.facts.empty()) {
        blocks.push_back(std::move(contact));
    }
    blocks.push_back(
        Paragraph{Tr("Please contact us with any questions, or with any precautions "
                     "we should take.")});
    blocks.push_back(Paragraph{Tr("Yours sincerely,")});
    blocks.push_back(SignatureLine{report.therapist_name, Tr("Therapist")});
}

}  // namespace

Document PhysicianLetterDocument(const ClientReport& report, const ReportLocale& locale) {
    Document document;
    const std::string name = core::DisplayName(report.client);
    document.letterhead = MakeLetterhead(report.clinic);
    document.title = Tr("Letter to the client's physician");
    document.subtitle = name;
    auto& blocks = document.blocks;

    AddOpening(report, locale, name, blocks);
    AddReasonForCare(report, locale, blocks);
    AddSessionsToDate(report, locale, blocks);
    AddFindings(report, blocks);
    blocks.push_back(Heading{Tr("Contraindications and precautions")});
    AddFlagParagraphs(report, locale, blocks);
    AddPlan(report, locale, blocks);
    AddContact(report, blocks);

    document.footer_text = Format(Tr("{0} — {1}"), name, document.title);
    document.printed_text = PrintedText(report.today, locale);
    document.page_format = PageFormat();
    return document;
}

}  // namespace myodesk::reports
