#pragma once

// The appointment book's rules that need no storage (issue 16): an appointment's status and
// the changes the desk may make to it, when a cancellation is late, and recurring series kept
// as a rule plus exceptions and expanded only for the days shown.

#include <myodesk/core/date.h>
#include <myodesk/core/validation.h>

#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace myodesk::core {

// Where an appointment stands. Booked until the client arrives (then completed) or does not
// come (no-show); cancelled, late when within the clinic's notice window.
enum class AppointmentStatus { kBooked, kArrived, kCompleted, kNoShow, kCancelled, kLateCancelled };
// "booked", "arrived", "completed", "no_show", "cancelled", "late_cancelled"
std::string_view ToCode(AppointmentStatus status);
std::optional<AppointmentStatus> AppointmentStatusFromCode(std::string_view code);
const std::vector<AppointmentStatus>& AllAppointmentStatuses();

// The changes the desk may make: a booked appointment becomes arrived, completed (nobody
// marked the arrival), no-show, cancelled or late-cancelled; an arrival is completed (or undone to
// booked); a no-show is undone to booked. Completed and cancelled appointments are final (a
// cancelled slot is booked anew).
bool CanChangeStatus(AppointmentStatus from, AppointmentStatus to);

// A moment on the clinic's wall clock.
struct LocalMoment {
    Date date{};
    int minute = 0;  // after midnight
    friend bool operator==(const LocalMoment&, const LocalMoment&) = default;
};

// Minutes from `from` to `to` (negative when `to` is earlier).
long long MinutesBetween(const LocalMoment& from, const LocalMoment& to);

// A cancellation made less than `notice_hours` before the start (or after it) is late.
bool IsLateCancellation(const LocalMoment& start, const LocalMoment& cancelled_at,
                        int notice_hours);

// A series: every `every_weeks` weeks from its first day, until a last day or for a number of
// occurrences (exactly one of them), without the days in `exceptions` (occurrences cancelled
// or moved on their own: "this one"). As in iCalendar, an exception still counts towards
// `count`.
struct Recurrence {
    int every_weeks = 1;
    std::optional<Date> until;  // the last day an occurrence may fall on
    std::optional<int> count;
    std::vector<Date> exceptions;
    friend bool operator==(const Recurrence&, const Recurrence&) = default;
};

struct RecurrenceLimits {
    static constexpr int kMaxEveryWeeks = 52;
    static constexpr int kMaxCount = 520;  // ten years of weekly sessions
    static constexpr int kMaxYears = 10;   // `until` at most this long after the start
    static constexpr std::size_t kMaxExceptions = 520;
};

// The problems of a series starting on `first`. Fields: every_weeks (1..kMaxEveryWeeks),
// until (not before `first`, at most kMaxYears later; kContradicts with count), count
// (1..kMaxCount; kRequired when neither is given), exceptions (at most kMaxExceptions, each an
// occurrence of the series: kInvalidDate otherwise; a day twice is kDuplicate).
ValidationProblems ValidateRecurrence(const Date& first, const Recurrence& rule);

// The days of the series in [from, to], exceptions left out, in order. Only the days in the
// range are computed, however long the series.
std::vector<Date> OccurrencesBetween(const Date& first, const Recurrence& rule, const Date& from,
                                     const Date& to);

// The last day the rule can fall on (from `until` or `count`, exceptions aside); nullopt for a
// rule that ends before it starts or has neither.
std::optional<Date> LastOccurrence(const Date& first, const Recurrence& rule);

// Whether `day` is one of the series' days (an exception is not).
bool IsOccurrence(const Date& first, const Recurrence& rule, const Date& day);

// "This and following" from `at`, an occurrence after the first: the series so far ends
// before `at`, and a new series starts on `at` with the same rhythm and what is left of the
// count or the same last day. Exceptions go with the part they fall in. nullopt when `at` is
// not a later occurrence of the series.
struct SeriesSplit {
    Recurrence before;
    Recurrence from_at;
};
std::optional<SeriesSplit> SplitSeries(const Date& first, const Recurrence& rule, const Date& at);

}  // namespace myodesk::core
