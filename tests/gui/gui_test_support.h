#pragma once

#include <myodesk/core/client.h>
#include <myodesk/core/staff.h>
#include <myodesk/db/client_repository.h>
#include <myodesk/db/database.h>
#include <myodesk/db/staff_repository.h>
#include <myodesk/services/context.h>

#include <wx/modalhook.h>
#include <wx/string.h>
#include <wx/window.h>

class wxChoice;
class wxTextCtrl;
class wxTopLevelWindow;
class wxUIActionSimulator;

#include <chrono>
#include <deque>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace myodesk::app {
class ClientWorkspacePanel;
class MainFrame;
}  // namespace myodesk::app

namespace myodesk::app::test {

// A fresh folder under the system temp dir, removed with everything in it.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& Path() const { return m_path; }

  private:
    std::filesystem::path m_path;
};

// A new, migrated SQLite database in its own temp folder.
class TempDatabase {
  public:
    TempDatabase();
    db::Database& Get() { return *m_database; }

  private:
    TempDir m_dir;
    std::unique_ptr<db::Database> m_database;
};

core::Client MakeClient(std::string given, std::string family);

// The clock the GUI tests run on: fixed at noon of the day the run started, so that "today"
// is one day for the whole run. Windows get it through their services::Context.
const services::Clock& TestClock();

// A wx string as UTF-8, to compare with literals and print in test messages; whether it
// contains `part`.
std::string Utf8(const wxString& text);
bool Contains(const wxString& text, std::string_view part);

// Runs the event loop until `condition` holds or `timeout` passes; returns the condition.
bool WaitFor(const std::function<bool()>& condition,
             std::chrono::milliseconds timeout = std::chrono::seconds(3));

// Lets pending events run for about `duration`.
void Pump(std::chrono::milliseconds duration);

// Destroys a top-level window and waits until it is really gone (wx deletes it later).
void DestroyAndWait(wxWindow* window);

// Raises a shown top-level window and waits until it is on screen, painted and focused;
// false when it never comes on screen.
bool RaiseAndWait(wxTopLevelWindow& window);

// Moves the pointer to the middle of a window and clicks: without a window manager, X
// keyboard focus may follow the pointer, so every typed text starts with a click.
void ClickInto(wxUIActionSimulator& simulator, wxWindow* window);

// Clicks into a text control, types into it as a person does and waits until it shows.
void TypeInto(wxUIActionSimulator& simulator, wxTextCtrl* text, const char* typed);

// Chooses an item of a choice as the user does: the selection, then the event the control
// sends.
void Choose(wxChoice* choice, int index);

// The main window on its own database with a client, Ann Smith, and a therapist, Jane Doe:
// the base of a fixture, which adds what its tests need to the database and then opens the
// window. The window is destroyed with the fixture.
struct ClinicFrame {
    TempDatabase database;
    services::Context context{database.Get(), TestClock()};
    db::ClientRepository clients{database.Get()};
    db::StaffRepository staff{database.Get()};
    core::Client ann;
    core::Staff jane{0, "Jane Doe", core::StaffRole::kTherapist, true};
    MainFrame* frame = nullptr;

    ClinicFrame();
    ~ClinicFrame();
    ClinicFrame(const ClinicFrame&) = delete;
    ClinicFrame& operator=(const ClinicFrame&) = delete;

    // Shows the main window with `at_desk` at the desk (the context's desk session) and waits
    // until it is on screen.
    void Open(std::optional<core::Staff> at_desk);
    ClientWorkspacePanel& Workspace();
};

// Stands in for the user in front of message boxes: every modal dialog other than the ones
// a test drives itself (our own dialogs: ClientDialog, IntakeDialog, SessionNoteDialog…) is
// answered at once with the next queued answer
// (wxID_CANCEL when none is queued) and its text is recorded. A test can never hang on a
// message box.
class DialogRecorder : public wxModalDialogHook {
  public:
    static DialogRecorder& Instance();

    void Answer(int id) { m_answers.push_back(id); }
    const std::vector<wxString>& Messages() const { return m_messages; }
    void Reset();

  protected:
    int Enter(wxDialog* dialog) override;
    void Exit(wxDialog* dialog) override;

  private:
    std::deque<int> m_answers;
    std::vector<wxString> m_messages;
};

}  // namespace myodesk::app::test
