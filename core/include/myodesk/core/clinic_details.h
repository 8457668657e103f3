#pragma once

#include <myodesk/core/date_format.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace myodesk::core {

// The paper the reports are laid out for.
enum class PaperSize { kA4, kLetter };
std::string_view ToCode(PaperSize paper);  // "a4", "letter"
std::optional<PaperSize> PaperSizeFromCode(std::string_view code);

// Who the reports come from: the letterhead of every printed report and the contact line of
// the physician letter, and how its dates are written. Clinic settings ("clinic.*",
// "report.paper" and "report.date_format"), shared by every desk.
struct ClinicDetails {
    std::string name;
    std::string address;  // several lines, '\n' between them
    std::string phone;
    std::string email;
    std::string logo_path;  // a PNG file on this computer; empty: no logo
    PaperSize paper = PaperSize::kA4;
    // "locale", "iso" or a pattern (core::IsDateFormatSetting); the reports' dates
    std::string date_format{kLocaleDateFormat};
    friend bool operator==(const ClinicDetails&, const ClinicDetails&) = default;
};

// Most characters (code points) each field accepts.
struct ClinicDetailsLimits {
    static constexpr std::size_t kName = 200;
    static constexpr std::size_t kAddress = 500;
    static constexpr std::size_t kPhone = 40;
    static constexpr std::size_t kEmail = 254;
    static constexpr std::size_t kLogoPath = 4096;
};

}  // namespace myodesk::core
