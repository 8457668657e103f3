#include "sessions/session_note_text.h"

#include "common/code_names.h"
#include "common/wx_conversions.h"

#include <wx/intl.h>

#include <algorithm>
#include <utility>

namespace myodesk::app {

wxString SessionTimeRange(int start_minute, int duration_min) {
    const int end = (start_minute + duration_min) % (24 * 60);
    // TRANSLATORS: a session's start and end time, e.g. "09:00–10:00".
    return wxString::Format(_("%s–%s"), ToWx(core::FormatClockTime(start_minute)),
                            ToWx(core::FormatClockTime(end)));
}

wxString TechniquesSummary(const std::vector<core::Technique>& techniques) {
    if (techniques.empty()) {
        return wxString::FromUTF8("—");
    }
    wxString text;
    for (const core::Technique technique : techniques) {
        if (!text.empty()) {
            text << ", ";
        }
        text << ShortNameOf(technique);
    }
    return text;
}

wxString RegionsSummary(const std::vector<core::RegionSide>& regions) {
    if (regions.empty()) {
        return wxString::FromUTF8("—");
    }
    std::vector<std::pair<core::Region, std::vector<core::Side>>> groups;
    for (const core::RegionSide& place : regions) {
        auto found = std::find_if(groups.begin(), groups.end(),
                                  [&](const auto& group) { return group.first == place.region; });
        if (found == groups.end()) {
            groups.push_back({place.region, {}});
            found = groups.end() - 1;
        }
        found->second.push_back(place.side);
    }
    wxString text;
    for (auto& [region, sides] : groups) {
        // Right before left, as therapists say it ("R and L").
        std::stable_sort(sides.begin(), sides.end(), [](core::Side a, core::Side b) {
            const auto rank = [](core::Side side) {
                switch (side) {
                    case core::Side::kRight:
                        return 0;
                    case core::Side::kLeft:
                        return 1;
                    case core::Side::kBilateral:
                        return 2;
                    case core::Side::kMidline:
                        return 3;
                }
                return 4;
            };
            return rank(a) < rank(b);
        });
        if (!text.empty()) {
            text << wxString::FromUTF8(" · ");
        }
        text << NameOf(region);
        wxString side_text;
        for (const core::Side side : sides) {
            side_text << (side_text.empty() ? "" : ", ") << ShortSideName(side);
        }
        text << ' ' << side_text;
    }
    return text;
}

wxString SessionWhen(const core::Date& date, int start_minute, int duration_min) {
    // TRANSLATORS: a session's date and time, e.g. "3 Jun 2026, 09:00–10:00".
    return wxString::Format(_("%s, %s"), FormatReadableDate(date),
                            SessionTimeRange(start_minute, duration_min));
}

std::optional<int> ParseTypedClockTime(const wxString& typed) {
    wxString text = typed;
    text.Trim(true).Trim(false);
    text.Replace(".", ":");
    text.Replace("h", ":");
    if (text.empty()) {
        return std::nullopt;
    }
    long hours = 0;
    long minutes = 0;
    if (text.Contains(":")) {
        const wxString hour_text = text.BeforeFirst(':');
        const wxString minute_text = text.AfterFirst(':');
        if (hour_text.empty() || hour_text.length() > 2 || minute_text.length() != 2 ||
            !hour_text.IsNumber() || !minute_text.IsNumber() || !hour_text.ToLong(&hours) ||
            !minute_text.ToLong(&minutes)) {
            return std::nullopt;
        }
    } else {
        if (!text.IsNumber() || text.length() > 4 || !text.ToLong(&hours)) {
            return std::nullopt;
        }
        if (text.length() >= 3) {  // "930", "0930"
            minutes = hours % 100;
            hours /= 100;
        }
    }
    if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) {
        return std::nullopt;
    }
    return static_cast<int>(hours * 60 + minutes);
}

int JustEndedSessionStart(int minute_of_day, int duration_min) {
    const int ended = minute_of_day / 15 * 15;
    return std::max(0, ended - duration_min);
}

}  // namespace myodesk::app
