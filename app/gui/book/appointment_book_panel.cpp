#include "book/appointment_book_panel.h"

#include "book/book_appointment_dialog.h"
#include "book/client_at_appointment_text.h"
#include "book/day_sheet_dialog.h"
#include "book/day_view_ctrl.h"
#include "book/hours_question.h"
#include "common/code_names.h"
#include "common/date_field.h"
#include "common/error_message.h"
#include "common/problem_message.h"
#include "common/wx_conversions.h"
#include "intake/flag_override_dialog.h"
#include "sessions/clash_message.h"

#include <myodesk/core/session_note.h>
#include <myodesk/db/errors.h>
#include <myodesk/services/client_service.h>
#include <myodesk/services/errors.h>
#include <myodesk/services/practice_setup_service.h>
#include <myodesk/services/staff_service.h>

#include <wx/button.h>
#include <wx/calctrl.h>
#include <wx/choice.h>
#include <wx/generic/calctrlg.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>

namespace myodesk::app {

namespace {

wxString WhenText(const core::Appointment& appointment) {
    return wxString::Format(
        "%s, %s%s%s", FormatReadableDate(appointment.date),
        ToWx(core::FormatClockTime(appointment.start_minute)), wxString::FromUTF8("–"),
        ToWx(core::FormatClockTime((appointment.start_minute + appointment.duration_min) %
                                   (24 * 60))));
}

// The question the desk answers before booking outside the hours.
}  // namespace

AppointmentBookPanel::AppointmentBookPanel(wxWindow* parent, services::Context& context)
    : wxPanel(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxTAB_TRAVERSAL,
              "appointment_book"),
      m_context(context),
      m_book(context),
      m_date(context.Today()),
      m_watch(this) {
    auto* previous = new wxButton(this, kIdPreviousDay, wxString::FromUTF8("◀"), wxDefaultPosition,
                                  wxDefaultSize, wxBU_EXACTFIT);
    previous->SetToolTip(_("The day before (Alt+Page Up)"));
    auto* today = new wxButton(this, kIdToday, _("&Today"));
    auto* next = new wxButton(this, kIdNextDay, wxString::FromUTF8("▶"), wxDefaultPosition,
                              wxDefaultSize, wxBU_EXACTFIT);
    next->SetToolTip(_("The day after (Alt+Page Down)"));
    m_day_title = new wxStaticText(this, wxID_ANY, wxString());
    m_day_title->SetFont(m_day_title->GetFont().Scaled(1.3f).Bold());
    m_jump = new DateField(this, "book_go_to_date");
    m_jump->SetToolTip(_("Type a day and press Enter to go to it"));
    m_jump->SetWindowStyleFlag(m_jump->GetWindowStyleFlag() | wxTE_PROCESS_ENTER);
    m_show = new wxChoice(this, kIdShow, wxDefaultPosition, wxDefaultSize, 0, nullptr, 0,
                          wxDefaultValidator, "book_show");
    m_show->SetToolTip(_("The day with every therapist or every room, or one therapist's week"));
    auto* print = new wxButton(this, kIdPrintDay, _("&Print day…"));
    print->SetToolTip(_("The day sheet: each therapist's appointments, to print or save as PDF"));
    auto* book = new wxButton(this, kIdBook, _("&Book…"));
    book->SetToolTip(_("Book the chosen free time (Enter, or a double-click on it)"));

    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    bar->Add(previous, wxSizerFlags().CentreVertical());
    bar->Add(today, wxSizerFlags().CentreVertical().Border(wxLEFT | wxRIGHT, FromDIP(4)));
    bar->Add(next, wxSizerFlags().CentreVertical());
    bar->Add(m_day_title, wxSizerFlags(1).CentreVertical().Border(wxLEFT, FromDIP(12)));
    bar->Add(new wxStaticText(this, wxID_ANY, _("&Show")),
             wxSizerFlags().CentreVertical().Border(wxRIGHT, FromDIP(4)));
    bar->Add(m_show, wxSizerFlags().CentreVertical().Border(wxRIGHT, FromDIP(12)));
    bar->Add(new wxStaticText(this, wxID_ANY, _("&Go to")),
             wxSizerFlags().CentreVertical().Border(wxRIGHT, FromDIP(4)));
    bar->Add(m_jump, wxSizerFlags().CentreVertical().Border(wxRIGHT, FromDIP(12)));
    bar->Add(print, wxSizerFlags().CentreVertical().Border(wxRIGHT, FromDIP(6)));
    bar->Add(book, wxSizerFlags().CentreVertical());

    m_view = new DayViewCtrl(this);

    auto* details = new wxPanel(this);
    m_detail_title = new wxStaticText(details, wxID_ANY, wxString());
    m_detail_title->SetFont(m_detail_title->GetFont().Scaled(1.15f).Bold());
    m_detail_text = new wxStaticText(details, wxID_ANY, wxString());
    m_detail_flag = new wxStaticText(details, wxID_ANY, wxString());
    m_detail_note = new wxStaticText(details, wxID_ANY, wxString());
    m_detail_note->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    m_arrived = new wxButton(details, kIdArrived, _("&Arrived"));
    m_completed = new wxButton(details, kIdCompleted, _("Co&mpleted"));
    m_no_show = new wxButton(details, kIdNoShow, _("&No-show"));
    // Mnemonics clear of the menu bar's (File, Edit, View, Client, Reports, Help).
    m_cancel = new wxButton(details, kIdCancel, _("Cance&l…"));
    m_move = new wxButton(details, kIdMove, _("Resched&ule…"));
    m_move->SetToolTip(
        _("Another day, time, therapist or room (or drag the appointment; drag "
          "its bottom edge to change its length)"));
    m_open = new wxButton(details, kIdOpenClient, _("&Open client"));
    auto* buttons = new wxGridSizer(2, FromDIP(wxSize(6, 6)));
    for (wxButton* button : {m_arrived, m_completed, m_no_show, m_cancel, m_move, m_open}) {
        buttons->Add(button, wxSizerFlags().Expand());
    }
    auto* details_sizer = new wxBoxSizer(wxVERTICAL);
    details_sizer->Add(m_detail_title, wxSizerFlags().Border(wxBOTTOM, FromDIP(6)));
    details_sizer->Add(m_detail_text, wxSizerFlags().Border(wxBOTTOM, FromDIP(6)));
    details_sizer->Add(m_detail_flag, wxSizerFlags().Border(wxBOTTOM, FromDIP(10)));
    details_sizer->Add(buttons, wxSizerFlags().Expand());
    details_sizer->Add(m_detail_note, wxSizerFlags().Border(wxTOP, FromDIP(10)));
    // A month to jump from: a click on a day shows it.
    m_month = new wxGenericCalendarCtrl(
        details, kIdMonth, wxDefaultDateTime, wxDefaultPosition, wxDefaultSize,
        wxCAL_MONDAY_FIRST | wxCAL_SHOW_SURROUNDING_WEEKS | wxCAL_SEQUENTIAL_MONTH_SELECTION);
    details_sizer->Add(m_month, wxSizerFlags().Centre().Border(wxTOP, FromDIP(16)));
    details->SetSizer(details_sizer);
    details->SetMinSize(wxSize(FromDIP(270), -1));

    auto* middle = new wxBoxSizer(wxHORIZONTAL);
    middle->Add(m_view, wxSizerFlags(1).Expand());
    middle->Add(details, wxSizerFlags().Expand().Border(wxLEFT, FromDIP(12)));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(bar, wxSizerFlags().Expand().Border(wxALL, FromDIP(8)));
    sizer->Add(middle, wxSizerFlags(1).Expand().Border(wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8)));
    SetSizer(sizer);

    // A step is a day, or a week when a week is shown.
    Bind(
        wxEVT_BUTTON,
        [this](wxCommandEvent&) { ShowDay(core::AddDays(m_date, m_week_of ? -7 : -1)); },
        kIdPreviousDay);
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { ShowDay(m_context.Today()); }, kIdToday);
    Bind(
        wxEVT_BUTTON,
        [this](wxCommandEvent&) { ShowDay(core::AddDays(m_date, m_week_of ? 7 : 1)); }, kIdNextDay);
    m_show->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        // The day by therapist, the day by room, then each therapist's week.
        const int chosen = m_show->GetSelection();
        m_by_room = chosen == 1;
        ShowWeekOf(
            chosen > 1 && static_cast<std::size_t>(chosen) <= m_show_choices.size() + 1
                ? std::optional<core::StaffId>(m_show_choices[static_cast<std::size_t>(chosen - 2)])
                : std::nullopt);
    });
    m_month->Bind(wxEVT_CALENDAR_SEL_CHANGED, [this](wxCalendarEvent& event) {
        const wxDateTime chosen = event.GetDate();
        ShowDay(core::Date{std::chrono::year{chosen.GetYear()},
                           std::chrono::month{static_cast<unsigned>(chosen.GetMonth()) + 1},
                           std::chrono::day{static_cast<unsigned>(chosen.GetDay())}});
    });
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { BookSelectedSlot(); }, kIdBook);
    Bind(
        wxEVT_BUTTON,
        [this](wxCommandEvent&) {
            DaySheetDialog dialog(this, m_context, m_date, m_week_of);
            dialog.ShowModal();
        },
        kIdPrintDay);
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { MarkSelected(core::AppointmentStatus::kArrived); },
        kIdArrived);
    Bind(
        wxEVT_BUTTON,
        [this](wxCommandEvent&) { MarkSelected(core::AppointmentStatus::kCompleted); },
        kIdCompleted);
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { MarkSelected(core::AppointmentStatus::kNoShow); },
        kIdNoShow);
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { CancelSelected(); }, kIdCancel);
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { MoveSelected(); }, kIdMove);
    Bind(
        wxEVT_BUTTON,
        [this](wxCommandEvent&) {
            if (const auto* entry = m_view->SelectedEntry(); entry != nullptr && m_open_client) {
                m_open_client(entry->appointment.client_id);
            }
        },
        kIdOpenClient);
    m_jump->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
        if (const auto date = m_jump->GetDate()) {
            ShowDay(*date);
        } else {
            wxBell();
        }
    });
    m_view->Bind(EVT_BOOK_SELECTION_CHANGED, [this](wxCommandEvent&) { UpdateDetails(); });
    m_view->Bind(EVT_BOOK_DROPPED, [this](wxCommandEvent&) {
        if (const auto& drop = m_view->LastDrop()) {
            MoveDropped(*drop);
        }
    });
    m_view->Bind(EVT_BOOK_ACTIVATED, [this](wxCommandEvent&) {
        if (m_view->SelectedEntry() != nullptr) {
            MoveSelected();
        } else {
            BookSelectedSlot();
        }
    });
    try {
        // From the first reading on, so a change made before the first tick is not missed.
        m_watcher = std::make_unique<db::ChangeWatcher>(m_context.Database());
    } catch (const db::DatabaseError&) {
        // The first tick tries again.
    }
    ShowDay(m_date);
    Bind(wxEVT_TIMER, &AppointmentBookPanel::OnWatchTimer, this);
    m_watch.Start(500);  // another desk's change shows within a second
}

void AppointmentBookPanel::OnWatchTimer(wxTimerEvent&) {
    try {
        if (!m_watcher) {
            // Watching again after the connection failed: what happened meanwhile is unknown.
            m_watcher = std::make_unique<db::ChangeWatcher>(m_context.Database());
            m_stale = true;
        }
        // Another desk's change is looked for even while the book is hidden, and read when
        // the book shows again.
        m_stale = m_watcher->Changed() || m_stale;
    } catch (const db::DatabaseError&) {
        m_watcher.reset();  // busy or gone for a moment: the next tick tries again
        return;
    }
    if (!m_stale || !IsShownOnScreen() || m_view->DragTarget()) {
        return;  // nothing new, or not now: the book is hidden or being dragged in
    }
    const services::BookEntry* entry = m_view->SelectedEntry();
    const std::optional<core::AppointmentKey> selected =
        entry != nullptr ? std::optional<core::AppointmentKey>(core::KeyOf(entry->appointment))
                         : std::nullopt;
    Reload();
    if (selected) {
        SelectAppointment(*selected);
    }
}

void AppointmentBookPanel::ShowDay(const core::Date& date) {
    m_date = date;
    Reload();
}

void AppointmentBookPanel::ShowWeekOf(const std::optional<core::StaffId>& therapist) {
    m_week_of = therapist;
    Reload();
}

core::Date AppointmentBookPanel::FirstDayShown() const {
    return m_week_of ? core::AddDays(m_date, -core::IsoWeekdayIndex(m_date)) : m_date;
}

void AppointmentBookPanel::FillShowChoice() {
    std::vector<core::Staff> therapists;
    m_staff_names.clear();
    for (const core::Staff& member : services::StaffService(m_context).List(true)) {
        m_staff_names[member.id] = member.name;
        if (member.active && member.role == core::StaffRole::kTherapist) {
            therapists.push_back(member);
        }
    }
    std::vector<core::StaffId> ids;
    for (const core::Staff& member : therapists) {
        ids.push_back(member.id);
    }
    if (ids != m_show_choices || m_show->GetCount() == 0) {
        m_show_choices = ids;
        m_show->Clear();
        m_show->Append(_("Day: every therapist"));
        m_show->Append(_("Day: every room"));
        for (const core::Staff& member : therapists) {
            // TRANSLATORS: the "Show" choice of the appointment book: one therapist's week
            m_show->Append(wxString::Format(_("Week: %s"), ToWx(member.name)));
        }
    }
    int selection = m_by_room ? 1 : 0;
    for (std::size_t i = 0; i < m_show_choices.size(); ++i) {
        if (m_week_of == m_show_choices[i]) {
            selection = static_cast<int>(i) + 2;
        }
    }
    m_show->SetSelection(selection);
}

void AppointmentBookPanel::Reload() {
    services::BookDay day;
    const core::Date first = FirstDayShown();
    try {
        FillShowChoice();
        day = m_week_of   ? m_book.Week(*m_week_of, first)
              : m_by_room ? m_book.RoomDay(m_date)
                          : m_book.Day(m_date);
    } catch (const db::DatabaseError& error) {
        ShowErrorMessage(this, _("The appointment book could not be read."), error);
        return;
    }
    m_stale = false;
    const core::Date today = m_context.Today();
    const wxString therapist =
        day.columns.empty() ? wxString() : ToWx(day.columns.front().therapist.name);
    m_view->SetDay(std::move(day), core::LocalMoment{today, m_context.GetClock().MinuteOfDay()});
    if (m_week_of) {
        // TRANSLATORS: "Week of 7 Dec 2026 · Ann Byrne"
        m_day_title->SetLabel(
            wxString::Format(_("Week of %s · %s"), FormatReadableDate(first), therapist));
    } else {
        const wxString weekday = NameOf(static_cast<core::Weekday>(core::IsoWeekdayIndex(m_date)));
        m_day_title->SetLabel(
            m_date == today
                ? wxString::Format(_("Today, %s %s"), weekday, FormatReadableDate(m_date))
                : wxString::Format("%s %s", weekday, FormatReadableDate(m_date)));
    }
    m_jump->SetDate(m_date);
    m_month->SetDate(
        wxDateTime(static_cast<wxDateTime::wxDateTime_t>(static_cast<unsigned>(m_date.day())),
                   static_cast<wxDateTime::Month>(static_cast<unsigned>(m_date.month()) - 1),
                   static_cast<int>(m_date.year())));
    Layout();
    UpdateDetails();
}

void AppointmentBookPanel::SelectAppointment(core::AppointmentId id) {
    m_view->SelectAppointment(id);
    UpdateDetails();
}

void AppointmentBookPanel::SelectAppointment(const core::AppointmentKey& key) {
    m_view->SelectAppointment(key);
    UpdateDetails();
}

wxString AppointmentBookPanel::DetailsText() const {
    return m_detail_title->GetLabel() + "\n" + m_detail_text->GetLabel() + "\n" +
           m_detail_flag->GetLabel() + "\n" + m_detail_note->GetLabel();
}

void AppointmentBookPanel::UpdateDetails() {
    const services::BookEntry* entry = m_view->SelectedEntry();
    const bool chosen = entry != nullptr;
    const auto status = chosen ? entry->appointment.status : core::AppointmentStatus::kBooked;
    m_arrived->Enable(chosen && core::CanChangeStatus(status, core::AppointmentStatus::kArrived));
    m_completed->Enable(chosen &&
                        core::CanChangeStatus(status, core::AppointmentStatus::kCompleted));
    m_no_show->Enable(chosen && core::CanChangeStatus(status, core::AppointmentStatus::kNoShow));
    m_cancel->Enable(chosen && core::CanChangeStatus(status, core::AppointmentStatus::kCancelled));
    m_move->Enable(chosen && status == core::AppointmentStatus::kBooked);
    m_open->Enable(chosen);
    if (!chosen) {
        const auto slot = m_view->SelectedSlot();
        if (const services::BookProposal* proposal = slot ? m_view->ProposalAt(*slot) : nullptr) {
            m_detail_title->SetLabel(ToWx(proposal->client_name));
            m_detail_text->SetLabel(wxString::Format(
                // TRANSLATORS: a ghost in the book, e.g. "Their plan proposes a 60 min session
                // on this day (Build). Press Enter or Book… to book it at 09:00 with Ann."
                _("Their plan proposes a %d min session on this day (%s).\nPress Enter or "
                  "Book… to book it at %s with %s."),
                proposal->appointment.duration_min, NameOf(proposal->phase),
                ToWx(core::FormatClockTime(proposal->appointment.start_minute)),
                ToWx(m_view->Day().columns[slot->column].therapist.name)));
            m_detail_text->Wrap(FromDIP(260));
            m_detail_flag->SetLabel(wxString());
            m_detail_note->SetLabel(wxString());
            Layout();
            return;
        }
        m_detail_title->SetLabel(slot ? _("Free time") : wxString());
        m_detail_text->SetLabel(
            slot ? wxString::Format(_("%s at %s.\nPress Enter or Book… to book it."),
                                    ColumnName(m_view->Day().columns[slot->column]),
                                    ToWx(core::FormatClockTime(slot->minute)))
                 : wxString());
        m_detail_flag->SetLabel(wxString());
        m_detail_note->SetLabel(wxString());
        Layout();
        return;
    }
    const core::Appointment& appointment = entry->appointment;
    m_detail_title->SetLabel(ToWx(entry->client_name));
    wxString text = WhenText(appointment);
    if (const auto name = m_staff_names.find(appointment.therapist_id);
        name != m_staff_names.end()) {
        text += "\n" + wxString::Format(_("With %s"), ToWx(name->second));
    }
    if (!entry->service_name.empty()) {
        text += "\n" + ToWx(entry->service_name);
    }
    if (!entry->room_name.empty()) {
        text += "\n" + wxString::Format(_("Room: %s"), ToWx(entry->room_name));
    }
    text += "\n" + wxString::Format(_("Status: %s"), NameOf(appointment.status));
    if (appointment.series_id) {
        text += "\n" + SeriesText(appointment);
    }
    if (!appointment.notes.empty()) {
        text += "\n" + ToWx(appointment.notes);
    }
    m_detail_text->SetLabel(text);
    m_detail_text->Wrap(FromDIP(260));
    // The client's banner on the appointment's day, and their last note.
    services::ClientAtAppointment client;
    try {
        client = m_book.ClientAt(appointment);
    } catch (const db::DatabaseError&) {
        // The pane says what it has; the next choice reads again.
    }
    const AppointmentBanner banner = BannerOnAppointment(client, appointment);
    const BannerColours colours =
        ColoursFor(banner.level, wxSystemSettings::GetAppearance().IsDark());
    m_detail_flag->SetBackgroundColour(banner.level == BannerLevel::kNone ? wxNullColour
                                                                          : colours.background);
    m_detail_flag->SetForegroundColour(banner.level == BannerLevel::kNone
                                           ? wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT)
                                           : colours.text);
    m_detail_flag->SetLabel(banner.text);
    m_detail_flag->Wrap(FromDIP(260));
    m_detail_note->SetLabel(LastNoteText(client.last_note, m_staff_names));
    m_detail_note->Wrap(FromDIP(260));
    Layout();
}

void AppointmentBookPanel::SaveAsking(core::Appointment& appointment,
                                      const std::optional<core::Recurrence>& repeat,
                                      services::SeriesChange change) {
    wxWindow* active = wxGetActiveWindow();
    wxWindow* parent = active != nullptr ? active : this;
    core::AppointmentSeries series;
    series.pattern = appointment;
    series.rule = repeat.value_or(core::Recurrence{});
    const bool new_series = repeat.has_value() && appointment.id == 0 && !appointment.series_id;
    const services::BookingQuestions questions =
        new_series ? m_book.Questions(series) : m_book.Questions(appointment);
    if (questions.in_past &&
        wxMessageBox(wxString::Format(_("%s has already begun. Enter it as a session given "
                                        "without a booking (a walk-in)?"),
                                      WhenText(appointment)),
                     _("Book appointment"), wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION,
                     parent) != wxYES) {
        throw db::ValidationError({{"start_time", core::ProblemCode::kTooFarInPast}});
    }
    bool outside_confirmed = false;
    if (questions.hours != core::HoursVerdict::kWithin) {
        wxString therapist;
        for (const auto& member : services::StaffService(m_context).List(true)) {
            if (member.id == appointment.therapist_id) {
                therapist = ToWx(member.name);
            }
        }
        wxString question = HoursQuestion(questions.hours, therapist);
        if (new_series && questions.hours_day.ok()) {
            // TRANSLATORS: "On 4 Dec 2026:" before the reason one appointment of a series is
            // outside the hours
            question =
                wxString::Format(_("On %s: %s"), FormatReadableDate(questions.hours_day), question);
        }
        if (wxMessageBox(question + "\n\n" + _("Book it anyway?"), _("Book appointment"),
                         wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION, parent) != wxYES) {
            throw db::ValidationError({{"start_time", core::ProblemCode::kContradicts}});
        }
        outside_confirmed = true;
    }
    const auto save = [&] {
        if (new_series) {
            series.pattern.flag_override = appointment.flag_override;
            core::AppointmentId first = 0;
            m_book.BookSeries(series, first, outside_confirmed);
            appointment = m_book.Get(first);
        } else if (appointment.id == 0 && !appointment.series_id) {
            m_book.Book(appointment, outside_confirmed);
        } else {
            m_book.Reschedule(appointment, outside_confirmed, change);
        }
    };
    try {
        save();
    } catch (const services::AbsoluteFlagError& error) {
        const core::Client client = services::ClientService(m_context).Get(appointment.client_id);
        const std::optional<std::string> reason =
            AskFlagOverride(parent, client, error.Date(), error.Flags(), _("Override and &book"));
        if (!reason) {
            throw db::ValidationError({{"flag_override", core::ProblemCode::kRequired}});
        }
        appointment.flag_override = *reason;
        save();
    }
}

wxString AppointmentBookPanel::SeriesText(const core::Appointment& appointment) {
    std::optional<core::AppointmentSeries> series;
    try {
        series = m_book.SeriesOf(appointment);
    } catch (const db::DatabaseError&) {
        // The details say what they can; the next reload reads it again.
    }
    if (!series) {
        return _("One of a series");
    }
    const core::Recurrence& rule = series->rule;
    const auto last = core::LastOccurrence(series->pattern.date, rule);
    const wxString every = rule.every_weeks == 1
                               ? wxString(_("Every week"))
                               : wxString::Format(_("Every %d weeks"), rule.every_weeks);
    // TRANSLATORS: "Every week, until 4 Mar 2027"
    return last ? wxString::Format(_("%s, until %s"), every, FormatReadableDate(*last)) : every;
}

bool AppointmentBookPanel::BookSelectedSlot() {
    BookAppointmentDialog::Choices choices;
    try {
        for (const auto& member : services::StaffService(m_context).List()) {
            if (member.role == core::StaffRole::kTherapist) {
                choices.therapists.push_back(member);
            }
        }
        services::PracticeSetupService setup(m_context);
        choices.rooms = setup.Rooms();
        choices.services = setup.Services();
    } catch (const db::DatabaseError& error) {
        ShowErrorMessage(this, _("The appointment could not be started."), error);
        return false;
    }
    if (choices.therapists.empty()) {
        wxMessageBox(_("There is nobody to book with yet. Add the clinic's therapists with Edit ▸ "
                       "Staff… first."),
                     _("Book appointment"), wxOK | wxICON_INFORMATION, this);
        return false;
    }
    core::Appointment appointment;
    appointment.date = m_date;
    appointment.therapist_id =
        m_week_of.value_or(m_context.Desk().StaffId().value_or(choices.therapists.front().id));
    wxString client_name;
    if (const auto slot = m_view->SelectedSlot()) {
        const services::BookColumn& column = m_view->Day().columns[slot->column];
        if (column.room) {
            // A room's column: that room (or none), with the desk's default therapist.
            appointment.room_id =
                column.room->id != 0 ? std::optional(column.room->id) : std::nullopt;
        } else {
            appointment.therapist_id = column.therapist.id;
        }
        appointment.date = column.date;
        appointment.start_minute = slot->minute;
        // A plan's ghost: its client, length and time, and the link to the plan.
        if (const services::BookProposal* proposal = m_view->ProposalAt(*slot)) {
            appointment = proposal->appointment;
            client_name = ToWx(proposal->client_name);
        }
    }
    BookAppointmentDialog dialog(
        this, m_context, appointment, client_name, std::move(choices),
        [this](core::Appointment& booked, const std::optional<core::Recurrence>& repeat) {
            SaveAsking(booked, repeat);
        });
    if (dialog.ShowModal() != wxID_OK) {
        return false;
    }
    ShowDay(dialog.GetAppointment().date);
    SelectAppointment(dialog.GetAppointment().id);
    return true;
}

bool AppointmentBookPanel::MarkSelected(core::AppointmentStatus status) {
    const services::BookEntry* entry = m_view->SelectedEntry();
    if (entry == nullptr) {
        return false;
    }
    // An occurrence of a series is stored by its first change: select it by its new id then.
    const core::Appointment shown = entry->appointment;
    core::AppointmentKey selected = core::KeyOf(shown);
    try {
        switch (status) {
            case core::AppointmentStatus::kArrived:
                selected = core::KeyOf(m_book.Arrive(shown));
                break;
            case core::AppointmentStatus::kCompleted: {
                const core::Appointment completed = m_book.Complete(shown);
                selected = core::KeyOf(completed);
                if (m_write_note) {
                    m_write_note(completed);  // Completed → write the note
                }
                break;
            }
            case core::AppointmentStatus::kNoShow:
                selected = core::KeyOf(m_book.NoShow(shown));
                break;
            case core::AppointmentStatus::kBooked:
                selected = core::KeyOf(m_book.Undo(shown));
                break;
            case core::AppointmentStatus::kCancelled:
            case core::AppointmentStatus::kLateCancelled:
                return CancelSelected();
        }
    } catch (const services::StatusChangeError&) {
        TellChangedElsewhere(_("Appointment book"));
    } catch (const db::DatabaseError& error) {
        ShowErrorMessage(this, _("The appointment could not be changed."), error);
    }
    Reload();
    SelectAppointment(selected);
    return true;
}

std::optional<services::SeriesChange> AppointmentBookPanel::AskWhichOccurrences(
    const core::Appointment& appointment, const wxString& title) {
    if (!appointment.series_id) {
        return services::SeriesChange::kThisOne;
    }
    wxMessageDialog ask(this,
                        _("This appointment is one of a series. Change only this one, or this "
                          "one and the ones after it?"),
                        title, wxYES_NO | wxCANCEL | wxYES_DEFAULT | wxICON_QUESTION);
    ask.SetYesNoCancelLabels(_("&Only this one"), _("This and &following"), _("&Cancel"));
    switch (ask.ShowModal()) {
        case wxID_YES:
            return services::SeriesChange::kThisOne;
        case wxID_NO:
            return services::SeriesChange::kThisAndFollowing;
        default:
            return std::nullopt;
    }
}

bool AppointmentBookPanel::CancelSelected() {
    const services::BookEntry* entry = m_view->SelectedEntry();
    if (entry == nullptr) {
        return false;
    }
    const core::Appointment shown = entry->appointment;
    const auto change = AskWhichOccurrences(shown, _("Cancel appointment"));
    if (!change) {
        return false;
    }
    wxTextEntryDialog ask(this,
                          wxString::Format(_("Why is the appointment of %s on %s cancelled?"),
                                           ToWx(entry->client_name), WhenText(entry->appointment)),
                          _("Cancel appointment"));
    while (ask.ShowModal() == wxID_OK) {
        if (ask.GetValue().Trim().Trim(false).empty()) {
            wxMessageBox(_("Say why it is cancelled: the reason is kept with the appointment."),
                         _("Cancel appointment"), wxOK | wxICON_INFORMATION, this);
            continue;
        }
        try {
            const core::Appointment cancelled =
                m_book.Cancel(shown, ToUtf8(ask.GetValue()), *change);
            if (cancelled.status == core::AppointmentStatus::kLateCancelled) {
                wxMessageBox(_("Cancelled late: within the clinic's notice window."),
                             _("Cancel appointment"), wxOK | wxICON_INFORMATION, this);
            }
        } catch (const services::RuleError& error) {
            wxMessageBox(ToWx(error.what()), _("Cancel appointment"), wxOK | wxICON_WARNING, this);
        } catch (const db::DatabaseError& error) {
            ShowErrorMessage(this, _("The appointment could not be cancelled."), error);
        }
        Reload();
        return true;
    }
    return false;
}

bool AppointmentBookPanel::MoveSelected() {
    const services::BookEntry* entry = m_view->SelectedEntry();
    if (entry == nullptr || entry->appointment.status != core::AppointmentStatus::kBooked) {
        return false;
    }
    BookAppointmentDialog::Choices choices;
    try {
        choices.therapists = services::StaffService(m_context).List();
        services::PracticeSetupService setup(m_context);
        choices.rooms = setup.Rooms(true);
        choices.services = setup.Services(true);
    } catch (const db::DatabaseError& error) {
        ShowErrorMessage(this, _("The appointment could not be read."), error);
        return false;
    }
    const auto change = AskWhichOccurrences(entry->appointment, _("Move appointment"));
    if (!change) {
        return false;
    }
    BookAppointmentDialog dialog(
        this, m_context, entry->appointment, ToWx(entry->client_name), std::move(choices),
        [this, change](core::Appointment& moved, const std::optional<core::Recurrence>&) {
            SaveAsking(moved, std::nullopt, *change);
        });
    if (dialog.ShowModal() != wxID_OK) {
        return false;
    }
    ShowDay(dialog.GetAppointment().date);
    SelectAppointment(dialog.GetAppointment().id);
    return true;
}

wxString AppointmentBookPanel::ColumnName(const services::BookColumn& column) {
    if (column.room) {
        return column.room->id != 0 ? ToWx(column.room->name) : _("No room");
    }
    return ToWx(column.therapist.name);
}

bool AppointmentBookPanel::MoveDropped(const DayViewCtrl::Drop& drop) {
    const services::BookEntry* entry = nullptr;
    for (const services::BookEntry& each : m_view->Day().entries) {
        if (core::KeyOf(each.appointment) == drop.key) {
            entry = &each;
        }
    }
    if (entry == nullptr || drop.column >= m_view->Day().columns.size() ||
        entry->appointment.status != core::AppointmentStatus::kBooked) {
        return false;
    }
    core::Appointment moved = entry->appointment;
    const services::BookColumn& column = m_view->Day().columns[drop.column];
    moved.date = column.date;
    if (column.room) {
        moved.room_id = column.room->id != 0 ? std::optional(column.room->id) : std::nullopt;
    } else {
        moved.therapist_id = column.therapist.id;
    }
    moved.start_minute = drop.start_minute;
    moved.duration_min = drop.duration_min;
    const wxString title = drop.resize ? _("Change length") : _("Move appointment");
    const auto change = AskWhichOccurrences(entry->appointment, title);
    if (!change) {
        return false;
    }
    const core::AppointmentKey key = core::KeyOf(entry->appointment);
    bool saved = false;
    try {
        SaveAsking(moved, std::nullopt, *change);
        saved = true;
    } catch (const db::ClashError& error) {
        // TRANSLATORS: the start of the message when a dragged appointment clashes
        wxMessageBox(ClashMessage(_("Not moved"), error.Other(), error.Reason()), title,
                     wxOK | wxICON_WARNING, this);
    } catch (const db::ValidationError& error) {
        wxString message;
        for (const core::ValidationProblem& problem : error.Problems()) {
            // A question the desk answered No to needs no message.
            const bool declined = problem.field == "flag_override" ||
                                  (problem.field == "start_time" &&
                                   (problem.code == core::ProblemCode::kContradicts ||
                                    problem.code == core::ProblemCode::kTooFarInPast));
            if (!declined) {
                message += (message.empty() ? "" : "\n") + ProblemMessage(problem);
            }
        }
        if (!message.empty()) {
            wxMessageBox(message, title, wxOK | wxICON_WARNING, this);
        }
    } catch (const db::ConflictError&) {
        TellChangedElsewhere(title);  // edited there since this desk read it
    } catch (const services::StatusChangeError&) {
        TellChangedElsewhere(title);  // no longer booked: arrived, cancelled… there
    } catch (const db::DatabaseError& error) {
        ShowErrorMessage(this, _("The appointment could not be moved."), error);
    }
    Reload();
    SelectAppointment(saved ? core::KeyOf(moved) : key);
    return saved;
}

void AppointmentBookPanel::TellChangedElsewhere(const wxString& title) {
    wxMessageBox(_("The appointment was changed at another desk. The book shows it as it is now."),
                 title, wxOK | wxICON_INFORMATION, this);
}

}  // namespace myodesk::app
