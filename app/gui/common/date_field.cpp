#include "common/date_field.h"

#include "common/wx_conversions.h"

#include <wx/intl.h>
#include <wx/uilocale.h>

#include <array>
#include <vector>

namespace myodesk::app {

namespace {

// 31 is never a month: an example of it shows the order the field reads.
constexpr core::Date kExample{std::chrono::year{1990}, std::chrono::December, std::chrono::day{31}};

// The order of day, month and year in the locale's short date form ("%m/%d/%Y": m, d, y).
std::array<char, 3> LocaleOrder() {
    const wxString format = wxUILocale::GetCurrent().GetInfo(wxLOCALE_SHORT_DATE_FMT);
    std::array<char, 3> order{};
    std::size_t found = 0;
    for (std::size_t i = 0; i + 1 < format.length() && found < order.size(); ++i) {
        if (format[i] != '%') {
            continue;
        }
        const wxUniChar code = format[i + 1];
        if (code == 'd' || code == 'e') {
            order[found++] = 'd';
        } else if (code == 'm') {
            order[found++] = 'm';
        } else if (code == 'Y' || code == 'y') {
            order[found++] = 'y';
        }
        ++i;
    }
    if (found != order.size()) {
        return {'y', 'm', 'd'};  // no usable form: ISO order
    }
    return order;
}

// The runs of digits in `text` when nothing but digits and separators is typed.
std::optional<std::vector<wxString>> DigitGroups(const wxString& text) {
    std::vector<wxString> groups;
    wxString current;
    for (const wxUniChar c : text) {
        if (c >= '0' && c <= '9') {
            current += c;
        } else if (c == '/' || c == '.' || c == '-' || c == ' ') {
            if (!current.empty()) {
                groups.push_back(current);
                current.clear();
            }
        } else {
            return std::nullopt;
        }
    }
    if (!current.empty()) {
        groups.push_back(current);
    }
    return groups;
}

}  // namespace

std::optional<core::Date> ParseTypedDate(const wxString& typed) {
    wxString text = typed;
    text.Trim(true).Trim(false);
    if (const auto iso = core::ParseIsoDate(ToUtf8(text))) {
        return iso;
    }
    const auto groups = DigitGroups(text);
    if (!groups || groups->size() != 3) {
        return std::nullopt;
    }
    const std::array<char, 3> order = LocaleOrder();
    long day = 0, month = 0, year = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
        const wxString& group = (*groups)[i];
        long value = 0;
        if (group.length() > 4 || !group.ToLong(&value)) {
            return std::nullopt;
        }
        if (order[i] == 'y') {
            if (group.length() != 4) {
                return std::nullopt;  // "90" could be 1990 or 2090: never guessed
            }
            year = value;
        } else if (group.length() > 2) {
            return std::nullopt;
        } else if (order[i] == 'd') {
            day = value;
        } else {
            month = value;
        }
    }
    const core::Date date{std::chrono::year{static_cast<int>(year)},
                          std::chrono::month{static_cast<unsigned>(month)},
                          std::chrono::day{static_cast<unsigned>(day)}};
    if (!date.ok()) {
        return std::nullopt;
    }
    return date;
}

DateField::DateField(wxWindow* parent, const wxString& name)
    : wxTextCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0,
                 wxDefaultValidator, name) {
    SetToolTip(wxString::Format(_("Type the date as %s or as %s."), FormatLocalDate(kExample),
                                core::FormatIsoDate(kExample)));
    SetMaxLength(20);
}

void DateField::SetDate(const std::optional<core::Date>& date) {
    ChangeValue(date ? FormatLocalDate(*date) : wxString());
}

std::optional<core::Date> DateField::GetDate() const {
    return ParseTypedDate(GetValue());
}

bool DateField::IsBlank() const {
    wxString text = GetValue();
    return text.Trim(true).Trim(false).empty();
}

bool DateField::IsUnreadable() const {
    return !IsBlank() && !GetDate();
}

wxString DateField::UnreadableMessage(const wxString& label) const {
    // TRANSLATORS: "Date of birth: “02/30/1990” is not a date. Type it as 12/31/1990 or
    // 1990-12-31."
    return wxString::Format(_("%s: \u201C%s\u201D is not a date. Type it as %s or %s."), label,
                            GetValue(), FormatLocalDate(kExample), core::FormatIsoDate(kExample));
}

}  // namespace myodesk::app
