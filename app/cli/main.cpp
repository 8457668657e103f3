#include "cli.h"

#include <iostream>

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    const std::vector<std::string> words(argv + 1, argv + argc);
    return myodesk::app::RunCli(words, std::cout, std::cerr);
}
