#pragma once

#include <myodesk/core/session_slot.h>
#include <myodesk/db/database.h>
#include <myodesk/db/errors.h>

#include <string>
#include <vector>

namespace myodesk::db {

// A note or an appointment with the names people know it by, for saying which session a new
// one clashes with.
struct BookedSession {
    core::SessionSlot slot;
    std::string therapist_name;
    std::string client_name;  // core::DisplayName
    friend bool operator==(const BookedSession&, const BookedSession&) = default;
};

// The session could not be saved or booked: the therapist or the client already has
// `Other()` at an overlapping time (core::Clashes). A ValidationError of field "start_time",
// kOverlaps, so a form marks the start time; nothing was written.
class ClashError : public ValidationError {
  public:
    explicit ClashError(BookedSession other);
    const BookedSession& Other() const { return m_other; }

  private:
    BookedSession m_other;
};

// The notes and appointments of `therapist` or of `client` on `date`, by start time (notes
// before appointments at the same start).
std::vector<BookedSession> SessionsOnDay(Database& database, const core::Date& date,
                                         core::StaffId therapist, core::ClientId client);

}  // namespace myodesk::db
