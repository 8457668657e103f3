// docs/plan-format.md shows the plan MyoDesk makes for the documented examples: the intake of
// docs/examples/intake-example.json and the calendar of docs/examples/training-example.csv,
// planned for three weeks from the day of the intake. This test keeps the example true.
#include <myodesk/core/intake_json.h>
#include <myodesk/core/plan.h>
#include <myodesk/core/plan_json.h>
#include <myodesk/core/training.h>
#include <myodesk/vocabulary/plan_sentences.h>

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using namespace myodesk::core;

namespace {

const std::string kDocs = MYODESK_DOCS_DIR;

std::string ReadFile(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    BOOST_TEST_REQUIRE(file.is_open(), path);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

Plan ExamplePlan() {
    auto intake =
        IntakeFromJson(nlohmann::json::parse(ReadFile(kDocs + "/examples/intake-example.json")));
    BOOST_TEST_REQUIRE(intake.problems.empty());
    const auto training = ParseTrainingDocument(ReadFile(kDocs + "/examples/training-example.csv"));
    BOOST_TEST_REQUIRE(training.problems.empty());
    PlanInputs inputs;
    inputs.client_id = 1;
    inputs.today = intake.intake.taken_on;
    inputs.from = intake.intake.taken_on;
    inputs.weeks = 3;
    inputs.intake = intake.intake;
    inputs.intake->id = 1;
    inputs.intake->client_id = 1;
    inputs.training = training.entries;
    return GeneratePlan(inputs);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(plan_example_tests)

BOOST_AUTO_TEST_CASE(the_documented_example_is_what_the_generator_makes) {
    const std::string expected_path = kDocs + "/examples/plan-example.json";
    const std::string actual = myodesk::vocabulary::PlanDocument(ExamplePlan()).dump(2) + "\n";
    std::ifstream expected_file(expected_path, std::ios::binary);
    const std::string expected = expected_file ? ReadFile(expected_path) : std::string();
    const auto actual_path = std::filesystem::temp_directory_path() / "plan-example.actual.json";
    if (actual != expected) {
        // To compare with the example, or to copy over it when the rules changed on purpose.
        std::ofstream(actual_path, std::ios::binary) << actual;
    }
    BOOST_TEST(actual == expected,
               "docs/examples/plan-example.json differs from the generator's "
               "plan, which is in "
                   << actual_path.string());
}

BOOST_AUTO_TEST_CASE(the_format_document_embeds_the_example_verbatim) {
    const std::string document = ReadFile(kDocs + "/plan-format.md");
    const std::string example = ReadFile(kDocs + "/examples/plan-example.json");
    BOOST_TEST(document.find("```json\n" + example + "```") != std::string::npos,
               "docs/plan-format.md must contain docs/examples/plan-example.json verbatim");
}

BOOST_AUTO_TEST_SUITE_END()
