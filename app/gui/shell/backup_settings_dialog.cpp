#include "shell/backup_settings_dialog.h"

#include "common/wx_conversions.h"

#include <myodesk/core/clinic_settings.h>

#include <wx/checkbox.h>
#include <wx/filepicker.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>

#include <algorithm>
#include <string_view>
#include <vector>

namespace myodesk::app {

namespace {

wxSpinCtrl* Spin(wxWindow* parent, int value, int minimum, int maximum) {
    return new wxSpinCtrl(parent, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                          wxSP_ARROW_KEYS, minimum, maximum, value);
}

}  // namespace

BackupSettingsDialog::BackupSettingsDialog(wxWindow* parent, const core::BackupSettings& settings,
                                           const wxString& default_folder)
    : wxDialog(parent, wxID_ANY, _("Backup settings")), m_settings(settings) {
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_automatic = new wxCheckBox(
        this, wxID_ANY, _("Back up automatically when MyoDesk closes and once a day while open"));
    m_automatic->SetValue(settings.automatic != 0);
    sizer->Add(m_automatic, wxSizerFlags().Border(wxALL));

    auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(12, 8)));
    grid->AddGrowableCol(1);
    const auto label = [this, grid](const wxString& text) {
        grid->Add(new wxStaticText(this, wxID_ANY, text), wxSizerFlags().CentreVertical());
    };
    label(_("Folder:"));
    m_folder =
        new wxDirPickerCtrl(this, wxID_ANY, ToWx(settings.folder), _("Where the backups go"),
                            wxDefaultPosition, FromDIP(wxSize(360, -1)), wxDIRP_USE_TEXTCTRL);
    grid->Add(m_folder, wxSizerFlags().Expand());
    grid->AddSpacer(0);
    grid->Add(new wxStaticText(this, wxID_ANY, wxString::Format(_("Empty: %s"), default_folder)));
    // The ranges are the settings' own (core/clinic_settings.cpp), not repeated here.
    const std::vector<core::ClinicSetting> ranges = core::ListClinicSettings({});
    const auto number = [&](const wxString& text, std::string_view key, int value) {
        label(text);
        const auto found = std::find_if(ranges.begin(), ranges.end(),
                                        [key](const auto& each) { return each.key == key; });
        auto* spin =
            Spin(this, value, static_cast<int>(found->minimum), static_cast<int>(found->maximum));
        grid->Add(spin);
        return spin;
    };
    m_keep_daily =
        number(_("Keep one a day for (days):"), "backup.keep_daily", settings.keep_daily);
    m_keep_weekly =
        number(_("Keep one a week for (weeks):"), "backup.keep_weekly", settings.keep_weekly);
    m_keep_monthly =
        number(_("Keep one a month for (months):"), "backup.keep_monthly", settings.keep_monthly);
    m_warn_after = number(_("Warn when the last backup is older than (days):"),
                          "backup.warn_after_days", settings.warn_after_days);
    sizer->Add(grid, wxSizerFlags().Border(wxLEFT | wxRIGHT | wxBOTTOM).Expand());

    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), wxSizerFlags().Border(wxALL).Expand());
    SetSizerAndFit(sizer);
}

core::BackupSettings BackupSettingsDialog::GetSettings() const {
    core::BackupSettings settings = m_settings;
    settings.automatic = m_automatic->GetValue() ? 1 : 0;
    settings.folder = ToUtf8(m_folder->GetPath());
    settings.keep_daily = m_keep_daily->GetValue();
    settings.keep_weekly = m_keep_weekly->GetValue();
    settings.keep_monthly = m_keep_monthly->GetValue();
    settings.warn_after_days = m_warn_after->GetValue();
    return settings;
}

}  // namespace myodesk::app
