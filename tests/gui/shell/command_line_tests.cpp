#include "shell/command_line.h"

#include <myodesk/core/version.h>

#include <boost/test/unit_test.hpp>

using myodesk::app::CommandLine;
using myodesk::app::ParseCommandLine;

BOOST_AUTO_TEST_SUITE(command_line_tests)

BOOST_AUTO_TEST_CASE(no_arguments_runs_with_the_default_database) {
    const CommandLine line = ParseCommandLine({});
    BOOST_TEST((line.action == CommandLine::Action::kRun));
    BOOST_TEST(!line.database);
}

BOOST_AUTO_TEST_CASE(db_takes_a_location_in_either_form) {
    BOOST_TEST(*ParseCommandLine({"--db", "/tmp/x.sqlite"}).database == "/tmp/x.sqlite");
    BOOST_TEST(*ParseCommandLine({"--db=postgresql://me@host/clinic"}).database ==
               "postgresql://me@host/clinic");
    BOOST_TEST((ParseCommandLine({"--db"}).action == CommandLine::Action::kError));
    BOOST_TEST((ParseCommandLine({"--db="}).action == CommandLine::Action::kError));
}

BOOST_AUTO_TEST_CASE(help_and_version_win) {
    BOOST_TEST((ParseCommandLine({"--help"}).action == CommandLine::Action::kShowHelp));
    BOOST_TEST((ParseCommandLine({"-h"}).action == CommandLine::Action::kShowHelp));
    BOOST_TEST(
        (ParseCommandLine({"--db", "x", "--version"}).action == CommandLine::Action::kShowVersion));
    BOOST_TEST(myodesk::app::VersionText() == "myodesk " + std::string(myodesk::core::Version()));
    const std::string usage = myodesk::app::UsageText();
    BOOST_TEST(usage.find("myodesk [--db URL]") != std::string::npos);
    BOOST_TEST(usage.find("myodesk.sqlite") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bench_startup_is_a_hidden_option) {
    const CommandLine line = ParseCommandLine({"--db", "/tmp/x.sqlite", "--bench-startup"});
    BOOST_TEST((line.action == CommandLine::Action::kRun));
    BOOST_TEST(line.bench_startup);
    BOOST_TEST(*line.database == "/tmp/x.sqlite");
    BOOST_TEST(!ParseCommandLine({}).bench_startup);
    BOOST_TEST(myodesk::app::UsageText().find("--bench-startup") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(unknown_options_and_arguments_are_errors) {
    const CommandLine line = ParseCommandLine({"--frobnicate"});
    BOOST_TEST((line.action == CommandLine::Action::kError));
    BOOST_TEST(line.error.find("--frobnicate") != std::string::npos);
    BOOST_TEST((ParseCommandLine({"clients.sqlite"}).action == CommandLine::Action::kError));
}

BOOST_AUTO_TEST_SUITE_END()
