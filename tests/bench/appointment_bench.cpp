// Issue 16, "Speed": the appointment book with 20 therapists and ten years of appointments
// (about a million). Painting a day view (AppointmentService::Day, what the book's day view
// paints from), one therapist's week (AppointmentService::Week) and booking a free slot with
// every check (AppointmentService::Book), each beside the sqlite3 C API reading the same rows
// with hand-written SQL (raw_book.cpp); then the same three on PostgreSQL beside MyoDesk on
// SQLite, on a book --pg-scale the size (the third column is MyoDesk on SQLite there).
//
// The book is made for this benchmark in a file of its own: 20 therapists working Monday to
// Friday 08:00-19:00 in a room each, with a week of leave in each year; the demo generator's
// clients with their intakes (so the book's flags are read as in a practice); and the
// appointments, written through SOCI's bulk inserts in one transaction. They fill each
// therapist's 08:00-18:00 in half-hours (30 and 60 minutes with a few gaps, and a few
// cancelled ones whose slot was booked again), nobody twice a day; before today they are
// completed or missed, from today on booked. 18:00-19:00 stays free for the bookings measured.
#include "bench.h"
#include "raw_book.h"
#include "soci_session.h"

#include <myodesk/core/demo_practice.h>
#include <myodesk/db/client_repository.h>
#include <myodesk/db/intake_repository.h>
#include <myodesk/services/appointment_service.h>
#include <myodesk/services/context.h>
#include <myodesk/services/intake_service.h>
#include <myodesk/services/practice_setup_service.h>
#include <myodesk/services/staff_service.h>

#include <fmt/format.h>
#include <soci/soci.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <numeric>
#include <set>
#include <stdexcept>
#include <utility>

namespace myodesk::bench {

namespace {

// The sizes; --scale multiplies the appointments, the days they cover and the
// clients, so a day is as full at every scale (from about 0.005 up).
constexpr int kBookAppointments = 1'000'000;
constexpr int kBookDays = 3652;  // ten years
constexpr int kBookClients = 4'000;
constexpr int kBookTherapists = 20;
constexpr int kFirstMinute = 8 * 60;
constexpr int kHalfHours = 20;           // 08:00-18:00, filled
constexpr int kEveningMinute = 18 * 60;  // 18:00-19:00, free for the bookings measured
constexpr int kClosingMinute = 19 * 60;
// Nobody is booked twice a day, so there are at least as many clients as half-hours in a
// full day of the whole clinic.
constexpr int kMinBookClients = kBookTherapists * kHalfHours;
constexpr std::size_t kWarmUps = 10;  // views of each kind before the timing
// A PostgreSQL view row stops taking samples after this long (a day view there is a round trip
// per statement, about 2,000 of them).
constexpr double kPostgresqlBudgetSeconds = 45;

struct BookSize {
    int appointments = 0;
    int days = 0;
    int clients = 0;
};

BookSize BookSizeAt(double scale) {
    return {Scaled(kBookAppointments, scale, 200), Scaled(kBookDays, scale, 14),
            Scaled(kBookClients, scale, kMinBookClients)};
}

bool IsWeekday(const core::Date& date) {
    return core::IsoWeekdayIndex(date) < 5;
}

// What was written: where the free slots are.
struct BookData {
    core::Date first{};
    int days = 0;
    std::vector<core::StaffId> therapists;
    std::vector<core::RoomId> rooms;  // rooms[i] is therapists[i]'s
    core::ServiceId half_hour = 0;
    core::ServiceId hour = 0;
    std::vector<core::ClientId> clients;
    std::vector<std::vector<core::DaysOff>> leave;  // per therapist
    std::int64_t appointments = 0;

    core::Date Last() const { return core::AddDays(first, days - 1); }
    // A weekday the therapist is not on leave.
    bool Works(std::size_t therapist, const core::Date& date) const {
        if (!IsWeekday(date)) {
            return false;
        }
        return std::none_of(
            leave[therapist].begin(), leave[therapist].end(),
            [&](const core::DaysOff& off) { return off.from <= date && date <= off.to; });
    }
};

// The therapists with their hours, rooms and leave, the services, the clinic's hours, and the
// clients with their intakes.
void SetUpPractice(db::Database& database, const BookSize& size, const BenchOptions& options,
                   BookData& book) {
    services::Context context(database, services::Clock::FixedOn(options.today));
    services::StaffService staff(context);
    services::PracticeSetupService setup(context);
    const std::vector<core::TimeRange> open{{kFirstMinute, kClosingMinute}};
    for (int day = 0; day < 7; ++day) {
        setup.SetDay(std::nullopt, static_cast<core::Weekday>(day),
                     day < 5 ? open : std::vector<core::TimeRange>{});
    }
    core::Service half_hour{0, "Sports massage 30", 30, true};
    book.half_hour = setup.AddService(half_hour);
    core::Service hour{0, "Sports massage 60", 60, true};
    book.hour = setup.AddService(hour);
    core::DemoRandom random(options.seed + 16);
    for (int i = 0; i < kBookTherapists; ++i) {
        core::Staff member;
        member.name = fmt::format("Therapist {:02}", i + 1);
        const core::StaffId id = staff.Add(member).id;
        book.therapists.push_back(id);
        core::Room room{0, fmt::format("Room {}", i + 1), 0, true};
        book.rooms.push_back(setup.AddRoom(room));
        for (int day = 0; day < 5; ++day) {
            setup.SetDay(id, static_cast<core::Weekday>(day), open);
        }
        // A week of leave, Monday to Friday, in each whole year of the book.
        std::vector<core::DaysOff>& leave = book.leave.emplace_back();
        for (int year = 0; (year + 1) * 365 <= book.days; ++year) {
            core::Date monday = core::AddDays(book.first, year * 365 + random.Between(0, 357));
            while (core::IsoWeekdayIndex(monday) != 0) {
                monday = core::AddDays(monday, 1);
            }
            leave.push_back({monday, core::AddDays(monday, 4)});
            setup.AddDaysOff(id, leave.back());
        }
    }

    core::DemoOptions demo;
    demo.clients = size.clients;
    demo.seed = options.seed;
    demo.today = options.today;
    core::DemoPracticeGenerator generator(demo);
    db::ClientRepository clients(database);
    db::IntakeRepository intakes(database);
    core::DemoClient generated;
    while (generator.Next(generated)) {
        const core::ClientId id = clients.Add(generated.client);
        book.clients.push_back(id);
        for (core::Intake& intake : generated.intakes) {
            intake.client_id = id;
            intakes.Add(intake);
        }
    }
}

// The appointments through SOCI's bulk binds, some thousands a statement (in the caller's
// transaction).
class AppointmentWriter {
  public:
    explicit AppointmentWriter(db::Database& database) : m_session(db::SociSession(database)) {}

    struct Row {
        long long client = 0;
        long long therapist = 0;
        std::string date;
        int start_minute = 0;
        int duration_min = 0;
        long long room = 0;
        long long service = 0;
        std::string notes;
        std::string status;
        std::optional<std::string> changed_at;
        std::optional<long long> changed_by;
        std::string cancel_reason;
        std::string created_at;
        int version = 1;
    };

    void Add(const Row& row) {
        m_client.push_back(row.client);
        m_therapist.push_back(row.therapist);
        m_date.push_back(row.date);
        m_start.push_back(row.start_minute);
        m_duration.push_back(row.duration_min);
        m_room.push_back(row.room);
        m_service.push_back(row.service);
        m_notes.push_back(row.notes);
        m_status.push_back(row.status);
        m_changed_at.push_back(row.changed_at.value_or(""));
        m_changed_at_set.push_back(row.changed_at ? soci::i_ok : soci::i_null);
        m_changed_by.push_back(row.changed_by.value_or(0));
        m_changed_by_set.push_back(row.changed_by ? soci::i_ok : soci::i_null);
        m_reason.push_back(row.cancel_reason);
        m_created_at.push_back(row.created_at);
        m_version.push_back(row.version);
        if (m_client.size() >= kRowsPerStatement) {
            Flush();
        }
    }

    void Flush() {
        if (m_client.empty()) {
            return;
        }
        m_session << "INSERT INTO appointments (client_id, therapist_id, session_date, "
                     "start_minute, duration_min, room_id, service_id, notes, status, "
                     "status_changed_at, status_changed_by, cancel_reason, created_at, version) "
                     "VALUES (:client_id, :therapist_id, :session_date, :start_minute, "
                     ":duration_min, :room_id, :service_id, :notes, :status, :status_changed_at, "
                     ":status_changed_by, :cancel_reason, :created_at, :version)",
            soci::use(m_client, "client_id"), soci::use(m_therapist, "therapist_id"),
            soci::use(m_date, "session_date"), soci::use(m_start, "start_minute"),
            soci::use(m_duration, "duration_min"), soci::use(m_room, "room_id"),
            soci::use(m_service, "service_id"), soci::use(m_notes, "notes"),
            soci::use(m_status, "status"),
            soci::use(m_changed_at, m_changed_at_set, "status_changed_at"),
            soci::use(m_changed_by, m_changed_by_set, "status_changed_by"),
            soci::use(m_reason, "cancel_reason"), soci::use(m_created_at, "created_at"),
            soci::use(m_version, "version");
        m_written += static_cast<std::int64_t>(m_client.size());
        for (auto* numbers : {&m_client, &m_therapist, &m_room, &m_service, &m_changed_by}) {
            numbers->clear();
        }
        for (auto* texts :
             {&m_date, &m_notes, &m_status, &m_changed_at, &m_reason, &m_created_at}) {
            texts->clear();
        }
        for (auto* numbers : {&m_start, &m_duration, &m_version}) {
            numbers->clear();
        }
        m_changed_at_set.clear();
        m_changed_by_set.clear();
    }

    std::int64_t Written() const { return m_written; }

  private:
    static constexpr std::size_t kRowsPerStatement = 5000;

    soci::session& m_session;
    std::vector<long long> m_client, m_therapist, m_room, m_service, m_changed_by;
    std::vector<std::string> m_date, m_notes, m_status, m_changed_at, m_reason, m_created_at;
    std::vector<int> m_start, m_duration, m_version;
    std::vector<soci::indicator> m_changed_at_set, m_changed_by_set;
    std::int64_t m_written = 0;
};

struct Slot {
    int start_minute = 0;
    int duration_min = 0;
};

// One therapist's day: `holding` appointments of 30 or 60 minutes and the half-hours left as
// gaps, from 08:00 in a random order.
std::vector<Slot> LayOutDay(int holding, core::DemoRandom& random) {
    int spare = kHalfHours - holding;
    std::vector<int> pieces;  // in half-hours; 0 is a gap
    for (int i = 0; i < holding; ++i) {
        int length = 1;
        if (spare > 0 && random.Chance(0.3)) {
            length = 2;
            --spare;
        }
        pieces.push_back(length);
    }
    pieces.insert(pieces.end(), static_cast<std::size_t>(spare), 0);
    for (std::size_t i = pieces.size(); i > 1; --i) {
        std::swap(pieces[i - 1], pieces[random.Next() % i]);
    }
    std::vector<Slot> slots;
    int minute = kFirstMinute;
    for (const int length : pieces) {
        if (length > 0) {
            slots.push_back({minute, 30 * length});
        }
        minute += 30 * std::max(length, 1);
    }
    return slots;
}

std::string Stamp(const core::Date& date, int minute) {
    return fmt::format("{}T{:02}:{:02}:00Z", core::FormatIsoDate(date), minute / 60, minute % 60);
}

// The appointments, spread evenly over the days the therapists work.
void WriteAppointments(db::Database& database, const BookSize& size, const BenchOptions& options,
                       BookData& book) {
    std::int64_t working = 0;  // therapist-days
    for (int d = 0; d < book.days; ++d) {
        const core::Date date = core::AddDays(book.first, d);
        for (std::size_t t = 0; t < book.therapists.size(); ++t) {
            working += book.Works(t, date) ? 1 : 0;
        }
    }
    const auto clients = static_cast<std::int64_t>(book.clients.size());
    // Each day's clients are a run of the list with this stride, so nobody comes twice a day.
    std::int64_t stride = 7919;
    while (std::gcd(stride, clients) != 1) {
        stride += 2;
    }
    core::DemoRandom random(options.seed + 17);
    const auto any_client = [&] {
        return book
            .clients[static_cast<std::size_t>(random.Next() % static_cast<std::uint64_t>(clients))];
    };
    AppointmentWriter writer(database);
    const std::int64_t total = size.appointments;
    std::int64_t done = 0;
    for (int d = 0; d < book.days; ++d) {
        const core::Date date = core::AddDays(book.first, d);
        const std::string day = core::FormatIsoDate(date);
        const bool past = date < options.today;
        std::int64_t next_client =
            static_cast<std::int64_t>(random.Next() % static_cast<std::uint64_t>(clients));
        for (std::size_t t = 0; t < book.therapists.size(); ++t) {
            if (!book.Works(t, date)) {
                continue;
            }
            const auto rows =
                static_cast<int>(total * (done + 1) / working - total * done / working);
            ++done;
            int cancelled = 0;
            for (int i = 0; i < rows; ++i) {
                cancelled += random.Chance(0.04) ? 1 : 0;
            }
            const int holding = std::min(rows - cancelled, kHalfHours);
            cancelled = rows - holding;
            const std::vector<Slot> slots = LayOutDay(holding, random);
            AppointmentWriter::Row row;
            row.therapist = book.therapists[t];
            row.date = day;
            row.room = book.rooms[t];
            row.created_at =
                Stamp(core::AddDays(date, -random.Between(1, 42)), 9 * 60 + random.Between(0, 480));
            for (const Slot& slot : slots) {
                row.client = book.clients[static_cast<std::size_t>(next_client)];
                next_client = (next_client + stride) % clients;
                row.start_minute = slot.start_minute;
                row.duration_min = slot.duration_min;
                row.service = slot.duration_min == 30 ? book.half_hour : book.hour;
                row.notes = random.Chance(0.05) ? "Prefers the same therapist" : "";
                row.status = "booked";
                row.changed_at.reset();
                row.changed_by.reset();
                row.version = 1;
                if (past) {
                    const bool missed = random.Chance(0.04);
                    row.status = missed ? "no_show" : "completed";
                    row.changed_at =
                        Stamp(date, slot.start_minute + (missed ? 15 : slot.duration_min));
                    row.changed_by = book.therapists[t];
                    row.version = 2;
                }
                writer.Add(row);
            }
            // Cancelled ones, in a slot that was booked again (anyone: they hold no slot).
            for (int i = 0; i < cancelled; ++i) {
                const Slot slot = slots.empty() ? Slot{kFirstMinute, 30}
                                                : slots[static_cast<std::size_t>(random.Between(
                                                      0, static_cast<int>(slots.size()) - 1))];
                const bool late = random.Chance(0.25);
                row.client = any_client();
                row.start_minute = slot.start_minute;
                row.duration_min = slot.duration_min;
                row.service = slot.duration_min == 30 ? book.half_hour : book.hour;
                row.notes.clear();
                row.status = late ? "late_cancelled" : "cancelled";
                row.changed_at = late ? Stamp(date, 7 * 60) : Stamp(core::AddDays(date, -3), 600);
                row.changed_by.reset();
                row.cancel_reason = late ? "Feeling unwell" : "Work trip";
                row.version = 2;
                writer.Add(row);
                row.cancel_reason.clear();
            }
        }
    }
    writer.Flush();
    book.appointments = writer.Written();
}

// The whole book in one transaction. It ends a year after today (half the days when fewer).
BookData WriteBook(db::Database& database, const BookSize& size, const BenchOptions& options) {
    BookData book;
    book.days = size.days;
    const int ahead = std::min(365, size.days / 2);
    book.first = core::AddDays(options.today, -(size.days - ahead));
    db::Transaction transaction(database);
    SetUpPractice(database, size, options, book);
    WriteAppointments(database, size, options, book);
    transaction.Commit();
    return book;
}

// Weekdays of the book, at random.
std::vector<core::Date> SampleDays(const BookData& book, int count, std::uint64_t seed) {
    core::DemoRandom random(seed);
    std::vector<core::Date> days;
    while (static_cast<int>(days.size()) < count) {
        const core::Date day = core::AddDays(book.first, random.Between(0, book.days - 1));
        if (IsWeekday(day)) {
            days.push_back(day);
        }
    }
    return days;
}

// A therapist and the Monday of a week within the book, at random.
std::vector<std::pair<core::StaffId, core::Date>> SampleWeeks(const BookData& book, int count,
                                                              std::uint64_t seed) {
    core::DemoRandom random(seed);
    std::vector<std::pair<core::StaffId, core::Date>> weeks;
    while (static_cast<int>(weeks.size()) < count) {
        const core::Date day = core::AddDays(book.first, random.Between(0, book.days - 7));
        const core::Date monday = core::AddDays(day, -core::IsoWeekdayIndex(day));
        if (monday >= book.first) {
            const auto therapist = static_cast<std::size_t>(
                random.Between(0, static_cast<int>(book.therapists.size()) - 1));
            weeks.emplace_back(book.therapists[therapist], monday);
        }
    }
    return weeks;
}

// Free slots at `start_minute` (18:00 or 18:30, half an hour): a working day of the therapist
// no more than 300 days ago, each therapist and each client at most once a day, so none of
// them clashes with another; in the therapist's room.
std::vector<core::Appointment> FreeSlots(const BookData& book, const core::Date& today, int count,
                                         int start_minute, std::uint64_t seed) {
    const core::Date from = std::max(book.first, core::AddDays(today, -300));
    const int span = core::DaysBetween(from, book.Last()) + 1;
    core::DemoRandom random(seed);
    std::set<std::pair<int, std::size_t>> therapists_taken;
    std::set<std::pair<int, core::ClientId>> clients_taken;
    std::vector<core::Appointment> slots;
    for (int attempt = 0; attempt < count * 50 && static_cast<int>(slots.size()) < count;
         ++attempt) {
        const int offset = random.Between(0, span - 1);
        const core::Date day = core::AddDays(from, offset);
        const auto therapist = static_cast<std::size_t>(
            random.Between(0, static_cast<int>(book.therapists.size()) - 1));
        const core::ClientId client = book.clients[static_cast<std::size_t>(
            random.Between(0, static_cast<int>(book.clients.size()) - 1))];
        if (!book.Works(therapist, day) || !therapists_taken.insert({offset, therapist}).second ||
            !clients_taken.insert({offset, client}).second) {
            continue;
        }
        core::Appointment appointment;
        appointment.client_id = client;
        appointment.therapist_id = book.therapists[therapist];
        appointment.date = day;
        appointment.start_minute = start_minute;
        appointment.duration_min = 30;
        appointment.room_id = book.rooms[therapist];
        appointment.service_id = book.half_hour;
        slots.push_back(std::move(appointment));
    }
    return slots;
}

// The desk's reason, given as a therapist would, where the client has an absolute flag that
// day (read before the timing: the booking itself reads the flags again).
void GiveFlagReasons(services::Context& context, std::vector<core::Appointment>& slots) {
    services::IntakeService intakes(context);
    for (core::Appointment& slot : slots) {
        std::string reason = "Cleared by the physician";
        if (intakes.CheckFlagOverride(slot.client_id, slot.date, reason)) {
            slot.flag_override = reason;
        }
    }
}

std::size_t Consume(std::size_t value) {
    static volatile std::size_t sink = 0;
    sink = sink + value;
    return value;
}

std::size_t PaintDay(services::AppointmentService& book, const core::Date& date) {
    const services::BookDay day = book.Day(date);
    Consume(day.columns.size());
    return Consume(day.entries.size());
}

std::size_t PaintWeek(services::AppointmentService& book,
                      const std::pair<core::StaffId, core::Date>& week) {
    const services::BookDay days = book.Week(week.first, week.second);
    return Consume(days.columns.size() + days.entries.size());
}

void Book(services::AppointmentService& book, core::Appointment appointment) {
    book.Book(appointment);
    Consume(static_cast<std::size_t>(appointment.id));
}

// Both sides of a row for each input, taking turns to go first, so neither always finds the
// pages the other just read; after `budget_seconds` (when set) and kMinSamples inputs, no more.
struct SamplePair {
    Samples first, second;
};

constexpr std::size_t kMinSamples = 20;

template <typename First, typename Second>
SamplePair Alternate(std::size_t count, First&& first, Second&& second, double budget_seconds = 0) {
    SamplePair pair;
    const auto started = BenchClock::now();
    for (std::size_t i = 0; i < count; ++i) {
        if (budget_seconds > 0 && i >= kMinSamples &&
            Seconds(started, BenchClock::now()) > budget_seconds) {
            break;
        }
        if (i % 2 == 0) {
            pair.first.Add(TimeSeconds([&] { first(i); }));
            pair.second.Add(TimeSeconds([&] { second(i); }));
        } else {
            pair.second.Add(TimeSeconds([&] { second(i); }));
            pair.first.Add(TimeSeconds([&] { first(i); }));
        }
    }
    return pair;
}

std::string P95Text(const Samples& samples) {
    return fmt::format("{} (p50 {})", FormatDuration(samples.P95()), FormatDuration(samples.P50()));
}

std::string SizeText(const BookData& book) {
    const std::string period = book.days >= 730 ? fmt::format("{:.0f} years", book.days / 365.25)
                                                : fmt::format("{} days", FormatCount(book.days));
    return fmt::format("{} therapists, {} appointments over {}", book.therapists.size(),
                       FormatCount(book.appointments), period);
}

std::string Removed(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm"}) {  // left by an earlier --keep run
        std::filesystem::remove(path + suffix);
    }
    return path;
}

// Writes the book into the new database at `location` on a connection of its own (the
// benchmark's reads open it again, as the app opens a file).
BookData WriteAndSay(const std::string& location, const BookSize& size, const BenchOptions& options,
                     const std::string& where) {
    db::Database database = db::OpenDatabase(location);
    BookData book;
    const double seconds = TimeSeconds([&] { book = WriteBook(database, size, options); });
    std::cout << fmt::format("  {}: {} and {} clients written in {}\n", where, SizeText(book),
                             FormatCount(static_cast<std::int64_t>(book.clients.size())),
                             FormatDuration(seconds))
              << std::flush;
    return book;
}

// The book through MyoDesk beside the sqlite3 C API, on SQLite at the size.
void RunSqliteBook(BenchContext& context) {
    const BenchOptions& options = context.options;
    const std::string path = Removed(options.work_dir + "/book.sqlite");
    const BookData book = WriteAndSay(path, BookSizeAt(options.scale), options, "SQLite");
    db::Database database = db::OpenDatabase(path);
    services::Context desk(database, services::Clock::FixedOn(options.today));
    services::AppointmentService service(desk);
    RawDb raw(path);
    const auto count = static_cast<std::size_t>(options.repetitions);
    const std::string size = SizeText(book);

    const std::vector<core::Date> days =
        SampleDays(book, options.repetitions + static_cast<int>(kWarmUps), options.seed + 20);
    std::size_t painted = 0;
    Alternate(
        kWarmUps, [&](std::size_t i) { PaintDay(service, days[count + i]); },
        [&](std::size_t i) { RawDay(raw, days[count + i]); });
    const SamplePair day = Alternate(
        count, [&](std::size_t i) { painted += PaintDay(service, days[i]); },
        [&](std::size_t i) { RawDay(raw, days[i]); });
    context.table.Add({fmt::format("Book: day view, {} (p95 of {} weekdays, {} appointments "
                                   "a day)",
                                   size, day.first.Count(), painted / count),
                       P95Text(day.first), P95Text(day.second),
                       FormatRatio(day.first.P95() / day.second.P95()), "p95 < 30 ms",
                       Check(day.first.P95() < 30e-3), ""});

    const auto weeks =
        SampleWeeks(book, options.repetitions + static_cast<int>(kWarmUps), options.seed + 21);
    Alternate(
        kWarmUps, [&](std::size_t i) { PaintWeek(service, weeks[count + i]); },
        [&](std::size_t i) { RawWeek(raw, weeks[count + i].first, weeks[count + i].second); });
    const SamplePair week = Alternate(
        count, [&](std::size_t i) { PaintWeek(service, weeks[i]); },
        [&](std::size_t i) { RawWeek(raw, weeks[i].first, weeks[i].second); });
    context.table.Add({fmt::format("Book: week view of one therapist, {} (p95 of {} weeks)", size,
                                   week.first.Count()),
                       P95Text(week.first), P95Text(week.second),
                       FormatRatio(week.first.P95() / week.second.P95()), "p95 < 50 ms",
                       Check(week.first.P95() < 50e-3), ""});

    // MyoDesk books at 18:00, the raw side at 18:30: neither clashes with the other.
    std::vector<core::Appointment> mine =
        FreeSlots(book, options.today, options.repetitions, kEveningMinute, options.seed + 22);
    GiveFlagReasons(desk, mine);
    const std::vector<core::Appointment> theirs =
        FreeSlots(book, options.today, options.repetitions, kEveningMinute + 30, options.seed + 23);
    const std::size_t bookings = std::min(mine.size(), theirs.size());
    if (bookings == 0) {
        throw std::runtime_error("no free slot to book in so small a book");
    }
    const SamplePair booked = Alternate(
        bookings, [&](std::size_t i) { Book(service, mine[i]); },
        [&](std::size_t i) { RawBook(raw, theirs[i]); });
    context.table.Add({fmt::format("Book: booking a free slot with all checks, {} (p95 of {} "
                                   "bookings, each its own transaction)",
                                   size, booked.first.Count()),
                       P95Text(booked.first), P95Text(booked.second),
                       FormatRatio(booked.first.P95() / booked.second.P95()), "p95 < 5 ms",
                       Check(booked.first.P95() < 5e-3), ""});
}

// The same three through MyoDesk on PostgreSQL and on SQLite, on a smaller book.
void RunPostgresqlBook(BenchContext& context) {
    const BenchOptions& options = context.options;
    if (!options.postgresql || options.postgresql_conninfo.empty()) {
        const std::string why = !options.postgresql
                                    ? "The PostgreSQL rows were not asked for (--no-postgresql)."
                                    : "No PostgreSQL server: set MYODESK_TEST_PG or --pg "
                                      "(./dev.sh bench starts one).";
        context.table.Skip("PostgreSQL vs SQLite: the book's day view, week view and booking",
                           "≤ 3x SQLite", why);
        return;
    }
    const BenchSchema schema(options.postgresql_conninfo, "book");
    const BookSize size = BookSizeAt(options.scale * options.postgresql_scale);
    const std::string sqlite_path = Removed(options.work_dir + "/book-pg-size.sqlite");
    std::cout << fmt::format("  PostgreSQL {} on loopback:\n", schema.ServerVersion())
              << std::flush;
    const BookData book = WriteAndSay(schema.Location(), size, options, "PostgreSQL");
    WriteAndSay(sqlite_path, size, options, "SQLite");  // the same rows, with the same ids
    db::Database postgresql = db::OpenDatabase(schema.Location());
    db::Database sqlite = db::OpenDatabase(sqlite_path);
    services::Context pg_desk(postgresql, services::Clock::FixedOn(options.today));
    services::Context sqlite_desk(sqlite, services::Clock::FixedOn(options.today));
    services::AppointmentService pg_service(pg_desk);
    services::AppointmentService sqlite_service(sqlite_desk);
    const auto count = static_cast<std::size_t>(options.repetitions);
    const std::string size_text = SizeText(book);
    const std::string note = fmt::format(
        "PostgreSQL {} on 127.0.0.1 (the throwaway server: fsync off), a book of {} and {} "
        "clients on both backends ({} of the SQLite rows' size), through MyoDesk on both: the "
        "third column is MyoDesk on SQLite here, not raw SQLite.",
        schema.ServerVersion(), size_text,
        FormatCount(static_cast<std::int64_t>(book.clients.size())),
        fmt::format("1/{:.0f}", 1.0 / options.postgresql_scale));
    const auto add = [&](const std::string& what, const SamplePair& pair, bool first) {
        const double ratio = pair.first.P95() / pair.second.P95();
        context.table.Add({what, P95Text(pair.first), P95Text(pair.second), FormatRatio(ratio),
                           "≤ 3x SQLite", Check(ratio <= 3.0), first ? note : ""});
    };

    const std::vector<core::Date> days =
        SampleDays(book, options.repetitions + static_cast<int>(kWarmUps), options.seed + 30);
    Alternate(
        kWarmUps, [&](std::size_t i) { PaintDay(pg_service, days[count + i]); },
        [&](std::size_t i) { PaintDay(sqlite_service, days[count + i]); });
    const SamplePair day = Alternate(
        count, [&](std::size_t i) { PaintDay(pg_service, days[i]); },
        [&](std::size_t i) { PaintDay(sqlite_service, days[i]); }, kPostgresqlBudgetSeconds);
    add(fmt::format("PostgreSQL: book day view, {} (p95 of {} weekdays)", size_text,
                    day.first.Count()),
        day, true);

    const auto weeks =
        SampleWeeks(book, options.repetitions + static_cast<int>(kWarmUps), options.seed + 31);
    Alternate(
        kWarmUps, [&](std::size_t i) { PaintWeek(pg_service, weeks[count + i]); },
        [&](std::size_t i) { PaintWeek(sqlite_service, weeks[count + i]); });
    const SamplePair week = Alternate(
        count, [&](std::size_t i) { PaintWeek(pg_service, weeks[i]); },
        [&](std::size_t i) { PaintWeek(sqlite_service, weeks[i]); }, kPostgresqlBudgetSeconds);
    add(fmt::format("PostgreSQL: book week view of one therapist (p95 of {} weeks)",
                    week.first.Count()),
        week, false);

    // The same free slots on both: they are separate databases with the same rows.
    std::vector<core::Appointment> slots =
        FreeSlots(book, options.today, options.repetitions, kEveningMinute, options.seed + 32);
    GiveFlagReasons(sqlite_desk, slots);
    if (slots.empty()) {
        throw std::runtime_error("no free slot to book in so small a book");
    }
    const SamplePair booked = Alternate(
        slots.size(), [&](std::size_t i) { Book(pg_service, slots[i]); },
        [&](std::size_t i) { Book(sqlite_service, slots[i]); });
    add(fmt::format("PostgreSQL: book a free slot with all checks (p95 of {} bookings)",
                    booked.first.Count()),
        booked, false);
}

}  // namespace

void RunAppointmentBook(BenchContext& context) {
    std::cout << "the appointment book (issue 16)\n" << std::flush;
    RunSqliteBook(context);
    RunPostgresqlBook(context);
}

}  // namespace myodesk::bench
