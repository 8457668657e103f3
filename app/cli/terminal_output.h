#pragma once

#include <ostream>
#include <streambuf>
#include <string>

namespace myodesk::app {

// Everything myodesk-cli writes goes through this buffer, so that nothing a user stored (a
// client's name, a note, a file name in a message) can move the terminal's cursor, change
// its title or reorder what is shown. Human output passes line by line through
// core::EscapeForTerminal (a control character is shown as \u{1b}, an invalid byte as
// U+FFFD; tab and line feed stay). --json output passes through core::EscapeJsonForTerminal,
// which only turns DEL and C1 controls (left raw by nlohmann's dump, which escapes the other
// controls) into JSON escapes: the JSON stays valid and means the same.
class TerminalSafeBuffer : public std::streambuf {
  public:
    explicit TerminalSafeBuffer(std::ostream& target);
    ~TerminalSafeBuffer() override;
    TerminalSafeBuffer(const TerminalSafeBuffer&) = delete;
    TerminalSafeBuffer& operator=(const TerminalSafeBuffer&) = delete;

    // Output is JSON while `json` is true (read at each line; the --json option's flag).
    void FollowJsonFlag(const bool& json) { m_json = &json; }

  protected:
    int_type overflow(int_type c) override;
    std::streamsize xsputn(const char* text, std::streamsize count) override;
    int sync() override;

  private:
    void WriteLine();

    std::ostream& m_target;
    const bool* m_json = nullptr;  // null: always human output
    std::string m_line;
};

}  // namespace myodesk::app
