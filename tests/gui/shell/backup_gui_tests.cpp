// File ▸ Back up now… (issue 18): the practice copied into its backups folder, the user told
// where and what it holds; refused to a role without the right.
#include "gui_test_support.h"
#include "shell/main_frame.h"

#include <myodesk/services/backup_service.h>

#include <boost/test/unit_test.hpp>

#include <filesystem>

using namespace myodesk;
using app::test::Contains;
using app::test::DialogRecorder;
using app::test::Utf8;

namespace {

void Command(app::MainFrame& frame, int id) {
    wxCommandEvent event(wxEVT_MENU, id);
    event.SetEventObject(&frame);
    frame.ProcessWindowEvent(event);
}

bool MenuEnabled(app::MainFrame& frame, int id) {
    wxUpdateUIEvent event(id);
    event.SetEventObject(&frame);
    frame.ProcessWindowEvent(event);
    return !event.GetSetEnabled() || event.GetEnabled();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(backup_gui_tests)

BOOST_FIXTURE_TEST_CASE(back_up_now_copies_the_practice_and_says_where, app::test::ClinicFrame) {
    DialogRecorder::Instance().Reset();
    Open(jane);
    BOOST_TEST(MenuEnabled(*frame, app::MainFrame::kIdBackUpNow));
    Command(*frame, app::MainFrame::kIdBackUpNow);

    const auto& messages = DialogRecorder::Instance().Messages();
    BOOST_TEST_REQUIRE(messages.size() == 1U);
    BOOST_TEST(Contains(messages.front(), "backed up and the copy checked"),
               Utf8(messages.front()));
    BOOST_TEST(Contains(messages.front(), "Clients: 1"), Utf8(messages.front()));
    const auto listed = services::BackupService(context).List(std::nullopt);
    BOOST_TEST_REQUIRE(listed.size() == 1U);
    BOOST_TEST(Contains(messages.front(), listed.front().path.filename().string()));
    DialogRecorder::Instance().Reset();
}

BOOST_AUTO_TEST_SUITE_END()
