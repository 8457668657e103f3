#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace myodesk::app {

// The overview (myodesk-cli --help): every command with its synopsis and help, made from the
// commands' own declarations. Set on the top-level app only, after the commands are declared.
class OverviewFormatter : public CLI::Formatter {
  public:
    std::string make_subcommands(const CLI::App* app, CLI::AppFormatMode mode) const override;
};

// "demo --clients N [--years Y] [--seed S] [--today YYYY-MM-DD]"
std::string Synopsis(const CLI::App& command, const std::string& words);

}  // namespace myodesk::app
