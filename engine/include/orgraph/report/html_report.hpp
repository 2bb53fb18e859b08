#pragma once
// One self-contained HTML page an analyst can hand on: the organisation chart (write_dot laid
// out by Graphviz, render.hpp), the coverage map (world_map.hpp), the countries no unit covers
// with why and the membership gaps, each unit with its countries, the associations with what
// they focus on and their contact routes to missions (routes.hpp), an index of every entity and
// the sources. Every fact carries its citation in a tooltip (hover) and the page's script shows
// it in a panel on a click; a search box filters every list by name.
//
// Self-contained: SVG, CSS and script are inline, nothing is loaded (a Content Security Policy
// forbids every fetch), source addresses are text, never links; the page opens from a file.
// Every text from the data is escaped (its visible form, visible_text.hpp, then XML/HTML
// entities), so a name cannot become markup or script. Deterministic: the same graph and
// options give the same bytes.

#include <string>
#include <vector>

#include "orgraph/analysis/coverage.hpp"
#include "orgraph/model/graph.hpp"

namespace orgraph {

struct HtmlReportOptions {
    std::string title;                 // empty: the names of the chart's roots, else the top layer's title
    CoverageParams coverage;           // the coverage question; its as_of or today dates the page
    std::string universe_description;  // "UN members and observers"
    std::string map_title;             // the map's title and subtitle (MapOptions)
    std::string map_subtitle;
    // The associations section: entities of this kind (and subkinds), what they point at by
    // `focus_relation`, and their contact routes to entities of `route_kind`. Empty: the schema's
    // [presentation.report] names them; a kind or relation kind the schema lacks (or a schema
    // that names none) leaves that part out, saying so.
    std::string association_kind;
    std::string focus_relation;
    std::string route_kind;
    std::string generator = "orgraph";  // named at the foot of the page
};

struct HtmlReport {
    std::string html;
    std::vector<std::string> warnings;  // what Graphviz said while laying out the chart
};

// The page for `coverage`, computed by compute_coverage(graph, options.coverage). Throws
// render_error or unknown_kind_error as the chart and the routes do.
HtmlReport html_report(const Graph& graph, const HtmlReportOptions& options, const CoverageReport& coverage);

// Appends `text` as HTML text (or, with `attribute`, as a quoted attribute value): its visible
// form, then & < > " ' as entities.
void append_html(std::string& out, std::string_view text, bool attribute = false);

}  // namespace orgraph
