// A clinic setting's value as `settings set KEY VALUE` and the settings dialog give it, through
// core::SetClinicSetting (the rules db's ClinicSettingsRepository::Set applies before it
// writes the one row). The first byte picks the key among those `settings show` lists (or, one
// value in N+1, the key is the text up to the first NUL) and whether the settings start from
// their defaults or from a clinic's own values; the rest is the value. A refused value changes
// nothing; an accepted one lists as given, changes no other setting, and its stored text reads
// back as the same settings.

#include "fuzz_support.h"

#include <myodesk/core/clinic_settings.h>

#include <charconv>

namespace {

using namespace myodesk;

// A clinic that has changed some settings from their defaults (the cross-field rule between
// the shortest and the longest session has something to refuse).
core::ClinicSettings OwnSettings() {
    core::ClinicSettings settings;
    settings.details.name = "Stride Sports Massage";
    settings.details.address = "1 Track Lane\nLeeds";
    settings.details.paper = core::PaperSize::kLetter;
    settings.screening.acute_injury_days = 10;
    settings.plan.min_duration_min = 60;
    settings.plan.max_duration_min = 75;
    settings.plan.spike_percent = 12.5;
    return settings;
}

std::optional<double> Number(std::string_view text) {
    double number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return number;
}

void CheckAccepted(const std::vector<core::ClinicSetting>& before,
                   const std::vector<core::ClinicSetting>& after, std::string_view key,
                   std::string_view value) {
    FUZZ_CHECK(before.size() == after.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
        FUZZ_CHECK(after[i].key == before[i].key);
        if (after[i].key != key) {
            FUZZ_CHECK(after[i] == before[i]);
        } else if (after[i].is_text) {
            FUZZ_CHECK(after[i].value == value);
        } else {
            FUZZ_CHECK(Number(after[i].value).has_value());
            FUZZ_CHECK(Number(after[i].value) == Number(value));
        }
    }
}

// What is stored for every group reads back as the same settings, which keep every rule.
void CheckStoredReadsBack(const core::ClinicSettings& settings) {
    core::ClinicSettings reread = settings;
    reread.details = {};
    reread.screening = {};
    reread.plan = {};
    for (const auto group_stored : {core::SettingGroup::kClinicDetails,
                                    core::SettingGroup::kScreening, core::SettingGroup::kPlan}) {
        for (const auto& [key, text] : core::StoredClinicSettings(settings, group_stored)) {
            FUZZ_CHECK(core::ClinicSettingGroup(key) == group_stored);
            FUZZ_CHECK(core::ReadStoredClinicSetting(reread, key, text).empty());
        }
    }
    FUZZ_CHECK(reread == settings);
    FUZZ_CHECK(core::CheckClinicDetails(settings.details).empty());
    FUZZ_CHECK(core::CheckScreeningSettings(settings.screening).empty());
    FUZZ_CHECK(core::CheckPlanSettings(settings.plan).empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    static const core::ClinicSettings kStarts[] = {core::ClinicSettings{}, OwnSettings()};
    core::ClinicSettings settings = kStarts[data[0] & 1];
    const core::ClinicSettings start = settings;
    const auto before = core::ListClinicSettings(settings);

    std::string_view rest = fuzz::Text(data + 1, size - 1);
    std::string key;
    if (const std::size_t pick = (data[0] >> 1) % (before.size() + 1); pick < before.size()) {
        key = before[pick].key;
    } else {
        const std::size_t end = std::min(rest.find('\0'), rest.size());
        key = std::string(rest.substr(0, end));
        rest.remove_prefix(std::min(end + 1, rest.size()));
    }

    const auto problems = core::SetClinicSetting(settings, key, rest);
    if (!problems.empty()) {
        FUZZ_CHECK(settings == start);
        return 0;
    }
    FUZZ_CHECK(core::ClinicSettingGroup(key).has_value());
    CheckAccepted(before, core::ListClinicSettings(settings), key, rest);
    CheckStoredReadsBack(settings);
    return 0;
}
