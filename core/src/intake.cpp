#include <myodesk/core/intake.h>

namespace myodesk::core {

bool IsIntakeOutdated(const Date& taken_on, const Date& today) {
    // Renewed yearly: outdated once a full year has passed.
    return taken_on < YearsBefore(today, 1);
}

}  // namespace myodesk::core
