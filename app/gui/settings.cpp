#include "settings.h"

#include <wx/config.h>
#include <wx/tokenzr.h>

namespace myodesk::app {

namespace {

constexpr const char* kColumnWidthsKey = "/ClientList/ColumnWidths";

}  // namespace

Settings::Settings(wxConfigBase* config)
    : m_config(config != nullptr ? config : wxConfigBase::Get()) {}

std::vector<int> Settings::ClientListColumnWidths() const {
    std::vector<int> widths;
    if (m_config == nullptr) {
        return widths;
    }
    const wxString text = m_config->Read(kColumnWidthsKey, wxString());
    wxStringTokenizer tokens(text, ",");
    while (tokens.HasMoreTokens()) {
        long width = 0;
        if (!tokens.GetNextToken().ToLong(&width) || width <= 0 || width > 10000) {
            return {};
        }
        widths.push_back(static_cast<int>(width));
    }
    return widths;
}

void Settings::SetClientListColumnWidths(const std::vector<int>& widths) {
    if (m_config == nullptr) {
        return;
    }
    wxString text;
    for (const int width : widths) {
        if (!text.empty()) {
            text += ',';
        }
        text << width;
    }
    m_config->Write(kColumnWidthsKey, text);
}

}  // namespace myodesk::app
