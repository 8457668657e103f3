#include "plan_test_data.h"

#include <myodesk/core/plan.h>
#include <myodesk/core/plan_json.h>
#include <myodesk/vocabulary/plan_sentences.h>

#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <functional>
#include <ostream>
#include <set>

using namespace myodesk::core;
using myodesk::test::AddTrainingWeek;
using myodesk::test::Day;
using myodesk::test::MarathonRunner;
using myodesk::test::PlainRunner;

namespace {

bool HasTechnique(const PlannedSession& session, Technique technique) {
    return std::find(session.techniques.begin(), session.techniques.end(), technique) !=
           session.techniques.end();
}

bool IsDeepWork(const PlannedSession& session) {
    return HasTechnique(session, Technique::kDeepTissue) ||
           HasTechnique(session, Technique::kTriggerPoint) || session.pressure_max >= 7;
}

template <typename Item, typename Code>
bool HasCode(const std::vector<Item>& items, Code code) {
    return std::any_of(items.begin(), items.end(),
                       [code](const Item& i) { return i.code == code; });
}

bool HasRegion(const PlannedSession& session, Region region, std::optional<Side> side = {}) {
    return std::any_of(session.regions.begin(), session.regions.end(), [&](const RegionSide& r) {
        return r.region == region && (!side || r.side == *side);
    });
}

const PlannedSession* SessionOn(const Plan& plan, const Date& date) {
    for (const auto& session : plan.sessions) {
        if (session.date == date) {
            return &session;
        }
    }
    return nullptr;
}

std::vector<const PlannedSession*> SessionsIn(const Plan& plan, PlanPhase phase) {
    std::vector<const PlannedSession*> found;
    for (const auto& session : plan.sessions) {
        if (session.phase == phase) {
            found.push_back(&session);
        }
    }
    return found;
}

std::optional<PhaseSpan> Span(const Plan& plan, PlanPhase phase) {
    for (const auto& span : plan.phases) {
        if (span.phase == phase) {
            return span;
        }
    }
    return std::nullopt;
}

std::size_t CountWarnings(const Plan& plan, PlanWarningCode code) {
    return static_cast<std::size_t>(
        std::count_if(plan.warnings.begin(), plan.warnings.end(),
                      [code](const auto& w) { return w.code == code; }));
}

// One scenario: inputs changed from a starting runner, then what the plan must show.
struct Scenario {
    const char* name;
    std::function<PlanInputs()> inputs;
    std::function<void(const PlanInputs&, const Plan&)> check;
};

std::ostream& operator<<(std::ostream& out, const Scenario& scenario) {
    return out << scenario.name;
}

PlanInputs With(PlanInputs inputs, const std::function<void(PlanInputs&)>& change) {
    change(inputs);
    return inputs;
}

HealthCondition Condition(ConditionCode code, std::optional<Region> region = std::nullopt,
                          std::optional<Side> side = std::nullopt) {
    return HealthCondition{code, region, side, std::nullopt};
}

SessionNote Note(int day, std::vector<RegionWork> regions, std::string objective = "") {
    SessionNote note;
    note.date = Day(day);
    note.regions = std::move(regions);
    note.objective = std::move(objective);
    return note;
}

const std::vector<Scenario> kScenarios{
    {"no race: base only, twelve weeks, a session every two weeks", [] { return PlainRunner(); },
     [](const PlanInputs&, const Plan& plan) {
         BOOST_TEST(plan.to == Day(12 * 7 - 1));
         BOOST_TEST_REQUIRE(plan.phases.size() == 1U);
         BOOST_TEST(ToCode(plan.phases[0].phase) == "base");
         BOOST_TEST(CountWarnings(plan, PlanWarningCode::kMissingRaceDate) == 1U);
         BOOST_TEST_REQUIRE(plan.sessions.size() >= 5U);
         BOOST_TEST(plan.sessions.front().date == Day(0));  // no history: as soon as possible
         for (std::size_t i = 1; i < plan.sessions.size(); ++i) {
             const int gap = DaysBetween(plan.sessions[i - 1].date, plan.sessions[i].date);
             BOOST_TEST(gap >= 14);
             BOOST_TEST(gap <= 21);
         }
         for (const auto& session : plan.sessions) {
             BOOST_TEST(HasCode(session.reasons, PlanReasonCode::kBaseMaintenance));
         }
     }},
    {"--weeks sets the horizon",
     [] { return With(MarathonRunner(16), [](PlanInputs& in) { in.weeks = 4; }); },
     [](const PlanInputs&, const Plan& plan) {
         BOOST_TEST(plan.to == Day(27));
         BOOST_TEST(plan.sessions.back().date <= Day(27));
     }},
    {"race: through the race and two weeks after it", [] { return MarathonRunner(16); },
     [](const PlanInputs&, const Plan& plan) {
         BOOST_TEST_REQUIRE(plan.race_date.has_value());
         BOOST_TEST(*plan.race_date == Day(16 * 7 - 1));
         BOOST_TEST(plan.to == AddDays(*plan.race_date, 14));
     }},
    {"phases: base, build, peak, two taper weeks, race week ending on race day, post-race",
     [] { return MarathonRunner(16); },
     [](const PlanInputs&, const Plan& plan) {
         const Date race = *plan.race_date;
         const auto race_week = Span(plan, PlanPhase::kRaceWeek);
         const auto taper = Span(plan, PlanPhase::kTaper);
         const auto peak = Span(plan, PlanPhase::kPeak);
         const auto build = Span(plan, PlanPhase::kBuild);
         const auto post = Span(plan, PlanPhase::kPostRace);
         BOOST_TEST_REQUIRE((race_week && taper && peak && build && post));
         BOOST_TEST(race_week->to == race);
         BOOST_TEST(race_week->from == AddDays(race, -6));
         BOOST_TEST(taper->from == AddDays(race, -20));
         BOOST_TEST(taper->to == AddDays(race, -7));
         BOOST_TEST(peak->from == AddDays(race, -41));
         BOOST_TEST(build->from == AddDays(race, -97));
         BOOST_TEST(post->from == AddDays(race, 1));
         BOOST_TEST(plan.phases.front().phase == PlanPhase::kBase);
         BOOST_TEST(plan.phases.front().from == plan.from);
         for (std::size_t i = 1; i < plan.phases.size(); ++i) {
             BOOST_TEST(plan.phases[i].from == AddDays(plan.phases[i - 1].to, 1));
         }
     }},
    {"build and peak: a recovery session within 48 h after every long run",
     [] { return MarathonRunner(16); },
     [](const PlanInputs&, const Plan& plan) {
         int long_runs = 0;
         for (const auto& run : plan.training) {
             const auto phase = std::find_if(plan.phases.begin(), plan.phases.end(), [&](auto& s) {
                 return s.from <= run.date && run.date <= s.to;
             });
             if (run.type != RunType::kLong || phase == plan.phases.end() ||
                 (phase->phase != PlanPhase::kBuild && phase->phase != PlanPhase::kPeak)) {
                 continue;
             }
             ++long_runs;
             const auto* next = SessionOn(plan, AddDays(run.date, 1));
             const auto* after = SessionOn(plan, AddDays(run.date, 2));
             BOOST_TEST((next != nullptr || after != nullptr), FormatIsoDate(run.date));
             const auto* session = next != nullptr ? next : after;
             if (session != nullptr) {
                 BOOST_TEST(HasCode(session->reasons, PlanReasonCode::kAfterLongRun));
                 BOOST_TEST(session->reasons.front().detail.date == run.date);
             }
         }
         BOOST_TEST(long_runs == 11);
     }},
    {"a cut-back week is a recovery week with a lighter reset session",
     [] {
         PlanInputs in = PlainRunner();
         for (int week = -2; week < 8; ++week) {
             AddTrainingWeek(in, Day(7 * week), 20, week == 3 ? 0.5 : 1.0);
         }
         // Week 3's long run short too: the whole week is clearly lighter.
         std::erase_if(in.training, [](const auto& e) { return e.date == Day(3 * 7 + 6); });
         in.training.push_back({Day(3 * 7 + 6), RunType::kEasy, 10});
         return in;
     },
     [](const PlanInputs&, const Plan& plan) {
         const auto recovery = Span(plan, PlanPhase::kRecoveryWeek);
         BOOST_TEST_REQUIRE(recovery.has_value());
         BOOST_TEST(recovery->from == Day(21));
         BOOST_TEST(recovery->to == Day(27));
         const auto sessions = SessionsIn(plan, PlanPhase::kRecoveryWeek);
         BOOST_TEST_REQUIRE(sessions.size() == 1U);
         BOOST_TEST(HasCode(sessions[0]->reasons, PlanReasonCode::kRecoveryWeekReset));
         BOOST_TEST(!IsDeepWork(*sessions[0]));
         BOOST_TEST(sessions[0]->duration_min < 60);
     }},
    {"a week only 20% lighter than one neighbour is not a recovery week",
     [] {
         PlanInputs in = PlainRunner();
         for (int week = -2; week < 8; ++week) {
             AddTrainingWeek(in, Day(7 * week), 20, week == 3 ? 0.9 : 1.0);
         }
         return in;
     },
     [](const PlanInputs&, const Plan& plan) {
         BOOST_TEST(!Span(plan, PlanPhase::kRecoveryWeek).has_value());
     }},
    {"taper: no deep work in the last 7 days; the last deep session says so",
     [] { return MarathonRunner(16); },
     [](const PlanInputs&, const Plan& plan) {
         const Date race = *plan.race_date;
         const PlannedSession* last_deep = nullptr;
         for (const auto& session : plan.sessions) {
             if (session.date < race && IsDeepWork(session)) {
                 last_deep = &session;
             }
             if (session.date < race && DaysBetween(session.date, race) < 7) {
                 BOOST_TEST(!IsDeepWork(session), FormatIsoDate(session.date));
             }
         }
         BOOST_TEST_REQUIRE(last_deep != nullptr);
         BOOST_TEST(DaysBetween(last_deep->date, race) >= 7);
         BOOST_TEST(HasCode(last_deep->reasons, PlanReasonCode::kLastDeepBeforeRace));
         for (const auto* taper : SessionsIn(plan, PlanPhase::kTaper)) {
             BOOST_TEST(taper->duration_min <= 60);
         }
     }},
    {"race week: one light flush, at least two days before the race",
     [] { return MarathonRunner(16); },
     [](const PlanInputs&, const Plan& plan) {
         const Date race = *plan.race_date;
         const auto sessions = SessionsIn(plan, PlanPhase::kRaceWeek);
         BOOST_TEST_REQUIRE(sessions.size() == 1U);
         const auto& flush = *sessions[0];
         BOOST_TEST(flush.date == AddDays(race, -2));
         BOOST_TEST((flush.techniques == std::vector<Technique>{Technique::kSwedish}));
         BOOST_TEST(flush.pressure_max <= 3);
         BOOST_TEST(flush.duration_min == 30);
         BOOST_TEST(HasCode(flush.reasons, PlanReasonCode::kRaceWeekFlush));
     }},
    {"after the race: light on day 2, nothing the day after, no deep work before day 5",
     [] { return MarathonRunner(16); },
     [](const PlanInputs&, const Plan& plan) {
         const Date race = *plan.race_date;
         BOOST_TEST(SessionOn(plan, race) == nullptr);
         BOOST_TEST(SessionOn(plan, AddDays(race, 1)) == nullptr);
         const auto* light = SessionOn(plan, AddDays(race, 2));
         BOOST_TEST_REQUIRE(light != nullptr);
         BOOST_TEST(light->pressure_max <= 3);
         BOOST_TEST(HasCode(light->reasons, PlanReasonCode::kPostRaceLight));
         BOOST_TEST(HasCode(light->cautions, PlanCautionCode::kNoDeepAfterRace));
         for (const auto* session : SessionsIn(plan, PlanPhase::kPostRace)) {
             if (DaysBetween(race, session->date) < 5) {
                 BOOST_TEST(!IsDeepWork(*session));
             }
         }
         const auto post = SessionsIn(plan, PlanPhase::kPostRace);
         BOOST_TEST_REQUIRE(post.size() == 2U);
         BOOST_TEST(HasCode(post[1]->reasons, PlanReasonCode::kPostRaceRecovery));
     }},
    {"race inside the taper window from today: starts in the taper and says so",
     [] { return MarathonRunner(2); },
     [](const PlanInputs&, const Plan& plan) {
         BOOST_TEST(plan.phases.front().phase == PlanPhase::kTaper);
         BOOST_TEST(CountWarnings(plan, PlanWarningCode::kRaceSoon) == 1U);
         const Date race = *plan.race_date;
         for (const auto& session : plan.sessions) {
             if (session.date < race && DaysBetween(session.date, race) < 7) {
                 BOOST_TEST(!IsDeepWork(session));
             }
         }
         BOOST_TEST(SessionsIn(plan, PlanPhase::kRaceWeek).size() == 1U);
     }},
    {"the race from the intake when the calendar has none",
     [] {
         return With(PlainRunner(), [](PlanInputs& in) {
             in.intake->runner.goal_race = {"City Marathon", Day(10 * 7 - 1), 42.195};
         });
     },
     [](const PlanInputs&, const Plan& plan) {
         BOOST_TEST_REQUIRE(plan.race_date.has_value());
         BOOST_TEST(*plan.race_date == Day(69));
         BOOST_TEST(CountWarnings(plan, PlanWarningCode::kLongRunsAssumed) == 1U);
         // Long runs assumed on Sundays up to the week before race week.
         int assumed = 0;
         for (const auto& run : plan.training) {
             if (run.type == RunType::kLong) {
                 BOOST_TEST(run.assumed);
                 BOOST_TEST(IsoWeekdayIndex(run.date) == 6);
                 BOOST_TEST(DaysBetween(run.date, Day(69)) >= 7);
                 ++assumed;
             }
         }
         BOOST_TEST(assumed == 9);
     }},
    {"a calendar that ends early: long runs assumed after its last day",
     [] {
         PlanInputs in = PlainRunner();
         in.intake->runner.goal_race = {"City Marathon", Day(10 * 7 - 1), 42.195};
         AddTrainingWeek(in, Day(0), 20);
         AddTrainingWeek(in, Day(7), 21);
         return in;
     },
     [](const PlanInputs&, const Plan& plan) {
         const auto assumed = std::find_if(plan.warnings.begin(), plan.warnings.end(), [](auto& w) {
             return w.code == PlanWarningCode::kLongRunsAssumed;
         });
         BOOST_TEST_REQUIRE((assumed != plan.warnings.end()));
         BOOST_TEST(assumed->date == Day(20));  // the first Sunday after the calendar
         for (const auto& run : plan.training) {
             BOOST_TEST(run.assumed == (run.date > Day(13)), FormatIsoDate(run.date));
         }
     }},
    {"an absolute flag: no session at all, refer the client",
     [] {
         return With(MarathonRunner(12), [](PlanInputs& in) {
             in.intake->health.conditions.push_back(Condition(ConditionCode::kDvt));
         });
     },
     [](const PlanInputs&, const Plan& plan) {
         BOOST_TEST(plan.sessions.empty());
         BOOST_TEST(plan.refer);
         BOOST_TEST(CountWarnings(plan, PlanWarningCode::kRefer) == 1U);
         BOOST_TEST(CountWarnings(plan, PlanWarningCode::kNoSessionHistory) == 0U);
     }},
    {"a local flag: that region and side left out, the other side kept",
     [] {
         return With(MarathonRunner(12), [](PlanInputs& in) {
             in.intake->health.conditions.push_back(
                 Condition(ConditionCode::kVaricoseVeins, Region::kCalves, Side::kLeft));
         });
     },
     [](const PlanInputs&, const Plan& plan) {
         BOOST_TEST_REQUIRE(!plan.sessions.empty());
         for (const auto& session : plan.sessions) {
             BOOST_TEST(!HasRegion(session, Region::kCalves, Side::kLeft));
             BOOST_TEST(!HasRegion(session, Region::kCalves, Side::kBilateral));
             BOOST_TEST(HasRegion(session, Region::kCalves, Side::kRight));
             BOOST_TEST(HasCode(session.cautions, PlanCautionCode::kFlagRegionRemoved));
         }
         BOOST_TEST(!plan.refer);
     }},
    {"a time-limited local flag: left out only while it lasts",
     [] {
         return With(PlainRunner(), [](PlanInputs& in) {
             // An acute injury 3 days before the plan: a week from the injury.
             in.intake->health.injuries.push_back(
                 {Day(-3), Region::kHamstrings, Side::kRight, "acute", ""});
             in.intake->soreness = {{Region::kHamstrings, Side::kRight, 5}};
         });
     },
     [](const PlanInputs&, const Plan& plan) {
         BOOST_TEST_REQUIRE(plan.sessions.size() >= 2U);
         const auto& first = plan.sessions[0];
         BOOST_TEST(first.date == Day(0));
         BOOST_TEST(!HasRegion(first, Region::kHamstrings, Side::kRight));
         BOOST_TEST(HasCode(first.cautions, PlanCautionCode::kFlagRegionRemoved));
         const auto& later = plan.sessions[1];
         BOOST_TEST(HasRegion(later, Region::kHamstrings, Side::kRight));
         BOOST_TEST(!HasCode(later.cautions, PlanCautionCode::kFlagRegionRemoved));
     }},
    {"a modify flag: no deep tissue or trigger points, pressure at most 5",
     [] {
         return With(MarathonRunner(12), [](PlanInputs& in) {
             in.intake->health.medications.push_back({"Warfarin", MedicationClass::kAnticoagulant});
         });
     },
     [](const PlanInputs&, const Plan& plan) {
         BOOST_TEST_REQUIRE(!plan.sessions.empty());
         for (const auto& session : plan.sessions) {
             BOOST_TEST(!HasTechnique(session, Technique::kDeepTissue));
             BOOST_TEST(!HasTechnique(session, Technique::kTriggerPoint));
             BOOST_TEST(session.pressure_max <= 5);
             BOOST_TEST(HasCode(session.cautions, PlanCautionCode::kFlagModify));
         }
     }},
    {"pregnancy in the first trimester: physician clearance on every session",
     [] {
         return With(PlainRunner(), [](PlanInputs& in) {
             in.intake->health.pregnant = true;
             in.intake->health.pregnancy_weeks = 8;
         });
     },
     [](const PlanInputs&, const Plan& plan) {
         BOOST_TEST_REQUIRE(!plan.sessions.empty());
         BOOST_TEST(HasCode(plan.sessions[0].cautions, PlanCautionCode::kPhysicianClearance));
         BOOST_TEST(!IsDeepWork(plan.sessions[0]));
     }},
    {"pain-masking medication: cautions about pressure feedback",
     [] {
         return With(PlainRunner(), [](PlanInputs& in) {
             in.intake->health.medications.push_back({"Ibuprofen", MedicationClass::kNsaid});
         });
     },
     [](const PlanInputs&, const Plan& plan) {
         BOOST_TEST_REQUIRE(!plan.sessions.empty());
         BOOST_TEST(HasCode(plan.sessions[0].cautions, PlanCautionCode::kPainMasking));
     }},
    {"areas to avoid are never planned",
     [] {
         return With(MarathonRunner(12), [](PlanInputs& in) {
             in.intake->avoid_regions = {{Region::kQuadriceps, Side::kBilateral}};
         });
     },
     [](const PlanInputs&, const Plan& plan) {
         BOOST_TEST_REQUIRE(!plan.sessions.empty());
         for (const auto& session : plan.sessions) {
             BOOST_TEST(!HasRegion(session, Region::kQuadriceps));
             BOOST_TEST(HasCode(session.cautions, PlanCautionCode::kAvoidRegion));
         }
     }},
    {"light pressure preferred: never above it, no deep tissue",
     [] {
         return With(MarathonRunner(12),
                     [](PlanInputs& in) { in.intake->preferences.pressure = Pressure::kLight; });
     },
     [](const PlanInputs&, const Plan& plan) {
         for (const auto& session : plan.sessions) {
             BOOST_TEST(session.pressure_max <= 2);
             BOOST_TEST(!IsDeepWork(session));
         }
         BOOST_TEST(HasCode(plan.sessions.at(0).cautions, PlanCautionCode::kPressurePreference));
     }},
    {"focus: soreness first, highest pain first with its side, then load regions",
     [] {
         return With(PlainRunner(), [](PlanInputs& in) {
             in.intake->soreness = {{Region::kCalves, Side::kBilateral, 3},
                                    {Region::kItBand, Side::kRight, 7}};
         });
     },
     [](const PlanInputs&, const Plan& plan) {
         const auto& regions = plan.sessions.at(0).regions;
         BOOST_TEST_REQUIRE(regions.size() == 4U);
         BOOST_TEST((regions[0] == RegionSide{Region::kItBand, Side::kRight}));
         BOOST_TEST((regions[1] == RegionSide{Region::kCalves, Side::kBilateral}));
         BOOST_TEST((regions[2] == RegionSide{Region::kQuadriceps, Side::kBilateral}));
         BOOST_TEST((regions[3] == RegionSide{Region::kHamstrings, Side::kBilateral}));
         const auto& reasons = plan.sessions[0].reasons;
         const auto sore = std::find_if(reasons.begin(), reasons.end(), [](const auto& r) {
             return r.code == PlanReasonCode::kSorenessFocus;
         });
         BOOST_TEST_REQUIRE((sore != reasons.end()));
         BOOST_TEST(sore->detail.pain == 7);
     }},
    {"focus: what recent notes show",
     [] {
         return With(PlainRunner(), [](PlanInputs& in) {
             in.recent_notes.push_back(Note(-10, {{Region::kAchilles, Side::kLeft, 4, 5, 4}}));
         });
     },
     [](const PlanInputs&, const Plan& plan) {
         BOOST_TEST_REQUIRE(!plan.sessions.empty());
         BOOST_TEST(HasRegion(plan.sessions[0], Region::kAchilles, Side::kLeft));
         BOOST_TEST(HasCode(plan.sessions[0].reasons, PlanReasonCode::kNotesFocus));
     }},
    {"a stubborn hamstring spot: trigger point therapy",
     [] {
         return With(MarathonRunner(16), [](PlanInputs& in) {
             in.recent_notes.push_back(Note(-20, {{Region::kHamstrings, Side::kLeft, 7, 6, 4}}));
             in.recent_notes.push_back(Note(-6, {{Region::kHamstrings, Side::kLeft, 7, 5, 3}}));
         });
     },
     [](const PlanInputs&, const Plan& plan) {
         const auto with_trigger =
             std::count_if(plan.sessions.begin(), plan.sessions.end(),
                           [](const auto& s) { return HasTechnique(s, Technique::kTriggerPoint); });
         BOOST_TEST(with_trigger > 0);
         for (const auto& session : plan.sessions) {
             if (HasTechnique(session, Technique::kTriggerPoint)) {
                 BOOST_TEST(HasCode(session.reasons, PlanReasonCode::kStubbornSpot));
             }
         }
     }},
    {"restricted range of motion in the notes: myofascial release",
     [] {
         return With(PlainRunner(), [](PlanInputs& in) {
             in.recent_notes.push_back(
                 Note(-5, {{Region::kHips, Side::kRight, 5, 2, 1}}, "Hip flexion: Restricted."));
         });
     },
     [](const PlanInputs&, const Plan& plan) {
         BOOST_TEST_REQUIRE(!plan.sessions.empty());
         BOOST_TEST(HasTechnique(plan.sessions[0], Technique::kMyofascial));
         BOOST_TEST(HasCode(plan.sessions[0].reasons, PlanReasonCode::kRestrictedMotion));
     }},
    {"mileage spike: a run more than 10% longer than the 30-day longest",
     [] {
         PlanInputs in = PlainRunner();
         in.training.push_back({Day(-20), RunType::kLong, 20});
         in.training.push_back({Day(6), RunType::kLong, 22.2});    // 11%
         in.training.push_back({Day(13), RunType::kLong, 24.42});  // exactly 10% on 22.2
         return in;
     },
     [](const PlanInputs&, const Plan& plan) {
         BOOST_TEST_REQUIRE(CountWarnings(plan, PlanWarningCode::kMileageSpike) == 1U);
         const auto spike = std::find_if(plan.warnings.begin(), plan.warnings.end(), [](auto& w) {
             return w.code == PlanWarningCode::kMileageSpike;
         });
         BOOST_TEST((spike->date == Day(6)));
         BOOST_TEST(spike->detail.compared_km == 20.0);
     }},
    {"weekly distance up more than 30%",
     [] {
         PlanInputs in = PlainRunner();
         in.training.push_back({Day(0), RunType::kEasy, 30});
         in.training.push_back({Day(7), RunType::kEasy, 39});   // +30%: fine
         in.training.push_back({Day(14), RunType::kEasy, 51});  // +30.8%
         in.training.push_back({Day(27), RunType::kRest, std::nullopt});
         in.training.push_back({Day(21), RunType::kEasy, 10});  // a drop is no jump
         return in;
     },
     [](const PlanInputs&, const Plan& plan) {
         BOOST_TEST_REQUIRE(CountWarnings(plan, PlanWarningCode::kWeeklyJump) == 1U);
         const auto jump = std::find_if(plan.warnings.begin(), plan.warnings.end(), [](auto& w) {
             return w.code == PlanWarningCode::kWeeklyJump;
         });
         BOOST_TEST((jump->date == Day(14)));
     }},
    {"a week the calendar only partly covers is not compared",
     [] {
         PlanInputs in = PlainRunner();
         in.intake->runner.recent_runs = {{Day(-1), 30, RunType::kLong}};  // last week: 30 km
         AddTrainingWeek(in, Day(0), 20, 2.0);                             // this week: 90 km
         AddTrainingWeek(in, Day(7), 20, 0.5);                             // a cut-back
         AddTrainingWeek(in, Day(14), 20, 2.0);
         return in;
     },
     [](const PlanInputs&, const Plan& plan) {
         BOOST_TEST(CountWarnings(plan, PlanWarningCode::kWeeklyJump) == 1U);  // week 3 only
         const auto recovery = Span(plan, PlanPhase::kRecoveryWeek);
         BOOST_TEST_REQUIRE(recovery.has_value());
         BOOST_TEST(recovery->from == Day(7));
     }},
    {"overdue: base asks for a session every 21 days at most",
     [] {
         return With(PlainRunner(),
                     [](PlanInputs& in) { in.recent_notes.push_back(Note(-22, {})); });
     },
     [](const PlanInputs&, const Plan& plan) {
         BOOST_TEST(CountWarnings(plan, PlanWarningCode::kOverdueSession) == 1U);
         BOOST_TEST(plan.sessions.at(0).date == Day(0));
     }},
    {"not overdue at exactly 21 days; the next session 14 days after the last",
     [] {
         return With(PlainRunner(),
                     [](PlanInputs& in) { in.recent_notes.push_back(Note(-7, {})); });
     },
     [](const PlanInputs&, const Plan& plan) {
         BOOST_TEST(CountWarnings(plan, PlanWarningCode::kOverdueSession) == 0U);
         BOOST_TEST(CountWarnings(plan, PlanWarningCode::kNoSessionHistory) == 0U);
         BOOST_TEST(plan.sessions.at(0).date == Day(7));
     }},
    {"an intake over a year old",
     [] { return With(PlainRunner(), [](PlanInputs& in) { in.intake->taken_on = Day(-400); }); },
     [](const PlanInputs&, const Plan& plan) {
         BOOST_TEST(CountWarnings(plan, PlanWarningCode::kIntakeOutdated) == 1U);
     }},
    {"no intake: a plan that says nothing was screened",
     [] { return With(PlainRunner(), [](PlanInputs& in) { in.intake.reset(); }); },
     [](const PlanInputs&, const Plan& plan) {
         BOOST_TEST(CountWarnings(plan, PlanWarningCode::kNoIntake) == 1U);
         BOOST_TEST_REQUIRE(!plan.sessions.empty());
         BOOST_TEST(HasCode(plan.sessions[0].cautions, PlanCautionCode::kNotScreened));
     }},
    {"a booked session is kept and planned around",
     [] {
         return With(MarathonRunner(16), [](PlanInputs& in) {
             Appointment booked;
             booked.id = 99;
             booked.client_id = 42;
             booked.therapist_id = 1;
             booked.date = Day(30);
             booked.duration_min = 45;
             in.booked.push_back(booked);
         });
     },
     [](const PlanInputs&, const Plan& plan) {
         const auto* session = SessionOn(plan, Day(30));
         BOOST_TEST_REQUIRE(session != nullptr);
         BOOST_TEST((session->status == PlannedSessionStatus::kBooked));
         BOOST_TEST(session->appointment_id == 99);
         BOOST_TEST(session->duration_min == 45);
         BOOST_TEST(session->reasons.front().code == PlanReasonCode::kBookedAppointment);
     }},
    {"the deep work around hard training days is lighter the day before",
     [] { return MarathonRunner(16); },
     [](const PlanInputs&, const Plan& plan) {
         for (const auto& session : plan.sessions) {
             const auto next =
                 std::find_if(plan.training.begin(), plan.training.end(),
                              [&](auto& r) { return r.date == AddDays(session.date, 1); });
             if (next != plan.training.end() && IsHardTraining(next->type)) {
                 BOOST_TEST(!IsDeepWork(session), FormatIsoDate(session.date));
                 BOOST_TEST(session.pressure_max <= 5);
             }
         }
     }},
};

}  // namespace

BOOST_AUTO_TEST_SUITE(plan_tests)

BOOST_DATA_TEST_CASE(scenario, boost::unit_test::data::make(kScenarios), scenario) {
    const PlanInputs inputs = scenario.inputs();
    const Plan plan = GeneratePlan(inputs);
    BOOST_TEST(plan.client_id == inputs.client_id);
    BOOST_TEST(plan.from == inputs.from);
    for (const auto& session : plan.sessions) {
        BOOST_TEST(!session.reasons.empty());
        BOOST_TEST(!session.techniques.empty());
    }
    scenario.check(inputs, plan);
}

BOOST_AUTO_TEST_CASE(same_inputs_same_plan) {
    const PlanInputs inputs = MarathonRunner(16);
    BOOST_TEST((GeneratePlan(inputs) == GeneratePlan(inputs)));
}

BOOST_AUTO_TEST_CASE(home_care_for_every_phase_of_the_plan) {
    const Plan plan = GeneratePlan(MarathonRunner(16));
    for (const auto& span : plan.phases) {
        BOOST_TEST(std::any_of(plan.home_care.begin(), plan.home_care.end(),
                               [&](const HomeCare& care) { return care.phase == span.phase; }),
                   ToCode(span.phase));
    }
}

BOOST_AUTO_TEST_CASE(moving_onto_the_day_before_a_long_run_makes_it_lighter_and_warns) {
    const PlanInputs inputs = MarathonRunner(16);
    const Plan plan = GeneratePlan(inputs);
    // A deep build-phase session; Saturday before a Sunday long run.
    std::size_t index = plan.sessions.size();
    for (std::size_t i = 0; i < plan.sessions.size(); ++i) {
        if (plan.sessions[i].phase == PlanPhase::kBuild && IsDeepWork(plan.sessions[i])) {
            index = i;
            break;
        }
    }
    BOOST_TEST_REQUIRE(index < plan.sessions.size());
    const Date original = plan.sessions[index].date;
    Date saturday = original;
    while (IsoWeekdayIndex(saturday) != 5) {
        saturday = AddDays(saturday, 1);
    }
    const MoveResult moved = MoveSession(inputs, plan, index, saturday);
    BOOST_TEST(moved.allowed);
    BOOST_TEST(moved.session.date == saturday);
    BOOST_TEST(moved.session.moved_from == original);
    BOOST_TEST(!IsDeepWork(moved.session));
    BOOST_TEST(moved.session.pressure_max <= 5);
    BOOST_TEST(HasCode(moved.session.cautions, PlanCautionCode::kDayBeforeHardRun));
    BOOST_TEST(HasCode(moved.session.cautions, PlanCautionCode::kMovedByTherapist));
    BOOST_TEST(HasCode(moved.warnings, PlanWarningCode::kMoveChanged));
}

BOOST_AUTO_TEST_CASE(moving_before_intervals_cautions_about_hard_training_next_day) {
    const PlanInputs inputs = MarathonRunner(16);
    const Plan plan = GeneratePlan(inputs);
    std::size_t index = 0;
    while (index < plan.sessions.size() && plan.sessions[index].phase != PlanPhase::kBuild) {
        ++index;
    }
    BOOST_TEST_REQUIRE(index < plan.sessions.size());
    Date wednesday = plan.sessions[index].date;
    while (IsoWeekdayIndex(wednesday) != 2 || SessionOn(plan, wednesday) != nullptr) {
        wednesday = AddDays(wednesday, 1);
    }
    const MoveResult moved = MoveSession(inputs, plan, index, wednesday);
    BOOST_TEST(moved.allowed);
    BOOST_TEST(HasCode(moved.session.cautions, PlanCautionCode::kHardRunNextDay));
    BOOST_TEST(!IsDeepWork(moved.session));
}

BOOST_AUTO_TEST_CASE(regenerating_keeps_what_the_therapist_moved_and_skipped) {
    PlanInputs inputs = MarathonRunner(16);
    Plan plan = GeneratePlan(inputs);
    BOOST_TEST_REQUIRE(plan.sessions.size() > 6U);
    plan.sessions[3].status = PlannedSessionStatus::kSkipped;
    const Date skipped = plan.sessions[3].date;
    const Date original = plan.sessions[5].date;
    Date to = AddDays(original, 1);
    while (SessionOn(plan, to) != nullptr || SessionOn(plan, AddDays(to, -1)) != nullptr) {
        to = AddDays(to, 1);
    }
    const MoveResult moved = MoveSession(inputs, plan, 5, to);
    BOOST_TEST_REQUIRE(moved.allowed);
    plan.sessions[5] = moved.session;

    inputs.kept = plan.sessions;
    const Plan again = GeneratePlan(inputs);
    const auto* kept_skip = SessionOn(again, skipped);
    BOOST_TEST_REQUIRE(kept_skip != nullptr);
    BOOST_TEST((kept_skip->status == PlannedSessionStatus::kSkipped));
    const auto* kept_move = SessionOn(again, to);
    BOOST_TEST_REQUIRE(kept_move != nullptr);
    BOOST_TEST(kept_move->moved_from == original);
    BOOST_TEST(HasCode(kept_move->cautions, PlanCautionCode::kMovedByTherapist));
    BOOST_TEST(SessionOn(again, original) == nullptr);  // not planned again where it was
    const auto changes = DiffPlans(plan, again);
    BOOST_TEST(changes.empty());
}

BOOST_AUTO_TEST_CASE(moves_that_are_refused) {
    PlanInputs inputs = MarathonRunner(16);
    const Plan plan = GeneratePlan(inputs);
    const Date race = *plan.race_date;
    BOOST_TEST_REQUIRE(plan.sessions.size() >= 2U);
    const auto refused = [&](const Date& to, PlanWarningCode code) {
        const MoveResult result = MoveSession(inputs, plan, 0, to);
        BOOST_TEST(!result.allowed, FormatIsoDate(to));
        BOOST_TEST(HasCode(result.warnings, code), FormatIsoDate(to));
        BOOST_TEST((result.session == plan.sessions[0]));
    };
    refused(AddDays(plan.to, 1), PlanWarningCode::kMoveOutsidePlan);
    refused(AddDays(plan.from, -1), PlanWarningCode::kMoveOutsidePlan);
    refused(plan.sessions[1].date, PlanWarningCode::kMoveDayTaken);
    refused(race, PlanWarningCode::kMoveRaceDay);
    refused(AddDays(race, -1), PlanWarningCode::kMoveRaceDay);
    refused(AddDays(race, 1), PlanWarningCode::kMoveRaceDay);
    // A fever from the intake: no day is possible.
    inputs.intake->health.conditions.push_back(Condition(ConditionCode::kFever));
    refused(AddDays(plan.sessions[0].date, 1), PlanWarningCode::kRefer);
}

BOOST_AUTO_TEST_CASE(moving_into_race_week_makes_it_a_flush) {
    const PlanInputs inputs = MarathonRunner(16);
    const Plan plan = GeneratePlan(inputs);
    const Date race = *plan.race_date;
    std::size_t index = 0;
    while (plan.sessions[index].phase != PlanPhase::kTaper) {
        ++index;
    }
    const MoveResult moved = MoveSession(inputs, plan, index, AddDays(race, -4));
    BOOST_TEST(moved.allowed);
    BOOST_TEST((moved.session.techniques == std::vector<Technique>{Technique::kSwedish}));
    BOOST_TEST(moved.session.pressure_max <= 3);
    BOOST_TEST(moved.session.phase == PlanPhase::kRaceWeek);
}

BOOST_AUTO_TEST_CASE(diff_names_added_removed_and_changed_sessions) {
    const PlanInputs before_inputs = MarathonRunner(16);
    PlanInputs after_inputs = before_inputs;
    after_inputs.intake->health.medications.push_back(
        {"Warfarin", MedicationClass::kAnticoagulant});
    const Plan before = GeneratePlan(before_inputs);
    const Plan after = GeneratePlan(after_inputs);
    BOOST_TEST(DiffPlans(before, before).empty());
    const auto changes = DiffPlans(before, after);
    BOOST_TEST_REQUIRE(!changes.empty());
    const auto changed = std::find_if(changes.begin(), changes.end(), [](const auto& c) {
        return c.kind == PlanChangeKind::kChanged;
    });
    BOOST_TEST_REQUIRE((changed != changes.end()));
    BOOST_TEST((std::find(changed->fields.begin(), changed->fields.end(), "techniques") !=
                changed->fields.end()));

    Plan shorter = before;
    const Date removed = shorter.sessions.back().date;
    shorter.sessions.pop_back();
    const auto removal = DiffPlans(before, shorter);
    BOOST_TEST_REQUIRE(removal.size() == 1U);
    BOOST_TEST((removal[0].kind == PlanChangeKind::kRemoved));
    BOOST_TEST(removal[0].date == removed);
    const auto addition = DiffPlans(shorter, before);
    BOOST_TEST_REQUIRE(addition.size() == 1U);
    BOOST_TEST((addition[0].kind == PlanChangeKind::kAdded));
}

BOOST_AUTO_TEST_CASE(json_round_trip_keeps_every_detail) {
    PlanInputs inputs = MarathonRunner(16);
    inputs.intake->runner.units = DistanceUnit::kMi;
    inputs.intake->health.conditions.push_back(
        Condition(ConditionCode::kBruising, Region::kCalves, Side::kLeft));
    inputs.training.push_back({Day(40), RunType::kLong, 40});  // a spike
    Plan plan = GeneratePlan(inputs);
    plan.id = 5;
    plan.sessions.at(0).status = PlannedSessionStatus::kBooked;
    plan.sessions.at(0).appointment_id = 12;
    plan.sessions.at(1).moved_from = Day(3);
    const auto json = myodesk::vocabulary::PlanDocument(plan);
    BOOST_TEST(json["client_id"] == 42);
    BOOST_TEST(json["sessions"][0]["status"] == "booked");
    BOOST_TEST(json["sessions"][0]["reasons"][0]["text"].get<std::string>().size() > 10U);
    const auto parsed = PlanFromJson(nlohmann::json::parse(json.dump()));
    BOOST_TEST(parsed.problems.empty());
    Plan expected = plan;
    expected.id = 0;  // the id is the database's, not the document's
    BOOST_TEST((parsed.plan == expected));
}

BOOST_AUTO_TEST_CASE(plan_json_reports_bad_documents_by_path) {
    auto json = myodesk::vocabulary::PlanDocument(GeneratePlan(MarathonRunner(16)));
    json["sessions"][1]["phase"] = "sprint";
    json["sessions"][2]["regions"][0]["side"] = 3;
    json.erase("from");
    const auto parsed = PlanFromJson(nlohmann::json::parse(json.dump()));
    const auto has = [&](std::string_view field, ProblemCode code) {
        return std::any_of(parsed.problems.begin(), parsed.problems.end(),
                           [&](const auto& p) { return p.field == field && p.code == code; });
    };
    BOOST_TEST(has("sessions[1].phase", ProblemCode::kUnknownCode));
    BOOST_TEST(has("sessions[2].regions[0].side", ProblemCode::kWrongType));
    BOOST_TEST(has("from", ProblemCode::kRequired));
}

// Every code round-trips; that each has its own sentence is the vocabulary's test
// (tests/vocabulary/plan_sentences_tests.cpp).
BOOST_AUTO_TEST_CASE(every_code_round_trips) {
    for (const auto code : AllPlanReasons()) {
        BOOST_TEST(PlanReasonFromCode(ToCode(code)) == code);
    }
    for (const auto code : AllPlanCautions()) {
        BOOST_TEST(PlanCautionFromCode(ToCode(code)) == code);
    }
    for (const auto code : AllPlanWarnings()) {
        BOOST_TEST(PlanWarningFromCode(ToCode(code)) == code);
    }
    for (const auto code : AllHomeCare()) {
        BOOST_TEST(HomeCareFromCode(ToCode(code)) == code);
    }
    for (const auto phase : AllPlanPhases()) {
        BOOST_TEST(PlanPhaseFromCode(ToCode(phase)) == phase);
    }
    BOOST_TEST(AllPlanReasons().size() == 15U);
    BOOST_TEST(AllPlanWarnings().size() == 16U);
}

BOOST_AUTO_TEST_SUITE_END()
