#pragma once

// The demo practice's people: given and family names, phone numbers, streets and towns of the
// places a city clinic's runners come from. Internal to core (the demo practice generator).

#include <string_view>
#include <vector>

namespace myodesk::core::demo {

// A name as written, and in plain ASCII letters for an email address (empty: derived from the
// written form by folding its accents away).
struct NameText {
    std::string_view text;
    std::string_view ascii = {};
};

// Where a client's name comes from, and how that place writes phone numbers and addresses.
struct Culture {
    int weight;  // how common among the clients, relative to the others
    std::vector<NameText> female;
    std::vector<NameText> male;
    // Family names; where women's forms differ (Polish, Czech, Greek, Irish), `female_family`
    // holds them in the same order as `family`.
    std::vector<NameText> family;
    std::vector<NameText> female_family;
    // A written name in a script other than Latin: the `ascii` form is the preferred name.
    // (Chinese and Japanese script only: the fonts MyoDesk relies on, fonts-dejavu-core and
    // fonts-droid-fallback, have no Hangul, so Korean names are romanised.)
    bool native_script = false;
    // Phone numbers: 'D' stands for a random digit. Fictional ranges where a country has them.
    std::vector<std::string_view> phones;
    std::vector<std::string_view> towns;
    std::vector<std::string_view> streets;
    bool number_after_street = false;  // "Hauptstraße 12" rather than "12 Quay Street"
    std::string_view postcode;         // 'D' digits before the town, or empty
    int miles_percent = 0;             // share of runners who count in miles
};

const std::vector<Culture>& Cultures();

// Race names and when they are run, for goal races on realistic dates.
struct RaceTemplate {
    std::string_view name;
    double distance_km;
    unsigned month;  // 1..12
    int weekday;     // 0 Monday .. 6 Sunday
    int nth;         // 1..4: the nth such weekday of the month; -1: the last
};

const std::vector<RaceTemplate>& Races();

}  // namespace myodesk::core::demo
