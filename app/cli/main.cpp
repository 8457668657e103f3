#include "cli.h"

#include <iostream>

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    const std::vector<std::string> words(argv + 1, argv + argc);
    // The one place the CLI reads the wall clock: every command's "now" comes from here.
    return myodesk::app::RunCli(words, std::cin, std::cout, std::cerr,
                                myodesk::services::Clock::System());
}
