#include "gui_test_support.h"

#include "book/book_appointment_dialog.h"
#include "book/day_sheet_dialog.h"
#include "clients/client_dialog.h"
#include "clients/client_import_dialog.h"
#include "clients/client_workspace_panel.h"
#include "clinic/clinic_details_dialog.h"
#include "intake/flag_override_dialog.h"
#include "intake/intake_dialog.h"
#include "plan/book_session_dialog.h"
#include "plan/move_session_dialog.h"
#include "plan/training_day_dialog.h"
#include "reports/audit_log_dialog.h"
#include "reports/clinic_summary_dialog.h"
#include "reports/period_dialog.h"
#include "sessions/amendment_dialog.h"
#include "sessions/session_note_dialog.h"
#include "sessions/session_note_view_dialog.h"
#include "sessions/unsigned_notes_dialog.h"
#include "shell/main_frame.h"
#include "shell/sign_in_dialog.h"
#include "staff/staff_dialog.h"
#include "staff/staff_member_dialog.h"
#include "staff/staff_picker_dialog.h"

#include <boost/test/unit_test.hpp>
#include <wx/app.h>
#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/control.h>
#include <wx/eventfilter.h>
#include <wx/msgdlg.h>
#include <wx/settings.h>
#include <wx/textctrl.h>
#include <wx/toplevel.h>
#include <wx/uiaction.h>
#include <wx/utils.h>
#include <wx/weakref.h>

#include <cstdlib>
#include <optional>
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

namespace {

std::uint64_t g_idle_passes = 0;

// Counts the application's idle passes from the first wait on.
void CountIdlePasses() {
    static bool counting = false;
    if (!counting && wxTheApp != nullptr) {
        wxTheApp->Bind(wxEVT_IDLE, [](wxIdleEvent& event) {
            ++g_idle_passes;
            event.Skip();
        });
        counting = true;
    }
}

std::string Seconds(std::chrono::milliseconds duration) {
    return std::to_string(std::chrono::duration_cast<std::chrono::seconds>(duration).count());
}

// GTK lays widgets out on its frame clock, a frame (about 16 ms) after wx has placed them; a
// window counts as settled when it has not moved for a few frames and the event loop has gone
// idle twice since, so that every layout pass due has run.
constexpr std::chrono::milliseconds kSettleTime{60};
constexpr std::uint64_t kSettlePasses = 2;

// Whether a rectangle (a window's place, or a point to click) has stopped moving.
class Settling {
  public:
    bool IsStill(const wxRect& rect) {
        const auto now = std::chrono::steady_clock::now();
        if (rect != m_rect || !m_seen) {
            m_rect = rect;
            m_seen = true;
            m_changed_at = now;
            m_idle_mark.reset();
            return false;
        }
        if (now - m_changed_at < kSettleTime) {
            return false;
        }
        if (!m_idle_mark) {
            m_idle_mark = IdlePasses();
        }
        return IdlePasses() >= *m_idle_mark + kSettlePasses;
    }
    void Reset() { m_seen = false; }

  private:
    wxRect m_rect;
    bool m_seen = false;
    std::chrono::steady_clock::time_point m_changed_at;
    std::optional<std::uint64_t> m_idle_mark;
};

bool IsSelfOrInside(const wxWindow* window, wxWindow* other) {
    return other != nullptr && (other == window || window->IsDescendant(other));
}

// The last simulated click, so that two clicks on one spot are never taken as a double click.
struct LastClick {
    std::chrono::steady_clock::time_point at;
    wxPoint where{-1000, -1000};
};
LastClick g_last_click;

std::chrono::milliseconds DoubleClickTime() {
    const int reported = wxSystemSettings::GetMetric(wxSYS_DCLICK_MSEC);
    return std::chrono::milliseconds(reported > 0 ? reported : 500);
}

bool WaitPastDoubleClickTime(const wxPoint& point) {
    const wxPoint distance = point - g_last_click.where;
    if (std::abs(distance.x) > 16 || std::abs(distance.y) > 16) {
        return true;
    }
    // Twice the time: the desktop measures it between the X server's event times.
    const auto after = g_last_click.at + 2 * DoubleClickTime();
    return WaitUntil("the double-click time has passed since the last click on that spot",
                     [&] { return std::chrono::steady_clock::now() >= after; });
}

// Counts key releases (other than of modifier keys) anywhere in the application while it
// exists.
class KeyReleaseSpy : public wxEventFilter {
  public:
    KeyReleaseSpy() { wxEvtHandler::AddFilter(this); }
    ~KeyReleaseSpy() override { wxEvtHandler::RemoveFilter(this); }
    KeyReleaseSpy(const KeyReleaseSpy&) = delete;
    KeyReleaseSpy& operator=(const KeyReleaseSpy&) = delete;

    int FilterEvent(wxEvent& event) override {
        if (event.GetEventType() == wxEVT_KEY_UP) {
            switch (static_cast<wxKeyEvent&>(event).GetKeyCode()) {
                case WXK_SHIFT:
                case WXK_CONTROL:
                case WXK_ALT:
                case WXK_WINDOWS_LEFT:
                case WXK_WINDOWS_RIGHT:
                    break;
                default:
                    m_released = true;
            }
        }
        return Event_Skip;
    }
    bool Released() const { return m_released; }

  private:
    bool m_released = false;
};

}  // namespace

bool WaitUntil(std::string_view what, const std::function<bool()>& condition,
               std::chrono::milliseconds bound) {
    CountIdlePasses();
    const auto deadline = std::chrono::steady_clock::now() + bound;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > deadline) {
            if (condition()) {
                return true;
            }
            BOOST_ERROR("timed out after " + Seconds(bound) + " s waiting until " +
                        std::string(what));
            return false;
        }
        wxWakeUpIdle();  // an idle pass after the events, even when nothing else happens
        wxYield();
        wxMilliSleep(5);
    }
    return true;
}

std::uint64_t IdlePasses() {
    CountIdlePasses();
    return g_idle_passes;
}

bool WaitForIdle(int passes) {
    const std::uint64_t target = IdlePasses() + static_cast<std::uint64_t>(passes);
    return WaitUntil("the application has gone idle", [&] { return IdlePasses() >= target; });
}

std::string Describe(const wxWindow* window) {
    if (window == nullptr) {
        return "(no window)";
    }
    std::string text = window->GetClassInfo() != nullptr
                           ? Utf8(window->GetClassInfo()->GetClassName())
                           : std::string("window");
    const std::string label = Utf8(wxControl::RemoveMnemonics(window->GetLabel()));
    if (!label.empty()) {
        text += " \"" + label.substr(0, 40) + "\"";
    }
    const std::string name = Utf8(window->GetName());
    if (!name.empty()) {
        text += " (" + name + ")";
    }
    return text;
}

void DestroyAndWait(wxWindow* window) {
    wxWeakRef<wxWindow> alive(window);
    const std::string name = Describe(window);
    window->Destroy();
    WaitUntil(name + " is destroyed", [&] { return !alive; });
}

bool RaiseAndWait(wxTopLevelWindow& window) {
    int polls = 0;
    const bool ready = WaitUntil(Describe(&window) + " is on screen, laid out and focused", [&] {
        if (!window.IsShown()) {
            return false;
        }
        if (!window.IsActive()) {
            // Raised again now and then: before it is mapped, the X server refuses the focus.
            if (polls++ % 20 == 0) {
                window.Raise();
            }
            return false;
        }
        const wxSize size = window.GetClientSize();
        return size.x > 0 && size.y > 0;
    });
    return ready && WaitUntilLaidOut(&window);
}

bool WaitUntilLaidOut(wxWindow* window) {
    Settling settling;
    return WaitUntil(Describe(window) + " is shown and laid out", [&] {
        if (!window->IsShownOnScreen()) {
            settling.Reset();
            return false;
        }
        const wxRect rect = window->GetScreenRect();
        return !rect.IsEmpty() && settling.IsStill(rect);
    });
}

bool WaitUntilFocusIn(wxWindow* window) {
    return WaitUntil("the keyboard focus is in " + Describe(window),
                     [&] { return IsSelfOrInside(window, wxWindow::FindFocus()); });
}

bool Press(wxWindow* button) {
    if (!WaitUntil(Describe(button) + " is shown and enabled",
                   [&] { return button->IsShownOnScreen() && button->IsEnabled(); })) {
        return false;
    }
    wxCommandEvent event(wxEVT_BUTTON, button->GetId());
    event.SetEventObject(button);
    button->HandleWindowEvent(event);
    return true;
}

bool ClickAt(wxWindow* window, const std::function<wxPoint()>& where) {
    const std::string name = Describe(window);
    auto* top = dynamic_cast<wxTopLevelWindow*>(wxGetTopLevelParent(window));
    if (top == nullptr) {
        BOOST_ERROR(name + " has no top-level window to click in");
        return false;
    }
    const wxSize screen = wxGetDisplaySize();
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (!top->IsActive() && !RaiseAndWait(*top)) {
            return false;
        }
        wxPoint point;
        Settling settling;
        const bool clickable = WaitUntil(name + " is shown, enabled, laid out and still", [&] {
            if (!window->IsShownOnScreen() || !window->IsEnabled()) {
                settling.Reset();
                return false;
            }
            point = where();
            const wxRect rect = window->GetScreenRect();
            const bool there = rect.Contains(point) && point.x < screen.x && point.y < screen.y &&
                               point.x >= 0 && point.y >= 0 &&
                               IsSelfOrInside(window, wxFindWindowAtPoint(point));
            return there && settling.IsStill(wxRect(point, rect.GetSize())) &&
                   rect == window->GetScreenRect();
        });
        if (!clickable || !WaitPastDoubleClickTime(point)) {
            return false;
        }
        // Made now: it gives the X input focus to the active window.
        wxUIActionSimulator simulator;
        simulator.MouseMove(point);
        if (!WaitUntil("the pointer is over " + name,
                       [&] { return wxGetMousePosition() == point; })) {
            return false;
        }
        if (where() != point || !window->IsShownOnScreen() || !window->IsEnabled()) {
            continue;  // it moved while the pointer travelled: measure again
        }
        simulator.MouseClick();
        g_last_click = {std::chrono::steady_clock::now(), point};
        return true;
    }
    BOOST_ERROR(name + " kept moving: the click could not be placed");
    return false;
}

bool ClickInto(wxWindow* window) {
    return ClickAt(window, [window] {
        const wxRect rect = window->GetScreenRect();
        return wxPoint(rect.GetLeft() + rect.GetWidth() / 2, rect.GetTop() + rect.GetHeight() / 2);
    });
}

bool ClickUntil(wxWindow* window, const std::function<wxPoint()>& where, std::string_view what,
                const std::function<bool()>& effect) {
    constexpr int kClicks = 3;
    for (int click = 0; click < kClicks && !effect(); ++click) {
        if (!ClickAt(window, where)) {
            return false;
        }
        const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(15);
        if (!WaitUntil(what,
                       [&] { return effect() || std::chrono::steady_clock::now() > give_up; })) {
            return false;
        }
    }
    if (!effect()) {
        BOOST_ERROR("three clicks did not make it so that " + std::string(what));
        return false;
    }
    return true;
}

bool ClickUntil(wxWindow* window, std::string_view what, const std::function<bool()>& effect) {
    return ClickUntil(
        window,
        [window] {
            const wxRect rect = window->GetScreenRect();
            return wxPoint(rect.GetLeft() + rect.GetWidth() / 2,
                           rect.GetTop() + rect.GetHeight() / 2);
        },
        what, effect);
}

bool TypeInto(wxTextCtrl* text, const char* typed) {
    if (!ClickInto(text) || !WaitUntilFocusIn(text)) {
        return false;
    }
    {
        wxUIActionSimulator simulator;
        simulator.Text(typed);
    }
    const wxString expected = wxString::FromUTF8(typed);
    return WaitUntil(Describe(text) + " shows \"" + typed + "\"",
                     [&] { return text->GetValue() == expected; });
}

bool PressKey(int key, int modifiers, const std::function<bool()>& done) {
    KeyReleaseSpy spy;
    {
        wxUIActionSimulator simulator;
        simulator.Char(key, modifiers);
    }
    return WaitUntil("a key pressed (code " + std::to_string(key) + ") is handled",
                     [&] { return spy.Released() || (done && done()); });
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

void Tick(wxCheckBox* box, bool value) {
    box->SetValue(value);
    wxCommandEvent event(wxEVT_CHECKBOX, box->GetId());
    event.SetEventObject(box);
    event.SetInt(value ? 1 : 0);
    box->ProcessWindowEvent(event);
}

int DialogRecorder::Enter(wxDialog* dialog) {
    if (dynamic_cast<ClientDialog*>(dialog) != nullptr ||
        dynamic_cast<IntakeDialog*>(dialog) != nullptr ||
        dynamic_cast<SessionNoteDialog*>(dialog) != nullptr ||
        dynamic_cast<SessionNoteViewDialog*>(dialog) != nullptr ||
        dynamic_cast<AmendmentDialog*>(dialog) != nullptr ||
        dynamic_cast<FlagOverrideDialog*>(dialog) != nullptr ||
        dynamic_cast<StaffPickerDialog*>(dialog) != nullptr ||
        dynamic_cast<StaffMemberDialog*>(dialog) != nullptr ||
        dynamic_cast<StaffDialog*>(dialog) != nullptr ||
        dynamic_cast<UnsignedNotesDialog*>(dialog) != nullptr ||
        dynamic_cast<BookSessionDialog*>(dialog) != nullptr ||
        dynamic_cast<BookAppointmentDialog*>(dialog) != nullptr ||
        dynamic_cast<DaySheetDialog*>(dialog) != nullptr ||
        dynamic_cast<MoveSessionDialog*>(dialog) != nullptr ||
        dynamic_cast<TrainingDayDialog*>(dialog) != nullptr ||
        dynamic_cast<ClinicDetailsDialog*>(dialog) != nullptr ||
        dynamic_cast<ClinicSummaryDialog*>(dialog) != nullptr ||
        dynamic_cast<PeriodDialog*>(dialog) != nullptr ||
        dynamic_cast<SignInDialog*>(dialog) != nullptr ||
        dynamic_cast<OwnerSetupDialog*>(dialog) != nullptr ||
        dynamic_cast<AuditLogDialog*>(dialog) != nullptr ||
        dynamic_cast<ClientImportDialog*>(dialog) != nullptr) {
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
