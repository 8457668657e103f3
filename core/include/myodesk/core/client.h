#pragma once

#include <myodesk/core/date.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace myodesk::core {

using ClientId = std::int64_t;

// A client record. Timestamps and version are set by storage; id 0 means "not saved yet".
struct Client {
    ClientId id = 0;
    std::string given_name;
    std::string family_name;
    std::string preferred_name;
    std::optional<Date> date_of_birth;
    std::string phone;
    std::string email;
    std::string address;
    std::string emergency_contact_name;
    std::string emergency_contact_phone;
    std::string physician;
    std::string referral_source;
    std::string notes;
    bool archived = false;
    std::string created_at;  // ISO 8601 UTC, e.g. 2026-11-20T09:15:00Z
    std::string updated_at;
    int version = 0;  // bumped by every saved change; guards against overwriting another desk

    friend bool operator==(const Client&, const Client&) = default;
};

// What a list row shows: the searchable fields, without the long free text.
struct ClientSummary {
    ClientId id = 0;
    std::string given_name;
    std::string family_name;
    std::string preferred_name;
    std::optional<Date> date_of_birth;
    std::string phone;
    std::string email;
    bool archived = false;

    friend bool operator==(const ClientSummary&, const ClientSummary&) = default;
};

// "Given Family", or "Given “Preferred” Family" when a different preferred name is set.
template <typename Person>
std::string DisplayName(const Person& person);

// The field names used in validation problems and JSON (the model's names in snake_case).
namespace client_field {
inline constexpr std::string_view kGivenName = "given_name";
inline constexpr std::string_view kFamilyName = "family_name";
inline constexpr std::string_view kPreferredName = "preferred_name";
inline constexpr std::string_view kDateOfBirth = "date_of_birth";
inline constexpr std::string_view kPhone = "phone";
inline constexpr std::string_view kEmail = "email";
inline constexpr std::string_view kAddress = "address";
inline constexpr std::string_view kEmergencyContactName = "emergency_contact_name";
inline constexpr std::string_view kEmergencyContactPhone = "emergency_contact_phone";
inline constexpr std::string_view kPhysician = "physician";
inline constexpr std::string_view kReferralSource = "referral_source";
inline constexpr std::string_view kNotes = "notes";
}  // namespace client_field

// Most characters (code points) each text field accepts.
struct ClientLimits {
    static constexpr std::size_t kName = 100;
    static constexpr std::size_t kPhone = 40;
    static constexpr std::size_t kEmail = 254;
    static constexpr std::size_t kAddress = 500;
    static constexpr std::size_t kContactName = 200;
    static constexpr std::size_t kPhysician = 200;
    static constexpr std::size_t kReferralSource = 200;
    static constexpr std::size_t kNotes = 50000;
    static constexpr int kMaxAgeYears = 120;
};

}  // namespace myodesk::core
