#include "cli_test_support.h"

#include "cli.h"

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace myodesk::test {

CliResult RunCliOn(const TestDatabase& database, std::vector<std::string> words,
                   const std::string& input) {
    words.insert(words.begin(), {"--db", database.Location()});
    std::istringstream in(input);
    std::ostringstream out, err;
    const int code = app::RunCli(words, in, out, err);
    return {code, out.str(), err.str()};
}

std::int64_t AddClientWithCli(const TestDatabase& database, std::vector<std::string> options) {
    options.insert(options.begin(), {"clients", "add"});
    const auto result = RunCliOn(database, options);
    BOOST_TEST_REQUIRE(result.code == 0, result.err);
    return std::stoll(result.out);
}

CliResult RunShell(const std::string& arguments, const std::string& environment) {
    const std::string command =
        fmt::format("{} '{}' {} 2>&1", environment, MYODESK_CLI_PATH, arguments);
    FILE* pipe = popen(command.c_str(), "r");
    BOOST_TEST_REQUIRE(pipe != nullptr);
    std::string output;
    char buffer[4096];
    while (const auto read = fread(buffer, 1, sizeof buffer, pipe)) {
        output.append(buffer, read);
    }
    const int status = pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output, ""};
}

TempFolder::TempFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "myodesk-cli-XXXXXX").string();
    BOOST_TEST_REQUIRE(mkdtemp(pattern.data()) != nullptr);
    path = pattern;
}

TempFolder::~TempFolder() {
    std::error_code ignored;
    std::filesystem::permissions(path, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::add, ignored);
    std::filesystem::remove_all(path, ignored);
}

std::vector<std::string> TempFolder::Files() const {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(path)) {
        names.push_back(entry.path().filename().string());
    }
    std::sort(names.begin(), names.end());
    return names;
}

TempFile::TempFile(const std::string& name, const std::string& contents) {
    m_path = m_folder.path / name;
    std::ofstream file(m_path, std::ios::binary);
    file << contents;
    BOOST_TEST_REQUIRE(file.good());
}

TempFile::~TempFile() = default;

std::string ReadText(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    BOOST_TEST_REQUIRE(file.good(), "cannot read " << path);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

}  // namespace myodesk::test
