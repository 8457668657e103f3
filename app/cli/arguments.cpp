#include "arguments.h"

#include <algorithm>

namespace myodesk::app {

namespace {

bool Contains(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

Arguments::Arguments(const std::vector<std::string>& words,
                     const std::vector<std::string>& value_options,
                     const std::vector<std::string>& flag_options) {
    bool only_positional = false;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& word = words[i];
        if (only_positional || word.size() < 3 || word.rfind("--", 0) != 0) {
            m_positional.push_back(word);
            continue;
        }
        if (word == "--") {
            only_positional = true;
            continue;
        }
        std::string name = word.substr(2);
        std::optional<std::string> inline_value;
        if (const auto equals = name.find('='); equals != std::string::npos) {
            inline_value = name.substr(equals + 1);
            name = name.substr(0, equals);
        }
        if (Contains(value_options, name)) {
            if (m_values.count(name) > 0) {
                throw UsageError("--" + name + " is given twice");
            }
            if (inline_value) {
                m_values[name] = *inline_value;
            } else if (i + 1 < words.size()) {
                m_values[name] = words[++i];
            } else {
                throw UsageError("--" + name + " needs a value");
            }
        } else if (Contains(flag_options, name) && !inline_value) {
            m_flags.push_back(name);
        } else {
            throw UsageError("unknown option --" + name);
        }
    }
}

std::optional<std::string> Arguments::Value(const std::string& name) const {
    const auto found = m_values.find(name);
    if (found == m_values.end()) {
        return std::nullopt;
    }
    return found->second;
}

bool Arguments::Flag(const std::string& name) const {
    return Contains(m_flags, name);
}

}  // namespace myodesk::app
