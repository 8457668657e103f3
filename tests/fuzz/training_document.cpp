// The training import as the GUI and `training import` use it (core::ParseTrainingDocument:
// JSON or CSV by the first character). Entries read without problems must be sorted by
// date, pass ValidateTrainingEntries, and read back equal from TrainingToJson's text.

#include "training_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace myodesk;
    fuzz::CheckTrainingRead(core::ParseTrainingDocument(fuzz::Text(data, size)));
    return 0;
}
