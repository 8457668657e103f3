// The training calendar's JSON reader (core::ParseTrainingJson). Entries read without problems must
// be sorted by date, pass ValidateTrainingEntries, and read back equal from TrainingToJson's text.

#include "training_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace myodesk;
    fuzz::CheckTrainingRead(core::ParseTrainingJson(fuzz::Text(data, size)));
    return 0;
}
