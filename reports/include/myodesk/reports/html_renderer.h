#pragma once

#include <myodesk/reports/report_document.h>

#include <functional>
#include <string>
#include <vector>

namespace myodesk::reports {

// Keeps a chart image somewhere the HTML can reach it and returns the address to put in
// <img src="...">; the app stores it in wxMemoryFSHandler ("memory:myodesk-report-1.png").
using ImageStore = std::function<std::string(const std::string& suggested_name,
                                             const std::vector<unsigned char>& png)>;

// The document as simple HTML 3 (what wxHtmlWindow and wxHtmlEasyPrinting read): the same
// blocks in the same order as the PDF, tables with a header row, charts as PNG images drawn
// by the same code as the PDF's (chart_renderer.h). The footer (page numbers) is left to the
// printing framework; `HtmlFooter` gives its text with @PAGENUM@ / @PAGESCNT@.
std::string RenderHtml(const Document& document, const ImageStore& store_image);
std::string HtmlFooter(const Document& document);

}  // namespace myodesk::reports
