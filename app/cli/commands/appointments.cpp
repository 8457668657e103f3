// appointments add|list|show|move|cancel|arrive|complete|no-show
#include "appointment_json.h"
#include "cli_words.h"
#include "command_declaration.h"
#include "report_output.h"
#include "screening_warning.h"
#include "text_layout.h"

#include <myodesk/core/session_note.h>
#include <myodesk/reports/day_sheet.h>
#include <myodesk/reports/icalendar.h>
#include <myodesk/reports/pdf_renderer.h>
#include <myodesk/services/appointment_service.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/practice_setup_service.h>
#include <myodesk/services/settings_service.h>
#include <myodesk/services/staff_service.h>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace myodesk::app {

namespace {

// "weekly" is 1, "Nweeks" N (3weeks); the range is the series' check to name.
int ParseRepeat(const std::string& text) {
    if (text == "weekly") {
        return 1;
    }
    const std::string suffix = "weeks";
    int weeks = 0;
    const char* end = text.data() + text.size() - suffix.size();
    if (text.size() > suffix.size() &&
        text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0) {
        const auto [stop, error] = std::from_chars(text.data(), end, weeks);
        if (error == std::errc() && stop == end) {
            return weeks;
        }
    }
    throw InvalidInput(fmt::format(
        "every_weeks: '{}' is not a repeat; use weekly or Nweeks (2weeks, 4weeks)", text));
}

int ParseTime(const std::string& text) {
    const auto minute = core::ParseClockTime(text);
    if (!minute) {
        throw InvalidInput(
            fmt::format("start_time: '{}' is not a time; use the form HH:MM (00:00-23:59)", text));
    }
    return *minute;
}

// Capped, so a huge number is refused as out of range rather than wrapped.
int Minutes(std::int64_t value) {
    return static_cast<int>(std::min<std::int64_t>(value, 100000));
}

// The names a listing shows, each read once.
class Names {
  public:
    explicit Names(services::Context& context) : m_context(context) {
        for (const auto& member : services::StaffService(context).List(true)) {
            m_staff[member.id] = member.name;
        }
        services::PracticeSetupService setup(context);
        for (const auto& room : setup.Rooms(true)) {
            m_rooms[room.id] = room.name;
        }
        for (const auto& service : setup.Services(true)) {
            m_services[service.id] = service.name;
        }
    }

    std::string Client(core::ClientId id) {
        auto found = m_clients.find(id);
        if (found == m_clients.end()) {
            const auto client = services::ClientService(m_context).Find(id);
            found = m_clients.emplace(id, client ? core::DisplayName(*client) : "?").first;
        }
        return found->second;
    }
    std::string Staff(core::StaffId id) const { return Of(m_staff, id); }
    std::string Room(const std::optional<core::RoomId>& id) const {
        return id ? Of(m_rooms, *id) : "";
    }
    std::string Service(const std::optional<core::ServiceId>& id) const {
        return id ? Of(m_services, *id) : "";
    }

  private:
    static std::string Of(const std::map<std::int64_t, std::string>& names, std::int64_t id) {
        const auto found = names.find(id);
        return found == names.end() ? "?" : found->second;
    }

    services::Context& m_context;
    std::map<std::int64_t, std::string> m_staff, m_rooms, m_services, m_clients;
};

void PrintAppointment(CommandContext& context, const core::Appointment& appointment,
                      const core::AppointmentRef& ref) {
    Names names(context.Services());
    auto& out = context.Out();
    fmt::print(out, "Appointment {}{}\n", core::FormatAppointmentRef(ref),
               core::IsUnstoredOccurrence(appointment) ? " (one of a series)" : "");
    fmt::print(out, "  Client:     {} (client {})\n", names.Client(appointment.client_id),
               appointment.client_id);
    fmt::print(out, "  Therapist:  {} (staff {})\n", names.Staff(appointment.therapist_id),
               appointment.therapist_id);
    fmt::print(out, "  When:       {} {}-{} ({} min)\n", core::FormatIsoDate(appointment.date),
               core::FormatClockTime(appointment.start_minute),
               core::FormatClockTime(core::EndOf(appointment).minute), appointment.duration_min);
    if (appointment.room_id) {
        fmt::print(out, "  Room:       {}\n", names.Room(appointment.room_id));
    }
    if (appointment.service_id) {
        fmt::print(out, "  Service:    {}\n", names.Service(appointment.service_id));
    }
    fmt::print(out, "  Status:     {}", StatusWords(appointment.status));
    if (!appointment.status_changed_at.empty()) {
        fmt::print(out, " ({}{})", appointment.status_changed_at,
                   appointment.status_changed_by
                       ? " by " + names.Staff(*appointment.status_changed_by)
                       : std::string());
    }
    fmt::print(out, "\n");
    if (!appointment.cancel_reason.empty()) {
        fmt::print(out, "  Reason:     {}\n", appointment.cancel_reason);
    }
    if (appointment.plan_id) {
        fmt::print(out, "  From plan:  {}\n", *appointment.plan_id);
    }
    if (!appointment.flag_override.empty()) {
        fmt::print(out, "  Flag overridden: {}\n", appointment.flag_override);
    }
    if (!appointment.notes.empty()) {
        fmt::print(out, "  Notes:      {}\n", appointment.notes);
    }
}

void PrintResult(CommandContext& context, const core::Appointment& appointment) {
    if (context.Json()) {
        context.PrintJson(AppointmentJson(appointment, {appointment.id, std::nullopt}));
    } else {
        context.Out() << appointment.id << '\n';
    }
}

// An appointment named as the desk names it: "42", or "42@2027-01-14" for the day of 42's
// series (core::ParseAppointmentRef).
CLI::Option* AddRefArgument(CLI::App& command, std::string& text) {
    return command
        .add_option("ID", text,
                    "the appointment: its id, or ID@YYYY-MM-DD for that day of ID's weekly "
                    "series (as `appointments list` shows it)")
        ->type_name("ID[@DATE]")
        ->required()
        ->check(CLI::Validator(
            [](std::string& value) -> std::string {
                if (!core::ParseAppointmentRef(value)) {
                    return fmt::format(
                        "'{}' is not an appointment (a whole number, or ID@YYYY-MM-DD)", value);
                }
                return {};
            },
            ""));
}

core::AppointmentRef RefFrom(const std::string& text) {
    return *core::ParseAppointmentRef(text);  // checked by AddRefArgument's validator
}

// How a listing names each appointment: unstored occurrences of a series by the series'
// first appointment and their day (each series looked up once).
class Refs {
  public:
    explicit Refs(services::AppointmentService& book) : m_book(book) {}
    core::AppointmentRef Of(const core::Appointment& appointment) {
        if (!core::IsUnstoredOccurrence(appointment)) {
            return {appointment.id, std::nullopt};
        }
        auto found = m_first.find(*appointment.series_id);
        if (found == m_first.end()) {
            found = m_first.emplace(*appointment.series_id, m_book.RefOf(appointment).id).first;
        }
        return {found->second, appointment.occurrence_date};
    }

  private:
    services::AppointmentService& m_book;
    std::map<core::SeriesId, core::AppointmentId> m_first;
};

// "every week until 2027-03-04", "every 2 weeks, 10 times"
std::string RuleWords(const core::Recurrence& rule) {
    std::string words = rule.every_weeks == 1 ? std::string("every week")
                                              : fmt::format("every {} weeks", rule.every_weeks);
    if (rule.until) {
        words += " until " + core::FormatIsoDate(*rule.until);
    }
    if (rule.count) {
        words += fmt::format(", {} times", *rule.count);
    }
    return words;
}

// The options every booking and move shares.
struct CheckOptions {
    std::string override_flag;
    bool outside_hours = false;
};

void AddCheckOptions(CLI::App& command, CheckOptions& options) {
    command
        .add_option("--override-flag", options.override_flag,
                    "why it is booked despite an absolute contraindication flag on its day "
                    "(stored with the appointment)")
        ->type_name("REASON");
    command.add_flag("--outside-hours", options.outside_hours,
                     "book it although it lies outside the clinic's opening hours or the "
                     "therapist's working hours");
}

void AddAdd(CLI::App& group, CommandContext& context) {
    struct Options {
        core::ClientId client = 0;
        std::optional<std::int64_t> therapist;
        std::string date;
        std::string time;
        std::optional<std::int64_t> duration;
        std::optional<std::int64_t> room;
        std::optional<std::int64_t> service;
        std::string notes;
        CheckOptions checks;
        std::optional<std::string> repeat;
        std::optional<std::string> until;
        std::optional<std::int64_t> count;
    };
    auto options = std::make_shared<Options>();
    auto& command = AddCommand(
        group, "add",
        "Book an appointment and print its id. The service, if given, sets the duration "
        "unless --duration does. With --repeat, a series: every occurrence is checked, and the "
        "id printed is its first appointment's.",
        [&context, options] {
            core::Appointment appointment;
            appointment.client_id = options->client;
            appointment.therapist_id = *options->therapist;
            appointment.date = ParseDate(options->date, "--date");
            appointment.start_minute = ParseTime(options->time);
            appointment.room_id = options->room;
            appointment.service_id = options->service;
            appointment.notes = options->notes;
            appointment.flag_override = options->checks.override_flag;
            if (options->service && !options->duration) {
                const auto service =
                    services::PracticeSetupService(context.Services()).Service(*options->service);
                if (!service) {
                    throw db::NotFoundError(
                        fmt::format("There is no service with id {}.", *options->service));
                }
                appointment.duration_min = service->duration_min;
            }
            if (options->duration) {
                appointment.duration_min = Minutes(*options->duration);
            }
            services::AppointmentService book(context.Services());
            if (options->repeat) {
                core::AppointmentSeries series;
                series.pattern = appointment;
                series.rule.every_weeks = ParseRepeat(*options->repeat);
                if (options->until) {
                    series.rule.until = ParseDate(*options->until, "--until");
                }
                if (options->count) {
                    series.rule.count = static_cast<int>(std::min<std::int64_t>(
                        *options->count, core::RecurrenceLimits::kMaxCount + 1));
                }
                core::AppointmentId first = 0;
                const auto notice = book.BookSeries(series, first, options->checks.outside_hours);
                WarnOfNotice(context, series.pattern, notice);
                WarnOfScreeningGap(context, appointment.client_id, appointment.date);
                PrintResult(context, book.Get(first));
                return;
            }
            const auto notice = book.Book(appointment, options->checks.outside_hours);
            WarnOfNotice(context, appointment, notice);
            WarnOfScreeningGap(context, appointment.client_id, appointment.date);
            PrintResult(context, appointment);
        });
    AddIdArgument(command, "CLIENT_ID", options->client, "a client id", "the client");
    AddIdOption(command, "--therapist", options->therapist, "a staff id", "who gives it")
        ->type_name("STAFF_ID")
        ->required();
    command.add_option("--date", options->date, "the day")->type_name("YYYY-MM-DD")->required();
    command.add_option("--time", options->time, "when it starts")->type_name("HH:MM")->required();
    command.add_option("--duration", options->duration, "minutes (default 60, or the service's)")
        ->type_name("MIN")
        ->check(NotNegative());
    AddIdOption(command, "--room", options->room, "a room id", "the room it takes")
        ->type_name("ROOM_ID");
    AddIdOption(command, "--service", options->service, "a service id", "what is booked")
        ->type_name("SERVICE_ID");
    command.add_option("--notes", options->notes, "the desk's notes on the booking")
        ->type_name("TEXT");
    AddCheckOptions(command, options->checks);
    auto* repeat = command
                       .add_option("--repeat", options->repeat,
                                   "book a series: every week, or every N weeks (1-52)")
                       ->type_name("weekly|Nweeks");
    auto* until = command.add_option("--until", options->until, "the series' last possible day")
                      ->type_name("YYYY-MM-DD");
    auto* count = command.add_option("--count", options->count, "how many appointments")
                      ->type_name("N")
                      ->check(NotNegative());
    until->needs(repeat);
    count->needs(repeat);
    until->excludes(count);
}

void AddList(CLI::App& group, CommandContext& context) {
    struct Options {
        std::optional<std::string> date;
        std::optional<std::string> from;
        std::optional<std::string> to;
        std::optional<std::int64_t> therapist;
        std::optional<std::int64_t> client;
        std::optional<std::string> status;
    };
    auto options = std::make_shared<Options>();
    auto& command = AddCommand(
        group, "list",
        "The appointments of a day (today unless --date) or of a period (--from and --to), by "
        "date and time; cancelled ones too unless --status says otherwise.",
        [&context, options] {
            core::Date from = context.Today();
            core::Date to = from;
            if (options->date) {
                from = to = ParseDate(*options->date, "--date");
            }
            if (options->from) {
                from = ParseDate(*options->from, "--from");
                to = ParseDate(*options->to, "--to");
            }
            db::AppointmentFilter filter;
            filter.therapist = options->therapist;
            filter.client = options->client;
            if (options->status) {
                filter.status = core::AppointmentStatusFromCode(*options->status);
                if (!filter.status) {
                    throw InvalidInput(fmt::format(
                        "status: '{}' is not a status; use booked, arrived, completed, no_show, "
                        "cancelled or late_cancelled",
                        *options->status));
                }
            }
            services::AppointmentService book(context.Services());
            const auto appointments = book.Between(from, to, filter);
            Refs refs(book);
            if (context.Json()) {
                nlohmann::ordered_json list = nlohmann::ordered_json::array();
                for (const auto& appointment : appointments) {
                    list.push_back(AppointmentJson(appointment, refs.Of(appointment)));
                }
                context.PrintJson(list);
                return;
            }
            Names names(context.Services());
            auto& out = context.Out();
            fmt::print(out, "{:>13}  {:<10}  {:<11}  {}  {}  {}  {}\n", "ID", "Date", "Time",
                       Padded("Client", 24), Padded("Therapist", 18), Padded("Room", 12), "Status");
            for (const auto& appointment : appointments) {
                fmt::print(out, "{:>13}  {}  {}-{}  {}  {}  {}  {}\n",
                           core::FormatAppointmentRef(refs.Of(appointment)),
                           core::FormatIsoDate(appointment.date),
                           core::FormatClockTime(appointment.start_minute),
                           core::FormatClockTime(core::EndOf(appointment).minute),
                           Padded(names.Client(appointment.client_id), 24),
                           Padded(names.Staff(appointment.therapist_id), 18),
                           Padded(names.Room(appointment.room_id), 12),
                           StatusWords(appointment.status));
            }
            if (appointments.empty()) {
                fmt::print(out, "No appointments.\n");
            }
        });
    auto* date = command.add_option("--date", options->date, "one day")->type_name("YYYY-MM-DD");
    auto* from =
        command.add_option("--from", options->from, "the first day")->type_name("YYYY-MM-DD");
    auto* to = command.add_option("--to", options->to, "the last day")->type_name("YYYY-MM-DD");
    from->needs(to);
    to->needs(from);
    date->excludes(from);
    date->excludes(to);
    AddIdOption(command, "--therapist", options->therapist, "a staff id", "only theirs")
        ->type_name("STAFF_ID");
    AddIdOption(command, "--client", options->client, "a client id", "only theirs")
        ->type_name("CLIENT_ID");
    command.add_option("--status", options->status, "only those with this status")
        ->type_name("booked|arrived|completed|no_show|cancelled|late_cancelled");
}

void AddShow(CLI::App& group, CommandContext& context) {
    auto ref = std::make_shared<std::string>();
    auto& command = AddCommand(group, "show", "One appointment in full.", [&context, ref] {
        services::AppointmentService book(context.Services());
        const auto appointment = book.Get(RefFrom(*ref));
        const core::AppointmentRef named = Refs(book).Of(appointment);
        if (context.Json()) {
            context.PrintJson(AppointmentJson(appointment, named));
            return;
        }
        PrintAppointment(context, appointment, named);
        if (const auto series = book.SeriesOf(appointment)) {
            fmt::print(context.Out(), "  Series:     {}, from {}\n", RuleWords(series->rule),
                       core::FormatIsoDate(series->pattern.date));
        }
    });
    AddRefArgument(command, *ref);
}

void AddMove(CLI::App& group, CommandContext& context) {
    struct Options {
        std::string ref;
        std::string date;
        std::string time;
        std::optional<std::int64_t> therapist;
        std::optional<std::int64_t> duration;
        std::optional<std::int64_t> room;
        CheckOptions checks;
        bool following = false;
    };
    auto options = std::make_shared<Options>();
    auto& command = AddCommand(
        group, "move",
        "Move a booked appointment to another day and time (and therapist, room or length), "
        "checked as a new booking is.",
        [&context, options] {
            services::AppointmentService book(context.Services());
            core::Appointment appointment = book.Get(RefFrom(options->ref));
            appointment.date = ParseDate(options->date, "--date");
            appointment.start_minute = ParseTime(options->time);
            if (options->therapist) {
                appointment.therapist_id = *options->therapist;
            }
            if (options->duration) {
                appointment.duration_min = Minutes(*options->duration);
            }
            if (options->room) {
                appointment.room_id = options->room;
            }
            if (!options->checks.override_flag.empty()) {
                appointment.flag_override = options->checks.override_flag;
            }
            const auto notice =
                book.Reschedule(appointment, options->checks.outside_hours,
                                options->following ? services::SeriesChange::kThisAndFollowing
                                                   : services::SeriesChange::kThisOne);
            WarnOfNotice(context, appointment, notice);
            PrintResult(context, appointment);
        });
    AddRefArgument(command, options->ref);
    command.add_flag("--following", options->following,
                     "for a series: move this appointment and those after it, keeping the "
                     "rhythm from the new day (without it, this one alone moves)");
    command.add_option("--date", options->date, "the new day")->type_name("YYYY-MM-DD")->required();
    command.add_option("--time", options->time, "the new start")->type_name("HH:MM")->required();
    AddIdOption(command, "--therapist", options->therapist, "a staff id", "another therapist")
        ->type_name("STAFF_ID");
    command.add_option("--duration", options->duration, "a new length in minutes")
        ->type_name("MIN")
        ->check(NotNegative());
    AddIdOption(command, "--room", options->room, "a room id", "another room")
        ->type_name("ROOM_ID");
    AddCheckOptions(command, options->checks);
}

// arrive, complete, no-show: one appointment, one status.
void AddStatusCommand(
    CLI::App& group, CommandContext& context, const std::string& name,
    const std::string& description,
    core::Appointment (services::AppointmentService::*change)(const core::Appointment&)) {
    auto ref = std::make_shared<std::string>();
    auto& command = AddCommand(group, name, description, [&context, ref, change] {
        services::AppointmentService book(context.Services());
        PrintResult(context, (book.*change)(book.Get(RefFrom(*ref))));
    });
    AddRefArgument(command, *ref);
}

void AddCancel(CLI::App& group, CommandContext& context) {
    struct Options {
        std::string ref;
        std::string reason;
        bool following = false;
    };
    auto options = std::make_shared<Options>();
    auto& command = AddCommand(
        group, "cancel",
        "Cancel a booked appointment; within the clinic's notice window (book.notice_hours) it "
        "is a late cancellation.",
        [&context, options] {
            services::AppointmentService book(context.Services());
            const auto appointment =
                book.Cancel(book.Get(RefFrom(options->ref)), options->reason,
                            options->following ? services::SeriesChange::kThisAndFollowing
                                               : services::SeriesChange::kThisOne);
            if (!context.Json() && appointment.status == core::AppointmentStatus::kLateCancelled) {
                fmt::print(context.Err(),
                           "myodesk-cli: a late cancellation: within the clinic's notice "
                           "window\n");
            }
            PrintResult(context, appointment);
        });
    AddRefArgument(command, options->ref);
    command.add_flag("--following", options->following,
                     "for a series: cancel this appointment and end the series with it");
    command.add_option("--reason", options->reason, "why it was cancelled")
        ->type_name("TEXT")
        ->required();
}

void AddExport(CLI::App& group, CommandContext& context) {
    struct Options {
        PeriodText period;
        std::optional<std::int64_t> therapist;
        std::string out;
    };
    auto options = std::make_shared<Options>();
    auto& command = AddCommand(
        group, "export",
        "Write the appointments of a period (of one therapist, or all) as an iCalendar file for "
        "GNOME Calendar, Thunderbird, Outlook or Google Calendar, in the clinic's time zone; "
        "clients are named as calendar.client_names says, with no health data.",
        [&context, options] {
            const core::Date from = ParseDate(options->period.from, "--from");
            const core::Date to = ParseDate(options->period.to, "--to");
            services::AppointmentService book(context.Services());
            std::size_t count = 0;
            std::string calendar;
            try {
                calendar = book.Calendar(from, to, options->therapist, count);
            } catch (const reports::UnknownTimeZoneError& error) {
                throw InvalidInput(error.what());
            }
            context.WriteFile(options->out, [&](std::ostream& out) {
                out << calendar;
                return static_cast<std::int64_t>(count);
            });
            fmt::print(context.Out(), "Wrote {} ({} {}, time zone {})\n", options->out, count,
                       count == 1 ? "appointment" : "appointments", book.ClinicTimeZone());
        });
    AddRequiredPeriod(command, options->period, "calendar");
    AddIdOption(command, "--therapist", options->therapist, "a staff id", "only theirs")
        ->type_name("STAFF_ID");
    command.add_option("--out", options->out, "the file to write")
        ->type_name("FILE.ics")
        ->required();
}

void AddDaySheet(CLI::App& group, CommandContext& context) {
    struct Options {
        std::string date;
        std::optional<std::int64_t> therapist;
        bool one_sheet = false;
        std::optional<std::string> out;
        std::optional<std::string> paper;
    };
    auto options = std::make_shared<Options>();
    auto& command = AddCommand(
        group, "day-sheet",
        "The day's appointments to print as PDF: each therapist's hours and appointments (time, "
        "client, service and room, status, contraindication flag, the desk's notes), a page "
        "each unless --one-sheet.",
        [&context, options] {
            const auto path = RequireOut(options->out, "pdf");
            const core::Date date = ParseDate(options->date, "--date");
            const core::ClinicDetails clinic =
                services::SettingsService(context.Services()).LoadClinicDetails();
            const auto paper = Paper(options->paper, clinic);
            WarnAboutLogo(context, clinic);
            const reports::DaySheet sheet =
                services::AppointmentService(context.Services())
                    .DaySheet(date, options->therapist, !options->one_sheet);
            const auto document = reports::DaySheetDocument(
                sheet, clinic, reports::MakeReportLocale(clinic, core::DistanceUnit::kKm));
            reports::PdfOptions pdf;
            pdf.paper = paper;
            const auto pages = context.WriteFile(
                path, [&](std::ostream& out) { return reports::RenderPdf(document, pdf, out); });
            if (context.Json()) {
                context.PrintJson({{"out", path}, {"pages", pages}});
                return;
            }
            fmt::print(context.Out(), "Wrote {} ({} {})\n", path, pages,
                       pages == 1 ? "page" : "pages");
        });
    command.add_option("--date", options->date, "the day")->type_name("YYYY-MM-DD")->required();
    AddIdOption(command, "--therapist", options->therapist, "a staff id", "only theirs")
        ->type_name("STAFF_ID");
    command.add_flag("--one-sheet", options->one_sheet,
                     "every therapist one after the other (default: a page each)");
    command.add_option("--out", options->out, "the PDF to write")->type_name("FILE.pdf");
    command.add_option("--paper", options->paper, "the paper (default: report.paper)")
        ->type_name("a4|letter");
}

}  // namespace

void AddAppointmentCommands(CLI::App& app, CommandContext& context) {
    auto& group = AddGroup(app, "appointments", "The appointment book.");
    AddAdd(group, context);
    AddList(group, context);
    AddShow(group, context);
    AddMove(group, context);
    AddCancel(group, context);
    AddExport(group, context);
    AddDaySheet(group, context);
    using Change = core::Appointment (services::AppointmentService::*)(const core::Appointment&);
    AddStatusCommand(group, context, "arrive", "Mark the client arrived.",
                     static_cast<Change>(&services::AppointmentService::Arrive));
    AddStatusCommand(group, context, "complete", "Mark the appointment completed.",
                     static_cast<Change>(&services::AppointmentService::Complete));
    AddStatusCommand(group, context, "no-show", "Mark that the client did not come.",
                     static_cast<Change>(&services::AppointmentService::NoShow));
}

}  // namespace myodesk::app
