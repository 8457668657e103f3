#include <myodesk/core/text.h>
#include <myodesk/db/client_repository.h>
#include <myodesk/db/clinic_settings_repository.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/server_accounts.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/errors.h>
#include <myodesk/services/intake_service.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <utility>

namespace myodesk::services {

namespace {

bool IsClientProblem(const core::ValidationProblem& problem) {
    return problem.field == "client" || problem.field.rfind("client.", 0) == 0;
}

}  // namespace

IntakeService::IntakeService(Context& context)
    : m_context(context), m_intakes(context.Database(), context.GetClock().Storage()) {}

ImportedIntake IntakeService::Import(core::ClientId client, core::IntakeParseResult parsed) {
    m_context.Require(core::Right::kWriteClinical);
    ClientService(m_context).Get(client);
    // The client is the one named; a "client" object is not used.
    std::erase_if(parsed.problems, IsClientProblem);
    if (!parsed.problems.empty()) {
        throw db::ValidationError(std::move(parsed.problems));
    }
    ImportedIntake imported{std::move(parsed.intake), parsed.client.has_value()};
    imported.intake.client_id = client;
    db::Transaction transaction(m_context.Database());
    m_intakes.Add(imported.intake);
    AuditAdded(imported.intake);
    transaction.Commit();
    return imported;
}

core::Intake IntakeService::Add(core::Intake intake) {
    m_context.Require(core::Right::kWriteClinical);
    db::Transaction transaction(m_context.Database());
    m_intakes.Add(intake);
    AuditAdded(intake);
    transaction.Commit();
    return intake;
}

// An intake is never changed (a new version is a new intake): its id and day name it.
void IntakeService::AuditAdded(const core::Intake& intake) {
    m_context.Audit(
        "intake.create", intake.client_id, "intake", intake.id,
        nlohmann::ordered_json{{"after", {{"taken_on", core::FormatIsoDate(intake.taken_on)}}}}
            .dump());
}

ClientWithIntake IntakeService::AddWithClientUpdate(core::Client client, core::Intake intake) {
    m_context.Require(core::Right::kWriteClinical);
    ClientWithIntake saved{std::move(client), std::move(intake)};
    db::Transaction transaction(m_context.Database());
    db::ClientRepository clients(m_context.Database(), m_context.GetClock().Storage());
    const auto before = clients.Get(saved.client.id);
    clients.Update(saved.client);
    if (before) {
        m_context.Audit("client.update", saved.client.id, "client", saved.client.id,
                        nlohmann::ordered_json{{"before", core::ClientToJson(*before)},
                                               {"after", core::ClientToJson(saved.client)}}
                            .dump());
    }
    saved.intake.client_id = saved.client.id;
    m_intakes.Add(saved.intake);
    AuditAdded(saved.intake);
    transaction.Commit();
    return saved;
}

IntakeOnDay IntakeService::Show(core::ClientId client, const std::optional<core::IntakeId>& intake,
                                const std::optional<core::Date>& on) {
    m_context.Require(core::Right::kReadClinical);
    IntakeOnDay shown;
    shown.client = ClientService(m_context).Get(client);
    shown.on = on.value_or(m_context.Today());
    std::optional<core::Intake> found;
    if (intake) {
        found = m_intakes.Get(*intake);
        if (!found || found->client_id != client) {
            throw db::NotFoundError(
                fmt::format("Client {} has no intake with id {}.", client, *intake));
        }
    } else {
        found = m_intakes.Newest(client);
        if (!found) {
            throw NoIntakeError(shown.client);
        }
    }
    shown.intake = std::move(*found);
    const auto settings = db::ClinicSettingsRepository(m_context.Database()).LoadScreening();
    shown.flags = core::ScreenContraindications(shown.intake, shown.on, settings);
    shown.outdated = core::IsIntakeOutdated(shown.intake.taken_on, shown.on);
    return shown;
}

std::vector<core::ContraindicationFlag> IntakeService::FlagsToday(core::ClientId client) {
    const auto intake = m_intakes.Newest(client);
    if (!intake) {
        return {};
    }
    const auto settings = db::ClinicSettingsRepository(m_context.Database()).LoadScreening();
    return core::ScreenContraindications(*intake, m_context.Today(), settings);
}

bool IntakeService::BookScreens() const {
    return m_context.Allows(core::Right::kReadClinical) ||
           !db::ServerAccounts(m_context.Database()).Enforced();
}

bool IntakeService::CheckFlagOverride(core::ClientId client, const core::Date& date,
                                      std::string& reason) {
    if (!BookScreens()) {
        return false;
    }
    std::vector<core::ContraindicationFlag> absolute;
    if (const auto intake = m_intakes.Newest(client)) {
        for (auto& flag : Flags(*intake, date)) {
            if (flag.level == core::FlagLevel::kAbsolute) {
                absolute.push_back(std::move(flag));
            }
        }
    }
    if (absolute.empty()) {
        reason.clear();
        return false;
    }
    reason = core::Trim(reason);
    if (reason.empty()) {
        throw AbsoluteFlagError(date, std::move(absolute));
    }
    return true;
}

std::optional<ScreeningGap> IntakeService::ScreeningGapOn(core::ClientId client,
                                                          const core::Date& session_date) {
    if (!BookScreens()) {
        return std::nullopt;  // not this desk's to know on a server
    }
    const auto intake = m_intakes.Newest(client);
    if (!intake) {
        return ScreeningGap{ScreeningGap::Kind::kNoIntake, std::nullopt};
    }
    if (core::IsIntakeOutdated(intake->taken_on, session_date)) {
        return ScreeningGap{ScreeningGap::Kind::kOutdated, intake->taken_on};
    }
    return std::nullopt;
}

std::optional<core::Intake> IntakeService::Newest(core::ClientId client) {
    return m_intakes.Newest(client);
}

std::map<core::ClientId, core::Intake> IntakeService::NewestOf(
    const std::vector<core::ClientId>& clients) {
    return m_intakes.NewestOf(clients);
}

std::map<core::ClientId, core::Intake> IntakeService::NewestHealthOf(
    const std::vector<core::ClientId>& clients) {
    if (!BookScreens()) {
        return {};
    }
    return m_intakes.NewestHealthOf(clients);
}

std::optional<core::Intake> IntakeService::Get(core::IntakeId intake) {
    m_context.Require(core::Right::kReadClinical);
    return m_intakes.Get(intake);
}

std::vector<core::ContraindicationFlag> IntakeService::Flags(const core::Intake& intake,
                                                             const std::optional<core::Date>& on) {
    const auto settings = db::ClinicSettingsRepository(m_context.Database()).LoadScreening();
    return core::ScreenContraindications(intake, on.value_or(m_context.Today()), settings);
}

std::vector<db::IntakeVersion> IntakeService::History(core::ClientId client) {
    m_context.Require(core::Right::kReadClinical);
    ClientService(m_context).Get(client);
    return m_intakes.History(client);
}

core::DistanceUnit IntakeService::Units(core::ClientId client) {
    return m_intakes.NewestUnits(client).value_or(core::DistanceUnit::kKm);
}

std::optional<core::DistanceUnit> IntakeService::NewestUnits(core::ClientId client) {
    return m_intakes.NewestUnits(client);
}

}  // namespace myodesk::services
