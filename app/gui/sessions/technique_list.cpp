#include "sessions/technique_list.h"

#include "common/code_names.h"
#include "sessions/note_cautions.h"

#include <wx/checkbox.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/valtext.h>

#include <algorithm>
#include <utility>

namespace myodesk::app {

TechniqueList::TechniqueList(wxWindow* parent, const NoteCautions& cautions,
                             std::function<std::optional<int>()> duration)
    : wxPanel(parent), m_cautions(cautions), m_duration(std::move(duration)) {
    auto* box = new wxBoxSizer(wxVERTICAL);
    auto* heading = new wxBoxSizer(wxHORIZONTAL);
    auto* title = new wxStaticText(this, wxID_ANY, _("Techniques"));
    title->SetFont(title->GetFont().Bold());
    heading->Add(title, wxSizerFlags().Bottom());
    m_total = new wxStaticText(this, wxID_ANY, wxString());
    m_total->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    heading->Add(m_total, wxSizerFlags(1).Bottom().Border(wxLEFT, FromDIP(8)));
    box->Add(heading, wxSizerFlags().Expand().Border(wxBOTTOM, FromDIP(4)));

    // Two columns of "[x] Technique [minutes] min".
    auto* grid = new wxFlexGridSizer(6, FromDIP(wxSize(6, 4)));
    grid->AddGrowableCol(0, 1);
    grid->AddGrowableCol(3, 1);
    const std::vector<core::Technique>& all = core::AllTechniques();
    for (std::size_t i = 0; i < all.size(); ++i) {
        const std::string code(core::ToCode(all[i]));
        auto* check = new wxCheckBox(this, wxID_ANY, NameOf(all[i]), wxDefaultPosition,
                                     wxDefaultSize, 0, wxDefaultValidator, "technique." + code);
        check->Bind(wxEVT_CHECKBOX, &TechniqueList::OnBox, this);
        // Minutes are typed (digits only): narrower and quicker than a spin control.
        auto* minutes =
            new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_RIGHT,
                           wxTextValidator(wxFILTER_DIGITS), "technique." + code + ".minutes");
        minutes->SetMaxLength(3);
        minutes->SetInitialSize(minutes->GetSizeFromTextSize(minutes->GetTextExtent("0000").x));
        minutes->SetToolTip(wxString::Format(_("Minutes of %s"), NameOf(all[i])));
        minutes->Bind(wxEVT_TEXT, [this](wxCommandEvent& event) {
            event.Skip();
            UpdateTotal();
        });
        minutes->Disable();
        m_boxes.push_back(check);
        m_minutes.push_back(minutes);
        grid->Add(check, wxSizerFlags().CentreVertical());
        grid->Add(minutes, wxSizerFlags().CentreVertical());
        grid->Add(new wxStaticText(this, wxID_ANY, _("min")),
                  wxSizerFlags().CentreVertical().Border(wxRIGHT, FromDIP(16)));
    }
    box->Add(grid, wxSizerFlags().Expand());
    SetSizer(box);
}

void TechniqueList::Load(const std::vector<core::TechniqueUse>& techniques) {
    const auto& all = core::AllTechniques();
    for (std::size_t i = 0; i < all.size(); ++i) {
        const auto use =
            std::find_if(techniques.begin(), techniques.end(),
                         [&](const core::TechniqueUse& u) { return u.technique == all[i]; });
        const bool used = use != techniques.end();
        m_boxes[i]->SetValue(used);
        m_minutes[i]->Enable(used);
        m_minutes[i]->ChangeValue(used ? wxString::Format("%d", use->minutes) : wxString());
    }
    UpdateTotal();
}

std::vector<core::TechniqueUse> TechniqueList::Read() const {
    std::vector<core::TechniqueUse> uses;
    const auto& all = core::AllTechniques();
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (m_boxes[i]->GetValue()) {
            long minutes = 0;
            if (!m_minutes[i]->GetValue().ToLong(&minutes) || minutes < 0 || minutes > 9999) {
                minutes = 0;  // reported as out of range by validation
            }
            uses.push_back({all[i], static_cast<int>(minutes)});
        }
    }
    return uses;
}

wxCheckBox* TechniqueList::Box(core::Technique technique) const {
    const auto& all = core::AllTechniques();
    const auto found = std::find(all.begin(), all.end(), technique);
    return found == all.end() ? nullptr : m_boxes[static_cast<std::size_t>(found - all.begin())];
}

wxTextCtrl* TechniqueList::Minutes(core::Technique technique) const {
    const auto& all = core::AllTechniques();
    const auto found = std::find(all.begin(), all.end(), technique);
    return found == all.end() ? nullptr : m_minutes[static_cast<std::size_t>(found - all.begin())];
}

wxWindow* TechniqueList::FirstField() const {
    for (std::size_t i = 0; i < m_boxes.size(); ++i) {
        if (m_boxes[i]->GetValue()) {
            return m_minutes[i];
        }
    }
    return m_boxes.front();
}

void TechniqueList::OnBox(wxCommandEvent& event) {
    auto* box = dynamic_cast<wxCheckBox*>(event.GetEventObject());
    const auto found = std::find(m_boxes.begin(), m_boxes.end(), box);
    if (found == m_boxes.end()) {
        return;
    }
    const auto index = static_cast<std::size_t>(found - m_boxes.begin());
    const core::Technique technique = core::AllTechniques()[index];
    if (box->GetValue() && technique == core::Technique::kDeepTissue &&
        m_cautions.HasModifyFlag() && !m_cautions.ConfirmDeepTissue(this)) {
        box->SetValue(false);
    }
    wxTextCtrl* minutes = m_minutes[index];
    minutes->Enable(box->GetValue());
    if (!box->GetValue()) {
        minutes->ChangeValue(wxString());
    } else {
        // What is left of the session, as a start.
        int others = 0;
        for (const core::TechniqueUse& use : Read()) {
            if (use.technique != technique) {
                others += use.minutes;
            }
        }
        const int left = m_duration().value_or(60) - others;
        minutes->ChangeValue(wxString::Format("%d", left >= 5 ? left : 10));
        minutes->SetFocus();
        minutes->SelectAll();
    }
    UpdateTotal();
}

void TechniqueList::UpdateTotal() {
    int total = 0;
    for (const core::TechniqueUse& use : Read()) {
        total += use.minutes;
    }
    const std::optional<int> duration = m_duration();
    wxString text;
    if (total > 0 && duration) {
        // TRANSLATORS: the minutes of the techniques ticked, of the session's length.
        text = wxString::Format(_("%d of %d min"), total, *duration);
    }
    const bool over = duration && total > *duration;
    m_total->SetForegroundColour(over ? (wxSystemSettings::GetAppearance().IsDark()
                                             ? wxColour(0xff, 0x8a, 0x80)
                                             : wxColour(0xb0, 0x00, 0x20))
                                      : wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    if (over) {
        text << wxString::FromUTF8(" — ") << _("more than the session");
    }
    m_total->SetLabelText(text);
}

}  // namespace myodesk::app
