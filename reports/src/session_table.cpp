#include <myodesk/reports/session_table.h>

#include <fmt/format.h>

#include <optional>

namespace myodesk::reports {

namespace {

std::string Score(const std::optional<int>& score) {
    return score ? std::to_string(*score) : std::string("?");
}

std::string Techniques(const core::SessionNote& note) {
    std::vector<std::string> parts;
    for (const auto& use : note.techniques) {
        parts.push_back(fmt::format("{} {} min", core::ToCode(use.technique), use.minutes));
    }
    return fmt::format("{}", fmt::join(parts, "; "));
}

std::string Regions(const core::SessionNote& note) {
    std::vector<std::string> parts;
    for (const auto& work : note.regions) {
        parts.push_back(fmt::format("{} {} {}/10", core::ToCode(work.region),
                                    core::ToCode(work.side), work.pressure));
    }
    return fmt::format("{}", fmt::join(parts, "; "));
}

std::string Pain(const core::SessionNote& note) {
    std::vector<std::string> parts;
    for (const auto& work : note.regions) {
        if (work.pain_before || work.pain_after) {
            parts.push_back(fmt::format("{} {} {} → {}", core::ToCode(work.region),
                                        core::ToCode(work.side), Score(work.pain_before),
                                        Score(work.pain_after)));
        }
    }
    return fmt::format("{}", fmt::join(parts, "; "));
}

}  // namespace

std::vector<std::string> SessionTableHeader() {
    return {"date",         "start_time", "client_id", "client", "therapist_id", "therapist",
            "duration_min", "techniques", "regions",   "pain",   "signed"};
}

Row SessionTableRow(const core::SessionNote& note, std::string_view client_name,
                    std::string_view therapist_name) {
    return {core::FormatIsoDate(note.date),
            core::FormatClockTime(note.start_minute),
            std::int64_t{note.client_id},
            std::string(client_name),
            std::int64_t{note.therapist_id},
            std::string(therapist_name),
            std::int64_t{note.duration_min},
            Techniques(note),
            Regions(note),
            Pain(note),
            std::string(core::IsSigned(note) ? "yes" : "no")};
}

}  // namespace myodesk::reports
