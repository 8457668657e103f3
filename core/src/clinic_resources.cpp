#include <myodesk/core/clinic_resources.h>
#include <myodesk/core/text.h>

namespace myodesk::core {

namespace {

void CheckName(ValidationProblems& problems, const std::string& name) {
    if (Trim(name).empty()) {
        problems.push_back({"name", ProblemCode::kRequired});
        return;
    }
    CheckText(problems, "name", name, ClinicResourceLimits::kName, TextLines::kOne);
}

}  // namespace

ValidationProblems ValidateRoom(const Room& room) {
    ValidationProblems problems;
    CheckName(problems, room.name);
    if (room.changeover_min < 0 || room.changeover_min > ClinicResourceLimits::kMaxChangeover) {
        problems.push_back({"changeover_min", ProblemCode::kOutOfRange, 0, 0,
                            ClinicResourceLimits::kMaxChangeover});
    }
    return problems;
}

ValidationProblems ValidateService(const Service& service) {
    ValidationProblems problems;
    CheckName(problems, service.name);
    if (service.duration_min < ClinicResourceLimits::kMinDuration ||
        service.duration_min > ClinicResourceLimits::kMaxDuration) {
        problems.push_back({"duration_min", ProblemCode::kOutOfRange, 0,
                            ClinicResourceLimits::kMinDuration,
                            ClinicResourceLimits::kMaxDuration});
    }
    return problems;
}

}  // namespace myodesk::core
