#pragma once

#include <string_view>

namespace myodesk::core {

// The MyoDesk version, as set in the top-level CMakeLists.txt.
std::string_view Version();

}  // namespace myodesk::core
