#pragma once

// Transitional, for app/cli only: the plan's sentences and the plan document used to live in
// core (English only). They are now the vocabulary's, translated like every word
// (myodesk/vocabulary/plan_sentences.h), and core has no sentences. These forwarders keep the
// CLI building until it calls the vocabulary itself; a caller links MyoDesk::vocabulary.
// Nothing else includes this header; delete it when app/cli no longer does.

#include <myodesk/core/plan.h>
#include <myodesk/core/plan_json.h>
#include <myodesk/vocabulary/plan_sentences.h>
#include <myodesk/vocabulary/words.h>

#include <string>

namespace myodesk::core {

inline std::string DescribeReason(const PlanReason& reason, DistanceUnit units) {
    return vocabulary::ReasonSentence(reason, units);
}
inline std::string DescribeCaution(const PlanCaution& caution, DistanceUnit units) {
    return vocabulary::CautionSentence(caution, units);
}
inline std::string DescribeWarning(const PlanWarning& warning, DistanceUnit units) {
    return vocabulary::WarningSentence(warning, units);
}
inline std::string DescribeHomeCare(const HomeCare& care) {
    return vocabulary::HomeCareSentence(care);
}
inline std::string DescribeRegion(const RegionSide& region) {
    return vocabulary::RegionSideInSentence(region);
}
inline nlohmann::ordered_json PlanToJson(const Plan& plan) {
    return vocabulary::PlanDocument(plan);
}

}  // namespace myodesk::core
