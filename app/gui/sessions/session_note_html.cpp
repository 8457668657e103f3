#include "sessions/session_note_html.h"

#include "common/code_names.h"
#include "common/wx_conversions.h"
#include "intake/intake_html.h"
#include "sessions/session_note_text.h"

#include <myodesk/vocabulary/words.h>

#include <wx/datetime.h>
#include <wx/intl.h>

#include <algorithm>

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

wxString SectionText(const core::SessionNote& note, core::NoteSection section) {
    switch (section) {
        case core::NoteSection::kSubjective:
            return ToWx(note.subjective);
        case core::NoteSection::kObjective:
            return ToWx(note.objective);
        case core::NoteSection::kAssessment:
            return ToWx(note.assessment);
        case core::NoteSection::kPlan:
            return ToWx(note.plan);
    }
    return {};
}

wxString PainHtml(const std::optional<int>& pain) {
    return pain ? EscapeHtml(PainText(*pain)) : Grey(wxString::FromUTF8("—"));
}

// A cell's text, in bold when it differs from what the original recorded (a correction).
wxString Changed(const wxString& html, bool changed) {
    return changed ? "<b>" + html + "</b>" : html;
}

// The techniques and the regions with pressure and pain, or why no treatment was given, and
// an absolute flag overridden. For a correction (`original` given) the columns are narrower,
// to fit indented, and what differs from the original's region and side is in bold.
wxString TreatmentHtml(const core::SessionNote& note, const core::SessionNote* original = nullptr) {
    const bool compact = original != nullptr;
    wxString html;
    if (note.no_treatment) {
        html << "<p><b>"
             << EscapeHtml(wxString::Format(_("No treatment given: %s"),
                                            ToWx(vocabulary::NameOf(*note.no_treatment))))
             << "</b></p>\n";
    }
    if (!note.flag_override.empty()) {
        html << "<p><font color=\"#8a4b00\"><b>" << EscapeHtml(_("Flag overridden:"))
             << "</b></font> " << Html(note.flag_override) << "</p>\n";
    }
    html << Heading(_("Techniques"));
    if (note.techniques.empty()) {
        html << "<p>" << Grey(EscapeHtml(_("No techniques recorded."))) << "</p>\n";
    } else {
        html << "<table cellspacing=\"0\" cellpadding=\"2\">\n";
        for (const core::TechniqueUse& use : note.techniques) {
            html << "<tr><td width=\"220\">" << EscapeHtml(NameOf(use.technique))
                 << "</td><td align=\"right\">"
                 << EscapeHtml(wxString::Format(_("%d min"), use.minutes)) << "</td></tr>\n";
        }
        html << "</table>\n";
    }
    html << Heading(_("Regions"));
    if (note.regions.empty()) {
        html << "<p>" << Grey(EscapeHtml(_("No regions recorded."))) << "</p>\n";
    } else {
        html << "<table cellspacing=\"0\" cellpadding=\"3\">\n<tr><td>"
             << Grey(EscapeHtml(_("Region"))) << "</td><td>" << Grey(EscapeHtml(_("Pressure")))
             << "</td><td>" << Grey(EscapeHtml(_("Pain before"))) << "</td><td>"
             << Grey(EscapeHtml(_("Pain after"))) << "</td></tr>\n";
        const wxString name_width = compact ? "170" : "200";
        const wxString width = compact ? "100" : "120";
        for (const core::RegionWork& work : note.regions) {
            const core::RegionWork* before = nullptr;
            if (original != nullptr) {
                const auto found =
                    std::find_if(original->regions.begin(), original->regions.end(),
                                 [&](const core::RegionWork& old) {
                                     return old.region == work.region && old.side == work.side;
                                 });
                if (found != original->regions.end()) {
                    before = &*found;
                }
            }
            const bool is_new = original != nullptr && before == nullptr;
            html << "<tr><td width=\"" << name_width << "\">"
                 << Changed(EscapeHtml(RegionSideName(work.region, work.side)), is_new)
                 << "</td><td width=\"" << width << "\">"
                 << Changed(EscapeHtml(PressureText(work.pressure)),
                            before != nullptr && before->pressure != work.pressure)
                 << "</td><td width=\"" << width << "\">"
                 << Changed(PainHtml(work.pain_before),
                            before != nullptr && before->pain_before != work.pain_before)
                 << "</td><td width=\"" << width << "\">"
                 << Changed(PainHtml(work.pain_after),
                            before != nullptr && before->pain_after != work.pain_after)
                 << "</td></tr>\n";
        }
        html << "</table>\n";
    }

    return html;
}

}  // namespace

wxString LocalDateTimeOf(const std::string& utc) {
    wxDateTime time;
    const wxString text = ToWx(utc);
    if (!time.ParseISOCombined(text.BeforeFirst('Z'), 'T')) {
        return text;
    }
    time.MakeFromUTC();
    const std::optional<core::Date> date = ToCoreDate(time);
    if (!date) {
        return text;
    }
    // TRANSLATORS: a date and time, e.g. "3 Jun 2026 at 14:03".
    return wxString::Format(_("%s at %s"), FormatReadableDate(*date), time.Format("%H:%M"));
}

wxString SessionNoteToHtml(const core::SessionNote& note, const StaffNameFunction& staff_name) {
    const auto name = [&](core::StaffId id) {
        return staff_name ? staff_name(id) : wxString::Format("#%lld", static_cast<long long>(id));
    };
    wxString html = "<html><body>\n";

    // When, how long, how, who.
    wxString title = SessionWhen(note.date, note.start_minute, note.duration_min);
    html << "<p><font size=\"+2\"><b>" << EscapeHtml(title) << "</b></font><br>\n";
    wxString facts = wxString::Format(
        wxPLURAL("%d minute", "%d minutes", static_cast<unsigned>(note.duration_min)),
        note.duration_min);
    if (note.position) {
        facts << wxString::FromUTF8(" · ") << NameOf(*note.position);
    }
    facts << wxString::FromUTF8(" · ")
          << wxString::Format(_("therapist %s"), name(note.therapist_id));
    html << Grey(EscapeHtml(facts)) << "</p>\n";
    if (core::IsSigned(note)) {
        html << "<p><b>"
             << EscapeHtml(wxString::Format(
                    _("Signed by %s on %s"),
                    note.signed_by ? name(*note.signed_by) : wxString::FromUTF8("—"),
                    LocalDateTimeOf(note.signed_at)))
             << "</b>" << Grey(EscapeHtml(_(" — locked; corrections are amendments below")))
             << "</p>\n";
    } else {
        html << "<p><font color=\"#8a4b00\"><b>" << EscapeHtml(_("Not signed yet"))
             << "</b></font></p>\n";
    }

    // The SOAP sections as written.
    for (const core::NoteSection section :
         {core::NoteSection::kSubjective, core::NoteSection::kObjective,
          core::NoteSection::kAssessment, core::NoteSection::kPlan}) {
        const auto amendments =
            std::count_if(note.amendments.begin(), note.amendments.end(),
                          [section](const core::Amendment& amendment) {
                              return !amendment.corrected && amendment.section == section;
                          });
        html << "<p><b>" << EscapeHtml(NameOf(section)) << "</b>";
        if (amendments > 0) {
            html << " "
                 << "<font color=\"#8a4b00\">"
                 << EscapeHtml(wxString::Format(wxPLURAL("(amended — see the amendment below)",
                                                         "(amended — see the %d amendments below)",
                                                         static_cast<unsigned>(amendments)),
                                                static_cast<int>(amendments)))
                 << "</font>";
        }
        html << "<br>\n";
        const wxString text = SectionText(note, section);
        html << (text.empty() ? Grey(wxString::FromUTF8("—")) : EscapeHtml(text)) << "</p>\n";
    }

    html << TreatmentHtml(note);

    // Amendments, after the original, oldest first.
    if (!note.amendments.empty()) {
        html << "<hr>\n" << Heading(_("Amendments"));
        int number = 0;
        for (const core::Amendment& amendment : note.amendments) {
            ++number;
            const wxString what =
                amendment.corrected ? _("every field corrected") : NameOf(amendment.section);
            html << "<p><b>" << EscapeHtml(wxString::Format(_("Amendment %d — %s"), number, what))
                 << "</b><br>\n"
                 << Grey(EscapeHtml(wxString::Format(_("%s, by %s"),
                                                     LocalDateTimeOf(amendment.amended_at),
                                                     name(amendment.amended_by))))
                 << "<br>\n"
                 << EscapeHtml(_("Reason:")) << " " << Html(amendment.reason) << "</p>\n";
            if (!amendment.corrected) {
                html << "<blockquote>" << Html(amendment.text) << "</blockquote>\n";
                continue;
            }
            // The whole note as corrected: when, the texts that changed, and the treatment
            // with its pain scores (what differs from the original above in bold).
            const core::SessionNote& corrected = *amendment.corrected;
            html << "<blockquote><p><b>"
                 << EscapeHtml(
                        SessionWhen(corrected.date, corrected.start_minute, corrected.duration_min))
                 << "</b>";
            if (corrected.position) {
                html << Grey(EscapeHtml(wxString::FromUTF8(" · ") + NameOf(*corrected.position)));
            }
            html << "</p>\n";
            for (const core::NoteSection section :
                 {core::NoteSection::kSubjective, core::NoteSection::kObjective,
                  core::NoteSection::kAssessment, core::NoteSection::kPlan}) {
                const wxString text = SectionText(corrected, section);
                if (text != SectionText(note, section) && !text.empty()) {
                    html << "<p><b>" << EscapeHtml(NameOf(section)) << "</b><br>\n"
                         << EscapeHtml(text) << "</p>\n";
                }
            }
            html << TreatmentHtml(corrected, &note) << "</blockquote>\n";
        }
    }
    html << "</body></html>\n";
    return html;
}

}  // namespace myodesk::app
