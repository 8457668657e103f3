#include "report_text.h"

#include <myodesk/reports/access_report.h>

#include <utility>

namespace myodesk::reports {

std::string AccessActionWords(const std::string& action) {
    // Each sentence written out, so that the translators' tools find it.
    if (action == "sign_in") {
        return Tr("Signed in");
    }
    if (action == "sign_in_failed") {
        return Tr("Failed to sign in");
    }
    if (action == "sign_out") {
        return Tr("Signed out");
    }
    if (action == "lock") {
        return Tr("Locked the desk");
    }
    if (action == "accounts.set_up") {
        return Tr("Turned sign-in on");
    }
    if (action == "staff.add") {
        return Tr("Added a staff member");
    }
    if (action == "staff.account") {
        return Tr("Gave a staff member an account");
    }
    if (action == "staff.role") {
        return Tr("Changed a staff member's role");
    }
    if (action == "staff.password") {
        return Tr("Changed a password");
    }
    if (action == "staff.deactivate") {
        return Tr("Deactivated a staff member");
    }
    if (action == "client.open") {
        return Tr("Opened the client's record");
    }
    if (action == "intake.create") {
        return Tr("Took an intake");
    }
    if (action == "appointment.book") {
        return Tr("Booked an appointment");
    }
    if (action == "appointment.book_series") {
        return Tr("Booked a series of appointments");
    }
    if (action == "appointment.move" || action == "appointment.move_following") {
        return Tr("Moved an appointment");
    }
    if (action == "appointment.status") {
        return Tr("Changed an appointment's status");
    }
    if (action == "plan.generate") {
        return Tr("Made a massage plan");
    }
    if (action == "plan.move") {
        return Tr("Moved a planned session");
    }
    if (action == "plan.skip") {
        return Tr("Skipped a planned session");
    }
    if (action == "training.import" || action == "training.put") {
        return Tr("Changed the training calendar");
    }
    if (action == "training.remove") {
        return Tr("Removed a training day");
    }
    // Rows the PostgreSQL server's triggers add (docs/audit-log.md).
    if (action == "db.insert") {
        return Tr("Database: a row added");
    }
    if (action == "db.update") {
        return Tr("Database: a row changed");
    }
    if (action == "db.delete") {
        return Tr("Database: a row removed");
    }
    if (action == "client.create") {
        return Tr("Added the client");
    }
    if (action == "client.update") {
        return Tr("Changed the client's details");
    }
    if (action == "client.archive") {
        return Tr("Archived the client");
    }
    if (action == "client.restore") {
        return Tr("Restored the client from the archive");
    }
    if (action == "note.create") {
        return Tr("Wrote a session note");
    }
    if (action == "note.update") {
        return Tr("Changed a session note");
    }
    if (action == "note.sign") {
        return Tr("Signed a session note");
    }
    if (action == "note.amend") {
        return Tr("Amended a session note");
    }
    if (action == "note.delete") {
        return Tr("Deleted an unsigned session note");
    }
    if (action == "note.open") {
        return Tr("Opened a session note");
    }
    if (action == "report.client") {
        return Tr("Made the client's progress report");
    }
    if (action == "audit.export") {
        return Tr("Exported the audit log");
    }
    if (action == "export.sessions") {
        return Tr("Exported the sessions of a period");
    }
    if (action == "audit.client_report") {
        return Tr("Made this access report");
    }
    return action;
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
