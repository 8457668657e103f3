#pragma once

// Client lists exported by other programs (Jane, Cliniko, ClinicSense, SimplePractice, a
// spreadsheet) as CSV with a header row: each column mapped to a client field by its name
// ("First Name" → given_name), or as the user maps it, and each row read into a core::Client
// and checked as a client typed in would be. One strict reader: the limits, the mapping's
// problems and each row's problems are all reported before anything is saved.

#include <myodesk/core/client.h>
#include <myodesk/core/date.h>
#include <myodesk/core/validation.h>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace myodesk::core {

// What a column holds. Several columns may give a phone (the first one not empty is used) or
// notes (joined), and an address comes from its parts; every other field from one column.
enum class ClientCsvField {
    kIgnore,
    kGivenName,
    kFamilyName,
    kFullName,  // "Ann Smith" or "Smith, Ann"
    kPreferredName,
    kDateOfBirth,
    kPhone,
    kEmail,
    kAddress,  // the first line; the parts below are added on lines of their own
    kAddressLine2,
    kCity,
    kRegion,  // state, province, county
    kPostcode,
    kCountry,
    kEmergencyContactName,
    kEmergencyContactPhone,
    kPhysician,
    kReferralSource,
    kNotes,
};

// Every field, in the order above (the --map words and the GUI's choices).
std::vector<ClientCsvField> AllClientCsvFields();
// "given_name", "name", "ignore" …: the words of `--map COLUMN=FIELD`.
std::string_view ToCode(ClientCsvField field);
std::optional<ClientCsvField> ClientCsvFieldFromCode(std::string_view code);
// The field a column's name suggests, as the programs name them ("First Name", "Surname",
// "Mobile Phone", "Birthday", "Postal/Zip Code"); kIgnore for any other name.
ClientCsvField GuessClientCsvField(std::string_view column);

// How the file writes a date that is not YYYY-MM-DD: 03/04/1990 is 3 April (day first, as
// Jane in Canada and Cliniko write it) or March 4 (month first, as US programs do). kAuto
// decides from the file's own dates (a first number over 12 means day first) and refuses a
// file whose dates could be either.
enum class CsvDateOrder { kAuto, kDayFirst, kMonthFirst };

struct ClientCsvLimits {
    static constexpr std::size_t kMaxBytes = 20 * 1024 * 1024;
    static constexpr std::size_t kMaxRows = 50000;
    static constexpr std::size_t kMaxColumns = 200;
    static constexpr std::size_t kMaxCellCharacters = 10000;
};

struct ClientCsvColumn {
    std::string name;  // as the header has it
    ClientCsvField field = ClientCsvField::kIgnore;
};

struct ClientCsvRow {
    int line = 0;  // the file's line the row starts on
    Client client;
    ValidationProblems problems;  // ValidateClient's, by the client's field names
};

struct ClientCsvReading {
    std::vector<ClientCsvColumn> columns;
    std::vector<ClientCsvRow> rows;
    // Problems of the file as a whole: not CSV, over a limit, no header, a mapping that names
    // an unknown column or gives a field twice, no name column, dates that could be either
    // order. Fields: "file", "line N", "columns.<name>", "date_of_birth".
    ValidationProblems problems;
    CsvDateOrder date_order = CsvDateOrder::kAuto;  // the order the dates were read in
    bool Usable() const;                            // no file problem and no row problem
};

// Reads the text (UTF-8, a byte order mark allowed). `mapping` maps a header name to a field,
// in place of the guess for that column (names compared without case and spaces).
ClientCsvReading ReadClientCsv(std::string_view text,
                               const std::map<std::string, ClientCsvField>& mapping,
                               CsvDateOrder order, const Date& today);

}  // namespace myodesk::core
