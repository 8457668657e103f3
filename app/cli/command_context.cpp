#include "command_context.h"

#include <myodesk/core/json_document.h>
#include <myodesk/db/errors.h>
#include <myodesk/reports/atomic_output_file.h>
#include <myodesk/services/database_service.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <istream>
#include <ostream>
#include <sstream>
#include <utility>

namespace myodesk::app {

CommandContext::CommandContext(std::istream& in, std::ostream& out, std::ostream& err,
                               services::Clock clock)
    : m_in(in), m_out(out), m_err(err), m_clock(std::move(clock)) {}

CommandContext::~CommandContext() = default;

services::Context& CommandContext::Services() {
    if (!m_services) {
        m_database = std::make_unique<db::Database>(services::OpenDatabase(m_database_location));
        m_services = std::make_unique<services::Context>(*m_database, m_clock);
    }
    return *m_services;
}

void CommandContext::PrintJson(const nlohmann::ordered_json& json) {
    m_out << json.dump(2) << '\n';
}

// Read through rdbuf (an istreambuf_iterator trips -Wnull-dereference at -O2).
std::string CommandContext::ReadText(const std::string& path) {
    std::ostringstream text;
    if (path == "-") {
        text << m_in.rdbuf();
    } else {
        std::ifstream file(path, std::ios::binary);
        if (!file) {
            throw InvalidInput(fmt::format("cannot read {}: {}", path, std::strerror(errno)));
        }
        text << file.rdbuf();
    }
    return text.str();
}

nlohmann::json CommandContext::ParseJson(const std::string& text, const std::string& path) {
    core::JsonDocumentResult read = core::ReadJsonDocument(text);
    if (!read.syntax_error.empty()) {
        throw InvalidInput(fmt::format("{} is not valid JSON: {}",
                                       path == "-" ? "standard input" : path, read.syntax_error));
    }
    if (!read.problems.empty()) {
        // A number out of range, a duplicate key, a control character, a limit: by path.
        throw db::ValidationError(std::move(read.problems));
    }
    return std::move(read.document);
}

std::int64_t CommandContext::WriteFile(const std::string& path,
                                       const std::function<std::int64_t(std::ostream&)>& write) {
    try {
        reports::AtomicOutputFile file(path, services::ProtectedOutputFiles(Services().Database()));
        const auto result = write(file.Stream());
        file.Commit();
        return result;
    } catch (const reports::OutputFileError& error) {
        throw InvalidInput(error.what());
    }
}

core::Date ParseDate(const std::string& text, std::string_view what) {
    const auto date = core::ParseIsoDate(text);
    if (!date) {
        throw InvalidInput(
            fmt::format("{}: '{}' is not a date; use the form YYYY-MM-DD", what, text));
    }
    return *date;
}

std::optional<core::Date> ParseDate(const std::optional<std::string>& text, std::string_view what) {
    if (!text) {
        return std::nullopt;
    }
    return ParseDate(*text, what);
}

}  // namespace myodesk::app
