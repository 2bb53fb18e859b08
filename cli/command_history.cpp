#include "commands.hpp"

#include <fmt/format.h>
#include <string>

#include "answer.hpp"
#include "orgraph/analysis/history.hpp"
#include "orgraph/model/name_resolver.hpp"
#include "orgraph/write/json_entity.hpp"
#include "orgraph/write/json_writer.hpp"
#include "table.hpp"

namespace orgraph::cli {
namespace {

constexpr CommandInfo history_info{
    .name = "history",
    .synopsis = "every dated fact around one entity, oldest first: when it and each of its relations began and ended",
    .arguments = "ENTITY",
};

class HistoryCommand final : public Command {
public:
    HistoryCommand() : Command(history_info) {}
    void add_options(po::options_description& options, po::positional_options_description& positional) override;
    void setup(const po::variables_map& variables) override;
    int run() override;

private:
    DataOptions m_data = DataOptions::whole_record();
    OutputOptions m_output;
    std::string m_entity;
};

std::string_view event_code(HistoryEventType type) {
    return type == HistoryEventType::begins ? "begins" : "ends";
}

// One event in words: what began or ended, the other end, the relation's attributes.
struct EventText {
    std::string subject;  // "the entity itself", or "located in Luanda (city-luanda)"
    std::string relation;
    std::string direction;
    std::string valid;
    std::string sources;
};

EventText describe(const Graph& graph, EntityIndex entity, const HistoryEvent& event) {
    if (!event.relation) {
        const auto e = graph.entity(entity);
        return {"the entity itself", "", "", validity_text(e.validity), graph.cite(e.citations)};
    }
    const auto r = graph.relation(*event.relation);
    const auto& kind = graph.kind_of_relation(*event.relation);
    const auto other = event.outgoing ? r.to : r.from;
    const auto& phrase = event.outgoing ? kind.label : (kind.inverse.empty() ? "~" + kind.id : kind.inverse);
    std::string subject =
        fmt::format("{} {} ({})", phrase.empty() ? kind.id : phrase, graph.entity_name(other), graph.entity_id(other));
    for (const auto& a : r.attributes)
        if (a.key != "note") subject += fmt::format(" [{}: {}]", a.key, a.value);
    return {subject, kind.id, event.outgoing ? "out" : "in", validity_text(r.validity), graph.cite(r.citations)};
}

// The history in every format: the events as a table for people and CSV, as records in JSON.
Answer history_answer(const Graph& graph, const EntityHistory& history) {
    const auto e = graph.entity(history.entity);
    Answer answer;
    answer.about(graph, history.entity).undated();
    answer.title(fmt::format("History of {} ({})", e.name, e.id));
    answer.lead(fmt::format(
        "{} dated; {} without dates {} not listed.", counted(history.events.size(), "event", "events"),
        counted(history.undated_relations, "relation", "relations"), history.undated_relations == 1 ? "is" : "are"));
    answer.field("undated_relations", static_cast<std::uint64_t>(history.undated_relations));
    answer.list(
        {.key = "events",
         .rows = {{"date", "event", "fact", "valid", "sources"},
                  {},
                  history.events.size(),
                  [&graph, &history](std::size_t i, std::vector<std::string>& cells) {
                      const auto& event = history.events[i];
                      auto text = describe(graph, history.entity, event);
                      cells = {event.date.to_string(), std::string(event_code(event.type)), std::move(text.subject),
                               std::move(text.valid), std::move(text.sources)};
                  }},
         .record = [&graph, &history](JsonWriter& json, std::size_t i) {
             const auto& event = history.events[i];
             const auto text = describe(graph, history.entity, event);
             json.begin_object().field("date", event.date.to_string()).field("event", event_code(event.type));
             if (event.relation) {
                 json.key("relation").begin_object().field("kind", text.relation).field("direction", text.direction);
                 const auto relation = graph.relation(*event.relation);
                 json.key("other");
                 write_entity_reference(json, graph, event.outgoing ? relation.to : relation.from);
                 json.end_object();
             } else {
                 json.key("relation").null();
             }
             json.field("reads", text.subject).field("valid", text.valid).field("sources", text.sources);
             json.end_object();
         }});
    answer.csv_last_list();
    return answer;
}

}  // namespace

std::unique_ptr<Command> make_history_command() {
    return std::make_unique<HistoryCommand>();
}

void HistoryCommand::add_options(po::options_description& options, po::positional_options_description& positional) {
    options.add_options()("entity", po::value(&m_entity)->value_name("ENTITY"),
                          "the entity: its id, name, acronym or an alias");
    options.add(data_options(m_data)).add(output_options(m_output));
    positional.add("entity", 1);
}

void HistoryCommand::setup(const po::variables_map&) {
    check_format(m_output);
    if (m_entity.empty()) throw usage_error("history needs an ENTITY (an id, a name, an acronym or an alias)");
    if (!m_data.as_of.empty())
        throw usage_error("history lists every date; --as-of would keep one (use 'show --as-of' for a day)");
}

int HistoryCommand::run() {
    auto data = m_data;
    data.no_derived = true;  // derived relations carry the dates of their facts: the facts are listed
    const auto graph = load_graph(data);
    const NameResolver resolver(graph);
    const auto entity = resolve_one(graph, resolver, m_entity);
    const auto history = entity_history(graph, entity);
    history_answer(graph, history).print(m_output);
    return 0;
}

}  // namespace orgraph::cli
