#include "commands.hpp"

#include <fmt/format.h>

#include <iostream>

#include "answer.hpp"
#include "orgraph/model/name_resolver.hpp"
#include "table.hpp"

namespace orgraph::cli {
namespace {

constexpr CommandInfo find_info{
    .name = "find",
    .synopsis = "ranked matches for a text over names, acronyms and aliases",
    .arguments = "TEXT",
};

class FindCommand final : public Command {
public:
    FindCommand() : Command(find_info) {}
    void add_options(po::options_description& options, po::positional_options_description& positional) override;
    void setup(const po::variables_map& variables) override;
    int run() override;

private:
    DataOptions m_data;
    OutputOptions m_output;
    std::vector<std::string> m_words;
    std::size_t m_limit = 20;
    std::string m_kind;
};

const char* quality_name(MatchQuality q) {
    switch (q) {
        case MatchQuality::id:
            return "id";
        case MatchQuality::exact:
            return "exact";
        case MatchQuality::prefix:
            return "prefix";
        case MatchQuality::words:
            return "words";
        case MatchQuality::substring:
            return "substring";
        case MatchQuality::similar:
            return "similar";
    }
    return "";
}

}  // namespace

std::unique_ptr<Command> make_find_command() {
    return std::make_unique<FindCommand>();
}

void FindCommand::add_options(po::options_description& options, po::positional_options_description& positional) {
    options.add_options()("text", po::value(&m_words)->value_name("TEXT"),
                          "what to look for (several words are joined)")(
        "limit,n", number_value(&m_limit, "--limit", 1, 1000000)->value_name("N"), "at most N matches (1 to 1000000)")(
        "kind,k", po::value(&m_kind)->value_name("KIND"), "only entities of this kind (or a subkind of it)");
    options.add(data_options(m_data)).add(output_options(m_output));
    positional.add("text", -1);
}

void FindCommand::setup(const po::variables_map&) {
    check_format(m_output);
    if (m_words.empty()) throw usage_error("find needs a TEXT to look for");
    if (m_limit == 0) throw usage_error("--limit must be at least 1");
    (void)m_data.as_of_date();
}

int FindCommand::run() {
    const auto graph = load_graph(m_data);
    std::optional<KindIndex> kind;
    if (!m_kind.empty()) kind = known_entity_kind(graph.schema, "--kind", m_kind);
    std::string text;
    for (const auto& w : m_words) text += (text.empty() ? "" : " ") + w;
    const NameResolver resolver(graph);
    // Filtering by kind happens after ranking, so ask for enough to fill the limit.
    const auto matches = resolver.find(text, kind ? graph.entities().size() : m_limit);
    Table table({"rank", "id", "kind", "name", "matched", "match"}, {true, false, false, false, false, false});
    std::size_t rank = 0;
    std::vector<EntityIndex> found;
    for (const auto& m : matches) {
        if (kind && !graph.schema.is_a(graph.entity(m.entity).kind, *kind)) continue;
        if (rank == m_limit) break;
        found.push_back(m.entity);
        const auto& e = graph.entity(m.entity);
        table.add({std::to_string(++rank), std::string(e.id), graph.kind_of(m.entity).id, std::string(e.name),
                   m.matched, quality_name(m.quality)});
    }
    AnswerUses uses(graph);
    for (const auto& row : found) uses.entity(row);
    note_uses(uses);
    // No match: JSON and CSV still write their empty document for programs to read; a table for
    // people would be a header over nothing, so only the message below is printed.
    Answer answer;
    answer.date().list({.key = "matches", .rows = rows_of(table), .omit_when_empty = true}).csv_last_list();
    answer.print(m_output);
    if (rank == 0) {
        std::cerr << fmt::format(
            "orgraph: nothing matches '{}'{}\n", text,
            answered_date().date
                ? fmt::format(" {} (what was not valid then is left out; --all-dates keeps it)", answered_date().text())
                : std::string{});
        return 1;
    }
    return 0;
}

}  // namespace orgraph::cli
