#pragma once

#include <myodesk/core/client.h>
#include <myodesk/core/staff.h>
#include <myodesk/db/client_repository.h>
#include <myodesk/db/database.h>
#include <myodesk/db/staff_repository.h>
#include <myodesk/services/context.h>

#include <wx/defs.h>
#include <wx/modalhook.h>
#include <wx/string.h>
#include <wx/window.h>

class wxCheckBox;
class wxChoice;
class wxTextCtrl;
class wxTopLevelWindow;

#include <chrono>
#include <cstdint>
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

// --- Waiting ------------------------------------------------------------------------------
// A test never waits for a fixed time: it runs the event loop until what it needs holds (a
// window shown and laid out, a control enabled, a row present, a dialog open or closed). The
// bound is generous, so that a slow or busy machine is never the reason a test fails; it is
// reached only when the awaited thing never happens, and the error then names it.
inline constexpr std::chrono::seconds kWaitBound{60};

// Runs the event loop until `condition` holds and returns true; at the bound, reports an
// error "timed out waiting until <what>" and returns false. Safe inside a dialog's event loop
// (it reports, it does not throw).
bool WaitUntil(std::string_view what, const std::function<bool()>& condition,
               std::chrono::milliseconds bound = kWaitBound);

// How many times the application has gone idle (every pending event handled); and a wait
// until it has done so `passes` more times.
std::uint64_t IdlePasses();
bool WaitForIdle(int passes = 2);

// The window a person would recognise in a message: its class, label and name.
std::string Describe(const wxWindow* window);

// Destroys a top-level window and waits until it is really gone (wx deletes it later).
void DestroyAndWait(wxWindow* window);

// Raises a shown top-level window and waits until it is on screen, laid out with a non-zero
// size and has the keyboard focus (without a window manager, raising is what gives it the X
// input focus); false, with an error, when that never happens.
bool RaiseAndWait(wxTopLevelWindow& window);

// Waits until `window` is shown, laid out with a non-zero size, and stays where it is through
// a few idle passes (its layout has settled).
bool WaitUntilLaidOut(wxWindow* window);

// Waits until the keyboard focus is on `window` or inside it.
bool WaitUntilFocusIn(wxWindow* window);

// --- Acting -------------------------------------------------------------------------------
// Presses a button as its handler sees a click (a wxEVT_BUTTON from the button), once the
// button is shown and enabled: for a test in which the click itself is not what is tested.
// Returns once the handler has returned (a modal dialog it opens has run its course); false,
// with an error, when the button never became pressable.
bool Press(wxWindow* button);

// Clicks as a person does at `where` (screen coordinates, asked again until they hold still)
// on `window`: first waits until the window is shown, enabled, laid out, at that point and
// still, and its top-level window has the focus; then moves the pointer there, waits until it
// is there and clicks. Never a double click by accident: a click on the same spot soon after
// the last one first waits out the double-click time. The caller waits for the click's
// effect. False, with an error, when the window never became clickable.
bool ClickAt(wxWindow* window, const std::function<wxPoint()>& where);

// Clicks the middle of `window` (see ClickAt). Without a window manager, X keyboard focus may
// follow the pointer, so every typed text starts with a click.
bool ClickInto(wxWindow* window);

// Clicks `window` at `where` (or its middle) until `effect` holds, as a person clicks again
// when a click did nothing: X has been seen to drop a click on a settled control (a list row,
// a check box) now and then, even on an idle machine. Up to three clicks, each followed by a
// wait of up to 15 s for the effect; false, with `what` named, when none had it.
bool ClickUntil(wxWindow* window, const std::function<wxPoint()>& where, std::string_view what,
                const std::function<bool()>& effect);
bool ClickUntil(wxWindow* window, std::string_view what, const std::function<bool()>& effect);

// Clicks into a text control, waits until it has the focus, types into it as a person does
// and waits until it shows what was typed.
bool TypeInto(wxTextCtrl* text, const char* typed);

// Presses a key (with modifiers) on the window that has the focus, as a person does, and
// waits until the key is released again there (so its key-down has been handled) or until
// `done` holds (a key that closes or switches the window sends its release elsewhere).
bool PressKey(int key, int modifiers = wxMOD_NONE, const std::function<bool()>& done = {});

// Chooses an item of a choice as the user does: the selection, then the event the control
// sends.
void Choose(wxChoice* choice, int index);
// Ticks or clears a check box as a click does (its handlers run).
void Tick(wxCheckBox* box, bool value);

// The main window on its own database with a client, Ann Smith, and a therapist, Jane Doe:
// the base of a fixture, which adds what its tests need to the database and then opens the
// window. The window is destroyed with the fixture.
struct ClinicFrame {
    TempDatabase database;
    services::Context context{database.Get(), TestClock()};
    db::ClientRepository clients{database.Get()};
    db::StaffRepository staff{database.Get()};
    core::Client ann;
    core::Staff jane{0, "Jane Doe", core::StaffRole::kTherapist, true, ""};
    MainFrame* frame = nullptr;

    ClinicFrame();
    ~ClinicFrame();
    ClinicFrame(const ClinicFrame&) = delete;
    ClinicFrame& operator=(const ClinicFrame&) = delete;

    // Shows the main window with `at_desk` at the desk (the context's desk session) and waits
    // until it is on screen, laid out and focused.
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
