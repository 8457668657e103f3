// hours show|set|off, rooms add|list, services add|list
#include "cli_words.h"
#include "command_declaration.h"
#include "text_layout.h"

#include <myodesk/core/working_hours.h>
#include <myodesk/services/practice_setup_service.h>
#include <myodesk/services/staff_service.h>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <array>
#include <charconv>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace myodesk::app {

namespace {

constexpr std::array<core::Weekday, 7> kWeek{core::Weekday::kMonday,    core::Weekday::kTuesday,
                                             core::Weekday::kWednesday, core::Weekday::kThursday,
                                             core::Weekday::kFriday,    core::Weekday::kSaturday,
                                             core::Weekday::kSunday};

// "clinic" or a staff id.
std::optional<core::StaffId> ParseWhose(const std::string& text) {
    if (text == "clinic") {
        return std::nullopt;
    }
    std::int64_t id = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (text.empty() || error != std::errc() || end != text.data() + text.size() || id <= 0) {
        throw InvalidInput(
            fmt::format("'{}' is neither clinic nor a staff id (a whole number above 0)", text));
    }
    return id;
}

nlohmann::ordered_json PatternJson(const core::HoursSetting& pattern) {
    nlohmann::ordered_json days = nlohmann::ordered_json::object();
    for (const core::Weekday day : kWeek) {
        const auto& ranges = pattern.On(day);
        if (!ranges) {
            days[std::string(core::ToCode(day))] = nullptr;
            continue;
        }
        nlohmann::ordered_json list = nlohmann::ordered_json::array();
        for (const auto& range : *ranges) {
            list.push_back(core::FormatTimeRanges({range}));
        }
        days[std::string(core::ToCode(day))] = list;
    }
    return days;
}

// One line a weekday: the ranges, "closed", or what an unset day means.
void PrintPattern(std::ostream& out, const core::HoursSetting& pattern, const char* unset) {
    for (const core::Weekday day : kWeek) {
        const auto& ranges = pattern.On(day);
        fmt::print(out, "  {}  {}\n", Padded(WeekdayWords(day), 10),
                   !ranges           ? unset
                   : ranges->empty() ? "closed"
                                     : core::FormatTimeRanges(*ranges));
    }
}

void AddHoursShow(CLI::App& group, CommandContext& context) {
    AddCommand(group, "show",
               "The clinic's opening hours, each therapist's working hours, and the days off "
               "of the next 90 days.",
               [&context] {
                   services::PracticeSetupService setup(context.Services());
                   const auto staff = services::StaffService(context.Services()).List();
                   const core::Date today = context.Today();
                   const core::Date until = core::AddDays(today, 90);
                   if (context.Json()) {
                       nlohmann::ordered_json therapists = nlohmann::ordered_json::array();
                       for (const auto& member : staff) {
                           therapists.push_back({{"staff_id", member.id},
                                                 {"name", member.name},
                                                 {"hours", PatternJson(setup.Pattern(member.id))}});
                       }
                       nlohmann::ordered_json off = nlohmann::ordered_json::array();
                       for (const auto& entry : setup.DaysOff(std::nullopt, today, until)) {
                           off.push_back({{"id", entry.id},
                                          {"staff_id", nullptr},
                                          {"from", core::FormatIsoDate(entry.days.from)},
                                          {"to", core::FormatIsoDate(entry.days.to)}});
                       }
                       for (const auto& member : staff) {
                           for (const auto& entry : setup.DaysOff(member.id, today, until)) {
                               if (entry.staff) {
                                   off.push_back({{"id", entry.id},
                                                  {"staff_id", *entry.staff},
                                                  {"from", core::FormatIsoDate(entry.days.from)},
                                                  {"to", core::FormatIsoDate(entry.days.to)}});
                               }
                           }
                       }
                       context.PrintJson({{"clinic", PatternJson(setup.Pattern())},
                                          {"therapists", therapists},
                                          {"days_off", off}});
                       return;
                   }
                   auto& out = context.Out();
                   fmt::print(out, "Clinic\n");
                   PrintPattern(out, setup.Pattern(), "not set (any time)");
                   for (const auto& member : staff) {
                       fmt::print(out, "{} (staff {})\n", member.name, member.id);
                       PrintPattern(out, setup.Pattern(member.id), "as the clinic");
                   }
                   fmt::print(out, "Days off until {}\n", core::FormatIsoDate(until));
                   bool any = false;
                   for (const auto& entry : setup.DaysOff(std::nullopt, today, until)) {
                       fmt::print(out, "  {:>6}  {} to {}  clinic closed\n", entry.id,
                                  core::FormatIsoDate(entry.days.from),
                                  core::FormatIsoDate(entry.days.to));
                       any = true;
                   }
                   for (const auto& member : staff) {
                       for (const auto& entry : setup.DaysOff(member.id, today, until)) {
                           if (entry.staff) {
                               fmt::print(out, "  {:>6}  {} to {}  {}\n", entry.id,
                                          core::FormatIsoDate(entry.days.from),
                                          core::FormatIsoDate(entry.days.to), member.name);
                               any = true;
                           }
                       }
                   }
                   if (!any) {
                       fmt::print(out, "  none\n");
                   }
               });
}

void AddHoursSet(CLI::App& group, CommandContext& context) {
    struct Options {
        std::string whose;
        std::string weekday;
        std::string hours;
    };
    auto options = std::make_shared<Options>();
    auto& command = AddCommand(
        group, "set",
        "Set one weekday of the clinic's opening hours or a therapist's working hours: ranges "
        "such as 09:00-12:30,13:30-18:00, closed, or unset (a therapist then follows the "
        "clinic; the clinic is then not checked).",
        [&context, options] {
            const auto whose = ParseWhose(options->whose);
            const auto day = core::FromCode<core::Weekday>(options->weekday);
            if (!day) {
                throw InvalidInput(
                    fmt::format("weekday: '{}' is not a weekday; use monday, tuesday, ... sunday",
                                options->weekday));
            }
            std::optional<std::vector<core::TimeRange>> ranges;
            if (options->hours == "closed") {
                ranges.emplace();
            } else if (options->hours != "unset") {
                ranges = core::ParseTimeRanges(options->hours);
                if (!ranges) {
                    throw InvalidInput(fmt::format(
                        "hours: '{}' is not of the form HH:MM-HH:MM[,HH:MM-HH:MM] (at most {} "
                        "ranges), closed or unset",
                        options->hours, core::WorkingHoursLimits::kRangesPerDay));
                }
            }
            services::PracticeSetupService setup(context.Services());
            setup.SetDay(whose, *day, ranges);
            const core::HoursSetting pattern = setup.Pattern(whose);
            const auto& saved = pattern.On(*day);
            fmt::print(context.Out(), "{} {}: {}\n",
                       whose ? fmt::format("Staff {}", *whose) : "Clinic", WeekdayWords(*day),
                       !saved           ? "unset"
                       : saved->empty() ? "closed"
                                        : core::FormatTimeRanges(*saved));
        });
    command.add_option("WHOSE", options->whose, "clinic, or a therapist's staff id")
        ->type_name("clinic|STAFF_ID")
        ->required();
    command.add_option("WEEKDAY", options->weekday, "monday ... sunday")
        ->type_name("WEEKDAY")
        ->required();
    command.add_option("HOURS", options->hours, "the ranges, closed or unset")
        ->type_name("HH:MM-HH:MM[,HH:MM-HH:MM]|closed|unset")
        ->required();
}

void AddHoursOff(CLI::App& group, CommandContext& context) {
    struct Options {
        std::string whose;
        PeriodText period;
    };
    auto options = std::make_shared<Options>();
    auto& command = AddCommand(
        group, "off",
        "Days a therapist does not work (leave), or the clinic is closed (a holiday), both "
        "days included; prints the entry's id.",
        [&context, options] {
            const auto whose = ParseWhose(options->whose);
            const core::DaysOff days{ParseDate(options->period.from, "--from"),
                                     ParseDate(options->period.to, "--to")};
            const auto id =
                services::PracticeSetupService(context.Services()).AddDaysOff(whose, days);
            if (context.Json()) {
                context.PrintJson({{"id", id},
                                   {"staff_id", whose ? nlohmann::ordered_json(*whose)
                                                      : nlohmann::ordered_json()},
                                   {"from", core::FormatIsoDate(days.from)},
                                   {"to", core::FormatIsoDate(days.to)}});
            } else {
                context.Out() << id << '\n';
            }
        });
    command.add_option("WHOSE", options->whose, "clinic, or a therapist's staff id")
        ->type_name("clinic|STAFF_ID")
        ->required();
    AddRequiredPeriod(command, options->period, "time off");
}

void AddRoomAdd(CLI::App& group, CommandContext& context) {
    auto room = std::make_shared<core::Room>();
    auto& command =
        AddCommand(group, "add", "Add a treatment room and print its id.", [&context, room] {
            core::Room added = *room;
            services::PracticeSetupService(context.Services()).AddRoom(added);
            if (context.Json()) {
                context.PrintJson({{"id", added.id},
                                   {"name", added.name},
                                   {"changeover_min", added.changeover_min},
                                   {"active", added.active}});
            } else {
                context.Out() << added.id << '\n';
            }
        });
    command.add_option("--name", room->name, "what the desk calls it")
        ->type_name("NAME")
        ->required();
    command
        .add_option("--changeover", room->changeover_min,
                    "minutes the room stays free after each appointment (default 0)")
        ->type_name("MIN")
        ->check(NotNegative());
}

void AddRoomList(CLI::App& group, CommandContext& context) {
    auto all = std::make_shared<bool>(false);
    auto& command =
        AddCommand(group, "list", "The rooms by name; --all: retired ones too.", [&context, all] {
            const auto rooms = services::PracticeSetupService(context.Services()).Rooms(*all);
            if (context.Json()) {
                nlohmann::ordered_json list = nlohmann::ordered_json::array();
                for (const auto& room : rooms) {
                    list.push_back({{"id", room.id},
                                    {"name", room.name},
                                    {"changeover_min", room.changeover_min},
                                    {"active", room.active}});
                }
                context.PrintJson(list);
                return;
            }
            auto& out = context.Out();
            fmt::print(out, "{:>8}  {}  {}\n", "ID", Padded("Name", 32), "Changeover");
            for (const auto& room : rooms) {
                fmt::print(out, "{:>8}  {}  {} min{}\n", room.id, Padded(room.name, 32),
                           room.changeover_min, room.active ? "" : " (retired)");
            }
        });
    command.add_flag("--all", *all, "retired rooms too");
}

void AddServiceAdd(CLI::App& group, CommandContext& context) {
    auto service = std::make_shared<core::Service>();
    auto& command = AddCommand(
        group, "add", "Add a service (what is booked, with its usual length) and print its id.",
        [&context, service] {
            core::Service added = *service;
            services::PracticeSetupService(context.Services()).AddService(added);
            if (context.Json()) {
                context.PrintJson({{"id", added.id},
                                   {"name", added.name},
                                   {"duration_min", added.duration_min},
                                   {"active", added.active}});
            } else {
                context.Out() << added.id << '\n';
            }
        });
    command.add_option("--name", service->name, "what the desk calls it")
        ->type_name("NAME")
        ->required();
    command.add_option("--duration", service->duration_min, "its usual length in minutes")
        ->type_name("MIN")
        ->required()
        ->check(NotNegative());
}

void AddServiceList(CLI::App& group, CommandContext& context) {
    auto all = std::make_shared<bool>(false);
    auto& command = AddCommand(
        group, "list", "The services by name; --all: retired ones too.", [&context, all] {
            const auto list = services::PracticeSetupService(context.Services()).Services(*all);
            if (context.Json()) {
                nlohmann::ordered_json json = nlohmann::ordered_json::array();
                for (const auto& service : list) {
                    json.push_back({{"id", service.id},
                                    {"name", service.name},
                                    {"duration_min", service.duration_min},
                                    {"active", service.active}});
                }
                context.PrintJson(json);
                return;
            }
            auto& out = context.Out();
            fmt::print(out, "{:>8}  {}  {}\n", "ID", Padded("Name", 32), "Duration");
            for (const auto& service : list) {
                fmt::print(out, "{:>8}  {}  {} min{}\n", service.id, Padded(service.name, 32),
                           service.duration_min, service.active ? "" : " (retired)");
            }
        });
    command.add_flag("--all", *all, "retired services too");
}

}  // namespace

void AddPracticeSetupCommands(CLI::App& app, CommandContext& context) {
    auto& hours = AddGroup(app, "hours", "Opening hours, working hours and days off.");
    AddHoursShow(hours, context);
    AddHoursSet(hours, context);
    AddHoursOff(hours, context);
    auto& rooms = AddGroup(app, "rooms", "Treatment rooms.");
    AddRoomAdd(rooms, context);
    AddRoomList(rooms, context);
    auto& services = AddGroup(app, "services", "What is booked, with its usual length.");
    AddServiceAdd(services, context);
    AddServiceList(services, context);
}

}  // namespace myodesk::app
