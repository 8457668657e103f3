#include "common/wx_conversions.h"

#include <wx/uilocale.h>

#include <clocale>
#include <cstring>
#include <langinfo.h>

namespace myodesk::app {

wxString ToWx(std::string_view utf8) {
    return wxString::FromUTF8(utf8.data(), utf8.size());
}

std::string ToUtf8(const wxString& text) {
    const wxScopedCharBuffer buffer = text.utf8_str();
    return std::string(buffer.data(), buffer.length());
}

void UseUtf8ForNarrowStrings() {
    const char* codeset = nl_langinfo(CODESET);
    if (codeset != nullptr &&
        (std::strcmp(codeset, "UTF-8") == 0 || std::strcmp(codeset, "utf8") == 0)) {
        return;
    }
    if (std::setlocale(LC_CTYPE, "C.UTF-8") == nullptr) {
        std::setlocale(LC_CTYPE, "en_US.UTF-8");
    }
}

wxDateTime ToWxDate(const core::Date& date) {
    const auto month = static_cast<unsigned>(date.month());
    return wxDateTime(static_cast<wxDateTime::wxDateTime_t>(static_cast<unsigned>(date.day())),
                      static_cast<wxDateTime::Month>(month - 1), static_cast<int>(date.year()));
}

std::optional<core::Date> ToCoreDate(const wxDateTime& date) {
    if (!date.IsValid()) {
        return std::nullopt;
    }
    const core::Date result{std::chrono::year{date.GetYear()},
                            std::chrono::month{static_cast<unsigned>(date.GetMonth()) + 1},
                            std::chrono::day{static_cast<unsigned>(date.GetDay())}};
    if (!result.ok()) {
        return std::nullopt;
    }
    return result;
}

wxString FormatLocalDate(const core::Date& date) {
    const wxDateTime value = ToWxDate(date);
    wxString format = wxUILocale::GetCurrent().GetInfo(wxLOCALE_SHORT_DATE_FMT);
    if (format.empty()) {
        return value.FormatDate();
    }
    format.Replace("%y", "%Y");
    return value.Format(format);
}

}  // namespace myodesk::app
