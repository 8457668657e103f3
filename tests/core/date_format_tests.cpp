#include <myodesk/core/clinic_settings.h>
#include <myodesk/core/date_format.h>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>

using namespace myodesk::core;
using namespace std::chrono;

namespace {

const Date kDay{year{2026}, December, day{6}};

std::string Readable(std::string_view date_time_format, std::string_view date_format = {}) {
    DateStyle style;
    style.pattern = ReadableDatePattern(date_time_format, date_format);
    return FormatDate(kDay, style);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(date_format)

BOOST_AUTO_TEST_CASE(formats_each_field_of_a_pattern) {
    DateStyle style;
    style.pattern = "%d|%-d|%e|%m|%-m|%b|%h|%B|%Y|%y|%%|text";
    BOOST_TEST(FormatDate(kDay, style) == "06|6| 6|12|12|Dec|Dec|December|2026|26|%|text");
    style.pattern = "%-m/%-d";
    BOOST_TEST(FormatDate(Date{year{2027}, January, day{9}}, style) == "1/9");
    BOOST_TEST(FormatDate(kDay, DateStyle{}) == "6 Dec 2026");
}

BOOST_AUTO_TEST_CASE(uses_the_styles_month_names) {
    DateStyle style;
    style.month_abbreviations.at(11) = "Dez";
    style.month_names.at(11) = "Dezember";
    style.pattern = "%-d. %B %Y (%b)";
    BOOST_TEST(FormatDate(kDay, style) == "6. Dezember 2026 (Dez)");
}

BOOST_AUTO_TEST_CASE(a_date_that_does_not_exist_reads_as_iso) {
    BOOST_TEST(FormatDate(Date{year{2026}, February, day{30}}, DateStyle{}) == "2026-02-30");
}

// The date-and-time formats of glibc's locales (nl_langinfo(D_T_FMT), D_FMT for %x).
BOOST_AUTO_TEST_CASE(derives_the_readable_date_of_real_locales) {
    BOOST_TEST(Readable("%a %d %b %Y %r %Z") == "6 Dec 2026");  // en_US
    BOOST_TEST(Readable("%a %d %b %Y %T %Z") == "6 Dec 2026");  // en_GB, de_DE, nl_NL
    BOOST_TEST(Readable("%a %d %b %Y %T") == "6 Dec 2026");     // fr_FR
    BOOST_TEST(ReadableDatePattern("%Y年%m月%d日 %H時%M分%S秒") == "%Y年%-m月%-d日");  // ja_JP
    BOOST_TEST(Readable("%Y年%m月%d日 %A %H时%M分%S秒") == "2026年12月6日");           // zh_CN
    BOOST_TEST(Readable("%Y. %b. %-e., %A, %H:%M:%S %Z") == "2026. Dec. 6.");          // hu_HU
    BOOST_TEST(ReadableDatePattern("%a %e. %Bta %Y %H.%M.%S") == "%-d. %Bta %Y");      // fi_FI
    BOOST_TEST(Readable("%x (%a) %r", "%Y년 %m월 %d일") == "2026년 12월 6일");         // ko_KR
    BOOST_TEST(Readable("%a %b %e %H:%M:%S %Y") == "Dec 6 2026");                      // C
    BOOST_TEST(Readable("%A, %B %d, %Y") == "Dec 6, 2026");
    BOOST_TEST(Readable("%a %D %T") == "12/6/26");
    BOOST_TEST(Readable("%F %T") == "2026-12-6");
}

BOOST_AUTO_TEST_CASE(falls_back_when_a_locale_gives_no_whole_date) {
    const std::string fallback = DateStyle{}.pattern;
    BOOST_TEST(ReadableDatePattern("") == fallback);
    BOOST_TEST(ReadableDatePattern("%H:%M") == fallback);
    BOOST_TEST(ReadableDatePattern("%d %b") == fallback);             // no year
    BOOST_TEST(ReadableDatePattern("%x %T") == fallback);             // %x with no D_FMT
    BOOST_TEST(ReadableDatePattern("%Ey %d %b") == fallback);         // an era year
    BOOST_TEST(ReadableDatePattern("%d %b %Y %j") == fallback);       // a day of the year
    BOOST_TEST(ReadableDatePattern("%d %b %Y 100%") == "%-d %b %Y");  // a trailing lone %
}

BOOST_AUTO_TEST_CASE(accepts_locale_iso_or_a_whole_date_pattern_as_the_setting) {
    for (const char* good : {"locale", "iso", "%d/%m/%Y", "%-d %b %Y", "%b %-d, %Y",
                             "%Y年%-m月%-d日", "%d.%m.%y", "%B %e %Y"}) {
        BOOST_TEST_CONTEXT(good) {
            BOOST_TEST(IsDateFormatSetting(good));
        }
    }
    for (const char* bad : {"", "Locale", "ISO", "%d/%m", "%m/%Y", "%d %b", "%H:%M %d/%m/%Y",
                            "%A %d/%m/%Y", "%-Y %d %m", "%d/%m/%Y\n", "%Ey/%m/%d",
                            "%d/%m/%Y                                          "}) {
        BOOST_TEST_CONTEXT(bad) {
            BOOST_TEST(!IsDateFormatSetting(bad));
        }
    }
}

BOOST_AUTO_TEST_CASE(the_setting_chooses_the_style_with_the_locales_month_names) {
    DateStyle locale;
    locale.pattern = "%-d. %b %Y";
    locale.month_abbreviations.at(11) = "Dez";
    BOOST_TEST(FormatDate(kDay, StyleForDateFormat("locale", locale)) == "6. Dez 2026");
    BOOST_TEST(FormatDate(kDay, StyleForDateFormat("iso", locale)) == "2026-12-06");
    BOOST_TEST(FormatDate(kDay, StyleForDateFormat("%b %-d, %Y", locale)) == "Dez 6, 2026");
    // A stored value no pattern reads (an older version's row) is the locale's.
    BOOST_TEST(FormatDate(kDay, StyleForDateFormat("%H", locale)) == "6. Dez 2026");
}

BOOST_AUTO_TEST_CASE(report_date_format_is_a_clinic_setting) {
    ClinicSettings settings;
    BOOST_TEST(settings.details.date_format == "locale");
    BOOST_TEST(SetClinicSetting(settings, "report.date_format", "%d/%m/%Y").empty());
    BOOST_TEST(settings.details.date_format == "%d/%m/%Y");
    BOOST_TEST((ClinicSettingGroup("report.date_format") == SettingGroup::kClinicDetails));

    const auto unknown = SetClinicSetting(settings, "report.date_format", "%d/%m");
    BOOST_TEST_REQUIRE(unknown.size() == 1U);
    BOOST_TEST(unknown.front().field == "report.date_format");
    BOOST_TEST((unknown.front().code == ProblemCode::kUnknownCode));
    const auto control = SetClinicSetting(settings, "report.date_format", "%d/%m/%Y\x1b");
    BOOST_TEST_REQUIRE(control.size() == 1U);
    BOOST_TEST((control.front().code == ProblemCode::kInvalidText));
    BOOST_TEST(settings.details.date_format == "%d/%m/%Y");  // unchanged by either

    bool listed = false;
    for (const auto& setting : ListClinicSettings(settings)) {
        if (setting.key == "report.date_format") {
            listed =
                setting.value == "%d/%m/%Y" && setting.default_value == "locale" && setting.is_text;
        }
    }
    BOOST_TEST(listed);
    const auto stored = StoredClinicSettings(settings, SettingGroup::kClinicDetails);
    BOOST_TEST((std::find(stored.begin(), stored.end(),
                          std::pair<std::string, std::string>{"report.date_format", "%d/%m/%Y"}) !=
                stored.end()));
}

BOOST_AUTO_TEST_SUITE_END()
