#include <myodesk/core/client_validation.h>
#include <myodesk/core/text.h>

#include <algorithm>

namespace myodesk::core {

namespace {

class ProblemCollector {
  public:
    void Text(std::string_view field, std::string_view value, std::size_t limit,
              bool multi_line = false) {
        CheckText(m_problems, field, value, limit, multi_line ? TextLines::kMany : TextLines::kOne);
    }

    void Add(std::string_view field, ProblemCode code) {
        m_problems.push_back({std::string(field), code});
    }

    bool HasProblemWith(std::string_view field) const {
        return std::any_of(m_problems.begin(), m_problems.end(),
                           [&](const ValidationProblem& p) { return p.field == field; });
    }

    ValidationProblems Take() { return std::move(m_problems); }

  private:
    ValidationProblems m_problems;
};

}  // namespace

bool IsPlausibleEmail(std::string_view email) {
    const auto at = email.find('@');
    if (at == std::string_view::npos || at == 0 ||
        email.find('@', at + 1) != std::string_view::npos) {
        return false;
    }
    if (std::any_of(email.begin(), email.end(), [](char c) {
            return c == ' ' || c == '\t' || c == ',' || c == ';' || c == '<' || c == '>';
        })) {
        return false;
    }
    const auto domain = email.substr(at + 1);
    const auto dot = domain.rfind('.');
    return dot != std::string_view::npos && dot > 0 && dot + 2 <= domain.size() &&
           domain.find("..") == std::string_view::npos && domain.front() != '.';
}

bool IsPlausiblePhone(std::string_view phone) {
    // Digits with the usual separators; "ext" or "x" may introduce an extension.
    std::string_view number = phone;
    for (std::string_view marker : {"ext.", "ext", "x"}) {
        const auto pos = number.find(marker);
        if (pos != std::string_view::npos) {
            const auto extension = number.substr(pos + marker.size());
            if (DigitsOnly(extension).empty() ||
                DigitsOnly(extension).size() != Trim(extension).size()) {
                return false;
            }
            number = number.substr(0, pos);
            break;
        }
    }
    const bool only_phone_characters = std::all_of(number.begin(), number.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == ' ' || c == '+' || c == '-' || c == '(' || c == ')' ||
               c == '.' || c == '/';
    });
    const auto plus = number.find('+');
    const bool plus_only_first =
        plus == std::string_view::npos || plus == number.find_first_not_of(' ');
    const auto digits = DigitsOnly(number).size();
    return only_phone_characters && plus_only_first && number.rfind('+') == plus && digits >= 5 &&
           digits <= 17;
}

ValidationProblems ValidateClient(const Client& client, const Date& today) {
    namespace f = client_field;
    ProblemCollector problems;

    problems.Text(f::kGivenName, client.given_name, ClientLimits::kName);
    problems.Text(f::kFamilyName, client.family_name, ClientLimits::kName);
    if (Trim(client.given_name).empty() && Trim(client.family_name).empty()) {
        problems.Add(f::kGivenName, ProblemCode::kRequired);
    }
    problems.Text(f::kPreferredName, client.preferred_name, ClientLimits::kName);

    if (client.date_of_birth) {
        const Date& born = *client.date_of_birth;
        if (born > today) {
            problems.Add(f::kDateOfBirth, ProblemCode::kInFuture);
        } else if (born < YearsBefore(today, ClientLimits::kMaxAgeYears) ||
                   born < DateLimits::kEarliest) {
            problems.Add(f::kDateOfBirth, ProblemCode::kTooFarInPast);
        }
    }

    const auto check_phone = [&](std::string_view field, const std::string& phone) {
        problems.Text(field, phone, ClientLimits::kPhone);
        if (!Trim(phone).empty() && !problems.HasProblemWith(field) &&
            !IsPlausiblePhone(Trim(phone))) {
            problems.Add(field, ProblemCode::kInvalidPhone);
        }
    };
    check_phone(f::kPhone, client.phone);

    problems.Text(f::kEmail, client.email, ClientLimits::kEmail);
    if (!Trim(client.email).empty() && !problems.HasProblemWith(f::kEmail) &&
        !IsPlausibleEmail(Trim(client.email))) {
        problems.Add(f::kEmail, ProblemCode::kInvalidEmail);
    }

    problems.Text(f::kAddress, client.address, ClientLimits::kAddress, /*multi_line=*/true);
    problems.Text(f::kEmergencyContactName, client.emergency_contact_name,
                  ClientLimits::kContactName);
    check_phone(f::kEmergencyContactPhone, client.emergency_contact_phone);
    problems.Text(f::kPhysician, client.physician, ClientLimits::kPhysician);
    problems.Text(f::kReferralSource, client.referral_source, ClientLimits::kReferralSource);
    problems.Text(f::kNotes, client.notes, ClientLimits::kNotes, /*multi_line=*/true);
    return problems.Take();
}

}  // namespace myodesk::core
