#include <myodesk/vocabulary/translation.h>

#include <memory>
#include <mutex>
#include <utility>

namespace myodesk::vocabulary {

namespace {

// The process-wide translator. Reports may be built on a worker thread while the app changes
// language, so the translator is swapped and read under a lock (and called outside it).
struct TranslatorSlot {
    std::mutex mutex;
    std::shared_ptr<const Translator> translator;
};

TranslatorSlot& Slot() {
    static TranslatorSlot slot;
    return slot;
}

thread_local bool t_english_only = false;

}  // namespace

void SetTranslator(Translator translator) {
    std::shared_ptr<const Translator> next;
    if (translator) {
        next = std::make_shared<const Translator>(std::move(translator));
    }
    TranslatorSlot& slot = Slot();
    const std::lock_guard lock(slot.mutex);
    slot.translator = std::move(next);
}

std::string Tr(const char* english) {
    if (english == nullptr) {
        return {};
    }
    if (t_english_only) {
        return english;
    }
    std::shared_ptr<const Translator> translator;
    {
        TranslatorSlot& slot = Slot();
        const std::lock_guard lock(slot.mutex);
        translator = slot.translator;
    }
    if (!translator) {
        return english;
    }
    std::string translated = (*translator)(english);
    // A catalogue without the text gives it back or gives nothing: English either way.
    return translated.empty() ? std::string(english) : translated;
}

EnglishOnly::EnglishOnly() : m_was_english(t_english_only) {
    t_english_only = true;
}

EnglishOnly::~EnglishOnly() {
    t_english_only = m_was_english;
}

}  // namespace myodesk::vocabulary
