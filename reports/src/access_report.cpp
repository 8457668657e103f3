#include "report_text.h"

#include <myodesk/reports/access_report.h>

#include <string_view>
#include <utility>

namespace myodesk::reports {

namespace {

// Marks an English text for xgettext (po/make_pot.cmake) where it is not translated yet: the
// table below is read at compile time, and Tr translates the text a row needs when shown.
#define TR_LATER(english) english

struct ActionWords {
    std::string_view code;
    const char* english;
};

// What each audit action is called in the viewer and the access report.
constexpr ActionWords kActionWords[] = {
    {"sign_in", TR_LATER("Signed in")},
    {"sign_in_failed", TR_LATER("Failed to sign in")},
    {"sign_out", TR_LATER("Signed out")},
    {"lock", TR_LATER("Locked the desk")},
    {"accounts.set_up", TR_LATER("Turned sign-in on")},
    {"staff.add", TR_LATER("Added a staff member")},
    {"staff.account", TR_LATER("Gave a staff member an account")},
    {"staff.role", TR_LATER("Changed a staff member's role")},
    {"staff.password", TR_LATER("Changed a password")},
    {"staff.deactivate", TR_LATER("Deactivated a staff member")},
    {"client.open", TR_LATER("Opened the client's record")},
    {"intake.create", TR_LATER("Took an intake")},
    {"appointment.book", TR_LATER("Booked an appointment")},
    {"appointment.book_series", TR_LATER("Booked a series of appointments")},
    {"appointment.move", TR_LATER("Moved an appointment")},
    {"appointment.move_following", TR_LATER("Moved an appointment")},
    {"appointment.status", TR_LATER("Changed an appointment's status")},
    {"plan.generate", TR_LATER("Made a massage plan")},
    {"plan.move", TR_LATER("Moved a planned session")},
    {"plan.skip", TR_LATER("Skipped a planned session")},
    {"training.import", TR_LATER("Changed the training calendar")},
    {"training.put", TR_LATER("Changed the training calendar")},
    {"training.remove", TR_LATER("Removed a training day")},
    // Rows the PostgreSQL server's triggers add (docs/audit-log.md).
    {"db.insert", TR_LATER("Database: a row added")},
    {"db.update", TR_LATER("Database: a row changed")},
    {"db.delete", TR_LATER("Database: a row removed")},
    {"client.create", TR_LATER("Added the client")},
    {"client.update", TR_LATER("Changed the client's details")},
    {"client.archive", TR_LATER("Archived the client")},
    {"client.restore", TR_LATER("Restored the client from the archive")},
    {"note.create", TR_LATER("Wrote a session note")},
    {"note.update", TR_LATER("Changed a session note")},
    {"note.sign", TR_LATER("Signed a session note")},
    {"note.amend", TR_LATER("Amended a session note")},
    {"note.delete", TR_LATER("Deleted an unsigned session note")},
    {"note.open", TR_LATER("Opened a session note")},
    {"report.client", TR_LATER("Made the client's progress report")},
    {"audit.export", TR_LATER("Exported the audit log")},
    {"export.sessions", TR_LATER("Exported the sessions of a period")},
    {"audit.client_report", TR_LATER("Made this access report")},
    {"backup.create", TR_LATER("Backed up the practice")},
    {"backup.restore", TR_LATER("Restored the practice from a backup")},
};

#undef TR_LATER

}  // namespace

std::string AccessActionWords(const std::string& action) {
    for (const ActionWords& words : kActionWords) {
        if (words.code == action) {
            return Tr(words.english);
        }
    }
    return action;  // a code this MyoDesk does not know (a newer one's)
}

Document AccessReportDocument(const AccessReport& report, const core::ClinicDetails& clinic,
                              const ReportLocale& locale) {
    Document document;
    document.letterhead = MakeLetterhead(clinic);
    document.title = Tr("Access report");
    document.subtitle = report.client_name;
    auto& blocks = document.blocks;
    // TRANSLATORS: under the access report's title; {} is a time zone ("Europe/Dublin")
    blocks.emplace_back(Paragraph{
        Format(Tr("Who opened, changed or signed this client's record in MyoDesk, newest first. "
                  "Times are the clinic's local time ({})."),
               report.time_zone),
        ParagraphStyle::kSmall});
    Table table;
    table.columns = {{Tr("When"), 1.6, Align::kLeft},
                     {Tr("Who"), 1.8, Align::kLeft},
                     {Tr("Desk"), 1.4, Align::kLeft},
                     {Tr("What"), 2.6, Align::kLeft},
                     {Tr("Record"), 1.6, Align::kLeft}};
    table.empty_text = Tr("Nobody has opened or changed this record since the audit log began.");
    for (const AccessReportRow& row : report.rows) {
        table.rows.push_back(
            {row.at, row.who, row.desk, AccessActionWords(row.action), row.record});
    }
    blocks.emplace_back(std::move(table));
    if (report.more > 0) {
        // TRANSLATORS: under a long access report; {} is a number of rows
        blocks.emplace_back(Paragraph{
            Format(Tr("And {} older entries: the CSV export lists every one."), report.more),
            ParagraphStyle::kSmall});
    }
    // TRANSLATORS: the footer of the access report: "Access report: Ann Smith"
    document.footer_text = Format(Tr("Access report: {}"), report.client_name);
    document.printed_text = PrintedText(report.today, locale);
    document.page_format = PageFormat();
    return document;
}

Row AccessReportCsvHeader() {
    return {std::string("at"),     std::string("who"),  std::string("desk"),
            std::string("action"), std::string("what"), std::string("record")};
}

Row AccessReportCsvRow(const AccessReportRow& row) {
    return {row.at, row.who, row.desk, row.action, AccessActionWords(row.action), row.record};
}

}  // namespace myodesk::reports
