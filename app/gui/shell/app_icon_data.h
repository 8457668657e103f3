#pragma once

#include <cstddef>
#include <vector>

namespace myodesk::app {

struct EmbeddedPng {
    const unsigned char* data;
    std::size_t size;
};

// The MyoDesk icon as PNG files of several sizes (generated at build time).
const std::vector<EmbeddedPng>& AppIconPngs();

}  // namespace myodesk::app
