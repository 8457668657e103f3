// What the PostgreSQL backups read of pg_restore's output (db/dump_text.h): the tables with
// data and the schema of a table of contents, the list a restore follows without the schema's
// own entries, and the owner whose login a restore makes from the staff's COPY text.
#include <myodesk/db/dump_text.h>

#include <boost/test/unit_test.hpp>

#include <string>

using namespace myodesk;

namespace {

const std::string kList =
    ";\n; Archive created at 2026-12-08 03:33:03 UTC\n;     dbname: practice\n"
    "5; 2615 2200 SCHEMA - public pg_database_owner\n"
    "3772; 0 0 COMMENT - SCHEMA public pg_database_owner\n"
    "3773; 0 0 ACL - SCHEMA public pg_database_owner\n"
    "216; 1259 1085798 TABLE public clients postgres\n"
    "3700; 0 1085798 TABLE DATA public clients postgres\n"
    "3701; 0 1085900 TABLE DATA public staff postgres\n";

const std::string kStaff =
    "--\n-- PostgreSQL database dump\n--\n\n"
    "COPY public.staff (id, name, sort_name, role, active, created_at, username, password_hash) "
    "FROM stdin;\n"
    "3\tLater Owner\tlater owner\towner\t1\t2026-12-08T03:40:58Z\tlater\t\\N\n"
    "1\tArjun Singh\tarjun singh\ttherapist\t1\t2026-12-08T07:30:00Z\ttherapist1\t\\N\n"
    "2\tGone Owner\tgone owner\towner\t0\t2026-12-08T07:30:00Z\tgone\t\\N\n"
    "4\tNo Account\tno account\towner\t1\t2026-12-08T07:30:00Z\t\\N\t\\N\n"
    "5\tFirst Owner\tfirst owner\towner\t1\t2026-12-08T07:30:00Z\tolive\t\\N\n"
    "\\.\n\n--\n-- PostgreSQL database dump complete\n--\n";

}  // namespace

BOOST_AUTO_TEST_SUITE(dump_text_tests)

BOOST_AUTO_TEST_CASE(the_table_of_contents_names_the_tables_with_data_and_their_schema) {
    BOOST_TEST((db::TablesWithDataIn(kList) == std::set<std::string>{"clients", "staff"}));
    BOOST_TEST(db::SchemaOfList(kList) == "public");
    BOOST_TEST(db::SchemaOfList("3700; 0 1 TABLE DATA practice_a clients admin\n") == "practice_a");
    BOOST_TEST(db::SchemaOfList("no entries at all") == "public");
}

BOOST_AUTO_TEST_CASE(a_restore_follows_the_list_without_the_schemas_own_entries) {
    const std::string kept = db::ListWithoutSchemaEntries(kList);
    BOOST_TEST(kept.find("SCHEMA - public") == std::string::npos);
    BOOST_TEST(kept.find("COMMENT - SCHEMA") == std::string::npos);
    BOOST_TEST(kept.find("ACL - SCHEMA") == std::string::npos);
    BOOST_TEST(kept.find("TABLE public clients postgres") != std::string::npos);
    BOOST_TEST(kept.find("TABLE DATA public staff postgres") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_owner_whose_login_a_restore_makes_is_the_first_active_one) {
    const db::DumpTableData staff = db::ParseCopyText(kStaff);
    BOOST_TEST(staff.columns.size() == 8U);
    BOOST_TEST(staff.columns[6] == "username");
    BOOST_TEST_REQUIRE(staff.rows.size() == 5U);
    BOOST_TEST(staff.rows[0][1] == "Later Owner");
    // Id 2 is inactive and id 4 has no account: id 3 is the first active owner with one.
    BOOST_TEST(db::FirstActiveOwner(staff).value_or("") == "later");

    // Staff from before accounts (no username column), or none that is an owner: nobody.
    BOOST_TEST(!db::FirstActiveOwner(
                    db::ParseCopyText("COPY public.staff (id, name, role, active) FROM stdin;\n"
                                      "1\tAnn\towner\t1\n\\.\n"))
                    .has_value());
    BOOST_TEST(!db::FirstActiveOwner(db::ParseCopyText("")).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
