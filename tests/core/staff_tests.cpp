#include <myodesk/core/session_json.h>
#include <myodesk/core/staff.h>

#include <boost/test/unit_test.hpp>

using namespace myodesk::core;

BOOST_AUTO_TEST_SUITE(staff_tests)

BOOST_AUTO_TEST_CASE(staff_need_a_one_line_name) {
    BOOST_TEST(ValidateStaff({0, "Aoife Ní Bhriain", StaffRole::kTherapist, true, ""}).empty());
    BOOST_TEST(ValidateStaff({0, "  ", StaffRole::kManager, true, ""}).size() == 1u);
    BOOST_TEST(ValidateStaff({0, "Ann\nLee", StaffRole::kManager, true, ""})[0].field == "name");
    BOOST_TEST(ValidateStaff({0, std::string(101, 'a'), StaffRole::kManager, true, ""}).size() ==
               1u);
    for (const std::string& name : {std::string("Ann\x1b[2J"), std::string("Ann\0Lee", 7),
                                    std::string("Ann\u202ELee"), std::string("Ann\x7f")}) {
        const auto problems = ValidateStaff({0, name, StaffRole::kTherapist, true, ""});
        BOOST_TEST_REQUIRE(problems.size() == 1u);
        BOOST_TEST(ProblemCodeName(problems[0].code) == "invalid_text");
    }
}

BOOST_AUTO_TEST_CASE(roles_have_codes) {
    BOOST_TEST(ToCode(StaffRole::kTherapist) == "therapist");
    BOOST_TEST((StaffRoleFromCode("manager") == StaffRole::kManager));
    BOOST_TEST(!StaffRoleFromCode("boss").has_value());
    const auto json = StaffToJson({4, "Sam", StaffRole::kManager, false, ""});
    BOOST_TEST(json["role"] == "manager");
    BOOST_TEST(json["active"] == false);
}

BOOST_AUTO_TEST_SUITE_END()
