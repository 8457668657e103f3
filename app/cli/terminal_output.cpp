#include "terminal_output.h"

#include <myodesk/core/text.h>

namespace myodesk::app {

TerminalSafeBuffer::TerminalSafeBuffer(std::ostream& target) : m_target(target) {}

TerminalSafeBuffer::~TerminalSafeBuffer() {
    sync();
}

TerminalSafeBuffer::int_type TerminalSafeBuffer::overflow(int_type c) {
    if (traits_type::eq_int_type(c, traits_type::eof())) {
        return traits_type::not_eof(c);
    }
    m_line.push_back(traits_type::to_char_type(c));
    if (m_line.back() == '\n') {
        WriteLine();
    }
    return c;
}

std::streamsize TerminalSafeBuffer::xsputn(const char* text, std::streamsize count) {
    for (std::streamsize i = 0; i < count; ++i) {
        m_line.push_back(text[i]);
        if (text[i] == '\n') {
            WriteLine();
        }
    }
    return count;
}

int TerminalSafeBuffer::sync() {
    WriteLine();
    m_target.flush();
    return m_target ? 0 : -1;
}

// A whole line at a time, so a character's UTF-8 bytes are never split between two writes.
void TerminalSafeBuffer::WriteLine() {
    if (m_line.empty()) {
        return;
    }
    const bool json = m_json != nullptr && *m_json;
    m_target << (json ? core::EscapeJsonForTerminal(m_line) : core::EscapeForTerminal(m_line));
    m_line.clear();
}

}  // namespace myodesk::app
