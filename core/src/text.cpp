#include <myodesk/core/text.h>

#include <array>
#include <cstdint>

namespace myodesk::core {

namespace {

// Decodes one code point at `pos`, advancing it. Returns U+FFFD for a malformed sequence and
// advances by one byte, so decoding always makes progress.
char32_t DecodeOne(std::string_view text, std::size_t& pos, bool& valid) {
    const auto lead = static_cast<unsigned char>(text[pos]);
    int extra = 0;
    char32_t code = 0;
    if (lead < 0x80) {
        ++pos;
        return lead;
    }
    if ((lead & 0xE0) == 0xC0) {
        extra = 1;
        code = lead & 0x1Fu;
    } else if ((lead & 0xF0) == 0xE0) {
        extra = 2;
        code = lead & 0x0Fu;
    } else if ((lead & 0xF8) == 0xF0) {
        extra = 3;
        code = lead & 0x07u;
    } else {
        valid = false;
        ++pos;
        return U'\uFFFD';
    }
    if (pos + static_cast<std::size_t>(extra) >= text.size()) {
        valid = false;
        ++pos;
        return U'\uFFFD';
    }
    for (int i = 1; i <= extra; ++i) {
        const auto next = static_cast<unsigned char>(text[pos + static_cast<std::size_t>(i)]);
        if ((next & 0xC0) != 0x80) {
            valid = false;
            ++pos;
            return U'\uFFFD';
        }
        code = (code << 6) | (next & 0x3Fu);
    }
    static constexpr std::array<char32_t, 4> kMinimum{0, 0x80, 0x800, 0x10000};
    if (code < kMinimum[static_cast<std::size_t>(extra)] || code > 0x10FFFF ||
        (code >= 0xD800 && code <= 0xDFFF)) {
        valid = false;
        ++pos;
        return U'\uFFFD';
    }
    pos += static_cast<std::size_t>(extra) + 1;
    return code;
}

void AppendUtf8(std::string& out, char32_t code) {
    if (code < 0x80) {
        out.push_back(static_cast<char>(code));
    } else if (code < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (code >> 6)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else if (code < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (code >> 12)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (code >> 18)));
        out.push_back(static_cast<char>(0x80 | ((code >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
    }
}

// Base letters for U+00C0..U+017F (Latin-1 Supplement letters and Latin Extended-A), already
// lower case; a space marks a code point that is kept as it is.
constexpr std::string_view kLatinFold =
    // U+00C0..U+00FF
    "aaaaaa ceeeeiiii"
    "dnooooo ouuuuyt "
    "aaaaaa ceeeeiiii"
    "dnooooo ouuuuyty"
    // U+0100..U+017F
    "aaaaaaccccccccdd"
    "ddeeeeeeeeeegggg"
    "gggghhhhiiiiiiii"
    "ii  jjkkklllllll"
    "lllnnnnnnnnnoooo"
    "oo  rrrrrrssssss"
    "ssttttttuuuuuuuu"
    "uuuuwwyyyzzzzzzs";

char32_t FoldCodePoint(char32_t code, std::string& out) {
    if (code >= U'A' && code <= U'Z') {
        return code + 32;
    }
    if (code >= 0xC0 && code <= 0x17F) {
        if (code == 0xC6 || code == 0xE6) {  // Æ æ
            out += "ae";
            return 0;
        }
        if (code == 0xDF) {  // ß
            out += "ss";
            return 0;
        }
        if (code == 0x152 || code == 0x153) {  // Œ œ
            out += "oe";
            return 0;
        }
        const char base = kLatinFold[code - 0xC0];
        if (base != ' ') {
            return static_cast<char32_t>(base);
        }
        return code;
    }
    if (code >= 0x391 && code <= 0x3A9) {  // Greek capitals
        return code + 0x20;
    }
    if (code >= 0x410 && code <= 0x42F) {  // Cyrillic capitals А..Я
        return code + 0x20;
    }
    if (code >= 0x400 && code <= 0x40F) {  // Cyrillic capitals Ѐ..Џ
        return code + 0x50;
    }
    return code;
}

}  // namespace

std::size_t Utf8Length(std::string_view text) {
    std::size_t count = 0;
    std::size_t pos = 0;
    bool valid = true;
    while (pos < text.size()) {
        DecodeOne(text, pos, valid);
        ++count;
    }
    return count;
}

std::size_t DisplayWidth(std::string_view text) {
    struct Range {
        char32_t first, last;
    };
    static constexpr Range kWide[] = {
        {0x1100, 0x115F},   {0x2E80, 0x303E},   {0x3041, 0x33FF},   {0x3400, 0x4DBF},
        {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},   {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},
        {0xFE30, 0xFE4F},   {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x1F300, 0x1F64F},
        {0x1F900, 0x1F9FF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
    };
    std::size_t width = 0;
    std::size_t pos = 0;
    bool valid = true;
    while (pos < text.size()) {
        const char32_t code = DecodeOne(text, pos, valid);
        if (code >= 0x300 && code <= 0x36F) {
            continue;  // combining diacritical marks
        }
        bool wide = false;
        for (const Range& range : kWide) {
            wide = wide || (code >= range.first && code <= range.last);
        }
        width += wide ? 2 : 1;
    }
    return width;
}

bool IsValidUtf8(std::string_view text) {
    std::size_t pos = 0;
    bool valid = true;
    while (pos < text.size() && valid) {
        DecodeOne(text, pos, valid);
    }
    return valid;
}

namespace {

bool IsBidiControl(char32_t code) {
    return code == 0x061C || code == 0x200E || code == 0x200F ||
           (code >= 0x202A && code <= 0x202E) || (code >= 0x2066 && code <= 0x2069);
}

// C0 controls, DEL and the C1 controls.
bool IsControl(char32_t code) {
    return code < 0x20 || (code >= 0x7F && code <= 0x9F);
}

}  // namespace

bool IsAcceptableText(std::string_view text, TextLines lines) {
    std::size_t pos = 0;
    bool valid = true;
    while (pos < text.size()) {
        const char32_t code = DecodeOne(text, pos, valid);
        if (!valid || IsBidiControl(code)) {
            return false;
        }
        // A carriage return is refused like the other C0 controls: on a terminal it moves the
        // cursor back over what was printed.
        const bool line_character = code == U'\t' || code == U'\n';
        if (IsControl(code) && !(lines == TextLines::kMany && line_character)) {
            return false;
        }
    }
    return true;
}

std::string EscapeForTerminal(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t start = pos;
        bool valid = true;
        const char32_t code = DecodeOne(text, pos, valid);
        if (!valid) {
            out += "\xEF\xBF\xBD";  // U+FFFD
        } else if ((IsControl(code) && code != U'\t' && code != U'\n') || IsBidiControl(code)) {
            out += "\\u{";
            constexpr std::string_view kHex = "0123456789abcdef";
            std::string digits;
            for (char32_t rest = code; rest != 0 || digits.empty(); rest >>= 4) {
                digits.insert(digits.begin(), kHex[rest & 0xFu]);
            }
            out += digits;
            out += '}';
        } else {
            out.append(text.substr(start, pos - start));
        }
    }
    return out;
}

std::string EscapeJsonForTerminal(std::string_view json) {
    std::string out;
    out.reserve(json.size());
    for (std::size_t i = 0; i < json.size(); ++i) {
        const auto byte = static_cast<unsigned char>(json[i]);
        const auto next = i + 1 < json.size() ? static_cast<unsigned char>(json[i + 1]) : 0u;
        constexpr std::string_view kHex = "0123456789abcdef";
        const auto escape = [&](unsigned code) {
            out += "\\u00";
            out += kHex[code >> 4];
            out += kHex[code & 0xFu];
        };
        if (byte == 0x7F || (byte < 0x20 && byte != '\n')) {
            escape(byte);
        } else if (byte == 0xC2 && next >= 0x80 && next <= 0x9F) {
            escape(next);  // a C1 control, U+0080-U+009F
            ++i;
        } else {
            out.push_back(json[i]);
        }
    }
    return out;
}

std::string Trim(std::string_view text) {
    constexpr std::string_view kSpace = " \t\r\n\f\v";
    const auto first = text.find_first_not_of(kSpace);
    if (first == std::string_view::npos) {
        return {};
    }
    const auto last = text.find_last_not_of(kSpace);
    return std::string(text.substr(first, last - first + 1));
}

std::string FoldForSearch(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    bool valid = true;
    while (pos < text.size()) {
        const char32_t folded = FoldCodePoint(DecodeOne(text, pos, valid), out);
        if (folded != 0) {
            AppendUtf8(out, folded);
        }
    }
    return out;
}

std::string DigitsOnly(std::string_view text) {
    std::string digits;
    for (char c : text) {
        if (c >= '0' && c <= '9') {
            digits.push_back(c);
        }
    }
    return digits;
}

}  // namespace myodesk::core
