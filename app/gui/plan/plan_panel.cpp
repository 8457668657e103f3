#include "plan/plan_panel.h"

#include "book/hours_question.h"
#include "common/code_names.h"
#include "common/empty_list_page.h"
#include "common/error_message.h"
#include "common/wx_conversions.h"
#include "intake/contraindication_banner.h"
#include "intake/flag_override_dialog.h"
#include "intake/intake_html.h"
#include "intake/screening_confirmation.h"
#include "plan/book_session_dialog.h"
#include "plan/move_session_dialog.h"
#include "plan/plan_html.h"
#include "plan/plan_session_list_ctrl.h"
#include "plan/plan_text.h"
#include "plan/plan_timeline_ctrl.h"
#include "plan/training_log_panel.h"

#include <myodesk/db/errors.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/errors.h>
#include <myodesk/services/intake_service.h>

#include <wx/artprov.h>
#include <wx/button.h>
#include <wx/html/htmlwin.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/notebook.h>
#include <wx/scrolwin.h>
#include <wx/settings.h>
#include <wx/simplebook.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>

#include <algorithm>
#include <exception>

namespace myodesk::app {

namespace {

wxHtmlWindow* NewHtmlView(wxWindow* parent, const wxString& name) {
    auto* view = new wxHtmlWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                  wxHW_SCROLLBAR_AUTO | wxBORDER_THEME);
    view->SetName(name);
    const wxFont font = wxSystemSettings::GetFont(wxSYS_DEFAULT_GUI_FONT);
    view->SetStandardFonts(font.GetPointSize(), font.GetFaceName());
    return view;
}

// At most this many warnings are shown at once; more scroll within the band.
constexpr std::size_t kBandLinesShown = 4;

// A band in the colours of the contraindication banner, with an icon and lines of text (in
// `area`, which scrolls when there are many).
wxPanel* NewBand(wxWindow* parent, BannerLevel level, wxScrolledWindow*& area) {
    auto* panel = new wxPanel(parent);
    const BannerColours colours = ColoursFor(level, wxSystemSettings::GetAppearance().IsDark());
    panel->SetBackgroundColour(colours.background);
    panel->SetForegroundColour(colours.text);
    auto* icon = new wxStaticBitmap(
        panel, wxID_ANY,
        wxArtProvider::GetBitmapBundle(level == BannerLevel::kStop ? wxART_ERROR : wxART_WARNING,
                                       wxART_MESSAGE_BOX, wxSize(24, 24)));
    area = new wxScrolledWindow(panel, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxVSCROLL);
    area->SetBackgroundColour(colours.background);
    area->SetForegroundColour(colours.text);
    area->SetScrollRate(0, area->GetCharHeight());
    area->ShowScrollbars(wxSHOW_SB_NEVER, wxSHOW_SB_DEFAULT);
    area->SetSizer(new wxBoxSizer(wxVERTICAL));
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(icon, wxSizerFlags().Top().Border(wxALL, panel->FromDIP(6)));
    row->Add(area, wxSizerFlags(1).CentreVertical().Border(wxTOP | wxBOTTOM | wxRIGHT,
                                                           panel->FromDIP(6)));
    panel->SetSizer(row);
    panel->Hide();
    return panel;
}

// Shows the sentences, at most `shown` of them at once (the others scroll).
void SetBandLines(wxPanel* panel, wxScrolledWindow* area, std::vector<wxStaticText*>& texts,
                  const std::vector<wxString>& sentences, bool bold, std::size_t shown) {
    wxSizer* lines = area->GetSizer();
    lines->Clear(true);
    texts.clear();
    int height = 0;
    for (const wxString& sentence : sentences) {
        auto* text = new wxStaticText(area, wxID_ANY, sentence);
        text->SetForegroundColour(panel->GetForegroundColour());
        if (bold) {
            text->SetFont(text->GetFont().Bold());
            FitToText(text);
        }
        lines->Add(text, wxSizerFlags().Border(wxBOTTOM, panel->FromDIP(1)));
        if (texts.size() < shown) {
            height += text->GetBestSize().y + panel->FromDIP(1);
        }
        texts.push_back(text);
    }
    panel->Show(!sentences.empty());
    if (sentences.empty()) {
        return;  // hidden: no scrolling to set up in nothing
    }
    area->SetMinSize(wxSize(-1, height));
    area->FitInside();
    area->Scroll(0, 0);
}

wxString Joined(const std::vector<wxStaticText*>& texts) {
    wxString text;
    for (const wxStaticText* line : texts) {
        text << (text.empty() ? "" : "\n") << line->GetLabelText();
    }
    return text;
}

}  // namespace

PlanPanel::PlanPanel(wxWindow* parent, services::Context& context)
    : wxPanel(parent, wxID_ANY), m_context(context), m_plan(context) {
    SetName("plan");
    m_refer_panel = NewBand(this, BannerLevel::kStop, m_refer_area);
    m_refer_panel->SetName("plan.refer");
    m_warning_panel = NewBand(this, BannerLevel::kCaution, m_warning_area);
    m_warning_panel->SetName("plan.warnings");
    m_more_warnings = new wxButton(m_warning_panel, wxID_ANY, wxString(), wxDefaultPosition,
                                   wxDefaultSize, wxBU_EXACTFIT);
    m_more_warnings->Bind(wxEVT_BUTTON, &PlanPanel::OnMoreWarningsButton, this);
    m_more_warnings->Hide();
    m_warning_panel->GetSizer()->Add(m_more_warnings,
                                     wxSizerFlags().Bottom().Border(wxALL, FromDIP(6)));

    m_summary = new wxStaticText(this, wxID_ANY, wxString());
    m_summary->SetFont(m_summary->GetFont().Bold());
    m_outdated = new wxStaticText(this, wxID_ANY, wxString());
    m_outdated->SetForegroundColour(wxSystemSettings::GetAppearance().IsDark()
                                        ? wxColour(0xff, 0xc1, 0x07)
                                        : wxColour(0x8a, 0x4b, 0x00));
    m_outdated->Hide();
    m_generate = new wxButton(this, wxID_ANY, _("&Generate plan"));
    m_generate->SetName("plan.generate");
    m_generate->Bind(wxEVT_BUTTON, &PlanPanel::OnGenerateButton, this);

    auto* texts = new wxBoxSizer(wxVERTICAL);
    texts->Add(m_summary);
    texts->Add(m_outdated, wxSizerFlags().Border(wxTOP, FromDIP(2)));
    auto* header = new wxBoxSizer(wxHORIZONTAL);
    header->Add(texts, wxSizerFlags(1).CentreVertical());
    header->Add(m_generate, wxSizerFlags().CentreVertical().Border(wxLEFT, FromDIP(12)));

    m_pages = new wxNotebook(this, wxID_ANY);
    m_pages->SetName("plan.pages");
    m_pages->AddPage(CreateSessionsPage(m_pages), _("Sessions"));
    m_home_care = NewHtmlView(m_pages, "plan.home_care");
    m_pages->AddPage(m_home_care, _("Home care"));
    m_training = new TrainingLogPanel(m_pages, m_plan);
    m_training->SetOnChanged([this] { AfterTrainingChanged(); });
    m_pages->AddPage(m_training, _("Training calendar"));
    m_pages->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& event) {
        event.Skip();
        if (event.GetSelection() == static_cast<int>(kTrainingPage)) {
            CallAfter([this] { m_training->ScrollToToday(); });
        }
    });

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_refer_panel, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(8)));
    sizer->Add(m_warning_panel,
               wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT | wxTOP, FromDIP(8)));
    sizer->Add(header, wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
    sizer->Add(m_pages, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8)));
    SetSizer(sizer);
}

wxWindow* PlanPanel::CreateSessionsPage(wxWindow* parent) {
    m_sessions_book = new wxSimplebook(parent);
    auto* page = new wxPanel(m_sessions_book);
    m_timeline = new PlanTimelineCtrl(page);
    m_timeline->Bind(EVT_PLAN_SESSION_CHOSEN, &PlanPanel::OnTimelineChosen, this);

    // The list and the chosen session's details side by side; the sash moves.
    auto* splitter = new wxSplitterWindow(page, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                          wxSP_LIVE_UPDATE | wxSP_3DSASH);
    splitter->SetName("plan.splitter");
    splitter->SetSashGravity(1.0);
    splitter->SetMinimumPaneSize(FromDIP(240));
    // A few rows of the list and of the details at least, however many warnings are open.
    splitter->SetMinSize(wxSize(-1, FromDIP(120)));
    m_list = new PlanSessionListCtrl(splitter, wxID_ANY, m_plan);
    m_list->Bind(wxEVT_LIST_ITEM_SELECTED, &PlanPanel::OnListSelected, this);
    m_list->Bind(wxEVT_LIST_ITEM_ACTIVATED, &PlanPanel::OnListActivated, this);

    auto* side = new wxPanel(splitter);
    m_book_button = new wxButton(side, wxID_ANY, _("&Book…"));
    m_book_button->SetToolTip(_("Book this session: a time and a therapist on the planned day"));
    m_book_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { BookSelected(); });
    m_move_button = new wxButton(side, wxID_ANY, _("&Move…"));
    m_move_button->SetToolTip(_("Move this session to another day; the plan's rules are checked"));
    m_move_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { MoveSelected(); });
    m_skip_button = new wxButton(side, wxID_ANY, _("S&kip"));
    m_skip_button->SetToolTip(_("This session will not take place"));
    m_skip_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { SkipSelected(); });
    auto* actions = new wxBoxSizer(wxHORIZONTAL);
    actions->Add(m_book_button, wxSizerFlags().Border(wxRIGHT, FromDIP(6)));
    actions->Add(m_move_button, wxSizerFlags().Border(wxRIGHT, FromDIP(6)));
    actions->Add(m_skip_button);
    m_details = NewHtmlView(side, "plan.details");
    auto* side_sizer = new wxBoxSizer(wxVERTICAL);
    side_sizer->Add(actions, wxSizerFlags().Border(wxLEFT | wxBOTTOM, FromDIP(6)));
    side_sizer->Add(m_details, wxSizerFlags(1).Expand().Border(wxLEFT, FromDIP(6)));
    side->SetSizer(side_sizer);
    // The details a readable width on the right; the list grows with the window.
    splitter->SplitVertically(m_list, side, -FromDIP(440));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(m_timeline, wxSizerFlags().Expand().Border(wxALL, FromDIP(6)));
    sizer->Add(splitter, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(6)));
    page->SetSizer(sizer);

    m_sessions_book->AddPage(page, wxString());
    m_sessions_book->AddPage(CreateEmptyState(m_sessions_book), wxString());
    return m_sessions_book;
}

wxWindow* PlanPanel::CreateEmptyState(wxWindow* parent) {
    auto* empty = new wxPanel(parent);
    empty->SetBackgroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_LISTBOX));
    m_empty_title = new wxStaticText(empty, wxID_ANY, _("No plan yet"), wxDefaultPosition,
                                     wxDefaultSize, wxALIGN_CENTRE_HORIZONTAL);
    m_empty_title->SetFont(m_empty_title->GetFont().Scaled(1.3f).Bold());
    FitToText(m_empty_title);
    m_empty_text = new wxStaticText(empty, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                    wxALIGN_CENTRE_HORIZONTAL);
    m_empty_generate = new wxButton(empty, wxID_ANY, _("Generate &plan"));
    m_empty_generate->Bind(wxEVT_BUTTON, &PlanPanel::OnGenerateButton, this);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->AddStretchSpacer(2);
    sizer->Add(m_empty_title, wxSizerFlags().CentreHorizontal());
    sizer->AddSpacer(FromDIP(10));
    sizer->Add(m_empty_text, wxSizerFlags().CentreHorizontal());
    sizer->AddSpacer(FromDIP(18));
    sizer->Add(m_empty_generate, wxSizerFlags().CentreHorizontal());
    sizer->AddStretchSpacer(3);
    empty->SetSizer(sizer);
    return empty;
}

// --- Showing ---

void PlanPanel::ShowClient(core::ClientId client) {
    m_plan.ShowClient(client);
    ShowPlan(-1);
}

void PlanPanel::Reload() {
    try {
        m_plan.Reload();
    } catch (const db::DatabaseError& error) {
        ShowErrorMessage(this, _("The plan could not be read."), error);
    }
    ShowPlan(m_selected);
}

void PlanPanel::ShowPlan(int select) {
    const std::optional<core::Plan>& plan = m_plan.Plan();
    m_timeline->SetPlan(plan ? &*plan : nullptr, m_plan.Units(), m_plan.Today());
    m_list->RefreshRows();
    m_home_care->SetPage(plan ? PlanHomeCareHtml(*plan)
                              : "<html><body><p>" +
                                    EscapeHtml(_("Generate a plan to see the home-care "
                                                 "advice for each phase.")) +
                                    "</p></body></html>");
    m_training->Reload();
    UpdateWarnings();
    UpdateHeader();
    m_sessions_book->ChangeSelection(plan ? 0 : 1);
    m_selected = -1;
    if (plan && !plan->sessions.empty()) {
        int index = select;
        if (index < 0 || static_cast<std::size_t>(index) >= plan->sessions.size()) {
            // The next session from today, or the last one.
            const auto next = std::find_if(plan->sessions.begin(), plan->sessions.end(),
                                           [&](const core::PlannedSession& session) {
                                               return session.date >= m_plan.Today();
                                           });
            index = next == plan->sessions.end() ? static_cast<int>(plan->sessions.size()) - 1
                                                 : static_cast<int>(next - plan->sessions.begin());
        }
        SelectSession(index);
    } else {
        UpdateDetails();
        UpdateButtons();
    }
    Layout();
}

void PlanPanel::UpdateWarnings() {
    std::vector<wxString> refer;
    std::vector<wxString> others;
    if (const std::optional<core::Plan>& plan = m_plan.Plan()) {
        for (const core::PlanWarning& warning : plan->warnings) {
            (warning.code == core::PlanWarningCode::kRefer ? refer : others)
                .push_back(PlanWarningText(warning, plan->units));
        }
    }
    SetBandLines(m_refer_panel, m_refer_area, m_refer_texts, refer, true, kBandLinesShown);
    // Beyond a few warnings the band scrolls, and offers them all in a window rather than
    // pushing the plan off the screen.
    SetBandLines(m_warning_panel, m_warning_area, m_warning_texts, others, false, kBandLinesShown);
    m_more_warnings->Show(others.size() > kBandLinesShown);
    m_more_warnings->SetLabel(wxString::Format(_("All %zu warnings…"), others.size()));
    m_refer_panel->Layout();
    m_warning_panel->Layout();
}

void PlanPanel::UpdateHeader() {
    const std::optional<core::Plan>& plan = m_plan.Plan();
    if (plan) {
        m_summary->SetLabelText(PlanSummaryText(*plan, m_plan.Today()));
        m_generate->SetLabel(_("&Regenerate"));
        m_generate->SetToolTip(
            _("Make the plan again from today, with the newest intake, the training calendar "
              "and the session notes; what changed is shown (Ctrl+G)"));
    } else {
        m_summary->SetLabelText(_("No plan yet"));
        m_generate->SetLabel(_("&Generate plan"));
        m_generate->SetToolTip(
            _("Plan massage sessions around the runner's training, from the newest intake and "
              "the training calendar (Ctrl+G)"));
    }
    const bool outdated = m_plan.IsPlanOutdated();
    m_outdated->SetLabelText(
        outdated ? _("The training calendar changed after this plan was made: regenerate it to "
                     "plan around the new training.")
                 : wxString());
    m_outdated->Show(outdated);

    wxString empty;
    empty << _(
        "Generate a plan from the intake and the training calendar: sessions around the "
        "runner's long runs and race, each with the reason it is planned.");
    if (!m_plan.HasIntake()) {
        empty << "\n\n"
              << _("This client has no intake yet. A plan can still be made, but nothing will "
                   "have been screened: take the intake first when you can.");
    }
    m_empty_text->SetLabelText(empty);
    m_empty_text->Wrap(FromDIP(520));
    Layout();
}

void PlanPanel::SelectSession(int index) {
    if (static_cast<std::size_t>(std::max(index, 0)) >= m_plan.SessionCount()) {
        index = -1;
    }
    m_selected = index;
    if (index >= 0 && m_list->SelectedIndex() != index) {
        m_list->SelectRow(index);
    }
    if (m_timeline->GetSelection() != index) {
        m_timeline->SetSelection(index);
    }
    UpdateDetails();
    UpdateButtons();
}

void PlanPanel::UpdateDetails() {
    const std::optional<core::Plan>& plan = m_plan.Plan();
    if (!plan || m_selected < 0) {
        m_details->SetPage(NoSessionHtml(plan && !plan->sessions.empty()));
        return;
    }
    const auto index = static_cast<std::size_t>(m_selected);
    std::optional<PlanBooking> booking;
    if (const std::optional<core::Appointment> booked = m_plan.AppointmentOf(index)) {
        booking = PlanBooking{booked->start_minute, m_plan.StaffName(booked->therapist_id)};
    }
    m_details->SetPage(PlanSessionHtml(*plan, index, booking));
}

void PlanPanel::UpdateButtons() {
    const bool chosen = m_selected >= 0;
    const auto index = static_cast<std::size_t>(std::max(m_selected, 0));
    m_book_button->Enable(chosen && m_plan.CanBook(index));
    m_move_button->Enable(chosen && m_plan.CanMove(index));
    m_skip_button->Enable(chosen && m_plan.CanSkip(index));
}

// --- Reading what is shown ---

wxString PlanPanel::WarningsText() const {
    const wxString refer = Joined(m_refer_texts);
    const wxString others = Joined(m_warning_texts);
    return refer.empty() ? others : others.empty() ? refer : refer + "\n" + others;
}

wxString PlanPanel::SummaryText() const {
    return m_summary->GetLabelText();
}

wxString PlanPanel::OutdatedText() const {
    return m_outdated->IsShown() ? m_outdated->GetLabelText() : wxString();
}

wxString PlanPanel::DetailsText() const {
    return m_details->ToText();
}

wxString PlanPanel::HomeCareText() const {
    return m_home_care->ToText();
}

wxString PlanPanel::EmptyText() const {
    if (m_sessions_book->GetSelection() != 1) {
        return {};
    }
    return m_empty_title->GetLabelText() + "\n" + m_empty_text->GetLabelText();
}

bool PlanPanel::IsReferShown() const {
    return m_refer_panel->IsShown();
}

int PlanPanel::WarningBandHeight() const {
    return m_warning_panel->IsShown() ? m_warning_panel->GetSize().y : 0;
}

// --- Actions ---

bool PlanPanel::GeneratePlan() {
    if (m_plan.Client() == 0) {
        return false;
    }
    PlanController::GenerateResult result;
    wxBusyCursor busy;
    try {
        result = m_plan.Generate();
    } catch (const db::NotFoundError& error) {
        ShowErrorMessage(this, _("This client is no longer in the database."), error);
        return false;
    } catch (const db::DatabaseError& error) {
        ShowErrorMessage(this, _("The plan could not be made. Nothing was saved."), error);
        return false;
    } catch (const std::exception& error) {
        ShowErrorMessage(this, _("The plan could not be made. Nothing was saved."), error);
        return false;
    }
    ShowPlan(-1);
    m_pages->ChangeSelection(kSessionsPage);
    if (result.had_previous) {
        wxMessageDialog message(this,
                                result.changes.empty()
                                    ? _("The plan was made again. No session changed.")
                                    : _("The plan was made again. What changed:"),
                                _("Regenerate plan"), wxOK | wxICON_INFORMATION);
        if (!result.changes.empty()) {
            message.SetExtendedMessage(PlanChangesText(result.changes));
        }
        message.ShowModal();
    }
    return true;
}

bool PlanPanel::BookSelected() {
    if (m_selected < 0 || !m_plan.CanBook(static_cast<std::size_t>(m_selected))) {
        return false;
    }
    const auto index = static_cast<std::size_t>(m_selected);
    try {
        services::IntakeService intakes(m_context);
        const std::optional<core::Client> client =
            services::ClientService(m_context).Find(m_plan.Client());
        if (client && !ConfirmScreening(this, intakes, *client, m_plan.Session(index)->date,
                                        _("Book the session anyway?"), _("&Book it"))) {
            return false;
        }
    } catch (const db::DatabaseError& error) {
        ShowErrorMessage(this, _("The client's record could not be read."), error);
        return false;
    }
    std::vector<core::Staff> therapists;
    try {
        therapists = m_plan.ActiveStaff();
    } catch (const db::DatabaseError& error) {
        ShowErrorMessage(this, _("The list of staff could not be read."), error);
        return false;
    }
    if (therapists.empty()) {
        wxMessageBox(_("There is nobody to book with yet. Add the clinic's therapists with Edit ▸ "
                       "Staff… first."),
                     _("Book session"), wxOK | wxICON_INFORMATION, this);
        return false;
    }
    // The therapist at the desk first.
    const core::StaffId at_desk = m_context.Desk().StaffId().value_or(therapists.front().id);
    BookSessionDialog dialog(this, *m_plan.Session(index), m_plan.NewAppointment(index, at_desk),
                             therapists, m_plan.Today(),
                             [this, index](core::Appointment& appointment) {
                                 BookOverridingFlagsIfAsked(index, appointment);
                             });
    if (dialog.ShowModal() != wxID_OK) {
        return false;
    }
    ShowPlan(static_cast<int>(index));
    return true;
}

void PlanPanel::BookOverridingFlagsIfAsked(std::size_t index, core::Appointment& appointment) {
    wxWindow* active = wxGetActiveWindow();
    wxWindow* parent = active != nullptr ? active : this;
    bool outside_hours_confirmed = false;
    // The book's rules ask at most twice (the flags, then the hours), each answered once.
    for (int asked = 0;; ++asked) {
        try {
            m_plan.Book(index, appointment, outside_hours_confirmed);
            return;
        } catch (const services::AbsoluteFlagError& error) {
            const core::Client client =
                services::ClientService(m_context).Get(m_plan.Plan()->client_id);
            const std::optional<std::string> reason = AskFlagOverride(
                parent, client, error.Date(), error.Flags(), _("Override and &book"));
            if (!reason || asked > 2) {
                // Not booked: the booking window says a reason is needed to go ahead.
                throw db::ValidationError({{"flag_override", core::ProblemCode::kRequired}});
            }
            appointment.flag_override = *reason;
        } catch (const services::OutsideHoursError& error) {
            const wxString question = HoursQuestion(error.Verdict(), ToWx(error.TherapistName())) +
                                      "\n\n" + _("Book it anyway?");
            if (asked > 2 ||
                wxMessageBox(question, _("Book session"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION,
                             parent) != wxYES) {
                throw db::ValidationError({{"start_time", core::ProblemCode::kContradicts}});
            }
            outside_hours_confirmed = true;
        }
    }
}

bool PlanPanel::MoveSelected() {
    if (m_selected < 0 || !m_plan.CanMove(static_cast<std::size_t>(m_selected)) || !m_plan.Plan()) {
        return false;
    }
    const auto index = static_cast<std::size_t>(m_selected);
    MoveSessionDialog dialog(
        this, *m_plan.Session(index), *m_plan.Plan(),
        [this, index](const core::Date& to) { return m_plan.PreviewMove(index, to); });
    if (dialog.ShowModal() != wxID_OK || !dialog.Result() || !dialog.Result()->allowed) {
        return false;
    }
    const core::PlannedSession moved = dialog.Result()->session;
    try {
        m_plan.Move(index, moved);
    } catch (const db::ValidationError&) {
        wxMessageBox(_("The session could not be moved: it is booked or skipped already."),
                     _("Move session"), wxOK | wxICON_WARNING, this);
        Reload();
        return false;
    } catch (const db::DatabaseError& error) {
        ShowErrorMessage(this, _("The session could not be moved."), error);
        return false;
    }
    // Sessions stay in date order: find the moved one again.
    int select = -1;
    for (std::size_t i = 0; i < m_plan.SessionCount(); ++i) {
        if (m_plan.Session(i)->date == moved.date) {
            select = static_cast<int>(i);
        }
    }
    ShowPlan(select);
    return true;
}

bool PlanPanel::SkipSelected() {
    if (m_selected < 0 || !m_plan.CanSkip(static_cast<std::size_t>(m_selected))) {
        return false;
    }
    const auto index = static_cast<std::size_t>(m_selected);
    wxMessageDialog ask(
        this, wxString::Format(_("Skip the session of %s?"), DayText(m_plan.Session(index)->date)),
        _("Skip session"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
    ask.SetExtendedMessage(
        _("It stays in the plan, marked skipped, and can no longer be booked or moved. "
          "Regenerate the plan to plan a replacement."));
    ask.SetYesNoLabels(_("&Skip"), _("&Keep it"));
    if (ask.ShowModal() != wxID_YES) {
        return false;
    }
    try {
        m_plan.Skip(index);
    } catch (const db::ValidationError&) {
        Reload();
        return false;
    } catch (const db::DatabaseError& error) {
        ShowErrorMessage(this, _("The session could not be skipped."), error);
        return false;
    }
    ShowPlan(static_cast<int>(index));
    return true;
}

void PlanPanel::AfterTrainingChanged() {
    UpdateHeader();
}

// --- Events ---

void PlanPanel::OnMoreWarningsButton(wxCommandEvent&) {
    wxString text;
    for (const wxStaticText* line : m_warning_texts) {
        text << (text.empty() ? "" : "\n\n") << line->GetLabelText();
    }
    wxMessageDialog message(this, _("What to watch out for in this plan:"), _("Plan warnings"),
                            wxOK | wxICON_WARNING);
    message.SetExtendedMessage(text);
    message.ShowModal();
}

void PlanPanel::OnGenerateButton(wxCommandEvent&) {
    GeneratePlan();
}

void PlanPanel::OnListSelected(wxListEvent& event) {
    if (event.GetIndex() != m_selected) {
        SelectSession(static_cast<int>(event.GetIndex()));
    }
}

void PlanPanel::OnListActivated(wxListEvent&) {
    if (m_selected >= 0 && m_plan.CanBook(static_cast<std::size_t>(m_selected))) {
        BookSelected();
    }
}

void PlanPanel::OnTimelineChosen(wxCommandEvent& event) {
    SelectSession(event.GetInt());
    m_list->SelectRow(event.GetInt());
}

}  // namespace myodesk::app
