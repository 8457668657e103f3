#pragma once

// The invariants of a training calendar read without problems (training_*.cpp).

#include "fuzz_support.h"

#include <myodesk/core/training.h>

#include <algorithm>

namespace myodesk::fuzz {

inline void CheckTrainingRead(const core::TrainingParseResult& parsed) {
    if (!parsed.problems.empty()) {
        return;
    }
    FUZZ_CHECK(std::is_sorted(parsed.entries.begin(), parsed.entries.end(),
                              [](const auto& a, const auto& b) { return a.date < b.date; }));
    FUZZ_CHECK(core::ValidateTrainingEntries(parsed.entries).empty());
    const auto reread = core::ParseTrainingJson(core::TrainingToJson(parsed.entries).dump());
    FUZZ_CHECK(reread.problems.empty());
    FUZZ_CHECK(reread.entries == parsed.entries);
}

}  // namespace myodesk::fuzz
