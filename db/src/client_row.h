#pragma once

// The `clients` row as SOCI binds it, with the search keys stored beside the client
// (client_search_keys.h): shared by ClientRepository and the demo practice writer.

#include "client_search_keys.h"
#include "row_binding.h"

#include <myodesk/core/client.h>

#include <optional>
#include <string>

namespace myodesk::db::detail {

struct ClientRow {
    long long id = 0;
    std::string given_name, family_name, preferred_name;
    Nullable<std::string> date_of_birth;
    std::string phone, email, address, emergency_contact_name, emergency_contact_phone;
    std::string physician, referral_source, notes;
    int archived = 0;
    std::string created_at, updated_at;
    int version = 1;
    SearchKeys keys;

    static ClientRow From(const core::Client& client) {
        ClientRow row;
        row.id = client.id;
        row.given_name = client.given_name;
        row.family_name = client.family_name;
        row.preferred_name = client.preferred_name;
        row.date_of_birth.Set(OptionalDate(client.date_of_birth));
        row.phone = client.phone;
        row.email = client.email;
        row.address = client.address;
        row.emergency_contact_name = client.emergency_contact_name;
        row.emergency_contact_phone = client.emergency_contact_phone;
        row.physician = client.physician;
        row.referral_source = client.referral_source;
        row.notes = client.notes;
        row.archived = client.archived ? 1 : 0;
        row.created_at = client.created_at;
        row.updated_at = client.updated_at;
        row.version = client.version;
        row.keys = KeysFor(client);
        return row;
    }

    std::optional<core::Date> DateOfBirth() const {
        const auto text = date_of_birth.Get();
        return text ? core::ParseIsoDate(*text) : std::nullopt;
    }

    core::Client ToClient() const {
        return core::Client{id,
                            given_name,
                            family_name,
                            preferred_name,
                            DateOfBirth(),
                            phone,
                            email,
                            address,
                            emergency_contact_name,
                            emergency_contact_phone,
                            physician,
                            referral_source,
                            notes,
                            archived != 0,
                            created_at,
                            updated_at,
                            version};
    }

    core::ClientSummary ToSummary() const {
        return core::ClientSummary{id,    given_name, family_name,  preferred_name, DateOfBirth(),
                                   phone, email,      archived != 0};
    }
};

// Every column of `clients` but id, in one fixed order: the INSERT's names and binds come
// from this one list.
template <typename Visit>
void VisitColumns(ClientRow& row, Visit&& visit) {
    visit("given_name", row.given_name);
    visit("family_name", row.family_name);
    visit("preferred_name", row.preferred_name);
    visit("date_of_birth", row.date_of_birth);
    visit("phone", row.phone);
    visit("email", row.email);
    visit("address", row.address);
    visit("emergency_contact_name", row.emergency_contact_name);
    visit("emergency_contact_phone", row.emergency_contact_phone);
    visit("physician", row.physician);
    visit("referral_source", row.referral_source);
    visit("notes", row.notes);
    visit("archived", row.archived);
    visit("created_at", row.created_at);
    visit("updated_at", row.updated_at);
    visit("version", row.version);
    visit("search_name", row.keys.name);
    visit("search_name_reversed", row.keys.name_reversed);
    visit("search_preferred", row.keys.preferred);
    visit("search_email", row.keys.email);
    visit("search_phone", row.keys.phone);
}

}  // namespace myodesk::db::detail
