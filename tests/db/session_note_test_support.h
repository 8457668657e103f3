#pragma once

// What the session note repository's tests share (session_note_*_tests.cpp): dates and a fixed
// clock, clients and staff, example notes, row counts and expected problems.

#include "least_treatment.h"
#include "soci_session.h"
#include "test_database.h"

#include <myodesk/core/text.h>
#include <myodesk/db/client_repository.h>
#include <myodesk/db/errors.h>
#include <myodesk/db/session_note_repository.h>
#include <myodesk/db/staff_repository.h>

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>
#include <soci/soci.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <functional>
#include <map>
#include <ostream>
#include <stdexcept>
#include <tuple>

namespace myodesk::db {
// How Boost.Test prints a ClientLastSession in a failed check.
inline std::ostream& boost_test_print_type(std::ostream& out, const ClientLastSession& seen) {
    return out << "client " << seen.client_id << " on " << core::FormatIsoDate(seen.date);
}
}  // namespace myodesk::db

namespace myodesk::note_tests {

using core::Position;
using core::ProblemCode;
using core::Region;
using core::SessionNote;
using core::Side;
using core::Technique;

inline core::Date D(std::string_view text) {
    const auto date = core::ParseIsoDate(text);
    BOOST_TEST_REQUIRE(date.has_value(), text);
    return *date;
}

inline core::Date DaysAfter(std::string_view first, int days) {
    return core::Date{std::chrono::sys_days{D(first)} + std::chrono::days{days}};
}

// 2026-11-20 09:00 UTC, advanced by `minutes`.
inline db::TimePoint At(int minutes) {
    return std::chrono::sys_days{std::chrono::year{2026} / 11 / 20} + std::chrono::hours{9} +
           std::chrono::minutes{minutes};
}

inline db::TimePoint FixedNow() {
    return At(0);
}

inline core::ClientId AddClient(db::Database& database, std::string given = "Zoë") {
    db::ClientRepository clients(database, FixedNow);
    core::Client client;
    client.given_name = std::move(given);
    client.family_name = "Ångström";
    return clients.Add(client);
}

inline core::StaffId AddStaff(db::Database& database, std::string name,
                              core::StaffRole role = core::StaffRole::kTherapist) {
    db::StaffRepository staff(database, FixedNow);
    core::Staff member;
    member.name = std::move(name);
    member.role = role;
    return staff.Add(member);
}

// Every field set, text with quotes, Unicode and 10,000 characters, pain given and not.
inline SessionNote FullNote(core::ClientId client, core::StaffId therapist) {
    SessionNote note;
    note.client_id = client;
    note.therapist_id = therapist;
    note.date = D("2026-11-18");
    note.start_minute = 17 * 60 + 30;
    note.duration_min = 60;
    note.position = Position::kProne;
    note.subjective =
        "Both hamstrings «tight» since Sunday's 32 km; \"stiff on stairs\".\nSlept badly.";
    std::string objective;
    while (core::Utf8Length(objective) < 10000) {
        objective += "ø";
    }
    note.objective = objective;
    note.assessment = "Robert'); DROP TABLE session_notes;-- 反応良好, pain down 3 points";
    note.plan = "Re-check 2026-11-25: Swedish flush.\tHydrate; foam roll 2×10 min.";
    note.techniques = {{Technique::kTriggerPoint, 20}, {Technique::kSports, 35}};
    note.regions = {{Region::kHamstrings, Side::kLeft, 7, 5, 3},
                    {Region::kHamstrings, Side::kRight, 7, 6, 3},
                    {Region::kCalves, Side::kBilateral, 4, std::nullopt, std::nullopt},
                    {Region::kGlutes, Side::kLeft, 8, 2, std::nullopt}};
    return note;
}

// Only what a note needs: client, therapist, date and time, and the least treatment (one
// technique and one region).
inline SessionNote MinimalNote(core::ClientId client, core::StaffId therapist,
                               std::string_view date = "2026-11-18", int start_minute = 9 * 60,
                               int duration_min = 60) {
    SessionNote note;
    note.client_id = client;
    note.therapist_id = therapist;
    note.date = D(date);
    note.start_minute = start_minute;
    note.duration_min = duration_min;
    test::AddLeastTreatment(note);
    return note;
}

inline constexpr std::array<std::string_view, 4> kNoteTables{
    "session_notes", "session_note_techniques", "session_note_regions", "session_note_amendments"};

// Rows in each note table (the names are constants, not user input).
inline std::map<std::string_view, int> RowCounts(db::Database& database) {
    std::map<std::string_view, int> counts;
    for (const auto table : kNoteTables) {
        int count = -1;
        db::SociSession(database) << fmt::format("SELECT COUNT(*) FROM {}", table),
            soci::into(count);
        counts[table] = count;
    }
    return counts;
}

// The rows the notes take in each table.
inline std::map<std::string_view, int> RowsOf(const std::vector<SessionNote>& notes) {
    std::map<std::string_view, int> counts{{"session_notes", 0},
                                           {"session_note_techniques", 0},
                                           {"session_note_regions", 0},
                                           {"session_note_amendments", 0}};
    for (const auto& note : notes) {
        counts["session_notes"] += 1;
        counts["session_note_techniques"] += static_cast<int>(note.techniques.size());
        counts["session_note_regions"] += static_cast<int>(note.regions.size());
        counts["session_note_amendments"] += static_cast<int>(note.amendments.size());
    }
    return counts;
}

inline bool HasProblem(const db::ValidationError& error, std::string_view field, ProblemCode code) {
    const auto& problems = error.Problems();
    return std::any_of(problems.begin(), problems.end(), [&](const core::ValidationProblem& p) {
        return p.field == field && p.code == code;
    });
}

// Runs `action`, which must throw ValidationError naming `field` with `code`.
template <typename Action>
void ExpectProblem(Action&& action, std::string_view field, ProblemCode code,
                   std::string_view what) {
    try {
        action();
        BOOST_ERROR(what << ": must be refused");
    } catch (const db::ValidationError& error) {
        BOOST_TEST(HasProblem(error, field, code), what << ": " << error.what());
    }
}

// The summary a list shows of a stored note.
inline db::SessionNoteSummary SummaryOf(const SessionNote& note,
                                        const std::string& therapist_name) {
    db::SessionNoteSummary summary;
    summary.id = note.id;
    summary.client_id = note.client_id;
    summary.date = note.date;
    summary.start_minute = note.start_minute;
    summary.duration_min = note.duration_min;
    summary.therapist_id = note.therapist_id;
    summary.therapist_name = therapist_name;
    for (const auto& use : note.techniques) {
        summary.techniques.push_back(use.technique);
    }
    for (const auto& work : note.regions) {
        summary.regions.push_back({work.region, work.side});
    }
    summary.is_signed = core::IsSigned(note);
    summary.amendment_count = static_cast<int>(note.amendments.size());
    return summary;
}

inline std::string Describe(const db::SessionNoteSummary& summary) {
    return fmt::format("note {} {} {}", summary.id, core::FormatIsoDate(summary.date),
                       core::FormatClockTime(summary.start_minute));
}

}  // namespace myodesk::note_tests
