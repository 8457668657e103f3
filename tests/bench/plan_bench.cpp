// Row 4: core::GeneratePlan, one 16-week plan per generated runner (core only: no database, so
// there is no raw column). The same pass times the demo practice generator alone, which the
// write benchmark subtracts from both of its sides.
#include "bench.h"

#include <fmt/format.h>

#include <iostream>

namespace myodesk::bench {

void RunPlanGeneration(BenchContext& context) {
    const BenchOptions& options = context.options;
    const int clients = Scaled(kPracticeClients, options.scale, 20);
    std::cout << fmt::format("plan generation: {} generated runners\n", FormatCount(clients))
              << std::flush;

    core::DemoPracticeGenerator generator(PracticeOptions(context, clients));
    core::DemoClient client;
    Samples plans;
    double generation = 0;
    std::size_t sessions = 0;  // read, so that no plan is optimised away
    for (core::ClientId id = 1;; ++id) {
        const auto generate_start = BenchClock::now();
        const bool more = generator.Next(client);
        generation += Seconds(generate_start, BenchClock::now());
        if (!more) {
            break;
        }
        const core::PlanInputs inputs = PlanInputsFor(client, id, options.today, kPlanWeeks);
        if (id == 1) {
            // Warm-up: code, allocator and caches.
            for (int i = 0; i < 200; ++i) {
                sessions += core::GeneratePlan(inputs).sessions.size();
            }
        }
        const auto start = BenchClock::now();
        const core::Plan plan = core::GeneratePlan(inputs);
        plans.Add(Seconds(start, BenchClock::now()));
        sessions += plan.sessions.size();
    }
    context.generation_seconds = generation;
    std::cout << fmt::format("  {} plans ({} sessions); generating the runners took {}\n",
                             FormatCount(static_cast<std::int64_t>(plans.Count())),
                             FormatCount(static_cast<std::int64_t>(sessions)),
                             FormatDuration(generation))
              << std::flush;

    const double per_plan = plans.P95();
    context.table.Add(
        {fmt::format("Plan generation: one {}-week plan (p95 of {} runners)", kPlanWeeks,
                     FormatCount(static_cast<std::int64_t>(plans.Count()))),
         fmt::format("{} (p50 {})", FormatDuration(per_plan), FormatDuration(plans.P50())), "—",
         "—", "< 100 µs", Check(per_plan < 100e-6), ""});
    const double all = plans.Sum();
    const bool full_size = clients >= kPracticeClients;
    context.table.Add(
        {fmt::format("Plan generation: all plans of {} clients", FormatCount(clients)),
         FormatDuration(all), "—", "—",
         full_size
             ? "< 10 s"
             : fmt::format("< {} (10 s scaled)", FormatDuration(10.0 * clients / kPracticeClients)),
         Check(all < 10.0 * clients / kPracticeClients), ""});
}

}  // namespace myodesk::bench
