#include "shell/settings.h"

#include <wx/config.h>
#include <wx/tokenzr.h>

namespace myodesk::app {

namespace {

constexpr const char* kColumnWidthsKey = "/ClientList/ColumnWidths";
constexpr const char* kStaffAtDeskKey = "/Desk/StaffId";
constexpr const char* kDemoDeclinedKey = "/FirstStart/DemoPracticeDeclined";

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

std::optional<core::StaffId> Settings::LastStaffAtDesk() const {
    if (m_config == nullptr) {
        return std::nullopt;
    }
    wxString text;
    long long id = 0;
    if (!m_config->Read(kStaffAtDeskKey, &text) || !text.ToLongLong(&id) || id <= 0) {
        return std::nullopt;
    }
    return static_cast<core::StaffId>(id);
}

void Settings::SetLastStaffAtDesk(core::StaffId id) {
    if (m_config == nullptr) {
        return;
    }
    m_config->Write(kStaffAtDeskKey, wxString::Format("%lld", static_cast<long long>(id)));
    m_config->Flush();
}

bool Settings::DemoPracticeDeclined() const {
    if (m_config == nullptr) {
        return false;
    }
    bool declined = false;
    m_config->Read(kDemoDeclinedKey, &declined, false);
    return declined;
}

void Settings::SetDemoPracticeDeclined(bool declined) {
    if (m_config == nullptr) {
        return;
    }
    m_config->Write(kDemoDeclinedKey, declined);
    m_config->Flush();
}

}  // namespace myodesk::app
