#include "code_table.h"

#include <myodesk/core/clinic_details.h>

namespace myodesk::core {

namespace {
constexpr detail::CodeTable<PaperSize, 2> kPaperSizes{{
    {PaperSize::kA4, "a4"},
    {PaperSize::kLetter, "letter"},
}};
}  // namespace

std::string_view ToCode(PaperSize paper) {
    return detail::CodeIn(kPaperSizes, paper);
}

std::optional<PaperSize> PaperSizeFromCode(std::string_view code) {
    return detail::ValueIn(kPaperSizes, code);
}

}  // namespace myodesk::core
