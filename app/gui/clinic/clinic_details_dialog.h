#pragma once

#include "common/form_dialog.h"

#include <myodesk/core/clinic_details.h>

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

class wxChoice;
class wxFilePickerCtrl;
class wxTextCtrl;

namespace myodesk::app {

class ProblemPanel;

// Reports ▸ Clinic details…: the letterhead of every report (name, address, phone, email,
// logo), the paper they are laid out for and how they write dates (report.date_format). Save checks
// through the save function; a problem is named with its field and the dialog stays open, nothing
// saved.
class ClinicDetailsDialog : public FormDialog {
  public:
    // Saves the details. Throws db::ValidationError (nothing saved) or db::DatabaseError.
    using SaveFunction = std::function<void(const core::ClinicDetails& details)>;

    ClinicDetailsDialog(wxWindow* parent, core::ClinicDetails details, SaveFunction save);

    const core::ClinicDetails& GetDetails() const { return m_details; }
    wxTextCtrl* NameCtrl() const { return m_name; }
    wxTextCtrl* AddressCtrl() const { return m_address; }
    wxTextCtrl* PhoneCtrl() const { return m_phone; }
    wxTextCtrl* EmailCtrl() const { return m_email; }
    wxFilePickerCtrl* LogoCtrl() const { return m_logo; }
    wxChoice* PaperChoice() const { return m_paper; }
    wxChoice* DateFormatChoice() const { return m_date_format; }
    wxString ProblemText() const;

    bool TransferDataToWindow() override;
    bool TransferDataFromWindow() override;

  protected:
    bool IsDirty() const override;
    // Checks the logo, then saves through the save function.
    bool Save() override;

  private:
    core::ClinicDetails ReadControls() const;
    void FillDateFormats();
    int DateFormatIndex(std::string_view format) const;  // 0 (the locale's) when not listed
    std::string SelectedDateFormat() const;

    core::ClinicDetails m_details;
    SaveFunction m_save;
    wxTextCtrl* m_name = nullptr;
    wxTextCtrl* m_address = nullptr;
    wxTextCtrl* m_phone = nullptr;
    wxTextCtrl* m_email = nullptr;
    wxFilePickerCtrl* m_logo = nullptr;
    wxChoice* m_paper = nullptr;
    wxChoice* m_date_format = nullptr;
    std::vector<std::string> m_date_formats;  // the setting's value of each choice
    ProblemPanel* m_problem_panel = nullptr;
    std::map<std::string, std::pair<wxWindow*, wxString>, std::less<>> m_fields;
};

}  // namespace myodesk::app
