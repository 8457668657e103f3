#include "common/problem_message.h"
#include "gui_test_support.h"

#include <myodesk/core/client.h>
#include <myodesk/core/validation.h>

#include <boost/test/unit_test.hpp>

#include <array>
#include <string>

using namespace myodesk;
using app::test::Utf8;
using core::ProblemCode;

namespace {

constexpr std::array kAllCodes{
    ProblemCode::kRequired,      ProblemCode::kTooLong,      ProblemCode::kInFuture,
    ProblemCode::kTooFarInPast,  ProblemCode::kInvalidEmail, ProblemCode::kInvalidPhone,
    ProblemCode::kInvalidText,   ProblemCode::kOutOfRange,   ProblemCode::kUnknownCode,
    ProblemCode::kInvalidDate,   ProblemCode::kWrongType,    ProblemCode::kNotAccepted,
    ProblemCode::kOverlaps,      ProblemCode::kLocked,       ProblemCode::kDuplicate,
    ProblemCode::kTooMany,       ProblemCode::kTooDeep,      ProblemCode::kDuplicateKey,
    ProblemCode::kInvalidNumber, ProblemCode::kInvalidJson,  ProblemCode::kTooFarInFuture,
    ProblemCode::kContradicts};

constexpr std::array<std::string_view, 12> kAllFields{core::client_field::kGivenName,
                                                      core::client_field::kFamilyName,
                                                      core::client_field::kPreferredName,
                                                      core::client_field::kDateOfBirth,
                                                      core::client_field::kPhone,
                                                      core::client_field::kEmail,
                                                      core::client_field::kAddress,
                                                      core::client_field::kEmergencyContactName,
                                                      core::client_field::kEmergencyContactPhone,
                                                      core::client_field::kPhysician,
                                                      core::client_field::kReferralSource,
                                                      core::client_field::kNotes};

std::string Lower(std::string text) {
    for (char& c : text) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return text;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(problem_message_tests)

BOOST_AUTO_TEST_CASE(every_code_gives_a_sentence_naming_the_field) {
    for (const ProblemCode code : kAllCodes) {
        for (const std::string_view field : kAllFields) {
            const core::ValidationProblem problem{std::string(field), code, 40};
            const std::string message = Utf8(app::ProblemMessage(problem));
            const std::string label = Utf8(app::FieldLabel(field));
            BOOST_TEST_CONTEXT(core::ProblemCodeName(code) << " on " << field) {
                BOOST_TEST(!label.empty());
                BOOST_TEST(label != std::string(field));  // a word, not the snake_case name
                BOOST_TEST(message.size() > label.size() + 10);
                BOOST_TEST(Lower(message).find(Lower(label)) != std::string::npos, message);
                BOOST_TEST(message.back() == '.');
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(messages_say_what_to_do) {
    using core::ValidationProblem;
    BOOST_TEST(Utf8(app::ProblemMessage(ValidationProblem{"email", ProblemCode::kInvalidEmail})) ==
               "Email: this does not look like an email address (name@example.com).");
    BOOST_TEST(
        Utf8(app::ProblemMessage(ValidationProblem{"date_of_birth", ProblemCode::kInFuture})) ==
        "Date of birth: the date is in the future.");
    BOOST_TEST(Utf8(app::ProblemMessage(ValidationProblem{"given_name", ProblemCode::kRequired})) ==
               "Given name or family name: enter at least one name.");
    BOOST_TEST(Utf8(app::ProblemMessage(ValidationProblem{"phone", ProblemCode::kTooLong, 40})) ==
               "Phone: this is too long (at most 40 characters).");
    BOOST_TEST(
        Utf8(app::ProblemMessage(ValidationProblem{"date_of_birth", ProblemCode::kTooFarInPast})) ==
        "Date of birth: the date is more than 120 years ago.");
}

// Issue 15: booking on a red-flag day and cancelling the override says why nothing was saved.
BOOST_AUTO_TEST_CASE(a_cancelled_flag_override_says_nothing_was_saved) {
    const std::string message =
        Utf8(app::ProblemMessage({"flag_override", ProblemCode::kRequired}));
    BOOST_TEST(message ==
               "Reason for overriding the flag: none was given, so nothing was saved (an "
               "absolute contraindication applies on that day).");
}

BOOST_AUTO_TEST_CASE(an_unknown_field_is_named_as_it_is) {
    const auto message =
        Utf8(app::ProblemMessage(core::ValidationProblem{"shoe_size", ProblemCode::kRequired}));
    BOOST_TEST(message.find("shoe_size") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(intake_paths_are_named_in_words) {
    const auto label = [](std::string_view path) { return Utf8(app::FieldLabel(path)); };
    BOOST_TEST(label("soreness[1].pain") == "Soreness, row 2 — pain");
    BOOST_TEST(label("avoid_regions[0].side") == "Areas to avoid, row 1 — side");
    BOOST_TEST(label("health.medications[2].name") == "Medications, row 3 — name");
    BOOST_TEST(label("health.medications[0].class") == "Medications, row 1 — kind of medication");
    BOOST_TEST(label("health.injuries[0].date") == "Injuries, row 1 — date");
    BOOST_TEST(label("health.conditions[0].region") == "Conditions on the body, row 1 — region");
    BOOST_TEST(label("runner.recent_runs[3].distance_km") == "Recent runs, row 4 — distance");
    BOOST_TEST(label("runner.goal_race.date") == "Goal race — date");
    BOOST_TEST(label("runner.longest_run_30d_km") == "Longest run in the last 30 days");
    BOOST_TEST(label("consent.accepted") == "Consent");
    BOOST_TEST(label("consent.signed_name") == "Consent — name typed by the client");
    BOOST_TEST(label("taken_on") == "Intake date");
    BOOST_TEST(label("client.email") == "Email");
    BOOST_TEST(label("soreness[1]") == "Soreness, row 2");

    BOOST_TEST(Utf8(app::ProblemMessage(
                   core::ValidationProblem{"consent.accepted", ProblemCode::kNotAccepted})) ==
               "Consent: the client must accept the consent statement, type their name and date "
               "it before the intake is saved.");
    BOOST_TEST(Utf8(app::ProblemMessage(core::ValidationProblem{
                   "soreness[1].pain", ProblemCode::kOutOfRange, 0, 0, 10})) ==
               "Soreness, row 2 — pain: enter a number from 0 to 10.");
}

BOOST_AUTO_TEST_CASE(session_note_paths_are_named_in_words) {
    const auto label = [](std::string_view path) { return Utf8(app::FieldLabel(path)); };
    BOOST_TEST(label("regions[0].pressure") == "Regions, row 1 — pressure");
    BOOST_TEST(label("regions[2].pain_before") == "Regions, row 3 — pain before");
    BOOST_TEST(label("regions[1].pain_after") == "Regions, row 2 — pain after");
    BOOST_TEST(label("techniques[1].minutes") == "Techniques, row 2 — minutes");
    BOOST_TEST(label("start_time") == "Start time");
    BOOST_TEST(label("duration_min") == "Duration");
    BOOST_TEST(label("date") == "Session date");
    BOOST_TEST(label("assessment") == "Assessment");
    BOOST_TEST(label("reason") == "Reason for the amendment");
    BOOST_TEST(label("text") == "Corrected text");

    BOOST_TEST(Utf8(app::ProblemMessage(core::ValidationProblem{
                   "regions[0].pressure", ProblemCode::kOutOfRange, 0, 1, 10})) ==
               "Regions, row 1 — pressure: enter a number from 1 to 10.");
    BOOST_TEST(
        Utf8(app::ProblemMessage(core::ValidationProblem{"start_time", ProblemCode::kOverlaps})) ==
        "Start time: the therapist or the client already has a session at that time.");
    BOOST_TEST(
        Utf8(app::ProblemMessage(core::ValidationProblem{"signed_at", ProblemCode::kLocked})) ==
        "Signature: the note is signed. Add an amendment to correct it.");
    // The caller may name the field better.
    BOOST_TEST(Utf8(app::ProblemMessage(
                   core::ValidationProblem{"regions[0].region", ProblemCode::kDuplicate},
                   "Left hamstring")) == "Left hamstring: this is listed twice.");
}

BOOST_AUTO_TEST_SUITE_END()
