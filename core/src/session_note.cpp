#include "code_table.h"

#include <myodesk/core/session_note.h>
#include <myodesk/core/text.h>

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <set>

namespace myodesk::core {

namespace {

using detail::CodeIn;
using detail::CodeTable;
using detail::ValueIn;
using detail::ValuesIn;

constexpr CodeTable<Technique, 5> kTechniques{{
    {Technique::kSwedish, "swedish"},
    {Technique::kDeepTissue, "deep_tissue"},
    {Technique::kTriggerPoint, "trigger_point"},
    {Technique::kSports, "sports"},
    {Technique::kMyofascial, "myofascial"},
}};

constexpr CodeTable<Position, 3> kPositions{{
    {Position::kProne, "prone"},
    {Position::kSupine, "supine"},
    {Position::kSideLying, "side_lying"},
}};

constexpr CodeTable<NoteSection, 4> kSections{{
    {NoteSection::kSubjective, "subjective"},
    {NoteSection::kObjective, "objective"},
    {NoteSection::kAssessment, "assessment"},
    {NoteSection::kPlan, "plan"},
}};

constexpr CodeTable<NoTreatment, 3> kNoTreatmentReasons{{
    {NoTreatment::kTurnedAway, "turned_away"},
    {NoTreatment::kRefused, "refused"},
    {NoTreatment::kReferred, "referred"},
}};

// Limits of a note's fields.
struct NoteLimits {
    static constexpr std::size_t kSoapText = 20000;
    static constexpr std::size_t kReason = SessionNoteLimits::kReason;
    static constexpr int kMinDuration = 5;
    static constexpr int kMaxDuration = 240;
    static constexpr int kMinutesPerDay = 24 * 60;
};

// Every text of a note may hold several lines.
void CheckNoteText(ValidationProblems& problems, std::string_view field, std::string_view text,
                   std::size_t limit) {
    CheckText(problems, field, text, limit, TextLines::kMany);
}

void CheckRange(ValidationProblems& problems, const std::string& field, int value, int minimum,
                int maximum) {
    if (value < minimum || value > maximum) {
        problems.push_back({field, ProblemCode::kOutOfRange, 0, static_cast<double>(minimum),
                            static_cast<double>(maximum)});
    }
}

void CheckTechniques(ValidationProblems& problems, const SessionNote& note) {
    if (note.techniques.size() > SessionNoteLimits::kTechniques) {
        CheckCount(problems, "techniques", note.techniques.size(), SessionNoteLimits::kTechniques);
        return;
    }
    std::set<Technique> techniques;
    std::int64_t technique_minutes = 0;  // each within +-1e9 as read, so the sum cannot overflow
    for (std::size_t i = 0; i < note.techniques.size(); ++i) {
        const TechniqueUse& use = note.techniques[i];
        if (!techniques.insert(use.technique).second) {
            problems.push_back(
                {fmt::format("techniques[{}].technique", i), ProblemCode::kDuplicate});
        }
        CheckRange(problems, fmt::format("techniques[{}].minutes", i), use.minutes, 1,
                   NoteLimits::kMaxDuration);
        technique_minutes += use.minutes;
    }
    if (technique_minutes > note.duration_min && note.duration_min > 0) {
        problems.push_back(
            {"techniques", ProblemCode::kOutOfRange, 0, 0, static_cast<double>(note.duration_min)});
    }
}

void CheckRegions(ValidationProblems& problems, const std::vector<RegionWork>& regions) {
    if (regions.size() > SessionNoteLimits::kRegions) {
        CheckCount(problems, "regions", regions.size(), SessionNoteLimits::kRegions);
        return;
    }
    std::set<std::pair<Region, Side>> places;
    for (std::size_t i = 0; i < regions.size(); ++i) {
        const RegionWork& work = regions[i];
        if (!places.insert({work.region, work.side}).second) {
            problems.push_back({fmt::format("regions[{}].region", i), ProblemCode::kDuplicate});
        }
        CheckRange(problems, fmt::format("regions[{}].pressure", i), work.pressure, 1, 10);
        if (work.pain_before) {
            CheckRange(problems, fmt::format("regions[{}].pain_before", i), *work.pain_before, 0,
                       10);
        }
        if (work.pain_after) {
            CheckRange(problems, fmt::format("regions[{}].pain_after", i), *work.pain_after, 0, 10);
        }
    }
}

// A note records treatment (a technique with minutes and a region) or says why none was
// given; an empty note would count as a session in the reports.
void CheckTreatmentRecorded(ValidationProblems& problems, const SessionNote& note) {
    if (note.no_treatment) {
        if (!note.techniques.empty()) {
            problems.push_back({"techniques", ProblemCode::kContradicts});
        }
        if (!note.regions.empty()) {
            problems.push_back({"regions", ProblemCode::kContradicts});
        }
        return;
    }
    if (note.techniques.empty()) {
        problems.push_back({"techniques", ProblemCode::kRequired});
    }
    if (note.regions.empty()) {
        problems.push_back({"regions", ProblemCode::kRequired});
    }
}

}  // namespace

std::string_view ToCode(Technique technique) {
    return CodeIn(kTechniques, technique);
}
std::string_view ToCode(Position position) {
    return CodeIn(kPositions, position);
}
std::string_view ToCode(NoteSection section) {
    return CodeIn(kSections, section);
}
std::string_view ToCode(NoTreatment reason) {
    return CodeIn(kNoTreatmentReasons, reason);
}
std::optional<NoTreatment> NoTreatmentFromCode(std::string_view code) {
    return ValueIn(kNoTreatmentReasons, code);
}
const std::vector<NoTreatment>& AllNoTreatmentReasons() {
    static const auto all = ValuesIn(kNoTreatmentReasons);
    return all;
}
std::optional<Technique> TechniqueFromCode(std::string_view code) {
    return ValueIn(kTechniques, code);
}
std::optional<Position> PositionFromCode(std::string_view code) {
    return ValueIn(kPositions, code);
}
std::optional<NoteSection> NoteSectionFromCode(std::string_view code) {
    return ValueIn(kSections, code);
}

const std::vector<Technique>& AllTechniques() {
    static const auto all = ValuesIn(kTechniques);
    return all;
}

const std::vector<Position>& AllPositions() {
    static const auto all = ValuesIn(kPositions);
    return all;
}

bool IsSigned(const SessionNote& note) {
    return !note.signed_at.empty();
}

std::optional<int> ParseClockTime(std::string_view text) {
    if (text.size() != 5 || text[2] != ':') {
        return std::nullopt;
    }
    const auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
    if (!digit(0) || !digit(1) || !digit(3) || !digit(4)) {
        return std::nullopt;
    }
    const int hours = (text[0] - '0') * 10 + (text[1] - '0');
    const int minutes = (text[3] - '0') * 10 + (text[4] - '0');
    if (hours > 23 || minutes > 59) {
        return std::nullopt;
    }
    return hours * 60 + minutes;
}

std::string FormatClockTime(int minute) {
    return fmt::format("{:02}:{:02}", minute / 60, minute % 60);
}

ValidationProblems ValidateSessionNote(const SessionNote& note, const Date& today) {
    ValidationProblems problems;
    if (!note.date.ok()) {
        problems.push_back({"date", ProblemCode::kInvalidDate});
    } else {
        CheckPastDate(problems, "date", note.date, today);
    }
    CheckRange(problems, "start_time", note.start_minute, 0, NoteLimits::kMinutesPerDay - 1);
    CheckRange(problems, "duration_min", note.duration_min, NoteLimits::kMinDuration,
               NoteLimits::kMaxDuration);
    CheckNoteText(problems, "subjective", note.subjective, NoteLimits::kSoapText);
    CheckNoteText(problems, "objective", note.objective, NoteLimits::kSoapText);
    CheckNoteText(problems, "assessment", note.assessment, NoteLimits::kSoapText);
    CheckNoteText(problems, "plan", note.plan, NoteLimits::kSoapText);

    CheckTechniques(problems, note);
    CheckRegions(problems, note.regions);
    CheckTreatmentRecorded(problems, note);
    CheckNoteText(problems, "flag_override", note.flag_override, NoteLimits::kReason);
    return problems;
}

ValidationProblems ValidateAmendment(const Amendment& amendment, const Date& today) {
    ValidationProblems problems;
    if (Trim(amendment.reason).empty()) {
        problems.push_back({"reason", ProblemCode::kRequired});
    }
    CheckNoteText(problems, "reason", amendment.reason, NoteLimits::kReason);
    if (amendment.corrected) {
        for (ValidationProblem problem : ValidateSessionNote(*amendment.corrected, today)) {
            problem.field = "corrected." + problem.field;
            problems.push_back(std::move(problem));
        }
        return problems;
    }
    if (Trim(amendment.text).empty()) {
        problems.push_back({"text", ProblemCode::kRequired});
    }
    CheckNoteText(problems, "text", amendment.text, NoteLimits::kSoapText);
    return problems;
}

SessionNote AsCorrected(const SessionNote& note) {
    SessionNote corrected = note;
    for (const Amendment& amendment : note.amendments) {
        if (amendment.corrected) {
            const SessionNote& whole = *amendment.corrected;
            corrected.date = whole.date;
            corrected.start_minute = whole.start_minute;
            corrected.duration_min = whole.duration_min;
            corrected.position = whole.position;
            corrected.subjective = whole.subjective;
            corrected.objective = whole.objective;
            corrected.assessment = whole.assessment;
            corrected.plan = whole.plan;
            corrected.techniques = whole.techniques;
            corrected.regions = whole.regions;
            corrected.no_treatment = whole.no_treatment;
            corrected.flag_override = whole.flag_override;
            continue;
        }
        switch (amendment.section) {
            case NoteSection::kSubjective:
                corrected.subjective = amendment.text;
                break;
            case NoteSection::kObjective:
                corrected.objective = amendment.text;
                break;
            case NoteSection::kAssessment:
                corrected.assessment = amendment.text;
                break;
            case NoteSection::kPlan:
                corrected.plan = amendment.text;
                break;
        }
    }
    return corrected;
}

bool Overlaps(const SessionNote& a, const SessionNote& b) {
    if (a.date != b.date) {
        return false;
    }
    const int a_end = a.start_minute + a.duration_min;
    const int b_end = b.start_minute + b.duration_min;
    return a.start_minute < b_end && b.start_minute < a_end;
}

SessionNote CopyForNextSession(const SessionNote& previous, const Date& today, int start_minute,
                               StaffId therapist) {
    SessionNote note;
    note.client_id = previous.client_id;
    note.therapist_id = therapist;
    note.date = today;
    note.start_minute = start_minute;
    note.duration_min = previous.duration_min;
    note.position = previous.position;
    note.techniques = previous.techniques;
    for (const RegionWork& work : previous.regions) {
        // Pain is asked again each session; the places and pressures carry over.
        note.regions.push_back({work.region, work.side, work.pressure, std::nullopt, std::nullopt});
    }
    return note;
}

}  // namespace myodesk::core
