// File ▸ Back up now… (issue 18): the practice copied into its backups folder, the user told
// where and what it holds; refused to a role without the right. File ▸ Restore from backup…:
// the backups listed, the one chosen checked and, once confirmed, handed to the app to restore
// over the practice; a damaged one refused before anything is asked.
#include "gui_test_support.h"
#include "shell/backup_settings_dialog.h"
#include "shell/main_frame.h"
#include "shell/passphrase_dialog.h"
#include "shell/restore_backup_dialog.h"

#include <myodesk/services/backup_service.h>
#include <myodesk/services/settings_service.h>

#include <boost/test/unit_test.hpp>
#include <wx/checkbox.h>
#include <wx/radiobut.h>
#include <wx/spinctrl.h>
#include <wx/textctrl.h>

#include <filesystem>
#include <fstream>
#include <vector>

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
    BOOST_TEST(Contains(messages.front(), "(archived ones too): 1"), Utf8(messages.front()));
    const auto listed = services::BackupService(context).List(std::nullopt);
    BOOST_TEST_REQUIRE(listed.size() == 1U);
    BOOST_TEST(Contains(messages.front(), listed.front().path.filename().string()));
    DialogRecorder::Instance().Reset();
}

BOOST_FIXTURE_TEST_CASE(restore_from_backup_checks_asks_then_hands_over, app::test::ClinicFrame) {
    DialogRecorder::Instance().Reset();
    Open(jane);
    const std::filesystem::path backup = services::BackupService(context).Create(std::nullopt).path;
    std::vector<std::filesystem::path> handed;
    frame->SetRestoreOverPractice([&handed](const std::filesystem::path& chosen,
                                            const std::optional<std::string>& passphrase) {
        BOOST_TEST(!passphrase.has_value());  // a plain backup asks for none
        handed.push_back(chosen);
    });
    BOOST_TEST(MenuEnabled(*frame, app::MainFrame::kIdRestoreBackup));

    // The list (its newest chosen), then "Replace the practice?": no, then yes.
    DialogRecorder::Instance().Answer(wxID_OK);
    DialogRecorder::Instance().Answer(wxID_NO);
    Command(*frame, app::MainFrame::kIdRestoreBackup);
    BOOST_TEST(handed.empty());
    DialogRecorder::Instance().Answer(wxID_OK);
    DialogRecorder::Instance().Answer(wxID_YES);
    Command(*frame, app::MainFrame::kIdRestoreBackup);
    BOOST_TEST_REQUIRE(handed.size() == 1U);
    BOOST_TEST(handed.front() == backup);
    const auto& messages = DialogRecorder::Instance().Messages();
    BOOST_TEST_REQUIRE(messages.size() == 4U);
    BOOST_TEST(Contains(messages[1], "Replace the practice with this backup?"), Utf8(messages[1]));
    BOOST_TEST(Contains(messages[1], "(archived ones too): 1"), Utf8(messages[1]));

    // A changed byte: refused with the reason, nothing handed over.
    {
        std::fstream bytes(backup, std::ios::in | std::ios::out | std::ios::binary);
        bytes.seekp(static_cast<std::streamoff>(std::filesystem::file_size(backup) / 2));
        bytes.put('\x7f');
    }
    DialogRecorder::Instance().Reset();
    DialogRecorder::Instance().Answer(wxID_OK);
    Command(*frame, app::MainFrame::kIdRestoreBackup);
    BOOST_TEST(handed.size() == 1U);
    BOOST_TEST_REQUIRE(DialogRecorder::Instance().Messages().size() == 2U);
    BOOST_TEST(Contains(DialogRecorder::Instance().Messages()[1], "has changed since"),
               Utf8(DialogRecorder::Instance().Messages()[1]));
    DialogRecorder::Instance().Reset();
}

BOOST_FIXTURE_TEST_CASE(a_server_practice_is_restored_only_into_a_new_database,
                        app::test::ClinicFrame) {
    Open(jane);
    // What File ▸ Restore from backup… shows a practice on a PostgreSQL server: no choice to
    // replace it, the one way offered a new, empty database.
    app::RestoreBackupDialog dialog(frame, {}, app::RestoreBackupDialog::kNewServerDatabase);
    std::vector<wxRadioButton*> shown;
    for (wxWindow* child : dialog.GetChildren()) {
        if (auto* radio = dynamic_cast<wxRadioButton*>(child); radio && radio->IsShown()) {
            shown.push_back(radio);
        }
    }
    BOOST_TEST_REQUIRE(shown.size() == 1U);
    BOOST_TEST(Contains(shown.front()->GetLabel(), "new, empty PostgreSQL database"),
               Utf8(shown.front()->GetLabel()));
    BOOST_TEST(dialog.IntoNewFile());
    BOOST_TEST(!dialog.Chosen().has_value());
}

BOOST_FIXTURE_TEST_CASE(the_status_bar_says_when_the_practice_was_last_backed_up,
                        app::test::ClinicFrame) {
    DialogRecorder::Instance().Reset();
    Open(jane);
    const auto backup_status = [this] { return frame->GetStatusBar()->GetStatusText(3); };
    BOOST_TEST(Contains(backup_status(), "Not backed up yet"), Utf8(backup_status()));
    BOOST_TEST(frame->RunAutomaticBackup("Daily backup"));
    BOOST_TEST(Contains(backup_status(), "Backed up:"), Utf8(backup_status()));
    BOOST_TEST(services::BackupService(context).List(std::nullopt).size() == 1U);
    BOOST_TEST(DialogRecorder::Instance().Messages().empty());
    DialogRecorder::Instance().Reset();
}

BOOST_FIXTURE_TEST_CASE(backup_settings_are_read_and_saved_from_the_dialog,
                        app::test::ClinicFrame) {
    Open(jane);
    core::BackupSettings settings;
    settings.keep_daily = 9;
    app::BackupSettingsDialog dialog(frame, settings, "/somewhere/backups");
    BOOST_TEST(dialog.Automatic()->GetValue());
    BOOST_TEST(dialog.KeepDaily()->GetValue() == 9);
    // The range is the setting's (backup.keep_daily: 1 to 366).
    BOOST_TEST(dialog.KeepDaily()->GetMin() == 1);
    BOOST_TEST(dialog.KeepDaily()->GetMax() == 366);
    dialog.Automatic()->SetValue(false);
    dialog.KeepDaily()->SetValue(3);
    const core::BackupSettings changed = dialog.GetSettings();
    BOOST_TEST(changed.automatic == 0);
    BOOST_TEST(changed.keep_daily == 3);
    BOOST_TEST(changed.keep_monthly == 12);

    // From the menu: OK saves what the dialog shows.
    services::SettingsService(context).SaveBackup(changed);
    DialogRecorder::Instance().Reset();
    DialogRecorder::Instance().Answer(wxID_OK);
    Command(*frame, app::MainFrame::kIdBackupSettings);
    BOOST_TEST((services::SettingsService(context).LoadBackup() == changed));
    BOOST_TEST(Contains(frame->GetStatusBar()->GetStatusText(3), "automatic backups are off"),
               Utf8(frame->GetStatusBar()->GetStatusText(3)));
    DialogRecorder::Instance().Reset();
}

BOOST_AUTO_TEST_CASE(a_passphrase_for_a_new_encrypted_backup_is_long_enough_and_typed_twice) {
    app::PassphraseDialog dialog(nullptr, app::PassphraseDialog::kNewBackup);
    dialog.First()->ChangeValue("short");
    BOOST_TEST(Contains(dialog.Problem(), "At least 8"), Utf8(dialog.Problem()));
    dialog.First()->ChangeValue("a long walk in the rain");
    dialog.Second()->ChangeValue("a long walk in the snow");
    BOOST_TEST(Contains(dialog.Problem(), "differ"), Utf8(dialog.Problem()));
    dialog.Second()->ChangeValue("a long walk in the rain");
    BOOST_TEST(dialog.Problem().empty());
    BOOST_TEST(dialog.Passphrase() == "a long walk in the rain");
}

BOOST_AUTO_TEST_SUITE_END()
