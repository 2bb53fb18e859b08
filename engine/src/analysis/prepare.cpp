#include "orgraph/analysis/prepare.hpp"

#include "model/threads.hpp"
#include "orgraph/analysis/derive.hpp"
#include "orgraph/model/as_of.hpp"

namespace orgraph {

Graph prepare_graph(GraphBuilder facts, const PrepareOptions& options) {
    if (options.as_of) restrict_to_date_in_place(facts, *options.as_of, options.present);
    std::vector<EntityIndex> order;
    if (options.derive) {
        // The rules add relations and leave the entities as they are: their order by id, which
        // freeze() needs, is worked out on the second core meanwhile.
        detail::run_beside([&] { order = id_order(facts); }, [&] { derive_relations(facts); });
    }
    return freeze(std::move(facts), FreezeOptions{options.name_index, options.derive ? &order : nullptr});
}

Graph prepare_graph(Graph graph, const PrepareOptions& options) {
    if (options.derive == graph.rules_applied && (!options.name_index || graph.has_name_index())) {
        if (!options.as_of) return graph;
        // The present graph carried with the graph (a snapshot's), when the day is one it is the
        // present graph of: nothing to leave out or derive.
        if (options.present && !options.fresh_tables && graph.present && graph.present->covers(*options.as_of)) {
            const auto& present = *graph.present->graph;
            if (present.rules_applied == options.derive && (!options.name_index || present.has_name_index()))
                return present;
        }
        // Leaving out what did not hold on the date is enough unless a rule could then derive
        // something else (restrict_to_date says); only then are the facts derived anew.
        if (!options.fresh_tables)
            if (auto restricted = restrict_to_date(graph, *options.as_of, options.present)) {
                // The restricted graph has tables of its own but for the text: a mapped
                // snapshot's other pages need not stay in memory (they are read again if the
                // whole graph is asked for).
                if (restricted->tables().relations.data() != graph.tables().relations.data())
                    graph.release_table_pages();
                return std::move(*restricted);
            }
    }
    return prepare_graph(thaw(graph), options);
}

}  // namespace orgraph
