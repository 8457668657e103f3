#include "shell/command_line.h"

#include "common/wx_conversions.h"

#include <myodesk/core/version.h>
#include <myodesk/db/default_location.h>

#include <fmt/format.h>
#include <wx/intl.h>

namespace myodesk::app {

CommandLine ParseCommandLine(const std::vector<std::string>& arguments) {
    CommandLine result;
    const auto fail = [&](const wxString& message) {
        result.action = CommandLine::Action::kError;
        result.error = ToUtf8(message);
        return result;
    };
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        const std::string& argument = arguments[i];
        if (argument == "--help" || argument == "-h") {
            result.action = CommandLine::Action::kShowHelp;
            return result;
        }
        if (argument == "--version") {
            result.action = CommandLine::Action::kShowVersion;
            return result;
        }
        if (argument == "--bench-startup") {
            result.bench_startup = true;
        } else if (argument == "--db") {
            if (i + 1 >= arguments.size() || arguments[i + 1].empty()) {
                return fail(_("option --db needs a database location"));
            }
            result.database = arguments[++i];
        } else if (argument.starts_with("--db=")) {
            if (argument.size() == 5) {
                return fail(_("option --db needs a database location"));
            }
            result.database = argument.substr(5);
        } else if (argument.starts_with("-")) {
            return fail(wxString::Format(_("unknown option '%s'"), ToWx(argument)));
        } else {
            return fail(wxString::Format(_("unexpected argument '%s'"), ToWx(argument)));
        }
    }
    return result;
}

std::string VersionText() {
    return fmt::format("myodesk {}", core::Version());
}

std::string UsageText() {
    const wxString text = wxString::Format(
        _("Usage: myodesk [--db URL]\n"
          "\n"
          "MyoDesk: practice management for sports massage therapists working with runners.\n"
          "\n"
          "Options:\n"
          "  --db URL     open this database instead of the default one\n"
          "  -h, --help   show this help and exit\n"
          "  --version    show the version and exit\n"
          "\n"
          "URL is one of:\n"
          "  PATH or sqlite:PATH             a SQLite file on this computer (created when\n"
          "                                  missing)\n"
          "  postgresql://user@host/dbname   a PostgreSQL database shared by several desks\n"
          "  \"host=... dbname=...\"           the same, as libpq keywords\n"
          "\n"
          "Without --db, MyoDesk uses (and creates on first start):\n"
          "  %s\n"),
        ToWx(db::DefaultDatabasePath()));
    return ToUtf8(text);
}

std::string ErrorText(const CommandLine& command_line) {
    return ToUtf8(wxString::Format(_("myodesk: %s\nTry 'myodesk --help' for more information.\n"),
                                   ToWx(command_line.error)));
}

}  // namespace myodesk::app
