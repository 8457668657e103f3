#pragma once

#include <myodesk/core/client.h>
#include <myodesk/core/date.h>
#include <myodesk/core/intake.h>
#include <myodesk/core/session_note.h>
#include <myodesk/core/staff.h>
#include <myodesk/core/training.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>
#include <vector>

namespace myodesk::core {

// A small pseudo-random generator (xoshiro256**, seeded through splitmix64) with its own
// integer-only helpers: the same seed gives the same numbers with every compiler and standard
// library (std::uniform_int_distribution and friends do not promise that).
class DemoRandom {
  public:
    explicit DemoRandom(std::uint64_t seed);

    std::uint64_t Next();
    // A whole number in [low, high] (both included; low <= high).
    int Between(int low, int high);
    // True with the given chance (0..1).
    bool Chance(double probability);
    // A number in [low, high) with a resolution of 1/2^32 of the range.
    double Real(double low, double high);
    // An index into a list of weights, each chosen in proportion to its weight (weights > 0).
    std::size_t Weighted(const std::vector<int>& weights);

    template <typename Container>
    const auto& Pick(const Container& items) {
        return items[static_cast<std::size_t>(Between(0, static_cast<int>(items.size()) - 1))];
    }

  private:
    std::uint64_t m_state[4];
};

// What `myodesk-cli demo` and the app's demo practice ask for.
struct DemoOptions {
    int clients = 200;
    int years = 2;  // of session history before `today`
    std::uint64_t seed = 1;
    Date today{};  // the last day of the practice's history (notes up to the day before)
};

// Limits the CLI and the app check before generating.
struct DemoLimits {
    static constexpr int kMaxClients = 1'000'000;
    static constexpr int kMaxYears = 10;
    static constexpr int kClientsPerTherapist = 150;
    static constexpr int kMinTherapists = 2;
    static constexpr int kMaxTherapists = 500;
};

// One client of the demo practice with everything recorded about them. Ids are not set
// (0); a note's therapist_id and signed_by are the therapist's place in Therapists() counted
// from 1, for the writer to replace with the stored ids.
struct DemoClient {
    Client client;
    std::vector<Intake> intakes;          // oldest first; the newest is the current one
    std::vector<TrainingEntry> training;  // by date; the current training cycle, race included
    std::vector<SessionNote> notes;       // oldest first (date, start)
    bool race_ahead = false;  // the newest intake names a goal race after `today`: plan it
    friend bool operator==(const DemoClient&, const DemoClient&) = default;
};

// Generates a realistic, deterministic demo practice one client at a time, so even a very large
// practice never sits in memory at once. The same options give the same practice, byte for byte.
// Therapists scale with the clients (one per DemoLimits::kClientsPerTherapist, at least 2, at
// most kMaxTherapists); their sessions never overlap. Every record passes core validation on
// `today` (ValidateClient, ValidateIntake, ValidateTrainingEntries, ValidateSessionNote,
// ValidateStaff).
class DemoPracticeGenerator {
  public:
    explicit DemoPracticeGenerator(const DemoOptions& options);
    ~DemoPracticeGenerator();
    DemoPracticeGenerator(const DemoPracticeGenerator&) = delete;
    DemoPracticeGenerator& operator=(const DemoPracticeGenerator&) = delete;

    const DemoOptions& Options() const;
    const std::vector<Staff>& Therapists() const;
    // The weekday (0 Monday .. 5 Saturday) therapist `index` has off besides Sunday; the
    // sessions fall between 07:00 and 21:00 on the other days.
    int DayOff(std::size_t index) const;
    static constexpr int kFirstMinute = 7 * 60;
    static constexpr int kLastMinute = 21 * 60;

    // Fills `client` with the next client; false once all have been generated. Clients come in
    // a fixed order: their sessions are fitted into the therapists' days as they are made.
    bool Next(DemoClient& client);

  private:
    struct State;
    std::unique_ptr<State> m_state;
};

// How many therapists a practice of `clients` clients has.
int DemoTherapistCount(int clients);

}  // namespace myodesk::core
