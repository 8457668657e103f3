// Issue 14: a 20000×20000 PNG logo cost every report 14.5 s and 2 GB, and a FIFO as the logo
// hung every report. ReadLogo refuses them from the file's kind, size and PNG header, before
// anything is decoded, and the renderers leave such a logo out.
#include "logo_test_files.h"

#include <myodesk/reports/html_renderer.h>
#include <myodesk/reports/logo.h>
#include <myodesk/reports/pdf_renderer.h>

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <sstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

using namespace myodesk;
using reports::LogoProblem;
using reports::ReadLogo;
using test::PngHeaderClaiming;
using test::SmallPng;
using test::WriteFileBytes;
namespace fs = std::filesystem;

namespace myodesk::reports {
std::ostream& operator<<(std::ostream& out, LogoProblem problem) {
    return out << "logo problem " << static_cast<int>(problem);
}
}  // namespace myodesk::reports

namespace {

struct LogoFolder {
    LogoFolder()
        : path(fs::temp_directory_path() /
               ("myodesk-logo-tests-" + std::to_string(getpid()) + "-" + std::to_string(count++))) {
        fs::create_directories(path);
    }
    ~LogoFolder() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
    fs::path path;
    static inline int count = 0;
};

// The problem ReadLogo finds (a failed test when it finds none).
LogoProblem ProblemOf(const fs::path& path) {
    const auto logo = ReadLogo(path.string());
    BOOST_TEST_REQUIRE(!logo.Ok(), path.string() << " was accepted");
    BOOST_TEST(logo.png.empty());
    return *logo.problem;
}

reports::Document LetterWithLogo(const fs::path& logo) {
    reports::Document document;
    document.title = "Progress report";
    document.letterhead.clinic_name = "Liffey Sports Massage";
    document.letterhead.logo_path = logo.string();
    document.blocks.push_back(reports::Paragraph{"A paragraph."});
    return document;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(logo_tests)

BOOST_AUTO_TEST_CASE(a_small_png_is_read_with_its_size) {
    LogoFolder folder;
    const auto path = folder.path / "logo.png";
    WriteFileBytes(path, SmallPng());
    const auto logo = ReadLogo(path.string());
    BOOST_TEST(logo.Ok());
    BOOST_TEST(logo.width == 2u);
    BOOST_TEST(logo.height == 1u);
    BOOST_TEST(logo.bytes == SmallPng().size());
    BOOST_TEST(std::string(logo.png.begin(), logo.png.end()) == SmallPng());
    // Through a symbolic link too.
    fs::create_symlink("logo.png", folder.path / "link.png");
    BOOST_TEST(ReadLogo((folder.path / "link.png").string()).Ok());
}

BOOST_AUTO_TEST_CASE(a_huge_image_is_refused_from_its_header_without_decoding) {
    LogoFolder folder;
    const auto path = folder.path / "huge.png";
    // Not a whole PNG: only the header says 20000×20000. Decoding it would fail as damaged;
    // the limit is found first.
    WriteFileBytes(path, PngHeaderClaiming(20000, 20000));
    const auto logo = ReadLogo(path.string());
    BOOST_TEST_REQUIRE(!logo.Ok());
    BOOST_TEST(*logo.problem == LogoProblem::kTooManyPixels);
    BOOST_TEST(logo.width == 20000u);
    BOOST_TEST(reports::DescribeLogoProblem(logo) ==
               "the image is 20000×20000 pixels; a logo may be at most 2000×2000 pixels");
    WriteFileBytes(path, PngHeaderClaiming(2001, 10));
    BOOST_TEST(ProblemOf(path) == LogoProblem::kTooManyPixels);
    WriteFileBytes(path, PngHeaderClaiming(10, 2001));
    BOOST_TEST(ProblemOf(path) == LogoProblem::kTooManyPixels);
}

BOOST_AUTO_TEST_CASE(an_image_within_the_pixels_but_damaged_is_not_a_png) {
    LogoFolder folder;
    const auto path = folder.path / "damaged.png";
    WriteFileBytes(path, PngHeaderClaiming(2000, 2000));
    BOOST_TEST(ProblemOf(path) == LogoProblem::kNotPng);
}

BOOST_AUTO_TEST_CASE(a_fifo_is_refused_at_once) {
    LogoFolder folder;
    const auto path = folder.path / "logo.png";
    BOOST_REQUIRE(mkfifo(path.c_str(), 0600) == 0);
    BOOST_TEST(ProblemOf(path) == LogoProblem::kNotAFile);  // returns: nobody writes the FIFO
}

BOOST_AUTO_TEST_CASE(a_folder_is_refused) {
    LogoFolder folder;
    BOOST_TEST(ProblemOf(folder.path) == LogoProblem::kNotAFile);
}

BOOST_AUTO_TEST_CASE(a_file_that_is_not_a_png_is_refused) {
    LogoFolder folder;
    const auto path = folder.path / "logo.png";
    WriteFileBytes(path, "GIF89a and the rest");
    BOOST_TEST(ProblemOf(path) == LogoProblem::kNotPng);
    WriteFileBytes(path, "");
    BOOST_TEST(ProblemOf(path) == LogoProblem::kNotPng);
}

BOOST_AUTO_TEST_CASE(a_file_over_two_mebibytes_is_refused_unread) {
    LogoFolder folder;
    const auto path = folder.path / "logo.png";
    WriteFileBytes(path, SmallPng());
    fs::resize_file(path, reports::kMaxLogoBytes + 1);
    const auto logo = ReadLogo(path.string());
    BOOST_TEST_REQUIRE(!logo.Ok());
    BOOST_TEST(*logo.problem == LogoProblem::kTooLarge);
    BOOST_TEST(logo.bytes == reports::kMaxLogoBytes + 1);
}

BOOST_AUTO_TEST_CASE(a_missing_file_says_why) {
    LogoFolder folder;
    const auto logo = ReadLogo((folder.path / "nope.png").string());
    BOOST_TEST_REQUIRE(!logo.Ok());
    BOOST_TEST(*logo.problem == LogoProblem::kUnreadable);
    BOOST_TEST(reports::DescribeLogoProblem(logo) ==
               "it cannot be read (No such file or directory)");
}

BOOST_AUTO_TEST_CASE(reports_leave_a_refused_logo_out) {
    LogoFolder folder;
    const auto huge = folder.path / "huge.png";
    WriteFileBytes(huge, PngHeaderClaiming(20000, 20000));
    const auto fifo = folder.path / "fifo.png";
    BOOST_REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    const auto good = folder.path / "good.png";
    WriteFileBytes(good, SmallPng());
    for (const fs::path& logo : {huge, fifo, good}) {
        BOOST_TEST_CONTEXT(logo.filename()) {
            std::ostringstream pdf;
            BOOST_TEST(reports::RenderPdf(LetterWithLogo(logo), {}, pdf) == 1);
            BOOST_TEST((pdf.str().find("/Subtype /Image") != std::string::npos) == (logo == good));
            int stored = 0;
            const std::string html = reports::RenderHtml(
                LetterWithLogo(logo), [&](const std::string&, const std::vector<unsigned char>&) {
                    ++stored;
                    return std::string("memory:logo.png");
                });
            BOOST_TEST(stored == (logo == good ? 1 : 0));
            BOOST_TEST(html.find("Liffey Sports Massage") != std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
