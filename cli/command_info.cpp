#include "commands.hpp"

#include <fmt/format.h>
#include <map>

#include "answer.hpp"
#include "orgraph/write/json_writer.hpp"
#include "table.hpp"

namespace orgraph::cli {
namespace {

constexpr CommandInfo info_info{
    .name = "info",
    .synopsis = "what is loaded: layers, sources, entities per kind, relations per kind",
    .arguments = "",
};

class InfoCommand final : public Command {
public:
    InfoCommand() : Command(info_info) {}
    void add_options(po::options_description& options, po::positional_options_description& positional) override;
    void setup(const po::variables_map& variables) override;
    int run() override;

private:
    DataOptions m_data = DataOptions::whole_record();
    OutputOptions m_output;
};

struct Counts {
    std::vector<std::size_t> entities;  // per entity kind
    std::vector<std::size_t> stated;    // per relation kind
    std::vector<std::size_t> derived;   // per relation kind
};

Counts count(const Graph& graph) {
    Counts c;
    c.entities.assign(graph.schema.entity_kinds().size(), 0);
    c.stated.assign(graph.schema.relation_kinds().size(), 0);
    c.derived.assign(graph.schema.relation_kinds().size(), 0);
    for (EntityIndex e = 0; e < graph.entity_count(); ++e) ++c.entities[graph.entity_kind_index(e)];
    for (RelationIndex r = 0; r < graph.relation_count(); ++r) {
        const auto& rec = graph.relation_record(r);
        ++((rec.flags & image::relation_derived) ? c.derived : c.stated)[rec.kind];
    }
    return c;
}

}  // namespace

std::unique_ptr<Command> make_info_command() {
    return std::make_unique<InfoCommand>();
}

void InfoCommand::add_options(po::options_description& options, po::positional_options_description&) {
    options.add(data_options(m_data)).add(output_options(m_output));
}

void InfoCommand::setup(const po::variables_map&) {
    check_format(m_output);
    (void)m_data.as_of_date();
}

int InfoCommand::run() {
    const auto graph = load_graph(m_data);
    const auto counts = count(graph);
    const auto& schema = graph.schema;
    std::size_t derived_total = 0;
    for (auto d : counts.derived) derived_total += d;
    // The tables for people list the kinds the data has; JSON lists every kind of the schema.
    std::vector<KindIndex> entity_kinds;
    for (std::size_t k = 0; k < counts.entities.size(); ++k)
        if (counts.entities[k] > 0) entity_kinds.push_back(static_cast<KindIndex>(k));
    std::vector<RelationKindIndex> relation_kinds;
    for (std::size_t k = 0; k < counts.stated.size(); ++k)
        if (counts.stated[k] + counts.derived[k] > 0) relation_kinds.push_back(static_cast<RelationKindIndex>(k));

    Answer answer;
    answer.lead(fmt::format(
        "{}, {} ({} stated, {} derived), {} in {}", counted(graph.entities().size(), "entity", "entities"),
        counted(graph.relations().size(), "relation", "relations"), graph.relations().size() - derived_total,
        derived_total, counted(graph.sources.size(), "source", "sources"),
        counted(graph.layers.size(), "layer", "layers")));
    answer.date();
    answer.list({.key = "layers",
                 .title = "Layers",
                 .counted_title = false,
                 .rows = {{"layer", "title", "files"},
                          {false, false, true},
                          graph.layers.size(),
                          [&](std::size_t i, std::vector<std::string>& cells) {
                              const auto& layer = graph.layers[i];
                              cells = {layer.id, layer.title, std::to_string(layer.files.size())};
                          }},
                 .record = [&](JsonWriter& json, std::size_t i) {
                     const auto& layer = graph.layers[i];
                     json.begin_object().field("id", layer.id).field("title", layer.title);
                     json.key("files").begin_array();
                     for (const auto& f : layer.files) json.value(f);
                     json.end_array().end_object();
                 }});
    answer.list({.key = "sources",
                 .title = "Sources",
                 .counted_title = false,
                 .rows = {{"source", "title", "date"},
                          {},
                          graph.sources.size(),
                          [&](std::size_t i, std::vector<std::string>& cells) {
                              const auto& s = graph.sources[i];
                              cells = {s.id, s.title, s.date};
                          }},
                 .record = [&](JsonWriter& json, std::size_t i) {
                     const auto& s = graph.sources[i];
                     json.begin_object().field("id", s.id).field("title", s.title).field("publisher", s.publisher);
                     json.field("url", s.url).field("date", s.date).field("layer", s.layer).end_object();
                 }});
    answer.field("entities", static_cast<std::uint64_t>(graph.entities().size()));
    answer.field("relations", static_cast<std::uint64_t>(graph.relations().size() - derived_total));
    answer.field("derived_relations", static_cast<std::uint64_t>(derived_total));
    answer.list({.key = "entity_kinds",
                 .title = "Entities by kind",
                 .counted_title = false,
                 .rows = {{"kind", "label", "count"},
                          {false, false, true},
                          entity_kinds.size(),
                          [&](std::size_t i, std::vector<std::string>& cells) {
                              const auto k = entity_kinds[i];
                              const auto& kind = schema.entity_kind(k);
                              cells = {kind.id, kind.label, std::to_string(counts.entities[k])};
                          }},
                 .json_count = counts.entities.size(),
                 .record = [&](JsonWriter& json, std::size_t k) {
                     const auto& kind = schema.entity_kind(static_cast<KindIndex>(k));
                     json.begin_object().field("kind", kind.id).field("label", kind.label);
                     json.field("parent", kind.parent ? schema.entity_kind(*kind.parent).id : std::string{});
                     json.field("count", static_cast<std::uint64_t>(counts.entities[k])).end_object();
                 }});
    answer.list(
        {.key = "relation_kinds",
         .title = "Relations by kind",
         .counted_title = false,
         .rows = {{"kind", "reads", "stated", "derived"},
                  {false, false, true, true},
                  relation_kinds.size(),
                  [&](std::size_t i, std::vector<std::string>& cells) {
                      const auto k = relation_kinds[i];
                      const auto& kind = schema.relation_kind(k);
                      cells = {kind.id, fmt::format("{} / {}", kind.label, kind.inverse),
                               std::to_string(counts.stated[k]), std::to_string(counts.derived[k])};
                  }},
         .json_count = counts.stated.size(),
         .record = [&](JsonWriter& json, std::size_t k) {
             const auto& kind = schema.relation_kind(static_cast<RelationKindIndex>(k));
             json.begin_object().field("kind", kind.id).field("label", kind.label).field("inverse", kind.inverse);
             json.field("count", static_cast<std::uint64_t>(counts.stated[k]));
             json.field("derived", static_cast<std::uint64_t>(counts.derived[k])).end_object();
         }});

    // CSV: one flat table, so that a script can pick the rows it wants.
    Table table({"section", "id", "label", "count", "derived"}, {false, false, false, true, true});
    for (const auto& layer : graph.layers)
        table.add({"layer", layer.id, layer.title, std::to_string(layer.files.size()), ""});
    for (const auto& s : graph.sources) table.add({"source", s.id, s.title, "", ""});
    for (std::size_t k = 0; k < counts.entities.size(); ++k) {
        const auto& kind = schema.entity_kind(static_cast<KindIndex>(k));
        table.add({"entity_kind", kind.id, kind.label, std::to_string(counts.entities[k]), ""});
    }
    for (std::size_t k = 0; k < counts.stated.size(); ++k) {
        const auto& kind = schema.relation_kind(static_cast<RelationKindIndex>(k));
        table.add({"relation_kind", kind.id, kind.label, std::to_string(counts.stated[k]),
                   std::to_string(counts.derived[k])});
    }
    answer.csv(rows_of(table));
    answer.print(m_output);
    return 0;
}

}  // namespace orgraph::cli
