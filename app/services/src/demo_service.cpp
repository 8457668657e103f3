#include <myodesk/db/staff_repository.h>
#include <myodesk/services/account_service.h>
#include <myodesk/services/demo_service.h>
#include <myodesk/services/errors.h>

#include <fmt/format.h>

namespace myodesk::services {

DemoService::DemoService(Context& context) : m_context(context) {}

db::DemoPracticeCounts DemoService::Write(const DemoRequest& request,
                                          const db::DemoProgress& progress) {
    if (request.clients < 1 || request.clients > core::DemoLimits::kMaxClients) {
        throw RuleError(fmt::format("clients: must be between 1 and {}, not {}",
                                    core::DemoLimits::kMaxClients, request.clients));
    }
    if (request.years < 1 || request.years > core::DemoLimits::kMaxYears) {
        throw RuleError(fmt::format("years: must be between 1 and {}, not {}",
                                    core::DemoLimits::kMaxYears, request.years));
    }
    core::DemoOptions options;
    options.clients = static_cast<int>(request.clients);
    options.years = static_cast<int>(request.years);
    options.seed = request.seed;
    options.today = request.today.value_or(m_context.Today());
    db::DemoPracticeCounts counts = db::WriteDemoPractice(m_context.Database(), options, progress);
    if (request.accounts) {
        AddDemoAccounts();
    }
    return counts;
}

void DemoService::AddDemoAccounts() {
    const std::vector<core::Staff> therapists = db::StaffRepository(m_context.Database()).List();
    AccountService accounts(m_context);
    accounts.SetUpOwner("Demo Owner", "owner", kDemoPassword);
    int number = 0;
    for (const core::Staff& therapist : therapists) {
        accounts.GiveAccount(therapist.id, fmt::format("therapist{}", ++number), kDemoPassword);
    }
    accounts.AddStaff({0, "Demo Manager", core::StaffRole::kManager, true, "manager"},
                      kDemoPassword);
    accounts.AddStaff({0, "Demo Front Desk", core::StaffRole::kFrontDesk, true, "desk"},
                      kDemoPassword);
    accounts.SignOut();
}

}  // namespace myodesk::services
