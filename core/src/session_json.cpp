#include "json_reader.h"

#include <myodesk/core/json_document.h>
#include <myodesk/core/session_json.h>

#include <utility>

namespace myodesk::core {

using detail::JsonReader;
using nlohmann::json;
using nlohmann::ordered_json;

SessionNoteParseResult SessionNoteFromJson(const json& document) {
    SessionNoteParseResult result;
    JsonReader reader(result.problems);
    if (reader.Object(document, "") == nullptr) {
        return result;
    }
    reader.OnlyKeys(document, "",
                    {"date", "start_time", "duration_min", "position", "therapist_id", "subjective",
                     "objective", "assessment", "plan", "techniques", "regions", "no_treatment",
                     "flag_override",
                     // what `notes show --json` adds; accepted and ignored
                     "id", "client_id", "signed_at", "signed_by", "amendments", "created_at",
                     "updated_at", "version", "private", "changed_after_signing"});
    SessionNote& note = result.note;
    if (const auto date = reader.DateValue(document, "date", "", true)) {
        note.date = *date;
    }
    if (const auto minute = reader.Parsed(document, "start_time", "", ParseClockTime,
                                          ProblemCode::kInvalidDate, true)) {
        note.start_minute = *minute;
    }
    note.duration_min = reader.Integer(document, "duration_min", "", true).value_or(0);
    note.position = reader.Code(document, "position", "", PositionFromCode);
    if (const auto therapist = reader.Id(document, "therapist_id", "")) {
        note.therapist_id = *therapist;
    }
    note.subjective = reader.String(document, "subjective", "").value_or("");
    note.objective = reader.String(document, "objective", "").value_or("");
    note.assessment = reader.String(document, "assessment", "").value_or("");
    note.plan = reader.String(document, "plan", "").value_or("");
    note.no_treatment = reader.Code(document, "no_treatment", "", NoTreatmentFromCode);
    note.flag_override = reader.String(document, "flag_override", "").value_or("");
    reader.EachObject(
        document, "techniques", "",
        [&](const json& item, const std::string& at) {
            reader.OnlyKeys(item, at, {"technique", "minutes"});
            const auto technique = reader.Code(item, "technique", at, TechniqueFromCode, true);
            const auto minutes = reader.Integer(item, "minutes", at, true);
            if (technique && minutes) {
                note.techniques.push_back({*technique, *minutes});
            }
        },
        SessionNoteLimits::kTechniques);
    reader.EachObject(
        document, "regions", "",
        [&](const json& item, const std::string& at) {
            reader.OnlyKeys(item, at, {"region", "side", "pressure", "pain_before", "pain_after"});
            const auto region = reader.Code<Region>(item, "region", at, true);
            const auto side = reader.Code<Side>(item, "side", at, true);
            const auto pressure = reader.Integer(item, "pressure", at, true);
            const auto before = reader.Integer(item, "pain_before", at);
            const auto after = reader.Integer(item, "pain_after", at);
            if (region && side && pressure) {
                note.regions.push_back({*region, *side, *pressure, before, after});
            }
        },
        SessionNoteLimits::kRegions);
    return result;
}

SessionNoteParseResult SessionNoteFromText(std::string_view text) {
    auto read = ReadJsonDocument(text);
    if (!read.problems.empty()) {
        SessionNoteParseResult result;
        result.problems = std::move(read.problems);
        return result;
    }
    return SessionNoteFromJson(read.document);
}

ordered_json SessionNoteToJson(const SessionNote& note) {
    ordered_json techniques = ordered_json::array();
    for (const auto& use : note.techniques) {
        techniques.push_back(
            {{"technique", std::string(ToCode(use.technique))}, {"minutes", use.minutes}});
    }
    ordered_json regions = ordered_json::array();
    for (const auto& work : note.regions) {
        ordered_json item{{"region", std::string(ToCode(work.region))},
                          {"side", std::string(ToCode(work.side))},
                          {"pressure", work.pressure}};
        if (work.pain_before) {
            item["pain_before"] = *work.pain_before;
        }
        if (work.pain_after) {
            item["pain_after"] = *work.pain_after;
        }
        regions.push_back(std::move(item));
    }
    ordered_json document{{"date", FormatIsoDate(note.date)},
                          {"start_time", FormatClockTime(note.start_minute)},
                          {"duration_min", note.duration_min}};
    if (note.position) {
        document["position"] = std::string(ToCode(*note.position));
    }
    document["therapist_id"] = note.therapist_id;
    document["subjective"] = note.subjective;
    document["objective"] = note.objective;
    document["assessment"] = note.assessment;
    document["plan"] = note.plan;
    document["techniques"] = std::move(techniques);
    document["regions"] = std::move(regions);
    if (note.no_treatment) {
        document["no_treatment"] = std::string(ToCode(*note.no_treatment));
    }
    if (!note.flag_override.empty()) {
        document["flag_override"] = note.flag_override;
    }
    return document;
}

ordered_json StoredSessionNoteToJson(const SessionNote& note) {
    // The ids first, then the exchange format's fields in their order.
    ordered_json document{{"id", note.id}, {"client_id", note.client_id}};
    const ordered_json fields = SessionNoteToJson(note);
    for (auto field = fields.begin(); field != fields.end(); ++field) {
        document[field.key()] = field.value();
    }
    document["signed_at"] = IsSigned(note) ? ordered_json(note.signed_at) : ordered_json();
    document["signed_by"] = note.signed_by ? ordered_json(*note.signed_by) : ordered_json();
    document["private"] = note.is_private;
    if (note.changed_after_signing) {
        document["changed_after_signing"] = true;
    }
    ordered_json amendments = ordered_json::array();
    for (const auto& amendment : note.amendments) {
        ordered_json item{{"id", amendment.id},
                          {"amended_at", amendment.amended_at},
                          {"amended_by", amendment.amended_by},
                          {"reason", amendment.reason}};
        if (amendment.corrected) {
            item["corrected"] = SessionNoteToJson(*amendment.corrected);
        } else {
            item["section"] = std::string(ToCode(amendment.section));
            item["text"] = amendment.text;
        }
        amendments.push_back(std::move(item));
    }
    document["amendments"] = std::move(amendments);
    return document;
}

ordered_json StaffToJson(const Staff& staff) {
    return {{"id", staff.id},
            {"name", staff.name},
            {"role", std::string(ToCode(staff.role))},
            {"active", staff.active},
            {"username", staff.username.empty() ? ordered_json() : ordered_json(staff.username)}};
}

}  // namespace myodesk::core
