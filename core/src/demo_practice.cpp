// The demo practice: a deterministic, realistic clinic of runners. Every random choice comes
// from DemoRandom (integer arithmetic and IEEE +-*/ only, no <random> distributions and no
// libm), so a seed gives the same practice everywhere. Each client draws from its own stream
// (the seed mixed with the client's number); the one thing clients share is the therapists'
// diary, filled in client order, which keeps every therapist's sessions apart.
//
// This file holds the generator and the therapists' diary; the clients, their training,
// intakes and notes are made in demo_practice_clients.cpp, demo_practice_training.cpp,
// demo_practice_intakes.cpp and demo_practice_notes.cpp.
#include "demo_practice_internal.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <set>

namespace myodesk::core {

namespace {

constexpr std::uint64_t kGolden = 0x9E3779B97F4A7C15ULL;

std::uint64_t SplitMix64(std::uint64_t& state) {
    std::uint64_t z = (state += kGolden);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

std::uint64_t Rotl(std::uint64_t x, int k) {
    return (x << k) | (x >> (64 - k));
}

// Independent streams: the therapists', and one per client.
constexpr std::uint64_t kTherapistStream = 0x7468657261706973ULL;  // "therapis"
std::uint64_t StreamSeed(std::uint64_t seed, std::uint64_t stream, std::uint64_t index) {
    std::uint64_t state = seed ^ (stream * kGolden);
    SplitMix64(state);
    state ^= index * 0xD1B54A32D192ED03ULL;
    return SplitMix64(state);
}

// --- the therapists' diary -----------------------------------------------------------------

constexpr int kFirstSlotMinute = DemoPracticeGenerator::kFirstMinute;  // half-hour slots
constexpr int kSlots = (DemoPracticeGenerator::kLastMinute - kFirstSlotMinute) / 30;
constexpr int kMaxSessionsPerDay = 7;
constexpr std::uint32_t kSlotMask = (1U << kSlots) - 1;

// The hour band a client likes to come in: early, midday, afternoon, evening.
constexpr std::array<std::array<int, 2>, 4> kBands{{{0, 5}, {8, 13}, {14, 19}, {20, 26}}};

}  // namespace

// --- DemoRandom ----------------------------------------------------------------------------

DemoRandom::DemoRandom(std::uint64_t seed) {
    std::uint64_t state = seed;
    for (auto& word : m_state) {
        word = SplitMix64(state);
    }
}

std::uint64_t DemoRandom::Next() {
    const std::uint64_t result = Rotl(m_state[1] * 5, 7) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = Rotl(m_state[3], 45);
    return result;
}

int DemoRandom::Between(int low, int high) {
    if (high <= low) {
        return low;
    }
    const auto range = static_cast<std::uint64_t>(static_cast<std::int64_t>(high) - low) + 1;
    return static_cast<int>(low + static_cast<std::int64_t>(Next() % range));
}

double DemoRandom::Real(double low, double high) {
    const auto bits = static_cast<double>(Next() >> 32);
    return low + (high - low) * (bits / 4294967296.0);
}

bool DemoRandom::Chance(double probability) {
    return Real(0, 1) < probability;
}

std::size_t DemoRandom::Weighted(const std::vector<int>& weights) {
    int total = 0;
    for (const int weight : weights) {
        total += weight;
    }
    int pick = Between(0, total - 1);
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (pick < weights[i]) {
            return i;
        }
        pick -= weights[i];
    }
    return weights.size() - 1;
}

int DemoTherapistCount(int clients) {
    const int wanted =
        (clients + DemoLimits::kClientsPerTherapist - 1) / DemoLimits::kClientsPerTherapist;
    return std::clamp(wanted, DemoLimits::kMinTherapists, DemoLimits::kMaxTherapists);
}

// --- the generator -------------------------------------------------------------------------

struct DemoPracticeGenerator::State {
    DemoOptions options;
    std::vector<Staff> therapists;
    std::vector<int> day_off;  // per therapist: the weekday (0 Monday) off besides Sunday
    std::vector<int> culture_weights = demo::CultureWeights();
    Date first_day{};  // the diary's first day
    int day_count = 0;
    // Per therapist and day: bits 0..27 the half-hour slots taken, bits 28..31 the sessions.
    std::vector<std::uint32_t> diary;
    int next_client = 0;

    std::uint32_t& Day(int therapist, const Date& date) {
        return diary[static_cast<std::size_t>(therapist) * static_cast<std::size_t>(day_count) +
                     static_cast<std::size_t>(DaysBetween(first_day, date))];
    }

    bool Works(int therapist, const Date& date) const {
        const int weekday = IsoWeekdayIndex(date);
        return weekday != 6 && weekday != day_off[static_cast<std::size_t>(therapist)];
    }

    // A start time for a session of `slots` half hours with the therapist that day, trying the
    // client's band first; takes it. nullopt when the day is full.
    std::optional<int> Book(int therapist, const Date& date, int slots, int band) {
        if (date < first_day || DaysBetween(first_day, date) >= day_count ||
            !Works(therapist, date)) {
            return std::nullopt;
        }
        std::uint32_t& day = Day(therapist, date);
        if (static_cast<int>(day >> kSlots) >= kMaxSessionsPerDay) {
            return std::nullopt;
        }
        const std::uint32_t need = ((1U << slots) - 1);
        const int first = kBands[static_cast<std::size_t>(band)][0];
        for (int i = 0; i < kSlots; ++i) {
            const int slot = (first + i) % kSlots;
            if (slot + slots > kSlots) {
                continue;
            }
            const std::uint32_t bits = need << slot;
            if ((day & kSlotMask & bits) == 0) {
                day = (day | bits) + (1U << kSlots);
                return kFirstSlotMinute + 30 * slot;
            }
        }
        return std::nullopt;
    }

    // The client's sessions from their first visit to yesterday, every `cadence` days or so,
    // fitted into the diaries: with their usual therapist (`primary`) in their hour `band`
    // where possible.
    std::vector<demo::Slot> BookSessions(DemoRandom& random, const demo::ClientStory& story,
                                         int band, int primary);
};

std::vector<demo::Slot> DemoPracticeGenerator::State::BookSessions(DemoRandom& random,
                                                                   const demo::ClientStory& story,
                                                                   int band, int primary) {
    using demo::Phase;
    State& state = *this;
    const Date& today = story.today;
    const std::optional<demo::Race>& race = story.race;
    std::vector<demo::Slot> slots;
    Date wanted = story.first_visit;
    Date last_booked = AddDays(story.first_visit, -30);
    while (wanted < today && static_cast<int>(slots.size()) < story.max_sessions) {
        const Phase phase = demo::PhaseOn(wanted, race);
        static const std::vector<int> kDurationWeights{15, 35, 50};
        static constexpr std::array<int, 3> kDurations{30, 45, 60};
        int duration = kDurations[random.Weighted(kDurationWeights)];
        if (phase == Phase::kTaper || phase == Phase::kRaceWeek) {
            duration = std::min(duration, 45);
        }
        const int needed = (duration + 29) / 30;
        static constexpr std::array<int, 6> kShifts{0, 1, -1, 2, -2, 3};
        bool booked = false;
        for (const int shift : kShifts) {
            const Date date = AddDays(wanted, shift);
            if (date >= today || DaysBetween(last_booked, date) < 4) {
                continue;
            }
            const std::array<int, 3> choices{
                primary, random.Between(0, static_cast<int>(state.therapists.size()) - 1),
                random.Between(0, static_cast<int>(state.therapists.size()) - 1)};
            for (std::size_t t = 0; t < choices.size() && !booked; ++t) {
                if (t == 0 || random.Chance(0.1) || !state.Works(primary, date)) {
                    if (const auto start = state.Book(choices[t], date, needed, band)) {
                        slots.push_back({date, *start, duration, choices[t]});
                        last_booked = date;
                        booked = true;
                    }
                }
            }
            if (booked) {
                break;
            }
        }
        int step = story.cadence + random.Between(-2, 3);
        if (race && phase == Phase::kBuild) {
            step = std::min(step, random.Between(6, 9));
        }
        if (random.Chance(0.04)) {
            step += random.Between(21, 75);  // holidays, an injury, a busy spell
        }
        wanted = AddDays(wanted, std::max(step, 5));
    }
    return slots;
}

DemoPracticeGenerator::DemoPracticeGenerator(const DemoOptions& options)
    : m_state(std::make_unique<State>()) {
    State& state = *m_state;
    state.options = options;
    state.options.clients = std::max(options.clients, 0);
    state.options.years = std::clamp(options.years, 1, DemoLimits::kMaxYears);
    const Date& today = state.options.today;
    state.first_day = AddDays(YearsBefore(today, state.options.years), -7);
    state.day_count = DaysBetween(state.first_day, today) + 1;

    const int count = DemoTherapistCount(state.options.clients);
    state.diary.assign(static_cast<std::size_t>(count) * static_cast<std::size_t>(state.day_count),
                       0);
    DemoRandom random(StreamSeed(options.seed, kTherapistStream, 0));
    std::set<std::string> names;
    while (static_cast<int>(state.therapists.size()) < count) {
        const demo::Person person = demo::MakePerson(random, state.culture_weights);
        std::string name = demo::FullName(person);
        if (!names.insert(name).second) {
            name += fmt::format(" ({})", state.therapists.size() + 1);
            names.insert(name);
        }
        state.therapists.push_back({0, std::move(name), StaffRole::kTherapist, true, ""});
        state.day_off.push_back(static_cast<int>(state.therapists.size() - 1) % 6);
    }
}

DemoPracticeGenerator::~DemoPracticeGenerator() = default;

const DemoOptions& DemoPracticeGenerator::Options() const {
    return m_state->options;
}

int DemoPracticeGenerator::DayOff(std::size_t index) const {
    return m_state->day_off.at(index);
}

const std::vector<Staff>& DemoPracticeGenerator::Therapists() const {
    return m_state->therapists;
}

bool DemoPracticeGenerator::Next(DemoClient& out) {
    State& state = *m_state;
    if (state.next_client >= state.options.clients) {
        return false;
    }
    const int index = state.next_client++;
    const Date& today = state.options.today;
    DemoRandom random(StreamSeed(state.options.seed, 0, static_cast<std::uint64_t>(index) + 1));
    out = DemoClient{};

    // Who they are, the runner they are, their health, and how often they come.
    demo::ClientStory story;
    story.index = index;
    story.today = today;
    story.person = demo::MakePerson(random, state.culture_weights);
    story.age = demo::FillClientDetails(random, story, state.culture_weights, out.client);
    story.runner = demo::MakeRunner(random, *story.person.culture);
    const int span = DaysBetween(YearsBefore(today, state.options.years), today);
    story.first_visit = AddDays(today, -random.Between(3, std::max(span, 3)));
    story.health = demo::MakeHealth(random, story.first_visit, story.age, story.person.female);
    demo::ChooseAttendance(random, story);
    out.race_ahead = story.race.has_value();

    // The training calendar of the current cycle, up to the race.
    if (story.race) {
        out.training = demo::CurrentTrainingCycle(random, story);
    }
    const int band = random.Between(0, 3);
    const int primary = random.Between(0, static_cast<int>(state.therapists.size()) - 1);
    story.slots = state.BookSessions(random, story, band, primary);

    out.intakes = demo::MakeIntakes(random, story, out.training);
    out.notes = demo::MakeNotes(random, story, out.intakes);

    Client& client = out.client;
    const Date last_seen = story.slots.empty() ? story.first_visit : story.slots.back().date;
    client.archived = story.lapsed && DaysBetween(last_seen, today) > 365 && random.Chance(0.3);
    client.created_at =
        demo::Timestamp(out.intakes.front().taken_on, 8 * 60 + random.Between(0, 50));
    client.updated_at = client.created_at;
    client.version = 1;
    for (Intake& intake : out.intakes) {
        intake.created_at = demo::Timestamp(intake.taken_on, 8 * 60 + random.Between(0, 50));
    }
    return true;
}

}  // namespace myodesk::core
