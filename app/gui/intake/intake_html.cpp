#include "intake/intake_html.h"

#include "common/code_names.h"
#include "common/wx_conversions.h"

#include <myodesk/core/codes.h>

#include <wx/intl.h>

#include <vector>

namespace myodesk::app {

namespace {

wxString Html(std::string_view utf8) {
    return EscapeHtml(ToWx(utf8));
}

wxString Grey(const wxString& html) {
    return "<font color=\"#6c6c6c\">" + html + "</font>";
}

wxString Heading(const wxString& text) {
    return "<p><font size=\"+1\"><b>" + EscapeHtml(text) + "</b></font></p>\n";
}

// Items one per line.
class Lines {
  public:
    void Add(const wxString& html) {
        if (!m_html.empty()) {
            m_html << "<br>\n";
        }
        m_html << html;
    }
    const wxString& Html() const { return m_html; }

  private:
    wxString m_html;
};

// A two-column table of label and value; rows with an empty value are left out.
class Rows {
  public:
    explicit Rows(int label_width = 180) : m_label_width(label_width) {}
    void Add(const wxString& label, const wxString& value_html) {
        if (value_html.empty()) {
            return;
        }
        m_html << "<tr><td width=\"" << m_label_width << "\" valign=\"top\">"
               << Grey(EscapeHtml(label)) << "</td><td valign=\"top\">" << value_html
               << "</td></tr>\n";
    }
    wxString Table() const {
        if (m_html.empty()) {
            return {};
        }
        return "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"2\">\n" + m_html +
               "</table>\n";
    }

  private:
    int m_label_width;
    wxString m_html;
};

wxString WhereHtml(const std::optional<core::Region>& region,
                   const std::optional<core::Side>& side) {
    if (!region) {
        return {};
    }
    return EscapeHtml(RegionSideInSentence(*region, side));
}

wxString ConditionsHtml(const core::Health& health) {
    Lines lines;
    for (const core::BodySystem system : core::AllValues<core::BodySystem>()) {
        wxString items;
        for (const core::HealthCondition& condition : health.conditions) {
            if (core::SystemOf(condition.code) != system) {
                continue;
            }
            if (!items.empty()) {
                items << "; ";
            }
            items << EscapeHtml(NameOf(condition.code));
            wxString details = WhereHtml(condition.region, condition.side);
            if (condition.since) {
                if (!details.empty()) {
                    details << ", ";
                }
                details << EscapeHtml(
                    wxString::Format(_("since %s"), FormatReadableDate(*condition.since)));
            }
            if (!details.empty()) {
                items << " (" << details << ")";
            }
        }
        if (!items.empty()) {
            lines.Add("<b>" + EscapeHtml(NameOf(system)) + ":</b> " + items);
        }
    }
    return lines.Html().empty() ? Grey(EscapeHtml(_("None ticked."))) : lines.Html();
}

wxString EventsHtml(const std::vector<core::HealthEvent>& events, bool injuries) {
    if (events.empty()) {
        return {};
    }
    Lines lines;
    for (const core::HealthEvent& event : events) {
        wxString html = EscapeHtml(FormatReadableDate(event.date));
        wxString kind = ToWx(event.kind);
        if (injuries) {
            if (const auto code = core::FromCode<core::InjuryKind>(event.kind)) {
                kind = NameOf(*code);
            }
        }
        if (!kind.empty()) {
            html << " — " << EscapeHtml(kind);
        }
        if (const wxString where = WhereHtml(event.region, event.side); !where.empty()) {
            html << ", " << where;
        }
        if (!event.description.empty()) {
            html << ": " << Html(event.description);
        }
        lines.Add(html);
    }
    return lines.Html();
}

wxString HealthHtml(const core::Health& health) {
    Rows rows;
    rows.Add(_("Conditions"), ConditionsHtml(health));
    Lines medications;
    for (const core::Medication& medication : health.medications) {
        medications.Add(Html(medication.name) + " — " +
                        EscapeHtml(NameOf(medication.medication_class)));
    }
    rows.Add(_("Medications"),
             medications.Html().empty() ? Grey(EscapeHtml(_("None stated."))) : medications.Html());
    rows.Add(_("Allergies"), health.allergies.empty() ? Grey(EscapeHtml(_("None stated.")))
                                                      : Html(health.allergies));
    rows.Add(_("Surgeries"), EventsHtml(health.surgeries, false));
    rows.Add(_("Injuries"), EventsHtml(health.injuries, true));
    if (health.pregnant) {
        rows.Add(_("Pregnancy"),
                 EscapeHtml(health.pregnancy_weeks
                                ? wxString::Format(
                                      wxPLURAL("Pregnant, %d week", "Pregnant, %d weeks",
                                               static_cast<unsigned>(*health.pregnancy_weeks)),
                                      *health.pregnancy_weeks)
                                : _("Pregnant, weeks not known")));
    }
    return Heading(_("Health")) + rows.Table();
}

wxString RunnerHtml(const core::RunnerProfile& runner) {
    const core::DistanceUnit unit = runner.units;
    Rows rows;
    const core::GoalRace& race = runner.goal_race;
    wxString race_html = Html(race.name);
    if (race.date) {
        race_html << (race_html.empty() ? "" : " — ") << EscapeHtml(FormatReadableDate(*race.date));
    }
    if (race.distance_km) {
        race_html << (race_html.empty() ? "" : " — ")
                  << EscapeHtml(FormatDistance(*race.distance_km, unit));
    }
    rows.Add(_("Goal race"), race_html);
    if (runner.goal) {
        rows.Add(_("Goal"), EscapeHtml(NameOf(*runner.goal)));
    }
    if (runner.runs_per_week) {
        rows.Add(_("Runs per week"), wxString::Format("%d", *runner.runs_per_week));
    }
    if (runner.long_run_weekday) {
        rows.Add(_("Long-run day"), EscapeHtml(NameOf(*runner.long_run_weekday)));
    }
    if (runner.weekly_distance_km) {
        rows.Add(_("Weekly distance"),
                 EscapeHtml(FormatDistance(*runner.weekly_distance_km, unit)));
    }
    if (runner.longest_run_30d_km) {
        rows.Add(_("Longest run in the last 30 days"),
                 EscapeHtml(FormatDistance(*runner.longest_run_30d_km, unit)));
    }
    Lines runs;
    for (const core::RecentRun& run : runner.recent_runs) {
        runs.Add(EscapeHtml(FormatReadableDate(run.date)) + " — " +
                 EscapeHtml(FormatDistance(run.distance_km, unit)) + ", " +
                 EscapeHtml(NameOf(run.type)));
    }
    rows.Add(_("Recent runs"), runs.Html());
    rows.Add(_("Units"),
             EscapeHtml(unit == core::DistanceUnit::kMi ? _("Miles") : _("Kilometres")));
    return Heading(_("Runner profile")) + rows.Table();
}

wxString SorenessHtml(const std::vector<core::Soreness>& soreness) {
    wxString html = Heading(_("Soreness now"));
    if (soreness.empty()) {
        return html + "<p>" + Grey(EscapeHtml(_("None reported."))) + "</p>\n";
    }
    html << "<table cellspacing=\"0\" cellpadding=\"3\">\n<tr><td width=\"130\">"
         << Grey(EscapeHtml(_("Region"))) << "</td><td width=\"100\">"
         << Grey(EscapeHtml(_("Side"))) << "</td><td>" << Grey(EscapeHtml(_("Pain (0–10)")))
         << "</td></tr>\n";
    for (const core::Soreness& row : soreness) {
        wxString pain = EscapeHtml(PainText(row.pain));
        if (row.pain >= 7) {
            pain = "<b>" + pain + "</b>";
        }
        html << "<tr><td>" << EscapeHtml(NameOf(row.region)) << "</td><td>"
             << EscapeHtml(NameOf(row.side)) << "</td><td>" << pain << "</td></tr>\n";
    }
    return html + "</table>\n";
}

wxString AvoidHtml(const std::vector<core::RegionSide>& avoid) {
    wxString html = Heading(_("Areas to avoid"));
    if (avoid.empty()) {
        return html + "<p>" + Grey(EscapeHtml(_("None."))) + "</p>\n";
    }
    Lines lines;
    for (const core::RegionSide& area : avoid) {
        lines.Add(EscapeHtml(NameOf(area.region) + ", " + NameOf(area.side).Lower()));
    }
    return html + "<table cellspacing=\"0\" cellpadding=\"3\"><tr><td>" + lines.Html() +
           "</td></tr></table>\n";
}

wxString PreferencesHtml(const core::Preferences& preferences) {
    Rows rows(90);
    rows.Add(_("Pressure"), preferences.pressure ? EscapeHtml(NameOf(*preferences.pressure))
                                                 : Grey(EscapeHtml(_("Not stated."))));
    rows.Add(_("Notes"), Html(preferences.notes));
    return Heading(_("Preferences")) + rows.Table();
}

wxString ConsentHtml(const core::Consent& consent) {
    wxString text;
    if (consent.accepted) {
        text = consent.signed_on
                   ? wxString::Format(_("Accepted — signed “%s” on %s."), ToWx(consent.signed_name),
                                      FormatReadableDate(*consent.signed_on))
                   : wxString::Format(_("Accepted — signed “%s”."), ToWx(consent.signed_name));
    } else {
        text = _("Not given.");
    }
    return Heading(_("Consent")) + "<p>" + EscapeHtml(text) + "</p>\n";
}

}  // namespace

wxString EscapeHtml(const wxString& text) {
    wxString html;
    html.reserve(text.size());
    for (const wxUniChar c : text) {
        switch (c.GetValue()) {
            case '&':
                html << "&amp;";
                break;
            case '<':
                html << "&lt;";
                break;
            case '>':
                html << "&gt;";
                break;
            case '"':
                html << "&quot;";
                break;
            case '\n':
                html << "<br>";
                break;
            case '\r':
                break;
            default:
                html << c;
        }
    }
    return html;
}

wxString IntakeToHtml(const core::Intake& intake, const IntakeHtmlOptions& options) {
    wxString html = "<html><body>\n";
    html << "<p><font size=\"+2\"><b>"
         << EscapeHtml(
                wxString::Format(_("Intake taken on %s"), FormatReadableDate(intake.taken_on)))
         << "</b></font></p>\n";
    if (options.newest_taken_on) {
        html << "<table width=\"100%\" cellpadding=\"6\" cellspacing=\"0\"><tr>"
                "<td bgcolor=\"#fff0c2\"><b>"
             << EscapeHtml(_("Older version, read-only.")) << "</b> "
             << EscapeHtml(wxString::Format(
                    _("The newest intake, taken on %s, is the one screened for this client."),
                    FormatReadableDate(*options.newest_taken_on)))
             << "</td></tr></table>\n";
    }
    // What matters for today's session first, side by side: soreness and areas to avoid,
    // preferences; then the history, the runner profile and consent.
    html << "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"0\"><tr>"
         << "<td width=\"50%\" valign=\"top\">" << SorenessHtml(intake.soreness)
         << AvoidHtml(intake.avoid_regions) << "</td><td width=\"50%\" valign=\"top\">"
         << PreferencesHtml(intake.preferences) << "</td></tr></table>\n"
         << HealthHtml(intake.health) << RunnerHtml(intake.runner) << ConsentHtml(intake.consent);
    html << "</body></html>\n";
    return html;
}

wxString NoIntakeHtml() {
    return "<html><body>" + Heading(_("No intake yet")) + "<p>" +
           EscapeHtml(_("Fill in the intake questionnaire with the client before the first "
                        "session: health history, runner profile, where it is sore today, "
                        "pressure preference and consent. Choose New intake… to start.")) +
           "</p></body></html>";
}

}  // namespace myodesk::app
