#include "cli_test_support.h"
#include "compiled_locale.h"
#include "csv_test_reader.h"
#include "test_database.h"

#include <myodesk/core/date.h>
#include <myodesk/db/clock.h>

#include <boost/test/unit_test.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

using namespace myodesk;
using nlohmann::json;
using test::Cli;
using test::CliResult;
using test::Contains;
using test::ReadCsv;
using test::ReadText;
using test::TempFile;
namespace fs = std::filesystem;

namespace {

const std::string kIntakeExamplePath =
    std::string(MYODESK_DOCS_DIR) + "/examples/intake-example.json";
const std::string kSessionExamplePath =
    std::string(MYODESK_DOCS_DIR) + "/examples/session-example.json";

// The reports work from the real "today" (flags, plan ahead), so the dates are built around it.
core::Date Today() {
    return db::LocalDate(db::SystemNow());
}

core::Date DaysAgo(int days) {
    return core::AddDays(Today(), -days);
}

std::string Iso(const core::Date& date) {
    return core::FormatIsoDate(date);
}

// A date as the reports print it by default: "12 Mar 2025".
std::string Printed(const core::Date& date) {
    static constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return fmt::format("{} {} {}", static_cast<unsigned>(date.day()),
                       kMonths.at(static_cast<unsigned>(date.month()) - 1),
                       static_cast<int>(date.year()));
}

// Runs a shell command; its standard output (the test stops when it fails).
std::string Run(const std::string& command) {
    FILE* pipe = popen(command.c_str(), "r");
    BOOST_TEST_REQUIRE(pipe != nullptr, command);
    std::string output;
    char buffer[4096];
    while (const auto read = fread(buffer, 1, sizeof buffer, pipe)) {
        output.append(buffer, read);
    }
    const int status = pclose(pipe);
    BOOST_TEST_REQUIRE(status == 0, command << " failed:\n" << output);
    return output;
}

// The PDF checks read the files with poppler-utils; without it they fail, saying so.
void RequirePoppler() {
    for (const char* tool : {"pdfinfo", "pdftotext"}) {
        if (std::system(fmt::format("command -v {} >/dev/null 2>&1", tool).c_str()) != 0) {
            BOOST_FAIL(tool << " is not installed: the report tests read the PDFs with "
                               "poppler-utils (apt-get install poppler-utils)");
        }
    }
}

// pdfinfo's value for `field` ("Pages", "Page size").
std::string PdfInfo(const fs::path& path, const std::string& field) {
    const std::string info = Run(fmt::format("pdfinfo '{}'", path.string()));
    const auto start = info.find(field + ":");
    BOOST_TEST_REQUIRE(start != std::string::npos, info);
    auto value =
        info.substr(start + field.size() + 1, info.find('\n', start) - start - field.size() - 1);
    value.erase(0, value.find_first_not_of(' '));
    return value;
}

int PdfPages(const fs::path& path) {
    return std::stoi(PdfInfo(path, "Pages"));
}

std::string PdfText(const fs::path& path) {
    return Run(fmt::format("pdftotext -enc UTF-8 '{}' -", path.string()));
}

std::int64_t AddStaff(const test::TestDatabase& database, const std::string& name) {
    const auto result = Cli(database, {"staff", "add", "--name", name});
    BOOST_TEST_REQUIRE(result.code == 0, result.err);
    return std::stoll(result.out);
}

std::int64_t AddNote(const test::TestDatabase& database, std::int64_t client,
                     std::int64_t therapist, const core::Date& date,
                     const std::string& time = "17:30") {
    json note = json::parse(ReadText(kSessionExamplePath));
    note["therapist_id"] = therapist;
    note["date"] = Iso(date);
    note["start_time"] = time;
    const auto result = Cli(database, {"notes", "add", std::to_string(client), "-"}, note.dump());
    BOOST_TEST_REQUIRE(result.code == 0, result.err);
    return std::stoll(result.out);
}

// Zoë Ångström-Łęcka, from the example intake taken ten days ago: varicose veins in the right
// calf and an ankle sprain two days ago (flags "Varicose veins" and "Acute injury").
std::int64_t AddZoe(const test::TestDatabase& database) {
    json intake = json::parse(ReadText(kIntakeExamplePath));
    intake["client"]["given_name"] = "Zoë";
    intake["client"]["family_name"] = "Ångström-Łęcka";
    intake["client"]["preferred_name"] = "";
    intake["taken_on"] = Iso(DaysAgo(10));
    intake["consent"]["signed_on"] = Iso(DaysAgo(10));
    intake["health"]["injuries"][0]["date"] = Iso(DaysAgo(2));
    intake["runner"]["goal_race"]["date"] = Iso(core::AddDays(Today(), 70));
    for (std::size_t i = 0; i < intake["runner"]["recent_runs"].size(); ++i) {
        intake["runner"]["recent_runs"][i]["date"] = Iso(DaysAgo(12 + static_cast<int>(i)));
    }
    const auto result = Cli(database, {"clients", "add", "--from-intake", "-"}, intake.dump());
    BOOST_TEST_REQUIRE(result.code == 0, result.err);
    return std::stoll(result.out);
}

// The CSV file's rows, each as a map from the header's column names.
std::vector<std::map<std::string, std::string>> ReadRows(const fs::path& path) {
    const auto rows = ReadCsv(ReadText(path.string()));
    BOOST_TEST_REQUIRE(!rows.empty());
    BOOST_TEST(rows[0].at(0) == "section");
    std::vector<std::map<std::string, std::string>> records;
    for (std::size_t r = 1; r < rows.size(); ++r) {
        BOOST_TEST_REQUIRE(rows[r].size() == rows[0].size(), "row " << r);
        std::map<std::string, std::string> record;
        for (std::size_t c = 0; c < rows[0].size(); ++c) {
            record[rows[0][c]] = rows[r][c];
        }
        records.push_back(std::move(record));
    }
    return records;
}

// The rows of one section.
std::vector<std::map<std::string, std::string>> Section(
    const std::vector<std::map<std::string, std::string>>& rows, const std::string& section) {
    std::vector<std::map<std::string, std::string>> found;
    for (const auto& row : rows) {
        if (row.at("section") == section) {
            found.push_back(row);
        }
    }
    return found;
}

std::string Total(const std::vector<std::map<std::string, std::string>>& rows,
                  const std::string& item) {
    for (const auto& row : Section(rows, "totals")) {
        if (row.at("item") == item) {
            return row.at("value");
        }
    }
    return "(no " + item + " row)";
}

// A small clinic around a period of the last 60 days (yesterday included):
// - Zoë: first session ever in the period with Máire, then one with Łukasz: new, active;
// - Øyvind: seen by Łukasz before the period and in it: active, not new;
// - Old Client: seen by Máire in the 90 days before the period only: lapsed.
struct SmallClinic {
    explicit SmallClinic(const test::TestDatabase& database)
        : maire(AddStaff(database, "Máire Ní Dhomhnaill")),
          lukasz(AddStaff(database, "Łukasz Żółć")),
          zoe(AddZoe(database)),
          oyvind(test::AddClientWithCli(database, {"--given", "Øyvind", "--family", "Ærø"})),
          old(test::AddClientWithCli(database, {"--given", "Old", "--family", "Client"})) {
        AddNote(database, zoe, maire, DaysAgo(50));
        AddNote(database, zoe, lukasz, DaysAgo(20));
        AddNote(database, oyvind, lukasz, DaysAgo(100));
        AddNote(database, oyvind, lukasz, DaysAgo(30));
        AddNote(database, old, maire, DaysAgo(80));
    }
    std::vector<std::string> Period() const { return {"--from", from, "--to", to}; }

    std::int64_t maire, lukasz, zoe, oyvind, old;
    std::string from = Iso(DaysAgo(60));
    std::string to = Iso(DaysAgo(1));
};

std::vector<std::string> Words(std::vector<std::string> words,
                               const std::vector<std::string>& more) {
    words.insert(words.end(), more.begin(), more.end());
    return words;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(report_cli_tests)

MYODESK_DB_TEST(report_client_writes_a_pdf_with_the_name_sessions_and_flags) {
    RequirePoppler();
    test::TempFolder folder;
    const auto maire = AddStaff(test_db, "Máire Ní Dhomhnaill");
    const auto zoe = AddZoe(test_db);
    const auto first = DaysAgo(9);
    const auto latest = DaysAgo(3);
    AddNote(test_db, zoe, maire, first);
    const auto signed_note = AddNote(test_db, zoe, maire, latest, "08:00");
    BOOST_TEST_REQUIRE(
        Cli(test_db, {"notes", "sign", std::to_string(signed_note), "--by", std::to_string(maire)})
            .code == 0);
    BOOST_TEST_REQUIRE(
        Cli(test_db, {"settings", "set", "clinic.name", "Zoë's “Run Well” Clinic"}).code == 0);

    const auto path = folder.path / "Zoë report.pdf";
    const auto result =
        Cli(test_db, {"report", "client", std::to_string(zoe), "--out", path.string()});
    BOOST_TEST_REQUIRE(result.code == 0, result.err);
    const int pages = PdfPages(path);
    BOOST_TEST(pages >= 1);
    BOOST_TEST(result.out == fmt::format("Wrote {} ({} {})\n", path.string(), pages,
                                         pages == 1 ? "page" : "pages"));
    BOOST_TEST(result.err.empty(), result.err);
    BOOST_TEST(Contains(PdfInfo(path, "Page size"), "A4"));  // the default paper
    const std::string report = PdfText(path);
    BOOST_TEST(Contains(report, "Zoë Ångström-Łęcka"), report);
    BOOST_TEST(Contains(report, Printed(first)), report);
    BOOST_TEST(Contains(report, Printed(latest)), report);
    BOOST_TEST(Contains(report, "Varicose veins"), report);
    BOOST_TEST(Contains(report, "Acute injury"), report);
    BOOST_TEST(Contains(report, "Máire Ní Dhomhnaill"), report);
    BOOST_TEST(Contains(report, "Zoë's “Run Well” Clinic"), report);

    // The physician letter: other wording, the same client and flags; --paper letter.
    const auto letter_path = folder.path / "letter.pdf";
    const auto letter = Cli(test_db, {"report", "client", std::to_string(zoe), "--physician",
                                      "--out", letter_path.string(), "--paper", "letter"});
    BOOST_TEST_REQUIRE(letter.code == 0, letter.err);
    BOOST_TEST(PdfPages(letter_path) >= 1);
    BOOST_TEST(Contains(PdfInfo(letter_path, "Page size"), "letter"));
    const std::string text = PdfText(letter_path);
    BOOST_TEST(text != report);
    BOOST_TEST(Contains(text, "physician"), text);
    BOOST_TEST(Contains(text, "Dr. Aoife Ní Bhriain"), text);  // addressed to the physician
    BOOST_TEST(Contains(text, "Zoë Ångström-Łęcka"), text);
    BOOST_TEST(Contains(text, "Varicose veins"), text);
    BOOST_TEST(Contains(text, "Acute injury"), text);
    BOOST_TEST(folder.Files() == (std::vector<std::string>{"Zoë report.pdf", "letter.pdf"}),
               boost::test_tools::per_element());
}

// A word quoted for the shell.
std::string ShellQuoted(const std::string& word) {
    std::string quoted = "'";
    for (const char c : word) {
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    }
    return quoted + "'";
}

// Issue 15: the CLI's reports write dates in the locale's one form (the form of the GUI's
// lists, profile and reports), unless report.date_format sets iso or a pattern.
MYODESK_DB_TEST(report_dates_follow_the_locale_or_report_date_format) {
    RequirePoppler();
    test::TempFolder folder;
    const auto maire = AddStaff(test_db, "Máire Ní Dhomhnaill");
    const auto zoe = AddZoe(test_db);
    const core::Date march{std::chrono::year{static_cast<int>(Today().year()) - 1},
                           std::chrono::March, std::chrono::day{9}};
    AddNote(test_db, zoe, maire, march);
    const int year = static_cast<int>(march.year());
    const auto path = folder.path / "report.pdf";
    const auto report_text = [&](const std::string& environment) {
        const auto result = test::RunShell(
            fmt::format("--db {} report client {} --out {}", ShellQuoted(test_db.Location()), zoe,
                        ShellQuoted(path.string())),
            environment);
        BOOST_TEST_REQUIRE(result.code == 0, result.out);
        return PdfText(path);
    };

    // The C locale: "9 Mar 2025".
    const std::string plain = report_text("LC_ALL=C");
    BOOST_TEST(Contains(plain, fmt::format("9 Mar {}", year)), plain);

    // German: the locale's month names.
    const test::CompiledLocale german("de_DE");
    const std::string german_environment =
        fmt::format("LOCPATH={} LC_ALL={}", ShellQuoted(german.Folder().string()), german.Name());
    const std::string in_german = report_text(german_environment);
    BOOST_TEST(Contains(in_german, fmt::format("9 Mär {}", year)), in_german);

    // report.date_format wins over the locale, keeping its month names.
    BOOST_TEST_REQUIRE(Cli(test_db, {"settings", "set", "report.date_format", "%d %B %Y"}).code ==
                       0);
    const std::string chosen = report_text(german_environment);
    BOOST_TEST(Contains(chosen, fmt::format("09 März {}", year)), chosen);
    BOOST_TEST_REQUIRE(Cli(test_db, {"settings", "set", "report.date_format", "iso"}).code == 0);
    const std::string iso = report_text(german_environment);
    BOOST_TEST(Contains(iso, fmt::format("{}-03-09", year)), iso);
    BOOST_TEST(!Contains(iso, fmt::format("9 Mär {}", year)), iso);  // chart months stay words

    // A format with no year is refused, naming the setting; the one saved stays.
    const auto refused = Cli(test_db, {"settings", "set", "report.date_format", "%d/%m"});
    BOOST_TEST(refused.code == 3);
    BOOST_TEST(Contains(refused.err, "report.date_format"), refused.err);
    BOOST_TEST(Contains(refused.err, "not a date format"), refused.err);
    const auto shown = Cli(test_db, {"settings", "show"});
    BOOST_TEST(Contains(shown.out, "report.date_format"), shown.out);
    BOOST_TEST(Contains(shown.out, "iso  (locale, iso or a pattern"), shown.out);
}

MYODESK_DB_TEST(report_client_refuses_what_it_cannot_do_and_leaves_no_file) {
    test::TempFolder folder;
    const auto zoe = AddZoe(test_db);
    const auto path = folder.path / "report.pdf";

    const auto unknown =
        Cli(test_db, {"report", "client", std::to_string(zoe + 100), "--out", path.string()});
    BOOST_TEST(unknown.code == 4);
    BOOST_TEST(unknown.err ==
               fmt::format("myodesk-cli: There is no client with id {}.\n", zoe + 100));

    const auto missing_folder = folder.path / "no such folder" / "report.pdf";
    const auto unwritable = Cli(test_db, {"report", "client", std::to_string(zoe), "--physician",
                                          "--out", missing_folder.string()});
    BOOST_TEST(unwritable.code == 3);
    BOOST_TEST(unwritable.err == fmt::format("myodesk-cli: invalid input: cannot write {}: No such "
                                             "file or directory\n",
                                             missing_folder.string()));
    BOOST_TEST(unwritable.out.empty());

    const auto paper = Cli(test_db, {"report", "client", std::to_string(zoe), "--out",
                                     path.string(), "--paper", "a5"});
    BOOST_TEST(paper.code == 3);
    BOOST_TEST(Contains(paper.err, "--paper: 'a5' is not a paper size; use a4 or letter"),
               paper.err);

    BOOST_TEST(Cli(test_db, {"report", "client", std::to_string(zoe)}).code == 2);  // no --out
    // --physician is a flag here, not the client's physician.
    BOOST_TEST(Cli(test_db, {"report", "client", std::to_string(zoe), "--physician", "Dr No",
                             "--out", path.string()})
                   .code == 2);
    BOOST_TEST(folder.Files().empty());
}

MYODESK_DB_TEST(report_clinic_writes_the_summary_and_its_csv_for_a_therapist_or_all) {
    RequirePoppler();
    test::TempFolder folder;
    const SmallClinic clinic(test_db);
    const auto pdf = folder.path / "clinic.pdf";
    const auto csv = folder.path / "clinic.csv";

    const auto all = Cli(
        test_db,
        Words({"report", "clinic", "--out", pdf.string(), "--csv", csv.string()}, clinic.Period()));
    BOOST_TEST_REQUIRE(all.code == 0, all.err);
    const int pages = PdfPages(pdf);
    BOOST_TEST(pages >= 1);
    BOOST_TEST(Contains(all.out, fmt::format("Wrote {} ({} {})\n", pdf.string(), pages,
                                             pages == 1 ? "page" : "pages")),
               all.out);
    BOOST_TEST(Contains(all.out, fmt::format("Wrote {} (", csv.string())), all.out);
    std::string text = PdfText(pdf);
    BOOST_TEST(Contains(text, "Máire Ní Dhomhnaill"), text);
    BOOST_TEST(Contains(text, "Łukasz Żółć"), text);
    BOOST_TEST(Contains(text, "Zoë Ångström-Łęcka"), text);  // new
    BOOST_TEST(Contains(text, "Old Client"), text);          // lapsed
    auto rows = ReadRows(csv);
    BOOST_TEST(Total(rows, "sessions") == "3");
    BOOST_TEST(Total(rows, "new_clients") == "1");
    BOOST_TEST(Total(rows, "lapsed_clients") == "1");
    BOOST_TEST(Total(rows, "active_clients") == "2");
    BOOST_TEST(Section(rows, "therapists").size() == 2u);

    // Łukasz's sessions and clients only: Zoë is new to him, Øyvind is not, nobody lapsed.
    const auto his =
        Cli(test_db, Words({"report", "clinic", "--therapist", std::to_string(clinic.lukasz),
                            "--out", pdf.string(), "--csv", csv.string(), "--paper", "letter"},
                           clinic.Period()));
    BOOST_TEST_REQUIRE(his.code == 0, his.err);
    BOOST_TEST(Contains(PdfInfo(pdf, "Page size"), "letter"));
    text = PdfText(pdf);
    BOOST_TEST(Contains(text, "Łukasz Żółć"), text);
    BOOST_TEST(!Contains(text, "Máire Ní Dhomhnaill"), text);
    BOOST_TEST(!Contains(text, "Old Client"), text);
    rows = ReadRows(csv);
    BOOST_TEST(Total(rows, "sessions") == "2");
    BOOST_TEST(Total(rows, "new_clients") == "1");
    BOOST_TEST(Total(rows, "lapsed_clients") == "0");
    const auto therapists = Section(rows, "therapists");
    BOOST_TEST_REQUIRE(therapists.size() == 1u);
    BOOST_TEST(therapists[0].at("item") == "Łukasz Żółć");
    BOOST_TEST(therapists[0].at("id") == std::to_string(clinic.lukasz));
    BOOST_TEST(therapists[0].at("value") == "2");
    BOOST_TEST(folder.Files() == (std::vector<std::string>{"clinic.csv", "clinic.pdf"}),
               boost::test_tools::per_element());
}

MYODESK_DB_TEST(report_clinic_refuses_a_wrong_period_or_therapist_and_leaves_no_file) {
    test::TempFolder folder;
    const SmallClinic clinic(test_db);
    const auto pdf = folder.path / "clinic.pdf";
    const auto csv = folder.path / "clinic.csv";

    const auto upside_down =
        Cli(test_db, {"report", "clinic", "--from", clinic.to, "--to", clinic.from, "--out",
                      pdf.string(), "--csv", csv.string()});
    BOOST_TEST(upside_down.code == 3);
    BOOST_TEST(upside_down.err == fmt::format("myodesk-cli: invalid input: --from {} is after "
                                              "--to {}\n",
                                              clinic.to, clinic.from));

    const auto nobody =
        Cli(test_db, Words({"report", "clinic", "--therapist", std::to_string(clinic.lukasz + 100),
                            "--out", pdf.string()},
                           clinic.Period()));
    BOOST_TEST(nobody.code == 4);
    BOOST_TEST(Contains(nobody.err, fmt::format("--therapist: there is no staff member with id {}",
                                                clinic.lukasz + 100)),
               nobody.err);

    const auto bad_date = Cli(test_db, {"report", "clinic", "--from", "2025-02-30", "--to",
                                        clinic.to, "--out", pdf.string()});
    BOOST_TEST(bad_date.code == 3);
    BOOST_TEST(Contains(bad_date.err, "--from: '2025-02-30' is not a date"), bad_date.err);

    // A CSV that cannot be written: the PDF is not left behind either.
    const auto missing_folder = folder.path / "no such folder" / "clinic.csv";
    const auto unwritable =
        Cli(test_db,
            Words({"report", "clinic", "--out", pdf.string(), "--csv", missing_folder.string()},
                  clinic.Period()));
    BOOST_TEST(unwritable.code == 3);
    BOOST_TEST(Contains(unwritable.err, fmt::format("cannot write {}: ", missing_folder.string())),
               unwritable.err);
    BOOST_TEST(unwritable.out.empty());

    const auto no_out = Cli(test_db, Words({"report", "clinic"}, clinic.Period()));
    BOOST_TEST(no_out.code == 2);
    BOOST_TEST(Contains(no_out.err, "--out FILE.pdf is required"), no_out.err);
    BOOST_TEST(folder.Files().empty());
}

MYODESK_DB_TEST(export_clinic_writes_the_summary_tables_as_csv) {
    test::TempFolder folder;
    const SmallClinic clinic(test_db);
    const auto path = folder.path / "summary.csv";
    const auto result =
        Cli(test_db, Words({"export", "clinic", "--out", path.string()}, clinic.Period()));
    BOOST_TEST_REQUIRE(result.code == 0, result.err);
    const std::string text = ReadText(path.string());
    BOOST_TEST(text.substr(0, 3) == "\xEF\xBB\xBF");  // as every export
    const auto rows = ReadRows(path);
    BOOST_TEST(result.out == fmt::format("Exported the clinic summary ({} rows) to {}\n",
                                         rows.size(), path.string()));
    BOOST_TEST(Total(rows, "sessions") == "3");
    BOOST_TEST(Total(rows, "minutes") == "180");
    const auto therapists = Section(rows, "therapists");
    BOOST_TEST_REQUIRE(therapists.size() == 2u);
    // Most sessions first: Łukasz (2), then Máire (1).
    BOOST_TEST(therapists[0].at("item") == "Łukasz Żółć");
    BOOST_TEST(therapists[0].at("value") == "2");
    BOOST_TEST(therapists[0].at("clients") == "2");
    BOOST_TEST(therapists[1].at("item") == "Máire Ní Dhomhnaill");
    BOOST_TEST(therapists[1].at("value") == "1");
    std::map<std::string, std::string> clients;  // name -> new / lapsed
    for (const auto& row : Section(rows, "clients")) {
        clients[row.at("item")] = row.at("status");
    }
    BOOST_TEST(clients.size() == 2u);
    BOOST_TEST(clients["Zoë Ångström-Łęcka"] == "new");
    BOOST_TEST(clients["Old Client"] == "lapsed");
    BOOST_TEST(Section(rows, "unsigned_notes").size() == 3u);  // the period's, none signed

    // A therapist's; an unknown one is refused and nothing is written.
    const auto maire = Cli(test_db, Words({"export", "clinic", "--therapist",
                                           std::to_string(clinic.maire), "--out", path.string()},
                                          clinic.Period()));
    BOOST_TEST_REQUIRE(maire.code == 0, maire.err);
    BOOST_TEST(Total(ReadRows(path), "sessions") == "1");
    const auto other = folder.path / "other.csv";
    const auto nobody =
        Cli(test_db, Words({"export", "clinic", "--therapist", std::to_string(clinic.maire + 100),
                            "--out", other.string()},
                           clinic.Period()));
    BOOST_TEST(nobody.code == 4);
    BOOST_TEST(folder.Files() == std::vector<std::string>{"summary.csv"},
               boost::test_tools::per_element());
}

MYODESK_DB_TEST(settings_set_and_show_the_clinic_details) {
    const std::string name = "Zoë's “Run Well” Clinic — 東京";
    const auto set = Cli(test_db, {"settings", "set", "clinic.name", name});
    BOOST_TEST_REQUIRE(set.code == 0, set.err);
    BOOST_TEST(set.out == "clinic.name = \"" + name + "\"\n");
    const auto address =
        Cli(test_db, {"settings", "set", "clinic.address", "14 O'Connell St\nDún Laoghaire"});
    BOOST_TEST_REQUIRE(address.code == 0, address.err);
    BOOST_TEST_REQUIRE(Cli(test_db, {"settings", "set", "report.paper", "letter"}).code == 0);

    const auto shown = Cli(test_db, {"settings", "show"});
    BOOST_TEST_REQUIRE(shown.code == 0, shown.err);
    BOOST_TEST(Contains(shown.out, "\"" + name + "\"\n"), shown.out);
    BOOST_TEST(Contains(shown.out, "\"14 O'Connell St\\nDún Laoghaire\"\n"), shown.out);
    BOOST_TEST(Contains(shown.out, "clinic.phone"), shown.out);
    BOOST_TEST(Contains(shown.out, "letter  (a4 or letter)"), shown.out);
    BOOST_TEST(shown.out.find("clinic.name") < shown.out.find("screening."));  // listed first
    BOOST_TEST(Contains(shown.out, "plan.taper_weeks"), shown.out);

    const auto json_shown = Cli(test_db, {"--json", "settings", "show"});
    BOOST_TEST_REQUIRE(json_shown.code == 0, json_shown.err);
    std::map<std::string, json> by_key;
    for (const auto& setting : json::parse(json_shown.out)) {
        by_key[setting["key"]] = setting;
    }
    BOOST_TEST(by_key["clinic.name"]["value"] == name);
    BOOST_TEST(by_key["clinic.name"]["default"] == "");
    BOOST_TEST(by_key["clinic.address"]["value"] == "14 O'Connell St\nDún Laoghaire");
    BOOST_TEST(by_key["report.paper"]["value"] == "letter");
    BOOST_TEST(by_key["report.paper"]["default"] == "a4");
    BOOST_TEST(by_key["plan.taper_weeks"]["value"] == 2);

    // Refusals name the setting and change nothing.
    const auto two_lines = Cli(test_db, {"settings", "set", "clinic.name", "Run\nWell"});
    BOOST_TEST(two_lines.code == 3);
    BOOST_TEST(Contains(two_lines.err, "clinic.name: contains line breaks"), two_lines.err);
    const auto paper = Cli(test_db, {"settings", "set", "report.paper", "A5"});
    BOOST_TEST(paper.code == 3);
    BOOST_TEST(Contains(paper.err, "report.paper: not a paper size; use a4 or letter"), paper.err);
    const auto too_long = Cli(test_db, {"settings", "set", "clinic.phone", std::string(41, '1')});
    BOOST_TEST(too_long.code == 3);
    BOOST_TEST(Contains(too_long.err, "clinic.phone: too long (at most 40 characters)"),
               too_long.err);
    const auto unknown = Cli(test_db, {"settings", "set", "clinic.fax", "01"});
    BOOST_TEST(unknown.code == 3);
    BOOST_TEST(Contains(unknown.err, "not a clinic setting"), unknown.err);
    const auto again = Cli(test_db, {"--json", "settings", "show"});
    for (const auto& setting : json::parse(again.out)) {
        if (setting["key"] == "clinic.name") {
            BOOST_TEST(setting["value"] == name);
        }
        if (setting["key"] == "report.paper") {
            BOOST_TEST(setting["value"] == "letter");
        }
    }
}

// The shell sees the same exit codes from the real binary.
BOOST_AUTO_TEST_CASE(the_binary_exits_4_for_an_unknown_client_and_3_for_a_bad_period,
                     *boost::unit_test::label("pure")) {
    test::TempFolder folder;
    const auto database = folder.path / "practice.sqlite";
    const auto path = folder.path / "report.pdf";
    const auto unknown = test::RunShell(
        fmt::format("--db '{}' report client 7 --out '{}'", database.string(), path.string()));
    BOOST_TEST(unknown.code == 4);
    BOOST_TEST(Contains(unknown.out, "There is no client with id 7."), unknown.out);
    const auto period = test::RunShell(
        fmt::format("--db '{}' report clinic --from 2025-04-01 --to 2025-03-01 --out '{}'",
                    database.string(), path.string()));
    BOOST_TEST(period.code == 3);
    BOOST_TEST(Contains(period.out, "--from 2025-04-01 is after --to 2025-03-01"), period.out);
    BOOST_TEST(folder.Files() == std::vector<std::string>{"practice.sqlite"},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
