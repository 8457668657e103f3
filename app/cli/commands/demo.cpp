// demo
#include "command_declaration.h"

#include <myodesk/services/demo_service.h>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace myodesk::app {

namespace {

struct DemoOptions {
    std::int64_t clients = 0;
    std::int64_t years = 2;
    std::uint64_t seed = 1;
    std::optional<std::string> today;
    bool accounts = false;
};

void PrintCounts(CommandContext& context, const db::DemoPracticeCounts& counts, double seconds) {
    if (context.Json()) {
        context.PrintJson({{"clients", counts.clients},
                           {"therapists", counts.therapists},
                           {"intakes", counts.intakes},
                           {"training_entries", counts.training_entries},
                           {"session_notes", counts.notes},
                           {"plans", counts.plans},
                           {"appointments", counts.appointments},
                           {"seconds", seconds}});
        return;
    }
    fmt::print(context.Out(),
               "Demo practice: {} clients, {} therapists, {} intakes, {} session notes, {} "
               "plans, {} appointments in {:.1f} s\n",
               counts.clients, counts.therapists, counts.intakes, counts.notes, counts.plans,
               counts.appointments, seconds);
}

// Fills an empty database with a demo practice, reporting progress on the error stream every
// few thousand clients.
void RunDemo(CommandContext& context, const DemoOptions& options) {
    services::DemoRequest request;
    request.clients = options.clients;
    request.years = options.years;
    request.seed = options.seed;
    request.today = ParseDate(options.today, "--today");
    request.accounts = options.accounts;
    constexpr std::int64_t kProgressEvery = 2000;
    const auto started = std::chrono::steady_clock::now();
    db::DemoPracticeCounts counts;
    try {
        counts =
            services::DemoService(context.Services())
                .Write(request, [&](const db::DemoPracticeCounts& so_far) {
                    if (so_far.clients % kProgressEvery == 0 && so_far.clients < options.clients) {
                        fmt::print(context.Err(),
                                   "myodesk-cli: demo: {} of {} clients, {} session notes\n",
                                   so_far.clients, options.clients, so_far.notes);
                    }
                    return true;
                });
    } catch (const db::DatabaseNotEmptyError& error) {
        throw InvalidInput(error.what());
    }
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    PrintCounts(context, counts, seconds);
    if (options.accounts && !context.Json()) {
        fmt::print(context.Out(),
                   "Accounts (password {}): owner, manager, desk (front desk), therapist1 to "
                   "therapist{}\n",
                   services::kDemoPassword, counts.therapists);
    }
}

}  // namespace

void AddDemoCommand(CLI::App& app, CommandContext& context) {
    auto options = std::make_shared<DemoOptions>();
    CLI::App* command = app.add_subcommand(
        "demo",
        "Fill an empty database with a demo practice: therapists, runners with intakes, "
        "training calendars, Y years (default 2) of session notes, plans. The same seed "
        "(default 1), N, Y and day give the same practice.");
    command->fallthrough();
    command->footer(kCommandFooter);
    command->callback([&context, options] { RunDemo(context, *options); });
    command->add_option("--clients", options->clients, "how many runners")
        ->type_name("N")
        ->required()
        ->check(NotNegative());
    command->add_option("--years", options->years, "years of session history")
        ->type_name("Y")
        ->check(NotNegative());
    command->add_option("--seed", options->seed, "the random seed")
        ->type_name("S")
        ->check(NotNegative());
    command->add_option("--today", options->today, "the practice's last day (default: today)")
        ->type_name("YYYY-MM-DD");
    command->add_flag("--accounts", options->accounts,
                      "staff accounts to try the roles: owner, manager, desk, therapist1... "
                      "(password myodesk-demo); without it the demo needs no sign-in");
}

}  // namespace myodesk::app
