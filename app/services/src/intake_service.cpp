#include <myodesk/db/clinic_settings_repository.h>
#include <myodesk/db/errors.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/errors.h>
#include <myodesk/services/intake_service.h>

#include <fmt/format.h>

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
    ClientService(m_context).Get(client);
    // The client is the one named; a "client" object is not used.
    std::erase_if(parsed.problems, IsClientProblem);
    if (!parsed.problems.empty()) {
        throw db::ValidationError(std::move(parsed.problems));
    }
    ImportedIntake imported{std::move(parsed.intake), parsed.client.has_value()};
    imported.intake.client_id = client;
    m_intakes.Add(imported.intake);
    return imported;
}

core::Intake IntakeService::Add(core::Intake intake) {
    m_intakes.Add(intake);
    return intake;
}

IntakeOnDay IntakeService::Show(core::ClientId client, const std::optional<core::IntakeId>& intake,
                                const std::optional<core::Date>& on) {
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

std::optional<core::Intake> IntakeService::Newest(core::ClientId client) {
    return m_intakes.Newest(client);
}

std::vector<db::IntakeVersion> IntakeService::History(core::ClientId client) {
    ClientService(m_context).Get(client);
    return m_intakes.History(client);
}

core::DistanceUnit IntakeService::Units(core::ClientId client) {
    return m_intakes.NewestUnits(client).value_or(core::DistanceUnit::kKm);
}

}  // namespace myodesk::services
