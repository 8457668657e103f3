#pragma once

#include <myodesk/core/clinic_details.h>
#include <myodesk/reports/report_document.h>

#include <functional>
#include <ostream>
#include <stdexcept>

namespace myodesk::reports {

// Rendering was stopped by the progress callback (the user pressed Cancel).
class RenderCancelled : public std::runtime_error {
  public:
    RenderCancelled() : std::runtime_error("report rendering cancelled") {}
};

struct PdfOptions {
    core::PaperSize paper = core::PaperSize::kA4;
    // Called after each page is laid out and after each is drawn: (done, total steps). Return
    // false to cancel (RenderPdf then throws RenderCancelled and writes nothing more).
    // The total is 2 × pages; while laying out, before the pages are known, it counts one page
    // more than laid out so far, so `done` only grows and never passes `total`.
    std::function<bool(int done, int total)> progress;
};

// Draws the document as a PDF (cairo PDF surface, pango layout: real text, fonts embedded) to
// `out`: 20 mm margins, the letterhead on the first page, tables split between rows with the
// header repeated, charts kept whole on one page, and on every page a footer with the
// document's footer text, the print date and "page N of M". Returns the number of pages.
int RenderPdf(const Document& document, const PdfOptions& options, std::ostream& out);

}  // namespace myodesk::reports
