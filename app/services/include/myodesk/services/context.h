#pragma once

#include <myodesk/core/date.h>
#include <myodesk/core/staff.h>
#include <myodesk/db/clock.h>
#include <myodesk/db/database.h>

#include <chrono>
#include <functional>
#include <optional>

namespace myodesk::services {

using TimePoint = std::chrono::system_clock::time_point;

// Where every service gets "now" and "today" from. Only a program's entry point (the CLI's
// main, the GUI's App::OnInit) makes the wall clock; tests pass a fixed one.
class Clock {
  public:
    using NowFunction = std::function<TimePoint()>;

    explicit Clock(NowFunction now);
    // The machine's wall clock.
    static Clock System();
    // Always `now`.
    static Clock FixedAt(TimePoint now);
    // Always noon (local time) on `today`.
    static Clock FixedOn(const core::Date& today);

    TimePoint Now() const { return m_now(); }
    // The calendar date at the desk (local time).
    core::Date Today() const;
    // Minutes after midnight at the desk (local time): 9:41 is 581.
    int MinuteOfDay() const;
    // The same clock as the repositories take it (the time they stamp records with).
    const db::Clock& Storage() const { return m_now; }

  private:
    NowFunction m_now;
};

// Who is at the desk: the staff member the front end says is working, if any. A later
// accounts issue makes it the signed-in user. Services use it where an action needs a person
// and the caller named none (who signs a note, who amends it).
struct DeskSession {
    std::optional<core::Staff> staff;

    std::optional<core::StaffId> StaffId() const {
        return staff ? std::optional<core::StaffId>(staff->id) : std::nullopt;
    }
};

// What every service works in: the open database, the clock and the desk. The front end owns
// one and gives it to each service it makes; the database must outlive it.
class Context {
  public:
    Context(db::Database& database, Clock clock, DeskSession desk = {});

    db::Database& Database() const { return m_database; }
    const services::Clock& GetClock() const { return m_clock; }
    core::Date Today() const { return m_clock.Today(); }
    const DeskSession& Desk() const { return m_desk; }
    // Another staff member took the desk (or nobody is there).
    void SetDesk(DeskSession desk) { m_desk = std::move(desk); }

  private:
    db::Database& m_database;
    services::Clock m_clock;
    DeskSession m_desk;
};

}  // namespace myodesk::services
