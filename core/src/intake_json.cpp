#include "json_reader.h"

#include <myodesk/core/intake_json.h>
#include <myodesk/core/json_document.h>

#include <utility>

namespace myodesk::core {

namespace {

using detail::JsonReader;
using nlohmann::json;
using nlohmann::ordered_json;

HealthEvent ReadEvent(JsonReader& reader, const json& object, const std::string& path) {
    reader.OnlyKeys(object, path, {"date", "region", "side", "kind", "description"});
    HealthEvent event;
    event.date = reader.DateValue(object, "date", path, true).value_or(Date{});
    event.region = reader.Code<Region>(object, "region", path);
    event.side = reader.Code<Side>(object, "side", path);
    event.kind = reader.String(object, "kind", path).value_or("");
    event.description = reader.String(object, "description", path).value_or("");
    return event;
}

void ReadHealth(JsonReader& reader, const json& object, const std::string& path, Health& health) {
    reader.OnlyKeys(object, path,
                    {"conditions", "medications", "surgeries", "injuries", "pregnant",
                     "pregnancy_weeks", "allergies"});
    reader.EachObject(
        object, "conditions", path,
        [&](const json& item, const std::string& at) {
            reader.OnlyKeys(item, at, {"code", "region", "side", "since"});
            const auto code = reader.Code<ConditionCode>(item, "code", at, true);
            const auto region = reader.Code<Region>(item, "region", at);
            const auto side = reader.Code<Side>(item, "side", at);
            const auto since = reader.DateValue(item, "since", at);
            if (code) {
                health.conditions.push_back({*code, region, side, since});
            }
        },
        IntakeListLimits::kConditions);
    reader.EachObject(
        object, "medications", path,
        [&](const json& item, const std::string& at) {
            reader.OnlyKeys(item, at, {"name", "class"});
            Medication medication;
            medication.name = reader.String(item, "name", at, true).value_or("");
            medication.medication_class =
                reader.Code<MedicationClass>(item, "class", at).value_or(MedicationClass::kOther);
            health.medications.push_back(std::move(medication));
        },
        IntakeListLimits::kMedications);
    reader.EachObject(
        object, "surgeries", path,
        [&](const json& item, const std::string& at) {
            health.surgeries.push_back(ReadEvent(reader, item, at));
        },
        IntakeListLimits::kSurgeries);
    reader.EachObject(
        object, "injuries", path,
        [&](const json& item, const std::string& at) {
            health.injuries.push_back(ReadEvent(reader, item, at));
        },
        IntakeListLimits::kInjuries);
    health.pregnant = reader.Bool(object, "pregnant", path).value_or(false);
    health.pregnancy_weeks = reader.Integer(object, "pregnancy_weeks", path);
    health.allergies = reader.String(object, "allergies", path).value_or("");
}

void ReadRunner(JsonReader& reader, const json& object, const std::string& path,
                RunnerProfile& runner) {
    reader.OnlyKeys(object, path,
                    {"goal_race", "goal", "units", "runs_per_week", "long_run_weekday",
                     "weekly_distance_km", "longest_run_30d_km", "recent_runs"});
    if (const json* race = reader.Member(object, "goal_race", path)) {
        const std::string race_path = JsonReader::Path(path, "goal_race");
        if (reader.Object(*race, race_path) != nullptr) {
            reader.OnlyKeys(*race, race_path, {"name", "date", "distance_km"});
            runner.goal_race.name = reader.String(*race, "name", race_path).value_or("");
            runner.goal_race.date = reader.DateValue(*race, "date", race_path);
            runner.goal_race.distance_km = reader.Number(*race, "distance_km", race_path);
        }
    }
    runner.goal = reader.Code<RaceGoal>(object, "goal", path);
    runner.units = reader.Code<DistanceUnit>(object, "units", path).value_or(DistanceUnit::kKm);
    runner.runs_per_week = reader.Integer(object, "runs_per_week", path);
    runner.long_run_weekday = reader.Code<Weekday>(object, "long_run_weekday", path);
    runner.weekly_distance_km = reader.Number(object, "weekly_distance_km", path);
    runner.longest_run_30d_km = reader.Number(object, "longest_run_30d_km", path);
    reader.EachObject(
        object, "recent_runs", path,
        [&](const json& item, const std::string& at) {
            reader.OnlyKeys(item, at, {"date", "distance_km", "type"});
            RecentRun run;
            run.date = reader.DateValue(item, "date", at, true).value_or(Date{});
            run.distance_km = reader.Number(item, "distance_km", at, true).value_or(0);
            run.type = reader.Code<RunType>(item, "type", at).value_or(RunType::kEasy);
            runner.recent_runs.push_back(run);
        },
        IntakeListLimits::kRecentRuns);
}

ordered_json OptionalCode(const auto& value) {
    return value ? ordered_json(std::string(ToCode(*value))) : ordered_json();
}

// Adds key: value only when the optional has a value.
template <typename T, typename Convert>
void PutIf(ordered_json& object, const char* key, const std::optional<T>& value, Convert convert) {
    if (value) {
        object[key] = convert(*value);
    }
}

ordered_json EventToJson(const HealthEvent& event) {
    ordered_json object{{"date", FormatIsoDate(event.date)}};
    PutIf(object, "region", event.region, [](Region r) { return std::string(ToCode(r)); });
    PutIf(object, "side", event.side, [](Side s) { return std::string(ToCode(s)); });
    object["kind"] = event.kind;
    object["description"] = event.description;
    return object;
}

std::string DateText(const Date& date) {
    return FormatIsoDate(date);
}

}  // namespace

IntakeParseResult IntakeFromJson(const json& document) {
    IntakeParseResult result;
    JsonReader reader(result.problems);
    if (reader.Object(document, "") == nullptr) {
        return result;
    }
    reader.OnlyKeys(document, "",
                    {"taken_on", "health", "runner", "soreness", "avoid_regions", "preferences",
                     "consent", "client", "id", "client_id", "created_at", "flags"});
    Intake& intake = result.intake;
    intake.taken_on = reader.DateValue(document, "taken_on", "", true).value_or(Date{});
    if (const json* health = reader.Member(document, "health", "")) {
        if (reader.Object(*health, "health") != nullptr) {
            ReadHealth(reader, *health, "health", intake.health);
        }
    }
    if (const json* runner = reader.Member(document, "runner", "")) {
        if (reader.Object(*runner, "runner") != nullptr) {
            ReadRunner(reader, *runner, "runner", intake.runner);
        }
    }
    reader.EachObject(
        document, "soreness", "",
        [&](const json& item, const std::string& at) {
            reader.OnlyKeys(item, at, {"region", "side", "pain"});
            const auto region = reader.Code<Region>(item, "region", at, true);
            const auto side = reader.Code<Side>(item, "side", at, true);
            const auto pain = reader.Integer(item, "pain", at, true);
            if (region && side && pain) {
                intake.soreness.push_back({*region, *side, *pain});
            }
        },
        IntakeListLimits::kSoreness);
    reader.EachObject(
        document, "avoid_regions", "",
        [&](const json& item, const std::string& at) {
            reader.OnlyKeys(item, at, {"region", "side"});
            const auto region = reader.Code<Region>(item, "region", at, true);
            const auto side = reader.Code<Side>(item, "side", at, true);
            if (region && side) {
                intake.avoid_regions.push_back({*region, *side});
            }
        },
        IntakeListLimits::kAvoidRegions);
    if (const json* preferences = reader.Member(document, "preferences", "")) {
        if (reader.Object(*preferences, "preferences") != nullptr) {
            reader.OnlyKeys(*preferences, "preferences", {"pressure", "notes"});
            intake.preferences.pressure =
                reader.Code<Pressure>(*preferences, "pressure", "preferences");
            intake.preferences.notes =
                reader.String(*preferences, "notes", "preferences").value_or("");
        }
    }
    if (const json* consent = reader.Member(document, "consent", "")) {
        if (reader.Object(*consent, "consent") != nullptr) {
            reader.OnlyKeys(*consent, "consent", {"accepted", "signed_name", "signed_on"});
            intake.consent.accepted = reader.Bool(*consent, "accepted", "consent").value_or(false);
            intake.consent.signed_name =
                reader.String(*consent, "signed_name", "consent").value_or("");
            intake.consent.signed_on = reader.DateValue(*consent, "signed_on", "consent");
        }
    }
    if (const json* client = reader.Member(document, "client", "")) {
        if (reader.Object(*client, "client") != nullptr) {
            result.client = ClientFromJson(*client, result.problems, "client");
        }
    }
    return result;
}

IntakeParseResult IntakeFromText(std::string_view text) {
    auto read = ReadJsonDocument(text);
    if (!read.problems.empty()) {
        IntakeParseResult result;
        result.problems = std::move(read.problems);
        return result;
    }
    return IntakeFromJson(read.document);
}

ordered_json IntakeToJson(const Intake& intake) {
    const Health& health = intake.health;
    ordered_json conditions = ordered_json::array();
    for (const auto& condition : health.conditions) {
        ordered_json item{{"code", std::string(ToCode(condition.code))}};
        PutIf(item, "region", condition.region, [](Region r) { return std::string(ToCode(r)); });
        PutIf(item, "side", condition.side, [](Side s) { return std::string(ToCode(s)); });
        PutIf(item, "since", condition.since, DateText);
        conditions.push_back(std::move(item));
    }
    ordered_json medications = ordered_json::array();
    for (const auto& medication : health.medications) {
        medications.push_back({{"name", medication.name},
                               {"class", std::string(ToCode(medication.medication_class))}});
    }
    ordered_json surgeries = ordered_json::array();
    for (const auto& surgery : health.surgeries) {
        surgeries.push_back(EventToJson(surgery));
    }
    ordered_json injuries = ordered_json::array();
    for (const auto& injury : health.injuries) {
        injuries.push_back(EventToJson(injury));
    }
    ordered_json health_json{{"conditions", std::move(conditions)},
                             {"medications", std::move(medications)},
                             {"surgeries", std::move(surgeries)},
                             {"injuries", std::move(injuries)},
                             {"pregnant", health.pregnant}};
    PutIf(health_json, "pregnancy_weeks", health.pregnancy_weeks, [](int w) { return w; });
    health_json["allergies"] = health.allergies;

    const RunnerProfile& runner = intake.runner;
    ordered_json race{{"name", runner.goal_race.name}};
    PutIf(race, "date", runner.goal_race.date, DateText);
    PutIf(race, "distance_km", runner.goal_race.distance_km, [](double d) { return d; });
    ordered_json runner_json{{"goal_race", std::move(race)}};
    PutIf(runner_json, "goal", runner.goal, [](RaceGoal g) { return std::string(ToCode(g)); });
    runner_json["units"] = std::string(ToCode(runner.units));
    PutIf(runner_json, "runs_per_week", runner.runs_per_week, [](int n) { return n; });
    PutIf(runner_json, "long_run_weekday", runner.long_run_weekday,
          [](Weekday w) { return std::string(ToCode(w)); });
    PutIf(runner_json, "weekly_distance_km", runner.weekly_distance_km, [](double d) { return d; });
    PutIf(runner_json, "longest_run_30d_km", runner.longest_run_30d_km, [](double d) { return d; });
    ordered_json runs = ordered_json::array();
    for (const auto& run : runner.recent_runs) {
        runs.push_back({{"date", FormatIsoDate(run.date)},
                        {"distance_km", run.distance_km},
                        {"type", std::string(ToCode(run.type))}});
    }
    runner_json["recent_runs"] = std::move(runs);

    ordered_json soreness = ordered_json::array();
    for (const auto& sore : intake.soreness) {
        soreness.push_back({{"region", std::string(ToCode(sore.region))},
                            {"side", std::string(ToCode(sore.side))},
                            {"pain", sore.pain}});
    }
    ordered_json avoid = ordered_json::array();
    for (const auto& area : intake.avoid_regions) {
        avoid.push_back({{"region", std::string(ToCode(area.region))},
                         {"side", std::string(ToCode(area.side))}});
    }
    ordered_json preferences;
    PutIf(preferences, "pressure", intake.preferences.pressure,
          [](Pressure p) { return std::string(ToCode(p)); });
    preferences["notes"] = intake.preferences.notes;
    ordered_json consent{{"accepted", intake.consent.accepted},
                         {"signed_name", intake.consent.signed_name}};
    PutIf(consent, "signed_on", intake.consent.signed_on, DateText);

    return ordered_json{{"taken_on", FormatIsoDate(intake.taken_on)},
                        {"health", std::move(health_json)},
                        {"runner", std::move(runner_json)},
                        {"soreness", std::move(soreness)},
                        {"avoid_regions", std::move(avoid)},
                        {"preferences", std::move(preferences)},
                        {"consent", std::move(consent)}};
}

ordered_json FlagsToJson(const std::vector<ContraindicationFlag>& flags) {
    ordered_json list = ordered_json::array();
    for (const auto& flag : flags) {
        list.push_back(
            {{"level", std::string(ToCode(flag.level))},
             {"code", std::string(ToCode(flag.code))},
             {"region", OptionalCode(flag.region)},
             {"side", OptionalCode(flag.side)},
             {"until", flag.until ? ordered_json(FormatIsoDate(*flag.until)) : ordered_json()},
             {"physician_clearance", flag.physician_clearance}});
    }
    return list;
}

ordered_json ClientToJson(const Client& client) {
    return {
        {"id", client.id},
        {"given_name", client.given_name},
        {"family_name", client.family_name},
        {"preferred_name", client.preferred_name},
        {"date_of_birth", client.date_of_birth ? ordered_json(FormatIsoDate(*client.date_of_birth))
                                               : ordered_json()},
        {"phone", client.phone},
        {"email", client.email},
        {"address", client.address},
        {"emergency_contact_name", client.emergency_contact_name},
        {"emergency_contact_phone", client.emergency_contact_phone},
        {"physician", client.physician},
        {"referral_source", client.referral_source},
        {"notes", client.notes},
        {"archived", client.archived},
        {"created_at", client.created_at},
        {"updated_at", client.updated_at},
        {"version", client.version}};
}

Client ClientFromJson(const json& object, ValidationProblems& problems, const std::string& path) {
    JsonReader reader(problems);
    Client client;
    if (reader.Object(object, path) == nullptr) {
        return client;
    }
    // The storage-managed fields of ClientToJson's output are accepted and ignored.
    reader.OnlyKeys(
        object, path,
        {"id", "given_name", "family_name", "preferred_name", "date_of_birth", "phone", "email",
         "address", "emergency_contact_name", "emergency_contact_phone", "physician",
         "referral_source", "notes", "archived", "created_at", "updated_at", "version"});
    const auto text = [&](std::string_view key) {
        return reader.String(object, key, path).value_or("");
    };
    client.given_name = text("given_name");
    client.family_name = text("family_name");
    client.preferred_name = text("preferred_name");
    client.date_of_birth = reader.DateValue(object, "date_of_birth", path);
    client.phone = text("phone");
    client.email = text("email");
    client.address = text("address");
    client.emergency_contact_name = text("emergency_contact_name");
    client.emergency_contact_phone = text("emergency_contact_phone");
    client.physician = text("physician");
    client.referral_source = text("referral_source");
    client.notes = text("notes");
    return client;
}

}  // namespace myodesk::core
