// Client lists from other programs (core::ReadClientCsv): the columns each program writes,
// guessed; the user's mapping; dates day or month first; the limits; each row checked as a
// client typed in would be.
#include <myodesk/core/client_csv.h>

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <ostream>
#include <string>

namespace myodesk::core {

// For Boost.Test's messages.
std::ostream& operator<<(std::ostream& out, ClientCsvField field) {
    return out << ToCode(field);
}
std::ostream& operator<<(std::ostream& out, CsvDateOrder order) {
    return out << static_cast<int>(order);
}

}  // namespace myodesk::core

using namespace myodesk;
using core::ClientCsvField;
using core::CsvDateOrder;

namespace {

const core::Date kToday{std::chrono::year{2026}, std::chrono::December, std::chrono::day{7}};

core::ClientCsvReading Read(const std::string& text, CsvDateOrder order = CsvDateOrder::kAuto,
                            const std::map<std::string, ClientCsvField>& mapping = {}) {
    return core::ReadClientCsv(text, mapping, order, kToday);
}

bool HasProblem(const core::ValidationProblems& problems, const std::string& field,
                core::ProblemCode code) {
    return std::any_of(problems.begin(), problems.end(), [&](const auto& problem) {
        return problem.field == field && problem.code == code;
    });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(client_csv)

BOOST_AUTO_TEST_CASE(column_names_of_the_programs_are_guessed) {
    BOOST_TEST(core::GuessClientCsvField("First Name") == ClientCsvField::kGivenName);
    BOOST_TEST(core::GuessClientCsvField("last_name") == ClientCsvField::kFamilyName);
    BOOST_TEST(core::GuessClientCsvField("Surname") == ClientCsvField::kFamilyName);
    BOOST_TEST(core::GuessClientCsvField("Preferred first name") == ClientCsvField::kPreferredName);
    BOOST_TEST(core::GuessClientCsvField("Birthday") == ClientCsvField::kDateOfBirth);
    BOOST_TEST(core::GuessClientCsvField("DOB") == ClientCsvField::kDateOfBirth);
    BOOST_TEST(core::GuessClientCsvField("Mobile Phone") == ClientCsvField::kPhone);
    BOOST_TEST(core::GuessClientCsvField("E-mail") == ClientCsvField::kEmail);
    BOOST_TEST(core::GuessClientCsvField("Postal/Zip Code") == ClientCsvField::kPostcode);
    BOOST_TEST(core::GuessClientCsvField("Address 1") == ClientCsvField::kAddress);
    BOOST_TEST(core::GuessClientCsvField("Patient Name") == ClientCsvField::kFullName);
    BOOST_TEST(core::GuessClientCsvField("Referred by") == ClientCsvField::kReferralSource);
    BOOST_TEST(core::GuessClientCsvField("Fax") == ClientCsvField::kIgnore);
    for (const auto field : core::AllClientCsvFields()) {
        BOOST_TEST((core::ClientCsvFieldFromCode(core::ToCode(field)) == field));
    }
    BOOST_TEST(!core::ClientCsvFieldFromCode("surname").has_value());
}

BOOST_AUTO_TEST_CASE(a_jane_style_list_reads_into_clients) {
    const auto reading = Read(
        "\xEF\xBB\xBF"
        "First Name,Last Name,Email,Mobile Phone,Home Phone,Date of Birth,Address,City,"
        "Province,Postal Code,Fax\r\n"
        "Ann,Smith,ann@example.org,,604 555 0101,13/04/1990,12 Main St,Vancouver,BC,V5K 0A1,x\r\n"
        "\"O'Brien, Jr\",\"Matt \"\"Mo\"\"\",,+1 604 555 0102,,02/05/1985,,,,,\r\n");
    BOOST_TEST_REQUIRE(reading.Usable());
    BOOST_TEST(reading.date_order == CsvDateOrder::kDayFirst);  // 13/04 can only be day first
    BOOST_REQUIRE(reading.rows.size() == 2U);
    const auto& ann = reading.rows[0].client;
    BOOST_TEST(reading.rows[0].line == 2);
    BOOST_TEST(ann.given_name == "Ann");
    BOOST_TEST(ann.family_name == "Smith");
    BOOST_TEST(ann.phone == "604 555 0101");  // the first phone column with a number
    BOOST_TEST(ann.address == "12 Main St\nVancouver, BC V5K 0A1");
    BOOST_TEST(core::FormatIsoDate(*ann.date_of_birth) == "1990-04-13");
    const auto& matt = reading.rows[1].client;
    BOOST_TEST(matt.given_name == "O'Brien, Jr");
    BOOST_TEST(matt.family_name == "Matt \"Mo\"");
    BOOST_TEST(core::FormatIsoDate(*matt.date_of_birth) == "1985-05-02");
}

BOOST_AUTO_TEST_CASE(dates_that_could_be_either_order_need_the_order) {
    const std::string text = "Name,Birthday\nAnn Smith,03/04/1990\nBob Jones,1985-12-01\n";
    const auto unsure = Read(text);
    BOOST_TEST(!unsure.Usable());
    BOOST_TEST(HasProblem(unsure.problems, "date_of_birth", core::ProblemCode::kInvalidDate));
    const auto us = Read(text, CsvDateOrder::kMonthFirst);
    BOOST_TEST_REQUIRE(us.Usable());
    BOOST_TEST(core::FormatIsoDate(*us.rows[0].client.date_of_birth) == "1990-03-04");
    BOOST_TEST(us.rows[0].client.given_name == "Ann");
    BOOST_TEST(us.rows[0].client.family_name == "Smith");
    BOOST_TEST(core::FormatIsoDate(*us.rows[1].client.date_of_birth) == "1985-12-01");
    const auto both = Read("Name,DOB\nA B,13/04/1990\nC D,04/13/1990\n");
    BOOST_TEST(HasProblem(both.problems, "date_of_birth", core::ProblemCode::kContradicts));
}

BOOST_AUTO_TEST_CASE(the_mapping_overrides_the_guess) {
    const std::string text = "Client,Kind of referral,Fax\nAnn Smith,Strava club,1\n";
    const auto mapped = Read(
        text, CsvDateOrder::kAuto,
        {{"kind of referral", ClientCsvField::kReferralSource}, {"FAX", ClientCsvField::kNotes}});
    BOOST_TEST_REQUIRE(mapped.Usable());
    BOOST_TEST(mapped.rows[0].client.referral_source == "Strava club");
    BOOST_TEST(mapped.rows[0].client.notes == "1");
    const auto unknown = Read(text, CsvDateOrder::kAuto, {{"Nope", ClientCsvField::kNotes}});
    BOOST_TEST(HasProblem(unknown.problems, "columns.nope", core::ProblemCode::kUnknownCode));
    const auto twice = Read("First,Given name,Last\nA,B,C\n");
    BOOST_TEST(HasProblem(twice.problems, "columns.Given name", core::ProblemCode::kDuplicate));
    const auto nameless = Read("Email,Phone\na@example.org,1\n");
    BOOST_TEST(HasProblem(nameless.problems, "columns.given_name", core::ProblemCode::kRequired));
}

BOOST_AUTO_TEST_CASE(each_row_is_checked_as_a_client_typed_in) {
    const auto reading = Read(
        "First Name,Last Name,Email,Date of Birth\n"
        "Ann,Smith,not-an-email,1990-04-13\n"
        ",,a@example.org,\n"
        "Cal,Lee,,2030-01-01\n"
        "Dee,Moe,,1990-02-30\n");
    BOOST_TEST(!reading.Usable());
    BOOST_REQUIRE(reading.rows.size() == 4U);
    BOOST_TEST(HasProblem(reading.rows[0].problems, "email", core::ProblemCode::kInvalidEmail));
    BOOST_TEST(HasProblem(reading.rows[1].problems, "given_name", core::ProblemCode::kRequired));
    BOOST_TEST(HasProblem(reading.rows[2].problems, "date_of_birth", core::ProblemCode::kInFuture));
    BOOST_TEST(
        HasProblem(reading.rows[3].problems, "date_of_birth", core::ProblemCode::kInvalidDate));
}

BOOST_AUTO_TEST_CASE(limits_and_broken_csv_are_refused) {
    BOOST_TEST(HasProblem(Read("").problems, "file", core::ProblemCode::kRequired));
    BOOST_TEST(
        HasProblem(Read("Name\n\xff\xfe\n").problems, "file", core::ProblemCode::kInvalidText));
    BOOST_TEST(HasProblem(Read("Name\n\"Ann Smith\n").problems, "line 2",
                          core::ProblemCode::kInvalidText));
    std::string many = "Name\n";
    for (std::size_t i = 0; i <= core::ClientCsvLimits::kMaxRows; ++i) {
        many += "A B\n";
    }
    BOOST_TEST(HasProblem(Read(many).problems, "file", core::ProblemCode::kTooMany));
    const std::string long_cell(core::ClientCsvLimits::kMaxCellCharacters + 1, 'a');
    BOOST_TEST(HasProblem(Read("Name\n" + long_cell + "\n").problems, "line 2",
                          core::ProblemCode::kTooLong));
    const auto extra = Read("First,Last\nA,B,C\n");
    BOOST_TEST(HasProblem(extra.rows[0].problems, "columns", core::ProblemCode::kTooMany));
}

BOOST_AUTO_TEST_SUITE_END()
