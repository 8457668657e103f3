#include "reporting_test_data.h"
#include "test_database.h"

#include <myodesk/reports/pdf_renderer.h>
#include <myodesk/services/report_loader.h>

#include <boost/test/unit_test.hpp>

#include <cstdint>
#include <ostream>
#include <vector>

using namespace myodesk;
using test::Day;

namespace {

// One call of the progress callback.
struct Call {
    std::int64_t done = 0;
    std::int64_t total = 0;
    friend bool operator==(const Call&, const Call&) = default;
    friend std::ostream& operator<<(std::ostream& out, const Call& call) {
        return out << call.done << " of " << call.total;
    }
};
using Calls = std::vector<Call>;

// October 2026, seen from 1 November.
reports::ClinicSummaryPeriod October() {
    reports::ClinicSummaryPeriod period;
    period.from = Day("2026-10-01");
    period.to = Day("2026-10-31");
    period.today = Day("2026-11-01");
    period.lapse_window_days = 90;
    return period;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report_loader_tests)

// The period's notes are read in chunks, with progress before the first and after each one
// (the total is the period's notes); the lapse window gives each client's last date there.
MYODESK_DB_TEST(the_clinic_summary_reads_the_period_in_chunks_with_progress) {
    auto database = test_db.Open();
    const test::BusyClinic clinic(database);
    constexpr std::int64_t kPeriodNotes = test::BusyClinic::kBusySessions + 1;

    Calls calls;
    const auto loaded = services::LoadClinicSummary(database, October(),
                                                    [&](std::int64_t done, std::int64_t total) {
                                                        calls.push_back({done, total});
                                                        return true;
                                                    });
    BOOST_TEST(
        calls == (Calls{{0, kPeriodNotes}, {500, kPeriodNotes}, {kPeriodNotes, kPeriodNotes}}),
        boost::test_tools::per_element());

    const auto& summary = loaded.summary;
    BOOST_TEST(summary.session_count == kPeriodNotes);
    BOOST_TEST(summary.total_minutes == 25 * kPeriodNotes);
    BOOST_TEST(summary.technique_sessions.at(core::Technique::kSports) == kPeriodNotes);
    BOOST_TEST(summary.region_sessions.at(core::Region::kCalves) == kPeriodNotes);
    BOOST_TEST(summary.active_clients == 2);
    BOOST_TEST_REQUIRE(summary.lapsed_clients.size() == 1u);
    BOOST_TEST(summary.lapsed_clients[0].client_id == clinic.gone);
    BOOST_TEST((summary.lapsed_clients[0].last_session == Day("2026-09-12")));
    BOOST_TEST(summary.new_clients == std::vector<core::ClientId>{clinic.busy},
               boost::test_tools::per_element());
    BOOST_TEST(loaded.names.clients.at(clinic.gone) == "Gone Runner");
    BOOST_TEST(loaded.names.staff.at(clinic.bo) == "Bo Ærø");

    // Bo's: one session; Gone lapsed from him, Back was seen before and in the period.
    auto bos = October();
    bos.therapist = clinic.bo;
    const auto his = services::LoadClinicSummary(database, bos).summary;
    BOOST_TEST(his.session_count == 1);
    BOOST_TEST(his.active_clients == 1);
    BOOST_TEST_REQUIRE(his.lapsed_clients.size() == 1u);
    BOOST_TEST(his.lapsed_clients[0].client_id == clinic.gone);
    // Ann saw Earlier before the lapse window only: nobody lapsed from her.
    auto anns = October();
    anns.therapist = clinic.ann;
    BOOST_TEST(services::LoadClinicSummary(database, anns).summary.lapsed_clients.empty());
}

// Cancel stops the reading where it is: before the first chunk, or after any.
MYODESK_DB_TEST(a_cancelled_clinic_summary_stops_reading) {
    auto database = test_db.Open();
    const test::BusyClinic clinic(database);
    for (const std::size_t cancel_at : {std::size_t{0}, std::size_t{1}}) {
        Calls calls;
        BOOST_CHECK_THROW(services::LoadClinicSummary(database, October(),
                                                      [&](std::int64_t done, std::int64_t total) {
                                                          calls.push_back({done, total});
                                                          return calls.size() <= cancel_at;
                                                      }),
                          reports::RenderCancelled);
        BOOST_TEST(calls.size() == cancel_at + 1);
        BOOST_TEST(calls.back().done == (cancel_at == 0 ? 0 : 500));
    }
}

BOOST_AUTO_TEST_SUITE_END()
