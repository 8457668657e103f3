#pragma once

#include "test_database.h"

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace myodesk::test {

struct CliResult {
    int code;
    std::string out;
    std::string err;
};

// Runs myodesk-cli in-process against the test database, with `input` as standard input.
CliResult RunCliOn(const TestDatabase& database, std::vector<std::string> words,
                   const std::string& input = "");

// RunCliOn under the short name the CLI tests use.
inline CliResult Cli(const TestDatabase& database, std::vector<std::string> words,
                     const std::string& input = "") {
    return RunCliOn(database, std::move(words), input);
}

inline bool Contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

// `clients add OPTIONS`; returns the new id (the test stops when it fails).
std::int64_t AddClientWithCli(const TestDatabase& database, std::vector<std::string> options);

// Runs the myodesk-cli binary through the shell; returns its exit code and output (stdout and
// stderr together, in `out`). `environment`: variables set for it ("LC_ALL=C").
CliResult RunShell(const std::string& arguments, const std::string& environment = "");

// The whole file (the test stops when it cannot be read).
std::string ReadText(const std::string& path);

// Sets an environment variable for the scope (the CLI runs in-process and reads it).
class ScopedEnv {
  public:
    ScopedEnv(const char* name, const std::string& value) : m_name(name) {
        if (const char* old = std::getenv(name)) {
            m_old = old;
        }
        setenv(name, value.c_str(), 1);
    }
    ~ScopedEnv() {
        if (m_old) {
            setenv(m_name, m_old->c_str(), 1);
        } else {
            unsetenv(m_name);
        }
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

  private:
    const char* m_name;
    std::optional<std::string> m_old;
};

// A fresh temp folder, removed with everything in it (its permissions restored first, for
// tests that make it read-only).
struct TempFolder {
    TempFolder();
    ~TempFolder();
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;

    // The names of the files in it, sorted: what a command left behind.
    std::vector<std::string> Files() const;

    std::filesystem::path path;
};

// A file in a fresh temp folder, removed with the folder.
class TempFile {
  public:
    TempFile(const std::string& name, const std::string& contents);
    ~TempFile();
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    std::string Path() const { return m_path.string(); }

  private:
    TempFolder m_folder;
    std::filesystem::path m_path;
};

}  // namespace myodesk::test
