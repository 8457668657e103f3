#include "overview_help.h"

#include <sstream>
#include <vector>

namespace myodesk::app {

namespace {

constexpr std::size_t kWidth = 96;
constexpr std::string_view kIndent = "      ";

// `text` in lines of at most kWidth columns: the first after `first`, the others after
// kIndent. A bracketed option ("[--km X]") is kept on one line.
std::string Wrapped(const std::string& text, std::string_view first) {
    std::vector<std::string> words;
    std::istringstream split(text);
    for (std::string word; split >> word;) {
        if (!words.empty() && words.back().front() == '[' && words.back().back() != ']') {
            words.back() += " " + word;
        } else {
            words.push_back(word);
        }
    }
    std::string out;
    std::string line(first);
    std::size_t start = first.size();
    for (const auto& word : words) {
        if (line.size() > start && line.size() + 1 + word.size() > kWidth) {
            out += line + "\n";
            line = std::string(kIndent);
            start = kIndent.size();
        }
        if (line.size() > start) {
            line += ' ';
        }
        line += word;
    }
    return out + line + "\n";
}

std::string OptionSynopsis(const CLI::Option& option) {
    if (option.get_positional()) {
        return option.get_required() ? option.get_name(true) : "[" + option.get_name(true) + "]";
    }
    std::string text = option.get_name();
    if (const auto type = option.get_type_name(); !type.empty()) {
        text += " " + type;  // not a flag
    }
    return option.get_required() ? text : "[" + text + "]";
}

void AddCommand(std::ostringstream& out, const CLI::App& command, const std::string& words) {
    out << Wrapped(Synopsis(command, words), "  ") << Wrapped(command.get_description(), kIndent);
}

}  // namespace

std::string Synopsis(const CLI::App& command, const std::string& words) {
    std::string text = words;
    for (const CLI::Option* option : command.get_options()) {
        if (option == command.get_help_ptr() || option->get_group().empty()) {
            continue;
        }
        text += " " + OptionSynopsis(*option);
    }
    return text;
}

std::string OverviewFormatter::make_subcommands(const CLI::App* app, CLI::AppFormatMode) const {
    std::ostringstream out;
    out << "\nCommands:\n";
    for (const CLI::App* group : app->get_subcommands({})) {
        if (group->get_group().empty()) {
            continue;  // hidden (help)
        }
        const auto commands = group->get_subcommands({});
        if (commands.empty()) {
            AddCommand(out, *group, group->get_name());
            continue;
        }
        for (const CLI::App* command : commands) {
            AddCommand(out, *command, group->get_name() + " " + command->get_name());
        }
    }
    return out.str();
}

}  // namespace myodesk::app
