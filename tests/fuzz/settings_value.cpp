// A clinic setting's value as `settings set KEY VALUE` and the settings dialog give it
// (services::SettingsService::Set, which parses and checks the text in db's
// ClinicSettingsRepository) on one private in-memory SQLite database per process. The first byte
// picks the key among those `settings show` lists (or, one value in N+1, the key is the text up
// to the first NUL); the rest is the value. A refused value changes nothing; an accepted one
// reads back as given and changes no other setting.

#include "fuzz_support.h"

#include <myodesk/db/database.h>
#include <myodesk/db/errors.h>
#include <myodesk/services/errors.h>
#include <myodesk/services/settings_service.h>

#include <charconv>
#include <memory>

namespace {

using namespace myodesk;

services::Context& Settings() {
    static db::Database database = db::OpenDatabase(":memory:");
    static services::Context context(database, services::Clock::FixedOn(fuzz::kToday));
    return context;
}

std::optional<double> Number(std::string_view text) {
    double number = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return number;
}

void CheckAccepted(const std::vector<db::ClinicSetting>& before,
                   const std::vector<db::ClinicSetting>& after, std::string_view key,
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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    services::SettingsService settings(Settings());
    const auto before = settings.List();
    std::string_view rest = fuzz::Text(data + 1, size - 1);
    std::string key;
    if (const std::size_t pick = data[0] % (before.size() + 1); pick < before.size()) {
        key = before[pick].key;
    } else {
        const std::size_t end = std::min(rest.find('\0'), rest.size());
        key = std::string(rest.substr(0, end));
        rest.remove_prefix(std::min(end + 1, rest.size()));
    }
    try {
        settings.Set(key, rest);
    } catch (const services::RuleError&) {
        FUZZ_CHECK(settings.List() == before);
        return 0;
    } catch (const db::ValidationError&) {
        FUZZ_CHECK(settings.List() == before);
        return 0;
    }
    CheckAccepted(before, settings.List(), key, rest);
    return 0;
}
