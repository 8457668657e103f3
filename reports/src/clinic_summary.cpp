#include "report_text.h"

#include <myodesk/reports/clinic_summary.h>

#include <algorithm>
#include <tuple>
#include <utility>

namespace myodesk::reports {

ClinicSummaryBuilder::ClinicSummaryBuilder(ClinicSummaryPeriod period)
    : m_period(std::move(period)) {
    m_summary.period = m_period;
}

void ClinicSummaryBuilder::AddNotes(const std::vector<core::SessionNote>& notes) {
    const core::Date window_start = core::AddDays(m_period.from, -m_period.lapse_window_days);
    for (const auto& note : notes) {
        if (m_period.therapist && note.therapist_id != *m_period.therapist) {
            continue;
        }
        if (note.date < window_start || note.date > m_period.to) {
            continue;
        }
        if (note.date < m_period.from) {
            // The lapse window only tells who was seen before the period.
            AddSeenBefore(note.client_id, note.date);
            continue;
        }
        m_clients[note.client_id].in_period = true;
        ++m_summary.session_count;
        m_summary.total_minutes += note.duration_min;

        auto therapist = std::find_if(
            m_summary.by_therapist.begin(), m_summary.by_therapist.end(),
            [&](const TherapistSessions& row) { return row.therapist_id == note.therapist_id; });
        if (therapist == m_summary.by_therapist.end()) {
            m_summary.by_therapist.push_back({note.therapist_id, 0, 0, 0});
            therapist = std::prev(m_summary.by_therapist.end());
        }
        ++therapist->sessions;
        therapist->minutes += note.duration_min;
        m_therapist_clients[note.therapist_id].insert(note.client_id);

        // A session counts once per technique and once per region, whatever the sides: an item
        // is counted where it first appears in the note's (short) list.
        for (auto use = note.techniques.begin(); use != note.techniques.end(); ++use) {
            if (std::none_of(note.techniques.begin(), use, [&](const core::TechniqueUse& earlier) {
                    return earlier.technique == use->technique;
                })) {
                ++m_summary.technique_sessions[use->technique];
            }
        }
        for (auto work = note.regions.begin(); work != note.regions.end(); ++work) {
            if (std::none_of(note.regions.begin(), work, [&](const core::RegionWork& earlier) {
                    return earlier.region == work->region;
                })) {
                ++m_summary.region_sessions[work->region];
            }
        }

        if (!core::IsSigned(note)) {
            m_summary.unsigned_notes.push_back(
                {note.id, note.date, note.client_id, note.therapist_id});
        }
    }
}

void ClinicSummaryBuilder::AddSeenBefore(core::ClientId client, const core::Date& last_session) {
    if (last_session < core::AddDays(m_period.from, -m_period.lapse_window_days) ||
        last_session >= m_period.from) {
        return;
    }
    ClientSeen& seen = m_clients[client];
    if (!seen.last_before || *seen.last_before < last_session) {
        seen.last_before = last_session;
    }
}

void ClinicSummaryBuilder::SetNewClients(std::vector<core::ClientId> clients) {
    m_summary.new_clients = std::move(clients);
}

void ClinicSummaryBuilder::SetUpcoming(std::vector<UpcomingSession> sessions) {
    m_summary.upcoming = std::move(sessions);
}

void ClinicSummaryBuilder::AddAppointments(const std::vector<core::Appointment>& appointments) {
    for (const core::Appointment& appointment : appointments) {
        if (appointment.date < m_period.from || m_period.to < appointment.date ||
            (m_period.therapist && *m_period.therapist != appointment.therapist_id)) {
            continue;
        }
        TherapistAttendance& row = m_attendance[appointment.therapist_id];
        row.therapist_id = appointment.therapist_id;
        ++row.appointments;
        switch (appointment.status) {
            case core::AppointmentStatus::kArrived:
            case core::AppointmentStatus::kCompleted:
                ++row.attended;
                break;
            case core::AppointmentStatus::kNoShow:
                ++row.no_shows;
                break;
            case core::AppointmentStatus::kLateCancelled:
                ++row.late_cancellations;
                break;
            case core::AppointmentStatus::kCancelled:
                ++row.cancellations;
                break;
            case core::AppointmentStatus::kBooked:
                break;
        }
        if (core::HoldsSlot(appointment.status)) {
            row.booked_minutes += appointment.duration_min;
        }
    }
}

void ClinicSummaryBuilder::SetWorkingMinutes(core::StaffId therapist, int minutes) {
    if (m_period.therapist && *m_period.therapist != therapist) {
        return;
    }
    TherapistAttendance& row = m_attendance[therapist];
    row.therapist_id = therapist;
    row.working_minutes = minutes;
}

ClinicSummary ClinicSummaryBuilder::Build() const {
    ClinicSummary summary = m_summary;
    for (const auto& [therapist, row] : m_attendance) {
        if (row.appointments > 0) {  // a therapist with hours but no bookings is not listed
            summary.attendance.push_back(row);
        }
    }
    std::stable_sort(summary.attendance.begin(), summary.attendance.end(),
                     [](const TherapistAttendance& a, const TherapistAttendance& b) {
                         return b.appointments < a.appointments;
                     });
    for (auto& row : summary.by_therapist) {
        const auto clients = m_therapist_clients.find(row.therapist_id);
        row.clients =
            clients == m_therapist_clients.end() ? 0 : static_cast<int>(clients->second.size());
    }
    std::sort(summary.by_therapist.begin(), summary.by_therapist.end(),
              [](const TherapistSessions& a, const TherapistSessions& b) {
                  return std::tie(b.sessions, a.therapist_id) <
                         std::tie(a.sessions, b.therapist_id);
              });
    summary.active_clients = 0;
    summary.lapsed_clients.clear();
    for (const auto& [client, seen] : m_clients) {
        if (seen.in_period) {
            ++summary.active_clients;
        } else if (seen.last_before) {
            summary.lapsed_clients.push_back({client, *seen.last_before});
        }
    }
    std::sort(summary.lapsed_clients.begin(), summary.lapsed_clients.end(),
              [](const LapsedClient& a, const LapsedClient& b) {
                  return std::tie(a.last_session, a.client_id) <
                         std::tie(b.last_session, b.client_id);
              });
    std::sort(summary.unsigned_notes.begin(), summary.unsigned_notes.end(),
              [](const UnsignedNote& a, const UnsignedNote& b) {
                  return std::tie(a.date, a.id) < std::tie(b.date, b.id);
              });
    std::stable_sort(summary.upcoming.begin(), summary.upcoming.end(),
                     [](const UpcomingSession& a, const UpcomingSession& b) {
                         return std::tie(a.date, a.client_id) < std::tie(b.date, b.client_id);
                     });
    return summary;
}

namespace {

std::string ClientName(const ClinicSummaryNames& names, core::ClientId id) {
    const auto found = names.clients.find(id);
    if (found != names.clients.end() && !found->second.empty()) {
        return found->second;
    }
    // TRANSLATORS: a client whose name is not known: "Client #42".
    return Format(Tr("Client #{}"), id);
}

std::string StaffName(const ClinicSummaryNames& names, core::StaffId id) {
    const auto found = names.staff.find(id);
    if (found != names.staff.end() && !found->second.empty()) {
        return found->second;
    }
    // TRANSLATORS: a therapist whose name is not known: "Therapist #3".
    return Format(Tr("Therapist #{}"), id);
}

// Minutes as hours with one decimal: "12.5".
std::string Hours(int minutes) {
    return fmt::format("{:.1f}", static_cast<double>(minutes) / 60.0);
}

std::string PeriodText(const ClinicSummaryPeriod& period, const ReportLocale& locale) {
    // TRANSLATORS: a period: "1 Oct 2026 – 31 Dec 2026".
    return Format(Tr("{0} – {1}"), locale.Date(period.from), locale.Date(period.to));
}

// Bars in order of their value, largest first (ties in the map's order).
template <typename Key, typename Label>
std::vector<Bar> SortedBars(const std::map<Key, int>& counts, Label label, int total) {
    std::vector<std::pair<Key, int>> items(counts.begin(), counts.end());
    std::stable_sort(items.begin(), items.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<Bar> bars;
    for (const auto& [key, count] : items) {
        if (count <= 0) {
            continue;
        }
        std::string value_text = std::to_string(count);
        if (total > 0) {
            const double percent = 100.0 * count / total;
            // TRANSLATORS: a count and its share of the sessions: "12 (35%)".
            value_text = Format(Tr("{0} ({1:.0f}%)"), count, percent);
        }
        bars.push_back({label(key), static_cast<double>(count), std::move(value_text)});
    }
    return bars;
}

// A list of clients or notes, cut to the first kClinicSummaryListedRows rows: the printed
// summary stays a few pages for a busy clinic, and the CSV export lists every row.
void AddListTable(Table table, std::vector<Block>& blocks) {
    const std::size_t total = table.rows.size();
    if (total > kClinicSummaryListedRows) {
        table.rows.resize(kClinicSummaryListedRows);
    }
    blocks.push_back(std::move(table));
    if (total > kClinicSummaryListedRows) {
        // TRANSLATORS: under a cut list of the clinic summary; {} is how many rows were left out.
        blocks.push_back(Paragraph{Format(Tr("… and {} more: the CSV export lists them all."),
                                          total - kClinicSummaryListedRows),
                                   ParagraphStyle::kSmall});
    }
}

void AddKeyFigures(const ClinicSummary& summary, std::vector<Block>& blocks) {
    blocks.push_back(Heading{Tr("Key figures")});
    FactList figures;
    figures.facts.emplace_back(Tr("Sessions"), std::to_string(summary.session_count));
    figures.facts.emplace_back(Tr("Hours of treatment"), Hours(summary.total_minutes));
    figures.facts.emplace_back(Tr("Active clients"), std::to_string(summary.active_clients));
    figures.facts.emplace_back(Tr("New clients"), std::to_string(summary.new_clients.size()));
    figures.facts.emplace_back(Tr("Lapsed clients"), std::to_string(summary.lapsed_clients.size()));
    figures.facts.emplace_back(Tr("Unsigned notes"), std::to_string(summary.unsigned_notes.size()));
    figures.facts.emplace_back(Tr("Planned sessions ahead"),
                               std::to_string(summary.upcoming.size()));
    blocks.push_back(std::move(figures));
}

// A table of the therapists' sessions, hours and clients, and a bar chart of their sessions.
void AddSessionsByTherapist(const ClinicSummary& summary, const ClinicSummaryNames& names,
                            std::vector<Block>& blocks) {
    blocks.push_back(Heading{Tr("Sessions by therapist")});
    Table therapists;
    therapists.columns = {{Tr("Therapist"), 3.0, Align::kLeft},
                          {Tr("Sessions"), 1.0, Align::kRight},
                          {Tr("Hours"), 1.0, Align::kRight},
                          {Tr("Clients"), 1.0, Align::kRight}};
    therapists.empty_text = Tr("No sessions in this period");
    BarChart therapist_chart;
    therapist_chart.title = Tr("Sessions by therapist");
    therapist_chart.empty_text = therapists.empty_text;
    for (const auto& row : summary.by_therapist) {
        const std::string name = StaffName(names, row.therapist_id);
        therapists.rows.push_back(
            {name, std::to_string(row.sessions), Hours(row.minutes), std::to_string(row.clients)});
        therapist_chart.bars.push_back(
            {name, static_cast<double>(row.sessions), std::to_string(row.sessions)});
    }
    blocks.push_back(std::move(therapists));
    blocks.push_back(std::move(therapist_chart));
}

// A count and its share: "3 (4%)"; the count alone when there is nothing to share.
std::string CountAndShare(int count, int total) {
    if (total <= 0) {
        return std::to_string(count);
    }
    return Format(Tr("{0} ({1:.0f}%)"), count, 100.0 * count / total);
}

// Attended, no-shows and late cancellations per therapist, with their rates among the
// appointments that were due (attended, missed or cancelled late), and the booked share of
// the working hours.
void AddAttendance(const ClinicSummary& summary, const ClinicSummaryNames& names,
                   std::vector<Block>& blocks) {
    blocks.push_back(Heading{Tr("Appointments")});
    blocks.push_back(Paragraph{
        Tr("Rates are of the appointments that were due: attended, no-show or cancelled late. "
           "Utilisation is the time booked over the time worked (the hours set for each "
           "therapist, days off left out)."),
        ParagraphStyle::kSmall});
    Table table;
    table.columns = {
        {Tr("Therapist"), 2.6, Align::kLeft},           {Tr("Booked"), 1.0, Align::kRight},
        {Tr("Attended"), 1.3, Align::kRight},           {Tr("No-shows"), 1.3, Align::kRight},
        {Tr("Late cancellations"), 1.5, Align::kRight}, {Tr("Utilisation"), 1.2, Align::kRight}};
    table.empty_text = Tr("No appointments in this period");
    for (const auto& row : summary.attendance) {
        const int due = row.attended + row.no_shows + row.late_cancellations;
        table.rows.push_back(
            {StaffName(names, row.therapist_id), std::to_string(row.appointments),
             CountAndShare(row.attended, due), CountAndShare(row.no_shows, due),
             CountAndShare(row.late_cancellations, due),
             row.working_minutes > 0
                 ? Format(Tr("{:.0f}%"), 100.0 * row.booked_minutes / row.working_minutes)
                 : std::string(Tr("no hours set"))});
    }
    blocks.push_back(std::move(table));
}

// The techniques used and the regions worked, as shares of the sessions.
void AddTechniquesAndRegions(const ClinicSummary& summary, std::vector<Block>& blocks) {
    blocks.push_back(Heading{Tr("Technique mix")});
    BarChart techniques;
    techniques.title = Tr("Sessions using each technique");
    techniques.empty_text = Tr("No sessions in this period");
    techniques.bars = SortedBars(
        summary.technique_sessions,
        [](core::Technique technique) { return TechniqueName(technique); }, summary.session_count);
    blocks.push_back(std::move(techniques));
    blocks.push_back(Paragraph{Tr("A session that used several techniques counts once for each, "
                                  "so the shares can add up to more than 100%."),
                               ParagraphStyle::kSmall});

    // Regions treated.
    blocks.push_back(Heading{Tr("Regions treated")});
    BarChart regions;
    regions.title = Tr("Sessions working each region");
    regions.empty_text = Tr("No sessions in this period");
    regions.bars = SortedBars(
        summary.region_sessions, [](core::Region region) { return RegionName(region); }, 0);
    blocks.push_back(std::move(regions));
}

// The new clients, and the lapsed ones with their last session.
void AddClientLists(const ClinicSummary& summary, const ClinicSummaryNames& names,
                    const ReportLocale& locale, std::vector<Block>& blocks) {
    const ClinicSummaryPeriod& period = summary.period;
    blocks.push_back(Heading{Tr("New clients")});
    Table new_clients;
    new_clients.columns = {{Tr("Client"), 1.0, Align::kLeft}};
    new_clients.empty_text = Tr("No new clients in this period");
    for (const auto client : summary.new_clients) {
        new_clients.rows.push_back({ClientName(names, client)});
    }
    AddListTable(std::move(new_clients), blocks);

    blocks.push_back(Heading{Tr("Lapsed clients")});
    // TRANSLATORS: explains the lapsed clients table; {} is a number of days (90).
    blocks.push_back(Paragraph{Format(Tr("Seen in the {} days before the period, but not in it."),
                                      period.lapse_window_days),
                               ParagraphStyle::kSmall});
    Table lapsed;
    lapsed.columns = {{Tr("Client"), 3.0, Align::kLeft},
                      {Tr("Last session"), 1.5, Align::kLeft},
                      {Tr("Days since"), 1.0, Align::kRight}};
    lapsed.empty_text = Tr("No lapsed clients");
    for (const auto& client : summary.lapsed_clients) {
        lapsed.rows.push_back(
            {ClientName(names, client.client_id), locale.Date(client.last_session),
             std::to_string(core::DaysBetween(client.last_session, period.today))});
    }
    AddListTable(std::move(lapsed), blocks);
}

// The planned sessions ahead and the notes still to be signed.
void AddSessionLists(const ClinicSummary& summary, const ClinicSummaryNames& names,
                     const ReportLocale& locale, std::vector<Block>& blocks) {
    blocks.push_back(Heading{Tr("Planned sessions ahead")});
    Table upcoming;
    upcoming.columns = {{Tr("Date"), 1.5, Align::kLeft},
                        {Tr("Time"), 0.8, Align::kLeft},
                        {Tr("Client"), 2.6, Align::kLeft},
                        {Tr("Therapist"), 2.0, Align::kLeft},
                        {Tr("Status"), 1.0, Align::kLeft}};
    upcoming.empty_text = Tr("No sessions planned ahead");
    for (const auto& session : summary.upcoming) {
        upcoming.rows.push_back(
            {locale.Date(session.date),
             session.start_minute ? core::FormatClockTime(*session.start_minute) : std::string(),
             ClientName(names, session.client_id),
             session.therapist_id ? StaffName(names, *session.therapist_id) : std::string(),
             PlannedSessionStatusName(session.status)});
    }
    AddListTable(std::move(upcoming), blocks);

    // Unsigned notes.
    blocks.push_back(Heading{Tr("Unsigned notes")});
    Table unsigned_notes;
    unsigned_notes.columns = {{Tr("Date"), 1.5, Align::kLeft},
                              {Tr("Client"), 3.0, Align::kLeft},
                              {Tr("Therapist"), 2.0, Align::kLeft}};
    unsigned_notes.empty_text = Tr("Every note in the period is signed");
    for (const auto& note : summary.unsigned_notes) {
        unsigned_notes.rows.push_back({locale.Date(note.date), ClientName(names, note.client_id),
                                       StaffName(names, note.therapist_id)});
    }
    AddListTable(std::move(unsigned_notes), blocks);
}

}  // namespace

Document ClinicSummaryDocument(const ClinicSummary& summary, const ClinicSummaryNames& names,
                               const core::ClinicDetails& clinic, const ReportLocale& locale) {
    const ClinicSummaryPeriod& period = summary.period;
    Document document;
    document.letterhead = MakeLetterhead(clinic);
    document.title = Tr("Clinic summary");
    document.subtitle = PeriodText(period, locale);
    if (period.therapist) {
        // TRANSLATORS: the period and the therapist the summary is for: "1 Oct 2026 – 31 Dec
        // 2026 — Máire Ní Dhomhnaill".
        document.subtitle =
            Format(Tr("{0} — {1}"), document.subtitle, StaffName(names, *period.therapist));
    }
    auto& blocks = document.blocks;

    AddKeyFigures(summary, blocks);
    AddSessionsByTherapist(summary, names, blocks);
    AddAttendance(summary, names, blocks);
    AddTechniquesAndRegions(summary, blocks);
    AddClientLists(summary, names, locale, blocks);
    AddSessionLists(summary, names, locale, blocks);

    // TRANSLATORS: the footer of the clinic summary: "Clinic summary 1 Oct 2026 – 31 Dec 2026".
    document.footer_text = Format(Tr("Clinic summary {}"), PeriodText(period, locale));
    document.printed_text = PrintedText(period.today, locale);
    document.page_format = PageFormat();
    return document;
}

std::vector<std::string> ClinicSummaryTableHeader() {
    return {"section", "item", "value", "id", "date", "minutes", "clients", "therapist", "status"};
}

std::vector<Row> ClinicSummaryTableRows(const ClinicSummary& summary,
                                        const ClinicSummaryNames& names) {
    // Machine-readable: codes rather than translated names, ISO dates, whole numbers as numbers.
    std::vector<Row> rows;
    const auto row = [&rows](std::string section, std::string item) -> Row& {
        Row& added = rows.emplace_back(ClinicSummaryTableHeader().size());
        added[0] = std::move(section);
        added[1] = std::move(item);
        return added;
    };
    const auto number = [](auto value) { return Cell(static_cast<std::int64_t>(value)); };

    row("totals", "sessions")[2] = number(summary.session_count);
    row("totals", "minutes")[2] = number(summary.total_minutes);
    row("totals", "active_clients")[2] = number(summary.active_clients);
    row("totals", "new_clients")[2] = number(summary.new_clients.size());
    row("totals", "lapsed_clients")[2] = number(summary.lapsed_clients.size());
    row("totals", "unsigned_notes")[2] = number(summary.unsigned_notes.size());
    row("totals", "upcoming_sessions")[2] = number(summary.upcoming.size());

    for (const auto& therapist : summary.by_therapist) {
        Row& added = row("therapists", StaffName(names, therapist.therapist_id));
        added[2] = number(therapist.sessions);
        added[3] = number(therapist.therapist_id);
        added[5] = number(therapist.minutes);
        added[6] = number(therapist.clients);
    }
    for (const auto& attendance : summary.attendance) {
        const std::string therapist = StaffName(names, attendance.therapist_id);
        const auto add = [&](const char* item, int value) {
            Row& added = row("attendance", item);
            added[2] = number(value);
            added[3] = number(attendance.therapist_id);
            added[7] = therapist;
        };
        add("appointments", attendance.appointments);
        add("attended", attendance.attended);
        add("no_shows", attendance.no_shows);
        add("late_cancellations", attendance.late_cancellations);
        add("cancellations", attendance.cancellations);
        Row& booked = row("attendance", "booked_minutes");
        booked[3] = number(attendance.therapist_id);
        booked[5] = number(attendance.booked_minutes);
        booked[7] = therapist;
        Row& working = row("attendance", "working_minutes");
        working[3] = number(attendance.therapist_id);
        working[5] = number(attendance.working_minutes);
        working[7] = therapist;
    }
    for (const auto& [technique, count] : summary.technique_sessions) {
        row("techniques", std::string(core::ToCode(technique)))[2] = number(count);
    }
    for (const auto& [region, count] : summary.region_sessions) {
        row("regions", std::string(core::ToCode(region)))[2] = number(count);
    }
    for (const auto client : summary.new_clients) {
        Row& added = row("clients", ClientName(names, client));
        added[3] = number(client);
        added[8] = std::string("new");
    }
    for (const auto& client : summary.lapsed_clients) {
        Row& added = row("clients", ClientName(names, client.client_id));
        added[2] = number(core::DaysBetween(client.last_session, summary.period.today));
        added[3] = number(client.client_id);
        added[4] = core::FormatIsoDate(client.last_session);
        added[8] = std::string("lapsed");
    }
    for (const auto& note : summary.unsigned_notes) {
        Row& added = row("unsigned_notes", ClientName(names, note.client_id));
        added[3] = number(note.client_id);
        added[4] = core::FormatIsoDate(note.date);
        added[7] = StaffName(names, note.therapist_id);
        added[8] = std::string("unsigned");
    }
    for (const auto& session : summary.upcoming) {
        Row& added = row("upcoming", ClientName(names, session.client_id));
        added[3] = number(session.client_id);
        added[4] = core::FormatIsoDate(session.date);
        if (session.therapist_id) {
            added[7] = StaffName(names, *session.therapist_id);
        }
        added[8] = std::string(core::ToCode(session.status));
    }
    return rows;
}

}  // namespace myodesk::reports
