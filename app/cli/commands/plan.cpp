// plan generate|show|accept|move|skip|history
#include "appointment_json.h"
#include "cli_words.h"
#include "command_declaration.h"
#include "screening_warning.h"
#include "text_layout.h"

#include <myodesk/core/plan.h>
#include <myodesk/core/plan_json.h>
#include <myodesk/core/plan_text.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/errors.h>
#include <myodesk/services/plan_service.h>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <climits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace myodesk::app {

namespace {

// The client and their current plan; the messages say how to go on.
struct ClientPlan {
    core::Client client;
    core::Plan plan;
};

ClientPlan CurrentPlan(CommandContext& context, core::ClientId id) {
    ClientPlan found{services::ClientService(context.Services()).Get(id), {}};
    try {
        found.plan = services::PlanService(context.Services()).RequireCurrent(found.client);
    } catch (const services::NoPlanError& error) {
        throw db::NotFoundError(fmt::format(
            "{} (client {}) has no plan yet; make one with: myodesk-cli plan generate {}",
            error.ClientName(), error.ClientId(), error.ClientId()));
    }
    return found;
}

std::size_t SessionOn(const ClientPlan& found, const core::Date& date) {
    try {
        return services::PlanService::SessionOn(found.client, found.plan, date);
    } catch (const services::NoPlanSessionError& error) {
        throw db::NotFoundError(fmt::format(
            "{} (see myodesk-cli plan show {}).",
            std::string(error.what()).substr(0, std::string_view(error.what()).size() - 1),
            error.ClientId()));
    }
}

void PrintSession(std::ostream& out, const core::Plan& plan, const core::PlannedSession& session) {
    std::string status;
    if (session.status != core::PlannedSessionStatus::kPlanned) {
        status = fmt::format(" [{}{}]", SessionStatusWords(session.status),
                             session.appointment_id
                                 ? fmt::format(", appointment {}", *session.appointment_id)
                                 : std::string());
    }
    if (session.moved_from) {
        status += fmt::format(" (moved from {})", core::FormatIsoDate(*session.moved_from));
    }
    fmt::print(out, "  {} ({})  {}{}\n", core::FormatIsoDate(session.date),
               WeekdayWords(session.date), PhaseWords(session.phase), status);
    std::vector<std::string> techniques;
    for (const auto technique : session.techniques) {
        techniques.push_back(TechniqueWords(technique));
    }
    fmt::print(out, "    {}; {} min; pressure {}/10 ({})\n", fmt::join(techniques, ", "),
               session.duration_min, session.pressure_max, PressureWords(session.pressure_max));
    if (!session.regions.empty()) {
        std::vector<std::string> regions;
        for (const auto& region : session.regions) {
            regions.push_back(core::DescribeRegion(region));
        }
        fmt::print(out, "    regions: {}\n", fmt::join(regions, ", "));
    }
    for (const auto& reason : session.reasons) {
        fmt::print(out, "    why: {}\n", core::DescribeReason(reason, plan.units));
    }
    for (const auto& caution : session.cautions) {
        fmt::print(out, "    caution: {}\n", core::DescribeCaution(caution, plan.units));
    }
}

// The race the plan is built around; a race too far ahead is named but not planned for.
std::string RaceText(const core::Plan& plan) {
    if (plan.race_date) {
        return fmt::format("{} ({})", core::FormatIsoDate(*plan.race_date),
                           WeekdayWords(*plan.race_date));
    }
    const auto far = std::find_if(plan.warnings.begin(), plan.warnings.end(), [](const auto& w) {
        return w.code == core::PlanWarningCode::kRaceTooFar;
    });
    if (far != plan.warnings.end()) {
        return fmt::format("{}, more than a year ahead: not planned around yet",
                           core::FormatIsoDate(far->date));
    }
    return "none with a date";
}

void PrintPlan(std::ostream& out, const core::Client& client, const core::Plan& plan) {
    PrintField(out, "Plan",
               fmt::format("{} for {} (client {})", plan.id, core::DisplayName(client), client.id));
    PrintField(out, "Dates",
               fmt::format("{} to {} (made on {})", core::FormatIsoDate(plan.from),
                           core::FormatIsoDate(plan.to), core::FormatIsoDate(plan.generated_on)));
    PrintField(out, "Race", RaceText(plan));
    if (plan.refer) {
        PrintField(out, "Refer", "YES (see the warnings)");
    }
    if (!plan.warnings.empty()) {
        fmt::print(out, "Warnings:\n");
        for (const auto& warning : plan.warnings) {
            fmt::print(out, "  ! {}\n", core::DescribeWarning(warning, plan.units));
        }
    }
    if (!plan.phases.empty()) {
        fmt::print(out, "Phases:\n");
        for (const auto& span : plan.phases) {
            fmt::print(out, "  {:<15}{} to {}\n", PhaseWords(span.phase),
                       core::FormatIsoDate(span.from), core::FormatIsoDate(span.to));
        }
    }
    fmt::print(out, "Sessions:{}\n", plan.sessions.empty() ? " none" : "");
    for (const auto& session : plan.sessions) {
        PrintSession(out, plan, session);
    }
    if (!plan.home_care.empty()) {
        fmt::print(out, "Home care:\n");
        for (const auto& care : plan.home_care) {
            fmt::print(out, "  {:<15}{}\n", PhaseWords(care.phase), core::DescribeHomeCare(care));
        }
    }
}

void PrintChanges(std::ostream& out, const core::Plan& before,
                  const std::vector<core::PlanChange>& changes) {
    fmt::print(out, "Changes since the plan of {}:{}\n", core::FormatIsoDate(before.generated_on),
               changes.empty() ? " none" : "");
    for (const auto& change : changes) {
        switch (change.kind) {
            case core::PlanChangeKind::kAdded:
                fmt::print(out, "  + {} added\n", core::FormatIsoDate(change.date));
                break;
            case core::PlanChangeKind::kRemoved:
                fmt::print(out, "  - {} removed\n", core::FormatIsoDate(change.date));
                break;
            case core::PlanChangeKind::kChanged:
                fmt::print(out, "  ~ {} changed: {}\n", core::FormatIsoDate(change.date),
                           fmt::join(change.fields, ", "));
                break;
        }
    }
}

// The plan's sessions are named by their date on the command line.
struct SessionWords {
    core::ClientId client = 0;
    std::string date;
};

void AddSessionArguments(CLI::App& command, SessionWords& words) {
    AddIdArgument(command, "CLIENT_ID", words.client, "a client id", "the client");
    command.add_option("DATE", words.date, "the day of the plan's session")
        ->type_name("YYYY-MM-DD")
        ->required();
}

void AddGenerate(CLI::App& group, CommandContext& context) {
    struct Options {
        core::ClientId client = 0;
        std::optional<std::string> from;
        std::optional<std::int64_t> weeks;
    };
    auto options = std::make_shared<Options>();
    auto& command = AddCommand(
        group, "generate",
        "Make and save a massage plan around the training (from today unless --from) and show "
        "what changed.",
        [&context, options] {
            const auto from = ParseDate(options->from, "--from");
            std::optional<int> weeks;
            if (options->weeks) {
                weeks = static_cast<int>(std::min<std::int64_t>(*options->weeks, INT_MAX));
            }
            const auto generated =
                services::PlanService(context.Services()).Generate(options->client, from, weeks);
            if (context.Json()) {
                context.PrintJson(core::PlanToJson(generated.plan));
                return;
            }
            const auto client = services::ClientService(context.Services()).Get(options->client);
            PrintPlan(context.Out(), client, generated.plan);
            if (generated.previous) {
                PrintChanges(context.Out(), *generated.previous, generated.changes);
            }
        });
    AddIdArgument(command, "CLIENT_ID", options->client, "a client id", "the client");
    command.add_option("--from", options->from, "the plan's first day")->type_name("YYYY-MM-DD");
    command.add_option("--weeks", options->weeks, "how many weeks it spans (1-104)")
        ->type_name("N")
        ->check(NotNegative());
}

void AddShow(CLI::App& group, CommandContext& context) {
    auto client = std::make_shared<core::ClientId>(0);
    auto& command = AddCommand(group, "show", "The current (newest) plan.", [&context, client] {
        const auto found = CurrentPlan(context, *client);
        if (context.Json()) {
            context.PrintJson(core::PlanToJson(found.plan));
            return;
        }
        PrintPlan(context.Out(), found.client, found.plan);
    });
    AddIdArgument(command, "CLIENT_ID", *client, "a client id", "the client");
}

// Books the current plan's session on DATE with a therapist at a time.
void AddAccept(CLI::App& group, CommandContext& context) {
    struct Options {
        SessionWords session;
        std::optional<std::int64_t> therapist;
        std::string time;
        std::optional<std::int64_t> duration;
        std::string override_flag;
        bool outside_hours = false;
    };
    auto options = std::make_shared<Options>();
    auto& command = AddCommand(
        group, "accept", "Book the plan's session on DATE and print the appointment id.",
        [&context, options] {
            const auto date = ParseDate(options->session.date, "date");
            const auto minute = core::ParseClockTime(options->time);
            if (!minute) {
                throw InvalidInput(
                    fmt::format("start_time: '{}' is not a time; use the form HH:MM (00:00-23:59)",
                                options->time));
            }
            const auto found = CurrentPlan(context, options->session.client);
            const auto index = SessionOn(found, date);
            core::Appointment appointment;
            appointment.therapist_id = *options->therapist;
            appointment.start_minute = *minute;
            // Capped, so a huge number is refused as out of range rather than wrapped.
            appointment.duration_min = static_cast<int>(std::min<std::int64_t>(
                options->duration.value_or(found.plan.sessions[index].duration_min), 100000));
            appointment.flag_override = options->override_flag;
            services::BookingNotice notice;
            appointment =
                services::PlanService(context.Services())
                    .Book(found.plan, index, appointment, options->outside_hours, &notice);
            WarnOfNotice(context, appointment, notice);
            WarnOfScreeningGap(context, found.plan.client_id, appointment.date);
            if (context.Json()) {
                context.PrintJson(AppointmentJson(appointment, {appointment.id, std::nullopt}));
            } else {
                context.Out() << appointment.id << '\n';
            }
        });
    AddSessionArguments(command, options->session);
    AddIdOption(command, "--therapist", options->therapist, "a staff id", "who gives it")
        ->type_name("STAFF_ID")
        ->required();
    command.add_option("--time", options->time, "when it starts")->type_name("HH:MM")->required();
    command.add_option("--duration", options->duration, "minutes (default: the session's)")
        ->type_name("N")
        ->check(NotNegative());
    command
        .add_option("--override-flag", options->override_flag,
                    "why the session is booked despite an absolute contraindication flag on its "
                    "day (stored with the appointment)")
        ->type_name("REASON");
    command.add_flag("--outside-hours", options->outside_hours,
                     "book it although it lies outside the clinic's opening hours or the "
                     "therapist's working hours");
}

void AddMove(CLI::App& group, CommandContext& context) {
    struct Options {
        SessionWords session;
        std::string to;
    };
    auto options = std::make_shared<Options>();
    auto& command = AddCommand(
        group, "move", "Move the plan's session on DATE to another day.", [&context, options] {
            const auto date = ParseDate(options->session.date, "date");
            const auto to = ParseDate(options->to, "--to");
            const auto found = CurrentPlan(context, options->session.client);
            const auto index = SessionOn(found, date);
            services::MovedSession moved;
            try {
                moved = services::PlanService(context.Services()).Move(found.plan, index, to);
            } catch (const services::MoveRefusedError& refused) {
                fmt::print(context.Err(), "myodesk-cli: {}:\n", refused.what());
                for (const auto& warning : refused.Warnings()) {
                    fmt::print(context.Err(), "  {}\n",
                               core::DescribeWarning(warning, refused.Units()));
                }
                throw InvalidInput("nothing was changed");
            }
            if (context.Json()) {
                context.PrintJson(core::PlanToJson(moved.plan));
                return;
            }
            for (const auto& warning : moved.warnings) {
                fmt::print(context.Out(), "! {}\n",
                           core::DescribeWarning(warning, found.plan.units));
            }
            fmt::print(context.Out(), "Moved the session of {} to {} ({})\n",
                       core::FormatIsoDate(date), core::FormatIsoDate(to), WeekdayWords(to));
        });
    AddSessionArguments(command, options->session);
    command.add_option("--to", options->to, "the new day")->type_name("YYYY-MM-DD")->required();
}

void AddSkip(CLI::App& group, CommandContext& context) {
    auto session = std::make_shared<SessionWords>();
    auto& command =
        AddCommand(group, "skip", "Mark the plan's session on DATE skipped.", [&context, session] {
            const auto date = ParseDate(session->date, "date");
            const auto found = CurrentPlan(context, session->client);
            const auto index = SessionOn(found, date);
            const auto plan = services::PlanService(context.Services()).Skip(found.plan, index);
            if (context.Json()) {
                context.PrintJson(core::PlanToJson(plan));
                return;
            }
            fmt::print(context.Out(), "Skipped the session of {}\n", core::FormatIsoDate(date));
        });
    AddSessionArguments(command, *session);
}

void PrintHistory(CommandContext& context, const core::Client& client,
                  const std::vector<db::PlanSummary>& history) {
    if (context.Json()) {
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const auto& summary : history) {
            list.push_back({{"id", summary.id},
                            {"generated_on", core::FormatIsoDate(summary.generated_on)},
                            {"from", core::FormatIsoDate(summary.from)},
                            {"to", core::FormatIsoDate(summary.to)},
                            {"session_count", summary.session_count},
                            {"refer", summary.refer},
                            {"created_at", summary.created_at}});
        }
        context.PrintJson(list);
        return;
    }
    auto& out = context.Out();
    if (history.empty()) {
        fmt::print(out, "{} (client {}) has no plan yet.\n", core::DisplayName(client), client.id);
        return;
    }
    fmt::print(out, "{:>8}  {:<10}  {:<10}  {:<10}  {:>8}  {}\n", "ID", "Made on", "From", "To",
               "Sessions", "Saved at");
    for (const auto& summary : history) {
        fmt::print(out, "{:>8}  {:<10}  {:<10}  {:<10}  {:>8}  {}{}\n", summary.id,
                   core::FormatIsoDate(summary.generated_on), core::FormatIsoDate(summary.from),
                   core::FormatIsoDate(summary.to), summary.session_count, summary.created_at,
                   summary.refer ? "  REFER" : "");
    }
}

void AddHistory(CLI::App& group, CommandContext& context) {
    auto client = std::make_shared<core::ClientId>(0);
    auto& command =
        AddCommand(group, "history", "Every plan made, newest first.", [&context, client] {
            const auto who = services::ClientService(context.Services()).Get(*client);
            PrintHistory(context, who, services::PlanService(context.Services()).History(*client));
        });
    AddIdArgument(command, "CLIENT_ID", *client, "a client id", "the client");
}

}  // namespace

void AddPlanCommands(CLI::App& app, CommandContext& context) {
    auto& group = AddGroup(app, "plan", "Massage plans around the training, and booking them.");
    AddGenerate(group, context);
    AddShow(group, context);
    AddAccept(group, context);
    AddMove(group, context);
    AddSkip(group, context);
    AddHistory(group, context);
}

}  // namespace myodesk::app
