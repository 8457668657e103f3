#pragma once

// The English words the demo practice's sample notes use for a region. The notes are sample
// data written into a demo database, in English like its names, not words the program shows:
// those are the vocabulary's (myodesk/vocabulary/words.h), which core cannot reach. Internal
// to core (demo_practice.cpp).

#include <myodesk/core/codes.h>

#include <string_view>

namespace myodesk::core {

// A region as a therapist writes it in a note: "calves", "IT band", "lower back".
std::string_view RegionWords(Region region);

}  // namespace myodesk::core
