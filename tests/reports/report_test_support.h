#pragma once

// Small helpers for the report view-model tests: dates, notes, and finding blocks in a
// Document.

#include <myodesk/core/date.h>
#include <myodesk/core/session_note.h>
#include <myodesk/reports/report_document.h>

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace myodesk::test {

inline core::Date Ymd(int y, unsigned m, unsigned d) {
    return core::Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

inline core::RegionWork Work(core::Region region, core::Side side, std::optional<int> before,
                             std::optional<int> after, int pressure = 5) {
    core::RegionWork work;
    work.region = region;
    work.side = side;
    work.pressure = pressure;
    work.pain_before = before;
    work.pain_after = after;
    return work;
}

inline core::SessionNote Note(core::SessionNoteId id, core::ClientId client,
                              core::StaffId therapist, const core::Date& date,
                              std::vector<core::RegionWork> regions = {},
                              std::vector<core::TechniqueUse> techniques = {
                                  {core::Technique::kSports, 45}}) {
    core::SessionNote note;
    note.id = id;
    note.client_id = client;
    note.therapist_id = therapist;
    note.date = date;
    note.duration_min = 60;
    note.regions = std::move(regions);
    note.techniques = std::move(techniques);
    note.signed_at = "2026-01-01T10:00:00Z";
    note.signed_by = therapist;
    return note;
}

template <typename T>
std::vector<T> BlocksOf(const reports::Document& document) {
    std::vector<T> found;
    for (const auto& block : document.blocks) {
        if (const T* value = std::get_if<T>(&block)) {
            found.push_back(*value);
        }
    }
    return found;
}

// The first block of type T after the heading with `heading` text.
template <typename T>
T BlockAfter(const reports::Document& document, std::string_view heading) {
    bool seen = false;
    for (const auto& block : document.blocks) {
        if (const auto* h = std::get_if<reports::Heading>(&block); h && h->text == heading) {
            seen = true;
            continue;
        }
        if (seen) {
            if (const T* value = std::get_if<T>(&block)) {
                return *value;
            }
        }
    }
    throw std::runtime_error("no such block after heading " + std::string(heading));
}

// Every paragraph of one style.
inline std::vector<std::string> ParagraphTexts(const reports::Document& document,
                                               reports::ParagraphStyle style) {
    std::vector<std::string> texts;
    for (const auto& paragraph : BlocksOf<reports::Paragraph>(document)) {
        if (paragraph.style == style) {
            texts.push_back(paragraph.text);
        }
    }
    return texts;
}

inline bool AnyContains(const std::vector<std::string>& texts, std::string_view part) {
    for (const auto& text : texts) {
        if (text.find(part) != std::string::npos) {
            return true;
        }
    }
    return false;
}

// The text of every fact value, paragraph and table cell (to look for a sentence anywhere).
inline std::vector<std::string> AllTexts(const reports::Document& document) {
    std::vector<std::string> texts{document.title, document.subtitle, document.footer_text,
                                   document.printed_text};
    for (const auto& block : document.blocks) {
        if (const auto* paragraph = std::get_if<reports::Paragraph>(&block)) {
            texts.push_back(paragraph->text);
        } else if (const auto* heading = std::get_if<reports::Heading>(&block)) {
            texts.push_back(heading->text);
        } else if (const auto* facts = std::get_if<reports::FactList>(&block)) {
            for (const auto& [label, value] : facts->facts) {
                texts.push_back(label);
                texts.push_back(value);
            }
        } else if (const auto* table = std::get_if<reports::Table>(&block)) {
            texts.push_back(table->empty_text);
            for (const auto& row : table->rows) {
                texts.insert(texts.end(), row.begin(), row.end());
            }
        }
    }
    return texts;
}

}  // namespace myodesk::test
