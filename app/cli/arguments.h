#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace myodesk::app {

// A command line the user got wrong (exit code 2).
class UsageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Splits "--name value", "--name=value" and "--flag" options from positional words. Which
// names take a value and which are flags is declared up front, so a typo is an error rather
// than a silently ignored option.
class Arguments {
  public:
    Arguments(const std::vector<std::string>& words, const std::vector<std::string>& value_options,
              const std::vector<std::string>& flag_options);

    const std::vector<std::string>& Positional() const { return m_positional; }
    std::optional<std::string> Value(const std::string& name) const;
    bool Flag(const std::string& name) const;
    bool Has(const std::string& name) const { return m_values.count(name) > 0 || Flag(name); }

  private:
    std::vector<std::string> m_positional;
    std::map<std::string, std::string> m_values;
    std::vector<std::string> m_flags;
};

}  // namespace myodesk::app
