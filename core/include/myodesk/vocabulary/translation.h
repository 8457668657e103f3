#pragma once

// The one translator hook for every word and sentence a user sees. Each English text is
// written once, in the vocabulary, inside Tr("...") (an xgettext keyword, see po/CMakeLists.txt).
// The GUI installs a translator that looks the text up in its catalogue (wxGetTranslation);
// without one (the CLI, the tests) Tr gives the English text.

#include <functional>
#include <string>

namespace myodesk::vocabulary {

using Translator = std::function<std::string(const char* english)>;

// Installs the process-wide translator (an empty one restores English). Safe to call while
// another thread translates: reports are built on worker threads.
void SetTranslator(Translator translator);

// The text in the reader's language: what the translator gives, or the English text when
// there is no translator, the catalogue lacks the text, or an EnglishOnly is alive on this
// thread.
std::string Tr(const char* english);

// While alive, Tr gives English on this thread whatever the translator: for documents that are
// stored or exchanged (the plan document's `text`), which are English by definition.
class EnglishOnly {
  public:
    EnglishOnly();
    ~EnglishOnly();
    EnglishOnly(const EnglishOnly&) = delete;
    EnglishOnly& operator=(const EnglishOnly&) = delete;

  private:
    bool m_was_english;
};

}  // namespace myodesk::vocabulary
