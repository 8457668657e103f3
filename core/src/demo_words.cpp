#include "demo_words.h"

namespace myodesk::core {

std::string_view RegionWords(Region region) {
    switch (region) {
        case Region::kCalves:
            return "calves";
        case Region::kShins:
            return "shins";
        case Region::kQuadriceps:
            return "quadriceps";
        case Region::kHamstrings:
            return "hamstrings";
        case Region::kAdductors:
            return "adductors";
        case Region::kItBand:
            return "IT band";
        case Region::kGlutes:
            return "glutes";
        case Region::kHipFlexors:
            return "hip flexors";
        case Region::kHips:
            return "hips";
        case Region::kLowerBack:
            return "lower back";
        case Region::kMidBack:
            return "mid back";
        case Region::kUpperBack:
            return "upper back";
        case Region::kShoulders:
            return "shoulders";
        case Region::kNeck:
            return "neck";
        case Region::kFeet:
            return "feet";
        case Region::kAnkles:
            return "ankles";
        case Region::kAchilles:
            return "Achilles";
    }
    return "region";
}

}  // namespace myodesk::core
