#pragma once

#include <myodesk/core/client.h>
#include <myodesk/core/intake.h>
#include <myodesk/core/validation.h>

#include <wx/scrolwin.h>

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

class wxSimplebook;

namespace myodesk::app {

class FormRowsPanel;

// One section of the intake form: a page of the dialog's book with a heading and a line of
// help, which scrolls only when the dialog is smaller than the page. Each page fills its
// controls from the client and the intake, reads them back (with the problems of what cannot
// even be read, by JSON path) and finds the control of a field.
class IntakePage : public wxScrolledWindow {
  public:
    // Adds itself to `book` under `title` (its mnemonic taken off).
    IntakePage(wxSimplebook* book, const wxString& title, const wxString& help);

    virtual void Load(const core::Client& client, const core::Intake& intake) = 0;
    virtual void Read(core::Client& client, core::Intake& intake,
                      core::ValidationProblems& problems) const = 0;

    // The control of a field by its name or JSON path, or nullptr when it is not on this page.
    virtual wxWindow* ControlFor(std::string_view field) const;
    // The row editors of the page's lists.
    const std::vector<FormRowsPanel*>& Lists() const { return m_lists; }

  protected:
    // Where the page's controls go, under the heading and the help.
    wxSizer* Content() const { return m_content; }
    // Makes a control findable by its field name (ControlFor).
    void AddControl(std::string field, wxWindow* control);
    void AddList(FormRowsPanel* list);

  private:
    wxSizer* m_content = nullptr;
    std::map<std::string, wxWindow*, std::less<>> m_controls;
    std::vector<FormRowsPanel*> m_lists;
};

}  // namespace myodesk::app
