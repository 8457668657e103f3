#include <myodesk/db/errors.h>

#include <fmt/format.h>

namespace myodesk::db {

namespace {

std::string DescribeProblems(const core::ValidationProblems& problems) {
    std::string text = "invalid input:";
    for (const auto& problem : problems) {
        text += fmt::format(" {} ({})", problem.field, core::ProblemCodeName(problem.code));
    }
    return text;
}

}  // namespace

SchemaTooNewError::SchemaTooNewError(int database_version, int app_version,
                                     const std::string& location)
    : DatabaseError(fmt::format(
          "The database {} has schema version {}, newer than this MyoDesk understands (up to "
          "version {}). Install a newer MyoDesk to open it; the database was not changed.",
          location, database_version, app_version)),
      m_database_version(database_version),
      m_app_version(app_version) {}

BusyError::BusyError()
    : DatabaseError(
          "Another desk is saving to the database right now, so this change was not saved. "
          "Try again in a moment.") {}

ValidationError::ValidationError(core::ValidationProblems problems)
    : std::runtime_error(DescribeProblems(problems)), m_problems(std::move(problems)) {}

}  // namespace myodesk::db
