// notes add|list|show|sign|delete|amend|unsigned
#include "cli_words.h"
#include "command_declaration.h"
#include "screening_warning.h"
#include "text_layout.h"

#include <myodesk/core/session_json.h>
#include <myodesk/core/session_note.h>
#include <myodesk/db/errors.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/intake_service.h>
#include <myodesk/services/note_service.h>
#include <myodesk/services/staff_service.h>
#include <myodesk/vocabulary/words.h>

#include <fmt/format.h>
#include <fmt/ostream.h>

#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

namespace myodesk::app {

namespace {

// Staff names for a listing, each read once; a placeholder for an id that is not there.
class StaffNames {
  public:
    explicit StaffNames(services::Context& context) : m_staff(context) {}
    const std::string& operator()(core::StaffId id) {
        auto found = m_names.find(id);
        if (found == m_names.end()) {
            const auto staff = m_staff.Find(id);
            found = m_names.emplace(id, staff ? staff->name : fmt::format("staff {}", id)).first;
        }
        return found->second;
    }

  private:
    services::StaffService m_staff;
    std::map<core::StaffId, std::string> m_names;
};

nlohmann::ordered_json SummaryJson(const db::SessionNoteSummary& summary) {
    nlohmann::ordered_json techniques = nlohmann::ordered_json::array();
    for (const auto technique : summary.techniques) {
        techniques.push_back(std::string(core::ToCode(technique)));
    }
    nlohmann::ordered_json regions = nlohmann::ordered_json::array();
    for (const auto& place : summary.regions) {
        regions.push_back({{"region", std::string(core::ToCode(place.region))},
                           {"side", std::string(core::ToCode(place.side))}});
    }
    return {{"id", summary.id},
            {"client_id", summary.client_id},
            {"date", core::FormatIsoDate(summary.date)},
            {"start_time", core::FormatClockTime(summary.start_minute)},
            {"duration_min", summary.duration_min},
            {"therapist_id", summary.therapist_id},
            {"therapist_name", summary.therapist_name},
            {"techniques", std::move(techniques)},
            {"regions", std::move(regions)},
            {"is_signed", summary.is_signed},
            {"amendment_count", summary.amendment_count}};
}

void PrintSummary(CommandContext& context, const db::SessionNoteSummary& summary, bool first,
                  bool with_client) {
    if (context.Json()) {
        context.Out() << (first ? "\n  " : ",\n  ") << SummaryJson(summary).dump();
        return;
    }
    std::vector<std::string> techniques;
    for (const auto technique : summary.techniques) {
        techniques.push_back(TechniqueWords(technique));
    }
    std::vector<std::string> regions;
    for (const auto& place : summary.regions) {
        regions.push_back(PlaceWords(place.region, place.side));
    }
    std::string status = summary.is_signed ? "signed" : "UNSIGNED";
    if (summary.amendment_count > 0) {
        status += fmt::format(", {} amendment(s)", summary.amendment_count);
    }
    const std::string client =
        with_client ? fmt::format("client {}  ", summary.client_id) : std::string();
    auto& out = context.Out();
    fmt::print(out, "{:>8}  {}{}  {}  {:>3} min  {}  {}\n", summary.id, client,
               core::FormatIsoDate(summary.date), core::FormatClockTime(summary.start_minute),
               summary.duration_min, Padded(summary.therapist_name, 24), status);
    if (!techniques.empty()) {
        fmt::print(out, "{:>10}{}\n", "", fmt::join(techniques, ", "));
    }
    if (!regions.empty()) {
        fmt::print(out, "{:>10}{}\n", "", fmt::join(regions, ", "));
    }
}

// Streams a list page by page, like the client list; returns the number printed.
template <typename PageAt>
std::int64_t PrintSummaries(CommandContext& context, const Paging& paging, PageAt&& page_at,
                            bool with_client) {
    constexpr std::int64_t kPage = 500;
    std::int64_t printed = 0;
    if (context.Json()) {
        context.Out() << '[';
    }
    while (printed < paging.limit) {
        const std::int64_t wanted = std::min(kPage, paging.limit - printed);
        const std::vector<db::SessionNoteSummary> page = page_at(paging.offset + printed, wanted);
        for (const auto& summary : page) {
            PrintSummary(context, summary, printed == 0, with_client);
            ++printed;
        }
        if (static_cast<std::int64_t>(page.size()) < wanted) {
            break;
        }
    }
    if (context.Json()) {
        context.Out() << (printed == 0 ? "]\n" : "\n]\n");
    }
    return printed;
}

// Why no treatment was given, and a flag that was overridden, when the note says so.
void PrintTreatmentNotes(std::ostream& out, const core::SessionNote& note) {
    if (note.no_treatment) {
        PrintField(out, "No treatment", vocabulary::NameOf(*note.no_treatment));
    }
    if (!note.flag_override.empty()) {
        PrintField(out, "Flag overridden", note.flag_override);
    }
}

void PrintHeading(std::ostream& out, const core::SessionNote& note, const core::Client& client,
                  StaffNames& names) {
    PrintField(
        out, "Session note",
        fmt::format("{} of {} (client {})", note.id, core::DisplayName(client), note.client_id));
    std::string when = fmt::format("{} {}, {} min", core::FormatIsoDate(note.date),
                                   core::FormatClockTime(note.start_minute), note.duration_min);
    if (note.position) {
        when += ", " + PositionWords(*note.position);
    }
    PrintField(out, "Session", when);
    PrintField(out, "Therapist",
               fmt::format("{} (id {})", names(note.therapist_id), note.therapist_id));
    PrintField(out, "Signed",
               core::IsSigned(note) ? fmt::format("{} by {} (id {}); locked", note.signed_at,
                                                  names(*note.signed_by), *note.signed_by)
                                    : std::string("not yet (notes sign NOTE_ID --by STAFF_ID)"));
    PrintTreatmentNotes(out, note);
}

void PrintWork(std::ostream& out, const core::SessionNote& note) {
    if (!note.techniques.empty()) {
        fmt::print(out, "Techniques:\n");
        for (const auto& use : note.techniques) {
            fmt::print(out, "  {}{} min\n", Padded(TechniqueWords(use.technique), 24), use.minutes);
        }
    }
    if (note.regions.empty()) {
        return;
    }
    fmt::print(out, "Regions:\n");
    const auto pain = [](const std::optional<int>& value) {
        return value ? std::to_string(*value) : std::string("?");
    };
    for (const auto& work : note.regions) {
        std::string text =
            fmt::format("  {}pressure {} ({})", Padded(PlaceWords(work.region, work.side), 24),
                        work.pressure, PressureWords(work.pressure));
        if (work.pain_before || work.pain_after) {
            text += fmt::format(", pain {} -> {}", pain(work.pain_before), pain(work.pain_after));
        }
        fmt::print(out, "{}\n", text);
    }
}

void PrintIndented(std::ostream& out, const std::string& text, std::string_view indent) {
    std::istringstream lines(text);
    for (std::string row; std::getline(lines, row);) {
        fmt::print(out, "{}{}\n", indent, row);
    }
}

// Each SOAP section as signed, then its corrections in the order they were made.
void PrintSections(std::ostream& out, const core::SessionNote& note, StaffNames& names) {
    const std::pair<core::NoteSection, const std::string*> sections[] = {
        {core::NoteSection::kSubjective, &note.subjective},
        {core::NoteSection::kObjective, &note.objective},
        {core::NoteSection::kAssessment, &note.assessment},
        {core::NoteSection::kPlan, &note.plan},
    };
    for (const auto& [section, text] : sections) {
        fmt::print(out, "{}:\n", SectionTitle(section));
        if (text->empty()) {
            fmt::print(out, "  (empty)\n");
        }
        PrintIndented(out, *text, "  ");
        for (const auto& amendment : note.amendments) {
            if (amendment.corrected || amendment.section != section) {
                continue;
            }
            fmt::print(out, "  Amendment {}, {} by {} (id {}): {}\n", amendment.id,
                       amendment.amended_at, names(amendment.amended_by), amendment.amended_by,
                       amendment.reason);
            PrintIndented(out, amendment.text, "    ");
        }
    }
}

// The whole-note corrections: when, by whom, why, and the corrected session and treatment,
// and the texts it changed.
void PrintCorrections(std::ostream& out, const core::SessionNote& note, StaffNames& names) {
    for (const auto& amendment : note.amendments) {
        if (!amendment.corrected) {
            continue;
        }
        const core::SessionNote& corrected = *amendment.corrected;
        fmt::print(out, "Correction {}, {} by {} (id {}): {}\n", amendment.id, amendment.amended_at,
                   names(amendment.amended_by), amendment.amended_by, amendment.reason);
        std::string when =
            fmt::format("{} {}, {} min", core::FormatIsoDate(corrected.date),
                        core::FormatClockTime(corrected.start_minute), corrected.duration_min);
        if (corrected.position) {
            when += ", " + PositionWords(*corrected.position);
        }
        PrintField(out, "Session", when);
        PrintTreatmentNotes(out, corrected);
        PrintWork(out, corrected);
        // The texts it changed (those it kept are printed above).
        const std::tuple<core::NoteSection, const std::string*, const std::string*> sections[] = {
            {core::NoteSection::kSubjective, &corrected.subjective, &note.subjective},
            {core::NoteSection::kObjective, &corrected.objective, &note.objective},
            {core::NoteSection::kAssessment, &corrected.assessment, &note.assessment},
            {core::NoteSection::kPlan, &corrected.plan, &note.plan},
        };
        for (const auto& [section, text, original] : sections) {
            if (*text != *original) {
                fmt::print(out, "{}:\n", SectionTitle(section));
                PrintIndented(out, text->empty() ? std::string("(empty)") : *text, "  ");
            }
        }
    }
}

// Who signs or amends: --by in a practice without accounts, the signed-in user with them.
void RequireSignerOrUser(const CommandContext& context, const std::optional<std::int64_t>& by) {
    if (!by && !context.UserGiven()) {
        throw UsageError("--by is required (who signs or amends), unless you sign in with --user");
    }
}

void PrintNote(CommandContext& context, const core::SessionNote& note) {
    if (context.Json()) {
        context.PrintJson(core::StoredSessionNoteToJson(note));
        return;
    }
    StaffNames names(context.Services());
    const auto client = services::ClientService(context.Services()).Get(note.client_id);
    if (note.changed_after_signing) {
        fmt::print(context.Err(),
                   "myodesk-cli: warning: note {} was changed after it was signed (outside "
                   "MyoDesk): its content no longer matches the signature\n",
                   note.id);
    }
    PrintHeading(context.Out(), note, client, names);
    PrintWork(context.Out(), note);
    PrintSections(context.Out(), note, names);
    PrintCorrections(context.Out(), note, names);
}

// Reads a note document for the client. The therapist is the document's therapist_id unless
// --therapist names one. Every problem of the document is listed at once.
void AddAdd(CLI::App& group, CommandContext& context) {
    struct Options {
        core::ClientId client = 0;
        std::string file;
        std::optional<std::int64_t> therapist;
        std::optional<std::string> override_flag;
        std::optional<std::int64_t> appointment;
        bool is_private = false;
    };
    auto options = std::make_shared<Options>();
    auto& command =
        AddCommand(group, "add", "Save a session note and print its id (docs/session-format.md).",
                   [&context, options] {
                       services::ClientService(context.Services()).Get(options->client);
                       const auto document = context.ReadDocument(options->file);
                       auto parsed = core::SessionNoteFromJson(document);
                       if (options->override_flag) {
                           parsed.note.flag_override = *options->override_flag;
                       }
                       parsed.note.appointment_id = options->appointment;
                       parsed.note.is_private = options->is_private;
                       const auto note = services::NoteService(context.Services())
                                             .AddFromDocument(options->client, std::move(parsed),
                                                              options->therapist);
                       WarnOfScreeningGap(context, note.client_id, note.date);
                       if (context.Json()) {
                           context.PrintJson(core::StoredSessionNoteToJson(note));
                       } else {
                           context.Out() << note.id << '\n';
                       }
                   });
    AddIdArgument(command, "CLIENT_ID", options->client, "a client id", "the client");
    command.add_option("FILE", options->file, "the note document (\"-\": standard input)")
        ->type_name("FILE.json")
        ->required();
    AddIdOption(command, "--therapist", options->therapist, "a staff id",
                "who gave the session (instead of the document's therapist_id)")
        ->type_name("STAFF_ID");
    AddIdOption(command, "--appointment", options->appointment, "an appointment id",
                "the client's appointment the note is written for (marked completed)")
        ->type_name("APPOINTMENT_ID");
    command
        .add_option("--override-flag", options->override_flag,
                    "why the session goes ahead despite an absolute contraindication flag on "
                    "its day (stored with the note and printed in the client report)")
        ->type_name("REASON");
    command.add_flag("--private", options->is_private,
                     "only the note's therapist and the owner may read it");
}

void AddList(CLI::App& group, CommandContext& context) {
    struct Options {
        core::ClientId client = 0;
        Paging paging;
    };
    auto options = std::make_shared<Options>();
    auto& command =
        AddCommand(group, "list", "The client's notes, newest first.", [&context, options] {
            const auto client = services::ClientService(context.Services()).Get(options->client);
            services::NoteService notes(context.Services());
            if (!context.Json()) {
                fmt::print(context.Out(), "Session notes of {} (client {}), newest first:\n",
                           core::DisplayName(client), client.id);
            }
            const auto printed = PrintSummaries(
                context, options->paging,
                [&](std::int64_t offset, std::int64_t limit) {
                    return notes.ListForClient(client.id, offset, limit);
                },
                false);
            if (!context.Json()) {
                fmt::print(context.Out(), "{} of {} note(s)\n", printed,
                           notes.CountForClient(client.id));
            }
        });
    AddIdArgument(command, "CLIENT_ID", options->client, "a client id", "the client");
    AddPaging(command, options->paging);
}

void AddUnsigned(CLI::App& group, CommandContext& context) {
    auto paging = std::make_shared<Paging>();
    auto& command =
        AddCommand(group, "unsigned", "Notes not signed yet, oldest first.", [&context, paging] {
            services::NoteService notes(context.Services());
            if (!context.Json()) {
                fmt::print(context.Out(), "Notes not signed yet, oldest first:\n");
            }
            const auto printed = PrintSummaries(
                context, *paging,
                [&](std::int64_t offset, std::int64_t limit) {
                    return notes.ListUnsigned(offset, limit);
                },
                true);
            if (!context.Json()) {
                fmt::print(context.Out(), "{} of {} unsigned note(s)\n", printed,
                           notes.CountUnsigned());
            }
        });
    AddPaging(command, *paging);
}

void AddShow(CLI::App& group, CommandContext& context) {
    auto id = std::make_shared<core::SessionNoteId>(0);
    auto& command = AddCommand(group, "show", "The SOAP note with its amendments.", [&context, id] {
        PrintNote(context, services::NoteService(context.Services()).Open(*id));
    });
    AddIdArgument(command, "NOTE_ID", *id, "a note id", "the note");
}

void AddSign(CLI::App& group, CommandContext& context) {
    struct Options {
        core::SessionNoteId note = 0;
        std::optional<std::int64_t> by;
    };
    auto options = std::make_shared<Options>();
    auto& command = AddCommand(
        group, "sign", "Sign the note; it is then locked (corrections: notes amend).",
        [&context, options] {
            RequireSignerOrUser(context, options->by);
            const auto note =
                services::NoteService(context.Services()).Sign(options->note, options->by);
            if (context.Json()) {
                context.PrintJson(core::StoredSessionNoteToJson(note));
            } else {
                fmt::print(context.Out(),
                           "Signed note {} at {}; it is now locked (corrections: notes amend)\n",
                           note.id, note.signed_at);
            }
        });
    AddIdArgument(command, "NOTE_ID", options->note, "a note id", "the note");
    AddIdOption(command, "--by", options->by, "a staff id",
                "who signs (a practice without accounts; with accounts, the signed-in user)")
        ->type_name("STAFF_ID");
}

void AddDelete(CLI::App& group, CommandContext& context) {
    auto id = std::make_shared<core::SessionNoteId>(0);
    auto& command = AddCommand(
        group, "delete",
        "Delete an unsigned note (one written by mistake); a signed note is never deleted.",
        [&context, id] {
            services::NoteService(context.Services()).Delete(*id);
            if (context.Json()) {
                context.PrintJson({{"deleted", *id}});
            } else {
                fmt::print(context.Out(), "Deleted note {}\n", *id);
            }
        });
    AddIdArgument(command, "NOTE_ID", *id, "a note id", "the note");
}

void AddAmend(CLI::App& group, CommandContext& context) {
    struct Options {
        core::SessionNoteId note = 0;
        std::optional<std::int64_t> by;
        std::optional<std::string> section;
        std::string reason;
        std::optional<std::string> text;
        std::optional<std::string> from_file;
    };
    auto options = std::make_shared<Options>();
    auto& command = AddCommand(
        group, "amend",
        "Correct a signed note; the original stays. Either one section (--section: subjective, "
        "objective, assessment, plan; --text), or every field at once (--from-file: the whole "
        "corrected note, docs/session-format.md).",
        [&context, options] {
            core::Amendment amendment;
            RequireSignerOrUser(context, options->by);
            amendment.amended_by = options->by.value_or(0);
            amendment.reason = options->reason;
            if (options->from_file) {
                auto parsed = core::SessionNoteFromJson(context.ReadDocument(*options->from_file));
                if (!parsed.problems.empty()) {
                    throw db::ValidationError(std::move(parsed.problems));
                }
                amendment.corrected = std::move(parsed.note);
            } else {
                const auto section = core::NoteSectionFromCode(options->section.value_or(""));
                if (!section) {
                    throw InvalidInput(
                        fmt::format("section: '{}' is not a section; use subjective, "
                                    "objective, assessment or plan",
                                    *options->section));
                }
                amendment.section = *section;
                amendment.text = options->text.value_or("");
            }
            services::NoteService notes(context.Services());
            const auto saved = notes.Amend(options->note, amendment);
            if (context.Json()) {
                context.PrintJson(core::StoredSessionNoteToJson(notes.Get(options->note)));
            } else {
                context.Out() << saved.id << '\n';
            }
        });
    AddIdArgument(command, "NOTE_ID", options->note, "a note id", "the note");
    AddIdOption(command, "--by", options->by, "a staff id",
                "who corrects it (a practice without accounts; with accounts, the signed-in "
                "user)")
        ->type_name("STAFF_ID");
    command.add_option("--reason", options->reason, "why")->type_name("TEXT");
    // What is corrected: one section, or the whole note (exactly one of them).
    auto* what = command.add_option_group("correction", "what is corrected (one of)");
    auto* section = what->add_option("--section", options->section, "the section corrected")
                        ->type_name("SECTION");
    what->add_option("--from-file", options->from_file,
                     "the whole corrected note (\"-\": standard input)")
        ->type_name("CORRECTED.json");
    what->require_option(1);
    command.add_option("--text", options->text, "the corrected text of the section")
        ->type_name("TEXT")
        ->needs(section);
}

}  // namespace

void AddNoteCommands(CLI::App& app, CommandContext& context) {
    auto& group = AddGroup(app, "notes", "Session notes: add, list, show, sign, delete, amend.");
    AddAdd(group, context);
    AddList(group, context);
    AddShow(group, context);
    AddSign(group, context);
    AddAmend(group, context);
    AddDelete(group, context);
    AddUnsigned(group, context);
}

}  // namespace myodesk::app
