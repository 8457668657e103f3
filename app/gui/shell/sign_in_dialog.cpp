#include "shell/sign_in_dialog.h"

#include "common/problem_message.h"
#include "common/wx_conversions.h"

#include <myodesk/db/errors.h>
#include <myodesk/services/account_service.h>
#include <myodesk/services/errors.h>

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include <utility>

namespace myodesk::app {

namespace {

// A refusal of the sign-in, in the words of the desk.
wxString Refusal(const services::AccessError& error) {
    if (const auto* wait = dynamic_cast<const services::SignInTooSoonError*>(&error)) {
        return wxString::Format(
            _("Too many wrong passwords for this username. Try again in %lld seconds."),
            static_cast<long long>(wait->WaitSeconds()));
    }
    if (dynamic_cast<const services::SignInFailedError*>(&error) != nullptr) {
        return _("The username or the password is wrong, or the account is no longer active.");
    }
    return ToWx(error.what());
}

wxStaticText* ProblemText(wxWindow* parent) {
    auto* problem = new wxStaticText(parent, wxID_ANY, wxString());
    problem->SetForegroundColour(wxColour(170, 20, 20));
    return problem;
}

void AddRow(wxWindow* parent, wxFlexGridSizer* grid, const wxString& label, wxTextCtrl* field) {
    grid->Add(new wxStaticText(parent, wxID_ANY, label), wxSizerFlags().CentreVertical());
    grid->Add(field, wxSizerFlags(1).Expand());
}

}  // namespace

SignInDialog::SignInDialog(wxWindow* parent, services::Context& context, const wxString& heading,
                           const std::string& username)
    : SignInDialog(
          parent,
          [&context](const std::string& name, const std::string& password) {
              services::AccountService(context).SignIn(name, password);
          },
          heading, username) {}

SignInDialog::SignInDialog(wxWindow* parent, SignInAction action, const wxString& heading,
                           const std::string& username)
    : wxDialog(parent, wxID_ANY, _("Sign in to MyoDesk"), wxDefaultPosition, wxDefaultSize,
               wxCAPTION | wxSTAY_ON_TOP),
      m_sign_in(std::move(action)) {
    SetName("SignInDialog");
    auto* title = new wxStaticText(this, wxID_ANY, heading);
    title->SetFont(title->GetFont().Bold().Larger());
    title->Wrap(FromDIP(410));
    m_username = new wxTextCtrl(this, wxID_ANY, ToWx(username));
    m_password = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                wxTE_PASSWORD | wxTE_PROCESS_ENTER);
    m_problem = ProblemText(this);

    auto* grid = new wxFlexGridSizer(2, FromDIP(6), FromDIP(10));
    grid->AddGrowableCol(1);
    AddRow(this, grid, _("&Username:"), m_username);
    AddRow(this, grid, _("&Password:"), m_password);

    auto* sign_in = new wxButton(this, wxID_OK, _("&Sign in"));
    auto* quit = new wxButton(this, wxID_CANCEL, _("&Quit MyoDesk"));
    sign_in->SetDefault();
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    buttons->Add(quit, wxSizerFlags().Border(wxRIGHT, FromDIP(8)));
    buttons->Add(sign_in);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(title, wxSizerFlags().Border(wxALL, FromDIP(14)));
    sizer->Add(grid, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(14)));
    sizer->Add(m_problem, wxSizerFlags().Expand().Border(wxALL, FromDIP(14)));
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(14)));
    SetSizer(sizer);
    SetMinSize(FromDIP(wxSize(440, -1)));
    Fit();
    CentreOnScreen();

    // GTK gives the buttons their theme's height only once the dialog is on screen: fit again
    // then, or they show as thin lines without their labels.
    Bind(wxEVT_SHOW, [this](wxShowEvent& event) {
        if (event.IsShown()) {
            CallAfter([this] { Fit(); });
        }
        event.Skip();
    });
    sign_in->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { TrySignIn(); });
    m_password->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { TrySignIn(); });
    (username.empty() ? m_username : m_password)->SetFocus();
}

wxString SignInDialog::Problem() const {
    return m_problem->GetLabel();
}

bool SignInDialog::TrySignIn() {
    try {
        m_sign_in(ToUtf8(m_username->GetValue()), ToUtf8(m_password->GetValue()));
    } catch (const services::AccessError& error) {
        m_problem->SetLabel(Refusal(error));
        m_problem->Wrap(FromDIP(410));
        m_password->Clear();
        m_password->SetFocus();
        Layout();
        Fit();
        return false;
    } catch (const db::DatabaseError& error) {
        m_problem->SetLabel(ToWx(error.what()));
        m_problem->Wrap(FromDIP(410));
        Fit();
        return false;
    }
    EndModal(wxID_OK);
    return true;
}

OwnerSetupDialog::OwnerSetupDialog(wxWindow* parent, services::Context& context)
    : wxDialog(parent, wxID_ANY, _("Turn on sign-in")), m_context(context) {
    SetName("OwnerSetupDialog");
    auto* intro = new wxStaticText(
        this, wxID_ANY,
        _("Each staff member will sign in with their own username and password, and see only "
          "what their role allows. You become the practice's owner: you add the staff's "
          "accounts afterwards (Edit ▸ Staff…)."));
    intro->Wrap(FromDIP(420));
    m_name = new wxTextCtrl(this, wxID_ANY);
    m_username = new wxTextCtrl(this, wxID_ANY);
    m_password =
        new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PASSWORD);
    m_again =
        new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, wxTE_PASSWORD);
    m_problem = ProblemText(this);

    auto* grid = new wxFlexGridSizer(2, FromDIP(6), FromDIP(10));
    grid->AddGrowableCol(1);
    AddRow(this, grid, _("Your &name:"), m_name);
    AddRow(this, grid, _("&Username:"), m_username);
    AddRow(this, grid, _("&Password:"), m_password);
    AddRow(this, grid, _("&Again:"), m_again);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(intro, wxSizerFlags().Border(wxALL, FromDIP(14)));
    sizer->Add(grid, wxSizerFlags().Expand().Border(wxLEFT | wxRIGHT, FromDIP(14)));
    sizer->Add(m_problem, wxSizerFlags().Expand().Border(wxALL, FromDIP(14)));
    auto* buttons = CreateStdDialogButtonSizer(wxOK | wxCANCEL);
    FindWindow(wxID_OK)->SetLabel(_("&Turn on sign-in"));
    sizer->Add(buttons, wxSizerFlags().Expand().Border(wxALL, FromDIP(14)));
    SetSizer(sizer);
    Fit();
    Centre();
    FindWindow(wxID_OK)->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { TryCreate(); });
    m_name->SetFocus();
}

wxString OwnerSetupDialog::Problem() const {
    return m_problem->GetLabel();
}

bool OwnerSetupDialog::TryCreate() {
    const auto say = [this](const wxString& problem) {
        m_problem->SetLabel(problem);
        m_problem->Wrap(FromDIP(420));
        Fit();
        return false;
    };
    if (m_password->GetValue() != m_again->GetValue()) {
        return say(_("The two passwords differ."));
    }
    try {
        services::AccountService(m_context).SetUpOwner(ToUtf8(m_name->GetValue()),
                                                       ToUtf8(m_username->GetValue()),
                                                       ToUtf8(m_password->GetValue()));
    } catch (const db::ValidationError& error) {
        const auto& problem = error.Problems().front();
        if (problem.field == "password" && problem.code == core::ProblemCode::kOutOfRange) {
            return say(wxString::Format(_("The password needs at least %d characters."),
                                        static_cast<int>(services::kMinPasswordLength)));
        }
        if (problem.field == "username" && problem.code == core::ProblemCode::kInvalidText) {
            return say(
                _("A username starts with a lower-case letter and has only lower-case "
                  "letters, digits, '.', '_' or '-' (at most 32)."));
        }
        return say(ProblemMessage(problem));
    } catch (const std::exception& error) {
        return say(ToWx(error.what()));
    }
    EndModal(wxID_OK);
    return true;
}

}  // namespace myodesk::app
