#pragma once

#include <myodesk/core/clinic_details.h>
#include <myodesk/core/clinic_settings.h>
#include <myodesk/core/plan.h>
#include <myodesk/core/screening.h>
#include <myodesk/db/database.h>

#include <string>
#include <string_view>
#include <vector>

namespace myodesk::db {

// One setting as `settings show` lists it (the rules are core's: core/clinic_settings.h).
using ClinicSetting = core::ClinicSetting;

// The clinic's settings, shared by every desk on the database. A setting never saved reads
// as its default.
class ClinicSettingsRepository {
  public:
    explicit ClinicSettingsRepository(Database& database);

    core::ScreeningSettings LoadScreening();
    // Saves every screening setting in one transaction.
    void SaveScreening(const core::ScreeningSettings& settings);

    // The plan generator's rule settings ("plan.<field>" keys), each its default when unset.
    core::PlanSettings LoadPlan();
    // Saves every plan setting in one transaction. A value outside what the rules can use is
    // refused (ValidationError, field "plan.<field>", kOutOfRange), and so is a shortest
    // session longer than the longest. Nothing is saved then.
    void SavePlan(const core::PlanSettings& settings);

    // The clinic's name, address, phone, email, logo and paper ("clinic.name",
    // "clinic.address", "clinic.phone", "clinic.email", "clinic.logo", "report.paper"), each
    // empty (A4) when never saved.
    core::BackupSettings LoadBackup();
    // Saves every backup setting in one transaction (ValidationError, fields = the keys).
    void SaveBackup(const core::BackupSettings& settings);

    core::ClinicDetails LoadClinicDetails();
    // Saves every clinic detail in one transaction. Refused (ValidationError, field =
    // "clinic.<field>", kTooLong for text over core::ClinicDetailsLimits, kInvalidText for
    // a line break in a one-line field); nothing is saved then.
    void SaveClinicDetails(const core::ClinicDetails& details);

    // Every setting at once (one query); each never saved is its default. A stored value the
    // settings cannot hold (a damaged or foreign row) is a DatabaseError naming the key.
    core::ClinicSettings Load();

    // Every setting: the clinic details (text, in the order above), then screening, then plan,
    // each group in the order of its table (core::ListClinicSettings).
    std::vector<ClinicSetting> List();
    // Sets one setting from its text ("3", "12.5"; any text for clinic.*; "a4" or "letter" for
    // report.paper, otherwise kUnknownCode). Refused (ValidationError, field = the key):
    // an unknown key (kUnknownCode), not a number or a fraction for a whole-number setting
    // (kWrongType), out of range (kOutOfRange), a clinic detail too long (kTooLong) or with a
    // line break or control character where one line is expected (kInvalidText); nothing is
    // saved then (core::SetClinicSetting holds the rules). Only the one setting is written
    // (the others stay as another desk may have just saved them); reading, checking and
    // writing are one transaction.
    void Set(std::string_view key, std::string_view value);

  private:
    Database& m_database;
};

}  // namespace myodesk::db
