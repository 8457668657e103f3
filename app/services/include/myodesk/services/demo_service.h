#pragma once

#include <myodesk/core/demo_practice.h>
#include <myodesk/db/demo_writer.h>
#include <myodesk/services/context.h>

#include <cstdint>
#include <optional>

namespace myodesk::services {

// What demo practice to write: `today` is the context's today unless given.
struct DemoRequest {
    std::int64_t clients = 200;
    std::int64_t years = 2;
    std::uint64_t seed = 1;
    std::optional<core::Date> today;
    // Staff accounts to try the roles (kDemoPassword for all): "owner", "manager", "desk" (the
    // front desk) and "therapist1", "therapist2"... for the demo's therapists. Without them
    // the demo practice stays open (no sign-in).
    bool accounts = false;
};

// The password of every demo account (docs/roles.md).
inline constexpr const char* kDemoPassword = "myodesk-demo";

// Fills an empty database with a demo practice (db::WriteDemoPractice).
class DemoService {
  public:
    explicit DemoService(Context& context);

    // RuleError for clients or years outside core::DemoLimits; db::DatabaseNotEmptyError for
    // a database that holds clients (nothing written).
    db::DemoPracticeCounts Write(const DemoRequest& request, const db::DemoProgress& progress = {});

  private:
    void AddDemoAccounts();

    Context& m_context;
};

}  // namespace myodesk::services
