#include "gui_test_support.h"

#include "clients/client_dialog.h"
#include "clients/client_workspace_panel.h"
#include "clinic/clinic_details_dialog.h"
#include "intake/intake_dialog.h"
#include "plan/book_session_dialog.h"
#include "plan/move_session_dialog.h"
#include "plan/training_day_dialog.h"
#include "reports/clinic_summary_dialog.h"
#include "reports/period_dialog.h"
#include "sessions/amendment_dialog.h"
#include "sessions/session_note_dialog.h"
#include "sessions/session_note_view_dialog.h"
#include "sessions/unsigned_notes_dialog.h"
#include "shell/main_frame.h"
#include "staff/staff_dialog.h"
#include "staff/staff_member_dialog.h"
#include "staff/staff_picker_dialog.h"

#include <boost/test/unit_test.hpp>
#include <wx/app.h>
#include <wx/choice.h>
#include <wx/msgdlg.h>
#include <wx/textctrl.h>
#include <wx/toplevel.h>
#include <wx/uiaction.h>
#include <wx/utils.h>
#include <wx/weakref.h>

#include <cstdlib>
#include <stdexcept>
#include <string>
#include <utility>

namespace myodesk::app::test {

TempDir::TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "myodesk-gui-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
        throw std::runtime_error("cannot create a temporary folder");
    }
    m_path = pattern;
}

TempDir::~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
}

TempDatabase::TempDatabase()
    : m_database(std::make_unique<db::Database>(
          db::OpenDatabase((m_dir.Path() / "clients.sqlite").string()))) {}

core::Client MakeClient(std::string given, std::string family) {
    core::Client client;
    client.given_name = std::move(given);
    client.family_name = std::move(family);
    return client;
}

std::string Utf8(const wxString& text) {
    return text.utf8_string();
}

bool Contains(const wxString& text, std::string_view part) {
    return Utf8(text).find(part) != std::string::npos;
}

bool WaitFor(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > deadline) {
            return condition();
        }
        wxYield();
        wxMilliSleep(10);
    }
    return true;
}

void Pump(std::chrono::milliseconds duration) {
    const auto deadline = std::chrono::steady_clock::now() + duration;
    while (std::chrono::steady_clock::now() < deadline) {
        wxYield();
        wxMilliSleep(10);
    }
}

void DestroyAndWait(wxWindow* window) {
    wxWeakRef<wxWindow> alive(window);
    window->Destroy();
    WaitFor([&] { return !alive; });
}

bool RaiseAndWait(wxTopLevelWindow& window) {
    window.Raise();
    const bool shown = WaitFor([&] { return window.IsShownOnScreen(); });
    Pump(std::chrono::milliseconds(150));  // painted and focused
    return shown;
}

void ClickInto(wxUIActionSimulator& simulator, wxWindow* window) {
    const wxRect rect = window->GetScreenRect();
    simulator.MouseMove(rect.GetLeft() + rect.GetWidth() / 2, rect.GetTop() + rect.GetHeight() / 2);
    Pump(std::chrono::milliseconds(30));
    simulator.MouseClick();
    Pump(std::chrono::milliseconds(30));
}

void TypeInto(wxUIActionSimulator& simulator, wxTextCtrl* text, const char* typed) {
    ClickInto(simulator, text);
    simulator.Text(typed);
    WaitFor([&] { return text->GetValue() == typed; }, std::chrono::seconds(2));
}

void Choose(wxChoice* choice, int index) {
    choice->SetSelection(index);
    wxCommandEvent event(wxEVT_CHOICE, choice->GetId());
    event.SetEventObject(choice);
    event.SetInt(index);
    choice->ProcessWindowEvent(event);
}

const services::Clock& TestClock() {
    static const services::Clock clock =
        services::Clock::FixedOn(services::Clock::System().Today());
    return clock;
}

ClinicFrame::ClinicFrame() {
    DialogRecorder::Instance().Reset();
    ann = MakeClient("Ann", "Smith");
    clients.Add(ann);
    staff.Add(jane);
}

ClinicFrame::~ClinicFrame() {
    if (frame != nullptr) {
        DestroyAndWait(frame);
    }
}

void ClinicFrame::Open(std::optional<core::Staff> at_desk) {
    context.SetDesk({std::move(at_desk)});
    frame = new MainFrame(nullptr, context);
    frame->Show();
    BOOST_REQUIRE(RaiseAndWait(*frame));
}

ClientWorkspacePanel& ClinicFrame::Workspace() {
    return *frame->Workspace();
}

DialogRecorder& DialogRecorder::Instance() {
    static DialogRecorder recorder;
    return recorder;
}

void DialogRecorder::Reset() {
    m_answers.clear();
    m_messages.clear();
}

int DialogRecorder::Enter(wxDialog* dialog) {
    if (dynamic_cast<ClientDialog*>(dialog) != nullptr ||
        dynamic_cast<IntakeDialog*>(dialog) != nullptr ||
        dynamic_cast<SessionNoteDialog*>(dialog) != nullptr ||
        dynamic_cast<SessionNoteViewDialog*>(dialog) != nullptr ||
        dynamic_cast<AmendmentDialog*>(dialog) != nullptr ||
        dynamic_cast<StaffPickerDialog*>(dialog) != nullptr ||
        dynamic_cast<StaffMemberDialog*>(dialog) != nullptr ||
        dynamic_cast<StaffDialog*>(dialog) != nullptr ||
        dynamic_cast<UnsignedNotesDialog*>(dialog) != nullptr ||
        dynamic_cast<BookSessionDialog*>(dialog) != nullptr ||
        dynamic_cast<MoveSessionDialog*>(dialog) != nullptr ||
        dynamic_cast<TrainingDayDialog*>(dialog) != nullptr ||
        dynamic_cast<ClinicDetailsDialog*>(dialog) != nullptr ||
        dynamic_cast<ClinicSummaryDialog*>(dialog) != nullptr ||
        dynamic_cast<PeriodDialog*>(dialog) != nullptr) {
        return wxID_NONE;  // tests drive these themselves
    }
    wxString text = dialog->GetTitle();
    if (auto* message = dynamic_cast<wxMessageDialogBase*>(dialog)) {
        text = message->GetMessage() + "\n" + message->GetExtendedMessage();
    }
    m_messages.push_back(text);
    if (m_answers.empty()) {
        return wxID_CANCEL;
    }
    const int answer = m_answers.front();
    m_answers.pop_front();
    return answer;
}

void DialogRecorder::Exit(wxDialog*) {}

}  // namespace myodesk::app::test
