#include "../core/plan_test_data.h"
#include "report_test_support.h"

#include <myodesk/reports/clinic_summary.h>
#include <myodesk/reports/csv.h>

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <set>
#include <sstream>

using namespace myodesk;
using core::Region;
using core::Side;
using core::Technique;
using test::Note;
using test::Work;
using test::Ymd;

namespace {

// October to December 2026, a 90-day lapse window: from 3 Jul 2026.
reports::ClinicSummaryPeriod Quarter() {
    reports::ClinicSummaryPeriod period;
    period.from = Ymd(2026, 10, 1);
    period.to = Ymd(2026, 12, 31);
    period.today = Ymd(2026, 11, 21);
    period.lapse_window_days = 90;
    return period;
}

// A busy little clinic: therapists 1 and 2, clients 10-15.
std::vector<core::SessionNote> ClinicNotes() {
    std::vector<core::SessionNote> notes;
    notes.push_back(Note(1, 10, 1, Ymd(2026, 10, 2),
                         {Work(Region::kHamstrings, Side::kLeft, 6, 3),
                          Work(Region::kHamstrings, Side::kRight, 5, 3)},
                         {{Technique::kSports, 30}, {Technique::kDeepTissue, 20}}));
    notes.push_back(Note(2, 10, 1, Ymd(2026, 10, 9),
                         {Work(Region::kCalves, Side::kBilateral, 4, 2)},
                         {{Technique::kSports, 45}}));
    notes.push_back(Note(3, 11, 2, Ymd(2026, 10, 3),
                         {Work(Region::kCalves, Side::kLeft, std::nullopt, std::nullopt),
                          Work(Region::kGlutes, Side::kBilateral, std::nullopt, std::nullopt)},
                         {{Technique::kSwedish, 50}}));
    notes.push_back(Note(4, 12, 1, Ymd(2026, 12, 31), {Work(Region::kNeck, Side::kMidline, 2, 1)},
                         {{Technique::kMyofascial, 25}}));
    notes.back().duration_min = 30;
    notes.back().signed_at.clear();  // unsigned
    notes.push_back(Note(5, 13, 2, Ymd(2026, 10, 20)));
    notes.back().signed_at.clear();
    // Before the period, in the lapse window.
    notes.push_back(Note(6, 14, 2, Ymd(2026, 8, 1)));
    notes.back().signed_at.clear();  // not listed: not in the period
    notes.push_back(Note(7, 10, 1, Ymd(2026, 9, 1)));
    return notes;
}

reports::ClinicSummaryNames Names() {
    reports::ClinicSummaryNames names;
    names.clients = {{10, "Zoë O'Brien"},
                     {11, "=cmd"},
                     {12, "Seán Ó Sé"},
                     {13, "Ann Lee"},
                     {14, "Bríd Nic Amhlaoibh"}};
    names.staff = {{1, "Máire Ní Dhomhnaill"}, {2, "Tom Walsh"}};
    return names;
}

reports::ClinicSummary Summarise(const std::vector<core::SessionNote>& notes,
                                 reports::ClinicSummaryPeriod period = Quarter()) {
    reports::ClinicSummaryBuilder builder(period);
    builder.AddNotes(notes);
    return builder.Build();
}

std::vector<std::string> Texts(const reports::Table& table, std::size_t column) {
    std::vector<std::string> texts;
    for (const auto& row : table.rows) {
        texts.push_back(row.at(column));
    }
    return texts;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(clinic_summary_tests)

BOOST_AUTO_TEST_CASE(counts_sessions_minutes_therapists_techniques_and_regions) {
    const auto summary = Summarise(ClinicNotes());
    BOOST_TEST(summary.session_count == 5);
    BOOST_TEST(summary.total_minutes == 60 + 60 + 60 + 30 + 60);
    BOOST_TEST_REQUIRE(summary.by_therapist.size() == 2U);
    // Therapist 1: notes 1, 2, 4 (clients 10 and 12); therapist 2: notes 3 and 5.
    BOOST_TEST(summary.by_therapist[0].therapist_id == 1);
    BOOST_TEST(summary.by_therapist[0].sessions == 3);
    BOOST_TEST(summary.by_therapist[0].minutes == 150);
    BOOST_TEST(summary.by_therapist[0].clients == 2);
    BOOST_TEST(summary.by_therapist[1].therapist_id == 2);
    BOOST_TEST(summary.by_therapist[1].sessions == 2);
    BOOST_TEST(summary.by_therapist[1].clients == 2);
    // A session counts once per technique; a region once per session whatever the sides.
    BOOST_TEST(summary.technique_sessions.at(Technique::kSports) == 3);
    BOOST_TEST(summary.technique_sessions.at(Technique::kDeepTissue) == 1);
    BOOST_TEST(summary.technique_sessions.at(Technique::kSwedish) == 1);
    BOOST_TEST(summary.region_sessions.at(Region::kHamstrings) == 1);
    BOOST_TEST(summary.region_sessions.at(Region::kCalves) == 2);
    BOOST_TEST(summary.region_sessions.at(Region::kNeck) == 1);
    BOOST_TEST(summary.active_clients == 4);
}

BOOST_AUTO_TEST_CASE(a_technique_listed_twice_in_a_note_counts_once) {
    auto note =
        Note(1, 10, 1, Ymd(2026, 10, 2), {},
             {{Technique::kSports, 20}, {Technique::kSports, 20}, {Technique::kSwedish, 10}});
    const auto summary = Summarise({note});
    BOOST_TEST(summary.technique_sessions.at(Technique::kSports) == 1);
    BOOST_TEST(summary.technique_sessions.at(Technique::kSwedish) == 1);
    BOOST_TEST(summary.technique_sessions.size() == 2U);
}

BOOST_AUTO_TEST_CASE(notes_added_page_by_page_give_the_same_summary) {
    const auto notes = ClinicNotes();
    const auto once = Summarise(notes);
    reports::ClinicSummaryBuilder builder(Quarter());
    // Three pages, in another order.
    builder.AddNotes({notes[4], notes[6]});
    builder.AddNotes({});
    builder.AddNotes({notes[0], notes[5], notes[3]});
    builder.AddNotes({notes[2], notes[1]});
    const auto paged = builder.Build();
    BOOST_TEST(paged.session_count == once.session_count);
    BOOST_TEST(paged.total_minutes == once.total_minutes);
    BOOST_TEST(paged.active_clients == once.active_clients);
    BOOST_TEST(paged.lapsed_clients.size() == once.lapsed_clients.size());
    BOOST_TEST(paged.unsigned_notes.size() == once.unsigned_notes.size());
    BOOST_TEST((paged.technique_sessions == once.technique_sessions));
    BOOST_TEST((paged.region_sessions == once.region_sessions));
    // Everything the summary lists, compared through its CSV rows.
    BOOST_TEST((reports::ClinicSummaryTableRows(paged, Names()) ==
                reports::ClinicSummaryTableRows(once, Names())));
}

BOOST_AUTO_TEST_CASE(lapsed_clients_were_seen_in_the_window_and_not_in_the_period) {
    const auto period = Quarter();
    const core::Date window_start = core::AddDays(period.from, -period.lapse_window_days);
    std::vector<core::SessionNote> notes{
        Note(1, 20, 1, window_start),                     // exactly the window: lapsed
        Note(2, 21, 1, core::AddDays(window_start, -1)),  // a day earlier: not counted
        Note(3, 22, 1, core::AddDays(period.from, -1)),   // last day of the window: lapsed
        Note(4, 22, 1, core::AddDays(period.from, -20)),  // (an earlier visit of 22)
        Note(5, 23, 1, core::AddDays(period.from, -30)),  // seen before and in the period:
        Note(6, 23, 1, period.from),                      // active, not lapsed
        Note(7, 24, 1, period.to),                        // last day of the period: active
        Note(8, 25, 1, core::AddDays(period.to, 1)),      // after the period: ignored
    };
    const auto summary = Summarise(notes, period);
    BOOST_TEST(summary.active_clients == 2);
    BOOST_TEST(summary.session_count == 2);
    BOOST_TEST_REQUIRE(summary.lapsed_clients.size() == 2U);
    // Longest gone first, with the last session.
    BOOST_TEST(summary.lapsed_clients[0].client_id == 20);
    BOOST_TEST(summary.lapsed_clients[0].last_session == window_start);
    BOOST_TEST(summary.lapsed_clients[1].client_id == 22);
    BOOST_TEST(summary.lapsed_clients[1].last_session == core::AddDays(period.from, -1));

    const auto document = reports::ClinicSummaryDocument(summary, {}, {}, {});
    const auto lapsed = test::BlockAfter<reports::Table>(document, "Lapsed clients");
    BOOST_TEST_REQUIRE(lapsed.rows.size() == 2U);
    const std::vector<std::string> first{
        "Client #20", "3 Jul 2026", std::to_string(core::DaysBetween(window_start, period.today))};
    BOOST_TEST(lapsed.rows[0] == first, boost::test_tools::per_element());
}

// The lapse window given as each client's last date there (as the loader reads it) gives the
// same lapsed clients as its notes; both may be mixed, the latest date wins, and a date outside
// the window is ignored.
BOOST_AUTO_TEST_CASE(clients_seen_before_can_be_given_without_their_notes) {
    const auto period = Quarter();
    const core::Date window_start = core::AddDays(period.from, -period.lapse_window_days);
    reports::ClinicSummaryBuilder builder(period);
    builder.AddNotes(
        {Note(1, 23, 1, period.from), Note(2, 22, 1, core::AddDays(period.from, -40))});
    builder.AddSeenBefore(20, window_start);                     // lapsed
    builder.AddSeenBefore(21, core::AddDays(window_start, -1));  // a day earlier: not counted
    builder.AddSeenBefore(22, core::AddDays(period.from, -1));   // later than its note: wins
    builder.AddSeenBefore(22, core::AddDays(period.from, -60));  // earlier: ignored
    builder.AddSeenBefore(23, core::AddDays(period.from, -30));  // seen in the period: active
    builder.AddSeenBefore(24, period.from);                      // not before the period
    const auto summary = builder.Build();
    BOOST_TEST(summary.active_clients == 1);
    BOOST_TEST(summary.session_count == 1);
    BOOST_TEST_REQUIRE(summary.lapsed_clients.size() == 2U);
    BOOST_TEST(summary.lapsed_clients[0].client_id == 20);
    BOOST_TEST(summary.lapsed_clients[0].last_session == window_start);
    BOOST_TEST(summary.lapsed_clients[1].client_id == 22);
    BOOST_TEST(summary.lapsed_clients[1].last_session == core::AddDays(period.from, -1));
}

BOOST_AUTO_TEST_CASE(a_therapist_filter_ignores_other_therapists_entirely) {
    auto period = Quarter();
    period.therapist = 1;
    auto notes = ClinicNotes();
    // Client 14 was seen by therapist 2 before the period (note 6): not lapsed for therapist 1.
    // Client 11 was seen by therapist 1 before the period and by therapist 2 in it: lapsed for
    // therapist 1.
    notes.push_back(Note(8, 11, 1, Ymd(2026, 9, 10)));
    const auto summary = Summarise(notes, period);
    BOOST_TEST(summary.session_count == 3);
    BOOST_TEST(summary.total_minutes == 150);
    BOOST_TEST_REQUIRE(summary.by_therapist.size() == 1U);
    BOOST_TEST(summary.by_therapist[0].therapist_id == 1);
    BOOST_TEST(summary.active_clients == 2);
    BOOST_TEST_REQUIRE(summary.lapsed_clients.size() == 1U);
    BOOST_TEST(summary.lapsed_clients[0].client_id == 11);
    BOOST_TEST_REQUIRE(summary.unsigned_notes.size() == 1U);
    BOOST_TEST(summary.unsigned_notes[0].id == 4);
    BOOST_TEST(summary.technique_sessions.count(Technique::kSwedish) == 0U);

    const auto document = reports::ClinicSummaryDocument(summary, Names(), {}, {});
    BOOST_TEST(document.subtitle == "1 Oct 2026 – 31 Dec 2026 — Máire Ní Dhomhnaill");
    BOOST_TEST(document.footer_text == "Clinic summary 1 Oct 2026 – 31 Dec 2026");
    // Without a name for the therapist.
    BOOST_TEST(reports::ClinicSummaryDocument(summary, {}, {}, {}).subtitle ==
               "1 Oct 2026 – 31 Dec 2026 — Therapist #1");
}

BOOST_AUTO_TEST_CASE(unsigned_notes_in_the_period_are_listed_oldest_first) {
    const auto summary = Summarise(ClinicNotes());
    BOOST_TEST_REQUIRE(summary.unsigned_notes.size() == 2U);
    BOOST_TEST(summary.unsigned_notes[0].id == 5);
    BOOST_TEST(summary.unsigned_notes[0].date == Ymd(2026, 10, 20));
    BOOST_TEST(summary.unsigned_notes[0].client_id == 13);
    BOOST_TEST(summary.unsigned_notes[0].therapist_id == 2);
    BOOST_TEST(summary.unsigned_notes[1].id == 4);

    const auto document = reports::ClinicSummaryDocument(summary, Names(), {}, {});
    const auto table = test::BlockAfter<reports::Table>(document, "Unsigned notes");
    const std::vector<std::vector<std::string>> expected{
        {"20 Oct 2026", "Ann Lee", "Tom Walsh"},
        {"31 Dec 2026", "Seán Ó Sé", "Máire Ní Dhomhnaill"}};
    BOOST_TEST_REQUIRE(table.rows.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        BOOST_TEST(table.rows[i] == expected[i], boost::test_tools::per_element());
    }
}

BOOST_AUTO_TEST_CASE(long_lists_print_their_first_rows_and_leave_the_rest_to_the_csv) {
    // 60 unsigned notes and 51 new clients: the printed lists stop at 50 and say how many more;
    // the summary itself and its CSV keep every one.
    std::vector<core::SessionNote> notes;
    for (int i = 0; i < 60; ++i) {
        notes.push_back(Note(100 + i, 200 + i, 1, core::AddDays(Ymd(2026, 10, 1), i)));
        notes.back().signed_at.clear();
    }
    reports::ClinicSummaryBuilder builder(Quarter());
    builder.AddNotes(notes);
    std::vector<core::ClientId> new_clients;
    for (int i = 0; i < 51; ++i) {
        new_clients.push_back(200 + i);
    }
    builder.SetNewClients(new_clients);
    const auto summary = builder.Build();
    BOOST_TEST(summary.unsigned_notes.size() == 60U);
    const auto document = reports::ClinicSummaryDocument(summary, {}, {}, {});
    BOOST_TEST(test::BlockAfter<reports::Table>(document, "Unsigned notes").rows.size() ==
               reports::kClinicSummaryListedRows);
    BOOST_TEST(test::BlockAfter<reports::Table>(document, "New clients").rows.size() ==
               reports::kClinicSummaryListedRows);
    const auto small = test::ParagraphTexts(document, reports::ParagraphStyle::kSmall);
    BOOST_TEST(test::AnyContains(small, "… and 10 more: the CSV export lists them all."));
    BOOST_TEST(test::AnyContains(small, "… and 1 more: the CSV export lists them all."));
    const auto rows = reports::ClinicSummaryTableRows(summary, {});
    BOOST_TEST(std::count_if(rows.begin(), rows.end(), [](const reports::Row& row) {
                   return std::get<std::string>(row.at(0)) == "unsigned_notes";
               }) == 60);
}

BOOST_AUTO_TEST_CASE(new_clients_and_upcoming_sessions_are_kept_as_set) {
    reports::ClinicSummaryBuilder builder(Quarter());
    builder.AddNotes(ClinicNotes());
    builder.SetNewClients({12, 99});
    builder.SetUpcoming({{10, Ymd(2026, 12, 1), core::PlannedSessionStatus::kBooked, 17 * 60, 2},
                         {13, Ymd(2026, 11, 25), core::PlannedSessionStatus::kPlanned, std::nullopt,
                          std::nullopt}});
    const auto summary = builder.Build();
    BOOST_TEST(summary.new_clients == (std::vector<core::ClientId>{12, 99}),
               boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(summary.upcoming.size() == 2U);
    BOOST_TEST(summary.upcoming[0].client_id == 13);  // date order

    const auto document = reports::ClinicSummaryDocument(summary, Names(), {}, {});
    BOOST_TEST(Texts(test::BlockAfter<reports::Table>(document, "New clients"), 0) ==
                   (std::vector<std::string>{"Seán Ó Sé", "Client #99"}),
               boost::test_tools::per_element());
    const auto upcoming = test::BlockAfter<reports::Table>(document, "Planned sessions ahead");
    const std::vector<std::string> first{"25 Nov 2026", "", "Ann Lee", "", "Planned"};
    BOOST_TEST(upcoming.rows.at(0) == first, boost::test_tools::per_element());
    // A booked session says when and with whom.
    const std::vector<std::string> booked{"1 Dec 2026", "17:00", "Zoë O'Brien", "Tom Walsh",
                                          "Booked"};
    BOOST_TEST(upcoming.rows.at(1) == booked, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(the_document_shows_key_figures_tables_and_charts) {
    reports::ClinicSummaryBuilder builder(Quarter());
    builder.AddNotes(ClinicNotes());
    builder.SetNewClients({12});
    const auto summary = builder.Build();
    core::ClinicDetails clinic;
    clinic.name = "Liffey Sports Massage";
    clinic.email = "desk@liffey.ie";
    const auto document = reports::ClinicSummaryDocument(summary, Names(), clinic, {});
    BOOST_TEST(document.title == "Clinic summary");
    BOOST_TEST(document.subtitle == "1 Oct 2026 – 31 Dec 2026");
    BOOST_TEST(document.letterhead.contact == "desk@liffey.ie");
    BOOST_TEST(document.printed_text == "Printed 21 Nov 2026");

    const auto figures = test::BlockAfter<reports::FactList>(document, "Key figures");
    const std::vector<std::pair<std::string, std::string>> expected{
        {"Sessions", "5"},
        {"Hours of treatment", "4.5"},
        {"Active clients", "4"},
        {"New clients", "1"},
        {"Lapsed clients", "1"},
        {"Unsigned notes", "2"},
        {"Planned sessions ahead", "0"}};
    BOOST_TEST_REQUIRE(figures.facts.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        BOOST_TEST(figures.facts[i].first == expected[i].first);
        BOOST_TEST(figures.facts[i].second == expected[i].second);
    }

    const auto therapists = test::BlockAfter<reports::Table>(document, "Sessions by therapist");
    BOOST_TEST(therapists.columns.size() == 4U);
    const std::vector<std::string> first{"Máire Ní Dhomhnaill", "3", "2.5", "2"};
    BOOST_TEST(therapists.rows.at(0) == first, boost::test_tools::per_element());
    const auto therapist_chart =
        test::BlockAfter<reports::BarChart>(document, "Sessions by therapist");
    BOOST_TEST_REQUIRE(therapist_chart.bars.size() == 2U);
    BOOST_TEST(therapist_chart.bars[0].value == 3.0);

    const auto techniques = test::BlockAfter<reports::BarChart>(document, "Technique mix");
    BOOST_TEST_REQUIRE(techniques.bars.size() == 4U);
    BOOST_TEST(techniques.bars[0].label == "Sports massage");
    BOOST_TEST(techniques.bars[0].value_text == "3 (60%)");
    BOOST_TEST(techniques.bars[1].value_text == "1 (20%)");

    const auto regions = test::BlockAfter<reports::BarChart>(document, "Regions treated");
    BOOST_TEST(regions.bars.at(0).label == "Calves");
    BOOST_TEST(regions.bars.at(0).value_text == "2");

    const auto lapsed = test::BlockAfter<reports::Table>(document, "Lapsed clients");
    BOOST_TEST(lapsed.rows.at(0).at(0) == "Bríd Nic Amhlaoibh");
}

BOOST_AUTO_TEST_CASE(an_empty_period_gives_empty_tables_with_their_text) {
    reports::ClinicSummaryBuilder builder(Quarter());
    const auto summary = builder.Build();
    BOOST_TEST(summary.session_count == 0);
    BOOST_TEST(summary.active_clients == 0);
    const auto document = reports::ClinicSummaryDocument(summary, {}, {}, {});
    const auto tables = test::BlocksOf<reports::Table>(document);
    BOOST_TEST(tables.size() == 6U);  // the appointments too
    for (const auto& table : tables) {
        BOOST_TEST(table.rows.empty());
        BOOST_TEST(!table.empty_text.empty());
        BOOST_TEST(!table.columns.empty());
    }
    const auto charts = test::BlocksOf<reports::BarChart>(document);
    BOOST_TEST(charts.size() == 3U);
    for (const auto& chart : charts) {
        BOOST_TEST(chart.bars.empty());
        BOOST_TEST(!chart.empty_text.empty());
    }
    BOOST_TEST(test::BlockAfter<reports::Table>(document, "Unsigned notes").empty_text ==
               "Every note in the period is signed");
    // The CSV still has its totals.
    const auto rows = reports::ClinicSummaryTableRows(summary, {});
    BOOST_TEST(rows.size() == 7U);
}

BOOST_AUTO_TEST_CASE(attendance_counts_kept_missed_and_late_and_utilisation) {
    reports::ClinicSummaryBuilder builder(Quarter());
    const auto appointment = [](core::StaffId therapist, int day, core::AppointmentStatus status,
                                int minutes = 60) {
        core::Appointment made;
        made.therapist_id = therapist;
        made.date = Ymd(2026, 11, static_cast<unsigned>(day));
        made.status = status;
        made.duration_min = minutes;
        return made;
    };
    using S = core::AppointmentStatus;
    builder.AddAppointments({appointment(1, 2, S::kCompleted), appointment(1, 3, S::kCompleted),
                             appointment(1, 4, S::kArrived, 30), appointment(1, 5, S::kNoShow),
                             appointment(1, 6, S::kLateCancelled), appointment(1, 7, S::kCancelled),
                             appointment(2, 2, S::kBooked, 45)});
    // Outside the quarter: not counted.
    core::Appointment later = appointment(1, 2, S::kNoShow);
    later.date = Ymd(2027, 3, 1);
    builder.AddAppointments({later});
    builder.SetWorkingMinutes(1, 600);
    builder.SetWorkingMinutes(3, 600);  // no appointments: not listed
    const auto summary = builder.Build();
    BOOST_TEST_REQUIRE(summary.attendance.size() == 2U);
    const reports::TherapistAttendance& maire = summary.attendance[0];
    BOOST_TEST(maire.appointments == 6);
    BOOST_TEST(maire.attended == 3);
    BOOST_TEST(maire.no_shows == 1);
    BOOST_TEST(maire.late_cancellations == 1);
    BOOST_TEST(maire.cancellations == 1);
    BOOST_TEST(maire.booked_minutes == 60 + 60 + 30 + 60);  // the no-show kept its slot
    BOOST_TEST(summary.attendance[1].working_minutes == 0);

    const auto document = reports::ClinicSummaryDocument(summary, Names(), {}, {});
    const auto table = test::BlockAfter<reports::Table>(document, "Appointments");
    BOOST_REQUIRE(table.rows.size() == 2U);
    const std::vector<std::string> first{
        "Máire Ní Dhomhnaill", "6", "3 (60%)", "1 (20%)", "1 (20%)", "35%"};
    BOOST_TEST(table.rows[0] == first, boost::test_tools::per_element());
    BOOST_TEST(table.rows[1].at(5) == "no hours set");
}

BOOST_AUTO_TEST_CASE(csv_rows_have_sections_numbers_and_neutralised_names) {
    reports::ClinicSummaryBuilder builder(Quarter());
    builder.AddNotes(ClinicNotes());
    builder.SetNewClients({11});
    builder.SetUpcoming({{11, Ymd(2026, 11, 25), core::PlannedSessionStatus::kBooked, 9 * 60, 1}});
    core::Appointment kept;
    kept.therapist_id = 1;
    kept.date = Ymd(2026, 11, 2);
    kept.status = core::AppointmentStatus::kCompleted;
    builder.AddAppointments({kept});
    const auto summary = builder.Build();
    const auto header = reports::ClinicSummaryTableHeader();
    BOOST_TEST(header.at(0) == "section");
    BOOST_TEST(header.at(1) == "item");
    BOOST_TEST(header.at(2) == "value");
    const auto rows = reports::ClinicSummaryTableRows(summary, Names());

    std::set<std::string> sections;
    for (const auto& row : rows) {
        BOOST_TEST_REQUIRE(row.size() == header.size());
        sections.insert(std::get<std::string>(row[0]));
    }
    const std::set<std::string> expected_sections{"totals",         "therapists", "attendance",
                                                  "techniques",     "regions",    "clients",
                                                  "unsigned_notes", "upcoming"};
    BOOST_TEST(sections == expected_sections, boost::test_tools::per_element());

    const auto find = [&](const std::string& section, const std::string& item) {
        for (const auto& row : rows) {
            if (row[0] == reports::Cell(section) && row[1] == reports::Cell(item)) {
                return row;
            }
        }
        throw std::runtime_error("no row " + section + "/" + item);
    };
    BOOST_TEST((find("totals", "sessions")[2] == reports::Cell(std::int64_t{5})));
    BOOST_TEST((find("totals", "minutes")[2] == reports::Cell(std::int64_t{270})));
    const auto therapist = find("therapists", "Máire Ní Dhomhnaill");
    BOOST_TEST((therapist[2] == reports::Cell(std::int64_t{3})));
    BOOST_TEST((therapist[3] == reports::Cell(std::int64_t{1})));
    BOOST_TEST((therapist[5] == reports::Cell(std::int64_t{150})));
    BOOST_TEST((therapist[6] == reports::Cell(std::int64_t{2})));
    BOOST_TEST((find("techniques", "sports")[2] == reports::Cell(std::int64_t{3})));
    BOOST_TEST((find("regions", "calves")[2] == reports::Cell(std::int64_t{2})));
    const auto lapsed = find("clients", "Bríd Nic Amhlaoibh");
    BOOST_TEST((lapsed[8] == reports::Cell(std::string("lapsed"))));
    BOOST_TEST((lapsed[4] == reports::Cell(std::string("2026-08-01"))));
    BOOST_TEST((lapsed[2] == reports::Cell(std::int64_t{112})));
    const auto new_client = find("clients", "=cmd");
    BOOST_TEST((new_client[8] == reports::Cell(std::string("new"))));
    BOOST_TEST((new_client[3] == reports::Cell(std::int64_t{11})));
    const auto upcoming = find("upcoming", "=cmd");
    BOOST_TEST((upcoming[8] == reports::Cell(std::string("booked"))));
    BOOST_TEST((upcoming[4] == reports::Cell(std::string("2026-11-25"))));

    // Written out, the formula-like name is neutralised, and numbers are plain numbers.
    std::ostringstream out;
    reports::CsvWriter writer(out, reports::ByteOrderMark::kOmit);
    writer.WriteRow(header);
    for (const auto& row : rows) {
        writer.WriteRow(row);
    }
    const std::string csv = out.str();
    BOOST_TEST(csv.find("clients,'=cmd,,11,,,,,new\r\n") != std::string::npos);
    BOOST_TEST(csv.find("totals,sessions,5,") != std::string::npos);
    BOOST_TEST(csv.find(",=cmd") == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
