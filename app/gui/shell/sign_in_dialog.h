#pragma once

#include <myodesk/services/context.h>

#include <wx/dialog.h>

#include <functional>
#include <optional>
#include <string>

class wxStaticText;
class wxTextCtrl;

namespace myodesk::app {

// Signing in: at start in a practice with accounts, and to unlock a locked window. A wrong
// password, an inactive account or a sign-in that must wait is said in the dialog, which stays
// open; the services record every attempt. OK means the context's desk is the user signed in.
// Closing it (Quit) is wxID_CANCEL: nobody is signed in.
class SignInDialog : public wxDialog {
  public:
    // `heading` says why ("MyoDesk is locked"); `username` is filled in (the user who locked).
    SignInDialog(wxWindow* parent, services::Context& context, const wxString& heading,
                 const std::string& username = {});
    // Signs in with `sign_in` (username, password), which throws services::AccessError (or
    // db::DatabaseError) to refuse: before a database server is open, signing in is opening it.
    using SignInAction = std::function<void(const std::string&, const std::string&)>;
    SignInDialog(wxWindow* parent, SignInAction sign_in, const wxString& heading,
                 const std::string& username = {});

    wxTextCtrl* UsernameCtrl() const { return m_username; }
    wxTextCtrl* PasswordCtrl() const { return m_password; }
    // The last refusal, as shown ("The username or the password is wrong..."), or empty.
    wxString Problem() const;
    // What Sign in does: true (and the dialog closes with wxID_OK) when signed in.
    bool TrySignIn();

  private:
    SignInAction m_sign_in;
    wxTextCtrl* m_username = nullptr;
    wxTextCtrl* m_password = nullptr;
    wxStaticText* m_problem = nullptr;
};

// Turns sign-in on in an open practice: the owner's name, username and password (twice).
// OK means the owner's account exists and the desk is signed in as the owner.
class OwnerSetupDialog : public wxDialog {
  public:
    OwnerSetupDialog(wxWindow* parent, services::Context& context);

    wxTextCtrl* NameCtrl() const { return m_name; }
    wxTextCtrl* UsernameCtrl() const { return m_username; }
    wxTextCtrl* PasswordCtrl() const { return m_password; }
    wxTextCtrl* AgainCtrl() const { return m_again; }
    wxString Problem() const;
    // What Turn on does: true (and closes with wxID_OK) when the account was created.
    bool TryCreate();

  private:
    services::Context& m_context;
    wxTextCtrl* m_name = nullptr;
    wxTextCtrl* m_username = nullptr;
    wxTextCtrl* m_password = nullptr;
    wxTextCtrl* m_again = nullptr;
    wxStaticText* m_problem = nullptr;
};

}  // namespace myodesk::app
