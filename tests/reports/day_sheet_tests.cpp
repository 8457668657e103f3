// The day sheet as a document: a page per therapist or all on one, the appointments in a table
// with the flag and the desk's notes, and a day with nobody on it said in words.

#include "report_test_support.h"

#include <myodesk/reports/day_sheet.h>

#include <boost/test/unit_test.hpp>

#include <string>
#include <variant>
#include <vector>

using namespace myodesk;
using reports::DaySheet;
using reports::DaySheetAppointment;

namespace {

DaySheet TwoTherapists() {
    DaySheet sheet;
    sheet.date = test::Ymd(2026, 12, 7);
    sheet.today = sheet.date;
    reports::DaySheetTherapist ann;
    ann.name = "Ann Byrne";
    ann.hours = "09:00–13:00, 14:00–18:00";
    DaySheetAppointment ada;
    ada.start_minute = 9 * 60;
    ada.duration_min = 60;
    ada.client = "Ada Lovelace";
    ada.service = "Sports massage 60";
    ada.room = "Room 1";
    ada.flag = DaySheetAppointment::Flag::kAbsolute;
    ada.notes = "Prefers the late slot";
    ada.in_series = true;
    ann.appointments.push_back(ada);
    reports::DaySheetTherapist bo;
    bo.name = "Bo Ek";
    bo.day_off = true;
    sheet.therapists = {ann, bo};
    return sheet;
}

template <typename Kind>
std::vector<const Kind*> All(const reports::Document& document) {
    std::vector<const Kind*> found;
    for (const reports::Block& block : document.blocks) {
        if (const auto* kind = std::get_if<Kind>(&block)) {
            found.push_back(kind);
        }
    }
    return found;
}

reports::ReportLocale Locale() {
    return reports::MakeReportLocale(core::ClinicDetails{}, core::DistanceUnit::kKm);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(day_sheet)

BOOST_AUTO_TEST_CASE(a_page_per_therapist_with_the_days_appointments) {
    const reports::Document document =
        reports::DaySheetDocument(TwoTherapists(), core::ClinicDetails{}, Locale());
    BOOST_TEST(document.title == "Day sheet");
    BOOST_TEST(document.subtitle.rfind("Monday ", 0) == 0u, document.subtitle);
    BOOST_TEST(All<reports::PageBreak>(document).size() == 1u);
    const auto headings = All<reports::Heading>(document);
    BOOST_REQUIRE(headings.size() == 2u);
    BOOST_TEST(headings[1]->text == "Bo Ek");
    const auto tables = All<reports::Table>(document);
    BOOST_REQUIRE(tables.size() == 2u);
    BOOST_REQUIRE(tables[0]->rows.size() == 1u);
    const auto& row = tables[0]->rows[0];
    BOOST_TEST(row[0] == "09:00–10:00\nrepeats");
    BOOST_TEST(row[1] == "Ada Lovelace");
    BOOST_TEST(row[2] == "Sports massage 60\nRoom 1");
    BOOST_TEST(row[3] == "Booked");
    BOOST_TEST(row[4] == "Contraindication: no massage, refer\nPrefers the late slot");
    BOOST_TEST(tables[1]->rows.empty());
    const auto paragraphs = All<reports::Paragraph>(document);
    BOOST_REQUIRE(paragraphs.size() == 2u);
    BOOST_TEST(paragraphs[0]->text == "Hours: 09:00–13:00, 14:00–18:00 · 1 appointment");
    BOOST_TEST(paragraphs[1]->text == "Hours: Day off · 0 appointments");
}

BOOST_AUTO_TEST_CASE(all_on_one_sheet_and_an_empty_day) {
    DaySheet sheet = TwoTherapists();
    sheet.page_per_therapist = false;
    BOOST_TEST(
        All<reports::PageBreak>(reports::DaySheetDocument(sheet, core::ClinicDetails{}, Locale()))
            .empty());
    sheet.therapists.clear();
    const auto empty = reports::DaySheetDocument(sheet, core::ClinicDetails{}, Locale());
    const auto paragraphs = All<reports::Paragraph>(empty);
    BOOST_REQUIRE(paragraphs.size() == 1u);
    BOOST_TEST(paragraphs[0]->text == "Nobody works on this day and nothing is booked.");
}

BOOST_AUTO_TEST_SUITE_END()
