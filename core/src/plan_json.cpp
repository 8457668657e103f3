#include "json_reader.h"

#include <myodesk/core/json_document.h>
#include <myodesk/core/plan_json.h>

namespace myodesk::core {

namespace {

using nlohmann::json;
using nlohmann::ordered_json;

void WriteDetail(ordered_json& out, const PlanDetail& detail) {
    if (detail.date) {
        out["date"] = FormatIsoDate(*detail.date);
    }
    if (detail.run_type) {
        out["run_type"] = ToCode(*detail.run_type);
    }
    if (detail.distance_km) {
        out["distance_km"] = *detail.distance_km;
    }
    if (detail.compared_km) {
        out["compared_km"] = *detail.compared_km;
    }
    if (detail.days) {
        out["days"] = *detail.days;
    }
    if (detail.pain) {
        out["pain"] = *detail.pain;
    }
    if (detail.pressure) {
        out["pressure"] = *detail.pressure;
    }
    if (detail.region) {
        out["region"] = ToCode(detail.region->region);
        out["side"] = ToCode(detail.region->side);
    }
    if (detail.flag) {
        out["flag"] = ToCode(*detail.flag);
    }
}

ordered_json RegionsToJson(const std::vector<RegionSide>& regions) {
    ordered_json out = ordered_json::array();
    for (const auto& region : regions) {
        out.push_back({{"region", ToCode(region.region)}, {"side", ToCode(region.side)}});
    }
    return out;
}

// Reads the stored document back: the plan's own shapes on top of the shared typed reads.
// Lists are read with Each, not EachObject (techniques are strings); an element that should
// be an object and is not is reported by every read of one of its members.
class PlanReader : public detail::JsonReader {
  public:
    using JsonReader::JsonReader;

    std::optional<RegionSide> RegionValue(const json& object, const std::string& path,
                                          bool required) {
        const auto region = Code<Region>(object, "region", path, required);
        const auto side = Code<Side>(object, "side", path, required || region);
        if (region && side) {
            return RegionSide{*region, *side};
        }
        return std::nullopt;
    }

    PlanDetail Detail(const json& object, const std::string& path) {
        PlanDetail detail;
        detail.date = DateValue(object, "date", path, false);
        detail.run_type = Code<RunType>(object, "run_type", path, false);
        detail.distance_km = Number(object, "distance_km", path, false);
        detail.compared_km = Number(object, "compared_km", path, false);
        detail.days = Integer(object, "days", path, false);
        detail.pain = Integer(object, "pain", path, false);
        detail.pressure = Integer(object, "pressure", path, false);
        detail.region = RegionValue(object, path, false);
        detail.flag = Code(object, "flag", path, FlagCodeFromCode, false);
        return detail;
    }

    static std::optional<FlagCode> FlagCodeFromCode(std::string_view code) {
        for (int i = 0; i <= static_cast<int>(FlagCode::kPainMaskingMedication); ++i) {
            if (ToCode(static_cast<FlagCode>(i)) == code) {
                return static_cast<FlagCode>(i);
            }
        }
        return std::nullopt;
    }

    PlannedSession Session(const json& object, const std::string& path) {
        PlannedSession session;
        session.date = DateValue(object, "date", path, true).value_or(Date{});
        session.phase =
            Code(object, "phase", path, PlanPhaseFromCode, true).value_or(PlanPhase::kBase);
        session.status = Code(object, "status", path, PlannedSessionStatusFromCode, false)
                             .value_or(PlannedSessionStatus::kPlanned);
        session.moved_from = DateValue(object, "moved_from", path, false);
        if (const auto id = Id(object, "appointment_id", path, false)) {
            session.appointment_id = static_cast<AppointmentId>(*id);
        }
        Each(object, "techniques", path, [&](const json& item, const std::string& item_path) {
            if (!item.is_string()) {
                Problem(item_path, ProblemCode::kWrongType);
            } else if (const auto technique = TechniqueFromCode(item.get<std::string>())) {
                session.techniques.push_back(*technique);
            } else {
                Problem(item_path, ProblemCode::kUnknownCode);
            }
        });
        session.duration_min = Integer(object, "duration_min", path, true).value_or(0);
        session.pressure_max = Integer(object, "pressure_max", path, true).value_or(0);
        Each(object, "regions", path, [&](const json& item, const std::string& item_path) {
            if (const auto region = RegionValue(item, item_path, true)) {
                session.regions.push_back(*region);
            }
        });
        Each(object, "reasons", path, [&](const json& item, const std::string& item_path) {
            const auto code = Code(item, "code", item_path, PlanReasonFromCode, true);
            const auto detail = Detail(item, item_path);
            if (code) {
                session.reasons.push_back({*code, detail});
            }
        });
        Each(object, "cautions", path, [&](const json& item, const std::string& item_path) {
            const auto code = Code(item, "code", item_path, PlanCautionFromCode, true);
            const auto detail = Detail(item, item_path);
            if (code) {
                session.cautions.push_back({*code, detail});
            }
        });
        return session;
    }
};

}  // namespace

nlohmann::ordered_json PlanToJson(const Plan& plan, const PlanTexts& texts) {
    ordered_json out;
    out["client_id"] = plan.client_id;
    out["generated_on"] = FormatIsoDate(plan.generated_on);
    out["from"] = FormatIsoDate(plan.from);
    out["to"] = FormatIsoDate(plan.to);
    out["race_date"] = plan.race_date ? ordered_json(FormatIsoDate(*plan.race_date)) : nullptr;
    out["intake_id"] = plan.intake_id ? ordered_json(*plan.intake_id) : nullptr;
    out["units"] = ToCode(plan.units);
    out["refer"] = plan.refer;
    ordered_json phases = ordered_json::array();
    for (const auto& span : plan.phases) {
        phases.push_back({{"phase", ToCode(span.phase)},
                          {"from", FormatIsoDate(span.from)},
                          {"to", FormatIsoDate(span.to)}});
    }
    out["phases"] = std::move(phases);
    ordered_json training = ordered_json::array();
    for (const auto& run : plan.training) {
        ordered_json item{{"date", FormatIsoDate(run.date)}, {"type", ToCode(run.type)}};
        if (run.distance_km) {
            item["distance_km"] = *run.distance_km;
        }
        item["assumed"] = run.assumed;
        training.push_back(std::move(item));
    }
    out["training"] = std::move(training);
    ordered_json sessions = ordered_json::array();
    for (const auto& session : plan.sessions) {
        ordered_json item;
        item["date"] = FormatIsoDate(session.date);
        item["phase"] = ToCode(session.phase);
        item["status"] = ToCode(session.status);
        if (session.moved_from) {
            item["moved_from"] = FormatIsoDate(*session.moved_from);
        }
        if (session.appointment_id) {
            item["appointment_id"] = *session.appointment_id;
        }
        ordered_json techniques = ordered_json::array();
        for (const auto technique : session.techniques) {
            techniques.push_back(ToCode(technique));
        }
        item["techniques"] = std::move(techniques);
        item["duration_min"] = session.duration_min;
        item["pressure_max"] = session.pressure_max;
        item["regions"] = RegionsToJson(session.regions);
        ordered_json reasons = ordered_json::array();
        for (const auto& reason : session.reasons) {
            ordered_json entry{{"code", ToCode(reason.code)}};
            if (texts.reason) {
                entry["text"] = texts.reason(reason, plan.units);
            }
            WriteDetail(entry, reason.detail);
            reasons.push_back(std::move(entry));
        }
        item["reasons"] = std::move(reasons);
        ordered_json cautions = ordered_json::array();
        for (const auto& caution : session.cautions) {
            ordered_json entry{{"code", ToCode(caution.code)}};
            if (texts.caution) {
                entry["text"] = texts.caution(caution, plan.units);
            }
            WriteDetail(entry, caution.detail);
            cautions.push_back(std::move(entry));
        }
        item["cautions"] = std::move(cautions);
        sessions.push_back(std::move(item));
    }
    out["sessions"] = std::move(sessions);
    ordered_json warnings = ordered_json::array();
    for (const auto& warning : plan.warnings) {
        ordered_json entry{{"code", ToCode(warning.code)}, {"date", FormatIsoDate(warning.date)}};
        if (texts.warning) {
            entry["text"] = texts.warning(warning, plan.units);
        }
        // The warning's own date is `date`; a detail date goes under `detail_date`.
        PlanDetail detail = warning.detail;
        const auto detail_date = detail.date;
        detail.date.reset();
        WriteDetail(entry, detail);
        if (detail_date) {
            entry["detail_date"] = FormatIsoDate(*detail_date);
        }
        warnings.push_back(std::move(entry));
    }
    out["warnings"] = std::move(warnings);
    ordered_json home_care = ordered_json::array();
    for (const auto& care : plan.home_care) {
        ordered_json entry{{"phase", ToCode(care.phase)}, {"code", ToCode(care.code)}};
        if (texts.home_care) {
            entry["text"] = texts.home_care(care);
        }
        home_care.push_back(std::move(entry));
    }
    out["home_care"] = std::move(home_care);
    return out;
}

PlanParseResult PlanFromJson(const nlohmann::json& document) {
    PlanParseResult result;
    PlanReader read(result.problems);
    Plan& plan = result.plan;
    const std::string root;
    if (!document.is_object()) {
        read.Problem("", ProblemCode::kWrongType);
        return result;
    }
    if (const auto id = read.Id(document, "client_id", root, true)) {
        plan.client_id = static_cast<ClientId>(*id);
    }
    plan.generated_on = read.DateValue(document, "generated_on", root, true).value_or(Date{});
    plan.from = read.DateValue(document, "from", root, true).value_or(Date{});
    plan.to = read.DateValue(document, "to", root, true).value_or(Date{});
    plan.race_date = read.DateValue(document, "race_date", root, false);
    if (const auto id = read.Id(document, "intake_id", root, false)) {
        plan.intake_id = static_cast<IntakeId>(*id);
    }
    plan.units =
        read.Code<DistanceUnit>(document, "units", root, false).value_or(DistanceUnit::kKm);
    plan.refer = read.Bool(document, "refer", root, false).value_or(false);
    read.Each(document, "phases", root, [&](const json& item, const std::string& path) {
        PhaseSpan span;
        span.phase = read.Code(item, "phase", path, PlanPhaseFromCode, true).value_or(span.phase);
        span.from = read.DateValue(item, "from", path, true).value_or(Date{});
        span.to = read.DateValue(item, "to", path, true).value_or(Date{});
        plan.phases.push_back(span);
    });
    read.Each(document, "training", root, [&](const json& item, const std::string& path) {
        PlanRun run;
        run.date = read.DateValue(item, "date", path, true).value_or(Date{});
        run.type = read.Code<RunType>(item, "type", path, true).value_or(run.type);
        run.distance_km = read.Number(item, "distance_km", path, false);
        run.assumed = read.Bool(item, "assumed", path, false).value_or(false);
        plan.training.push_back(run);
    });
    read.Each(document, "sessions", root, [&](const json& item, const std::string& path) {
        plan.sessions.push_back(read.Session(item, path));
    });
    read.Each(document, "warnings", root, [&](const json& item, const std::string& path) {
        PlanWarning warning;
        const auto code = read.Code(item, "code", path, PlanWarningFromCode, true);
        warning.date = read.DateValue(item, "date", path, true).value_or(Date{});
        json rest = item;
        if (rest.is_object()) {
            rest.erase("date");
            if (rest.contains("detail_date")) {
                rest["date"] = rest["detail_date"];
            }
        }
        warning.detail = read.Detail(rest, path);
        if (code) {
            warning.code = *code;
            plan.warnings.push_back(warning);
        }
    });
    read.Each(document, "home_care", root, [&](const json& item, const std::string& path) {
        const auto phase = read.Code(item, "phase", path, PlanPhaseFromCode, true);
        const auto code = read.Code(item, "code", path, HomeCareFromCode, true);
        if (phase && code) {
            plan.home_care.push_back({*phase, *code});
        }
    });
    return result;
}

PlanParseResult PlanFromText(std::string_view text) {
    auto read = ReadJsonDocument(text);
    if (!read.problems.empty()) {
        PlanParseResult result;
        result.problems = std::move(read.problems);
        return result;
    }
    return PlanFromJson(read.document);
}

}  // namespace myodesk::core
