#include "orgraph/report/html_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>

#include "orgraph/analysis/routes.hpp"
#include "orgraph/model/text.hpp"
#include "orgraph/model/visible_text.hpp"
#include "orgraph/report/coverage_map.hpp"
#include "orgraph/write/dot_writer.hpp"
#include "orgraph/write/render.hpp"

namespace orgraph {

void append_html(std::string& out, std::string_view text, bool attribute) {
    if (needs_escape(text)) {
        append_xml(out, visible(text), attribute);
    } else {
        append_xml(out, text, attribute);
    }
}

namespace {

// Only inline style and script run; nothing may be fetched, framed, submitted or based elsewhere.
constexpr std::string_view content_security_policy =
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; "
    "base-uri 'none'; form-action 'none'";

constexpr std::string_view style = R"css(
:root{--ink:#1d2329;--muted:#5b6570;--line:#d5dbe1;--alert:#d62728;--panel:#f4f6f8;--accent:#1f5f99}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 "DejaVu Sans",Verdana,Arial,sans-serif;color:var(--ink);background:#fff}
header{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid var(--line);padding:.6em 1.2em}
header h1{font-size:1.35em;margin:0 0 .2em}
header p{margin:0;color:var(--muted)}
nav{margin-top:.4em;display:flex;flex-wrap:wrap;gap:.3em 1em;align-items:center}
nav a{color:var(--accent);text-decoration:none}
#q{font:inherit;padding:.25em .5em;min-width:18em;border:1px solid var(--line);border-radius:4px}
#q-count{color:var(--muted)}
main{padding:0 1.2em 4em;max-width:110em}
section{margin-top:1.6em}
h2{font-size:1.2em;border-bottom:2px solid var(--line);padding-bottom:.15em}
h3{font-size:1.05em;margin:1em 0 .3em}
figure{margin:0;overflow:auto;border:1px solid var(--line);border-radius:4px}
figure svg{display:block;max-width:100%;height:auto}
figure.full svg{max-width:none}
#chart figure{cursor:zoom-in}#chart figure.full{cursor:zoom-out}
figcaption{color:var(--muted);padding:.3em .6em}
table{border-collapse:collapse;margin:.4em 0}
th,td{text-align:left;vertical-align:top;padding:.2em .7em .2em 0;border-bottom:1px solid var(--line)}
th{color:var(--muted);font-weight:normal}
ul.cols{columns:16em;padding-left:1.2em}
.f{border-bottom:1px dotted var(--muted);cursor:help}
.f:focus{outline:2px solid var(--accent)}
.uncovered{color:var(--alert);font-weight:bold}
.muted,.way{color:var(--muted)}
.kind{color:var(--muted);font-size:.9em}
.hide{display:none!important}
ol.route{margin:.1em 0 .4em;padding-left:1.4em}
details>summary{cursor:pointer}
#cite{position:fixed;right:1em;bottom:1em;max-width:34em;background:var(--panel);border:1px solid var(--line);
border-radius:4px;padding:.5em .8em;box-shadow:0 2px 6px rgba(0,0,0,.15)}
#cite:empty{display:none}
.url{font-family:monospace;word-break:break-all}
footer{color:var(--muted);border-top:1px solid var(--line);padding:.6em 1.2em}
@media print{header{position:static}#q,#q-count,#cite{display:none}}
)css";

// The search folds like the engine's fold_name (case, Latin diacritics, punctuation, a leading
// "the"); a #search=TEXT fragment searches on load. The script marks the page when it has run
// (data-script on <html>), so that a test can tell it ran without error.
constexpr std::string_view script = R"js(
(function(){
"use strict";
function fold(s){return s.normalize("NFD").replace(/[\u0300-\u036f]/g,"").toLowerCase()
.replace(/[^\p{L}\p{N}]+/gu," ").trim().replace(/^the /,"");}
var q=document.getElementById("q"),count=document.getElementById("q-count");
var items=Array.prototype.slice.call(document.querySelectorAll("[data-s]"));
function search(){
var t=fold(q.value),n=0;
items.forEach(function(e){var hit=t===""||e.getAttribute("data-s").indexOf(t)>=0;
e.classList.toggle("hide",!hit);
if(hit&&t!==""){n++;for(var d=e.parentElement;d;d=d.parentElement){if(d.tagName==="DETAILS")d.open=true;}}});
count.textContent=t===""?"":n+(n===1?" match":" matches");
}
q.addEventListener("input",search);
var panel=document.getElementById("cite");
function show(f){panel.textContent=f.getAttribute("title");}
document.addEventListener("click",function(ev){
var f=ev.target.closest?ev.target.closest(".f"):null;
if(f){show(f);}else if(!ev.target.closest("#cite")){panel.textContent="";}});
document.addEventListener("keydown",function(ev){
if(ev.key==="Enter"&&document.activeElement&&document.activeElement.classList.contains("f"))show(document.activeElement);
if(ev.key==="Escape")panel.textContent="";});
var chart=document.querySelector("#chart figure");
if(chart)chart.addEventListener("click",function(){chart.classList.toggle("full");});
var h=location.hash.match(/^#search=(.*)$/);
if(h){q.value=decodeURIComponent(h[1]);search();}
document.documentElement.setAttribute("data-script","ran "+items.length);
})();
)js";

std::string way_text(const Graph& graph, const CoveragePath& path) {
    switch (path.way) {
        case CoverageWay::direct:
            return {};
        case CoverageWay::through_region:
            return path.through ? fmt::format("through {}", list_name(graph, *path.through)) : "through a region";
        case CoverageWay::via:
            return path.through ? fmt::format("via {}", list_name(graph, *path.through)) : "via another entity";
        case CoverageWay::derived:
            return "derived";
    }
    return {};
}

std::string validity_words(const Validity& v) {
    if (v.from && v.to) return fmt::format("{} to {}", v.from->to_string(), v.to->to_string());
    if (v.from) return fmt::format("from {}", v.from->to_string());
    if (v.to) return fmt::format("until {}", v.to->to_string());
    return {};
}

// An SVG document as an element of the page: the XML declaration, DOCTYPE and comments left out, and the root's
// namespace declarations (HTML gives inline SVG its namespace; leaving them keeps addresses out of the page).
std::string inline_svg(std::string_view svg) {
    const auto start = svg.find("<svg");
    if (start == std::string_view::npos) return {};
    std::string text(svg.substr(start));
    const auto root_end = text.find('>');
    std::string root = text.substr(0, root_end);
    for (const std::string_view attribute : {" xmlns=\"", " xmlns:xlink=\""}) {
        const auto at = root.find(attribute);
        if (at == std::string::npos) continue;
        const auto close = root.find('"', at + attribute.size());
        if (close == std::string::npos) continue;
        root.erase(at, close + 1 - at);
    }
    std::string out = root;
    // Comments inside (Graphviz writes one per node and edge) say nothing a reader sees.
    std::size_t i = root_end;
    while (i < text.size()) {
        const auto comment = text.find("<!--", i);
        if (comment == std::string::npos) {
            out.append(text, i);
            break;
        }
        out.append(text, i, comment - i);
        const auto end = text.find("-->", comment + 4);
        if (end == std::string::npos) break;
        i = end + 3;
        if (i < text.size() && text[i] == '\n') ++i;
    }
    // The pictures' writers keep C1 and bidirectional controls in names (XML allows them); on
    // the page they take their visible form, as every other text does.
    return needs_escape(out, true) ? visible(out, true) : out;
}

class Page {
public:
    Page(const Graph& graph, const HtmlReportOptions& options) : m_graph(graph), m_options(options) {}

    HtmlReport make(const CoverageReport& report);

private:
    void raw(std::string_view text) { m_out += text; }
    void text(std::string_view text) { append_html(m_out, text, false); }
    void attr(std::string_view text) { append_html(m_out, text, true); }
    // Text with its citation one hover (title) or click (the script's panel) away.
    void fact(std::string_view shown, std::string_view citation, std::string_view css = {});
    // An entity by its list name; the tooltip names it in full, with its kind, id and sources.
    void entity(EntityIndex e);
    // ` data-s="…"`: what the search box matches, folded.
    void search_key(std::initializer_list<EntityIndex> entities);
    void relation_fact(RelationIndex r, std::string_view shown);
    // The units that cover a place, each by its list name, its covering relation's sources a hover away.
    void covering_units(const std::vector<CoveringUnit>& units) {
        for (std::size_t i = 0; i < units.size(); ++i) {
            if (i) text(", ");
            relation_fact(units[i].best().relation, list_name(m_graph, units[i].unit));
        }
    }

    [[nodiscard]] std::string entity_tooltip(EntityIndex e) const;
    [[nodiscard]] std::string relation_citation(RelationIndex r) const;
    [[nodiscard]] bool before(EntityIndex a, EntityIndex b) const;
    [[nodiscard]] std::string title() const;
    [[nodiscard]] std::string kind_label(EntityIndex e) const { return m_graph.kind_of(e).label; }
    // What the places coverage counts are called: the label and plural of the schema's
    // [gazetteer] kind ("country", "countries"), the plural when `n` is not one.
    [[nodiscard]] std::string place() const { return place_words(m_graph.schema, m_options.coverage.place_kind).one; }
    [[nodiscard]] std::string places() const { return place_words(m_graph.schema, m_options.coverage.place_kind).many; }
    [[nodiscard]] std::string places(std::size_t n) const { return n == 1 ? place() : places(); }

    void head(const std::string& title);
    void chart_section();
    void map_section(const CoverageReport& report);
    void uncovered_section(const CoverageReport& report);
    void units_section(const CoverageReport& report);
    void associations_section();
    void index_section();
    void sources_section();

    const Graph& m_graph;
    const HtmlReportOptions& m_options;
    std::string m_out;
    std::vector<std::string> m_warnings;
    std::optional<Date> m_date;
};

void Page::fact(std::string_view shown, std::string_view citation, std::string_view css) {
    raw("<span class=\"f");
    if (!css.empty()) {
        raw(" ");
        raw(css);
    }
    raw("\" tabindex=\"0\" title=\"");
    attr(citation);
    raw("\">");
    text(shown);
    raw("</span>");
}

std::string Page::entity_tooltip(EntityIndex e) const {
    const auto entity = m_graph.entity(e);
    std::string tip = fmt::format("{} ({}), {}", entity.name, entity.id, kind_label(e));
    if (const auto v = validity_words(entity.validity); !v.empty()) tip += ", " + v;
    const auto cited = m_graph.cite(entity.citations);
    tip += cited.empty() ? " — no source cited" : " — sources: " + cited;
    return tip;
}

void Page::entity(EntityIndex e) {
    fact(list_name(m_graph, e), entity_tooltip(e), "e");
}

void Page::search_key(std::initializer_list<EntityIndex> entities) {
    std::string key;
    for (const auto e : entities) {
        for (const std::string_view name : {m_graph.entity_name(e), list_name(m_graph, e), m_graph.entity_id(e)}) {
            if (!key.empty()) key += " | ";
            key += fold_name(name);
        }
    }
    raw(" data-s=\"");
    attr(key);
    raw("\"");
}

std::string Page::relation_citation(RelationIndex r) const {
    const auto relation = m_graph.relation(r);
    const auto& kind = m_graph.kind_of_relation(r);
    std::string text =
        fmt::format("{} {} {}", m_graph.entity_name(relation.from), kind.label, m_graph.entity_name(relation.to));
    if (const auto v = validity_words(relation.validity); !v.empty()) text += ", " + v;
    if (relation.derived) text += fmt::format(" (derived by the rule {})", relation.rule);
    const auto cited = m_graph.cite(relation.citations);
    text += cited.empty() ? " — no source cited" : " — sources: " + cited;
    return text;
}

void Page::relation_fact(RelationIndex r, std::string_view shown) {
    fact(shown, relation_citation(r));
}

bool Page::before(EntityIndex a, EntityIndex b) const {
    const auto na = list_name(m_graph, a), nb = list_name(m_graph, b);
    if (na != nb) return na < nb;
    return m_graph.entity_id(a) < m_graph.entity_id(b);
}

std::string Page::title() const {
    if (!m_options.title.empty()) return m_options.title;
    std::vector<std::string> names;
    // The entities that head the organisation chart ([presentation.chart] root) name the page.
    const auto& root_kind = m_graph.schema.presentation().chart.root;
    if (const auto root = root_kind.empty() ? std::nullopt : m_graph.schema.entity_kind(root_kind)) {
        for (EntityIndex e = 0; e < m_graph.entity_count(); ++e)
            if (m_graph.schema.is_a(m_graph.entity_kind_index(e), *root)) names.emplace_back(m_graph.entity_name(e));
    }
    std::sort(names.begin(), names.end());
    if (names.empty() && !m_graph.layers.empty()) names.push_back(m_graph.layers.back().title);
    return names.empty() ? std::string("Report") : join(names, ", ");
}

void Page::head(const std::string& page_title) {
    raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    raw("<meta http-equiv=\"Content-Security-Policy\" content=\"");
    raw(content_security_policy);
    raw("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    raw("<meta name=\"generator\" content=\"");
    attr(m_options.generator);
    raw("\">\n<link rel=\"icon\" href=\"data:,\">\n<title>");
    text(page_title);
    raw("</title>\n<style>");
    raw(style);
    raw("</style>\n</head>\n<body>\n<header>\n<h1>");
    text(page_title);
    raw("</h1>\n<p>");
    std::size_t facts = m_graph.relation_count();
    text(fmt::format("{} entities, {} relations, {} sources in {} layers", m_graph.entity_count(), facts,
                     m_graph.sources.size(), m_graph.layers.size()));
    if (m_date) {
        text(fmt::format("; facts valid on {}{}", m_date->to_string(),
                         m_options.coverage.as_of ? "" : " (the day the report was made)"));
    }
    raw(".</p>\n<nav><a href=\"#chart\">Chart</a><a href=\"#map\">Coverage map</a>"
        "<a href=\"#uncovered\">Uncovered</a><a href=\"#units\">Units</a>"
        "<a href=\"#associations\">Associations</a><a href=\"#index\">Index</a><a href=\"#sources\">Sources</a>"
        "<input id=\"q\" type=\"search\" placeholder=\"Search names, ids, acronyms\" aria-label=\"Search names\">"
        "<span id=\"q-count\" aria-live=\"polite\"></span></nav>\n</header>\n<main>\n");
}

void Page::chart_section() {
    raw("<section id=\"chart\">\n<h2>Organisation chart</h2>\n");
    DiagramParams params;
    const auto rendering = render_dot(write_dot(m_graph, params), RenderFormat::svg);
    for (const auto& w : rendering.warnings) m_warnings.push_back(w);
    raw("<figure>\n");
    raw(inline_svg(rendering.data));
    raw("<figcaption>Click the chart to see it at full size (and again to fit it); hover over a box or an "
        "arrow for its sources; the ");
    text(places());
    raw(" each unit covers are listed inside it.</figcaption>\n</figure>\n</section>\n");
}

void Page::map_section(const CoverageReport& report) {
    raw("<section id=\"map\">\n<h2>Coverage map</h2>\n<p>");
    text(m_options.map_subtitle);
    raw("</p>\n<figure>\n");
    MapOptions options;
    options.title = m_options.map_title;
    options.subtitle = m_options.map_subtitle;
    const auto scene = make_coverage_map(m_graph, m_options.coverage, report, options);
    raw(inline_svg(map_svg(scene)));
    raw("<figcaption>");
    text(fmt::format("Hover over a {} for the units that cover it and their sources.", place()));
    if (!scene.unmapped.empty()) {
        text(fmt::format(" Not on the map (no shape): {}.", join(scene.unmapped, ", ")));
    }
    raw("</figcaption>\n</figure>\n</section>\n");
}

void Page::uncovered_section(const CoverageReport& report) {
    const auto& relation = m_graph.schema.relation_kind(report.relation);
    // The kind the units share ("regional department"), else "unit".
    const auto kind = shared_unit_kind(m_graph, report);
    const std::string unit = kind ? m_graph.schema.entity_kind(*kind).label : "unit";
    raw("<section id=\"uncovered\">\n");
    raw("<h2>");
    text(fmt::format("{} no {} {} ({})", capitalised(places()), unit, relation.label, report.summary.uncovered));
    raw("</h2>\n<p>");
    text(fmt::format("Of the {} ({}), {} of {} are covered", m_options.universe_description, report.summary.universe,
                     report.summary.covered, report.summary.considered));
    if (!report.home.empty()) text(fmt::format("; the home {} is counted apart", place()));
    raw(".</p>\n");

    // Membership gaps, by member: why a country matters although no unit names it.
    std::map<EntityIndex, std::vector<const MembershipGap*>> gaps;
    for (const auto& g : report.membership_gaps) gaps[g.member].push_back(&g);

    if (report.summary.uncovered == 0) {
        raw("<p>None.</p>\n");
    } else {
        // The membership column is headed by the attribute's name, as the schema's [gazetteer] declares it.
        const auto& status_key = m_options.coverage.membership_attribute;
        raw("<table>\n<thead><tr><th>region</th><th>sub-region</th><th>");
        text(place());
        raw("</th>");
        if (!status_key.empty()) {
            raw("<th>");
            text(status_key);
            raw("</th>");
        }
        raw("<th>why it matters</th></tr></thead>\n<tbody>\n");
        for (const auto& group : report.uncovered) {
            for (const auto c : group.places) {
                raw("<tr");
                search_key({c});
                raw("><td>");
                text(group.region.empty() ? "(none)" : group.region);
                raw("</td><td>");
                text(group.subregion);
                raw("</td><td class=\"uncovered\">");
                entity(c);
                raw("</td><td>");
                if (!status_key.empty()) {
                    std::string status;
                    for (const auto& a : m_graph.entity_attributes(c))
                        if (a.key == status_key) status = std::string(a.value);
                    text(status);
                    raw("</td><td>");
                }
                text(fmt::format("no {} {} it", unit, relation.label));
                const auto found = gaps.find(c);
                if (found != gaps.end()) {
                    for (const auto* g : found->second) {
                        raw("; ");
                        const auto membership = m_graph.relation(g->membership);
                        std::string since;
                        if (membership.validity.from)
                            since = fmt::format(" since {}", membership.validity.from->to_string());
                        relation_fact(g->membership,
                                      fmt::format("member of {}{}", list_name(m_graph, g->organisation), since));
                        text(", which ");
                        for (std::size_t i = 0; i < g->units.size(); ++i) {
                            if (i) text(i + 1 == g->units.size() ? " and " : ", ");
                            entity(g->units[i]);
                        }
                        text(fmt::format(" {}", relation.label));
                    }
                }
                raw("</td></tr>\n");
            }
        }
        raw("</tbody>\n</table>\n");
    }

    raw("<h3>");
    text(fmt::format("Membership gaps ({})", report.membership_gaps.size()));
    raw("</h3>\n");
    if (report.membership_gaps.empty()) {
        raw("<p>None: every member of an organisation a unit covers is covered by that unit too.</p>\n");
    } else {
        raw("<p>Members of an organisation a unit covers whom that unit does not cover.</p>\n<table>\n<thead><tr>"
            "<th>organisation</th><th>covered by</th><th>member</th><th>membership</th><th>standing</th>"
            "</tr></thead>\n<tbody>\n");
        for (const auto& g : report.membership_gaps) {
            raw("<tr");
            search_key({g.organisation, g.member});
            raw("><td>");
            entity(g.organisation);
            raw("</td><td>");
            for (std::size_t i = 0; i < g.units.size(); ++i) {
                if (i) text(", ");
                entity(g.units[i]);
            }
            raw("</td><td>");
            entity(g.member);
            raw("</td><td>");
            const auto v = validity_words(m_graph.relation(g.membership).validity);
            relation_fact(g.membership, v.empty() ? "member" : v);
            raw("</td><td>");
            if (g.standing == MemberStanding::uncovered) {
                text("covered by no unit");
            } else {
                text("covered by ");
                for (std::size_t i = 0; i < g.other_units.size(); ++i) {
                    if (i) text(", ");
                    entity(g.other_units[i]);
                }
                text(" instead");
            }
            raw("</td></tr>\n");
        }
        raw("</tbody>\n</table>\n");
    }

    if (!report.outside_universe.empty()) {
        raw("<h3>");
        text(
            fmt::format("{} covered outside the universe ({})", capitalised(places()), report.outside_universe.size()));
        raw("</h3>\n<table>\n<thead><tr><th>");
        text(place());
        raw("</th><th>why outside</th><th>covered by</th></tr></thead>\n<tbody>\n");
        for (const auto& o : report.outside_universe) {
            raw("<tr");
            search_key({o.entity});
            raw("><td>");
            entity(o.entity);
            raw("</td><td>");
            switch (o.reason) {
                case OutsideReason::not_member:
                    text(fmt::format("{} {}", m_options.coverage.membership_attribute,
                                     o.status.empty() ? "not given" : o.status));
                    break;
                case OutsideReason::observer:
                    text("an observer");
                    break;
                case OutsideReason::not_valid:
                    text("not valid on the date");
                    break;
                case OutsideReason::not_a_place:  // reported with the entries that are not countries
                    break;
            }
            raw("</td><td>");
            covering_units(o.units);
            raw("</td></tr>\n");
        }
        raw("</tbody>\n</table>\n");
    }
    if (!report.not_places.empty()) {
        raw("<h3>");
        text(fmt::format("Covered entries that are not {} ({})", places(), report.not_places.size()));
        raw("</h3>\n<table>\n<thead><tr><th>entry</th><th>kind</th><th>covered by</th></tr></thead>\n<tbody>\n");
        for (const auto& o : report.not_places) {
            raw("<tr");
            search_key({o.entity});
            raw("><td>");
            entity(o.entity);
            raw("</td><td>");
            text(kind_label(o.entity));
            raw("</td><td>");
            covering_units(o.units);
            raw("</td></tr>\n");
        }
        raw("</tbody>\n</table>\n");
    }
    raw("</section>\n");
}

void Page::units_section(const CoverageReport& report) {
    const auto& relation = m_graph.schema.relation_kind(report.relation);
    struct Reached {
        EntityIndex place;
        const CoveragePath* path;
        bool home;
    };
    std::map<EntityIndex, std::vector<Reached>> by_unit;
    for (const auto& c : report.covered)
        for (const auto& u : c.units) by_unit[u.unit].push_back({c.place, &u.best(), false});
    for (const auto& h : report.home)
        for (const auto& u : h.units) by_unit[u.unit].push_back({h.place, &u.best(), true});

    raw("<section id=\"units\">\n<h2>");
    text(fmt::format("Units and the {} each {} ({})", places(), relation.label, report.per_unit.size()));
    raw("</h2>\n<p>");
    text(fmt::format("Hover over or click a {} for the statement that the unit answers for it.", place()));
    raw("</p>\n");
    for (const auto& u : report.per_unit) {
        auto& list = by_unit[u.unit];
        std::sort(list.begin(), list.end(),
                  [&](const Reached& a, const Reached& b) { return before(a.place, b.place); });
        raw("<details open");
        search_key({u.unit});
        raw("><summary><strong>");
        entity(u.unit);
        raw("</strong> <span class=\"kind\">");
        text(fmt::format("{} · {} {}", kind_label(u.unit), u.places, places(u.places)));
        if (u.outside) text(fmt::format(", {} outside the universe", u.outside));
        if (u.not_places)
            text(fmt::format(", {} {} not {}", u.not_places, u.not_places == 1 ? "entry that is" : "entries that are",
                             u.not_places == 1 ? with_article(place()) : places()));
        if (u.empty_regions)
            text(fmt::format(", {} region{} listing no {}", u.empty_regions, u.empty_regions == 1 ? "" : "s", place()));
        raw("</span></summary>\n<ul class=\"cols\">\n");
        for (const auto& r : list) {
            raw("<li");
            search_key({u.unit, r.place});
            raw(">");
            relation_fact(r.path->relation, list_name(m_graph, r.place));
            const auto way = way_text(m_graph, *r.path);
            if (!way.empty() || r.home) {
                raw(" <span class=\"way\">");
                text(fmt::format("({}{}{})", way, !way.empty() && r.home ? ", " : "", r.home ? "home " + place() : ""));
                raw("</span>");
            }
            raw("</li>\n");
        }
        raw("</ul>\n</details>\n");
    }
    raw("</section>\n");
}

void Page::associations_section() {
    raw("<section id=\"associations\">\n<h2>Associations: focus and contact routes</h2>\n");
    const auto& schema = m_graph.schema;
    const auto& declared = schema.presentation().report;
    const auto& association_kind =
        m_options.association_kind.empty() ? declared.associations : m_options.association_kind;
    const auto& focus_relation = m_options.focus_relation.empty() ? declared.focus_by : m_options.focus_relation;
    const auto& route_kind = m_options.route_kind.empty() ? declared.routes_to : m_options.route_kind;
    if (association_kind.empty()) {
        raw("<p>");
        text("The schema names no kind for this section ([presentation.report] associations).");
        raw("</p>\n</section>\n");
        return;
    }
    const auto kind = schema.entity_kind(association_kind);
    if (!kind) {
        raw("<p>");
        text(fmt::format("The dataset has no entity kind '{}'.", association_kind));
        raw("</p>\n</section>\n");
        return;
    }
    const auto focus = schema.relation_kind(focus_relation);
    const auto target = schema.entity_kind(route_kind);
    std::vector<EntityIndex> associations;
    for (EntityIndex e = 0; e < m_graph.entity_count(); ++e)
        if (schema.is_a(m_graph.entity_kind_index(e), *kind)) associations.push_back(e);
    std::sort(associations.begin(), associations.end(), [&](auto a, auto b) { return before(a, b); });
    const std::string targets = target ? schema.entity_kind(*target).plural : route_kind;
    raw("<p>");
    text(fmt::format("{} {}", associations.size(), schema.entity_kind(*kind).plural));
    if (!focus) text(fmt::format("; the dataset has no relation kind '{}'", focus_relation));
    if (!target) text(fmt::format("; the dataset has no entity kind '{}', so no routes", route_kind));
    raw(". A route's steps follow relations as ");
    raw("<code>orgraph routes</code> does; hover over or click a step for its source.</p>\n");
    for (const auto a : associations) {
        raw("<article");
        search_key({a});
        raw(">\n<h3>");
        entity(a);
        const auto short_name = m_graph.entity(a).short_name;
        if (!short_name.empty()) {
            raw(" <span class=\"kind\">");
            text(short_name);
            raw("</span>");
        }
        raw("</h3>\n");
        if (focus) {
            std::vector<RelationIndex> focused;
            for (const auto r : m_graph.out_relations(a))
                if (m_graph.relation_record(r).kind == *focus) focused.push_back(r);
            std::sort(focused.begin(), focused.end(), [&](auto x, auto y) {
                const auto tx = m_graph.relation(x).to, ty = m_graph.relation(y).to;
                return tx != ty ? before(tx, ty) : x < y;
            });
            raw("<p>");
            text(fmt::format("{}: ", schema.relation_kind(*focus).label));
            if (focused.empty()) text("nothing stated");
            for (std::size_t i = 0; i < focused.size(); ++i) {
                if (i) text(", ");
                const auto relation = m_graph.relation(focused[i]);
                std::string shown(list_name(m_graph, relation.to));
                if (const auto v = validity_words(relation.validity); !v.empty()) shown += " (" + v + ")";
                relation_fact(focused[i], shown);
            }
            raw("</p>\n");
        }
        if (!target) {
            raw("</article>\n");
            continue;
        }
        RoutesParams params;
        params.to_kind = route_kind;
        const auto routes = find_routes(m_graph, a, params);
        const auto total = routes.reached.size() + routes.unreached.size();
        raw(routes.reached.size() <= 8 ? "<details open>" : "<details>");
        raw("<summary>");
        text(fmt::format("Contact routes to {}: {} of {} reachable", targets, routes.reached.size(), total));
        raw("</summary>\n<ol class=\"routes\">\n");
        for (const auto& t : routes.reached) {
            raw("<li");
            search_key({t.target});
            raw(">");
            entity(t.target);
            raw(" <span class=\"way\">");
            text(fmt::format("{} {}", t.route.size(), t.route.size() == 1 ? "step" : "steps"));
            raw("</span>\n<ol class=\"route\">");
            for (const auto& step : t.route) {
                const auto& k = m_graph.kind_of_relation(step.relation);
                raw("<li>");
                text(m_graph.entity_name(step.from));
                text(" — ");
                relation_fact(step.relation, step.backward ? (k.inverse.empty() ? k.id : k.inverse) : k.label);
                text(" → ");
                text(m_graph.entity_name(step.to));
                raw("</li>");
            }
            raw("</ol></li>\n");
        }
        raw("</ol>\n");
        if (!routes.unreached.empty()) {
            raw("<p>No route: ");
            for (std::size_t i = 0; i < routes.unreached.size(); ++i) {
                if (i) text(", ");
                entity(routes.unreached[i].target);
            }
            raw(" (<code>orgraph routes</code> says what stands in the way).</p>\n");
        }
        raw("</details>\n</article>\n");
    }
    raw("</section>\n");
}

void Page::index_section() {
    std::vector<EntityIndex> all(m_graph.entity_count());
    for (EntityIndex e = 0; e < all.size(); ++e) all[e] = e;
    std::sort(all.begin(), all.end(), [&](auto a, auto b) { return before(a, b); });
    raw("<section id=\"index\">\n<h2>");
    text(fmt::format("Index of entities ({})", all.size()));
    raw("</h2>\n<details><summary>Every entity by name, with its kind, id and sources</summary>\n"
        "<table>\n<thead><tr><th>name</th><th>kind</th><th>id</th><th>full name</th><th>sources</th></tr>"
        "</thead>\n<tbody>\n");
    for (const auto e : all) {
        const auto entity = m_graph.entity(e);
        raw("<tr");
        search_key({e});
        raw("><td>");
        text(list_name(m_graph, e));
        raw("</td><td>");
        text(kind_label(e));
        raw("</td><td>");
        text(entity.id);
        raw("</td><td>");
        if (list_name(m_graph, e) != entity.name) text(entity.name);
        raw("</td><td>");
        text(m_graph.cite(entity.citations));
        raw("</td></tr>\n");
    }
    raw("</tbody>\n</table>\n</details>\n</section>\n");
}

void Page::sources_section() {
    std::vector<std::size_t> cited(m_graph.sources.size(), 0);
    for (EntityIndex e = 0; e < m_graph.entity_count(); ++e)
        for (const auto& c : m_graph.entity(e).citations) ++cited[c.source];
    for (RelationIndex r = 0; r < m_graph.relation_count(); ++r)
        for (const auto& c : m_graph.relation(r).citations) ++cited[c.source];
    raw("<section id=\"sources\">\n<h2>");
    text(fmt::format("Sources ({})", m_graph.sources.size()));
    raw("</h2>\n<p>Addresses are given as text: the page opens nothing.</p>\n<table>\n<thead><tr><th>id</th>"
        "<th>title</th><th>publisher</th><th>date</th><th>address</th><th>note</th><th>facts citing it</th>"
        "</tr></thead>\n<tbody>\n");
    for (std::size_t i = 0; i < m_graph.sources.size(); ++i) {
        const auto& s = m_graph.sources[i];
        raw("<tr id=\"source-");
        raw(std::to_string(i));
        raw("\"><td>");
        text(s.id);
        raw("</td><td>");
        text(s.title);
        raw("</td><td>");
        text(s.publisher);
        raw("</td><td>");
        text(s.date);
        raw("</td><td class=\"url\">");
        text(s.url);
        raw("</td><td>");
        text(s.note);
        raw("</td><td>");
        text(std::to_string(cited[i]));
        raw("</td></tr>\n");
    }
    raw("</tbody>\n</table>\n</section>\n");
}

HtmlReport Page::make(const CoverageReport& report) {
    m_date = m_options.coverage.as_of ? m_options.coverage.as_of : m_options.coverage.today;
    const auto page_title = title();
    head(page_title);
    chart_section();
    map_section(report);
    uncovered_section(report);
    units_section(report);
    associations_section();
    index_section();
    sources_section();
    raw("</main>\n<div id=\"cite\" role=\"status\" aria-live=\"polite\"></div>\n<footer>");
    text(fmt::format("Made by {} from {} layers: ", m_options.generator, m_graph.layers.size()));
    for (std::size_t i = 0; i < m_graph.layers.size(); ++i) {
        if (i) text(", ");
        text(m_graph.layers[i].title.empty() ? m_graph.layers[i].id : m_graph.layers[i].title);
    }
    raw(".</footer>\n<script>");
    raw(script);
    raw("</script>\n</body>\n</html>\n");
    return {std::move(m_out), std::move(m_warnings)};
}

}  // namespace

HtmlReport html_report(const Graph& graph, const HtmlReportOptions& options, const CoverageReport& coverage) {
    return Page(graph, options).make(coverage);
}

}  // namespace orgraph
