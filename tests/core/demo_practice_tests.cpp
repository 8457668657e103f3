#include <myodesk/core/client_validation.h>
#include <myodesk/core/demo_practice.h>
#include <myodesk/core/intake_validation.h>
#include <myodesk/core/screening.h>
#include <myodesk/core/session_note.h>
#include <myodesk/core/text.h>
#include <myodesk/core/training.h>

#include <boost/test/unit_test.hpp>

#include <map>
#include <set>

using namespace myodesk::core;
using namespace std::chrono;

namespace {

const Date kToday{year{2026}, November, day{20}};

DemoOptions Options(int clients, std::uint64_t seed, int years = 2) {
    DemoOptions options;
    options.clients = clients;
    options.years = years;
    options.seed = seed;
    options.today = kToday;
    return options;
}

std::vector<DemoClient> Generate(const DemoOptions& options) {
    DemoPracticeGenerator generator(options);
    std::vector<DemoClient> clients;
    DemoClient client;
    while (generator.Next(client)) {
        clients.push_back(client);
    }
    return clients;
}

std::string Problems(const ValidationProblems& problems) {
    std::string text;
    for (const auto& problem : problems) {
        text += problem.field + " " + std::string(ProblemCodeName(problem.code)) + "; ";
    }
    return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(demo_practice_tests)

// The numbers are pinned: a seed must give the same practice on every platform and standard
// library, so the generator may not change under a demo without anyone noticing.
BOOST_AUTO_TEST_CASE(random_numbers_are_the_same_everywhere) {
    DemoRandom random(42);
    const std::uint64_t first = random.Next();
    const std::uint64_t second = random.Next();
    DemoRandom again(42);
    BOOST_TEST(again.Next() == first);
    BOOST_TEST(again.Next() == second);
    BOOST_TEST(first == 0x15780B2E0C2EC716ULL);  // checked against a reference xoshiro256**
    BOOST_TEST(second == 0x6104D9866D113A7EULL);
    DemoRandom other(43);
    BOOST_TEST(other.Next() != first);

    DemoRandom bounded(7);
    std::map<int, int> counts;
    for (int i = 0; i < 6000; ++i) {
        const int value = bounded.Between(1, 6);
        BOOST_TEST_REQUIRE((value >= 1 && value <= 6));
        ++counts[value];
    }
    for (const auto& [value, count] : counts) {
        BOOST_TEST(count > 850, value);
        BOOST_TEST(count < 1150, value);
    }
    BOOST_TEST(bounded.Between(5, 5) == 5);
    int heads = 0;
    for (int i = 0; i < 10000; ++i) {
        heads += bounded.Chance(0.25) ? 1 : 0;
    }
    BOOST_TEST(heads > 2300);
    BOOST_TEST(heads < 2700);
}

BOOST_AUTO_TEST_CASE(therapists_scale_with_the_clients) {
    BOOST_TEST(DemoTherapistCount(1) == 2);
    BOOST_TEST(DemoTherapistCount(50) == 2);
    BOOST_TEST(DemoTherapistCount(200) == 2);
    BOOST_TEST(DemoTherapistCount(1000) == 7);
    BOOST_TEST(DemoTherapistCount(10000) == 67);
    BOOST_TEST(DemoTherapistCount(1'000'000) == DemoLimits::kMaxTherapists);

    DemoPracticeGenerator generator(Options(1000, 3));
    BOOST_TEST(generator.Therapists().size() == 7u);
    std::set<std::string> names;
    for (const Staff& therapist : generator.Therapists()) {
        BOOST_TEST(ValidateStaff(therapist).empty(), therapist.name);
        BOOST_TEST((therapist.role == StaffRole::kTherapist));
        names.insert(therapist.name);
    }
    BOOST_TEST(names.size() == 7u);
}

BOOST_AUTO_TEST_CASE(the_same_options_give_the_same_practice) {
    const auto first = Generate(Options(300, 11));
    const auto second = Generate(Options(300, 11));
    BOOST_TEST_REQUIRE(first.size() == 300u);
    BOOST_TEST((first == second));
    BOOST_TEST((DemoPracticeGenerator(Options(300, 11)).Therapists() ==
                DemoPracticeGenerator(Options(300, 11)).Therapists()));

    const auto other_seed = Generate(Options(300, 12));
    BOOST_TEST(!(first == other_seed));
    const auto other_day = Generate([] {
        auto options = Options(300, 11);
        options.today = Date{year{2026}, November, day{21}};
        return options;
    }());
    BOOST_TEST(!(first == other_day));
}

// Every record a demo writes must be one the app itself would accept.
BOOST_AUTO_TEST_CASE(everything_generated_passes_validation) {
    for (std::uint64_t seed = 1; seed <= 25; ++seed) {
        const DemoOptions options = Options(120, seed * 7919, 1 + static_cast<int>(seed % 4));
        DemoPracticeGenerator generator(options);
        DemoClient client;
        int count = 0;
        while (generator.Next(client)) {
            ++count;
            const std::string who =
                DisplayName(client.client) + " (seed " + std::to_string(seed) + ")";
            BOOST_TEST_REQUIRE(ValidateClient(client.client, kToday).empty(),
                               who << ": " << Problems(ValidateClient(client.client, kToday)));
            BOOST_TEST_REQUIRE(!client.intakes.empty(), who);
            for (const Intake& intake : client.intakes) {
                BOOST_TEST_REQUIRE(ValidateIntake(intake, kToday).empty(),
                                   who << ": " << Problems(ValidateIntake(intake, kToday)));
            }
            for (std::size_t i = 1; i < client.intakes.size(); ++i) {
                BOOST_TEST((client.intakes[i - 1].taken_on < client.intakes[i].taken_on), who);
            }
            BOOST_TEST_REQUIRE(ValidateTrainingEntries(client.training).empty(),
                               who << ": " << Problems(ValidateTrainingEntries(client.training)));
            for (const SessionNote& note : client.notes) {
                BOOST_TEST_REQUIRE(ValidateSessionNote(note, kToday).empty(),
                                   who << ": " << Problems(ValidateSessionNote(note, kToday)));
                BOOST_TEST((note.date < kToday));
                BOOST_TEST((note.date >= client.intakes.front().taken_on));
                BOOST_TEST(note.start_minute + note.duration_min <= 21 * 60);
                BOOST_TEST(note.therapist_id >= 1);
                BOOST_TEST(note.therapist_id <=
                           static_cast<StaffId>(generator.Therapists().size()));
                BOOST_TEST((note.duration_min >= 30 && note.duration_min <= 60));
                BOOST_TEST(!note.subjective.empty());
                BOOST_TEST(!note.techniques.empty());
            }
        }
        BOOST_TEST(count == 120);
    }
}

BOOST_AUTO_TEST_CASE(notes_are_in_order_and_no_therapist_is_double_booked) {
    const auto clients = Generate(Options(1500, 5));
    std::map<std::pair<StaffId, std::string>, std::vector<SessionNote>> days;
    std::size_t notes = 0;
    for (const DemoClient& client : clients) {
        for (std::size_t i = 0; i < client.notes.size(); ++i) {
            const SessionNote& note = client.notes[i];
            if (i > 0) {
                BOOST_TEST((client.notes[i - 1].date < note.date));
            }
            days[{note.therapist_id, FormatIsoDate(note.date)}].push_back(note);
            ++notes;
        }
    }
    BOOST_TEST(notes > 1500u * 5);
    for (const auto& [key, sessions] : days) {
        BOOST_TEST(sessions.size() <= 7u);
        for (std::size_t a = 0; a < sessions.size(); ++a) {
            for (std::size_t b = a + 1; b < sessions.size(); ++b) {
                BOOST_TEST_REQUIRE(!Overlaps(sessions[a], sessions[b]),
                                   "therapist " << key.first << " on " << key.second);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(a_realistic_share_of_clients_has_flags) {
    const auto clients = Generate(Options(3000, 17));
    int flagged = 0, absolute = 0, local = 0, modify = 0, pregnant = 0, varicose = 0,
        anticoagulants = 0, pain_masking = 0;
    for (const DemoClient& client : clients) {
        const auto flags = ScreenContraindications(client.intakes.back(), kToday);
        flagged += flags.empty() ? 0 : 1;
        const auto level = MostSerious(flags);
        absolute += level == FlagLevel::kAbsolute ? 1 : 0;
        local += level == FlagLevel::kLocal ? 1 : 0;
        modify += level == FlagLevel::kModify ? 1 : 0;
        for (const auto& flag : flags) {
            pregnant += flag.code == FlagCode::kPregnancy ? 1 : 0;
            varicose += flag.code == FlagCode::kVaricoseVeins ? 1 : 0;
            anticoagulants += flag.code == FlagCode::kAnticoagulants ? 1 : 0;
            pain_masking += flag.code == FlagCode::kPainMaskingMedication ? 1 : 0;
        }
    }
    BOOST_TEST_MESSAGE("flagged " << flagged << " absolute " << absolute << " local " << local
                                  << " modify " << modify << " pregnant " << pregnant);
    BOOST_TEST(flagged > 3000 * 10 / 100);  // some 1 in 5 runners has something to watch
    BOOST_TEST(flagged < 3000 * 35 / 100);
    BOOST_TEST(absolute >= 10);  // fever and the like: rare, but there
    BOOST_TEST(absolute <= 3000 / 100);
    BOOST_TEST(local > 3000 * 3 / 100);
    BOOST_TEST(modify > 3000 * 5 / 100);
    BOOST_TEST(varicose > 3000 * 3 / 100);
    BOOST_TEST(anticoagulants > 0);
    BOOST_TEST(pain_masking > 3000 * 4 / 100);
    BOOST_TEST(pregnant > 0);
    BOOST_TEST(pregnant < 3000 * 2 / 100);
}

BOOST_AUTO_TEST_CASE(goal_races_lie_ahead_with_a_calendar_that_builds_and_tapers) {
    const auto clients = Generate(Options(800, 23));
    int ahead = 0;
    for (const DemoClient& client : clients) {
        const Intake& intake = client.intakes.back();
        if (!client.race_ahead) {
            BOOST_TEST(client.training.empty());
            continue;
        }
        ++ahead;
        const auto& race = intake.runner.goal_race;
        BOOST_TEST_REQUIRE(race.date.has_value());
        BOOST_TEST((*race.date > kToday));
        BOOST_TEST((*race.date <= AddDays(kToday, 26 * 7)));
        BOOST_TEST(IsoWeekdayIndex(*race.date) >= 0);
        BOOST_TEST(!race.name.empty());
        BOOST_TEST_REQUIRE(race.distance_km.has_value());
        BOOST_TEST((*race.distance_km == 42.195 || *race.distance_km == 21.0975));
        BOOST_TEST_REQUIRE(!client.training.empty());
        BOOST_TEST((client.training.back().date == *race.date));
        BOOST_TEST((client.training.back().type == RunType::kRace));
        double longest = 0;
        for (const TrainingEntry& entry : client.training) {
            if (entry.type == RunType::kLong) {
                BOOST_TEST(IsoWeekdayIndex(entry.date) ==
                           static_cast<int>(*intake.runner.long_run_weekday));
                longest = std::max(longest, *entry.distance_km);
                // The taper: nothing long in the last two weeks.
                if (DaysBetween(entry.date, *race.date) < 14) {
                    BOOST_TEST(*entry.distance_km <= longest * 0.75 + 0.01);
                }
            }
        }
    }
    BOOST_TEST(ahead > 800 * 20 / 100);
    BOOST_TEST(ahead < 800 * 60 / 100);
}

BOOST_AUTO_TEST_CASE(notes_are_signed_but_for_a_few_recent_ones) {
    const auto clients = Generate(Options(600, 29, 3));
    int signed_notes = 0, unsigned_notes = 0;
    for (const DemoClient& client : clients) {
        for (const SessionNote& note : client.notes) {
            if (IsSigned(note)) {
                ++signed_notes;
                BOOST_TEST((note.signed_by == std::optional<StaffId>(note.therapist_id)));
                BOOST_TEST(note.signed_at > note.created_at);
            } else {
                ++unsigned_notes;
                BOOST_TEST(DaysBetween(note.date, kToday) <= 10);
            }
        }
    }
    BOOST_TEST(unsigned_notes > 0);
    BOOST_TEST(unsigned_notes * 100 < signed_notes);
}

BOOST_AUTO_TEST_CASE(pain_eases_with_regular_treatment) {
    const auto clients = Generate(Options(1000, 31, 3));
    long early = 0, early_count = 0, late = 0, late_count = 0;
    for (const DemoClient& client : clients) {
        if (client.notes.size() < 12) {
            continue;
        }
        for (std::size_t i = 0; i < client.notes.size(); ++i) {
            const auto& region = client.notes[i].regions;
            if (region.empty() || !region.front().pain_before) {
                continue;
            }
            BOOST_TEST(*region.front().pain_after <= *region.front().pain_before);
            if (i < 3) {
                early += *region.front().pain_before;
                ++early_count;
            } else if (i >= 10) {
                late += *region.front().pain_before;
                ++late_count;
            }
        }
    }
    BOOST_TEST_REQUIRE(early_count > 50);
    BOOST_TEST_REQUIRE(late_count > 50);
    BOOST_TEST(early * late_count > late * early_count + early_count * late_count);  // by > 1
}

BOOST_AUTO_TEST_CASE(names_are_an_international_mix) {
    const auto clients = Generate(Options(1000, 37));
    int accented = 0, cjk = 0, apostrophe = 0, preferred = 0;
    std::set<std::string> families;
    for (const DemoClient& client : clients) {
        const std::string name = client.client.given_name + " " + client.client.family_name;
        BOOST_TEST(IsValidUtf8(name));
        families.insert(client.client.family_name);
        const bool ascii = std::all_of(name.begin(), name.end(),
                                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
        accented += ascii ? 0 : 1;
        cjk += DisplayWidth(name) > Utf8Length(name) ? 1 : 0;
        apostrophe += name.find('\'') != std::string::npos ? 1 : 0;
        preferred += client.client.preferred_name.empty() ? 0 : 1;
    }
    BOOST_TEST(accented > 200);
    BOOST_TEST(cjk > 5);
    BOOST_TEST(cjk < 100);
    BOOST_TEST(apostrophe > 10);
    BOOST_TEST(preferred >= cjk);
    BOOST_TEST(families.size() > 150u);
}

BOOST_AUTO_TEST_CASE(clients_come_and_go_over_the_years) {
    const auto clients = Generate(Options(1000, 41, 3));
    int archived = 0, recent = 0, long_standing = 0, renewed = 0;
    for (const DemoClient& client : clients) {
        archived += client.client.archived ? 1 : 0;
        renewed += client.intakes.size() > 1 ? 1 : 0;
        if (client.notes.empty()) {
            continue;
        }
        recent += DaysBetween(client.notes.back().date, kToday) <= 31 ? 1 : 0;
        long_standing += DaysBetween(client.notes.front().date, kToday) > 2 * 365 ? 1 : 0;
    }
    BOOST_TEST(archived > 0);
    BOOST_TEST(archived < 200);
    BOOST_TEST(recent > 300);
    BOOST_TEST(long_standing > 100);
    BOOST_TEST(renewed > 100);
}

BOOST_AUTO_TEST_SUITE_END()
