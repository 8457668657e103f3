#include "gui_test_support.h"
#include "shell/demo_practice_offer.h"
#include "shell/main_frame.h"
#include "shell/settings.h"

#include <myodesk/db/client_repository.h>
#include <myodesk/db/database.h>
#include <myodesk/db/default_location.h>
#include <myodesk/db/staff_repository.h>

#include <boost/test/unit_test.hpp>
#include <wx/statusbr.h>

#include <filesystem>

using namespace myodesk;
using app::DemoOfferAnswer;
using app::DemoOfferFacts;
using app::ShouldOfferDemoPractice;
using app::test::Contains;
using app::test::DialogRecorder;
using app::test::Utf8;

namespace {

const core::Date kToday =
    core::Date{std::chrono::year{2026}, std::chrono::November, std::chrono::day{20}};

}  // namespace

BOOST_AUTO_TEST_SUITE(demo_practice_offer_tests)

BOOST_AUTO_TEST_CASE(the_demo_is_offered_only_on_an_empty_default_database) {
    BOOST_TEST(ShouldOfferDemoPractice({}));
    BOOST_TEST(ShouldOfferDemoPractice({false, 0, false}));
    BOOST_TEST(!ShouldOfferDemoPractice({false, 1, false}));  // real data: never
    BOOST_TEST(!ShouldOfferDemoPractice({false, 0, true}));   // declined once: never again
    BOOST_TEST(!ShouldOfferDemoPractice({true, 0, false}));   // --db: the user chose a database
    BOOST_TEST(!ShouldOfferDemoPractice({true, 5, true}));
}

BOOST_AUTO_TEST_CASE(declining_is_remembered) {
    app::Settings settings;
    BOOST_TEST(!settings.DemoPracticeDeclined());
    settings.SetDemoPracticeDeclined(true);
    BOOST_TEST(app::Settings().DemoPracticeDeclined());
    settings.SetDemoPracticeDeclined(false);
    BOOST_TEST(!app::Settings().DemoPracticeDeclined());
}

BOOST_AUTO_TEST_CASE(the_demo_lives_beside_the_default_database) {
    const std::filesystem::path demo(db::DemoDatabasePath());
    BOOST_TEST(demo.filename() == "demo.sqlite");
    BOOST_TEST(demo.parent_path() ==
               std::filesystem::path(db::DefaultDatabasePath()).parent_path());
    BOOST_TEST(db::DemoDatabasePath() != db::DefaultDatabasePath());
    const auto options = app::AppDemoPracticeOptions(kToday);
    BOOST_TEST(options.clients == 200);
    BOOST_TEST(options.years == 2);
    BOOST_TEST((options.today == kToday));
}

BOOST_AUTO_TEST_CASE(the_question_has_two_answers) {
    DialogRecorder::Instance().Reset();
    DialogRecorder::Instance().Answer(wxID_YES);
    BOOST_TEST((app::AskAboutDemoPractice(nullptr) == DemoOfferAnswer::kOpenDemo));
    DialogRecorder::Instance().Answer(wxID_NO);
    BOOST_TEST((app::AskAboutDemoPractice(nullptr) == DemoOfferAnswer::kStartEmpty));
    // Closing the box is not a yes.
    BOOST_TEST((app::AskAboutDemoPractice(nullptr) == DemoOfferAnswer::kStartEmpty));
    const auto& messages = DialogRecorder::Instance().Messages();
    BOOST_TEST_REQUIRE(messages.size() == 3u);
    BOOST_TEST(Contains(messages.front(), "demo practice"), Utf8(messages.front()));
    BOOST_TEST(Contains(messages.front(), "own file"));
    DialogRecorder::Instance().Reset();
}

BOOST_AUTO_TEST_CASE(the_demo_is_made_in_place_and_nothing_is_left_beside_it) {
    app::test::TempDir dir;
    const std::string path = (dir.Path() / "demo.sqlite").string();
    auto options = app::AppDemoPracticeOptions(kToday);
    options.clients = 25;
    BOOST_TEST_REQUIRE(app::CreateDemoPractice(nullptr, path, options, app::test::TestClock()));
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir.Path())) {
        files.push_back(entry.path().filename().string());
    }
    BOOST_TEST(files == std::vector<std::string>{"demo.sqlite"});
    db::Database database = db::OpenDatabase(path);
    BOOST_TEST(db::ClientRepository(database).Count(db::ArchiveFilter::kAll) == 25);
    BOOST_TEST(db::StaffRepository(database).List().size() == 2u);
    BOOST_TEST(DialogRecorder::Instance().Messages().empty());
}

BOOST_FIXTURE_TEST_CASE(the_window_says_it_shows_the_demo_practice, app::test::ClinicFrame) {
    Open(jane);
    BOOST_TEST(Utf8(frame->GetTitle()) == "MyoDesk");
    frame->SetDemoPractice(true);
    BOOST_TEST(frame->IsDemoPractice());
    BOOST_TEST(Utf8(frame->GetTitle()) == "MyoDesk — Demo practice");
    BOOST_TEST(Contains(frame->GetStatusBar()->GetStatusText(2), "Demo practice"));
    BOOST_REQUIRE(frame->OpenClient(ann.id));
    BOOST_TEST(Utf8(frame->GetTitle()) == "Ann Smith — MyoDesk demo practice");
    frame->ShowClientList();
    BOOST_TEST(Utf8(frame->GetTitle()) == "MyoDesk — Demo practice");
    frame->SetDemoPractice(false);
    BOOST_TEST(Utf8(frame->GetTitle()) == "MyoDesk");
    BOOST_TEST(!Contains(frame->GetStatusBar()->GetStatusText(2), "Demo practice"));
}

BOOST_AUTO_TEST_SUITE_END()
