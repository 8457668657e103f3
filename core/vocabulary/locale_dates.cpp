#include <myodesk/core/text.h>
#include <myodesk/vocabulary/locale_dates.h>

#include <clocale>
#include <cstdlib>
#include <cstring>
#include <langinfo.h>
#include <locale.h>
#include <string>

namespace myodesk::vocabulary {

namespace {

bool IsPlainCLocale(std::string_view name) {
    return name.empty() || name == "C" || name == "POSIX" || name.starts_with("C.");
}

// The LC_TIME locale the environment names, as setlocale(LC_TIME, "") would choose it.
std::string EnvironmentTimeLocale() {
    for (const char* variable : {"LC_ALL", "LC_TIME", "LANG"}) {
        const char* value = std::getenv(variable);
        if (value != nullptr && *value != '\0') {
            return value;
        }
    }
    return "C";
}

}  // namespace

core::DateStyle DateStyleOfLocale(std::string_view locale_name) {
    const std::string name(locale_name);
    if (IsPlainCLocale(name)) {
        return {};
    }
    const locale_t locale = newlocale(LC_TIME_MASK | LC_CTYPE_MASK, name.c_str(), nullptr);
    if (locale == nullptr) {
        return {};
    }
    core::DateStyle style;
    const std::string codeset = nl_langinfo_l(CODESET, locale);
    if (codeset == "UTF-8") {
        style.pattern =
            core::ReadableDatePattern(nl_langinfo_l(D_T_FMT, locale), nl_langinfo_l(D_FMT, locale));
        for (int month = 0; month < 12; ++month) {
            const std::string abbreviation = nl_langinfo_l(ABMON_1 + month, locale);
            const std::string full = nl_langinfo_l(MON_1 + month, locale);
            // A name the locale does not have (or a broken one) keeps the English one.
            if (!abbreviation.empty() && core::IsValidUtf8(abbreviation)) {
                style.month_abbreviations.at(static_cast<std::size_t>(month)) = abbreviation;
            }
            if (!full.empty() && core::IsValidUtf8(full)) {
                style.month_names.at(static_cast<std::size_t>(month)) = full;
            }
        }
    }
    freelocale(locale);
    return style;
}

const core::DateStyle& LocaleDateStyle() {
    static const core::DateStyle style = DateStyleOfLocale(EnvironmentTimeLocale());
    return style;
}

}  // namespace myodesk::vocabulary
