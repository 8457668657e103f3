#pragma once

#include <myodesk/core/client.h>
#include <myodesk/core/intake.h>
#include <myodesk/core/screening.h>
#include <myodesk/core/validation.h>

#include <nlohmann/json.hpp>

#include <optional>
#include <string_view>

namespace myodesk::core {

// The intake exchange format (docs/intake-format.md).

struct IntakeParseResult {
    Intake intake;
    std::optional<Client> client;  // the document's "client" object, when it has one
    ValidationProblems problems;   // unknown codes, impossible dates, wrong types; by JSON path
};

// Reads an intake document. Every problem found is reported (not only the first); the intake
// is only usable when `problems` is empty. Does not run ValidateIntake. Unknown keys are
// refused (a misspelt field is not silently dropped); "id", "client_id", "created_at" and
// "flags", which `intake show --json` adds, are accepted and ignored.
IntakeParseResult IntakeFromJson(const nlohmann::json& document);
// Reads the document's text: ReadJsonDocument (core/json_document.h), then IntakeFromJson.
// Lists of more than IntakeListLimits' entries are refused (kTooMany) unread.
IntakeParseResult IntakeFromText(std::string_view text);

// Writes an intake in the exchange format (no ids; `taken_on` first). Lists and fields with a
// default are always written; absent optional values are left out. A document in this form
// therefore round-trips exactly (compare as nlohmann::json: key order is not significant).
nlohmann::ordered_json IntakeToJson(const Intake& intake);

// The flags as {level, code, region, side, until, physician_clearance}.
nlohmann::ordered_json FlagsToJson(const std::vector<ContraindicationFlag>& flags);

// A client object with the model's snake_case field names (date_of_birth YYYY-MM-DD or null).
nlohmann::ordered_json ClientToJson(const Client& client);
// Reads the fields it knows; problems by JSON path under `path` ("client.date_of_birth").
Client ClientFromJson(const nlohmann::json& object, ValidationProblems& problems,
                      const std::string& path = "client");

}  // namespace myodesk::core
