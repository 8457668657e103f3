// Client lists from other programs' CSV exports (core/client_csv.h).
#include <myodesk/core/client_csv.h>
#include <myodesk/core/client_validation.h>
#include <myodesk/core/csv_text.h>
#include <myodesk/core/text.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <span>
#include <tuple>
#include <utility>

namespace myodesk::core {

namespace {

using F = ClientCsvField;

constexpr std::array<std::pair<F, std::string_view>, 19> kCodes{{
    {F::kIgnore, "ignore"},
    {F::kGivenName, "given_name"},
    {F::kFamilyName, "family_name"},
    {F::kFullName, "name"},
    {F::kPreferredName, "preferred_name"},
    {F::kDateOfBirth, "date_of_birth"},
    {F::kPhone, "phone"},
    {F::kEmail, "email"},
    {F::kAddress, "address"},
    {F::kAddressLine2, "address_line_2"},
    {F::kCity, "city"},
    {F::kRegion, "region"},
    {F::kPostcode, "postcode"},
    {F::kCountry, "country"},
    {F::kEmergencyContactName, "emergency_contact_name"},
    {F::kEmergencyContactPhone, "emergency_contact_phone"},
    {F::kPhysician, "physician"},
    {F::kReferralSource, "referral_source"},
    {F::kNotes, "notes"},
}};

// Column names as the programs and spreadsheets write them, folded (lower case, letters and
// digits only). The phones are in the order they are preferred in.
constexpr std::array<std::pair<std::string_view, F>, 62> kGuesses{{
    {"firstname", F::kGivenName},
    {"givenname", F::kGivenName},
    {"first", F::kGivenName},
    {"forename", F::kGivenName},
    {"clientfirstname", F::kGivenName},
    {"patientfirstname", F::kGivenName},
    {"lastname", F::kFamilyName},
    {"familyname", F::kFamilyName},
    {"surname", F::kFamilyName},
    {"last", F::kFamilyName},
    {"clientlastname", F::kFamilyName},
    {"patientlastname", F::kFamilyName},
    {"name", F::kFullName},
    {"fullname", F::kFullName},
    {"clientname", F::kFullName},
    {"patientname", F::kFullName},
    {"client", F::kFullName},
    {"patient", F::kFullName},
    {"preferredname", F::kPreferredName},
    {"preferredfirstname", F::kPreferredName},
    {"nickname", F::kPreferredName},
    {"goesby", F::kPreferredName},
    {"dateofbirth", F::kDateOfBirth},
    {"dob", F::kDateOfBirth},
    {"birthdate", F::kDateOfBirth},
    {"birthday", F::kDateOfBirth},
    {"mobile", F::kPhone},
    {"mobilephone", F::kPhone},
    {"mobilenumber", F::kPhone},
    {"cellphone", F::kPhone},
    {"cell", F::kPhone},
    {"phone", F::kPhone},
    {"phonenumber", F::kPhone},
    {"phonenumbers", F::kPhone},
    {"telephone", F::kPhone},
    {"homephone", F::kPhone},
    {"workphone", F::kPhone},
    {"email", F::kEmail},
    {"emailaddress", F::kEmail},
    {"address", F::kAddress},
    {"address1", F::kAddress},
    {"addressline1", F::kAddress},
    {"street", F::kAddress},
    {"streetaddress", F::kAddress},
    {"address2", F::kAddressLine2},
    {"addressline2", F::kAddressLine2},
    {"city", F::kCity},
    {"town", F::kCity},
    {"state", F::kRegion},
    {"province", F::kRegion},
    {"provincestate", F::kRegion},
    {"county", F::kRegion},
    {"postcode", F::kPostcode},
    {"postalcode", F::kPostcode},
    {"zip", F::kPostcode},
    {"zipcode", F::kPostcode},
    {"postalzipcode", F::kPostcode},
    {"country", F::kCountry},
    {"emergencycontact", F::kEmergencyContactName},
    {"emergencycontactname", F::kEmergencyContactName},
    {"emergencycontactphone", F::kEmergencyContactPhone},
    {"referralsource", F::kReferralSource},
}};

constexpr std::array<std::pair<std::string_view, F>, 10> kMoreGuesses{{
    {"emergencyphone", F::kEmergencyContactPhone},
    {"emergencycontactnumber", F::kEmergencyContactPhone},
    {"physician", F::kPhysician},
    {"doctor", F::kPhysician},
    {"familydoctor", F::kPhysician},
    {"gp", F::kPhysician},
    {"referredby", F::kReferralSource},
    {"notes", F::kNotes},
    {"note", F::kNotes},
    {"comments", F::kNotes},
}};

// Lower case ASCII letters and digits only: "Postal/Zip Code" → "postalzipcode".
std::string FoldName(std::string_view name) {
    std::string folded;
    for (const char c : name) {
        const auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte) != 0 && byte < 0x80) {
            folded.push_back(static_cast<char>(std::tolower(byte)));
        }
    }
    return folded;
}

bool TakesSeveralColumns(F field) {
    return field == F::kPhone || field == F::kNotes;
}

void Problem(ValidationProblems& problems, std::string field, ProblemCode code,
             std::size_t limit = 0) {
    ValidationProblem problem;
    problem.field = std::move(field);
    problem.code = code;
    problem.limit = limit;
    problems.push_back(std::move(problem));
}

// A date as the file writes it: YYYY-MM-DD or YYYY/MM/DD always; A/B/YYYY (also with - or .)
// as `order` says. The numbers of an A/B/YYYY date are returned for kAuto to decide.
struct SplitDate {
    int first = 0;
    int second = 0;
    int year = 0;
    bool year_first = false;
};

std::optional<SplitDate> SplitDateText(std::string_view text) {
    std::array<int, 3> parts{};
    std::array<std::size_t, 3> lengths{};
    std::size_t part = 0;
    std::size_t at = 0;
    while (part < 3) {
        const char* begin = text.data() + at;
        const char* end = text.data() + text.size();
        int value = 0;
        const auto [next, error] = std::from_chars(begin, end, value);
        if (error != std::errc() || next == begin) {
            return std::nullopt;
        }
        parts[part] = value;
        lengths[part] = static_cast<std::size_t>(next - begin);
        at = static_cast<std::size_t>(next - text.data());
        ++part;
        if (part < 3) {
            if (at >= text.size() || (text[at] != '/' && text[at] != '-' && text[at] != '.')) {
                return std::nullopt;
            }
            ++at;
        }
    }
    if (at != text.size()) {
        return std::nullopt;
    }
    if (lengths[0] == 4 && lengths[1] <= 2 && lengths[2] <= 2) {
        return SplitDate{parts[1], parts[2], parts[0], true};
    }
    if (lengths[0] <= 2 && lengths[1] <= 2 && lengths[2] == 4) {
        return SplitDate{parts[0], parts[1], parts[2], false};
    }
    return std::nullopt;
}

std::optional<Date> MakeDate(int year, int month, int day) {
    const Date date{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                    std::chrono::day{static_cast<unsigned>(day)}};
    if (month < 1 || day < 1 || !date.ok()) {
        return std::nullopt;
    }
    return date;
}

std::optional<Date> ReadDate(const SplitDate& split, CsvDateOrder order) {
    if (split.year_first) {
        return MakeDate(split.year, split.first, split.second);
    }
    return order == CsvDateOrder::kMonthFirst ? MakeDate(split.year, split.first, split.second)
                                              : MakeDate(split.year, split.second, split.first);
}

// "Smith, Ann" → Ann / Smith; "Ann Marie Smith" → Ann Marie / Smith; "Cher" → Cher / "".
std::pair<std::string, std::string> SplitFullName(const std::string& name) {
    if (const auto comma = name.find(','); comma != std::string::npos) {
        return {Trim(name.substr(comma + 1)), Trim(name.substr(0, comma))};
    }
    const auto space = name.rfind(' ');
    if (space == std::string::npos) {
        return {name, {}};
    }
    return {Trim(name.substr(0, space)), Trim(name.substr(space + 1))};
}

void AppendLine(std::string& text, const std::string& line) {
    if (line.empty()) {
        return;
    }
    if (!text.empty()) {
        text += '\n';
    }
    text += line;
}

}  // namespace

std::vector<ClientCsvField> AllClientCsvFields() {
    std::vector<ClientCsvField> fields;
    for (const auto& [field, code] : kCodes) {
        fields.push_back(field);
    }
    return fields;
}

std::string_view ToCode(ClientCsvField field) {
    for (const auto& [known, code] : kCodes) {
        if (known == field) {
            return code;
        }
    }
    return "ignore";
}

std::optional<ClientCsvField> ClientCsvFieldFromCode(std::string_view code) {
    for (const auto& [field, known] : kCodes) {
        if (known == code) {
            return field;
        }
    }
    return std::nullopt;
}

ClientCsvField GuessClientCsvField(std::string_view column) {
    const std::string folded = FoldName(column);
    for (const auto& table : {std::span<const std::pair<std::string_view, F>>(kGuesses),
                              std::span<const std::pair<std::string_view, F>>(kMoreGuesses)}) {
        for (const auto& [name, field] : table) {
            if (name == folded) {
                return field;
            }
        }
    }
    return F::kIgnore;
}

bool ClientCsvReading::Usable() const {
    return problems.empty() && std::all_of(rows.begin(), rows.end(), [](const ClientCsvRow& row) {
               return row.problems.empty();
           });
}

ClientCsvReading ReadClientCsv(std::string_view text,
                               const std::map<std::string, ClientCsvField>& mapping,
                               CsvDateOrder order, const Date& today) {
    ClientCsvReading reading;
    auto& problems = reading.problems;
    if (text.size() > ClientCsvLimits::kMaxBytes) {
        Problem(problems, "file", ProblemCode::kTooLong, ClientCsvLimits::kMaxBytes);
        return reading;
    }
    if (text.substr(0, 3) == "\xEF\xBB\xBF") {
        text.remove_prefix(3);
    }
    if (!IsValidUtf8(text)) {
        Problem(problems, "file", ProblemCode::kInvalidText);
        return reading;
    }
    const std::vector<CsvRecord> records = SplitCsv(text);
    if (records.empty()) {
        Problem(problems, "file", ProblemCode::kRequired);
        return reading;
    }
    if (records.size() - 1 > ClientCsvLimits::kMaxRows) {
        Problem(problems, "file", ProblemCode::kTooMany, ClientCsvLimits::kMaxRows);
        return reading;
    }
    for (const auto& record : records) {
        if (record.malformed) {
            Problem(problems, fmt::format("line {}", record.line), ProblemCode::kInvalidText);
        }
        if (record.cells.size() > ClientCsvLimits::kMaxColumns) {
            Problem(problems, fmt::format("line {}", record.line), ProblemCode::kTooMany,
                    ClientCsvLimits::kMaxColumns);
        }
        for (const auto& cell : record.cells) {
            if (Utf8Length(cell) > ClientCsvLimits::kMaxCellCharacters) {
                Problem(problems, fmt::format("line {}", record.line), ProblemCode::kTooLong,
                        ClientCsvLimits::kMaxCellCharacters);
                break;
            }
        }
    }
    if (!problems.empty()) {
        return reading;
    }

    // The header: each column's field, from the mapping or guessed.
    std::map<std::string, ClientCsvField> mapped;
    for (const auto& [name, field] : mapping) {
        mapped[FoldName(name)] = field;
    }
    std::map<std::string, bool> used;
    for (const auto& cell : records.front().cells) {
        const std::string name = Trim(cell);
        const std::string folded = FoldName(name);
        const auto given = mapped.find(folded);
        const ClientCsvField field =
            given != mapped.end() ? given->second : GuessClientCsvField(name);
        if (given != mapped.end()) {
            used[folded] = true;
        }
        reading.columns.push_back({name, field});
    }
    for (const auto& [folded, field] : mapped) {
        if (!used[folded]) {
            Problem(problems, fmt::format("columns.{}", folded), ProblemCode::kUnknownCode);
        }
    }
    std::map<ClientCsvField, int> fields;
    for (const auto& column : reading.columns) {
        if (column.field != F::kIgnore && ++fields[column.field] == 2 &&
            !TakesSeveralColumns(column.field)) {
            Problem(problems, fmt::format("columns.{}", column.name), ProblemCode::kDuplicate);
        }
    }
    const bool names = fields.count(F::kFullName) != 0 ||
                       (fields.count(F::kGivenName) != 0 && fields.count(F::kFamilyName) != 0);
    if (!names) {
        Problem(problems, "columns.given_name", ProblemCode::kRequired);
    }

    // The dates' order, from the file when not given.
    const auto column_of = [&](ClientCsvField field) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < reading.columns.size(); ++i) {
            if (reading.columns[i].field == field) {
                return i;
            }
        }
        return std::nullopt;
    };
    const auto birth_column = column_of(F::kDateOfBirth);
    reading.date_order = order;
    if (birth_column && order == CsvDateOrder::kAuto) {
        bool day_first = false;
        bool month_first = false;
        bool ambiguous = false;
        for (std::size_t r = 1; r < records.size(); ++r) {
            const auto& cells = records[r].cells;
            if (*birth_column >= cells.size()) {
                continue;
            }
            const auto split = SplitDateText(Trim(cells[*birth_column]));
            if (!split || split->year_first) {
                continue;
            }
            day_first = day_first || (split->first > 12 && split->second <= 12);
            month_first = month_first || (split->second > 12 && split->first <= 12);
            ambiguous = ambiguous || (split->first <= 12 && split->second <= 12 &&
                                      split->first != split->second);
        }
        if (day_first && month_first) {
            Problem(problems, "date_of_birth", ProblemCode::kContradicts);
        } else if (day_first) {
            reading.date_order = CsvDateOrder::kDayFirst;
        } else if (month_first) {
            reading.date_order = CsvDateOrder::kMonthFirst;
        } else if (ambiguous) {
            Problem(problems, "date_of_birth", ProblemCode::kInvalidDate);
        }
    }

    for (std::size_t r = 1; r < records.size(); ++r) {
        const auto& record = records[r];
        ClientCsvRow row;
        row.line = record.line;
        if (record.cells.size() > reading.columns.size()) {
            Problem(row.problems, "columns", ProblemCode::kTooMany, reading.columns.size());
        }
        Client& client = row.client;
        std::string city_line;
        std::string region_line;
        std::string street;
        std::string street_2;
        std::string country;
        std::string birth;
        for (std::size_t i = 0; i < record.cells.size() && i < reading.columns.size(); ++i) {
            const std::string value = Trim(record.cells[i]);
            if (value.empty()) {
                continue;
            }
            switch (reading.columns[i].field) {
                case F::kIgnore:
                    break;
                case F::kGivenName:
                    client.given_name = value;
                    break;
                case F::kFamilyName:
                    client.family_name = value;
                    break;
                case F::kFullName:
                    std::tie(client.given_name, client.family_name) = SplitFullName(value);
                    break;
                case F::kPreferredName:
                    client.preferred_name = value;
                    break;
                case F::kDateOfBirth:
                    birth = value;
                    break;
                case F::kPhone:
                    if (client.phone.empty()) {
                        client.phone = value;
                    }
                    break;
                case F::kEmail:
                    client.email = value;
                    break;
                case F::kAddress:
                    street = value;
                    break;
                case F::kAddressLine2:
                    street_2 = value;
                    break;
                case F::kCity:
                    city_line = value;
                    break;
                case F::kRegion:
                    region_line = value;
                    break;
                case F::kPostcode:
                    region_line = region_line.empty() ? value : region_line + " " + value;
                    break;
                case F::kCountry:
                    country = value;
                    break;
                case F::kEmergencyContactName:
                    client.emergency_contact_name = value;
                    break;
                case F::kEmergencyContactPhone:
                    client.emergency_contact_phone = value;
                    break;
                case F::kPhysician:
                    client.physician = value;
                    break;
                case F::kReferralSource:
                    client.referral_source = value;
                    break;
                case F::kNotes:
                    AppendLine(client.notes, value);
                    break;
            }
        }
        AppendLine(client.address, street);
        AppendLine(client.address, street_2);
        AppendLine(client.address, city_line.empty() || region_line.empty()
                                       ? city_line + region_line
                                       : city_line + ", " + region_line);
        AppendLine(client.address, country);
        if (!birth.empty()) {
            const auto split = SplitDateText(birth);
            const auto date = split ? ReadDate(*split, reading.date_order) : std::nullopt;
            if (!date) {
                Problem(row.problems, "date_of_birth", ProblemCode::kInvalidDate);
            } else {
                client.date_of_birth = date;
            }
        }
        for (auto& problem : ValidateClient(client, today)) {
            row.problems.push_back(std::move(problem));
        }
        reading.rows.push_back(std::move(row));
    }
    return reading;
}

}  // namespace myodesk::core
