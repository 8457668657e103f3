#pragma once

#include <myodesk/core/screening.h>
#include <myodesk/db/database.h>

namespace myodesk::db {

// The clinic's settings, shared by every desk on the database. A setting never saved reads
// as its default.
class ClinicSettingsRepository {
  public:
    explicit ClinicSettingsRepository(Database& database);

    core::ScreeningSettings LoadScreening();
    // Saves every screening setting in one transaction.
    void SaveScreening(const core::ScreeningSettings& settings);

  private:
    Database& m_database;
};

}  // namespace myodesk::db
