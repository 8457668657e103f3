#include "report_text.h"

#include <myodesk/reports/report_locale.h>
#include <myodesk/vocabulary/plan_sentences.h>

namespace myodesk::reports {

namespace {

vocabulary::TextFormats SentenceFormats(const ReportLocale& locale) {
    return {[&locale](const core::Date& date) { return locale.Date(date); }, locale.format_number};
}

}  // namespace

std::string ReportLocale::Reason(const core::PlanReason& reason) const {
    return vocabulary::ReasonSentence(reason, units, SentenceFormats(*this));
}

std::string ReportLocale::Caution(const core::PlanCaution& caution) const {
    return vocabulary::CautionSentence(caution, units, SentenceFormats(*this));
}

std::string ReportLocale::Warning(const core::PlanWarning& warning) const {
    return vocabulary::WarningSentence(warning, units, SentenceFormats(*this));
}

std::string ReportLocale::Date(const core::Date& date) const {
    return format_date ? format_date(date) : vocabulary::ReadableDate(date);
}

std::string ReportLocale::Month(const core::Date& date) const {
    return format_month ? format_month(date) : vocabulary::ReadableMonth(date);
}

std::string ReportLocale::Distance(double km) const {
    return vocabulary::DistanceText(km, units, format_number);
}

ReportLocale MakeReportLocale(const core::ClinicDetails& clinic, core::DistanceUnit units,
                              const core::DateStyle& locale_style) {
    ReportLocale locale;
    const core::DateStyle dates = core::StyleForDateFormat(clinic.date_format, locale_style);
    locale.format_date = [dates](const core::Date& date) { return core::FormatDate(date, dates); };
    core::DateStyle months = locale_style;
    months.pattern = "%b %Y";
    locale.format_month = [months](const core::Date& date) {
        return core::FormatDate(date, months);
    };
    locale.units = units;
    return locale;
}

std::string DescribeFlag(const core::ContraindicationFlag& flag, const ReportLocale& locale) {
    std::string what = FlagName(flag.code);
    if (flag.region) {
        // TRANSLATORS: a contraindication and where: "Varicose veins, right calf".
        what = Format(Tr("{0}, {1}"), what, RegionSideInSentence(*flag.region, flag.side));
    }
    // TRANSLATORS: a contraindication as one line: "Avoid area — Varicose veins, right calf".
    std::string line = Format(Tr("{0} — {1}"), FlagLevelName(flag.level), what);
    if (flag.code == core::FlagCode::kPainMaskingMedication) {
        line += Tr(": rely less on the client's feedback about pressure");
    }
    if (flag.physician_clearance) {
        line += Tr(" — physician clearance needed first");
    }
    if (flag.until) {
        // TRANSLATORS: appended to a contraindication: " (until 3 Apr 2026)".
        line += Format(Tr(" (until {})"), locale.Date(*flag.until));
    }
    return line;
}

}  // namespace myodesk::reports
