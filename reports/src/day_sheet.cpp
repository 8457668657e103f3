#include "report_text.h"

#include <myodesk/core/date.h>
#include <myodesk/core/working_hours.h>
#include <myodesk/reports/day_sheet.h>
#include <myodesk/vocabulary/words.h>

namespace myodesk::reports {

namespace {

std::string TimeSpan(int start_minute, int duration_min) {
    constexpr int kMinutesPerDay = 24 * 60;
    return core::FormatClockTime(start_minute) + "–" +
           core::FormatClockTime((start_minute + duration_min) % kMinutesPerDay);
}

std::string FlagText(DaySheetAppointment::Flag flag) {
    switch (flag) {
        case DaySheetAppointment::Flag::kAbsolute:
            return Tr("Contraindication: no massage, refer");
        case DaySheetAppointment::Flag::kCaution:
            return Tr("Contraindication: see the intake");
        case DaySheetAppointment::Flag::kNone:
            break;
    }
    return {};
}

void AddTherapist(const DaySheetTherapist& therapist, std::vector<Block>& blocks) {
    blocks.emplace_back(Heading{therapist.name, 1});
    std::string hours = therapist.hours;
    if (therapist.day_off) {
        hours = Tr("Day off");
    } else if (hours.empty()) {
        hours = Tr("Not working");
    }
    const std::size_t count = therapist.appointments.size();
    // TRANSLATORS: how many appointments a therapist has on the day sheet
    const std::string booked =
        count == 1 ? Tr("1 appointment") : Format(Tr("{} appointments"), count);
    // TRANSLATORS: under the therapist's name on the day sheet: "Hours: 09:00–13:00 · 3
    // appointments"
    blocks.emplace_back(
        Paragraph{Format(Tr("Hours: {0} · {1}"), hours, booked), ParagraphStyle::kSmall});
    Table table;
    table.columns = {{Tr("Time"), 1.3, Align::kLeft},
                     {Tr("Client"), 2.2, Align::kLeft},
                     {Tr("Service and room"), 2.2, Align::kLeft},
                     {Tr("Status"), 1.2, Align::kLeft},
                     {Tr("Flags and notes"), 3.0, Align::kLeft}};
    table.empty_text = Tr("No appointments");
    for (const DaySheetAppointment& appointment : therapist.appointments) {
        std::string time = TimeSpan(appointment.start_minute, appointment.duration_min);
        if (appointment.in_series) {
            time += "\n" + Tr("repeats");  // one of a series
        }
        std::string where = appointment.service;
        if (!appointment.room.empty()) {
            where += (where.empty() ? "" : "\n") + appointment.room;
        }
        std::string remarks = FlagText(appointment.flag);
        if (!appointment.notes.empty()) {
            remarks += (remarks.empty() ? "" : "\n") + appointment.notes;
        }
        table.rows.push_back({std::move(time), appointment.client, std::move(where),
                              appointment.status.empty() ? Tr("Booked") : appointment.status,
                              std::move(remarks)});
    }
    blocks.emplace_back(std::move(table));
}

}  // namespace

Document DaySheetDocument(const DaySheet& sheet, const core::ClinicDetails& clinic,
                          const ReportLocale& locale) {
    Document document;
    document.letterhead = MakeLetterhead(clinic);
    document.title = Tr("Day sheet");
    // TRANSLATORS: the day of the day sheet: "Monday 7 Dec 2026"
    document.subtitle =
        Format(Tr("{0} {1}"),
               vocabulary::NameOf(static_cast<core::Weekday>(core::IsoWeekdayIndex(sheet.date))),
               locale.Date(sheet.date));
    auto& blocks = document.blocks;
    if (sheet.therapists.empty()) {
        blocks.emplace_back(Paragraph{Tr("Nobody works on this day and nothing is booked."),
                                      ParagraphStyle::kNormal});
    }
    for (std::size_t i = 0; i < sheet.therapists.size(); ++i) {
        if (i > 0 && sheet.page_per_therapist) {
            blocks.emplace_back(PageBreak{});
        }
        AddTherapist(sheet.therapists[i], blocks);
    }
    // TRANSLATORS: the footer of the day sheet: "Day sheet 7 Dec 2026".
    document.footer_text = Format(Tr("Day sheet {}"), locale.Date(sheet.date));
    document.printed_text = PrintedText(sheet.today, locale);
    document.page_format = PageFormat();
    return document;
}

}  // namespace myodesk::reports
