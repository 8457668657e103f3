#include "shell/demo_practice_offer.h"

#include "common/error_message.h"

#include <myodesk/services/database_service.h>
#include <myodesk/services/demo_service.h>

#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/progdlg.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace myodesk::app {

namespace {

constexpr int kDemoClients = 200;
constexpr int kDemoYears = 2;
constexpr std::uint64_t kDemoSeed = 2026;

// The SQLite file and the journal files SQLite may leave beside it.
void RemoveDatabaseFiles(const std::filesystem::path& path) {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        std::filesystem::remove(path.string() + suffix, ignored);
    }
}

}  // namespace

bool ShouldOfferDemoPractice(const DemoOfferFacts& facts) {
    return !facts.database_given && !facts.declined && facts.clients == 0;
}

core::DemoOptions AppDemoPracticeOptions(const core::Date& today) {
    core::DemoOptions options;
    options.clients = kDemoClients;
    options.years = kDemoYears;
    options.seed = kDemoSeed;
    options.today = today;
    return options;
}

DemoOfferAnswer AskAboutDemoPractice(wxWindow* parent) {
    wxMessageDialog dialog(parent, _("Welcome to MyoDesk. Your practice has no clients yet."),
                           _("MyoDesk"), wxYES_NO | wxYES_DEFAULT | wxICON_QUESTION | wxCENTRE);
    dialog.SetExtendedMessage(
        _("Would you like to look around a demo practice first? It has therapists, runners with "
          "intakes, training calendars and plans, and two years of session notes, all made up. "
          "It is kept in its own file, so your real data is never mixed with it. If you start "
          "empty, MyoDesk will not ask again."));
    dialog.SetYesNoLabels(_("Open a demo practice"), _("Start empty"));
    return dialog.ShowModal() == wxID_YES ? DemoOfferAnswer::kOpenDemo
                                          : DemoOfferAnswer::kStartEmpty;
}

bool CreateDemoPractice(wxWindow* parent, const std::string& path, const core::DemoOptions& options,
                        const services::Clock& clock) {
    const std::filesystem::path target(path);
    const std::filesystem::path partial(path + ".part");
    RemoveDatabaseFiles(partial);
    wxProgressDialog progress(_("Demo practice"), _("Making the demo practice…"), options.clients,
                              parent, wxPD_APP_MODAL | wxPD_CAN_ABORT | wxPD_AUTO_HIDE);
    try {
        {
            db::Database database = services::OpenDatabase(partial.string());
            services::Context context(database, clock);
            const services::DemoRequest request{options.clients, options.years, options.seed,
                                                options.today};
            services::DemoService(context).Write(
                request, [&](const db::DemoPracticeCounts& so_far) {
                    return progress.Update(
                        static_cast<int>(
                            std::min<std::int64_t>(so_far.clients, options.clients - 1)),
                        wxString::Format(_("Clients: %lld of %d, session notes: %lld"),
                                         static_cast<long long>(so_far.clients), options.clients,
                                         static_cast<long long>(so_far.notes)));
                });
        }  // closed: SQLite folds its journal back into the file
        std::filesystem::rename(partial, target);
        progress.Update(options.clients);
        return true;
    } catch (const db::DemoCancelledError&) {
        RemoveDatabaseFiles(partial);
        return false;
    } catch (const std::exception& error) {
        RemoveDatabaseFiles(partial);
        progress.Hide();
        ShowErrorMessage(parent, _("The demo practice could not be made."), error);
        return false;
    }
}

}  // namespace myodesk::app
