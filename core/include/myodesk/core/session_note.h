#pragma once

#include <myodesk/core/client.h>
#include <myodesk/core/codes.h>
#include <myodesk/core/date.h>
#include <myodesk/core/staff.h>
#include <myodesk/core/validation.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace myodesk::core {

using SessionNoteId = std::int64_t;

enum class Technique { kSwedish, kDeepTissue, kTriggerPoint, kSports, kMyofascial };
enum class Position { kProne, kSupine, kSideLying };

std::string_view ToCode(
    Technique technique);                    // swedish deep_tissue trigger_point sports myofascial
std::string_view ToCode(Position position);  // prone supine side_lying
std::optional<Technique> TechniqueFromCode(std::string_view code);
std::optional<Position> PositionFromCode(std::string_view code);
const std::vector<Technique>& AllTechniques();
const std::vector<Position>& AllPositions();

// Which SOAP section an amendment corrects.
enum class NoteSection { kSubjective, kObjective, kAssessment, kPlan };
std::string_view ToCode(NoteSection section);  // subjective objective assessment plan
std::optional<NoteSection> NoteSectionFromCode(std::string_view code);

struct TechniqueUse {
    Technique technique = Technique::kSwedish;
    int minutes = 0;
    friend bool operator==(const TechniqueUse&, const TechniqueUse&) = default;
};

// A region worked in the session. Pressure on the 1-10 scale (PressureLevel maps the words);
// pain on NRS-11 before and after, when asked.
struct RegionWork {
    Region region = Region::kCalves;
    Side side = Side::kBilateral;
    int pressure = 5;
    std::optional<int> pain_before;
    std::optional<int> pain_after;
    friend bool operator==(const RegionWork&, const RegionWork&) = default;
};

// Why a note records a session without treatment (instead of techniques and regions).
enum class NoTreatment { kTurnedAway, kRefused, kReferred };
std::string_view ToCode(NoTreatment reason);  // turned_away refused referred
std::optional<NoTreatment> NoTreatmentFromCode(std::string_view code);
const std::vector<NoTreatment>& AllNoTreatmentReasons();

struct Amendment;

// A SOAP session note. Once signed it is locked: changes are amendments.
struct SessionNote {
    SessionNoteId id = 0;
    ClientId client_id = 0;
    StaffId therapist_id = 0;
    Date date{};
    int start_minute = 9 * 60;  // minutes after midnight, local time
    int duration_min = 60;
    std::optional<Position> position;
    std::string subjective;
    std::string objective;
    std::string assessment;
    std::string plan;
    std::vector<TechniqueUse> techniques;
    std::vector<RegionWork> regions;
    // A session in which no treatment was given says why (no techniques or regions then).
    std::optional<NoTreatment> no_treatment;
    // The therapist's reason for going ahead despite an absolute contraindication flag on the
    // session's day; empty when there was no such flag.
    std::string flag_override;
    // The appointment of the book this note was written for (nullopt: written without one).
    std::optional<std::int64_t> appointment_id;
    std::string created_at;  // set by storage
    std::string updated_at;
    int version = 0;                    // optimistic locking, as for clients
    std::string signed_at;              // empty: not signed
    std::optional<StaffId> signed_by;   // who signed
    std::vector<Amendment> amendments;  // oldest first
    // Read only by its author and the owner (once the practice has accounts).
    bool is_private = false;
    // Set when read: the note was signed and its content no longer matches the hash kept at
    // signing (it was changed outside MyoDesk). The front ends warn.
    bool changed_after_signing = false;
    friend bool operator==(const SessionNote&, const SessionNote&) = default;
};

// A correction of a signed note: the original stays as it was and visible. It corrects one
// SOAP section (`section`, `text`) or, with `corrected`, every clinical field at once (texts,
// techniques, regions with sides, pressures and pain, date, time, duration, position, the
// no-treatment reason); the note's client, therapist and signature never change.
struct Amendment {
    std::int64_t id = 0;
    std::string amended_at;  // ISO 8601 UTC, set by storage
    StaffId amended_by = 0;
    std::string reason;
    NoteSection section = NoteSection::kAssessment;
    std::string text;                      // the corrected text of that section
    std::optional<SessionNote> corrected;  // the whole corrected note, when set
    friend bool operator==(const Amendment&, const Amendment&) = default;
};

bool IsSigned(const SessionNote& note);

// The note as its amendments correct it, oldest first: what reports count and print. Its
// amendments stay listed so that a report can say the note was corrected.
SessionNote AsCorrected(const SessionNote& note);

// The most entries a note's lists take (docs/session-format.md, "Limits"). A technique and a
// region with its side are each listed once anyway; the counts bound the work on a hostile
// document before that is checked.
struct SessionNoteLimits {
    static constexpr std::size_t kTechniques = 100;
    static constexpr std::size_t kRegions = 100;
    // The most characters of a reason: an amendment's, a flag override's (of a note or of a
    // booking, core::ValidateAppointment).
    static constexpr std::size_t kReason = 1000;
};

// "HH:MM" <-> minutes after midnight (00:00-23:59).
std::optional<int> ParseClockTime(std::string_view text);
std::string FormatClockTime(int minute);

// Checks a note before it is saved: date not after `today` nor before DateLimits::kEarliest;
// at most SessionNoteLimits' entries per list; start time 00:00-23:59; duration
// 5-240 minutes; pressure 1-10 and pain 0-10 per region; technique minutes 1-240 and their sum
// not above the duration; no region and side twice; a technique at most once; text limits;
// at least one technique and one region, or a no-treatment reason and neither; a flag
// override's reason within its limit.
// Field names are JSON paths ("regions[0].pressure", "techniques[1].minutes").
ValidationProblems ValidateSessionNote(const SessionNote& note, const Date& today);

// Checks an amendment: a reason is required, and the new text of its section, or a whole
// corrected note checked like a note (ValidateSessionNote against `today`; fields
// "corrected.regions[0].pain_after").
ValidationProblems ValidateAmendment(const Amendment& amendment, const Date& today);

// Whether two sessions of one therapist overlap in time (touching end to start is fine).
bool Overlaps(const SessionNote& a, const SessionNote& b);

// A new note for `today` pre-filled from the client's previous one ("copy last note"): the
// regions, sides, pressures and techniques, position and duration; not the text, the pain
// scores, the signature or the amendments.
SessionNote CopyForNextSession(const SessionNote& previous, const Date& today, int start_minute,
                               StaffId therapist);

}  // namespace myodesk::core
