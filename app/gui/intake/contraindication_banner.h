#pragma once

#include <myodesk/core/date.h>
#include <myodesk/core/screening.h>

#include <wx/colour.h>
#include <wx/string.h>

#include <optional>
#include <vector>

namespace myodesk::app {

// How loudly the workspace header warns.
enum class BannerLevel {
    kNone,     // no flags: no banner
    kCaution,  // amber: local or modify flags (avoid an area, no deep tissue)
    kStop,     // red: an absolute flag (no massage, refer)
};

// What the client workspace shows about the newest intake's contraindications, built without
// any window so that the wording and colours can be tested on their own.
struct ContraindicationBanner {
    BannerLevel level = BannerLevel::kNone;
    // One translated sentence per flag, most serious first: "No massage — refer: fever",
    // "Avoid left calf until 3 Dec 2026: recent fracture", "No deep tissue: anticoagulants".
    std::vector<wxString> sentences;
    // A discreet line under the header when there is no banner to show ("No contraindications
    // on the newest intake"), or empty.
    wxString all_clear;
    // About the intake itself: "No intake yet…" or "Intake over a year old — ask the client to
    // renew it", or empty.
    wxString intake_notice;
};

// The banner for the flags of the newest intake, taken on `taken_on` (nullopt: the client
// has no intake yet), looked at on `today`.
ContraindicationBanner MakeContraindicationBanner(
    const std::vector<core::ContraindicationFlag>& flags, const std::optional<core::Date>& taken_on,
    const core::Date& today);

// One flag in words, e.g. "Avoid left calf until 3 Dec 2026: recent fracture".
wxString FlagSentence(const core::ContraindicationFlag& flag);

// The banner's colours: background and text, readable in light and dark themes.
struct BannerColours {
    wxColour background;
    wxColour text;
};
BannerColours ColoursFor(BannerLevel level, bool dark_theme);

}  // namespace myodesk::app
