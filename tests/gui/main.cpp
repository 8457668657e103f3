// The GUI tests' main: checks for a display, isolates the user's settings, starts wxWidgets,
// then runs Boost.Test inside it.
//
// Without a display the tests cannot run: they are skipped (exit code 77, which CTest reports
// as skipped), except under CI (CI=true), where that is a failure.
#include "common/wx_conversions.h"
#include "gui_test_support.h"

#include <boost/test/unit_test.hpp>
#include <wx/app.h>
#include <wx/config.h>
#include <wx/evtloop.h>
#include <wx/init.h>
#include <wx/log.h>
#include <wx/memconf.h>

#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace {

constexpr int kSkipped = 77;

// No command line parsing, no main window: the tests make their own windows.
class TestApp : public wxApp {
  public:
    bool OnInit() override { return true; }
};

bool UnderCi() {
    const char* ci = std::getenv("CI");
    return ci != nullptr && std::strcmp(ci, "true") == 0;
}

int NoDisplay() {
    if (UnderCi()) {
        std::fprintf(stderr, "no display: GUI tests cannot run under CI\n");
        return 1;
    }
    std::fprintf(stderr,
                 "gui_tests: no display, GUI tests skipped (run them under "
                 "xvfb-run -a -s \"-screen 0 1280x800x24\")\n");
    return kSkipped;
}

bool HasDisplay() {
    const char* display = std::getenv("DISPLAY");
    return display != nullptr && *display != '\0';
}

// A wx assertion fails the current test instead of opening a dialog.
void OnAssert(const wxString& file, int line, const wxString& function, const wxString& condition,
              const wxString& message) {
    const std::string text = (wxString::Format("wx assertion failed: %s(%d) in %s(): %s %s", file,
                                               line, function, condition, message))
                                 .utf8_string();
    if (boost::unit_test::framework::test_in_progress()) {
        BOOST_ERROR(text);
    } else {
        std::fprintf(stderr, "%s\n", text.c_str());
    }
}

bool InitTests() {
    boost::unit_test::framework::master_test_suite().p_name.value = "gui_tests";
    return true;
}

}  // namespace

wxIMPLEMENT_APP_NO_MAIN(TestApp);

int main(int argc, char** argv) {
    if (!HasDisplay()) {
        return NoDisplay();
    }
    // As the app does: the user's locale, with UTF-8 for wx's narrow strings.
    std::setlocale(LC_ALL, "");
    myodesk::app::UseUtf8ForNarrowStrings();

    // Keep GTK's and wx's files away from the user's home: everything goes to a temp dir.
    myodesk::app::test::TempDir home;
    const std::string home_path = home.Path().string();
    setenv("HOME", home_path.c_str(), 1);
    setenv("XDG_CONFIG_HOME", (home_path + "/config").c_str(), 1);
    setenv("XDG_DATA_HOME", (home_path + "/data").c_str(), 1);
    setenv("XDG_CACHE_HOME", (home_path + "/cache").c_str(), 1);
    // wxUIActionSimulator drives X11; GTK must not pick another backend.
    setenv("GDK_BACKEND", "x11", 1);
    // No accessibility bus under Xvfb.
    setenv("NO_AT_BRIDGE", "1", 1);

    if (!wxEntryStart(argc, argv)) {
        return NoDisplay();
    }
    int result = 0;
    {
        wxTheApp->SetAppName("myodesk-gui-tests");
        // Settings live in memory only.
        delete wxConfigBase::Set(new wxMemoryConfig);
        delete wxLog::SetActiveTarget(new wxLogStderr);
        wxSetAssertHandler(OnAssert);
        myodesk::app::test::DialogRecorder::Instance().Register();

        wxEventLoopGuarantor event_loop;
        result = boost::unit_test::unit_test_main(&InitTests, argc, argv);

        myodesk::app::test::DialogRecorder::Instance().Unregister();
    }
    wxTheApp->OnExit();
    wxEntryCleanup();
    return result;
}
