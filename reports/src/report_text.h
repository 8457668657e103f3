#pragma once

// Helpers the report view-models share (private to reports/src).

#include <myodesk/core/clinic_details.h>
#include <myodesk/reports/report_document.h>
#include <myodesk/reports/report_locale.h>
#include <myodesk/vocabulary/translation.h>

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

namespace myodesk::reports {

// Every English label and sentence of the reports goes through the vocabulary's one translator
// hook.
using vocabulary::Tr;

// Formats a translated pattern ("{} sessions") with fmt. A translation whose pattern does not
// match its arguments must not stop a report from printing: the pattern is then returned as it
// is, which shows the mistake without losing the rest of the report.
template <typename... Args>
std::string Format(std::string_view pattern, const Args&... args) {
    try {
        return fmt::vformat(pattern, fmt::make_format_args(args...));
    } catch (const fmt::format_error&) {
        return std::string(pattern);
    }
}

inline std::string Join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string joined;
    for (const auto& part : parts) {
        if (!joined.empty()) {
            joined += separator;
        }
        joined += part;
    }
    return joined;
}

// The clinic's letterhead: the address one line per line (blank lines dropped), the contact
// "phone · email" with only the parts the clinic has.
inline Letterhead MakeLetterhead(const core::ClinicDetails& clinic) {
    Letterhead letterhead;
    letterhead.clinic_name = clinic.name;
    std::size_t start = 0;
    while (start <= clinic.address.size()) {
        std::size_t end = clinic.address.find('\n', start);
        if (end == std::string::npos) {
            end = clinic.address.size();
        }
        std::string line = clinic.address.substr(start, end - start);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) {
            line.pop_back();
        }
        if (!line.empty()) {
            letterhead.address_lines.push_back(std::move(line));
        }
        start = end + 1;
    }
    std::vector<std::string> contact;
    if (!clinic.phone.empty()) {
        contact.push_back(clinic.phone);
    }
    if (!clinic.email.empty()) {
        contact.push_back(clinic.email);
    }
    letterhead.contact = Join(contact, " · ");
    letterhead.logo_path = clinic.logo_path;
    return letterhead;
}

inline std::string PrintedText(const core::Date& today, const ReportLocale& locale) {
    // TRANSLATORS: in the footer of every page: "Printed 21 Nov 2026".
    return Format(Tr("Printed {}"), locale.Date(today));
}

inline std::string PageFormat() {
    // TRANSLATORS: in the footer of every page; keep {page} and {pages} as they are.
    return Tr("Page {page} of {pages}");
}

}  // namespace myodesk::reports
