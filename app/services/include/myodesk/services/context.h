#pragma once

#include <myodesk/core/client.h>
#include <myodesk/core/date.h>
#include <myodesk/core/rights.h>
#include <myodesk/core/staff.h>
#include <myodesk/db/clock.h>
#include <myodesk/db/database.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

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

// Who is at the desk. In a practice with accounts it is the signed-in user (AccountService
// signs in); in an open practice it is whoever the front end says is working, if anyone.
// Services use it for rights, for the audit log, and where an action needs a person and the
// caller named none (who signs a note, who amends it).
struct DeskSession {
    std::optional<core::Staff> staff;
    // `staff` signed in with their password (rather than being picked at an open desk).
    bool signed_in = false;
    // This computer, as the audit log names it (the host name unless the front end says).
    std::string desk = ThisComputer();

    std::optional<core::StaffId> StaffId() const {
        return staff ? std::optional<core::StaffId>(staff->id) : std::nullopt;
    }
    static std::string ThisComputer();
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

    // Whether the practice has accounts (an active owner with one): everyone then signs in and
    // the rights of their role apply. Read from the database once; again after ReadAccounts().
    bool AccountsOn() const;
    void ReadAccounts() const { m_accounts_on.reset(); }
    // Whether the desk may do it: always in an open practice; with accounts, when the
    // signed-in user's role has the right.
    bool Allows(core::Right right) const;
    // Allows(right), or NotSignedInError / NotAllowedError. Every service calls it first.
    void Require(core::Right right) const;
    // With accounts, somebody must be signed in (what every role may do: the client list).
    void RequireSignedIn() const;
    // Whether the owner is at the desk (or the practice is open): the owner reads private notes.
    bool IsOwnerAtDesk() const;

    // Adds a row to the audit log naming the desk's user and computer, in the caller's
    // transaction when there is one. `detail` is JSON (before and after) or empty.
    void Audit(std::string_view action, std::optional<core::ClientId> client = std::nullopt,
               std::string_view record = {}, std::optional<std::int64_t> record_id = std::nullopt,
               std::string detail = {});

  private:
    db::Database& m_database;
    services::Clock m_clock;
    DeskSession m_desk;
    mutable std::optional<bool> m_accounts_on;
};

}  // namespace myodesk::services
