#include "soci_session.h"
#include "test_database.h"

#include <myodesk/core/text.h>
#include <myodesk/db/client_repository.h>
#include <myodesk/db/errors.h>

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>
#include <soci/soci.h>

#include <algorithm>
#include <set>
#include <tuple>

using namespace myodesk;
using core::Client;
using db::ArchiveFilter;
using db::ClientQuery;
using db::ClientRepository;

namespace {

Client MakeClient(std::string given, std::string family) {
    Client client;
    client.given_name = std::move(given);
    client.family_name = std::move(family);
    return client;
}

Client FullClient() {
    Client client;
    client.given_name = "Siobhán";
    client.family_name = "O'Brien";
    client.preferred_name = "Shiv";
    client.date_of_birth = core::ParseIsoDate("1988-02-29");
    client.phone = "+353 (0)1 555 0142";
    client.email = "siobhan.obrien@example.ie";
    client.address = "12 Quay Street\nGalway H91 X2Y3\nIreland";
    client.emergency_contact_name = "Pádraig O'Brien";
    client.emergency_contact_phone = "+353 87 555 0199";
    client.physician = "Dr. Aoife Ní Bhriain";
    client.referral_source = "Galway Harriers";
    client.notes = "Training for Dublin Marathon; prefers firm pressure on calves.";
    return client;
}

std::vector<std::string> FamilyNames(const std::vector<core::ClientSummary>& rows) {
    std::vector<std::string> names;
    for (const auto& row : rows) {
        names.push_back(row.family_name);
    }
    return names;
}

std::int64_t Matches(ClientRepository& clients, std::string text) {
    return clients.CountMatching(ClientQuery{std::move(text), ArchiveFilter::kActive});
}

// A fixed clock so timestamps are predictable.
db::TimePoint FixedNow() {
    return std::chrono::sys_days{std::chrono::year{2026} / 11 / 20} + std::chrono::hours{9};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(client_repository_tests)

MYODESK_DB_TEST(adds_and_reads_back_every_field) {
    auto database = test_db.Open();
    ClientRepository clients(database, FixedNow);
    Client client = FullClient();
    const auto id = clients.Add(client);
    BOOST_TEST(id > 0);
    BOOST_TEST(client.id == id);
    BOOST_TEST(client.version == 1);
    BOOST_TEST(client.created_at == "2026-11-20T09:00:00Z");
    BOOST_TEST(client.updated_at == "2026-11-20T09:00:00Z");

    const auto stored = clients.Get(id);
    BOOST_REQUIRE(stored);
    BOOST_TEST((*stored == client));
    BOOST_TEST(!clients.Get(id + 1000).has_value());
}

MYODESK_DB_TEST(missing_date_of_birth_stays_missing) {
    auto database = test_db.Open();
    ClientRepository clients(database);
    Client client = MakeClient("Ann", "Smith");
    clients.Add(client);
    BOOST_TEST(!clients.Get(client.id)->date_of_birth.has_value());
    const auto rows = clients.Search({}, 0, 10);
    BOOST_REQUIRE(rows.size() == 1u);
    BOOST_TEST(!rows[0].date_of_birth.has_value());
}

MYODESK_DB_TEST(hard_names_and_long_notes_round_trip_unchanged) {
    auto database = test_db.Open();
    ClientRepository clients(database);
    const std::vector<std::pair<std::string, std::string>> names{
        {"Conor", "O'Brien"}, {"Robert'); DROP TABLE clients;--", "Tables"},
        {"Zoë", "Ångström"},  {"小龙", "李"},
        {"李小龙", ""},       {"\"Quoted\"", "Back\\slash %_ wild"},
    };
    std::vector<core::ClientId> ids;
    for (const auto& [given, family] : names) {
        Client client = MakeClient(given, family);
        client.notes = std::string(9995, 'x') + "ĀŁ李🏃\n";  // 10,000 characters in all
        BOOST_TEST(core::Utf8Length(client.notes) == 10000u);
        ids.push_back(clients.Add(client));
    }
    for (std::size_t i = 0; i < names.size(); ++i) {
        const auto stored = clients.Get(ids[i]);
        BOOST_REQUIRE(stored);
        BOOST_TEST(stored->given_name == names[i].first);
        BOOST_TEST(stored->family_name == names[i].second);
        BOOST_TEST(stored->notes == std::string(9995, 'x') + "ĀŁ李🏃\n");
    }
    BOOST_TEST(clients.Count() == static_cast<std::int64_t>(names.size()));

    // Search finds them the way a therapist types.
    BOOST_TEST(Matches(clients, "o'b") == 1);
    BOOST_TEST(Matches(clients, "Robert');") == 1);
    BOOST_TEST(Matches(clients, "zoe") == 1);
    BOOST_TEST(Matches(clients, "ZOË ÅNG") == 1);
    BOOST_TEST(Matches(clients, "angstrom") == 1);
    BOOST_TEST(Matches(clients, "李") == 2);
    BOOST_TEST(Matches(clients, "李小") == 1);
    BOOST_TEST(Matches(clients, "%") == 0);  // wildcards are plain characters
    BOOST_TEST(Matches(clients, "_") == 0);
    BOOST_TEST(Matches(clients, "back\\slash %_") == 1);
    BOOST_TEST(Matches(clients, "\"quoted\"") == 1);
}

MYODESK_DB_TEST(searches_by_name_prefix_phone_and_email) {
    auto database = test_db.Open();
    ClientRepository clients(database);
    Client ann = MakeClient("Ann", "Smith");
    ann.phone = "+44 20 7946 0958";
    ann.email = "ann.smith@example.com";
    Client annette = MakeClient("Annette", "Jones");
    annette.preferred_name = "Netta";
    Client bob = MakeClient("Bob", "Annan");
    bob.email = "runner.bob@example.org";
    clients.Add(ann);
    clients.Add(annette);
    clients.Add(bob);

    BOOST_TEST(Matches(clients, "") == 3);
    BOOST_TEST(Matches(clients, "ann") == 3);  // Ann, Annette (given) and Annan (family)
    BOOST_TEST(Matches(clients, "  ann   sm ") == 1);
    BOOST_TEST(Matches(clients, "smith a") == 1);
    BOOST_TEST(Matches(clients, "netta") == 1);
    BOOST_TEST(Matches(clients, "runner.b") == 1);
    BOOST_TEST(Matches(clients, "ANN.SMITH@") == 1);
    BOOST_TEST(Matches(clients, "44 20 79") == 1);
    BOOST_TEST(Matches(clients, "+4420") == 1);
    BOOST_TEST(Matches(clients, "0958") == 0);  // phone numbers match from the start
    BOOST_TEST(Matches(clients, "zz") == 0);

    // In the order of the names as they matched: "ann smith", "annan bob", "annette jones".
    const auto rows = clients.Search({"ann", ArchiveFilter::kActive}, 0, 10);
    BOOST_TEST((FamilyNames(rows) == std::vector<std::string>{"Smith", "Annan", "Jones"}));
}

MYODESK_DB_TEST(typed_search_lists_names_then_email_then_phone_each_client_once) {
    auto database = test_db.Open();
    ClientRepository clients(database);
    Client jo = MakeClient("Jo", "Zimmer");  // name and email match "jo": listed once, by name
    jo.email = "jo.zimmer@example.org";
    Client jones = MakeClient("Zak", "Jones");  // family name first: "jones zak"
    Client joe = MakeClient("Joe", "Adams");
    joe.preferred_name = "Joe";  // the same as the given name: not a second key
    Client shiv = MakeClient("Siobhán", "Ní Bhriain");
    shiv.preferred_name = "Jojo";  // preferred name with the family name: "jojo ni bhriain"
    Client by_mail = MakeClient("Ann", "Lee");
    by_mail.email = "joggingann@example.org";  // only the email matches
    Client by_phone = MakeClient("Pat", "Ng");
    by_phone.phone = "+44 20 7946 0001";
    Client other = MakeClient("Ann", "Smith");
    for (Client* client : {&jo, &jones, &joe, &shiv, &by_mail, &by_phone, &other}) {
        clients.Add(*client);
    }
    const auto names = [&](const std::string& text) {
        std::vector<std::string> shown;
        for (const auto& row : clients.SearchPage({text}, std::nullopt, 50).rows) {
            shown.push_back(core::DisplayName(row));
        }
        return shown;
    };
    // "jo zimmer" < "joe adams" < "jojo ni bhriain" < "jones zak", then the email match.
    BOOST_TEST((names("jo") == std::vector<std::string>{"Jo Zimmer", "Joe Adams",
                                                        "Siobhán \u201CJojo\u201D Ní Bhriain",
                                                        "Zak Jones", "Ann Lee"}));
    BOOST_TEST(Matches(clients, "jo") == 5);
    BOOST_TEST((names("jo.z") == std::vector<std::string>{"Jo Zimmer"}));
    BOOST_TEST((names("4420 79") == std::vector<std::string>{"Pat Ng"}));
    BOOST_TEST(names("zz").empty());
    // The whole list (no text): by family name.
    BOOST_TEST((names("") == std::vector<std::string>{"Joe Adams", "Zak Jones", "Ann Lee", "Pat Ng",
                                                      "Siobhán \u201CJojo\u201D Ní Bhriain",
                                                      "Ann Smith", "Jo Zimmer"}));
}

// Pages read through the cursor, of every size, list exactly the rows of one large page, in its
// order, each once; the last page says there is no next one.
MYODESK_DB_TEST(typed_search_pages_through_the_cursor_without_repeats_or_gaps) {
    auto database = test_db.Open();
    ClientRepository clients(database);
    {
        soci::transaction transaction(db::SociSession(database));
        for (int i = 0; i < 40; ++i) {
            // Same names many times (ties broken by id), keys that match twice (given name and
            // email, family name and preferred name), and every third one archived.
            Client client = MakeClient(i % 4 == 0 ? "Mara" : fmt::format("Mark{}", i % 5),
                                       i % 3 == 0 ? "Maddox" : "Stone");
            if (i % 2 == 0) {
                client.email = fmt::format("mar{}@example.org", i);
            }
            if (i % 7 == 0) {
                client.preferred_name = "Mads";
            }
            clients.Add(client);
            if (i % 3 == 1) {
                clients.Archive(client.id);
            }
        }
        transaction.commit();
    }
    for (const auto filter :
         {ArchiveFilter::kActive, ArchiveFilter::kArchived, ArchiveFilter::kAll}) {
        for (const std::string text : {"ma", "mar", "mark1", "mad", "stone m", ""}) {
            BOOST_TEST_CONTEXT("text \"" << text << "\", filter " << static_cast<int>(filter)) {
                const ClientQuery query{text, filter};
                const auto whole = clients.SearchPage(query, std::nullopt, 1000);
                BOOST_TEST(!whole.next.has_value());
                BOOST_TEST(static_cast<std::int64_t>(whole.rows.size()) ==
                           clients.CountMatching(query));
                std::set<core::ClientId> ids;
                for (const auto& row : whole.rows) {
                    ids.insert(row.id);
                }
                BOOST_TEST(ids.size() == whole.rows.size());  // each client once
                for (const std::int64_t size : {1, 2, 3, 7}) {
                    std::vector<core::ClientSummary> paged;
                    std::optional<db::ClientSearchCursor> next;
                    int pages = 0;
                    do {
                        auto page = clients.SearchPage(query, next, size);
                        BOOST_TEST(static_cast<std::int64_t>(page.rows.size()) <= size);
                        BOOST_TEST((page.next.has_value() ==
                                    (static_cast<std::int64_t>(paged.size() + page.rows.size()) <
                                     static_cast<std::int64_t>(whole.rows.size()))));
                        paged.insert(paged.end(), page.rows.begin(), page.rows.end());
                        next = std::move(page.next);
                    } while (next && ++pages < 100);
                    BOOST_TEST((paged == whole.rows));
                    // Search by position agrees.
                    const auto rows_count = static_cast<std::ptrdiff_t>(whole.rows.size());
                    const std::vector<core::ClientSummary> expected(
                        whole.rows.begin() + std::min<std::ptrdiff_t>(3, rows_count),
                        whole.rows.begin() + std::min<std::ptrdiff_t>(3 + size, rows_count));
                    BOOST_TEST((clients.Search(query, 3, size) == expected));
                }
            }
        }
    }
    // An archived client is listed with the active ones in "all", in order.
    const auto all = clients.SearchPage({"mara", ArchiveFilter::kAll}, std::nullopt, 100).rows;
    BOOST_TEST(std::any_of(all.begin(), all.end(), [](const auto& row) { return row.archived; }));
    BOOST_TEST(std::any_of(all.begin(), all.end(), [](const auto& row) { return !row.archived; }));
    BOOST_TEST(std::is_sorted(all.begin(), all.end(), [](const auto& a, const auto& b) {
        return std::tie(a.family_name, a.id) < std::tie(b.family_name, b.id);
    }));
    BOOST_TEST(clients.SearchPage({"ma"}, std::nullopt, 0).rows.empty());
}

MYODESK_DB_TEST(pages_through_matches_in_name_order) {
    auto database = test_db.Open();
    ClientRepository clients(database);
    {
        soci::transaction transaction(db::SociSession(database));
        for (int i = 24; i >= 0; --i) {
            Client client = MakeClient("Runner", fmt::format("Family{:02}", i));
            clients.Add(client);
        }
        transaction.commit();
    }
    BOOST_TEST(clients.Count() == 25);
    std::vector<std::string> seen;
    for (std::int64_t offset = 0; offset < 25; offset += 10) {
        const auto page = clients.Search({}, offset, 10);
        BOOST_TEST(page.size() ==
                   static_cast<std::size_t>(std::min<std::int64_t>(10, 25 - offset)));
        for (const auto& name : FamilyNames(page)) {
            seen.push_back(name);
        }
    }
    BOOST_REQUIRE(seen.size() == 25u);
    BOOST_TEST(std::is_sorted(seen.begin(), seen.end()));
    BOOST_TEST(seen.front() == "Family00");
    BOOST_TEST(seen.back() == "Family24");
    BOOST_TEST(clients.Search({}, 25, 10).empty());
}

MYODESK_DB_TEST(position_of_agrees_with_the_search_order) {
    auto database = test_db.Open();
    ClientRepository clients(database);
    std::vector<core::ClientId> ids;
    for (const char* family : {"Young", "Adams", "Öztürk", "adams", "Mills", "Ozturk"}) {
        Client client = MakeClient("Sam", family);
        ids.push_back(clients.Add(client));
    }
    clients.Archive(ids[4]);  // Mills
    for (const auto filter : {ArchiveFilter::kActive, ArchiveFilter::kAll}) {
        for (const std::string text : {"", "sam", "o"}) {
            const ClientQuery query{text, filter};
            const auto rows = clients.Search(query, 0, 100);
            for (const auto id : ids) {
                const auto found = std::find_if(rows.begin(), rows.end(),
                                                [&](const auto& row) { return row.id == id; });
                const auto position = clients.PositionOf(query, id);
                if (found == rows.end()) {
                    BOOST_TEST(!position.has_value());
                } else {
                    BOOST_TEST_REQUIRE(position.has_value());
                    BOOST_TEST(*position == found - rows.begin());
                }
            }
        }
    }
    BOOST_TEST(!clients.PositionOf({}, 999999).has_value());
}

MYODESK_DB_TEST(updates_bump_the_version) {
    auto database = test_db.Open();
    ClientRepository clients(database);
    Client client = FullClient();
    clients.Add(client);
    client.email = "shiv@example.ie";
    client.family_name = "Ó Briain";
    clients.Update(client);
    BOOST_TEST(client.version == 2);
    const auto stored = clients.Get(client.id);
    BOOST_TEST(stored->email == "shiv@example.ie");
    BOOST_TEST(stored->version == 2);
    BOOST_TEST(Matches(clients, "o bri") == 1);  // the search keys follow the new name
    BOOST_TEST(Matches(clients, "o'b") == 0);
}

MYODESK_DB_TEST(a_stale_update_is_a_conflict_and_changes_nothing) {
    auto database = test_db.Open();
    ClientRepository clients(database);
    Client original = FullClient();
    clients.Add(original);

    Client desk_a = *clients.Get(original.id);
    Client desk_b = *clients.Get(original.id);
    desk_a.phone = "+353 1 555 0001";
    clients.Update(desk_a);
    desk_b.phone = "+353 1 555 0002";
    BOOST_CHECK_THROW(clients.Update(desk_b), db::ConflictError);
    BOOST_TEST(desk_b.version == 1);  // the failed save did not advance it
    const auto stored = clients.Get(original.id);
    BOOST_TEST(stored->phone == "+353 1 555 0001");
    BOOST_TEST(stored->version == 2);

    Client gone = desk_a;
    gone.id = original.id + 999;
    BOOST_CHECK_THROW(clients.Update(gone), db::NotFoundError);
}

MYODESK_DB_TEST(invalid_clients_are_refused_and_nothing_is_saved) {
    auto database = test_db.Open();
    ClientRepository clients(database);
    Client nameless;
    nameless.email = "not-an-email";
    try {
        clients.Add(nameless);
        BOOST_FAIL("a client without a name must be refused");
    } catch (const db::ValidationError& error) {
        const auto& problems = error.Problems();
        BOOST_TEST(problems.size() == 2u);
        BOOST_TEST(problems[0].field == "given_name");
        BOOST_TEST((problems[0].code == core::ProblemCode::kRequired));
        BOOST_TEST(problems[1].field == "email");
    }
    BOOST_TEST(clients.Count(ArchiveFilter::kAll) == 0);

    Client valid = MakeClient("Ann", "Smith");
    clients.Add(valid);
    Client edited = valid;
    edited.date_of_birth =
        core::Date{std::chrono::year{2999}, std::chrono::January, std::chrono::day{1}};
    edited.family_name = "Changed";
    BOOST_CHECK_THROW(clients.Update(edited), db::ValidationError);
    BOOST_TEST(clients.Get(valid.id)->family_name == "Smith");
    BOOST_TEST(clients.Get(valid.id)->version == 1);
}

MYODESK_DB_TEST(archive_hides_and_restore_brings_back) {
    auto database = test_db.Open();
    ClientRepository clients(database);
    Client ann = MakeClient("Ann", "Smith");
    Client bob = MakeClient("Bob", "Stone");
    clients.Add(ann);
    clients.Add(bob);
    clients.Archive(ann.id);
    BOOST_TEST(clients.Count() == 1);
    BOOST_TEST(clients.Count(ArchiveFilter::kArchived) == 1);
    BOOST_TEST(clients.Count(ArchiveFilter::kAll) == 2);
    BOOST_TEST(Matches(clients, "ann") == 0);
    BOOST_TEST(clients.CountMatching({"ann", ArchiveFilter::kAll}) == 1);
    const auto stored = clients.Get(ann.id);
    BOOST_TEST(stored->archived);
    BOOST_TEST(stored->version == 2);  // an archive is a change other desks must see

    clients.Restore(ann.id);
    BOOST_TEST(clients.Count() == 2);
    BOOST_TEST(!clients.Get(ann.id)->archived);
    BOOST_CHECK_THROW(clients.Archive(ann.id + 999), db::NotFoundError);
}

MYODESK_DB_TEST(reads_many_clients_summaries_by_id_in_chunks) {
    auto database = test_db.Open();
    ClientRepository clients(database, FixedNow);
    std::vector<core::ClientId> ids;
    Client full = FullClient();
    ids.push_back(clients.Add(full));
    clients.Archive(full.id);
    for (int i = 0; i < 230; ++i) {  // more than two statements' worth of ids
        Client client = MakeClient(fmt::format("Given{}", i), fmt::format("Family{}", i));
        ids.push_back(clients.Add(client));
    }
    std::vector<core::ClientId> asked = ids;
    asked.push_back(ids.back() + 1000);  // unknown: left out
    asked.push_back(ids.front());        // twice: once in the answer
    std::reverse(asked.begin(), asked.end());
    const auto found = clients.SummariesOf(asked);
    BOOST_TEST(found.size() == ids.size());
    for (const core::ClientId id : ids) {
        const auto one = clients.Get(id);
        BOOST_REQUIRE(one);
        BOOST_REQUIRE(found.count(id) == 1u);
        const core::ClientSummary expected{
            one->id,    one->given_name, one->family_name, one->preferred_name, one->date_of_birth,
            one->phone, one->email,      one->archived};
        BOOST_TEST((found.at(id) == expected));
    }
    BOOST_TEST(found.at(full.id).preferred_name == "Shiv");
    BOOST_TEST(found.at(full.id).archived);
    BOOST_TEST(clients.SummariesOf({}).empty());
}

BOOST_AUTO_TEST_SUITE_END()
