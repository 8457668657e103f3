#pragma once

#include <myodesk/core/date.h>
#include <myodesk/core/demo_practice.h>
#include <myodesk/services/context.h>

#include <cstdint>
#include <string>

class wxWindow;

namespace myodesk::app {

// What decides whether the app offers the demo practice when it starts.
struct DemoOfferFacts {
    bool database_given = false;  // --db named a database: the user chose where to work
    std::int64_t clients = 0;     // clients in the database, archived ones included
    bool declined = false;        // "Start empty" was chosen before (Settings)
};

// Offered on the default database while it has no clients, never once declined.
bool ShouldOfferDemoPractice(const DemoOfferFacts& facts);

// The demo practice the app makes: 200 clients, two years of sessions up to `today`, always
// the same seed.
core::DemoOptions AppDemoPracticeOptions(const core::Date& today);

enum class DemoOfferAnswer { kOpenDemo, kStartEmpty };

// Asks with a message box: "Open a demo practice" or "Start empty".
DemoOfferAnswer AskAboutDemoPractice(wxWindow* parent);

// Writes the demo practice into the SQLite file `path` with a progress dialog that can be
// cancelled. It is written beside `path` and renamed into place when complete, so a cancelled
// or failed run leaves no demo behind. False when cancelled or failed (a failure is shown).
// `clock` is the program's (services::DemoService writes it).
bool CreateDemoPractice(wxWindow* parent, const std::string& path, const core::DemoOptions& options,
                        const services::Clock& clock);

}  // namespace myodesk::app
