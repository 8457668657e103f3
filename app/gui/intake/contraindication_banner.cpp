#include "intake/contraindication_banner.h"

#include "common/code_names.h"

#include <myodesk/core/intake.h>

#include <wx/intl.h>

namespace myodesk::app {

wxString FlagSentence(const core::ContraindicationFlag& flag) {
    const wxString reason = FlagReason(flag.code);
    switch (flag.level) {
        case core::FlagLevel::kAbsolute:
            // TRANSLATORS: %s is the contraindication, e.g. "No massage — refer: fever".
            return wxString::Format(_("No massage — refer: %s"), reason);
        case core::FlagLevel::kLocal: {
            if (!flag.region) {
                return wxString::Format(_("Avoid the affected area: %s"), reason);
            }
            const wxString where = RegionSideInSentence(*flag.region, flag.side);
            if (flag.until) {
                // TRANSLATORS: "Avoid left calf until 3 Dec 2026: recent fracture".
                return wxString::Format(_("Avoid %s until %s: %s"), where,
                                        FormatReadableDate(*flag.until), reason);
            }
            // TRANSLATORS: "Avoid left calf: varicose veins".
            return wxString::Format(_("Avoid %s: %s"), where, reason);
        }
        case core::FlagLevel::kModify: {
            wxString sentence;
            if (flag.code == core::FlagCode::kPainMaskingMedication) {
                sentence =
                    _("No deep tissue: pain-masking medication — rely less on the client's "
                      "feedback about pressure");
            } else {
                // TRANSLATORS: %s is the reason, e.g. "No deep tissue: anticoagulants".
                sentence = wxString::Format(_("No deep tissue: %s"), reason);
            }
            if (flag.physician_clearance) {
                sentence << _(" — physician clearance needed first");
            }
            if (flag.until) {
                sentence << wxString::Format(_(" (until %s)"), FormatReadableDate(*flag.until));
            }
            return sentence;
        }
    }
    return reason;
}

ContraindicationBanner MakeContraindicationBanner(
    const std::vector<core::ContraindicationFlag>& flags, const std::optional<core::Date>& taken_on,
    const core::Date& today) {
    ContraindicationBanner banner;
    if (!taken_on) {
        banner.intake_notice =
            _("No intake yet — fill one in with the client before the first session.");
        return banner;
    }
    if (core::IsIntakeOutdated(*taken_on, today)) {
        banner.intake_notice = _("Intake over a year old — ask the client to renew it.");
    }
    const std::optional<core::FlagLevel> worst = core::MostSerious(flags);
    if (!worst) {
        banner.all_clear = _("No contraindications on the newest intake.");
        return banner;
    }
    banner.level =
        *worst == core::FlagLevel::kAbsolute ? BannerLevel::kStop : BannerLevel::kCaution;
    banner.sentences.reserve(flags.size());
    for (const core::ContraindicationFlag& flag : flags) {
        banner.sentences.push_back(FlagSentence(flag));
    }
    return banner;
}

BannerColours ColoursFor(BannerLevel level, bool dark_theme) {
    switch (level) {
        case BannerLevel::kStop:
            return dark_theme
                       ? BannerColours{wxColour(0x5c, 0x16, 0x1c), wxColour(0xff, 0xd6, 0xd9)}
                       : BannerColours{wxColour(0xf8, 0xd7, 0xda), wxColour(0x6b, 0x0f, 0x18)};
        case BannerLevel::kCaution:
            return dark_theme
                       ? BannerColours{wxColour(0x4d, 0x3a, 0x03), wxColour(0xff, 0xe6, 0x9c)}
                       : BannerColours{wxColour(0xff, 0xf0, 0xc2), wxColour(0x5c, 0x42, 0x00)};
        case BannerLevel::kNone:
            break;
    }
    return BannerColours{wxNullColour, wxNullColour};
}

}  // namespace myodesk::app
