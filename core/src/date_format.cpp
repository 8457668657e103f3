#include <myodesk/core/date_format.h>
#include <myodesk/core/text.h>

#include <fmt/format.h>

#include <optional>
#include <vector>

namespace myodesk::core {

namespace {

// One piece of a pattern: a field ("%-d": conversion 'd', unpadded) or literal text.
struct Piece {
    bool is_field = false;
    char conversion = 0;
    bool unpadded = false;
    std::string text;  // the literal, or the field as written
};

bool IsGlibcFlag(char c) {
    return c == '-' || c == '_' || c == '0' || c == '^' || c == '#';
}

// Splits a strftime pattern. glibc's flags and the E and O modifiers are read (a '-' flag
// is kept as `unpadded`); a lone '%' at the end is literal text.
std::vector<Piece> Split(std::string_view pattern) {
    std::vector<Piece> pieces;
    std::string literal;
    const auto flush = [&] {
        if (!literal.empty()) {
            pieces.push_back({false, 0, false, literal});
            literal.clear();
        }
    };
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != '%' || i + 1 == pattern.size()) {
            literal += pattern[i];
            continue;
        }
        std::size_t j = i + 1;
        bool unpadded = false;
        while (j < pattern.size() && IsGlibcFlag(pattern[j])) {
            unpadded = unpadded || pattern[j] == '-';
            ++j;
        }
        while (j < pattern.size() && (pattern[j] == 'E' || pattern[j] == 'O')) {
            ++j;
        }
        if (j == pattern.size()) {
            literal.append(pattern.substr(i));
            break;
        }
        if (pattern[j] == '%') {
            literal += '%';
        } else {
            flush();
            pieces.push_back(
                {true, pattern[j], unpadded, std::string(pattern.substr(i, j - i + 1))});
        }
        i = j;
    }
    flush();
    return pieces;
}

bool IsDay(char c) {
    return c == 'd' || c == 'e';
}
bool IsMonth(char c) {
    return c == 'm' || c == 'b' || c == 'h' || c == 'B';
}
bool IsYear(char c) {
    return c == 'Y' || c == 'y';
}
bool IsDateField(char c) {
    return IsDay(c) || IsMonth(c) || IsYear(c);
}

// Fields of a date-and-time format that are not the date: the weekday and the time.
bool IsWeekdayOrTime(char c) {
    static constexpr std::string_view kDropped = "aAuwHIklMSTrRpPZzXsnt";
    return kDropped.find(c) != std::string_view::npos;
}

// A pattern FormatDate writes fully: only its fields (a '-' flag only on %d and %m), with a
// day, a month and a year.
bool IsWritablePattern(std::string_view pattern) {
    bool day = false;
    bool month = false;
    bool year = false;
    for (const Piece& piece : Split(pattern)) {
        if (!piece.is_field) {
            continue;
        }
        const char c = piece.conversion;
        const std::size_t plain = piece.unpadded ? 3 : 2;
        if (!IsDateField(c) || piece.text.size() != plain ||
            (piece.unpadded && c != 'd' && c != 'm')) {
            return false;
        }
        day = day || IsDay(c);
        month = month || IsMonth(c);
        year = year || IsYear(c);
    }
    return day && month && year;
}

std::string Trimmed(std::string text) {
    // What follows the last date field up to a space or comma belongs to it ("6日", "6.").
    const auto end = text.find_first_of(" ,\t");
    return end == std::string::npos ? text : text.substr(0, end);
}

}  // namespace

std::string FormatDate(const Date& date, const DateStyle& style) {
    if (!date.ok()) {
        return FormatIsoDate(date);
    }
    const unsigned day = static_cast<unsigned>(date.day());
    const unsigned month = static_cast<unsigned>(date.month());
    const int year = static_cast<int>(date.year());
    std::string text;
    for (const Piece& piece : Split(style.pattern)) {
        if (!piece.is_field) {
            text += piece.text;
            continue;
        }
        switch (piece.conversion) {
            case 'd':
                text += piece.unpadded ? fmt::format("{}", day) : fmt::format("{:02}", day);
                break;
            case 'e':
                text += fmt::format("{:>2}", day);
                break;
            case 'm':
                text += piece.unpadded ? fmt::format("{}", month) : fmt::format("{:02}", month);
                break;
            case 'b':
            case 'h':
                text += style.month_abbreviations.at(month - 1);
                break;
            case 'B':
                text += style.month_names.at(month - 1);
                break;
            case 'Y':
                text += fmt::format("{}", year);
                break;
            case 'y':
                text += fmt::format("{:02}", ((year % 100) + 100) % 100);
                break;
            default:
                text += piece.text;  // not a date field: as written
                break;
        }
    }
    return text;
}

namespace {

// %x (the locale's date), %D and %F written out, so their fields can be read.
std::string ExpandDateShorthands(std::string_view date_time_format, std::string_view date_format) {
    std::string expanded;
    for (const Piece& piece : Split(date_time_format)) {
        if (!piece.is_field) {
            for (const char c : piece.text) {
                expanded += c;
                if (c == '%') {
                    expanded += '%';
                }
            }
        } else if (piece.conversion == 'x' && date_format.find("%x") == std::string_view::npos) {
            expanded += date_format;
        } else if (piece.conversion == 'D') {
            expanded += "%m/%d/%y";
        } else if (piece.conversion == 'F') {
            expanded += "%Y-%m-%d";
        } else {
            expanded += piece.text;
        }
    }
    return expanded;
}

bool StartsWithLetter(const std::vector<Piece>& pieces, std::size_t index) {
    if (index >= pieces.size() || pieces[index].is_field || pieces[index].text.empty()) {
        return false;
    }
    const char c = pieces[index].text.front();
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

std::string ReadableDatePattern(std::string_view date_time_format, std::string_view date_format) {
    const std::vector<Piece> pieces = Split(ExpandDateShorthands(date_time_format, date_format));
    std::vector<Piece> kept;
    bool skip_literal = false;  // the separator after a dropped field goes with it
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        const Piece& piece = pieces[i];
        if (piece.is_field && IsWeekdayOrTime(piece.conversion)) {
            skip_literal = true;
            continue;
        }
        if (!piece.is_field) {
            if (!skip_literal && !kept.empty()) {
                kept.push_back(piece);
            }
            skip_literal = false;
            continue;
        }
        skip_literal = false;
        Piece field = piece;
        switch (piece.conversion) {
            case 'd':
            case 'e':
                field.text = "%-d";
                break;
            case 'm':
                field.text = "%-m";
                break;
            case 'B':
                // A month name with a grammatical ending glued to it ("%Bta") stays whole.
                field.text = StartsWithLetter(pieces, i + 1) ? "%B" : "%b";
                break;
            case 'h':
                field.text = "%b";
                break;
            default:
                break;
        }
        kept.push_back(field);
    }
    if (!kept.empty() && !kept.back().is_field) {
        kept.back().text = Trimmed(kept.back().text);
    }
    std::string pattern;
    for (const Piece& piece : kept) {
        if (piece.is_field) {
            pattern += piece.text;
        } else {
            for (const char c : piece.text) {
                pattern += c;
                if (c == '%') {
                    pattern += '%';  // a literal percent sign stays one
                }
            }
        }
    }
    return IsWritablePattern(pattern) ? pattern : DateStyle{}.pattern;
}

bool IsDateFormatSetting(std::string_view text) {
    if (text == kLocaleDateFormat || text == kIsoDateFormat) {
        return true;
    }
    return IsAcceptableText(text, TextLines::kOne) && Utf8Length(text) <= kMaxDatePatternLength &&
           IsWritablePattern(text);
}

DateStyle StyleForDateFormat(std::string_view date_format, const DateStyle& locale_style) {
    if (date_format == kIsoDateFormat) {
        DateStyle iso = locale_style;
        iso.pattern = "%Y-%m-%d";
        return iso;
    }
    if (date_format == kLocaleDateFormat || !IsDateFormatSetting(date_format)) {
        return locale_style;
    }
    DateStyle chosen = locale_style;
    chosen.pattern = std::string(date_format);
    return chosen;
}

}  // namespace myodesk::core
