#include "commands.hpp"

#include <fmt/format.h>
#include <algorithm>
#include <map>
#include <optional>
#include <string_view>

#include "answer.hpp"
#include "orgraph/model/entity_card.hpp"
#include "orgraph/model/name_resolver.hpp"
#include "orgraph/write/json_entity.hpp"
#include "orgraph/write/json_writer.hpp"
#include "table.hpp"

namespace orgraph::cli {
namespace {

constexpr CommandInfo show_info{
    .name = "show",
    .synopsis = "an entity card: attributes, sources and every relation in and out, read in words",
    .arguments = "ENTITY",
};

class ShowCommand final : public Command {
public:
    ShowCommand() : Command(show_info) {}
    void add_options(po::options_description& options, po::positional_options_description& positional) override;
    void setup(const po::variables_map& variables) override;
    int run() override;

private:
    DataOptions m_data;
    OutputOptions m_output;
    std::string m_entity;
};

// A value that holds line breaks goes on with its later lines indented under its first.
std::string indented(std::string_view value, std::size_t indent) {
    std::string out;
    for (char c : value) {
        out += c;
        if (c == '\n') out.append(indent, ' ');
    }
    return out;
}

std::string attributes_text(const Attributes& attributes) {
    std::string text;
    for (const auto& a : attributes) text += fmt::format("{}{}: {}", text.empty() ? "" : "; ", a.key, a.value);
    return text;
}

// The value the schema names as what an entity of its kind is read by (a contact channel's
// address or number), if its kind has one and the entity carries it.
std::optional<std::string_view> summary_of(const Graph& graph, EntityIndex e) {
    const auto& key = graph.schema.summary_attribute(graph.entity_kind_index(e));
    if (key.empty()) return std::nullopt;
    return graph.entity_attributes(e).find(key);
}

// The card in every format: for people its lines under headings, in JSON the entity and its
// relations as records, in CSV the relations.
Answer card_answer(const Graph& graph, const EntityCard& card,
                   const std::vector<std::pair<const CardGroup*, const CardItem*>>& relations) {
    const auto& e = graph.entity(card.entity);
    const auto& kind = graph.kind_of(card.entity);
    Answer answer;

    // The name stands on one line whatever it holds; the stream shows control characters.
    std::vector<AnswerItem> lines;
    auto line = [&](std::string_view label, std::string_view value) {
        if (value.empty()) return;
        lines.push_back({fmt::format("{:<12}{}", std::string(label) + ":", visible(value))});
    };
    line("id", e.id);
    line("kind", kind.id == kind.label ? kind.id : fmt::format("{} ({})", kind.label, kind.id));
    line("short name", e.short_name);
    std::string aliases;
    for (const auto a : e.aliases) aliases.append(aliases.empty() ? "" : "; ").append(a);
    line("aliases", aliases);
    line("valid", validity_text(e.validity));
    line("sources", graph.cite(e.citations));
    answer.items(visible(e.name), std::move(lines), 1);
    std::vector<AnswerItem> attributes;
    for (const auto& a : e.attributes) attributes.push_back({fmt::format("{:<15} {}", a.key, indented(a.value, 18))});
    answer.items("Attributes", std::move(attributes));
    for (const auto& group : card.groups) {
        std::vector<AnswerItem> items;
        for (const auto& item : group.items) {
            const auto& r = graph.relation(item.relation);
            const auto& other = graph.entity(item.other);
            std::string text = fmt::format("{} {} ({})", group.outgoing ? "→" : "←", other.name, other.id);
            if (const auto summary = summary_of(graph, item.other)) text.append(": ").append(*summary);
            if (const auto place = entity_context(graph, item.other); !place.empty()) {
                std::string names;
                for (auto p : place) names.append(names.empty() ? "" : ", ").append(graph.entity_name(p));
                const auto& rk =
                    graph.schema.relation_kind(*graph.schema.relation_kind(graph.schema.context_relation(other.kind)));
                text += fmt::format(", {} {}", rk.label, names);
            }
            std::vector<std::string> notes;
            std::optional<std::string_view> note;
            for (const auto& a : r.attributes) {
                if (a.key == "note") {
                    note = a.value;
                    continue;
                }
                notes.push_back(fmt::format("{}: {}", a.key == "as_written" ? "as written" : a.key, a.value));
            }
            if (auto v = validity_text(r.validity); !v.empty()) notes.push_back(v);
            if (r.derived) notes.push_back(fmt::format("derived by rule {}", r.rule));
            std::string suffix;
            for (const auto& n : notes) suffix += (suffix.empty() ? "" : "; ") + n;
            // One line per relation, whatever its names and attributes hold.
            text = visible(text);
            if (!suffix.empty()) text += " [" + visible(suffix) + "]";
            text += "  — " + graph.cite(r.citations);
            items.push_back({std::move(text), note ? "note" : "", note ? std::string(*note) : std::string{}});
        }
        answer.items(visible(fmt::format(
                         "{} ({})", group.phrase.empty() ? graph.schema.relation_kind(group.kind).id : group.phrase,
                         group.items.size())),
                     std::move(items));
    }
    std::vector<AnswerItem> absent;
    for (const auto& a : card.absent)
        absent.push_back({visible(fmt::format("{}: none (while {} other {} {})", a.phrase, a.peers_with,
                                              a.peers_with == 1 ? kind.label : kind.plural,
                                              a.peers_with == 1 ? "has one" : "have one"))});
    answer.items("Not related", std::move(absent));

    answer.date();
    answer.field("id", std::string(e.id)).field("kind", kind.id).field("kind_label", kind.label);
    answer.field("name", std::string(e.name)).field("short_name", std::string(e.short_name));
    answer.json("aliases", [&graph, &card](JsonWriter& json) {
        json.begin_array();
        for (const auto& a : graph.entity(card.entity).aliases) json.value(a);
        json.end_array();
    });
    answer.json("attributes", [&graph, &card](JsonWriter& json) {
        json.begin_object();
        for (const auto& a : graph.entity(card.entity).attributes) json.field(a.key, a.value);
        json.end_object();
    });
    answer.field("valid_from", e.validity.from ? e.validity.from->to_string() : std::string{});
    answer.field("valid_to", e.validity.to ? e.validity.to->to_string() : std::string{});
    auto citations = [&graph](JsonWriter& json, const Citations& cs) {
        json.begin_array();
        for (const auto& c : cs) {
            const auto& s = graph.sources[c.source];
            json.begin_object().field("source", s.id).field("locator", c.locator).field("title", s.title);
            json.field("cite", graph.cite(c)).end_object();
        }
        json.end_array();
    };
    answer.json("sources",
                [&graph, &card, citations](JsonWriter& json) { citations(json, graph.entity(card.entity).citations); });
    answer.list({.key = "relations",
                 .rows = {{"direction", "relation", "reads", "other_id", "other_name", "other_kind", "other_summary",
                           "attributes", "derived", "valid", "sources"},
                          {},
                          relations.size(),
                          [&graph, &relations](std::size_t i, std::vector<std::string>& cells) {
                              const auto& [group, item] = relations[i];
                              const auto& r = graph.relation(item->relation);
                              const auto& other = graph.entity(item->other);
                              cells = {group->outgoing ? "out" : "in",
                                       graph.schema.relation_kind(group->kind).id,
                                       group->phrase,
                                       std::string(other.id),
                                       std::string(other.name),
                                       graph.kind_of(item->other).id,
                                       std::string(summary_of(graph, item->other).value_or(std::string_view{})),
                                       attributes_text(r.attributes),
                                       r.derived ? "yes" : "no",
                                       validity_text(r.validity),
                                       graph.cite(r.citations)};
                          }},
                 .record =
                     [&graph, &relations, citations](JsonWriter& json, std::size_t i) {
                         const auto& [group, item] = relations[i];
                         const auto& r = graph.relation(item->relation);
                         json.begin_object();
                         json.field("direction", group->outgoing ? "out" : "in");
                         json.field("kind", graph.schema.relation_kind(group->kind).id);
                         json.field("reads", group->phrase);
                         json.key("other");
                         begin_entity_object(json, graph, item->other);
                         json.key("summary");
                         if (const auto summary = summary_of(graph, item->other))
                             json.value(*summary);
                         else
                             json.null();
                         json.key("context").begin_array();
                         for (auto p : entity_context(graph, item->other)) write_entity_reference(json, graph, p);
                         json.end_array().end_object();
                         json.key("attributes").begin_object();
                         for (const auto& a : r.attributes) json.field(a.key, a.value);
                         json.end_object();
                         json.field("derived", r.derived);
                         if (r.derived) json.field("rule", r.rule);
                         json.key("valid_from").value(r.validity.from ? r.validity.from->to_string() : std::string{});
                         json.key("valid_to").value(r.validity.to ? r.validity.to->to_string() : std::string{});
                         json.key("sources");
                         citations(json, r.citations);
                         json.end_object();
                     },
                 .shown = Shown::csv | Shown::json});
    answer.csv_last_list();
    answer.list(
        {.key = "absent",
         .json_count = card.absent.size(),
         .record =
             [&graph, &card](JsonWriter& json, std::size_t i) {
                 const auto& a = card.absent[i];
                 json.begin_object().field("kind", graph.schema.relation_kind(a.kind).id).field("reads", a.phrase);
                 json.field("direction", a.outgoing ? "out" : "in");
                 json.field("peers_with_it", static_cast<std::uint64_t>(a.peers_with));
                 json.field("peers", static_cast<std::uint64_t>(a.peers)).end_object();
             },
         .shown = Shown::json});
    return answer;
}

}  // namespace

std::unique_ptr<Command> make_show_command() {
    return std::make_unique<ShowCommand>();
}

void ShowCommand::add_options(po::options_description& options, po::positional_options_description& positional) {
    options.add_options()("entity", po::value(&m_entity)->value_name("ENTITY"),
                          "the entity: its id, name, acronym or an alias");
    options.add(data_options(m_data)).add(output_options(m_output));
    positional.add("entity", 1);
}

void ShowCommand::setup(const po::variables_map&) {
    check_format(m_output);
    if (m_entity.empty()) throw usage_error("show needs an ENTITY (an id, a name, an acronym or an alias)");
    (void)m_data.as_of_date();
}

int ShowCommand::run() {
    const auto graph = load_graph(m_data);
    const NameResolver resolver(graph);
    EntityIndex entity = 0;
    try {
        entity = resolve_one(graph, resolver, m_entity);
    } catch (const resolution_error& e) {
        // The entity may exist but not on that date: then the name is right (exit status 1,
        // with its validity), else it is not (2, from main).
        const auto answer = m_data.answer_date();
        if (!answer.date) throw;
        auto undated = m_data;
        undated.as_of.clear();
        undated.all_dates = true;
        undated.no_derived = true;
        const auto whole = load_graph(undated);
        const auto resolution = NameResolver(whole).resolve(m_entity);
        if (resolution.entities.size() != 1) {
            if (!e.candidates.empty()) throw;
            throw resolution_error(fmt::format("{} {} (what was not valid then is left out; --all-dates keeps it)",
                                               e.what(), answer.text()),
                                   e.candidates);
        }
        const auto& found = whole.entity(resolution.entities.front());
        throw std::runtime_error(
            fmt::format("{} ({}) is not in the graph {}: it is recorded as valid {} (--as-of DATE "
                        "or --all-dates shows it)",
                        found.name, found.id, answer.text(), validity_text(found.validity)));
    }
    const auto card = make_entity_card(graph, entity);
    // The entity, its neighbours and the relations to them, and the places the card names them by.
    AnswerUses uses(graph);
    uses.entity(entity);
    for (const auto& group : card.groups)
        for (const auto& item : group.items) {
            uses.relation(item.relation);
            uses.entities(entity_context(graph, item.other));
        }
    note_uses(uses);
    std::vector<std::pair<const CardGroup*, const CardItem*>> relations;
    for (const auto& group : card.groups)
        for (const auto& item : group.items) relations.emplace_back(&group, &item);
    card_answer(graph, card, relations).print(m_output);
    return 0;
}

}  // namespace orgraph::cli
